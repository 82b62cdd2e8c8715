"""Class 7 of issue 12: every operating-system error is a user's error.

Permission denied, a read-only file system, a full disk, a name too long, a file where a folder
belongs and the reverse: one Dutch line naming the path and what to do, exit 2, nothing
half-written. Faults are injected at the system calls a save makes (os.open, os.write,
os.replace), so the cases also run as root and on any file system; a few use the real condition.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest

from jury_tui import cli
from jury_tui.errors import StoreError, os_problem
from jury_tui.formats.atomic_file import TEMP_SUFFIX, write_atomic
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.sessions import load_session
from tests.adversarial.conftest import filled_csv, refused, run, snapshot

ADVICE = {
    errno.EACCES: "geen toegang (toestemming geweigerd): vraag toegang",
    errno.EROFS: "alleen-lezen: kies een map waarin je mag schrijven",
    errno.ENOSPC: "schijf vol: maak ruimte vrij en probeer opnieuw",
    errno.ENAMETOOLONG: "naam te lang",
}


def fault(monkeypatch, call: str, code: int) -> None:
    """Make the system call `call` of every save fail with `code`, as the operating system would."""
    real_open = os.open

    def failing(*args, **kwargs):
        raise OSError(code, os.strerror(code), str(args[0]) if call != "write" else None)

    if call == "open":  # only the creation of a new file; reading and locking go on
        def failing_open(path, flags, *args, **kwargs):
            if flags & os.O_CREAT:
                failing(path)
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", failing_open)
    else:
        monkeypatch.setattr(os, call, failing)


def no_temp_files(folder: Path) -> bool:
    return not [path for path in folder.rglob(f"*{TEMP_SUFFIX}")]


@pytest.fixture
def juror(capsys, session) -> Path:
    """`klein` with j1 started: conflicts declared, so a save writes into existing folders."""
    assert run(capsys, "conflicts", "klein", "--as", "j1", "--none", "--data-dir", "data").code == 0
    return session


# --- a save that fails: the score, the submission, the session ----------------------------------


@pytest.mark.parametrize("code", list(ADVICE))
def test_saving_imported_scores_fails_with_one_line_and_no_score_changed(capsys, juror, tmp_path, monkeypatch, code):
    scores = filled_csv(capsys, tmp_path / "scores.csv")
    fault(monkeypatch, "replace", code)
    line = refused(capsys, "import-scores", "klein", "--as", "j1", scores, "--data-dir", "data", watch=(juror, tmp_path))
    assert "opslaan mislukt" in line and ADVICE[code] in line
    assert no_temp_files(juror)


@pytest.mark.parametrize("code", list(ADVICE))
def test_writing_a_submission_fails_with_one_line_naming_it(capsys, juror, tmp_path, monkeypatch, code):
    """The juror's counter takes its number first (a failed write leaves a gap in the numbers, never one
    number for two contents); the submission's own folder is left as it was."""
    out = tmp_path / "uit" / "inzending.json"
    out.parent.mkdir()
    real_open = os.open

    def failing_open(path, flags, *args, **kwargs):
        if flags & os.O_CREAT and Path(path).parent == out.parent:
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", failing_open)
    scores_before = {path: value for path, value in snapshot(juror).items() if not path.endswith("submissions.json")}
    line = refused(capsys, "submit", "klein", "--as", "j1", "--incomplete", "--out", out, "--data-dir", "data",
                   watch=(out.parent,))
    assert line.startswith(f"{Path('uit', 'inzending.json')}: opslaan mislukt (") and ADVICE[code] in line
    assert {path: value for path, value in snapshot(juror).items() if not path.endswith("submissions.json")} == scores_before


@pytest.mark.parametrize("code", list(ADVICE))
def test_creating_a_session_fails_with_one_line_and_no_session_file(capsys, inputs, tmp_path, code):
    with pytest.MonkeyPatch.context() as patch:
        fault(patch, "open", code)
        line = refused(capsys, "new", "anders", "--criteria", inputs.criteria, "--applications", inputs.applications,
                       "--jurors", inputs.jurors, "--budget", "1000000", "--data-dir", "data", watch=(inputs.root,))
    assert ADVICE[code] in line  # the first file it could not make: the sessions folder's lock, or a file of the session
    assert not (tmp_path / "data" / "sessions" / "anders").exists()
    assert not list((tmp_path / "data").rglob("*.json")) and no_temp_files(tmp_path / "data")
    # the disk has room again: the same command now succeeds
    assert run(capsys, "new", "anders", "--criteria", inputs.criteria, "--applications", inputs.applications,
               "--jurors", inputs.jurors, "--budget", "1000000", "--data-dir", "data").code == 0


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp_file(tmp_path):
    target = tmp_path / "scores.json"
    target.write_bytes(b'{"oud": 1}')
    with pytest.MonkeyPatch.context() as patch, pytest.raises(StoreError) as caught:
        fault(patch, "write", errno.ENOSPC)
        write_atomic(target, b'{"nieuw": 2}', backups=3)
    assert "schijf vol" in str(caught.value)
    assert target.read_bytes() == b'{"oud": 1}'
    assert sorted(path.name for path in tmp_path.iterdir()) == ["scores.json"]


