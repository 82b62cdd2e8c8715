"""Kill -9 a process that is saving, again and again: every save it reported as done survives,
and the files always load. This is the promise "nothing shown as saved is ever lost". And while
the app saves, CSV imports fail and are killed: none of them lands, no save is lost.

The workers, the kills and the checks live in tests/crash_harness.py, shared with
benchmarks/bench_crash.py (which runs the same code with many more kills)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from crash_harness import (
    IMPORT_FAILURES,
    MOMENTS,
    TRAP_LEAVES_TEMP,
    TRAP_POINTS,
    CrashModel,
    Summary,
    crash_rounds,
    run_and_kill,
    transaction_rounds,
)

from jury_tui.formats.session_builder import build_demo_session
from jury_tui.store.sessions import session_dir, write_session

KILLS = 30


@pytest.fixture
def demo_dir(tmp_path: Path) -> Path:
    write_session(tmp_path, build_demo_session())
    return tmp_path


def _assert_held(summary: Summary) -> None:
    assert summary.problems == []
    assert summary.kills == KILLS
    assert summary.saves_lost == 0 and summary.load_failures == 0 and summary.temp_after_reopen == 0
    # The kills really came at every kind of moment, and the checks had saves to check.
    assert all(summary.moments[moment] == KILLS // len(MOMENTS) for moment in MOMENTS)
    assert summary.traps_fired == summary.moments["mid-save"]
    assert summary.temp_left_by_kills >= sum(TRAP_LEAVES_TEMP[p] for p in TRAP_POINTS)  # writes were interrupted
    assert summary.saves_reported >= KILLS


@pytest.mark.parametrize("kind, seed", [("juror", 20211), ("chair", 20212)])
def test_saves_survive_kill_9(demo_dir: Path, kind: str, seed: int) -> None:
    _assert_held(crash_rounds(kind, demo_dir, KILLS, random.Random(seed)))


# The checks can fail: a lost save and a damaged file are caught.


@pytest.mark.parametrize("kind", ["juror", "chair"])
def test_check_catches_a_lost_save(demo_dir: Path, kind: str) -> None:
    model = CrashModel(kind, demo_dir)
    run = run_and_kill(kind, demo_dir, 0, "timed", random.Random(1))
    assert run.reported
    # Roll the file of the last reported save back to the version before its last write.
    folder = session_dir(demo_dir, "wvc-2021-demo")
    folder = folder / "jurors" / "extern-1" / "applications" if kind == "juror" else folder / "chair" / "decisions"
    path = folder / f"{model.app_of(run.reported[-1])}.json"
    backup = path.with_name(f".{path.name}.bak1")
    if backup.exists():
        backup.replace(path)
    else:  # the save created the file
        path.unlink()
    summary = Summary(kind, kills=1)
    model.check(run, summary)
    assert summary.saves_lost >= 1
    assert any(model.app_of(run.reported[-1]) in problem for problem in summary.problems)


@pytest.mark.parametrize("kind", ["juror", "chair"])
def test_check_catches_a_damaged_file(demo_dir: Path, kind: str) -> None:
    model = CrashModel(kind, demo_dir)
    run = run_and_kill(kind, demo_dir, 0, "timed", random.Random(2))
    folder = session_dir(demo_dir, "wvc-2021-demo")
    folder = folder / "jurors" / "extern-1" / "applications" if kind == "juror" else folder / "chair" / "decisions"
    path = folder / f"{model.app_of(run.reported[-1])}.json"
    path.write_bytes(path.read_bytes()[:-20])  # a torn write
    (folder / f".x{'.jurytmp'}").write_bytes(b"{")
    summary = Summary(kind, kills=1)
    model.check(run, summary)
    assert summary.load_failures == 1 and summary.problems
    assert summary.temp_left_by_kills >= 1


# --- issue 12, class 1: the app saving while imports fail and are killed ------------------------

ROUNDS = 8  # two of each failure; benchmarks/bench_transactions.py runs 200


def test_saves_survive_and_failed_imports_never_land(demo_dir: Path) -> None:
    summary = transaction_rounds(demo_dir, ROUNDS, random.Random(2012))
    assert summary.problems == []
    assert summary.rounds == ROUNDS and all(summary.failures[f] == ROUNDS // len(IMPORT_FAILURES) for f in IMPORT_FAILURES)
    assert summary.imports_as_promised == ROUNDS and summary.imports_landed == 0
    assert summary.saves_lost == 0 and summary.load_failures == 0 and summary.saves_reported >= 2 * ROUNDS
    assert summary.traps_fired >= summary.failures["kill"] + summary.failures["enospc"]
    assert summary.rolled_back_by_saver == summary.journals_left >= 1  # a kill leaves its journal; the app's save undoes it


def test_the_landing_check_can_fail(demo_dir: Path) -> None:
    from crash_harness import JUROR_ID, SESSION_ID, _landed_imports, write_import_csv

    from jury_tui.store.juror_store import JurorStore, import_scores
    from jury_tui.store.sessions import load_session

    assert _landed_imports(demo_dir) == []
    store = JurorStore(demo_dir, load_session(demo_dir, SESSION_ID), JUROR_ID)
    import_scores(store, write_import_csv(demo_dir, 7))  # an import that succeeds
    assert len(_landed_imports(demo_dir)) >= 20
