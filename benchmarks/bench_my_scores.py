"""My scores (key o) at 20 and 1000 applications: opening the screen and one sort (t, s).

Run: python benchmarks/bench_my_scores.py [--repeat 3]

Sessions as benchmarks/bench_startup.py prepares them (half of the applications scored, with a
single juror so preparing stays quick). Reported: the mean wall time of each step, Pilot included
(Pilot costs tens of milliseconds per key: compare with the 20-application figure).
"""

from __future__ import annotations

import argparse
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


async def measure(data_dir: Path, session_id: str, repeat: int) -> dict[str, float]:
    from jury_tui.ui.screens.my_scores import MyScoresScreen

    app = JurorApp(data_dir, load_session(data_dir, session_id), "juror-01")
    times: dict[str, list[float]] = {"open (o)": [], "sort by total (t)": [], "sort by column (s)": []}
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        for _ in range(repeat):
            start = time.perf_counter()
            await pilot.press("o")
            await pilot.pause()
            times["open (o)"].append(time.perf_counter() - start)
            assert isinstance(app.screen, MyScoresScreen), app.screen
            for key, name in (("t", "sort by total (t)"), ("right", None), ("s", "sort by column (s)")):
                start = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                if name:
                    times[name].append(time.perf_counter() - start)
            await pilot.press("escape")
            await pilot.pause()
    return {name: sum(values) / len(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 1000])
    args = parser.parse_args()
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            data_dir = Path(folder)
            session_id = prepare(data_dir, size, 1)
            results = asyncio.run(measure(data_dir, session_id, args.repeat))
        for name, seconds in results.items():
            print(f"{size:>5} applications  {name:<20} {seconds * 1000:8.0f} ms")


if __name__ == "__main__":
    main()
