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
from jury_tui.reports.advice_pdf.method import method
from jury_tui.reports.advice_pdf.page import (
    AdviceDocument,
    Marker,
    numbered_canvas,
    page_templates,
)
from jury_tui.reports.advice_pdf.ranking import ranking
from jury_tui.reports.advice_pdf.styles import BOTTOM, LEFT, RIGHT, TOP, register_fonts
from jury_tui.reports.data_export import AdviceData, Missing, clean_text

__all__ = ["AdviceSummary", "missing_message", "register_fonts", "write_advice_pdf"]


@dataclass(frozen=True)
class AdviceSummary:
    """What was written: the file, its pages, the applications, and how many consensus items were missing."""

    path: Path
    pages: int
    applications: int
    missing: int


def missing_message(data: AdviceData, missing: Missing, limit: int = 3) -> str | None:
    """One line naming the applications and criteria whose required consensus is missing (`missing`,
    as `data.missing_consensus()` gives it); None if complete."""
    if not missing:
        return None
    lang = language()
    what_text = {"score": t("export.col.score"), "motivation": t("export.col.motivation")}
    all_criteria = len(data.session.criteria.criteria)
    parts = []
    for application_id, items in list(missing.items())[:limit]:
        application = data.session.application(application_id)
        kinds = {tuple(what) for _, what in items}
        if len(items) == all_criteria and len(kinds) == 1:  # nothing consolidated yet: say so briefly
            criteria = t("export.missing_all", what=", ".join(what_text[w] for w in items[0][1]))
        else:
            criteria = ", ".join(
                f"{data.session.criteria.criterion(cid).name.get(lang)} ({', '.join(what_text[w] for w in what)})"
                for cid, what in items
            )
        parts.append(f"{clean_text(application.municipality)} ({application_id}): {criteria}")
    text = "; ".join(parts)
    if len(missing) > limit:
        text += t("export.strict_more", count=len(missing) - limit)
    return t("export.strict_missing", items=text)


def story(c: Context) -> list[Flowable]:
    """Cover, contents, 1 method, 2 ranking and budget, 3 the applications, annex A the scores per
    juror (unless left out), then the annex on the agreement. The body is made first, so the table of
    contents knows its entries."""
    annexes = [*annex_scores(c), *annex_agreement(c)] if c.individual else annex_agreement(c)
    body = [*method(c), *ranking(c), *applications(c), *annexes]
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
    With `strict`, a missing consensus score or required motivation raises JuryError instead.
    Without `individual`, the annex of each juror's own scores is left out."""
    missing = data.missing_consensus()
    if strict:
        message = missing_message(data, missing)
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
        invariant=1,  # the same data and date give the same bytes
        displayDocTitle=1,
    )
    document.addPageTemplates(page_templates(session))
    pages: list[int] = []
    canvasmaker = numbered_canvas(lambda page, total: t("export.page", page=page, pages=total), pages)
    document.build(story(Context(data, names, missing, individual)), canvasmaker=canvasmaker)
    if progress is not None:
        progress(count, count)
    write_atomic(Path(out), buffer.getvalue())
    return AdviceSummary(
        path=Path(out),
        pages=pages[-1] if pages else 0,
        applications=count,
        missing=sum(len(items) for items in missing.values()),
    )
