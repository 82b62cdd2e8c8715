"""The chair's and the secretariat's heavy jobs at 20 × 7, 200 × 15 and 1000 × 25:
importing every juror's submission, aggregation plus both budget proposals, and the advice PDF
against a bare reportlab document of the same text.

Run: python benchmarks/bench_chair.py [--sizes 20 200 1000]

Baselines measured in the same run: reading the same submission bytes from disk and parsing
them with json (the floor of any import), and a bare reportlab platypus document holding the
same text as the advice (every line the advice PDF shows, read back with pypdf) as plain
paragraphs, once in Helvetica (nothing embedded) and once in the advice's embedded DejaVu Sans.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import motivation, write_synthetic  # noqa: E402

from jury_tui.domain.aggregation import ScoreTable, aggregate  # noqa: E402
from jury_tui.domain.assessment import ScoreChange
from jury_tui.domain.consensus import suggested_score  # noqa: E402
from jury_tui.domain.eligibility import check_eligibility, overall_outcome  # noqa: E402
from jury_tui.domain.ranking import propose_best_fit, propose_by_rank, rank  # noqa: E402
from jury_tui.store.chair_store import ChairStore  # noqa: E402
from jury_tui.store.juror_store import JurorStore  # noqa: E402
from jury_tui.store.submitting import write_submission  # noqa: E402

JURORS = {20: 7, 200: 15, 1000: 25}


def clock(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result




def bare_pdf(texts: list[str], out: Path, font: str = "Helvetica") -> None:
    """The texts as plain paragraphs in a bare platypus document. Helvetica is one of the PDF base
    fonts: nothing embedded, but it cannot show every character (ő, ł, Greek, Cyrillic, …). With
    font="DejaVuSans" the document embeds the shipped DejaVu Sans like the advice does (the font is
    registered beforehand, as the advice PDF has done in the same process)."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["BodyText"]
    if font != "Helvetica":
        from jury_tui.reports.advice_pdf import register_fonts

        register_fonts()
        style = ParagraphStyle("bare", parent=style, fontName=font)
    SimpleDocTemplate(str(out), pagesize=A4, invariant=1).build([Paragraph(escape(text), style) for text in texts])


def text_of(pdf: Path) -> list[str]:
    """Every line of text a PDF shows: "the same text" for the bare baseline."""
    from pypdf import PdfReader

    return [line for page in PdfReader(pdf).pages for line in page.extract_text().splitlines() if line.strip()]


def run(size: int) -> dict[str, float]:
    rng = random.Random(size)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        session = write_synthetic(data_dir, size, JURORS[size])
        files = []
        for juror in session.jurors:
            store = JurorStore(data_dir, session, juror.id)
            store.declare_conflicts([])
            store.apply_batch(
                [ScoreChange(a.id, c, rng.randint(1, 5), motivation(rng))
                 for a in session.applications for c in session.criteria.criterion_ids],
                reason="benchmark",
            )
            path = data_dir / f"{juror.id}.json"
            write_submission(store, path, allow_incomplete=False)
            files.append(path)

        floor, _ = clock(lambda: [json.loads(path.read_bytes()) for path in files])
        chair = ChairStore(data_dir, session)
        import_time, _ = clock(lambda: chair.import_submissions(files))  # as `jury-tui import` does
        start_time, _ = clock(lambda: ChairStore(data_dir, session).submissions())

        submissions = list(chair.submissions().values())

        def aggregate_and_propose():
            table = ScoreTable(session, submissions)
            stats = aggregate(session, table)
            return stats

        aggregation_time, stats = clock(aggregate_and_propose)
        for application in session.applications:
            for criterion in session.criteria.criteria:
                chair.set_consensus(application.id, criterion.id,
                                    suggested_score(stats[application.id].criteria[criterion.id]), motivation(rng))
        decisions = chair.decisions()
        weights = [c.weight for c in session.criteria.criteria]

        # Eligibility depends on the applications alone: the chair's model checks it once, not per refresh.
        eligibility = {a.id: overall_outcome(check_eligibility(a, session.criteria.eligibility)) for a in session.applications}

        def proposals():
            ranking = rank(session, decisions, eligibility)
            return propose_by_rank(ranking, session.budget), propose_best_fit(ranking, session.budget, weights)

        proposal_time, _ = clock(proposals)

        from jury_tui.reports.advice_pdf import write_advice_pdf
        from jury_tui.reports.data_export import build_advice_data

        data = build_advice_data(session, chair.submissions(), chair.decisions())
        pdf_time, _ = clock(lambda: write_advice_pdf(data, data_dir / "advies.pdf"))
        texts = text_of(data_dir / "advies.pdf")
        bare_time, _ = clock(lambda: bare_pdf(texts, data_dir / "bare.pdf"))
        same_font, _ = clock(lambda: bare_pdf(texts, data_dir / "bare-dejavu.pdf", font="DejaVuSans"))
        # A shared machine's load comes and goes within seconds: small sizes are run three times over,
        # the three documents one after the other each time, and the fastest of each counts.
        for _ in range(2 if size <= 200 else 0):
            pdf_time = min(pdf_time, clock(lambda: write_advice_pdf(data, data_dir / "advies.pdf"))[0])
            bare_time = min(bare_time, clock(lambda: bare_pdf(texts, data_dir / "bare.pdf"))[0])
            same_font = min(same_font, clock(lambda: bare_pdf(texts, data_dir / "bare-dejavu.pdf", font="DejaVuSans"))[0])
        return {
            "floor": floor, "import": import_time, "start": start_time, "aggregate": aggregation_time,
            "proposals": proposal_time, "pdf": pdf_time, "bare_pdf": bare_time, "same_font": same_font,
        }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 200, 1000])
    args = parser.parse_args()
    print(
        "| size | import all (json floor) | chair reload | aggregation | both proposals "
        "| advice PDF (bare reportlab: Helvetica; same embedded DejaVu Sans) |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        r = run(size)
        print(
            f"| {size} × {JURORS[size]} | {r['import']:.2f} s ({r['floor']:.2f} s, {r['import'] / r['floor']:.1f}×) "
            f"| {r['start']:.2f} s | {r['aggregate']:.2f} s | {r['proposals']:.3f} s "
            f"| {r['pdf']:.2f} s (Helvetica {r['bare_pdf']:.2f} s, {r['pdf'] / r['bare_pdf']:.2f}×; "
            f"DejaVu {r['same_font']:.2f} s, {r['pdf'] / r['same_font']:.2f}×) |"
        )


if __name__ == "__main__":
    main()
