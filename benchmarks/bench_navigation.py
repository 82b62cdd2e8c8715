"""Key-press latency in the juror's and the chair's apps at 20 and 1000 applications, driven by
Textual's Pilot.

Run: python benchmarks/bench_navigation.py [--presses 20]

Juror: next application (n) and next criterion (↓). Chair (keys from jury_tui/ui/chair/keys.py):
in the overview ↓ (next row) and t (next cell to discuss); ⏎ opens the detail of the application
under the cursor and Esc goes back to the overview; in the detail n (next application) and ↓/↑
(next/previous criterion page). Each press is checked to have done what it should.

Sessions as benchmarks/bench_startup.py prepares them: 20 applications × 7 jurors and
1000 × 25, half of the applications scored by every juror, every submission imported by the chair.
Baseline: the same presses at 20 applications in the same run (Pilot itself costs tens of
milliseconds per key, so the ratio is what tells whether size slows navigation down).
Reported: the mean per press (the detail screen is opened once before timing, so its one-time
build is not in the ⏎ figure).
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
from jury_tui.ui.chair.app import ChairApp  # noqa: E402

SIZES = ((20, 7), (1000, 25))


async def timed(pilot, key: str, presses: int) -> float:
    start = time.perf_counter()
    for _ in range(presses):
        await pilot.press(key)
        await pilot.pause()
    return (time.perf_counter() - start) / presses


async def measure_juror(data_dir: Path, session_id: str, presses: int) -> dict[str, float]:
    app = JurorApp(data_dir, load_session(data_dir, session_id), "juror-01")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        return {
            "juror: next application (n)": await timed(pilot, "n", presses),
            "juror: next criterion (↓)": await timed(pilot, "down", presses),
        }


async def measure_chair(data_dir: Path, session_id: str, presses: int) -> dict[str, float]:
    app = ChairApp(data_dir, load_session(data_dir, session_id))
    results = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        overview = app.screen
        assert overview.MODE == "overview", overview
        table = overview.table
        rows = min(presses, table.row_count - 1)  # every press moves (20 rows: 19 presses)
        results["chair overview: next row (↓)"] = await timed(pilot, "down", rows)
        assert table.cursor_row == rows, table.cursor_row
        before = table.cursor_coordinate
        results["chair overview: next to discuss (t)"] = await timed(pilot, "t", presses)
        assert table.cursor_coordinate != before and app.model.open_flags(overview.current_row_key())
        table.move_cursor(row=0, column=1, animate=False)  # the first application, first criterion
        await pilot.pause()
        assert table.cursor_row == 0, table.cursor_row

        async def open_and_back() -> tuple[float, float]:
            t0 = time.perf_counter()
            await pilot.press("enter")
            await pilot.pause()
            t1 = time.perf_counter()
            assert app.screen.MODE == "detail", app.screen
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen.MODE == "overview", app.screen
            return t1 - t0, time.perf_counter() - t1

        await open_and_back()  # the detail screen is built on its first opening: not timed
        opening, leaving = zip(*[await open_and_back() for _ in range(presses)])
        results["chair: open detail (⏎ in overview)"] = sum(opening) / presses
        results["chair: back to overview (Esc)"] = sum(leaving) / presses

        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        first = detail.application_id
        order = app.model.order()
        steps = min(presses, len(order) - 1 - order.index(first))
        results["chair detail: next application (n)"] = await timed(pilot, "n", steps)
        assert detail.application_id == order[order.index(first) + steps], detail.application_id
        pages = []
        for _ in range(presses):  # down to the decision page and up again, in turn
            key = "down" if detail.page < len(app.model.criteria.criteria) and len(pages) % 14 < 7 else "up"
            pages.append(await timed(pilot, key, 1))
        results["chair detail: next/previous criterion (↓/↑)"] = sum(pages) / presses
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--presses", type=int, default=20)
    args = parser.parse_args()
    results: dict[int, dict[str, float]] = {}
    for size, jurors in SIZES:
        with tempfile.TemporaryDirectory() as tmp:
            session_id = prepare(Path(tmp), size, jurors)
            results[size] = {
                **asyncio.run(measure_juror(Path(tmp), session_id, args.presses)),
                **asyncio.run(measure_chair(Path(tmp), session_id, args.presses)),
            }
    small, large = (size for size, _ in SIZES)
    print(f"| key press | {small} applications | {large} applications | ratio {large} / {small} |")
    print("|---|---:|---:|---:|")
    for name, base in results[small].items():
        value = results[large][name]
        print(f"| {name} | {base * 1000:.0f} ms | {value * 1000:.0f} ms | {value / base:.2f}× |")


if __name__ == "__main__":
    main()
