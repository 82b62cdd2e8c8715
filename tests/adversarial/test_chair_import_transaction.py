"""The chair's import as a transaction (issue 12, class 1): a take-back cut off half-way never leaves
an earlier submission in force without its reason, a refused import writes nothing, and a stored copy
put back by hand is not taken as the juror's newest."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from jury_tui.store import chair_store
from tests.adversarial.conftest import refused, run


@pytest.fixture
def two_submissions(capsys, session, tmp_path):
    """j1's submissions nr. 1 and nr. 2 (other content), both imported: nr. 2 is kept."""
    assert run(capsys, "conflicts", "klein", "--as", "j1", "--none", "--data-dir", session).code == 0
    first, second = tmp_path / "nr1.json", tmp_path / "nr2.json"
    assert run(capsys, "submit", "klein", "--as", "j1", "--incomplete", "--out", first, "--data-dir", session).code == 0
    assert run(capsys, "conflicts", "klein", "--as", "j1", "--set", "a3", "--data-dir", session).code == 0
    assert run(capsys, "submit", "klein", "--as", "j1", "--incomplete", "--out", second, "--data-dir", session).code == 0
    for path in (first, second):
        assert run(capsys, "import", "klein", path, "--data-dir", session).code in (0, 2)
    return session, first, second


def stored(session):
    return (session / "sessions" / "klein" / "submissions" / "j1.json").read_bytes()


def test_a_take_back_cut_off_after_the_copy_is_refused_until_given_again_with_its_reason(capsys, two_submissions, monkeypatch):
    session, first, second = two_submissions
    assert stored(session) == second.read_bytes()

    def killed(self):  # the process dies after the stored copy and before chair.json
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(chair_store.TinyFile, "commit", killed)
        assert run(capsys, "import", "klein", first, "--take-back", "--reason", "Klok", "--data-dir", session).code == 130
    assert stored(session) == first.read_bytes()
    # Every read refuses the earlier copy now in place without a take-back on record …
    line = refused(capsys, "export", "klein", "--csv", "uit.csv", "--data-dir", session, watch=(session,))
    assert "nr. 1" in line and "--take-back" in line
    refused(capsys, "import", "klein", first, "--data-dir", session, watch=(session,))
    # … until the chair gives the take-back again: only its reason is written.
    result = run(capsys, "import", "klein", first, "--take-back", "--reason", "Klok", "--data-dir", session)
    assert result.code == 0, result.err
    assert run(capsys, "export", "klein", "--csv", "uit.csv", "--data-dir", session).code == 0
    from jury_tui.store.chair_store import ChairStore
    from jury_tui.store.sessions import load_session

    store = ChairStore(session, load_session(session, "klein"))
    assert [(record["sequence"], record["reason"]) for record in store.take_backs()] == [(1, "Klok")]


def test_a_refused_import_writes_nothing_not_even_the_chairs_file(capsys, two_submissions):
    session, first, _ = two_submissions
    refused(capsys, "import", "klein", first, "--data-dir", session, watch=(session,))


def test_an_earlier_copy_put_back_by_hand_is_not_taken_as_the_newest(capsys, two_submissions):
    session, first, _ = two_submissions
    kept = session / "sessions" / "klein" / "submissions" / "j1.json"
    shutil.copyfile(first, kept)
    assert stored(session) == first.read_bytes()
    line = refused(capsys, "export", "klein", "--csv", "uit.csv", "--data-dir", session, watch=(session,))
    assert "j1" in line


def test_an_import_whose_record_cannot_be_written_puts_the_earlier_copy_back(capsys, two_submissions, tmp_path, monkeypatch):
    """The chair's file cannot be written (no access, disk full): the import is reported as failed and
    is not in force, now or later."""
    session, first, second = two_submissions
    third = tmp_path / "nr3.json"
    assert run(capsys, "conflicts", "klein", "--as", "j1", "--set", "a2", "--data-dir", session).code == 0
    assert run(capsys, "submit", "klein", "--as", "j1", "--incomplete", "--out", third, "--data-dir", session).code == 0
    chair_json = session / "sessions" / "klein" / "chair" / "chair.json"
    real_open = os.open

    def failing_open(path, flags, *args, **kwargs):
        if flags & os.O_CREAT and Path(path).parent == chair_json.parent and "chair.json" in str(path):
            raise OSError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(os, "open", failing_open)
        line = refused(capsys, "import", "klein", third, "--data-dir", session, watch=(session,))
    assert "chair.json" in line
    assert stored(session) == second.read_bytes()
    assert run(capsys, "import", "klein", third, "--data-dir", session).code == 0  # access back: it lands now
    assert stored(session) == third.read_bytes()


def test_a_stored_copy_changed_by_one_byte_is_checked_whole_again_and_refused(capsys, two_submissions):
    """A stored copy is read quickly only while it hashes to the checksum recorded at its import."""
    session, _, second = two_submissions
    kept = session / "sessions" / "klein" / "submissions" / "j1.json"
    raw = kept.read_bytes()
    assert raw == second.read_bytes()
    kept.write_bytes(raw.replace(b'"complete": false', b'"complete":  false', 1))
    refused(capsys, "export", "klein", "--csv", "uit.csv", "--data-dir", session, watch=(session,))
