"""Kill -9 the juror's and the chair's saving process many times; nothing reported as saved is lost.

Run: python benchmarks/bench_crash.py [--kills 200] [--seed 2021] [--kinds juror chair]

The very code of tests/test_crash.py (tests/crash_harness.py), with more kills: a worker saves in a
loop through the real store and prints each save the store returned from; it is SIGKILLed right
after spawning, at a random moment after its first save, or from inside the atomic write (temp file
created, half written, before fsync, mid backup rotation, before or after the rename). After every
kill the store is opened again and every file loaded; every reported save must be in its
application's history and, unless replaced by a later one, its current value.

Exit status 1 when any save was lost, any file failed to load or a temp file stayed behind.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from crash_harness import KINDS, crash_rounds  # noqa: E402

from jury_tui.formats.session_builder import build_demo_session  # noqa: E402
from jury_tui.store.sessions import write_session  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=200, help="kills per worker (the test suite uses 30)")
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))
    args = parser.parse_args()

    summaries = []
    for offset, kind in enumerate(args.kinds):
        with tempfile.TemporaryDirectory() as tmp:
            write_session(Path(tmp), build_demo_session())

            def progress(summary) -> None:
                if summary.kills % 25 == 0:
                    print(f"  {kind}: {summary.kills} kills, {summary.saves_reported} saves, "
                          f"{len(summary.problems)} problems", file=sys.stderr, flush=True)

            summaries.append(crash_rounds(kind, Path(tmp), args.kills, random.Random(args.seed + offset), progress))

    print("| worker | kills (start / timed / mid-save) | saves reported done | saves lost | files failed to load "
          "| temp files left by kills | temp files after reopen | time |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for s in summaries:
        moments = " / ".join(str(s.moments[m]) for m in ("start", "timed", "mid-save"))
        print(f"| {s.kind} | {s.kills} ({moments}) | {s.saves_reported} | {s.saves_lost} | {s.load_failures} "
              f"| {s.temp_left_by_kills} | {s.temp_after_reopen} | {s.seconds:.0f} s |")
    problems = [f"{s.kind}: {problem}" for s in summaries for problem in s.problems]
    if problems:
        print(f"\n{len(problems)} problems:")
        for problem in problems[:20]:
            print(f"- {problem[:1500]}")
    bad = any(s.saves_lost or s.load_failures or s.temp_after_reopen for s in summaries) or problems
    raise SystemExit(1 if bad else 0)


if __name__ == "__main__":
    main()