# --- files where folders belong, and the reverse -------------------------------------------------


def test_a_data_dir_that_is_a_file_is_named(capsys, inputs, tmp_path):
    (tmp_path / "data").write_text("geen map")
    line = refused(capsys, "new", "anders", "--criteria", inputs.criteria, "--applications", inputs.applications,
                   "--jurors", inputs.jurors, "--budget", "1000000", "--data-dir", "data", watch=(tmp_path,))
    assert line == "data: is een bestand waar een map hoort: geef een map op, of zet het bestand ergens anders"


def test_a_file_where_the_sessions_folder_belongs_is_named(capsys, tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "sessions").write_text("")
    line = refused(capsys, "demo", "--no-open", "--data-dir", "data", watch=(tmp_path,))
    assert line.startswith(f"{Path('data', 'sessions')}: is een bestand waar een map hoort")


def test_a_template_written_onto_a_folder_is_refused(capsys, juror, tmp_path):
    (tmp_path / "sjabloon.csv").mkdir()
    line = refused(capsys, "template", "klein", "--as", "j1", "--out", "sjabloon.csv", "--data-dir", "data",
                   watch=(tmp_path,))
    assert line.startswith("sjabloon.csv: ") and "is een map" in line


def test_a_submission_written_onto_a_folder_is_refused(capsys, juror, tmp_path):
    (tmp_path / "uit.json").mkdir()
    line = refused(capsys, "submit", "klein", "--as", "j1", "--incomplete", "--out", "uit.json", "--data-dir", "data",
                   watch=(tmp_path,))
    assert "uit.json" in line and "map" in line


def test_an_export_whose_folder_is_a_file_is_refused(capsys, juror, tmp_path):
    ChairStore(juror, load_session(juror, "klein"))  # the chair's folders, made when the chair's store is first opened
    (tmp_path / "uitvoer").write_text("")
    line = refused(capsys, "export", "klein", "--csv", "uitvoer/scores.csv", "--data-dir", "data",
                   watch=(tmp_path / "uitvoer", juror))
    assert line.startswith("uitvoer: is een bestand waar een map hoort")


# --- names too long, no access ---------------------------------------------------------------------


def test_a_submission_name_of_300_characters_is_refused(capsys, juror, tmp_path):
    name = "i" * 295 + ".json"
    line = refused(capsys, "submit", "klein", "--as", "j1", "--incomplete", "--out", name, "--data-dir", "data",
                   watch=(tmp_path,))
    assert line.startswith("iii") and "naam te lang" in line


def test_a_criteria_name_of_300_characters_is_refused(capsys, inputs, tmp_path):
    name = "c" * 295 + ".toml"
    line = refused(capsys, "new", "anders", "--criteria", name, "--applications", inputs.applications,
                   "--jurors", inputs.jurors, "--budget", "1000000", "--data-dir", "data", watch=(tmp_path,))
    assert line.startswith("ccc") and "naam te lang" in line


def test_a_data_dir_name_of_300_characters_is_refused(capsys, inputs, tmp_path):
    line = refused(capsys, "demo", "--no-open", "--data-dir", "d" * 300, watch=(tmp_path,))
    assert "naam te lang" in line


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="POSIX permissions; root may read anything")
def test_a_data_dir_without_access_is_named(capsys, juror):
    folder = juror / "sessions" / "klein" / "jurors" / "j1"
    folder.chmod(0)
    try:
        result = run(capsys, "conflicts", "klein", "--as", "j1", "--data-dir", "data")
    finally:
        folder.chmod(0o700)
    assert result.code == 2 and "geen toegang" in result.err and len(result.err.splitlines()) == 1


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="POSIX permissions; root may read anything")
def test_an_unreadable_criteria_file_is_named(capsys, inputs, tmp_path):
    inputs.criteria.chmod(0)
    line = refused(capsys, "check", inputs.criteria, watch=(tmp_path,))
    assert line.startswith(f"{Path('invoer', 'criteria.toml')}: geen toegang")


