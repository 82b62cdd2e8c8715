"""Follow-up rounds (issue 15) at 11 contracts (the demo round of 2024 and a synthetic one) and
1000: building the round from its report files, the chair's consolidation and the evaluation
report PDF, and the juror app's start on a follow-up round.

Run: python benchmarks/bench_follow_up.py [--sizes 11 1000] [--repeat 3] [--no-startup]

Baselines measured in the same run:
- build (`jury-tui new --follow-up-of`: loading the reports folder and building the round): reading
  the same reports from disk as JSON files (the parsed reports dumped with pydantic) and `json.loads`;
- consolidation (5 consensus scores, the overall motivation and the verdict per contract, then the
  meeting): per store call against an fsync'd atomic write of 1 KB (the floor of any crash-safe save);
- evaluation PDF: a bare reportlab platypus document of the same text (every line the evaluation
  report shows, read back with pypdf), in Helvetica and in the report's embedded DejaVu Sans
  (bench_chair.bare_pdf);
- the juror app's first complete screen on a follow-up round against the same app on a selection
  session of the same size (bench_startup's auto-pilot, a fresh process each time).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_chair import bare_pdf, clock, text_of
from bench_startup import JUROR, timed
from pydantic import TypeAdapter
from synthetic import motivation, write_synthetic
from synthetic_follow_up import (
    FOLLOW_UP_CRITERIA,
    selection_with_decision,
    write_reports,
)

from jury_tui.domain.deliberation import Meeting
from jury_tui.domain.follow_up import ProgressReport
from jury_tui.formats.session_builder import (
    DEMO_KEY_SEED,
    build_demo_session,
    build_follow_up_session,
    demo_data_dir,
    shipped_criteria_dir,
)
from jury_tui.reports.evaluation_data import build_evaluation_data
from jury_tui.reports.evaluation_pdf import write_evaluation_pdf
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.demo_advice import demo_government
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import write_session

CREATED = dt.datetime(2025, 3, 1, tzinfo=dt.UTC)


def fsync_floor(folder: Path, count: int = 50) -> float:
    """Median of a 1 KB write to a temp file, fsync, rename, fsync of the folder (as bench_save)."""
    payload = os.urandom(512).hex().encode()
    samples = []
    for n in range(count):
        start = time.perf_counter()
        temp = folder / f".floor-{n}.tmp"
        with open(temp, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, folder / "floor.bin")
        descriptor = os.open(folder, os.O_RDONLY)
        os.fsync(descriptor)
        os.close(descriptor)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def round_inputs(size: int | str, tmp: Path):
    """(selection, government, reports folder) of the demo round or a synthetic one of `size`."""
    if size == "demo":
        selection = build_demo_session()
        reports = tmp / "reports"
        shutil.copytree(demo_data_dir() / "progress", reports)
        return selection, demo_government(selection), reports, DEMO_KEY_SEED
    selection, government = selection_with_decision(size, 7 if size <= 20 else 25)
    write_reports(tmp / "reports", selection, government)
    return selection, government, tmp / "reports", "jury-tui benchmarks"


def run(size: int | str, repeat: int) -> dict[str, float]:
    rng = random.Random(15)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        selection, government, reports, seed = round_inputs(size, tmp)
        criteria = shipped_criteria_dir() / FOLLOW_UP_CRITERIA

        def build():
            return build_follow_up_session(f"opv-{size}", selection, government, reports, criteria,
                                           key_seed=seed, created_at=CREATED)

        build_time, (session, keys) = clock(build)
        # The same reports as JSON files: the floor of reading them.
        as_json = TypeAdapter(ProgressReport)
        json_dir = tmp / "json"
        json_dir.mkdir()
        for n, report in enumerate(session.follow_up.reports):
            (json_dir / f"{n:05d}.json").write_bytes(as_json.dump_json(report))
        floor, _ = clock(lambda: [json.loads(path.read_bytes()) for path in sorted(json_dir.iterdir())])
        for _ in range(repeat - 1):  # the fastest of each counts: a shared machine's load comes and goes
            build_time = min(build_time, clock(build)[0])
            floor = min(floor, clock(lambda: [json.loads(path.read_bytes()) for path in sorted(json_dir.iterdir())])[0])

        data_dir = tmp / "data"
        write_session(data_dir, session, keys)
        store = ChairStore(data_dir, session)
        calls = 0

        def consolidate():
            nonlocal calls
            for index, application in enumerate(session.applications):
                for number, criterion in enumerate(session.criteria.criteria):
                    store.set_consensus(application.id, criterion.id, score=1 + (index + number) % 5, motivation=motivation(rng))
                store.set_overall(application.id, motivation(rng))
                store.set_verdict(application.id, session.criteria.verdicts[index % 3].id)
                calls += len(session.criteria.criteria) + 2
            store.set_meeting(Meeting(held_on=dt.date(2025, 3, 12), chair="Voorzitter",
                                      attendees=[juror.id for juror in session.jurors[:4]]))
            calls += 1

        consolidation, _ = clock(consolidate)
        save_floor = fsync_floor(tmp)

        def evaluation_data():
            return build_evaluation_data(session, store.submissions(), store.decisions(), store.deliberation(), created=CREATED)

        data_time, data = clock(evaluation_data)
        pdf = tmp / "evaluatie.pdf"
        pdf_time, summary = clock(lambda: write_evaluation_pdf(data, pdf))
        texts = text_of(pdf)
        bare_time, _ = clock(lambda: bare_pdf(texts, tmp / "bare.pdf"))
        same_font, _ = clock(lambda: bare_pdf(texts, tmp / "bare-dejavu.pdf", font="DejaVuSans"))
        for _ in range(repeat - 1 if size == "demo" or size <= 20 else 0):
            data_time = min(data_time, clock(evaluation_data)[0])
            pdf_time = min(pdf_time, clock(lambda: write_evaluation_pdf(data, pdf))[0])
            bare_time = min(bare_time, clock(lambda: bare_pdf(texts, tmp / "bare.pdf"))[0])
            same_font = min(same_font, clock(lambda: bare_pdf(texts, tmp / "bare-dejavu.pdf", font="DejaVuSans"))[0])
        return {
            "reports": len(session.follow_up.reports), "build": build_time, "floor": floor,
            "consolidation": consolidation, "calls": calls, "save_floor": save_floor,
            "data": data_time, "pdf": pdf_time, "pages": summary.pages, "bare_pdf": bare_time, "same_font": same_font,
        }


def startup(size: int, repeat: int) -> dict[str, list[float]]:
    """Wall and CPU time to the juror app's first complete screen (the assessment screen: juror-01
    has declared no conflicts), on a follow-up round and on a selection session of the same size;
    median of the repeats and the median of the ratios within each round."""
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        jurors = 7 if size <= 20 else 25
        data_dir = tmp / "data"
        selection = write_synthetic(data_dir, size, jurors)
        selection, government = selection_with_decision(size, jurors)
        write_reports(tmp / "reports", selection, government)
        session, keys = build_follow_up_session(f"opv-{size}", selection, government, tmp / "reports",
                                                shipped_criteria_dir() / FOLLOW_UP_CRITERIA,
                                                key_seed="jury-tui benchmarks", created_at=CREATED)
        write_session(data_dir, session, keys)
        for definition in (selection, session):
            JurorStore(data_dir, definition, "juror-01").declare_conflicts([])
        runs: dict[str, list[tuple[float, float]]] = {"selection": [], "follow-up": []}
        for _ in range(repeat):  # interleaved, so machine noise hits both alike
            runs["selection"].append(timed(JUROR, str(data_dir), selection.id, "juror-01"))
            runs["follow-up"].append(timed(JUROR, str(data_dir), session.id, "juror-01"))
        medians = {name: [statistics.median(r[i] for r in measured) for i in (0, 1)] for name, measured in runs.items()}
        ratio = [statistics.median(f[i] / s[i] for f, s in zip(runs["follow-up"], runs["selection"])) for i in (0, 1)]
        return {**medians, "ratio": ratio}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="+", default=["demo", "11", "1000"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-startup", action="store_true")
    args = parser.parse_args()
    sizes = [size if size == "demo" else int(size) for size in args.sizes]
    print("| contracts (reports) | build the round (json floor) | consolidation: calls, per call (fsync floor) "
          "| evaluation data | evaluation PDF, pages (bare reportlab: Helvetica; same embedded DejaVu Sans) |")
    print("|---|---:|---:|---:|---:|")
    for size in sizes:
        r = run(size, args.repeat)
        label = "11, demo 2024" if size == "demo" else str(size)
        per_call = r["consolidation"] / r["calls"]
        print(
            f"| {label} ({r['reports']}) | {r['build']:.3f} s ({r['floor']:.4f} s, {r['build'] / r['floor']:.0f}×) "
            f"| {r['consolidation']:.2f} s: {r['calls']}, {per_call * 1000:.2f} ms ({r['save_floor'] * 1000:.2f} ms, "
            f"{per_call / r['save_floor']:.1f}×) | {r['data']:.3f} s "
            f"| {r['pdf']:.2f} s, {r['pages']} p. (Helvetica {r['bare_pdf']:.2f} s, {r['pdf'] / r['bare_pdf']:.2f}×; "
            f"DejaVu {r['same_font']:.2f} s, {r['pdf'] / r['same_font']:.2f}×) |", flush=True,
        )
    if args.no_startup:
        return
    print("\n| contracts | juror app on a selection session: wall, CPU | on a follow-up round: wall, CPU | ratio wall, CPU |")
    print("|---|---:|---:|---:|")
    for size in sizes:
        if size == "demo":
            continue
        s = startup(size, args.repeat)
        print(f"| {size} | {s['selection'][0]:.2f} s, {s['selection'][1]:.2f} s | {s['follow-up'][0]:.2f} s, "
              f"{s['follow-up'][1]:.2f} s | {s['ratio'][0]:.2f}×, {s['ratio'][1]:.2f}× |", flush=True)


if __name__ == "__main__":
    main()
