"""Kill -9 a process that is saving, again and again: every save it reported as done survives,
and the files always load. This is the promise "nothing shown as saved is ever lost"."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from jury_tui.io.session_builder import build_demo_session
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import load_session, write_session

ROOT = Path(__file__).resolve().parents[1]
KILLS = 30

JUROR_WORKER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from jury_tui.store.juror_store import JurorStore
    from jury_tui.store.sessions import load_session
    data_dir = Path(sys.argv[1]); start = int(sys.argv[2])
    session = load_session(data_dir, "wvc-2021-demo")
    store = JurorStore(data_dir, session, "extern-1")
    apps = [a.id for a in session.applications]
    counter = start
    while True:
        counter += 1
        app = apps[counter % len(apps)]
        store.set_motivation(app, "maatwerk", f"save {counter}")
        store.set_score(app, "maatwerk", counter % 6)
        print(counter, flush=True)
    """
)

CHAIR_WORKER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from jury_tui.store.chair_store import ChairStore
    from jury_tui.store.sessions import load_session
    data_dir = Path(sys.argv[1]); start = int(sys.argv[2])
    session = load_session(data_dir, "wvc-2021-demo")
    store = ChairStore(data_dir, session)
    apps = [a.id for a in session.applications]
    counter = start
    while True:
        counter += 1
        app = apps[counter % len(apps)]
        store.set_consensus(app, "maatwerk", counter % 6, f"save {counter}")
        print(counter, flush=True)
    """
)


def _run_and_kill(worker: str, data_dir: Path, start: int, rng: random.Random) -> int:
    """Start the worker, let it save for a random while, SIGKILL it; return the last save it reported."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-c", worker, str(data_dir), str(start)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert process.stdout is not None
    first = process.stdout.readline()  # wait until it is really saving
    assert first.strip(), process.stderr.read() if process.stderr else ""
    time.sleep(rng.uniform(0.0, 0.08))
    process.send_signal(signal.SIGKILL)
    rest, errors = process.communicate()
    reported = [int(line) for line in (first + rest).split() if line.strip().isdigit()]
    assert not errors.strip(), errors
    return reported[-1]


def _expected_motivation(store_value: str, last_reported: int) -> None:
    saved = int(store_value.split()[1])
    # The reported save is there; at most the one in flight when the kill came is newer.
    assert saved >= last_reported


@pytest.fixture
def demo_dir(tmp_path: Path) -> Path:
    write_session(tmp_path, build_demo_session())
    return tmp_path


def test_juror_saves_survive_kill_9(demo_dir: Path) -> None:
    rng = random.Random(20211)
    session = load_session(demo_dir, "wvc-2021-demo")
    apps = [a.id for a in session.applications]
    start = 0
    for _ in range(KILLS):
        last = _run_and_kill(JUROR_WORKER, demo_dir, start, rng)
        store = JurorStore(demo_dir, session, "extern-1")  # loads every file, cleans temp files
        entry = store.assessment(apps[last % len(apps)]).get("maatwerk")
        _expected_motivation(entry.motivation, last)
        if entry.motivation == f"save {last}":
            assert entry.score == last % 6
        store.all_assessments()  # every file still parses
        assert not list(demo_dir.rglob("*.jurytmp"))
        start = last + 10
    history = JurorStore(demo_dir, session, "extern-1").history(apps[start % len(apps)])
    assert all(item.juror_id == "extern-1" for item in history)


def test_chair_saves_survive_kill_9(demo_dir: Path) -> None:
    rng = random.Random(20212)
    session = load_session(demo_dir, "wvc-2021-demo")
    apps = [a.id for a in session.applications]
    start = 0
    for _ in range(KILLS):
        last = _run_and_kill(CHAIR_WORKER, demo_dir, start, rng)
        store = ChairStore(demo_dir, session)
        consensus = store.decision(apps[last % len(apps)]).get("maatwerk")
        _expected_motivation(consensus.motivation, last)
        store.decisions()
        assert not list(demo_dir.rglob("*.jurytmp"))
        start = last + 10