def test_no_access_while_reading_an_input_is_one_line(capsys, inputs, tmp_path, monkeypatch):
    real_open = os.open

    def denied(path, flags, *args, **kwargs):
        if str(path).endswith("criteria.toml"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    line = refused(capsys, "check", inputs.criteria, watch=(tmp_path,))
    assert line == (f"{Path('invoer', 'criteria.toml')}: geen toegang (toestemming geweigerd): vraag toegang aan wie de map "
                    "beheert, of kies een andere map")


# --- the last resort and the words ----------------------------------------------------------------


def test_any_os_error_that_reaches_the_command_line_is_one_line_and_exit_2(capsys, monkeypatch):
    def boom(args):
        raise OSError(errno.EIO, "Input/output error", "usb/sessie.json")

    monkeypatch.setitem(cli.COMMANDS, "show", boom)
    line = refused(capsys, "show", "klein")
    assert line == f"{Path('usb', 'sessie.json')}: lees- of schrijffout van de schijf: controleer de schijf of USB-stick en probeer opnieuw"


def test_a_file_held_open_by_another_program_on_windows_is_named():
    error = PermissionError(errno.EACCES, "The process cannot access the file", "scores.xlsx")
    error.winerror = 32  # ERROR_SHARING_VIOLATION: Excel has the file open
    assert os_problem(error) == "scores.xlsx: in gebruik door een ander programma: sluit dat (bv. Excel) en probeer opnieuw"


def test_an_error_without_a_dutch_line_still_names_the_path_and_what_to_do():
    error = OSError(errno.ENXIO, "No such device or address", "pijp")
    assert os_problem(error) == (
        "pijp: het besturingssysteem meldt een fout (No such device or address): controleer het pad en probeer opnieuw")


def test_every_dutch_line_has_an_english_one(monkeypatch):
    from jury_tui.i18n import set_language

    set_language("en")
    assert os_problem(OSError(errno.ENOSPC, "x", "a.json")) == "a.json: disk full: free some space and try again"


def test_a_refused_write_changes_nothing_that_was_there(capsys, juror, tmp_path, monkeypatch):
    before = snapshot(juror)
    fault(monkeypatch, "open", errno.EROFS)
    line = refused(capsys, "conflicts", "klein", "--as", "j1", "--set", "a1", "--data-dir", "data", watch=(juror,))
    assert "alleen-lezen" in line
    assert snapshot(juror) == before


# --- a command that only reads or shows creates nothing -------------------------------------------


def test_show_and_check_create_nothing(capsys, session, inputs, tmp_path):
    before = snapshot(tmp_path)
    assert run(capsys, "show", "klein", "--data-dir", "data").code == 0
    assert run(capsys, "show", "klein", "--json", "--data-dir", "data").code == 0
    assert run(capsys, "check", inputs.criteria, inputs.jurors, inputs.applications, "--session", "klein",
               "--data-dir", "data").code == 0
    assert run(capsys, "show", "klein", "--data-dir", "elders").code == 2
    assert snapshot(tmp_path) == before


def test_a_new_session_whose_session_file_cannot_be_written_leaves_no_keys_behind(capsys, inputs, tmp_path, monkeypatch):
    """The keys are written first; when session.json then fails, the half-made session goes with it."""
    real_open = os.open

    def failing_open(path, flags, *args, **kwargs):
        if flags & os.O_CREAT and "session.json" in str(path):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", failing_open)
    line = refused(capsys, "new", "anders", "--criteria", inputs.criteria, "--applications", inputs.applications,
                   "--jurors", inputs.jurors, "--budget", "1000000", "--data-dir", "data", watch=(inputs.root,))
    assert "session.json" in line and ADVICE[errno.ENOSPC] in line
    assert not (tmp_path / "data" / "sessions" / "anders").exists()


def test_a_key_file_without_access_is_named_as_such_not_as_damaged(capsys, session, monkeypatch):
    key = session / "sessions" / "klein" / "keys" / "j2.key"
    real_open = os.open

    def failing_open(path, flags, *args, **kwargs):
        if str(path) == str(key):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", failing_open)
    line = refused(capsys, "package", "klein", "--for", "j2", "--out", "p.jurypakket", "--data-dir", session, watch=(session,))
    assert "j2.key" in line and ADVICE[errno.EACCES] in line and "beschadigd" not in line
