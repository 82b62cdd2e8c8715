"""Issue 12, class 1: transactions against the open app, and readers that write nothing.

A CSV import that fails (disk full, a file-size limit) or is killed half-way never lands: it is
rolled back at once, or by the next writer before anything else is written, so what the juror
saves in the app after the failure survives. While the juror's app holds the store, a writer in
another process is refused with one line and changes nothing; two writers never interleave. A
command that only reads the store creates, removes and changes nothing on disk.

The "app in another process" is a small Python process holding the store as JurorApp does
(JurorStore.claim); one case runs the real JurorApp in this process.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from jury_tui.store.atomic import HOLD_FILE, LOCK_FILE
from jury_tui.store.juror_store import JOURNAL_FILE, JurorStore
from jury_tui.store.sessions import load_session
from tests.adversarial.conftest import assert_clean_output, refused, run, snapshot
from tests.crash_harness import _FullDisk

ROOT = Path(__file__).resolve().parents[2]
# Other processes run this code, in this Python (also without fcntl: see tests/test_without_fcntl.py).
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [os.environ.get("PYTHONPATH"), str(ROOT)]))}
SESSION = "klein"
JUROR = "j1"
APPS = ("a1", "a2", "a3")
IMPORT_ROWS = [(app, criterion, 5, f"uit Excel {app} {criterion}") for app in APPS for criterion in ("inhoud", "haalbaar")]

# A process that runs `jury-tui ARGV...` and is SIGKILLed inside one of its atomic writes (the trap
# of tests/crash_harness.py: POINT at its OCCURRENCE-th time).
KILLED_COMMAND = """\
import sys
sys.path.insert(0, sys.argv[1])
from tests.crash_harness import _TrappedOs
import jury_tui.formats.atomic_file as atomic
point, occurrence = sys.argv[2].split(":")
atomic.os = _TrappedOs(point, int(occurrence))
from jury_tui.cli import main
sys.exit(main(sys.argv[3:]))
"""

# A process holding the juror's store as the open app does, until its stdin closes.
OPEN_APP = """\
import sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import load_session
data = Path(sys.argv[2])
store = JurorStore(data, load_session(data, sys.argv[3]), sys.argv[4])
store.claim()
print("open", flush=True)
sys.stdin.read()
"""


def juror_dir(data: Path, juror: str = JUROR) -> Path:
    return data / "sessions" / SESSION / "jurors" / juror


def store_of(data: Path, juror: str = JUROR, read_only: bool = False) -> JurorStore:
    return JurorStore(data, load_session(data, SESSION), juror, read_only=read_only)


def scores_csv(folder: Path, rows, name: str = "scores.csv") -> Path:
    path = folder / name
    lines = ["application_id;criterion_id;score;motivation", *(f"{a};{c};{s};{m}" for a, c, s, m in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def shown(data: Path, juror: str = JUROR) -> dict[tuple[str, str], tuple[int | None, str]]:
    """Every score and motivation of the juror, as a reader (which writes nothing) sees them."""
    store = store_of(data, juror, read_only=True)
    return {(app, criterion): (entry.score, entry.motivation)
            for app in APPS for criterion, entry in store.assessment(app).scores.items()}


def imported_reasons(data: Path) -> set[str]:
    store = store_of(data, read_only=True)
    return {entry.reason for app in APPS for entry in store.history(app) if entry.reason}


def everything(folder: Path) -> dict[str, object]:
    """Every entry under `folder`, lock files included, with its bytes: nothing may appear, go or change."""
    return {str(path): path.read_bytes() if path.is_file() else "folder" for path in sorted(folder.rglob("*"))}


def import_argv(data: Path, csv: Path) -> list[str]:
    return ["import-scores", SESSION, "--as", JUROR, str(csv), "--data-dir", str(data)]


def killed(tmp_path: Path, trap: str, argv: list[str]) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-c", KILLED_COMMAND, str(ROOT), trap, *argv], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == -signal.SIGKILL, (done.returncode, done.stdout, done.stderr)
    return done


class OpenApp:
    """The juror's app open in another process (it holds the store), closed or killed by the test."""

    def __init__(self, data: Path, juror: str = JUROR) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", OPEN_APP, str(ROOT), str(data), SESSION, juror],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert self.process.stdout.readline() == "open\n", self.process.stderr.read()

    def close(self) -> None:
        self.process.communicate("", timeout=60)

    def kill(self) -> None:
        self.process.kill()
        self.process.communicate(timeout=60)


@pytest.fixture
def app_open(session):
    app = OpenApp(session)
    yield app
    if app.process.poll() is None:
        app.kill()


