"""Issue 12, class 1: the juror's app saves while CSV imports fail and are killed; no save reported
as done is lost and no failed import lands.

Run: python benchmarks/bench_transactions.py [--rounds 200] [--seed 2012]
     python benchmarks/bench_transactions.py --batch 3000 12000   (class 12: one import of N rows
     for one application, through JurorStore.apply_batch; the time should grow linearly)

The very code of tests/test_crash.py (tests/crash_harness.py, `transaction_rounds`), with more
rounds. Each round: a saver process (the store's set_motivation/set_score loop, standing in for the
app) saves; `jury-tui import-scores` runs over every application and fails, taking turns: SIGKILLed
from inside one of its atomic writes, a full disk (once, or for good), a file-size limit, or refused
because the saver holds the store as the open app does. The saver saves on (rolling back what a
killed import left) and is killed; every reported save must be there, nothing of any import.

Exit status 1 on any problem.
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

from crash_harness import IMPORT_FAILURES, transaction_rounds

from jury_tui.formats.session_builder import build_demo_session
from jury_tui.store.sessions import write_session


def batch_seconds(rows: int) -> float:
    """One batch of `rows` changes, all to one application of the demo session (many to the same cell)."""
    import time

    from jury_tui.domain.assessment import ScoreChange
    from jury_tui.store.juror_store import JurorStore
    from jury_tui.store.sessions import load_session

    with tempfile.TemporaryDirectory() as tmp:
        session = build_demo_session()
        write_session(Path(tmp), session)
        session = load_session(Path(tmp), session.id)
        criteria = list(session.criteria.criterion_ids)
        application = session.applications[0].id
        changes = [ScoreChange(application, criteria[n % len(criteria)], n % 6, f"rij {n}") for n in range(rows)]
        store = JurorStore(Path(tmp), session, session.jurors[0].id)
        began = time.perf_counter()
        store.apply_batch(changes, reason="bench")
        return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200, help="rounds (the test suite runs 8)")
    parser.add_argument("--seed", type=int, default=2012)
    parser.add_argument("--batch", type=int, nargs="+", metavar="ROWS", help="time one import of ROWS rows instead")
    args = parser.parse_args()
    if args.batch:
        for rows in args.batch:
            print(f"{rows} rows for one application: {batch_seconds(rows):.2f} s")
        return
    with tempfile.TemporaryDirectory() as tmp:
        write_session(Path(tmp), build_demo_session())

        def progress(summary) -> None:
            if summary.rounds % 25 == 0:
                print(f"  {summary.rounds} rounds, {summary.saves_reported} saves, {len(summary.problems)} problems",
                      file=sys.stderr, flush=True)

        s = transaction_rounds(Path(tmp), args.rounds, random.Random(args.seed), progress)
    failures = " / ".join(f"{s.failures.get(f, 0)}" for f in IMPORT_FAILURES)
    print(f"| rounds ({' / '.join(IMPORT_FAILURES)}) | imports ended as promised | traps fired | journals left by imports "
          "| rolled back by the app's next save | failed imports landed | saves reported done | saves lost "
          "| files failed to load | time |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {s.rounds} ({failures}) | {s.imports_as_promised} | {s.traps_fired} | {s.journals_left} "
          f"| {s.rolled_back_by_saver} | {s.imports_landed} | {s.saves_reported} | {s.saves_lost} | {s.load_failures} "
          f"| {s.seconds:.0f} s |")
    if s.problems:
        print(f"\n{len(s.problems)} problems:")
        for problem in s.problems[:20]:
            print(f"- {problem[:1500]}")
    raise SystemExit(1 if s.problems or s.saves_lost or s.imports_landed or s.load_failures else 0)


if __name__ == "__main__":
    main()
