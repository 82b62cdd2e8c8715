"""Kill -9 a process that saves through the real store, check what survived. One copy of this
code, used by tests/test_crash.py (a bounded number of kills) and benchmarks/bench_crash.py (many).

A worker (run as `python tests/crash_harness.py worker KIND DATA_DIR START TRAP`) saves in a loop:
save number c goes to application c % 20 of the demo session, and after the store returned it
prints c: that save is "reported as done". It is killed with SIGKILL at one of three moments:

- start:    a random moment after spawning, without waiting for anything (imports, loading the
            session, opening the store and cleaning temp files, the first saves);
- timed:    a random moment (0.1 ms to 400 ms, log-uniform) after the first reported save;
- mid-save: the worker kills itself inside the store's atomic write, at a chosen step of its n-th
            write: temp file just created, half of the data written, before the fsync, in the middle
            of the backup rotation, just before the rename, just after the rename.

After every kill the store is opened again (it cleans up temp files) and every file is loaded.
Every save ever reported must be there: in the history of its application, and as the current
value of its application unless a later reported save replaced it. The one save in flight when
the kill came may or may not be there (for the juror: also only its motivation, not yet its
score). Anything else is a problem: a stale or unexpected value, a history entry for a save never
made, a file that does not load, a temp file the reopened store left behind, a worker that wrote to
stderr, a trap that did not fire.
"""

from __future__ import annotations

import errno
import math
import os
import random
import signal
import stat
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HARNESS = Path(__file__).resolve()
SESSION_ID = "wvc-2021-demo"
JUROR_ID = "extern-1"
CRITERION = "maatwerk"
TEMP_SUFFIX = ".jurytmp"  # jury_tui.formats.atomic_file.TEMP_SUFFIX; checked in _open_store
KINDS = ("juror", "chair")
MOMENTS = ("start", "timed", "mid-save")
TRAP_POINTS = ("temp-created", "half-written", "before-fsync", "mid-rotation", "before-rename", "after-rename")
TRAP_LEAVES_TEMP = {point: point != "after-rename" for point in TRAP_POINTS}
MAX_TRAP_WRITE = 40  # a mid-save kill comes during one of the worker's first 40 writes
SCORES = 6  # the demo scale is 0-5


def score_of(counter: int) -> int:
    return counter % SCORES


def motivation_of(counter: int) -> str:
    return f"save {counter}"


def counter_of(motivation: str) -> int | None:
    head, _, number = motivation.partition(" ")
    return int(number) if head == "save" and number.isdigit() else None


# --- the worker (child process) ------------------------------------------------------------


