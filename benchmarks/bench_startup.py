"""Time to the first interactive screen of the juror and chair apps, against a bare Textual app
started the same way in the same run.

Run: python benchmarks/bench_startup.py [--sizes 20 200 1000] [--repeat 5]

Each measurement is a fresh process (imports included, as a user experiences it): it starts the
app headless with an auto-pilot that waits until the first screen has been composed and
painted, then exits. The parent measures from spawn to exit. Reported: median of the repeats,
and the ratio to the bare app as the median of the ratios within each round (the four are run
back to back in a round, so a machine that slows down for a while slows all four alike). "first visit" is the juror app for a juror who has not
declared conflicts of interest yet: the conflicts screen comes first.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import motivation, write_synthetic  # noqa: E402

PILOT = """
async def auto_pilot(pilot):
    # The same point for every app: the first screen composed, its footer keys in place, painted.
    for _ in range(100):
        await pilot.pause()
        if pilot.app.screen.query("FooterKey"):
            break
    else:
        raise SystemExit("the first screen never showed its keys")
    await pilot.pause()
    pilot.app.exit()
"""

BARE = PILOT + """
from textual.app import App
from textual.widgets import Footer, Header, Static
class Bare(App):
    def compose(self):
        yield Header()
        yield Static("hallo")
        yield Footer()
Bare().run(headless=True, size=(80, 24), auto_pilot=auto_pilot)
"""

JUROR = PILOT + """
import sys
from pathlib import Path
from jury_tui.store.sessions import load_session
from jury_tui.ui.app import JurorApp
data_dir = Path(sys.argv[1])
session = load_session(data_dir, sys.argv[2])
JurorApp(data_dir, session, sys.argv[3]).run(headless=True, size=(80, 24), auto_pilot=auto_pilot)
"""

CHAIR = PILOT + """
import sys
from pathlib import Path
from jury_tui.store.sessions import load_session
from jury_tui.ui.chair.app import ChairApp
data_dir = Path(sys.argv[1])
session = load_session(data_dir, sys.argv[2])
ChairApp(data_dir, session).run(headless=True, size=(80, 24), auto_pilot=auto_pilot)
"""


def timed(code: str, *args: str) -> tuple[float, float]:
    """(wall seconds from spawn to exit, CPU seconds the process used). CPU time is the steadier
    figure on a busy machine: it does not count waiting for a core."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "TERM": "xterm-256color"},
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"run failed:\n{result.stderr[-2000:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def prepare(data_dir: Path, applications: int, jurors: int) -> str:
    """A synthetic session where the juror has declared conflicts and scored half, and every
    juror has submitted to the chair."""
    import random

    from jury_tui.io.submission_file import write_submission
    from jury_tui.store.chair_store import ChairStore
    from jury_tui.store.juror_store import JurorStore, ScoreChange

    rng = random.Random(5)
    session = write_synthetic(data_dir, applications, jurors)
    chair = ChairStore(data_dir, session)
    for juror in session.jurors:
        store = JurorStore(data_dir, session, juror.id)
        store.declare_conflicts([])
        store.apply_batch(
            [ScoreChange(a.id, c, rng.randint(0, 5), motivation(rng))
             for a in session.applications[: applications // 2] for c in session.criteria.criterion_ids],
            reason="benchmark",
        )
        path = data_dir / f"{juror.id}.json"
        write_submission(store, path, allow_incomplete=True)
        chair.import_submission(path)
    return session.id


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 200, 1000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    jurors_for = {20: 7, 200: 15, 1000: 25}
    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            data_dir = Path(tmp) / "data"
            session_id = prepare(data_dir, size, jurors_for.get(size, 7))
            # The same session without any juror's work: juror-01 opens on the conflicts screen.
            first_dir = Path(tmp) / "first-visit"
            (first_dir / "sessions" / session_id).mkdir(parents=True)
            shutil.copy2(data_dir / "sessions" / session_id / "session.json", first_dir / "sessions" / session_id)
            runs: dict[str, list[tuple[float, float]]] = {"bare": [], "juror": [], "first": [], "chair": []}
            for _ in range(args.repeat):  # interleaved, so machine noise hits all four alike
                runs["bare"].append(timed(BARE))
                runs["juror"].append(timed(JUROR, str(data_dir), session_id, "juror-01"))
                runs["first"].append(timed(JUROR, str(first_dir), session_id, "juror-01"))
                runs["chair"].append(timed(CHAIR, str(data_dir), session_id))
            medians = {name: [statistics.median(r[i] for r in measured) for i in (0, 1)] for name, measured in runs.items()}
            ratios = {
                name: [statistics.median(m[i] / b[i] for m, b in zip(measured, runs["bare"])) for i in (0, 1)]
                for name, measured in runs.items()
            }
            rows.append((size, medians, ratios))
    for index, what in ((0, "wall time, spawn to exit"), (1, "CPU time of the process")):
        print(f"\n{what} (median of {args.repeat})\n")
        print("| applications × jurors | bare Textual app | juror app | ratio | first visit | ratio | chair app | ratio |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for size, m, r in rows:
            b, j, f, c = (m[name][index] for name in ("bare", "juror", "first", "chair"))
            rj, rf, rc = (r[name][index] for name in ("juror", "first", "chair"))
            print(
                f"| {size} × {jurors_for.get(size, 7)} | {b:.2f} s | {j:.2f} s | {rj:.2f}× "
                f"| {f:.2f} s | {rf:.2f}× | {c:.2f} s | {rc:.2f}× |"
            )

if __name__ == "__main__":
    main()
