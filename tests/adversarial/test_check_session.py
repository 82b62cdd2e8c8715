"""`check --session` reads a submission as the chair's import would: this session's, signed by the key
of the juror it names, every score fitting the session."""

from __future__ import annotations

import json

from jury_tui.domain.signing import new_private_key
from jury_tui.domain.submission import seal
from tests.adversarial.conftest import refused, run


def _submitted(capsys, session, tmp_path):
    assert run(capsys, "conflicts", "klein", "--as", "j1", "--none", "--data-dir", session).code == 0
    out = tmp_path / "inzending.json"
    assert run(capsys, "submit", "klein", "--as", "j1", "--incomplete", "--out", out, "--data-dir", session).code == 0
    return out


def _resealed_as(out, session, juror_id: str) -> None:
    """`out` with another juror id, sealed and signed again with j1's own key (all a juror holds)."""
    content = json.loads(out.read_text(encoding="utf-8"))
    content["juror_id"] = juror_id
    own_key = bytes.fromhex((session / "sessions" / "klein" / "keys" / "j1.key").read_text().strip())
    out.write_bytes(seal(content, own_key)[2])


def test_a_signed_submission_of_the_session_passes_check(capsys, session, tmp_path):
    out = _submitted(capsys, session, tmp_path)
    result = run(capsys, "check", out, "--session", "klein", "--data-dir", session)
    assert (result.code, result.err) == (0, "")


def test_a_submission_resealed_under_another_jurors_id_is_refused_by_check(capsys, session, tmp_path):
    out = _submitted(capsys, session, tmp_path)
    _resealed_as(out, session, "j2")
    assert run(capsys, "check", out).code == 0  # a well-formed file, sealed and signed …
    line = refused(capsys, "check", out, "--session", "klein", "--data-dir", session, watch=(session, tmp_path))
    assert "j1" in line  # … by j1's key, not by j2's


def test_a_submission_signed_by_a_key_outside_the_session_is_refused_by_check(capsys, session, tmp_path):
    out = _submitted(capsys, session, tmp_path)
    out.write_bytes(seal(json.loads(out.read_text(encoding="utf-8")), new_private_key())[2])
    refused(capsys, "check", out, "--session", "klein", "--data-dir", session, watch=(session, tmp_path))


def test_a_submission_with_an_id_no_session_could_hold_is_refused_even_without_a_session(capsys, session, tmp_path):
    out = _submitted(capsys, session, tmp_path)
    _resealed_as(out, session, "CON")
    assert "juror_id" in refused(capsys, "check", out, watch=(session, tmp_path))
