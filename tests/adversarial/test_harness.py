"""The harness itself: a refusal that changes a file, or prints a control character, is caught."""

from __future__ import annotations

import pytest

from tests.adversarial.conftest import RAW_CONTROL, refused, snapshot


def test_an_unknown_session_is_refused_with_one_line_and_nothing_changes(capsys, session):
    line = refused(capsys, "show", "bestaat-niet", "--data-dir", "data", watch=(session,))
    assert "bestaat-niet" in line


def test_the_snapshot_sees_a_changed_byte_and_a_changed_mode(tmp_path):
    file = tmp_path / "f.json"
    file.write_bytes(b"{}")
    file.chmod(0o600)
    before = snapshot(tmp_path)
    file.chmod(0o644)
    file.chmod(0o600)
    assert snapshot(tmp_path) == before
    file.chmod(0o644)
    assert snapshot(tmp_path) != before
    file.write_bytes(b"{ }")
    assert snapshot(tmp_path) != before


@pytest.mark.parametrize("text", ["\x1b[31m", "\x07", "\x9b2J", "\u202e", "\r"])
def test_raw_control_characters_are_recognised(text):
    assert RAW_CONTROL.search(f"voor{text}na")