@pytest.fixture
def scored(session):
    """j1 has worked in the app: a1 inhoud scored and motivated."""
    store = store_of(session)
    store.set_score("a1", "inhoud", 2)
    store.set_motivation("a1", "inhoud", "eigen oordeel")
    return session


# --- a killed import --------------------------------------------------------------------------


def test_killed_import_then_app_save_then_next_command_keeps_the_save_and_never_lands_the_import(capsys, scored, tmp_path):
    csv = scores_csv(tmp_path, IMPORT_ROWS)
    killed(tmp_path, "after-rename:3", import_argv(scored, csv))  # the journal, a1 and a2 written; then the kill
    assert (juror_dir(scored) / JOURNAL_FILE).exists()
    app = store_of(scored)
    app.claim()  # the juror opens the app again
    try:
        assert app.assessment("a1").get("inhoud").score == 2  # what the juror had, not the import's 5
        assert app.set_score("a3", "budget", 1) is True
    finally:
        app.release()
    result = run(capsys, "show", SESSION, "--data-dir", scored, "--json")  # the next command
    assert_clean_output(result)
    assert result.code == 0
    assert shown(scored) == {("a1", "inhoud"): (2, "eigen oordeel"), ("a3", "budget"): (1, "")}
    assert not any(reason.startswith("CSV-import") for reason in imported_reasons(scored))
    assert not (juror_dir(scored) / JOURNAL_FILE).exists()


@pytest.mark.parametrize("trap", ["temp-created:1", "half-written:2", "before-rename:3", "after-rename:4", "mid-rotation:1"])
def test_an_import_killed_anywhere_is_rolled_back_by_the_next_import_which_lands_whole(capsys, scored, tmp_path, trap):
    killed(tmp_path, trap, import_argv(scored, scores_csv(tmp_path, IMPORT_ROWS)))
    second = scores_csv(tmp_path, [("a2", "budget", 3, "tweede import")], name="tweede.csv")
    result = run(capsys, *import_argv(scored, second))
    assert (result.code, result.err) == (0, "")
    assert shown(scored) == {("a1", "inhoud"): (2, "eigen oordeel"), ("a2", "budget"): (3, "tweede import")}
    assert imported_reasons(scored) == {"CSV-import tweede.csv"}
    assert not list(juror_dir(scored).rglob("*.jurytmp"))


# --- a failed import --------------------------------------------------------------------------


def test_import_on_a_full_disk_reports_failure_and_is_rolled_back_at_once(capsys, scored, tmp_path, monkeypatch):
    import jury_tui.formats.atomic_file as atomic

    before = {path: data for path, data in everything(juror_dir(scored)).items() if ".bak" not in path}
    monkeypatch.setattr(atomic, "os", _FullDisk(3, stays=False))  # the journal and a1 are written, a2 finds the disk full
    result = run(capsys, *import_argv(scored, scores_csv(tmp_path, IMPORT_ROWS)))
    assert_clean_output(result)
    assert result.code == 2 and len(result.err.strip().splitlines()) == 1
    assert "a2.json" in result.err and "De import is teruggedraaid: er is niets van bewaard." in result.err
    after = {path: data for path, data in everything(juror_dir(scored)).items() if ".bak" not in path}
    assert after == before  # the backups rotated; every file itself is as it was, no journal
    assert "geïmporteerd" not in result.out


def test_import_on_a_disk_that_stays_full_never_lands_later(capsys, scored, tmp_path, monkeypatch):
    import jury_tui.formats.atomic_file as atomic

    with monkeypatch.context() as patch:
        patch.setattr(atomic, "os", _FullDisk(3, stays=True))  # the rollback cannot write either
        result = run(capsys, *import_argv(scored, scores_csv(tmp_path, IMPORT_ROWS)))
    assert_clean_output(result)
    assert result.code == 2 and len(result.err.strip().splitlines()) == 1
    assert "De import wordt teruggedraaid bij de volgende wijziging" in result.err
    assert (juror_dir(scored) / JOURNAL_FILE).exists()
    # Room again. A reader shows the store without the import and writes nothing ...
    before = everything(scored)
    assert shown(scored) == {("a1", "inhoud"): (2, "eigen oordeel")}
    assert run(capsys, "show", SESSION, "--data-dir", scored).code == 0
    assert everything(scored) == before
    # ... and the juror's next change rolls it back first.
    assert run(capsys, "conflicts", SESSION, "--as", JUROR, "--set", "a3", "--data-dir", scored).code == 0
    assert shown(scored) == {("a1", "inhoud"): (2, "eigen oordeel")}
    assert not (juror_dir(scored) / JOURNAL_FILE).exists()
    assert not any(reason.startswith("CSV-import") for reason in imported_reasons(scored))


