"""The jury's motivated advice as a PDF (A4, reportlab platypus): `write_advice_pdf(data, out)`."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.platypus.flowables import Flowable

from jury_tui import __version__
from jury_tui.errors import JuryError
from jury_tui.formats.atomic_file import write_atomic
from jury_tui.i18n import language, t
from jury_tui.reports.advice_pdf.annexes import annex_agreement, annex_scores
from jury_tui.reports.advice_pdf.applications import applications
from jury_tui.reports.advice_pdf.context import Context
from jury_tui.reports.advice_pdf.front import contents, cover
from jury_tui.reports.advice_pdf.government import annex_government
from jury_tui.reports.advice_pdf.method import method
from jury_tui.reports.advice_pdf.page import (
    AdviceDocument,
    Marker,
    numbered_canvas,
    page_templates,
)
from jury_tui.reports.advice_pdf.ranking import ranking
from jury_tui.reports.advice_pdf.styles import BOTTOM, LEFT, RIGHT, TOP, register_fonts
from jury_tui.reports.data_export import AdviceData, clean_text
from jury_tui.reports.open_points import strict_message

__all__ = ["AdviceSummary", "refusal", "register_fonts", "write_advice_pdf"]


@dataclass(frozen=True)
class AdviceSummary:
    """What was written: the file, its pages, the applications, and how many points of the advice are open."""

    path: Path
    pages: int
    applications: int
    missing: int


def refusal(data: AdviceData) -> str | None:
    """The one line refusing an incomplete or contradictory advice (domain/advice.py, words from
    reports/open_points.py); None when it is complete. One rule for `--strict` and the letters."""
    votes = {row.application_id: row.votes for row in data.ranking}
    return strict_message(data.session, data.gaps, votes, data.funded_total(), data.budget)


def story(c: Context) -> list[Flowable]:
    """Cover, contents, 1 method, 2 ranking and budget, 3 the applications, the government's decision
    beside the advice (once recorded), the scores per juror (unless left out), then the annex on the
    agreement. The body is made first, so the table of contents knows its entries."""
    # in reading order: each heading adds its entry to the table of contents as it is made
    body = [*method(c), *ranking(c), *applications(c), *annex_government(c)]
    if c.individual:
        body += annex_scores(c)
    body += annex_agreement(c)
    return [*cover(c), *contents(c), *body]


def write_advice_pdf(
    data: AdviceData,
    out: Path,
    *,
    names: bool = False,
    strict: bool = False,
    individual: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> AdviceSummary:
    """Write the motivated advice to `out` (atomically). `progress(done, total)` is called as each
    application section is laid out (total = number of applications), and once more at the end.
    With `strict`, an incomplete or contradictory advice (`refusal`) raises JuryError instead;
    without, the PDF marks what is open.
    Without `individual`, the annex of each juror's own scores is left out."""
    if strict:
        message = refusal(data)
        if message:
            raise JuryError(message)
    register_fonts()
    session = data.session
    count = len(session.applications)

    def on_marker(marker: Marker, page: int) -> None:
        if marker.progress is not None and progress is not None:
            progress(marker.progress + 1, count)

    lang = language()
    call = session.criteria.title.get(lang)
    buffer = io.BytesIO()
    document = AdviceDocument(
        buffer,
        on_marker=on_marker,
        pagesize=A4,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=clean_text(t("export.pdf_title", session=session.title)),
        subject=clean_text(t("export.subject", count=count, call=call)),
        author=clean_text(t("export.author", call=call)),
        creator=f"jury-tui {__version__}",
        producer="jury-tui (ReportLab)",
        keywords=[session.id, session.fingerprint[:16]],
        lang=t("export.document_language"),  # the language tag of the PDF (accessibility)
        invariant=1,  # the same data give the same bytes; the creation date is data.created (numbered_canvas)
        displayDocTitle=1,
    )
    document.addPageTemplates(page_templates(session))
    pages: list[int] = []
    canvasmaker = numbered_canvas(lambda page, total: t("export.page", page=page, pages=total), pages, data.created)
    document.build(story(Context(data, names, individual)), canvasmaker=canvasmaker)
    if progress is not None:
        progress(count, count)
    write_atomic(Path(out), buffer.getvalue())
    return AdviceSummary(
        path=Path(out),
        pages=pages[-1] if pages else 0,
        applications=count,
        missing=data.gaps.count(),
    )
