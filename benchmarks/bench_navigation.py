"""Key-press latency in the juror's app at 20 and 1000 applications: moving to the next
application and to the next criterion, driven by Textual's Pilot.

Run: python benchmarks/bench_navigation.py

Baseline: the same presses at 20 applications in the same run (Pilot itself costs tens of
milliseconds per key, so the ratio is what tells whether size slows navigation down).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_startup import prepare  # noqa: E402

from jury_tui.store.sessions import load_session  # noqa: E402
from jury_tui.ui.app import JurorApp  # noqa: E402

PRESSES = 20


async def measure(data_dir: Path, session_id: str) -> tuple[float, float]:
    app = JurorApp(data_dir, load_session(data_dir, session_id), "juror-01")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        for _ in range(PRESSES):
            await pilot.press("n")
            await pilot.pause()
        middle = time.perf_counter()
        for _ in range(PRESSES):
            await pilot.press("down")
            await pilot.pause()
        end = time.perf_counter()
    return (middle - start) / PRESSES, (end - middle) / PRESSES


def main() -> None:
    results = {}
    for size, jurors in ((20, 7), (1000, 25)):
        with tempfile.TemporaryDirectory() as tmp:
            session_id = prepare(Path(tmp), size, jurors)
            results[size] = asyncio.run(measure(Path(tmp), session_id))
    base_app, base_criterion = results[20]
    print("| applications | next application | ratio to 20 | next criterion | ratio to 20 |")
    print("|---:|---:|---:|---:|---:|")
    for size, (app, criterion) in results.items():
        print(f"| {size} | {app * 1000:.0f} ms | {app / base_app:.2f}× | {criterion * 1000:.0f} ms | {criterion / base_criterion:.2f}× |")


if __name__ == "__main__":
    main()