# --- the app open on the store ---------------------------------------------------------------


def test_import_while_the_app_is_open_is_refused_with_one_line(capsys, scored, tmp_path, app_open):
    csv = scores_csv(tmp_path, IMPORT_ROWS)
    line = refused(capsys, *import_argv(scored, csv), watch=(scored, tmp_path / "invoer"))
    assert line == ("scores.csv: jury-tui import-scores schrijft niet terwijl de app van jurylid j1 open is op sessie klein; "
                    "sluit de app eerst en probeer dan opnieuw (er is niets gewijzigd)")
    app_open.close()
    result = run(capsys, *import_argv(scored, csv))  # the app closed: the same import goes through
    assert (result.code, result.err) == (0, "")
    assert shown(scored)[("a1", "inhoud")] == (5, "uit Excel a1 inhoud")


def test_setting_conflicts_while_the_app_is_open_is_refused_in_english_too(capsys, scored, app_open):
    line = refused(capsys, "conflicts", SESSION, "--as", JUROR, "--set", "a2", "--data-dir", scored, "--lang", "en",
                   watch=(scored,))
    assert line.endswith("juror.json: jury-tui conflicts does not write while the app of juror j1 is open on session klein; "
                         "close the app first, then try again (nothing was changed)")


def test_reading_while_the_app_is_open_works_and_writes_nothing(capsys, scored, app_open):
    before = everything(scored)
    for argv in (("show", SESSION), ("conflicts", SESSION, "--as", JUROR)):
        result = run(capsys, *argv, "--data-dir", scored)
        assert_clean_output(result)
        assert (result.code, result.err) == (0, "")
    assert everything(scored) == before


def test_another_jurors_store_is_not_held_by_this_app(capsys, scored, tmp_path, app_open):
    csv = scores_csv(tmp_path, [("a1", "inhoud", 4, "j2 denkt er zo over")])
    result = run(capsys, "import-scores", SESSION, "--as", "j2", csv, "--data-dir", scored)
    assert (result.code, result.err) == (0, "")
    assert shown(scored, "j2") == {("a1", "inhoud"): (4, "j2 denkt er zo over")}


def test_an_app_that_was_killed_does_not_keep_the_store_locked(capsys, scored, tmp_path, app_open):
    app_open.kill()  # its lock file stays behind; the lock itself went with the process
    result = run(capsys, *import_argv(scored, scores_csv(tmp_path, IMPORT_ROWS)))
    assert (result.code, result.err) == (0, "")


async def test_the_real_app_holds_the_store_and_a_second_app_does_not_open(capsys, scored, tmp_path):
    from jury_tui.ui.app import JurorApp
    from jury_tui.ui.screens.assessment import AssessmentScreen
    from jury_tui.ui.screens.dialogs import ErrorScreen

    session = load_session(scored, SESSION)
    store_of(scored).declare_conflicts([])
    csv = scores_csv(tmp_path, IMPORT_ROWS)
    first = JurorApp(scored, session, JUROR)
    async with first.run_test(size=(80, 24)):
        assert isinstance(first.screen, AssessmentScreen)
        before = snapshot(scored)
        other = subprocess.run([sys.executable, "-m", "jury_tui", *import_argv(scored, csv)], cwd=tmp_path,
                               env=ENV, capture_output=True, text=True, timeout=120, check=False)
        assert (other.returncode, other.stderr.count("\n"), other.stdout) == (2, 1, "")
        assert "de app van jurylid j1 open is op sessie klein" in other.stderr
        assert snapshot(scored) == before
        second = JurorApp(scored, session, JUROR)
        async with second.run_test(size=(80, 24)):
            assert isinstance(second.screen, ErrorScreen)
            assert "jurylid j1 heeft sessie klein al open in een ander venster; sluit dat eerst" in second.screen.body_text
    result = run(capsys, *import_argv(scored, csv))  # both closed: the store is free
    assert (result.code, result.err) == (0, "")