class _TrappedOs:
    """Stands in for `os` inside jury_tui.formats.atomic_file: SIGKILLs the process at one step of the
    n-th atomic write. Every other attribute is the real os module."""

    def __init__(self, point: str, occurrence: int) -> None:
        self.point, self.occurrence, self.seen = point, occurrence, 0

    def __getattr__(self, name: str):
        return getattr(os, name)

    def _hit(self, point: str) -> bool:
        if point != self.point:
            return False
        self.seen += 1
        return self.seen == self.occurrence

    def _die(self) -> None:
        print(f"trap {self.point}", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)

    def open(self, path, flags, *args, **kwargs):
        fd = os.open(path, flags, *args, **kwargs)
        if flags & os.O_CREAT and self._hit("temp-created"):
            self._die()
        return fd

    def write(self, fd, data):
        if self._hit("half-written"):
            os.write(fd, bytes(data[: max(1, len(data) // 2)]))
            self._die()
        return os.write(fd, data)

    def fsync(self, fd):
        if stat.S_ISREG(os.fstat(fd).st_mode) and self._hit("before-fsync"):
            self._die()
        return os.fsync(fd)

    def link(self, source, target, *args, **kwargs):
        if self._hit("mid-rotation"):  # older backups moved up, the newest one not yet made
            self._die()
        return os.link(source, target, *args, **kwargs)

    def replace(self, source, target, *args, **kwargs):
        is_temp = str(source).endswith(TEMP_SUFFIX)
        if is_temp and self._hit("before-rename"):
            self._die()
        os.replace(source, target, *args, **kwargs)
        if is_temp and self._hit("after-rename"):  # saved, not yet reported
            self._die()


def worker_main(argv: list[str]) -> None:
    kind, data_dir, start, trap = argv[0], Path(argv[1]), int(argv[2]), argv[3]
    claim = kind == "juror-app"  # the juror's app: holds the store while it saves
    kind = "juror" if claim else kind
    import jury_tui.formats.atomic_file as atomic

    if trap != "none":
        point, occurrence = trap.split(":")
        atomic.os = _TrappedOs(point, int(occurrence))
    from jury_tui.store.sessions import load_session

    session = load_session(data_dir, SESSION_ID)
    apps = [a.id for a in session.applications]
    if kind == "juror":
        from jury_tui.store.juror_store import JurorStore

        store = JurorStore(data_dir, session, JUROR_ID)
        if claim:
            store.claim()

        def save(app: str, counter: int) -> None:
            store.set_motivation(app, CRITERION, motivation_of(counter))
            store.set_score(app, CRITERION, score_of(counter))
    else:
        from jury_tui.store.chair_store import ChairStore

        store = ChairStore(data_dir, session)

        def save(app: str, counter: int) -> None:
            store.set_consensus(app, CRITERION, score_of(counter), motivation_of(counter))

    counter = start
    while True:
        counter += 1
        save(apps[counter % len(apps)], counter)
        print(counter, flush=True)


# --- the parent: run, kill, check ---------------------------------------------------------


@dataclass
class Run:
    moment: str
    trap: str
    start: int
    reported: list[int]
    returncode: int | None
    stdout_tail: str
    stderr: str
    trap_fired: bool

    @property
    def in_flight(self) -> int:
        """The save that may have been under way when the kill came."""
        return (self.reported[-1] if self.reported else self.start) + 1


def run_and_kill(kind: str, data_dir: Path, start: int, moment: str, rng: random.Random, trap_point: str | None = None) -> Run:
    """Start a worker, SIGKILL it at the given kind of moment, return what it reported."""
    trap = "none"
    if moment == "mid-save":
        trap = f"{trap_point or rng.choice(TRAP_POINTS)}:{rng.randint(1, MAX_TRAP_WRITE)}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, str(HARNESS), "worker", kind, str(data_dir), str(start), trap],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
    )
    assert process.stdout is not None
    first = ""
    if moment == "start":
        time.sleep(10 ** rng.uniform(-3.5, math.log10(0.6)))  # 0.3 ms to 600 ms after spawning
        process.send_signal(signal.SIGKILL)
    elif moment == "timed":
        first = process.stdout.readline()  # the first save is reported
        if first:
            time.sleep(10 ** rng.uniform(-4, math.log10(0.4)))
        process.send_signal(signal.SIGKILL)
    # Read the rest through the same buffered stream as the first line (communicate() would skip
    # lines readline() already buffered). A mid-save worker kills itself; a watchdog ends one that does not.
    timed_out: list[bool] = []
    watchdog = threading.Timer(120, lambda: (timed_out.append(True), process.kill()))
    watchdog.start()
    try:
        rest = process.stdout.read()
        errors = process.stderr.read() if process.stderr else ""
        process.wait()
    finally:
        watchdog.cancel()
        process.stdout.close()
        if process.stderr:
            process.stderr.close()
    if timed_out:
        errors += "\n(worker still running after 120 s: killed by the harness)"
    output = first + rest
    lines = output.splitlines(keepends=True)
    reported = [int(line) for line in lines if line.endswith("\n") and line.strip().isdigit()]
    return Run(moment, trap, start, reported, process.returncode, output[-200:], errors,
               trap_fired=trap != "none" and f"trap {trap.split(':')[0]}\n" in lines)


def temp_files(data_dir: Path) -> list[Path]:
    return sorted(data_dir.rglob(f"*{TEMP_SUFFIX}"))


@dataclass
class Summary:
    kind: str
    kills: int = 0
    moments: dict[str, int] = field(default_factory=dict)
    traps_fired: int = 0
    saves_reported: int = 0
    saves_lost: int = 0
    load_failures: int = 0
    temp_left_by_kills: int = 0
    temp_after_reopen: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


def _open_store(kind: str, data_dir: Path):
    from jury_tui.formats.atomic_file import TEMP_SUFFIX as store_suffix
    from jury_tui.store.chair_store import ChairStore
    from jury_tui.store.juror_store import JurorStore
    from jury_tui.store.sessions import load_session

    assert store_suffix == TEMP_SUFFIX, "the harness looks for the wrong temp files"
    session = load_session(data_dir, SESSION_ID)
    if kind == "chair":
        return session, ChairStore(data_dir, session)
    store = JurorStore(data_dir, session, JUROR_ID)
    store.claim()  # as the app does when it opens: temp files go, a failed import is rolled back
    store.release()
    return session, store


def read_back(kind: str, data_dir: Path) -> tuple[dict[str, tuple], dict[str, list[int]]]:
    """Open the store as the app would and load every file: the current (motivation counter, score)
    per application, and the save counters its history holds, in order. Raises what loading raises."""
    session, store = _open_store(kind, data_dir)
    states, histories = {}, {}
    if kind == "juror":
        assessments = store.all_assessments()
        store.history()  # juror.json
        for app in (a.id for a in session.applications):
            entry = assessments[app].get(CRITERION)
            states[app] = (counter_of(entry.motivation), entry.score)
            histories[app] = [
                counter_of(item.new) for item in store.history(app)
                if item.field == "motivation" and item.criterion_id == CRITERION
            ]
    else:
        decisions = store.decisions()
        for app in (a.id for a in session.applications):
            entry = decisions[app].get(CRITERION)
            states[app] = (counter_of(entry.motivation), entry.score)
            found = []
            for record in store.history(app):
                new = record["new"]["criteria"][CRITERION]
                counter = counter_of(new["motivation"])
                found.append(counter if new["score"] == score_of(counter or 0) else -1)  # -1: a torn record
            histories[app] = found
    return states, histories


class CrashModel:
    """What must be on disk after each kill, built from what the workers reported."""

    def __init__(self, kind: str, data_dir: Path) -> None:
        from jury_tui.store.sessions import load_session

        self.kind = kind
        self.data_dir = data_dir
        self.apps = [a.id for a in load_session(data_dir, SESSION_ID).applications]
        self.state: dict[str, tuple] = {}  # the value each application must show (as last checked)
        self.reported: dict[str, set[int]] = {app: set() for app in self.apps}
        self.maybe: set[int] = set()  # saves in flight at a kill: may or may not have landed
        self.next_start = 0
        try:  # the state before any worker ran, as the store shows it
            self.state, _ = read_back(kind, data_dir)
        except Exception as error:  # noqa: BLE001 - reported by check
            self.state = {app: (None, None) for app in self.apps}
            self.initial_error = f"{type(error).__name__}: {error}"
        else:
            self.initial_error = None

    def app_of(self, counter: int) -> str:
        return self.apps[counter % len(self.apps)]

    def check(self, run: Run, summary: Summary) -> None:
        """Fold the run into the model and compare with the disk; count into summary."""
        problems: list[str] = []
        label = f"kill {summary.kills} ({run.moment}{'' if run.trap == 'none' else ' ' + run.trap})"
        if run.returncode != -signal.SIGKILL:
            problems.append(f"{label}: worker ended with {run.returncode}, not SIGKILL: {run.stdout_tail!r}")
        if run.stderr.strip():
            problems.append(f"{label}: worker wrote to stderr: {run.stderr.strip()[-1500:]}")
        if run.moment == "mid-save" and not run.trap_fired:
            problems.append(f"{label}: the trap did not fire")
        if any(b <= a for a, b in zip([run.start, *run.reported], run.reported)):
            problems.append(f"{label}: reported saves out of order")
        for counter in run.reported:
            self.state[self.app_of(counter)] = (counter, score_of(counter))
            self.reported[self.app_of(counter)].add(counter)
        flight = run.in_flight
        self.maybe.add(flight)
        self.next_start = max(self.next_start, flight) + 10
        summary.saves_reported += len(run.reported)

        summary.temp_left_by_kills += len(temp_files(self.data_dir))
        try:
            states, histories = read_back(self.kind, self.data_dir)
        except Exception as error:  # noqa: BLE001 - any failure to load is what we count
            summary.load_failures += 1
            problems.append(f"{label}: the files do not load: {type(error).__name__}: {error}")
            summary.problems += problems
            return
        left = temp_files(self.data_dir)
        summary.temp_after_reopen += len(left)
        if left:
            problems.append(f"{label}: temp files left after the store opened: {[p.name for p in left]}")

        for app in self.apps:
            expected, actual = self.state[app], states[app]
            allowed = {expected}
            if app == self.app_of(flight):
                allowed.add((flight, score_of(flight)))
                if self.kind == "juror":
                    allowed.add((flight, expected[1]))  # the motivation saved, the score not yet
            if actual not in allowed:
                if expected[0] is not None and not (actual[0] is not None and actual[0] > expected[0]):
                    summary.saves_lost += 1  # the reported value is not (all) there
                problems.append(f"{label}: {app} shows save {actual}, expected one of {sorted(allowed, key=str)}")
            self.state[app] = actual
            history = histories[app]
            missing = self.reported[app] - set(history)
            summary.saves_lost += len(missing)
            if missing:
                problems.append(f"{label}: {app} history lacks reported saves {sorted(missing)[:10]}")
            unknown = set(history) - self.reported[app] - self.maybe
            if unknown:
                problems.append(f"{label}: {app} history holds saves never made {sorted(unknown, key=str)[:10]}")
            if history != sorted(history, key=lambda c: -1 if c is None else c):
                problems.append(f"{label}: {app} history out of order")
        summary.problems += problems


def crash_rounds(kind: str, data_dir: Path, kills: int, rng: random.Random, progress=None) -> Summary:
    """`kills` rounds of run-kill-check on the session in data_dir. The kill moments take turns
    (start, timed, mid-save) and the trap points take turns within mid-save, so every kind of moment
    is covered however few kills; their exact timing and the write they hit are random."""
    summary = Summary(kind, moments={moment: 0 for moment in MOMENTS})
    model = CrashModel(kind, data_dir)
    if model.initial_error:
        summary.load_failures += 1
        summary.problems.append(f"before any kill: the files do not load: {model.initial_error}")
    began = time.perf_counter()
    for number in range(kills):
        moment = MOMENTS[number % len(MOMENTS)]
        point = TRAP_POINTS[(number // len(MOMENTS)) % len(TRAP_POINTS)]
        run = run_and_kill(kind, data_dir, model.next_start, moment, rng, trap_point=point)
        summary.kills += 1
        summary.moments[moment] += 1
        summary.traps_fired += run.trap_fired
        model.check(run, summary)
        if progress is not None:
            progress(summary)
    summary.seconds = time.perf_counter() - began
    return summary


# --- class 1 of issue 12: the app saving while CSV imports fail and are killed ------------------
#
# A round: the saver (the worker above, standing in for the juror's app) saves in a loop; once it
# reported a save, `jury-tui import-scores` runs in another process over every application, on the
# saver's criterion and a second one, with motivations "import R" — and fails:
#
# - kill:   SIGKILL from inside the import's n-th atomic write, at one of the trap points (the first
#           write is the undo journal, then one per application file, the last one just before the
#           journal is deleted);
# - enospc: the n-th write of data finds the disk full (once, or from then on: then the rollback
#           fails too and the journal is left for the next writer);
# - fsize:  a file-size limit (RLIMIT_FSIZE) below the journal's size: its write fails part-way;
# - app:    the saver holds the store as the open app does: the import is refused.
#
# The saver then saves at least once more (its first write rolls back a journal the import left),
# and is killed. Every save it reported must be there (CrashModel), and nothing of any import: no
# "import" motivation, no history entry of a CSV import. The import itself must end as promised:
# killed by its trap, or exit code 2 with one line on stderr and no traceback.

IMPORT_FAILURES = ("kill", "enospc", "fsize", "app")
SECOND_CRITERION = "vernieuwend"  # a criterion of the demo session besides CRITERION
IMPORT_MOTIVATION = "import"
SAVES_AFTER_IMPORT = 2


class _FullDisk:
    """Stands in for `os` inside jury_tui.formats.atomic_file: the n-th write of data (and, if the disk
    stays full, every later one) fails with ENOSPC. Every other attribute is the real os module."""

    def __init__(self, occurrence: int, stays: bool) -> None:
        self.occurrence, self.stays, self.seen = occurrence, stays, 0

    def __getattr__(self, name: str):
        return getattr(os, name)

    def write(self, fd, data):
        self.seen += 1
        if self.seen == self.occurrence or (self.stays and self.seen > self.occurrence):
            if self.seen == self.occurrence:
                print("trap enospc", flush=True)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return os.write(fd, data)


def importer_main(argv: list[str]) -> None:
    data_dir, csv_path, failure, argument = Path(argv[0]), argv[1], argv[2], argv[3]
    import jury_tui.formats.atomic_file as atomic

    if failure == "kill":
        point, occurrence = argument.split(":")
        atomic.os = _TrappedOs(point, int(occurrence))
    elif failure == "enospc":
        occurrence, stays = argument.split(":")
        atomic.os = _FullDisk(int(occurrence), stays == "stays")
    elif failure == "fsize":
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead of killing the process
        resource.setrlimit(resource.RLIMIT_FSIZE, (int(argument), resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
    from jury_tui.cli import main

    code = main(["import-scores", SESSION_ID, "--as", JUROR_ID, csv_path, "--data-dir", str(data_dir)])
    print(f"exit {code}", flush=True)
    sys.exit(code)


def write_import_csv(data_dir: Path, number: int) -> Path:
    """Round `number`'s spreadsheet: every application, CRITERION and SECOND_CRITERION."""
    from jury_tui.store.sessions import load_session

    session = load_session(data_dir, SESSION_ID)
    path = data_dir / f"import-{number}.csv"
    lines = ["application_id;criterion_id;score;motivation"]
    for index, application in enumerate(session.applications):
        for criterion in (CRITERION, SECOND_CRITERION):
            lines.append(f"{application.id};{criterion};{(number + index) % SCORES};{IMPORT_MOTIVATION} {number}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@dataclass
class TxSummary:
    rounds: int = 0
    failures: dict[str, int] = field(default_factory=dict)
    traps_fired: int = 0
    imports_as_promised: int = 0  # killed by the trap, or exit 2 with one line
    journals_left: int = 0  # an import left its journal behind ...
    rolled_back_by_saver: int = 0  # ... and the saver's next save rolled it back
    imports_landed: int = 0
    saves_reported: int = 0
    saves_lost: int = 0
    load_failures: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


class _Lines:
    """Reads a process's stdout in a thread: the lines so far, and waiting for more."""

    def __init__(self, stream) -> None:
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream) -> None:
        for line in stream:
            with self._changed:
                self.lines.append(line)
                self._changed.notify_all()
        with self._changed:
            self.lines.append("")  # end of stream
            self._changed.notify_all()

    def counters(self) -> list[int]:
        return [int(line) for line in self.lines if line.endswith("\n") and line.strip().isdigit()]

    def wait_for(self, condition, seconds: float = 60) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: condition() or (self.lines and self.lines[-1] == ""), seconds) and condition()

    def join(self) -> None:
        self._thread.join(60)


def _spawn(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, str(HARNESS), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env, text=True)


def _import_failure(failure: str, rng: random.Random, data_dir: Path) -> str:
    """The argument of the importer's failure: where it comes."""
    from jury_tui.store.sessions import session_dir

    stored = list((session_dir(data_dir, SESSION_ID) / "jurors" / JUROR_ID / "applications").glob("*.json"))
    files = 1 + len(stored)
    writes = 1 + 20  # the journal, then one write per application of the demo session
    if failure == "kill":
        point = rng.choice(TRAP_POINTS)
        if point == "mid-rotation":  # only a file that exists has backups to rotate; the journal has none
            return f"{point}:{rng.randint(1, max(1, files - 1))}" if files > 1 else f"temp-created:{rng.randint(1, writes)}"
        return f"{point}:{rng.randint(1, writes)}"
    if failure == "enospc":
        return f"{rng.randint(1, writes)}:{rng.choice(['once', 'stays'])}"
    if failure == "fsize":
        # Below the journal's size (it holds every file the import touches), so the import cannot succeed.
        return str(rng.randint(500, max(500, sum(path.stat().st_size for path in stored))))
    return "none"


def _landed_imports(data_dir: Path) -> list[str]:
    """Anything of an import on disk, as the store shows it (read-only: the check changes nothing)."""
    from jury_tui.store.juror_store import JurorStore
    from jury_tui.store.sessions import load_session

    session = load_session(data_dir, SESSION_ID)
    store = JurorStore(data_dir, session, JUROR_ID, read_only=True)
    found = []
    for application in session.applications:
        for criterion, entry in store.assessment(application.id).scores.items():
            if entry.motivation.startswith(IMPORT_MOTIVATION):
                found.append(f"{application.id}/{criterion}: {entry.motivation!r}")
        found += [f"{application.id}: history {entry.reason!r}" for entry in store.history(application.id)
                  if entry.reason.startswith("CSV-import")]
    return found


def transaction_round(data_dir: Path, model: CrashModel, summary: TxSummary, failure: str, rng: random.Random) -> None:
    from jury_tui.store.juror_store import JOURNAL_FILE
    from jury_tui.store.sessions import session_dir

    number = summary.rounds
    summary.rounds += 1
    summary.failures[failure] = summary.failures.get(failure, 0) + 1
    journal = session_dir(data_dir, SESSION_ID) / "jurors" / JUROR_ID / JOURNAL_FILE
    csv_path = write_import_csv(data_dir, number)
    argument = _import_failure(failure, rng, data_dir)
    label = f"round {number} ({failure} {argument})"
    saver = _spawn("worker", "juror-app" if failure == "app" else "juror", str(data_dir), str(model.next_start), "none")
    saver_out = _Lines(saver.stdout)
    problems: list[str] = []
    try:
        if not saver_out.wait_for(lambda: len(saver_out.counters()) >= 1):
            problems.append(f"{label}: the saver reported no save")
        importer = _spawn("importer", str(data_dir), str(csv_path), failure, argument)
        out, err = importer.communicate(timeout=120)
        before_more = len(saver_out.counters())
        journal_left = journal.exists()
        # The saver's next saves come after the import ended: its first one rolls back what the import left.
        saver_out.wait_for(lambda: len(saver_out.counters()) >= before_more + SAVES_AFTER_IMPORT)
        rolled_back = journal_left and not journal.exists()
    finally:
        saver.send_signal(signal.SIGKILL)
        saver.wait()
        saver_out.join()
        saver_err = saver.stderr.read() if saver.stderr else ""
        for stream in (saver.stdout, saver.stderr):
            if stream:
                stream.close()
    csv_path.unlink()

    # The import ended as promised.
    err_lines = err.strip().splitlines()
    fired = "trap " in out
    summary.traps_fired += fired
    if failure == "kill":
        ok = importer.returncode == -signal.SIGKILL and fired and not err.strip()
    else:
        ok = importer.returncode == 2 and len(err_lines) == 1 and "Traceback" not in err
        if failure == "enospc":
            ok = ok and fired
        if failure == "app":
            ok = ok and "open is op sessie" in err  # the app holds the store: refused (cli.app_open)
    summary.imports_as_promised += ok
    if not ok:
        problems.append(f"{label}: the import ended with {importer.returncode}: {out[-300:]!r} {err[-600:]!r}")
    summary.journals_left += journal_left
    summary.rolled_back_by_saver += rolled_back
    if journal_left and not rolled_back:
        problems.append(f"{label}: the saver saved on, the import's journal stayed")

    # Every save the saver reported is there (the model reopens the store and loads every file).
    reported = saver_out.counters()
    run = Run("timed", "none", model.next_start, reported, saver.returncode, "".join(saver_out.lines)[-200:],
              saver_err, trap_fired=False)
    crash = Summary("juror", kills=1)
    model.check(run, crash)
    summary.saves_reported += crash.saves_reported
    summary.saves_lost += crash.saves_lost
    summary.load_failures += crash.load_failures
    problems += [f"{label}: {problem}" for problem in crash.problems]

    # And nothing of the import.
    try:
        landed = _landed_imports(data_dir)
    except Exception as error:  # noqa: BLE001 - reported
        landed = [f"the files do not load: {type(error).__name__}: {error}"]
    if landed:
        summary.imports_landed += 1
        problems.append(f"{label}: the failed import landed: {landed[:5]}")
    summary.problems += problems


def transaction_rounds(data_dir: Path, rounds: int, rng: random.Random, progress=None) -> TxSummary:
    """`rounds` rounds on the demo session in data_dir; the import's failures take turns."""
    summary = TxSummary()
    model = CrashModel("juror", data_dir)
    began = time.perf_counter()
    for number in range(rounds):
        transaction_round(data_dir, model, summary, IMPORT_FAILURES[number % len(IMPORT_FAILURES)], rng)
        if progress is not None:
            progress(summary)
    summary.seconds = time.perf_counter() - began
    return summary


if __name__ == "__main__" and sys.argv[1:2] == ["worker"]:
    worker_main(sys.argv[2:])
elif __name__ == "__main__" and sys.argv[1:2] == ["importer"]:
    importer_main(sys.argv[2:])
