"""One score save (p50/p95) at 20, 200 and 1000 applications, against a bare atomic write.

Run: python benchmarks/bench_save.py   (from the repository root)

The baseline is the cost of the floor every crash-safe save pays: writing ~1 KB to a temp file,
fsync and rename. A save is a score or motivation change of one juror on an application that
already holds a full assessment with history; the juror has scored every application, so the
file count is as large as the call.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import motivation, write_synthetic  # noqa: E402

from jury_tui.domain.assessment import ScoreChange
from jury_tui.formats.atomic_file import write_atomic  # noqa: E402
from jury_tui.store.juror_store import JurorStore  # noqa: E402


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1]


def baseline(folder: Path, count: int = 200) -> list[float]:
    payload = b"x" * 1024
    samples = []
    for i in range(count):
        start = time.perf_counter()
        write_atomic(folder / "baseline.json", payload)
        samples.append(time.perf_counter() - start)
    return samples


def measure(applications: int, count: int = 200) -> list[float]:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        session = write_synthetic(data_dir, applications, 3)
        store = JurorStore(data_dir, session, "juror-01")
        criteria = session.criteria.criterion_ids
        store.apply_batch(
            [ScoreChange(a.id, c, rng.randint(0, 5), motivation(rng)) for a in session.applications for c in criteria],
            reason="fill",
        )
        samples = []
        for i in range(count):
            application = rng.choice(session.applications).id
            criterion = rng.choice(criteria)
            start = time.perf_counter()
            if i % 2:
                store.set_score(application, criterion, i % 6)
            else:
                store.set_motivation(application, criterion, motivation(rng))
            samples.append(time.perf_counter() - start)
        return samples


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base_p50, base_p95 = percentiles(baseline(Path(tmp)))
    print(f"baseline atomic 1 KB write: p50 {base_p50 * 1000:.2f} ms, p95 {base_p95 * 1000:.2f} ms")
    print("| applications | save p50 | save p95 | p50 / baseline |")
    print("|---:|---:|---:|---:|")
    for applications in (20, 200, 1000):
        p50, p95 = percentiles(measure(applications))
        print(f"| {applications} | {p50 * 1000:.2f} ms | {p95 * 1000:.2f} ms | {p50 / base_p50:.1f}x |")


if __name__ == "__main__":
    main()
