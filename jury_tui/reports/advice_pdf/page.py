"""The page template: header, footer with the fingerprint, 'Pagina x van y', and page references."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.flowables import Flowable

from jury_tui.domain.session import SessionDefinition
from jury_tui.i18n import t
from jury_tui.reports.advice_pdf.styles import (
    BOTTOM,
    FONT,
    FONT_BOLD,
    INK,
    LEFT,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RIGHT,
    RULE,
    TOP,
    WIDTH,
)
from jury_tui.reports.advice_pdf.text import fit
from jury_tui.reports.data_export import clean_text

FOOTER_SIZE = 7.5


def page_form(key: str) -> str:
    return f"toc-page-{key}"


def _label_form(page: int) -> str:
    return f"page-label-{page}"


class Marker(Flowable):
    """Zero-size flowable; the document notes its page (table of contents, outline, progress)."""

    def __init__(self, key: str, text: str | None = None, level: int = 0, progress: int | None = None) -> None:
        super().__init__()
        self.key, self.text, self.level, self.progress = key, text, level, progress
        self.width = self.height = 0
        # Chained to its heading: a heading that keeps with its text moves to the next page as a
        # group, and a marker left behind would give the table of contents the page before.
        self.keepWithNext = 1

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self) -> None:
        pass


class PageRef(Flowable):
    """The page number of a section in the table of contents. It draws a PDF form that is only
    defined when the section itself is laid out (reportlab resolves forms when it saves), so the
    table of contents needs no second layout pass."""

    def __init__(self, key: str, height: float) -> None:
        super().__init__()
        self.key, self.height = key, height

    def wrap(self, available_width, available_height):
        self.width = available_width
        return available_width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.translate(self.width, self.height - 9.5)  # where a Paragraph puts its first baseline
        self.canv.doForm(page_form(self.key))
        self.canv.restoreState()


class AdviceDocument(BaseDocTemplate):
    """A document that records where each Marker lands: outline entry, table-of-contents page, progress."""

    def __init__(self, target, *, on_marker: Callable[[Marker, int], None], **kwargs) -> None:
        super().__init__(target, **kwargs)
        self.on_marker = on_marker

    def afterFlowable(self, flowable) -> None:  # noqa: N802 (reportlab's name)
        if isinstance(flowable, Marker):
            canvas = self.canv
            if flowable.text is not None:
                canvas.bookmarkPage(flowable.key)
                canvas.addOutlineEntry(flowable.text, flowable.key, level=flowable.level, closed=flowable.level > 0)
            # the page number the table of contents shows: right-aligned at the form's origin
            canvas.beginForm(page_form(flowable.key), lowerx=-60, lowery=-5, upperx=0, uppery=20)
            canvas.setFont(FONT_BOLD if flowable.level == 0 else FONT, 9.5)
            canvas.setFillColor(INK)
            canvas.drawRightString(0, 0, str(self.page))
            canvas.endForm()
            self.on_marker(flowable, self.page)


def pdf_date(moment: dt.datetime) -> str:
    """A moment as a PDF date string: D:YYYYMMDDHHmmSS+HH'mm' (its own offset, else UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"D:{moment:%Y%m%d%H%M%S}{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"


def numbered_canvas(
    page_label: Callable[[int, int], str], pages_out: list[int], moment: dt.datetime | None = None
) -> type[Canvas]:
    """A canvasmaker whose pages show 'Pagina x van y'. Each page draws a form named after its number;
    the forms are defined once the total is known, just before the file is saved. `moment`: the
    creation date written in the document's information (the document is otherwise invariant: the
    same data and moment give the same bytes)."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            if moment is not None:
                stamp = pdf_date(moment)
                self.setDateFormatter(lambda *_: stamp)  # CreationDate and ModDate
        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self.saveState()
            self.translate(PAGE_WIDTH - RIGHT, 12 * mm)
            self.doForm(_label_form(self.getPageNumber()))
            self.restoreState()
            super().showPage()

        def save(self) -> None:
            total = self.getPageNumber() - 1  # the number of the page that was never started
            pages_out.append(total)
            for page in range(1, total + 1):
                self.beginForm(_label_form(page), lowerx=-WIDTH / 2, lowery=-5, upperx=0, uppery=10)
                self.setFont(FONT, FOOTER_SIZE)
                self.setFillColor(MUTED)
                self.drawRightString(0, 0, page_label(page, total))
                self.endForm()
            super().save()

    return NumberedCanvas


def page_templates(session: SessionDefinition, header: str | None = None) -> list[PageTemplate]:
    """The cover (footer only) and the body pages (header and footer), one frame each. `header`: the
    document's name on the right of the header (the advice's title unless given)."""
    header_right = header or t("export.advice_title")
    header_left = fit(clean_text(session.title), FONT, FOOTER_SIZE, WIDTH - stringWidth(header_right, FONT, FOOTER_SIZE) - 10 * mm)
    footer = fit(t("export.footer", id=session.id, fingerprint=session.fingerprint[:16]), FONT, FOOTER_SIZE, WIDTH - 40 * mm)

    def furniture(canvas: Canvas, header: bool) -> None:
        canvas.saveState()
        canvas.setFont(FONT, FOOTER_SIZE)
        canvas.setFillColor(MUTED)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        if header:
            y = PAGE_HEIGHT - 14 * mm
            canvas.drawString(LEFT, y, header_left)
            canvas.drawRightString(PAGE_WIDTH - RIGHT, y, header_right)
            canvas.line(LEFT, y - 2.5 * mm, PAGE_WIDTH - RIGHT, y - 2.5 * mm)
        canvas.line(LEFT, 16 * mm, PAGE_WIDTH - RIGHT, 16 * mm)
        canvas.drawString(LEFT, 12 * mm, footer)
        canvas.restoreState()

    frame = Frame(LEFT, BOTTOM, WIDTH, PAGE_HEIGHT - TOP - BOTTOM, id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    return [
        PageTemplate(id="cover", frames=[frame], onPage=lambda canvas, doc: furniture(canvas, header=False)),
        PageTemplate(id="body", frames=[frame], onPage=lambda canvas, doc: furniture(canvas, header=True)),
    ]