def test_two_imports_at_once_never_interleave(capsys, scored, tmp_path):
    rows = {name: [(app, criterion, score, f"{name} {app} {criterion}") for app in APPS
                   for criterion in ("inhoud", "haalbaar", "budget")]
            for name, score in (("eerste", 1), ("tweede", 4))}
    processes = [subprocess.Popen([sys.executable, "-m", "jury_tui", *import_argv(scored, scores_csv(tmp_path, r, f"{n}.csv"))],
                                  cwd=tmp_path, env=ENV,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for n, r in rows.items()]
    outcomes = [(process.wait(timeout=120), process.stderr.read()) for process in processes]
    for process in processes:
        process.stdout.close()
        process.stderr.close()
    assert outcomes == [(0, ""), (0, "")]
    values = shown(scored)
    last = {motivation.split()[0] for _, motivation in values.values()}
    assert len(last) == 1  # every cell from the same import: the one that ran second
    store = store_of(scored, read_only=True)
    for app in APPS:  # in every file, one import's entries follow the other's, never mixed
        reasons = [entry.reason for entry in store.history(app) if entry.reason]
        assert reasons == sorted(reasons, key=reasons.index) and len(set(reasons)) == 2
        assert reasons[: len(reasons) // 2] == [reasons[0]] * (len(reasons) // 2)


# --- journals this store cannot trust ---------------------------------------------------------


def test_a_damaged_journal_refuses_the_import_with_one_line(capsys, scored, tmp_path):
    (juror_dir(scored) / JOURNAL_FILE).write_bytes(b'{"kind": "score-batch-undo", "files": {"a1": "eyJf')
    line = refused(capsys, *import_argv(scored, scores_csv(tmp_path, IMPORT_ROWS)), watch=(scored,))
    assert line.startswith(str(Path("data/sessions/klein/jurors/j1/journal.json")))
    assert "het logboek van een onderbroken import kan niet gebruikt worden (regel 1" in line


def test_a_journal_copied_from_another_juror_is_refused(capsys, scored, tmp_path):
    store_of(scored, "j2").set_score("a1", "inhoud", 1)
    journal = {"kind": "score-batch-undo", "session_id": SESSION, "juror_id": "j2", "reason": "x", "files": {"a1": None}}
    (juror_dir(scored) / JOURNAL_FILE).write_text(json.dumps(journal), encoding="utf-8")
    line = refused(capsys, "conflicts", SESSION, "--as", JUROR, "--set", "a3", "--data-dir", scored, watch=(scored,))
    assert "juror_id = 'j2', verwacht 'j1'" in line


def test_a_journal_pointing_outside_the_store_writes_nothing_there(capsys, scored, tmp_path):
    journal = {"kind": "score-batch-undo", "session_id": SESSION, "juror_id": JUROR, "reason": "x",
               "files": {"../../../session": "e30=", "a1": None}}
    (juror_dir(scored) / JOURNAL_FILE).write_text(json.dumps(journal), encoding="utf-8")
    line = refused(capsys, *import_argv(scored, scores_csv(tmp_path, IMPORT_ROWS)), watch=(scored,))
    assert "onbekende aanvraag '../../../session'" in line


# --- modes, and readers that write nothing ----------------------------------------------------


def test_lock_files_are_private_whatever_the_umask(capsys, scored, tmp_path, app_open):
    held = juror_dir(scored) / HOLD_FILE
    assert stat.S_IMODE(held.stat().st_mode) == 0o600
    write_lock = juror_dir(scored) / LOCK_FILE  # filelock's portable lock (no fcntl) removes it after each write
    assert not write_lock.exists() or stat.S_IMODE(write_lock.stat().st_mode) == 0o600
    assert stat.S_IMODE(juror_dir(scored).stat().st_mode) == 0o700


def test_show_and_listing_conflicts_create_nothing_for_a_juror_who_has_not_started(capsys, session, tmp_path):
    before = everything(session)
    for argv in (("show", SESSION), ("show", SESSION, "--json"), ("conflicts", SESSION, "--as", JUROR)):
        result = run(capsys, *argv, "--data-dir", session)
        assert (result.code, result.err) == (0, "")
    assert everything(session) == before
    assert not juror_dir(session).exists()


def test_show_over_a_killed_import_shows_the_store_without_it_and_touches_nothing(capsys, scored, tmp_path):
    killed(tmp_path, "after-rename:3", import_argv(scored, scores_csv(tmp_path, IMPORT_ROWS)))
    (juror_dir(scored) / f".a1.json.0badf00d{'.jurytmp'}").write_bytes(b'{"half')  # and a stale temp file
    before = everything(scored)
    result = run(capsys, "show", SESSION, "--data-dir", scored, "--json")
    assert (result.code, result.err) == (0, "")
    j1 = next(juror for juror in json.loads(result.out)["jurors"] if juror["id"] == JUROR)
    assert (j1["complete"], j1["in_progress"]) == (0, 1)  # a1 begun by the juror; a2 of the import not shown
    assert everything(scored) == before  # no rollback, no cleanup, no lock file
