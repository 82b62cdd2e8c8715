"""The klankbordgroep's evaluation report of a follow-up round as a PDF (call §5 "Rapportage"):
`write_evaluation_pdf(data, out)`. The advice's page template, styles, fonts, chart helpers, text
escaping and composition pieces (reports/advice_pdf) are used as they are."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.platypus.flowables import Flowable

from jury_tui import __version__
from jury_tui.errors import JuryError
from jury_tui.formats.atomic_file import write_atomic
from jury_tui.i18n import t
from jury_tui.reports.advice_pdf.front import contents
from jury_tui.reports.advice_pdf.page import (
    AdviceDocument,
    numbered_canvas,
    page_templates,
)
from jury_tui.reports.advice_pdf.styles import BOTTOM, LEFT, RIGHT, TOP, register_fonts
from jury_tui.reports.data_export import clean_text
from jury_tui.reports.evaluation_data import EvaluationData, evaluation_refusal
from jury_tui.reports.evaluation_pdf.annex import annex
from jury_tui.reports.evaluation_pdf.context import EvaluationContext
from jury_tui.reports.evaluation_pdf.contracts import contracts
from jury_tui.reports.evaluation_pdf.front import (
    agencies,
    cover,
    document_title,
    summary,
)

__all__ = ["EvaluationSummary", "write_evaluation_pdf"]


@dataclass(frozen=True)
class EvaluationSummary:
    path: Path
    pages: int
    contracts: int
    missing: int


def story(c: EvaluationContext) -> list[Flowable]:
    """Cover, contents, 1 the portfolio, 2 obstacles and asks per agency, 3 the contracts, the annex.
    The body is made first, so the table of contents knows its entries."""
    body = [*summary(c), *agencies(c), *contracts(c), *annex(c)]
    return [*cover(c), *contents(c), *body]


def write_evaluation_pdf(data: EvaluationData, out: Path, *, names: bool = False, strict: bool = False) -> EvaluationSummary:
    """Write the evaluation report to `out` (atomically). With `strict`, an incomplete evaluation
    raises JuryError instead; without, the report is marked a draft (the header of every page,
    the cover's list of open points, a mark where a point is open)."""
    if strict and (message := evaluation_refusal(data)) is not None:
        raise JuryError(message)
    register_fonts()
    session = data.session
    c = EvaluationContext(data, names)
    title = document_title(c)
    header = title if data.gaps.complete else t("evaluation.draft_header", title=title)
    buffer = io.BytesIO()
    document = AdviceDocument(
        buffer,
        on_marker=lambda marker, page: None,
        pagesize=A4,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=clean_text(f"{title} — {session.criteria.title.get(c.lang)}"),
        subject=clean_text(t("evaluation.subject_one" if len(data.contracts) == 1 else "evaluation.subject",
                             count=len(data.contracts), year=data.year)),
        author=clean_text(t("evaluation.author")),
        creator=f"jury-tui {__version__}",
        producer="jury-tui (ReportLab)",
        keywords=[session.id, session.fingerprint[:16]],
        lang=t("export.document_language"),
        invariant=1,
        displayDocTitle=1,
    )
    document.addPageTemplates(page_templates(session, header=header))
    pages: list[int] = []
    canvasmaker = numbered_canvas(lambda page, total: t("export.page", page=page, pages=total), pages, data.created)
    document.build(story(c), canvasmaker=canvasmaker)
    write_atomic(Path(out), buffer.getvalue())
    return EvaluationSummary(path=Path(out), pages=pages[-1] if pages else 0, contracts=len(data.contracts),
                             missing=data.gaps.count())
