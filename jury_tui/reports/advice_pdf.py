"""The jury's motivated advice as a PDF (reportlab platypus, A4), in the language of `jury_tui.i18n`.

Contents: cover; table of contents; 1 method (criteria, scale, conditions, aggregation, composition,
conflicts of interest); 2 ranking and budget with two charts; 3 one section per application in order
of rank; annex A the individual scores per juror; annex B the agreement between jurors.

Every user string is text, never markup: NFC-normalised, control characters dropped, escaped with
`xml.sax.saxutils.escape`, paragraphs split on blank lines. Long motivations flow as paragraphs
(never inside a table cell), long words are split at the line end (`splitLongWords`). The shipped
DejaVu Sans family (jury_tui/fonts) shows every Latin letter, €, ő and typographic quotes on any
machine. The table of contents is built in one pass: its page numbers are PDF forms defined when the
section is laid out. `invariant=1` makes the output byte-identical for the same data and date.

This module imports reportlab; it is only imported when an export is asked for.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable, HRFlowable

from jury_tui import __version__
from jury_tui.domain.aggregation import agreement_level, weighted_total
from jury_tui.domain.consensus import Recommendation
from jury_tui.domain.criteria import RuleKind
from jury_tui.domain.eligibility import EligibilityCheck, Outcome
from jury_tui.domain.session import Role, SessionDefinition
from jury_tui.errors import JuryError
from jury_tui.formats.atomic_file import write_atomic
from jury_tui.i18n import language, t
from jury_tui.reports.data_export import (
    AdviceData,
    advice_data_from,
    build_advice_data,
    clean_text,
    format_amount,
    format_date,
    format_datetime,
    format_number,
    format_percent,
    format_score,
    outcome_text,
    recommendation_text,
    role_text,
)

if TYPE_CHECKING:
    from jury_tui.store.chair_store import ChairStore

__all__ = ["AdviceData", "AdviceSummary", "advice_data_from", "build_advice_data", "missing_message", "write_advice_pdf"]

# --- fonts -------------------------------------------------------------------------------------

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"
_FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
    FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}


class _MeasuredFont(TTFont):
    """A TrueType font that remembers how wide each word is. Breaking lines measures every word of
    every paragraph (reportlab adds up the glyph widths one character at a time, in Python), and the
    same words come back all through a document: each (word, size) is measured once per process."""

    _LIMIT = 200_000  # distinct (text, size) pairs kept; a handful of megabytes at most

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self._widths: dict[tuple[str, float], float] = {}

    def stringWidth(self, text, size, encoding="utf8"):  # noqa: N802 (reportlab's name)
        key = (text, size)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) >= self._LIMIT:
                self._widths.clear()
            width = self._widths[key] = super().stringWidth(text, size, encoding)
        return width


def fonts_dir() -> Path:
    return Path(str(resources.files("jury_tui"))) / "fonts"


def register_fonts() -> None:
    """Register the shipped DejaVu Sans family once, so <b> and <i> pick the right face."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = fonts_dir()
    for name, filename in _FONT_FILES.items():
        pdfmetrics.registerFont(_MeasuredFont(name, str(folder / filename)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC)


# --- layout ------------------------------------------------------------------------------------

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT, RIGHT, TOP, BOTTOM = 25 * mm, 20 * mm, 25 * mm, 22 * mm
WIDTH = PAGE_WIDTH - LEFT - RIGHT

INK = colors.HexColor("#1b1f24")
ACCENT = colors.HexColor("#1f3a5f")
MUTED = colors.HexColor("#5b6675")
RULE = colors.HexColor("#b7c1cc")
LIGHT = colors.HexColor("#eef2f6")
SELECTED = colors.HexColor("#dde5ee")
BAR_OTHER = colors.HexColor("#b9c5d3")
BAR_EARLIER = colors.HexColor("#d7dee7")
WARN = colors.HexColor("#9b1c1c")
WARN_BACK = colors.HexColor("#fbeaea")
GOOD = colors.HexColor("#25613a")


def _styles() -> dict[str, ParagraphStyle]:
    # A word longer than the line is split at the line end (splitLongWords). Not used, on purpose:
    # embeddedHyphenation (reportlab 4–5 drops the hyphens of a word it breaks at one) and
    # uriWasteReduce (drops the tail of a web address it breaks): both change the jury's text.
    base = ParagraphStyle(
        "body", fontName=FONT, fontSize=9.5, leading=13.5, textColor=INK, spaceAfter=5,
        splitLongWords=1,
    )
    styles = {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5, spaceAfter=3, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11, spaceAfter=0),
        "cell_small": ParagraphStyle("cell_small", parent=base, fontSize=7.5, leading=9.5, spaceAfter=0, textColor=MUTED),
        "cell_right": ParagraphStyle("cell_right", parent=base, fontSize=8.5, leading=11, spaceAfter=0, alignment=TA_RIGHT),
        "cell_center": ParagraphStyle("cell_center", parent=base, fontSize=8.5, leading=11, spaceAfter=0, alignment=TA_CENTER),
        "cell_head": ParagraphStyle("cell_head", parent=base, fontName=FONT_BOLD, fontSize=8, leading=10, spaceAfter=0),
        "cell_head_right": ParagraphStyle(
            "cell_head_right", parent=base, fontName=FONT_BOLD, fontSize=8, leading=10, spaceAfter=0, alignment=TA_RIGHT
        ),
        "cell_head_center": ParagraphStyle(
            "cell_head_center", parent=base, fontName=FONT_BOLD, fontSize=8, leading=10, spaceAfter=0, alignment=TA_CENTER
        ),
        "bullet": ParagraphStyle("bullet", parent=base, leftIndent=12, bulletIndent=2, spaceAfter=2),
        "h1": ParagraphStyle(
            "h1", parent=base, fontName=FONT_BOLD, fontSize=16, leading=20, textColor=ACCENT, spaceBefore=0, spaceAfter=10,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=FONT_BOLD, fontSize=12.5, leading=16, textColor=ACCENT, spaceBefore=10, spaceAfter=6,
            keepWithNext=1,
        ),
        "h3": ParagraphStyle(
            "h3", parent=base, fontName=FONT_BOLD, fontSize=10.5, leading=14, textColor=ACCENT, spaceBefore=9, spaceAfter=4,
            keepWithNext=1,
        ),
        "h3_text": ParagraphStyle(  # a sub-heading before user text: CondPageBreak keeps it from orphaning
            "h3_text", parent=base, fontName=FONT_BOLD, fontSize=10.5, leading=14, textColor=ACCENT, spaceBefore=9, spaceAfter=4,
        ),
        "criterion_head": ParagraphStyle(
            "criterion_head", parent=base, fontName=FONT_BOLD, spaceBefore=7, spaceAfter=2, keepWithNext=1
        ),
        "lead_in": ParagraphStyle("lead_in", parent=base, spaceAfter=1, keepWithNext=1),
        "minority_label": ParagraphStyle(
            "minority_label", parent=base, fontName=FONT_BOLD_ITALIC, fontSize=8.5, leading=12, spaceBefore=2, spaceAfter=2,
            leftIndent=10,
        ),
        "outcome_met": ParagraphStyle("outcome_met", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=11, spaceAfter=0, textColor=GOOD),
        "outcome_not_met": ParagraphStyle(
            "outcome_not_met", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=11, spaceAfter=0, textColor=WARN
        ),
        "outcome_unknown": ParagraphStyle(
            "outcome_unknown", parent=base, fontName=FONT_BOLD, fontSize=8.5, leading=11, spaceAfter=0, textColor=MUTED
        ),
        "rank_head": ParagraphStyle("rank_head", parent=base, fontName=FONT_BOLD, fontSize=7.5, leading=9.5, spaceAfter=0),
        "rank_head_right": ParagraphStyle(
            "rank_head_right", parent=base, fontName=FONT_BOLD, fontSize=7.5, leading=9.5, spaceAfter=0, alignment=TA_RIGHT
        ),
        "rank_head_center": ParagraphStyle(
            "rank_head_center", parent=base, fontName=FONT_BOLD, fontSize=7.5, leading=9.5, spaceAfter=0, alignment=TA_CENTER
        ),
        "rank_name": ParagraphStyle("rank_name", parent=base, fontSize=8, leading=10.5, spaceAfter=0),
        "app_title": ParagraphStyle("app_title", parent=base, fontName=FONT_ITALIC, fontSize=11, leading=15, spaceAfter=8),
        "criterion": ParagraphStyle("criterion", parent=base, fontName=FONT_BOLD, fontSize=9.5, leading=12.5, spaceAfter=0),
        "criterion_score": ParagraphStyle(
            "criterion_score", parent=base, fontSize=9, leading=12.5, spaceAfter=0, alignment=TA_RIGHT
        ),
        "spread": ParagraphStyle("spread", parent=base, fontSize=8, leading=10.5, textColor=MUTED, spaceBefore=3, spaceAfter=4),
        "minority": ParagraphStyle("minority", parent=base, fontName=FONT_ITALIC, leftIndent=10),
        "missing": ParagraphStyle(
            "missing", parent=base, fontName=FONT_BOLD, textColor=WARN, backColor=WARN_BACK, borderPadding=(3, 4, 3, 4),
            leftIndent=4, rightIndent=4, spaceBefore=5, spaceAfter=9,  # the shaded box stays inside the margins
        ),
        "warning": ParagraphStyle(
            "warning", parent=base, textColor=WARN, backColor=WARN_BACK, borderPadding=(4, 5, 4, 5), leftIndent=5, rightIndent=5,
            spaceBefore=6, spaceAfter=10,
        ),
        "caption": ParagraphStyle("caption", parent=base, fontName=FONT_ITALIC, fontSize=8, leading=10.5, textColor=MUTED, spaceBefore=4),
        "cover_kicker": ParagraphStyle("cover_kicker", parent=base, fontName=FONT_BOLD, fontSize=13, leading=17, textColor=ACCENT),
        "cover_title": ParagraphStyle(
            "cover_title", parent=base, fontName=FONT_BOLD, fontSize=26, leading=32, textColor=INK, spaceBefore=6, spaceAfter=10
        ),
        "cover_call": ParagraphStyle("cover_call", parent=base, fontSize=11, leading=15, textColor=MUTED, spaceAfter=0),
        "toc": ParagraphStyle("toc", parent=base, fontSize=9.5, leading=12.5, spaceAfter=0),
        "toc_chapter": ParagraphStyle("toc_chapter", parent=base, fontName=FONT_BOLD, fontSize=9.5, leading=12.5, spaceAfter=0),
        "toc_page": ParagraphStyle("toc_page", parent=base, fontSize=9.5, leading=12.5, spaceAfter=0, alignment=TA_RIGHT),
    }
    return styles


# --- text helpers ------------------------------------------------------------------------------


class _Para(Paragraph):
    """A Paragraph that breaks its lines once per width. Platypus asks the same paragraph for its
    size several times (a table measures its cells, then again to draw them; a kept-together group,
    a page-break check and a table split measure again), and the line breaking is the same each time."""

    _layout: tuple | None = None

    def wrap(self, available_width, available_height):
        layout = self._layout
        if layout is not None and layout[0] == available_width:
            _, self.blPara, self._wrapWidths, self.width, self.height = layout
            return self.width, self.height
        width, height = super().wrap(available_width, available_height)
        if width == available_width and width > 0:  # laid out (not refused for want of width)
            self._layout = (available_width, self.blPara, self._wrapWidths, width, height)
        return width, height

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def markup(text: str | None) -> str:
    """User text as Paragraph markup that shows exactly that text: escaped, line breaks kept."""
    return escape(clean_text(text).strip()).replace("\n", "<br/>")


def text_paragraphs(text: str | None, style: ParagraphStyle) -> list[Paragraph]:
    """One Paragraph per block separated by a blank line, so long texts flow across pages."""
    blocks = [block.strip("\n ") for block in _BLANK_LINE.split(clean_text(text).strip())]
    return [_p(markup(block), style) for block in blocks if block.strip()]


# Parsed markup per (text, style) for the document being built: labels, headers and outcomes recur in
# every section and every juror's table, and parsing the markup is a large part of making a Paragraph.
_parsed: dict[tuple[str, int], tuple[ParagraphStyle, list, ParagraphStyle]] = {}
_BUILDING = threading.Lock()


class _Line(Flowable):
    """Plain text (no markup, no entities, single spaces) that fits on one line: drawn as one string,
    where a Paragraph would parse it, break it into lines and draw it through a text object of its
    own. Table cells, labels, headings and score lines are nearly all like this. Text that does not
    fit the width it is given is laid out by a Paragraph instead, so nothing is ever cut off."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text, self.style = text, style
        self._paragraph: Paragraph | None = None

    @staticmethod
    def fits(text: str, style: ParagraphStyle) -> bool:
        """Whether `text` shows exactly as a Paragraph would show it: no markup, no white space for
        the Paragraph to collapse, and a style without a box, a bullet or a first-line indent."""
        return (
            len(text) <= 240 and "<" not in text and "&" not in text and " ".join(text.split()) == text
            and style.backColor is None and style.borderWidth == 0 and not style.firstLineIndent
            and not getattr(style, "bulletText", None)
        )

    def wrap(self, available_width, available_height):
        style = self.style
        if self._paragraph is None:
            room = available_width - style.leftIndent - style.rightIndent
            if stringWidth(self.text, style.fontName, style.fontSize) <= room:
                self.width, self.height = available_width, style.leading
                return self.width, self.height
            self._paragraph = _Para(self.text, style)
        self.width, self.height = self._paragraph.wrap(available_width, available_height)
        return self.width, self.height

    def split(self, available_width, available_height):
        return [] if self._paragraph is None else self._paragraph.split(available_width, available_height)

    def minWidth(self):  # noqa: N802 (reportlab's name)
        style = self.style
        return stringWidth(self.text, style.fontName, style.fontSize) + style.leftIndent + style.rightIndent

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802 (reportlab's name)
        if self._paragraph is not None:
            self._paragraph.drawOn(canvas, x, y, _sW)
            return
        style = self.style
        baseline = y + self.height - style.fontSize  # where a Paragraph puts its first baseline
        canvas.saveState()
        canvas.setFont(style.fontName, style.fontSize, style.leading)
        canvas.setFillColor(style.textColor)
        if style.alignment == TA_RIGHT:
            canvas.drawRightString(x + self.width - style.rightIndent, baseline, self.text)
        elif style.alignment == TA_CENTER:
            canvas.drawCentredString(x + (self.width + style.leftIndent - style.rightIndent) / 2, baseline, self.text)
        else:
            canvas.drawString(x + style.leftIndent, baseline, self.text)
        canvas.restoreState()


def _p(text: str, style: ParagraphStyle) -> Flowable:
    """A Paragraph from our own (trusted) text with user parts already escaped by the caller."""
    if _Line.fits(text, style):
        return _Line(text, style)
    known = _parsed.get((text, id(style)))
    if known is not None:
        return _Para(text, known[0], frags=known[1])
    paragraph = _Para(text, style)
    _parsed[(text, id(style))] = (paragraph.style, paragraph.frags, style)  # keeps `style` (its id) alive
    return paragraph


def _e(text: str | None) -> str:
    return markup(text)


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Cut `text` with an ellipsis so it fits `width` (page header)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


# --- the document and its pages ----------------------------------------------------------------


@dataclass(frozen=True)
class AdviceSummary:
    """What was written: the file, its pages, the applications, and how many consensus items were missing."""

    path: Path
    pages: int
    applications: int
    missing: int
    seconds: float


def _page_form(key: str) -> str:
    return f"toc-page-{key}"


class _PageRef(Flowable):
    """The page number of a section in the table of contents. It draws a PDF form that is only
    defined when the section itself is laid out (reportlab resolves forms at save time), so the
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
        self.canv.doForm(_page_form(self.key))
        self.canv.restoreState()


class _Band(Flowable):
    """A shaded band with a rule above it: the criterion's name on the left, the consensus score on
    the right, both vertically centred (one row of a table, without a table's bookkeeping)."""

    PAD_X, PAD_Y = 5, 3.5

    def __init__(self, left: Flowable, right: Flowable, share: float = 0.55) -> None:
        super().__init__()
        self.left, self.right, self.share = left, right, share
        self.keepWithNext = 1

    def wrap(self, available_width, available_height):
        split = available_width * self.share
        self._left_size = self.left.wrap(split - 2 * self.PAD_X, available_height)
        self._right_size = self.right.wrap(available_width - split - 2 * self.PAD_X, available_height)
        self.width = available_width
        self.height = max(self._left_size[1], self._right_size[1]) + 2 * self.PAD_Y
        return self.width, self.height

    def draw(self) -> None:
        canvas, width, height = self.canv, self.width, self.height
        canvas.saveState()
        canvas.setFillColor(LIGHT)
        canvas.rect(0, 0, width, height, stroke=0, fill=1)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.8)
        canvas.line(0, height, width, height)
        canvas.restoreState()
        self.left.drawOn(canvas, self.PAD_X, (height - self._left_size[1]) / 2)
        self.right.drawOn(canvas, width * self.share + self.PAD_X, (height - self._right_size[1]) / 2)


class _Marker(Flowable):
    """Zero-size flowable; the document notes its page (table of contents, outline, progress)."""

    def __init__(self, key: str, text: str | None = None, level: int = 0, progress: int | None = None) -> None:
        super().__init__()
        self.key, self.text, self.level, self.progress = key, text, level, progress
        self.width = self.height = 0

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self) -> None:
        pass


class _AdviceDocument(BaseDocTemplate):
    def __init__(self, target, *, on_marker: Callable[[_Marker, int], None], **kwargs) -> None:
        super().__init__(target, **kwargs)
        self._on_marker = on_marker

    def afterFlowable(self, flowable) -> None:
        if isinstance(flowable, _Marker):
            canvas = self.canv
            if flowable.text is not None:
                canvas.bookmarkPage(flowable.key)
                canvas.addOutlineEntry(flowable.text, flowable.key, level=flowable.level, closed=flowable.level > 0)
            # the page number the table of contents shows: right-aligned at the form's origin
            canvas.beginForm(_page_form(flowable.key), lowerx=-60, lowery=-5, upperx=0, uppery=20)
            canvas.setFont(FONT_BOLD if flowable.level == 0 else FONT, 9.5)
            canvas.setFillColor(INK)
            canvas.drawRightString(0, 0, str(self.page))
            canvas.endForm()
            self._on_marker(flowable, self.page)


def _canvas_class(page_label: Callable[[int, int], str], pages_out: list[int]) -> type[Canvas]:
    """A canvas that keeps every page until save, then writes 'pagina x van y' on each."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            pages_out.append(total)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(FONT, 7.5)
                self.setFillColor(MUTED)
                self.drawRightString(PAGE_WIDTH - RIGHT, 12 * mm, page_label(self._pageNumber, total))
                super().showPage()
            super().save()

    return NumberedCanvas


# --- the builder -------------------------------------------------------------------------------


class _Builder:
    def __init__(self, data: AdviceData, names: bool) -> None:
        self.data = data
        self.session: SessionDefinition = data.session
        self.criteria = data.session.criteria
        self.names = names
        self.lang = language()
        self.s = _styles()
        self.labels = data.juror_labels(names)
        self.funded = data.funded
        self.funded_set = set(self.funded)
        self.toc_entries: list[tuple[str, str, str, int]] = []  # key, number, text, level
        self.max_total = data.maximum_total()
        self.missing = data.missing_consensus()
        self.order = [row.application_id for row in data.ranking]
        self.ranked_count = sum(1 for row in data.ranking if row.rank is not None)

    # --- small pieces -------------------------------------------------------------------------
    def marker(self, key: str, number: str, text: str, level: int, progress: int | None = None) -> _Marker:
        self.toc_entries.append((key, number, text, level))
        outline = f"{number} {text}".strip()
        return _Marker(key, clean_text(outline), level, progress)

    def heading(self, style: str, key: str, number: str, text: str, level: int, progress: int | None = None) -> list[Flowable]:
        shown = f"{number}&nbsp;&nbsp;{_e(text)}" if number else _e(text)
        return [self.marker(key, number, text, level, progress), _p(shown, self.s[style])]

    def text_heading(self, text: str) -> list[Flowable]:
        """A sub-heading followed by user text of any length: room for the heading and a few lines, but
        not chained to the text (chaining would push a very long first paragraph to the next page)."""
        return [CondPageBreak(32 * mm), _p(_e(text), self.s["h3_text"])]

    def table(self, rows, widths, style_commands, repeat: int = 1, align: str = "LEFT") -> Table:
        table = Table(rows, colWidths=widths, repeatRows=repeat, hAlign=align, splitByRow=1)
        table.setStyle(TableStyle(style_commands))
        return table

    @staticmethod
    def grid_style(header: bool = True) -> list[tuple]:
        commands = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ]
        if header:
            commands += [("BACKGROUND", (0, 0), (-1, 0), LIGHT), ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT)]
        return commands

    def facts_table(self, pairs: list[tuple[str, str]], label_width: float = 45 * mm) -> Table:
        rows = [[_p(_e(label), self.s["cell_head"]), _p(value, self.s["cell"])] for label, value in pairs]
        style = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ]
        return self.table(rows, [label_width, WIDTH - label_width], style, repeat=0)

    def amount(self, value: float | None, unit: bool = True) -> str:
        return t("export.none") if value is None else format_amount(value, unit=unit)

    def app_label(self, application_id: str) -> str:
        application = self.session.application(application_id)
        return f"{application.municipality} – {application.neighbourhood}"

    # --- cover and contents -------------------------------------------------------------------
    def cover(self) -> list[Flowable]:
        data, session, s = self.data, self.session, self.s
        voting = sum(1 for juror in session.jurors if juror.role is Role.VOTING)
        advisory = len(session.jurors) - voting
        story: list[Flowable] = [
            Spacer(1, 38 * mm),
            _p(_e(self.criteria.title.get(self.lang)), s["cover_kicker"]),
            _p(_e(t("export.advice_title")), s["cover_title"]),
        ]
        if self.criteria.call is not None:
            story.append(_p(_e(self.criteria.call.get(self.lang)), s["cover_call"]))
        story += [
            Spacer(1, 10 * mm),
            HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceAfter=5 * mm),
            self.facts_table(
                [
                    (t("export.cover.session"), _e(session.title)),
                    (t("export.cover.session_id"), _e(session.id)),
                    (t("export.cover.date"), _e(format_date(data.generated_on))),
                    (t("export.cover.applications"), format_number(len(session.applications))),
                    (t("export.cover.budget"), _e(format_amount(session.budget))),
                    (t("export.cover.jury"), _e(t("export.cover.jury_value", voting=voting, advisory=advisory))),
                    (t("export.cover.fingerprint"), f'<font size="7.5">{_e(session.fingerprint)}</font>'),
                ],
                label_width=52 * mm,
            ),
            Spacer(1, 8 * mm),
        ]
        missing = sum(len(items) for items in self.missing.values())
        if missing:
            key = "export.cover.incomplete_one" if missing == 1 else "export.cover.incomplete"
            story.append(_p(_e(t(key, count=missing)), s["warning"]))
        story.append(_p(_e(t("export.cover.note")), s["small"]))
        story += [NextPageTemplate("body"), PageBreak()]
        return story

    def contents(self) -> list[Flowable]:
        """Chapters with their number, sections indented under them, pages on the right."""
        s = self.s
        rows = []
        commands = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]
        height = s["toc"].leading
        for index, (key, number, text, level) in enumerate(self.toc_entries):
            page = _PageRef(key, height)
            if level == 0:
                if number:
                    rows.append([_p(_e(number), s["toc_chapter"]), _p(_e(text), s["toc_chapter"]), "", page])
                    commands.append(("SPAN", (1, index), (2, index)))
                else:  # an annex: no number
                    rows.append([_p(_e(text), s["toc_chapter"]), "", "", page])
                    commands.append(("SPAN", (0, index), (2, index)))
                if index:
                    commands.append(("TOPPADDING", (0, index), (-1, index), 7))
            elif number:
                rows.append(["", _p(_e(number), s["toc"]), _p(_e(text), s["toc"]), page])
            else:
                rows.append(["", _p(_e(text), s["toc"]), "", page])
                commands.append(("SPAN", (1, index), (2, index)))
        story: list[Flowable] = [_p(_e(t("export.toc")), s["h1"])]
        if rows:
            story.append(self.table(rows, [9 * mm, 11 * mm, WIDTH - 36 * mm, 16 * mm], commands, repeat=0))
        story.append(PageBreak())
        return story

    # --- chapter 1: method --------------------------------------------------------------------
    def method(self) -> list[Flowable]:
        s, criteria, lang = self.s, self.criteria, self.lang
        call = (criteria.call or criteria.title).get(lang)
        story = self.heading("h1", "ch-method", "1", t("export.ch.method"), 0)
        story.append(_p(_e(t("export.method.intro", count=len(self.session.applications), call=_lower_first(call))), s["body"]))

        # 1.1 criteria
        story += self.heading("h2", "sec-criteria", "1.1", t("export.sec.criteria"), 1)
        weights = {criterion.weight for criterion in criteria.criteria}
        intro = "export.criteria.intro_equal" if len(weights) == 1 else "export.criteria.intro_weighted"
        story.append(_p(_e(t(intro, count=len(criteria.criteria), max=format_score(self.max_total))), s["body"]))
        for number, criterion in enumerate(criteria.criteria, start=1):
            weight = t("export.criteria.weight", weight=format_score(criterion.weight))
            block: list[Flowable] = [
                _p(f"{number}.&nbsp;{_e(criterion.name.get(lang))} <font color='#5b6675' size='8.5'>({_e(weight)})</font>",
                   s["criterion_head"]),
                _p(_e(criterion.description.get(lang)), s["body"]),
            ]
            if criterion.guidance:
                block.append(_p(_e(t("export.criteria.guidance")), s["lead_in"]))
                block += [_Para(_e(point.get(lang)), s["bullet"], bulletText="•") for point in criterion.guidance]
            if criterion.minimum_score is not None:
                block.append(_p(_e(t("export.criteria.threshold", min=criterion.minimum_score)), s["body"]))
            if not criterion.motivation_required:
                block.append(_p(_e(t("export.criteria.no_motivation")), s["small"]))
            story.append(CondPageBreak(30 * mm))
            story += block

        # 1.2 scale
        story += self.heading("h2", "sec-scale", "1.2", t("export.sec.scale"), 1)
        scale = criteria.scale
        story.append(_p(_e(t("export.scale.intro", min=scale.min, max=scale.max)), s["body"]))
        rows = [[_p(_e(t("ui.key.score")), s["cell_head_center"]), _p(_e(t("export.scale.meaning")), s["cell_head"])]]
        for step in sorted(scale.steps, key=lambda step: step.value):
            rows.append([_p(str(step.value), s["cell_center"]), _p(_e(step.label.get(lang)), s["cell"])])
        story.append(self.table(rows, [18 * mm, 62 * mm], self.grid_style()))

        # 1.3 conditions of the call
        story += self.heading("h2", "sec-conditions", "1.3", t("export.sec.eligibility"), 1)
        if criteria.eligibility:
            story.append(_p(_e(t("export.eligibility.intro")), s["body"]))
            for rule in criteria.eligibility:
                text = _e(rule.name.get(lang))
                if rule.description is not None:
                    text += f" <font color='#5b6675'>– {_e(rule.description.get(lang))}</font>"
                story.append(_Para(text, s["bullet"], bulletText="•"))
        else:
            story.append(_p(_e(t("export.eligibility.none")), s["body"]))

        # 1.4 aggregation
        story += self.heading("h2", "sec-aggregation", "1.4", t("export.sec.aggregation"), 1)
        threshold = format_score(criteria.disagreement_threshold)
        texts = [
            t("export.aggregation.individual"),
            t("export.aggregation.voting"),
            t("export.aggregation.conflicts"),
            t("export.aggregation.statistics", threshold=threshold),
            t("export.aggregation.consensus"),
        ]
        ranking = t("export.aggregation.ranking")
        if criteria.ranking.tie_break:
            names = [f"‘{criteria.criterion(cid).name.get(lang)}’" for cid in criteria.ranking.tie_break]
            ranking += " " + t("export.aggregation.tie_break", criteria=t("export.then").join(names))
        if criteria.ranking.minimum_total is not None:
            ranking += " " + t("export.aggregation.minimum_total", min=format_score(criteria.ranking.minimum_total))
        texts.append(ranking)
        texts.append(t("export.aggregation.budget", budget=format_amount(self.session.budget)))
        story += [_p(_e(text), s["body"]) for text in texts]

        # 1.5 composition
        story += self.heading("h2", "sec-composition", "1.5", t("export.sec.composition"), 1)
        jurors = self.data.jurors_in_order()
        voting = [juror for juror in jurors if juror.role is Role.VOTING]
        advisory = [juror for juror in jurors if juror.role is Role.ADVISORY]
        story.append(
            _p(_e(t("export.composition.intro", total=len(jurors), voting=len(voting), advisory=len(advisory))), s["body"])
        )
        rows = [[
            _p(_e(t("export.composition.role")), s["cell_head"]),
            _p(_e(t("export.composition.count")), s["cell_head_center"]),
            _p(_e(t("export.composition.members")), s["cell_head"]),
        ]]
        for role, members in ((Role.VOTING, voting), (Role.ADVISORY, advisory)):
            if members:
                rows.append([
                    _p(_e(_upper_first(role_text(role))), s["cell"]),
                    _p(str(len(members)), s["cell_center"]),
                    _p(", ".join(_e(self.labels[juror.id]) for juror in members), s["cell"]),
                ])
        story.append(self.table(rows, [35 * mm, 18 * mm, WIDTH - 53 * mm], self.grid_style()))
        story.append(Spacer(1, 4))
        if not self.names:
            first, last = self.labels[jurors[0].id], self.labels[jurors[-1].id]
            key = "export.composition.anonymous" if len(jurors) > 1 else "export.composition.anonymous_one"
            story.append(_p(_e(t(key, first=first, last=last)), s["body"]))
        not_submitted = [juror for juror in jurors if juror.id not in self.data.submissions]
        if not_submitted:
            missing = ", ".join(f"{self.labels[juror.id]} ({role_text(juror.role)})" for juror in not_submitted)
            text = t("export.composition.submitted_some", submitted=len(jurors) - len(not_submitted), total=len(jurors), missing=missing)
        else:
            text = t("export.composition.submitted_all", total=len(jurors))
        story.append(_p(_e(text), s["body"]))

        # 1.6 conflicts of interest
        story += self.heading("h2", "sec-conflicts", "1.6", t("ui.conflicts.title"), 1)
        conflicts = self.data.conflicts()
        if conflicts:
            story.append(_p(_e(t("export.conflicts.intro")), s["body"]))
            rows = [[
                _p(_e(t("export.conflicts.juror")), s["cell_head"]),
                _p(_e(t("export.composition.role")), s["cell_head"]),
                _p(_e(t("chair.ui.ranking.column_application")), s["cell_head"]),
            ]]
            for juror_id, application_id in conflicts:
                rows.append([
                    _p(_e(self.labels[juror_id]), s["cell"]),
                    _p(_e(_upper_first(role_text(self.session.juror(juror_id).role))), s["cell"]),
                    _p(_e(self.app_label(application_id)), s["cell"]),
                ])
            story.append(self.table(rows, [40 * mm, 35 * mm, WIDTH - 75 * mm], self.grid_style()))
        else:
            story.append(_p(_e(t("export.conflicts.none")), s["body"]))
        story.append(PageBreak())
        return story

    # --- chapter 2: ranking and budget --------------------------------------------------------
    def ranking(self) -> list[Flowable]:
        s, data = self.s, self.data
        story = self.heading("h1", "ch-ranking", "2", t("chair.key.ranking.help"), 0)
        ranked = [row for row in data.ranking if row.rank is not None]
        funded_total = data.funded_total()
        budget = self.session.budget
        story.append(_p(_e(t(
            "export.ranking.summary",
            ranked=len(ranked),
            count=len(data.ranking),
            selected=len(self.funded),
            amount=format_amount(funded_total),
            budget=format_amount(budget),
        )), s["body"]))
        story.append(_p(_e(t("export.ranking.source_recommendation", select=recommendation_text(Recommendation.SELECT))), s["body"]))
        remaining = round(budget - funded_total, 2)
        if remaining < 0:
            story.append(_p(_e(t("export.ranking.over_budget", amount=format_amount(-remaining))), s["warning"]))
        elif remaining > 0:
            story.append(_p(_e(t("export.ranking.remaining", amount=format_amount(remaining))), s["body"]))
        unranked = len(data.ranking) - len(ranked)
        if unranked:
            story.append(_p(_e(t("export.ranking.unranked", count=unranked)), s["warning"]))

        story.append(_p(_e(t("export.ranking.legend", max=format_score(self.max_total))), s["small"]))
        head_style, head_right, head_center = s["rank_head"], s["rank_head_right"], s["rank_head_center"]
        rows: list[list] = [[
            _p(_e(t("export.ranking.rank")), head_center),
            _p(_e(t("export.ranking.application")), head_style),
            _p(_e(t("ui.key.score")), head_right),
            _p(_e(t("export.ranking.recommendation")), head_style),
            _p(_e(t("export.ranking.requested")), head_right),
            _p(_e(t("export.ranking.advised")), head_right),
            _p(_e(t("export.ranking.cumulative")), head_right),
        ]]
        # Numbers are plain table strings (fast, never wrapped); names are paragraphs (they wrap).
        commands = self.grid_style() + [
            ("FONTNAME", (0, 1), (-1, -1), FONT),
            ("FONTSIZE", (0, 1), (-1, -1), 8),
            ("LEADING", (0, 1), (-1, -1), 10.5),
            ("ALIGN", (0, 1), (0, -1), "CENTER"),
            ("ALIGN", (2, 1), (2, -1), "RIGHT"),
            ("ALIGN", (4, 1), (-1, -1), "RIGHT"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        name_style = s["rank_name"]
        cumulative = 0
        for index, row in enumerate(data.ranking, start=1):
            application = self.session.application(row.application_id)
            decision = data.decision(row.application_id)
            notes = []
            if row.eligibility is Outcome.NOT_MET:
                notes.append(t("export.ranking.not_eligible"))
            elif row.eligibility is Outcome.UNKNOWN:
                notes.append(t("export.ranking.eligibility_unknown"))
            if row.below_threshold:
                notes.append(t("export.ranking.below_threshold"))
            name = f"{_e(application.municipality)}<br/><font size='7' color='#5b6675'>{_e(application.neighbourhood)}</font>"
            if notes:
                name += f"<br/><font size='6.5' color='#9b1c1c'>{_e('; '.join(notes))}</font>"
            funded = row.application_id in self.funded_set
            advised = data.advised_amount(row.application_id)
            if funded:
                cumulative += int(round((advised or 0) * 100))
                cumulative_text = format_amount(cumulative / 100, unit=False)
                commands.append(("BACKGROUND", (0, index), (-1, index), SELECTED))
            else:
                cumulative_text = t("export.none")
            rows.append([
                str(row.rank) if row.rank is not None else t("export.none"),
                _p(name, name_style),
                format_score(row.total),
                _p(_e(recommendation_text(decision.recommendation)), name_style),
                format_amount(application.requested_subsidy, unit=False),
                self.amount(advised, unit=False),
                cumulative_text,
            ])
        first_total = len(rows)
        for label, value in (
            (t("export.ranking.total_row"), funded_total),
            (t("chair.ui.tab.ranking"), budget),
            (t("export.ranking.remaining_row"), remaining),
        ):
            rows.append(["", label, "", "", "", "", format_amount(value, unit=False)])
        last = len(rows) - 1
        for line in range(first_total, last + 1):
            commands.append(("SPAN", (1, line), (5, line)))
        commands += [
            ("FONTNAME", (0, first_total), (-1, last), FONT_BOLD),
            ("LINEABOVE", (0, first_total), (-1, first_total), 0.8, ACCENT),
        ]
        if remaining < 0:
            commands.append(("TEXTCOLOR", (0, last), (-1, last), WARN))
        widths = [11 * mm, 52 * mm, 12 * mm, 24 * mm, 22 * mm, 22 * mm, 22 * mm]
        story.append(self.table(rows, widths, commands))
        story += self.totals_chart()
        story += self.budget_chart()
        return story

    def _legend(self, drawing: Drawing, x: float, y: float, items: list[tuple[colors.Color, str]]) -> None:
        for color, text in items:
            drawing.add(Rect(x, y - 1, 7, 7, fillColor=color, strokeColor=None))
            drawing.add(String(x + 10, y, text, fontName=FONT, fontSize=7, fillColor=INK))
            x += 10 + stringWidth(text, FONT, 7) + 16

    def totals_chart(self) -> list[Flowable]:
        ranked = [row for row in self.data.ranking if row.rank is not None]
        if not ranked:
            return []
        limit = 40
        shown = ranked[:limit]
        bar, gap = 11, 3.5
        plot_height = len(shown) * (bar + gap)
        label_width = 120
        height = plot_height + 48
        drawing = Drawing(WIDTH, height)
        chart = HorizontalBarChart()
        chart.x, chart.y = label_width, 26
        chart.width, chart.height = WIDTH - label_width - 36, plot_height
        chart.data = [[row.total for row in shown]]
        chart.barWidth = bar
        chart.groupSpacing = gap
        chart.barSpacing = 0
        chart.categoryAxis.categoryNames = [
            _fit(f"{row.rank}. {clean_text(self.session.application(row.application_id).municipality)}", FONT, 7.5, label_width - 10)
            for row in shown
        ]
        chart.categoryAxis.reverseDirection = 1
        chart.categoryAxis.labels.fontName = FONT
        chart.categoryAxis.labels.fontSize = 7.5
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.dx = -4
        chart.categoryAxis.strokeColor = RULE
        chart.categoryAxis.tickLeft = 0
        chart.valueAxis.valueMin = 0
        chart.valueAxis.valueMax = self.max_total
        chart.valueAxis.valueStep = _nice_step(self.max_total, 8)
        chart.valueAxis.labels.fontName = FONT
        chart.valueAxis.labels.fontSize = 7
        chart.valueAxis.labelTextFormat = lambda value: format_score(value)
        chart.valueAxis.strokeColor = RULE
        chart.valueAxis.visibleGrid = 1
        chart.valueAxis.gridStrokeColor = LIGHT
        chart.valueAxis.gridStrokeWidth = 0.6
        chart.bars.strokeColor = None
        chart.bars[0].fillColor = BAR_OTHER
        for index, row in enumerate(shown):
            if row.application_id in self.funded_set:
                chart.bars[(0, index)].fillColor = ACCENT
        chart.barLabelFormat = lambda value: format_score(value)
        chart.barLabels.fontName = FONT
        chart.barLabels.fontSize = 7
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.textAnchor = "start"
        chart.barLabels.dx = 3
        drawing.add(chart)
        self._legend(drawing, label_width, height - 10, [(ACCENT, t("export.chart.selected")), (BAR_OTHER, t("export.chart.not_selected"))])
        if len(ranked) > limit:
            caption = t("export.chart.totals_top", count=limit, max=format_score(self.max_total))
        else:
            caption = t("export.chart.totals", max=format_score(self.max_total))
        return [Spacer(1, 6 * mm), KeepTogether([drawing, _p(_e(caption), self.s["caption"])])]

    def budget_chart(self) -> list[Flowable]:
        data = self.data
        if not self.funded:
            return [_p(_e(t("export.chart.no_selection")), self.s["small"])]
        limit = 40
        funded = self.funded[:limit]
        budget = self.session.budget
        amounts = [data.advised_amount(app_id) or 0.0 for app_id in funded]
        before, running = [], 0.0
        for amount in amounts:
            before.append(running)
            running += amount
        top = max(budget, running) * 1.04
        step = _nice_step(top, 6)
        top = math.ceil(top / step) * step
        bar, gap = 11, 3.5
        plot_height = len(funded) * (bar + gap)
        label_width = 120
        height = plot_height + 60
        drawing = Drawing(WIDTH, height)
        chart = HorizontalBarChart()
        chart.x, chart.y = label_width, 26
        chart.width, chart.height = WIDTH - label_width - 56, plot_height
        chart.data = [before, amounts]
        chart.categoryAxis.style = "stacked"
        chart.barWidth = bar
        chart.groupSpacing = gap
        chart.categoryAxis.categoryNames = [
            _fit(clean_text(self.session.application(app_id).municipality), FONT, 7.5, label_width - 10) for app_id in funded
        ]
        chart.categoryAxis.reverseDirection = 1
        chart.categoryAxis.labels.fontName = FONT
        chart.categoryAxis.labels.fontSize = 7.5
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.dx = -4
        chart.categoryAxis.strokeColor = RULE
        chart.categoryAxis.tickLeft = 0
        chart.valueAxis.valueMin = 0
        chart.valueAxis.valueMax = top
        chart.valueAxis.valueStep = step
        chart.valueAxis.labels.fontName = FONT
        chart.valueAxis.labels.fontSize = 7
        chart.valueAxis.labelTextFormat = _millions
        chart.valueAxis.strokeColor = RULE
        chart.valueAxis.visibleGrid = 1
        chart.valueAxis.gridStrokeColor = LIGHT
        chart.valueAxis.gridStrokeWidth = 0.6
        chart.bars.strokeColor = None
        chart.bars[0].fillColor = BAR_EARLIER
        chart.bars[1].fillColor = ACCENT
        for index, (start, amount) in enumerate(zip(before, amounts, strict=True)):
            if start + amount > budget + 0.005:
                chart.bars[(1, index)].fillColor = WARN
        drawing.add(chart)
        x = chart.x + chart.width * budget / top
        drawing.add(Line(x, chart.y - 2, x, chart.y + plot_height + 6, strokeColor=WARN, strokeWidth=1.1, strokeDashArray=[3, 2]))
        # The running total at the end of each bar, on a white ground so the budget line never crosses it.
        slot = plot_height / len(funded)
        for index, value in enumerate(before[i] + amounts[i] for i in range(len(amounts))):
            text = _millions(value, precise=True)
            left = chart.x + chart.width * value / top + 3
            middle = chart.y + plot_height - (index + 0.5) * slot
            drawing.add(Rect(left - 1, middle - 4, stringWidth(text, FONT, 7) + 2, 9, fillColor=colors.white, strokeColor=None))
            drawing.add(String(left, middle - 2.5, text, fontName=FONT, fontSize=7, fillColor=INK))
        label = t("export.chart.budget_line", amount=format_amount(budget))
        anchor = "end" if x + stringWidth(label, FONT, 7) > WIDTH else "start"
        drawing.add(String(x + (-3 if anchor == "end" else 3), chart.y + plot_height + 4, label, fontName=FONT, fontSize=7,
                           fillColor=WARN, textAnchor=anchor))
        self._legend(drawing, label_width, height - 10, [(BAR_EARLIER, t("export.chart.previous")), (ACCENT, t("export.chart.this"))])
        caption = t("export.chart.budget_top", count=limit) if len(self.funded) > limit else t("export.chart.budget")
        return [Spacer(1, 6 * mm), KeepTogether([drawing, _p(_e(caption), self.s["caption"])])]

    # --- chapter 3: one section per application -----------------------------------------------
    def applications(self) -> list[Flowable]:
        story = [PageBreak(), *self.heading("h1", "ch-applications", "3", t("export.ch.applications"), 0)]
        for index, application_id in enumerate(self.order):
            if index:
                story.append(PageBreak())
            story += self.application(index, application_id)
        return story

    def application(self, index: int, application_id: str) -> list[Flowable]:
        s, data, lang = self.s, self.data, self.lang
        application = self.session.application(application_id)
        decision = data.decision(application_id)
        row = data.ranked(application_id)
        aggregate = data.aggregates[application_id]
        story = self.heading("h2", f"app-{application_id}", f"3.{index + 1}", self.app_label(application_id), 1, progress=index)
        story.append(_p(_e(application.title), s["app_title"]))

        # key facts
        rank_text = t("export.app.rank_value", rank=row.rank, count=self.ranked_count) if row.rank else t("export.app.unranked")
        funded = application_id in self.funded_set
        facts = [
            (t("chair.ui.ranking.column_application"), _e(application.id)),
            (t("export.ranking.rank"), _e(rank_text)),
            (
                t("export.app.total"),
                _e(t("export.app.total_value", total=format_score(row.total), max=format_score(self.max_total)))
                if row.total is not None else _e(t("export.none")),
            ),
            (t("export.ranking.recommendation"), f"<b>{_e(recommendation_text(decision.recommendation))}</b>"),
            (t("export.app.requested"), _e(format_amount(application.requested_subsidy))),
            (t("export.app.advised"), f"<b>{_e(self.amount(data.advised_amount(application_id)))}</b>"),
            (t("chair.key.toggle_selected"), _e(t("export.chart.selected") if funded else t("export.app.not_selected"))),
        ]
        story.append(self.facts_table(facts))
        if aggregate.conflicted_jurors:
            jurors = ", ".join(self.labels[juror_id] for juror_id in sorted(aggregate.conflicted_jurors))
            story.append(Spacer(1, 3))
            story.append(_p(_e(t("export.app.abstained", jurors=jurors)), s["small"]))

        # summary
        story += self.text_heading(t("export.app.summary"))
        summary = text_paragraphs(application.summary, s["body"])
        story += summary or [_p(_e(t("export.app.no_summary")), s["small"])]

        # conditions
        if data.eligibility[application_id]:
            story += [CondPageBreak(40 * mm), _p(_e(t("export.sec.eligibility")), s["h3"])]
            story += self.conditions(application_id)

        # criteria
        story += [CondPageBreak(45 * mm), _p(_e(t("export.app.criteria")), s["h3_text"])]
        for number, criterion in enumerate(self.criteria.criteria, start=1):
            consensus = decision.get(criterion.id)
            stats = aggregate.criteria[criterion.id]
            if consensus.score is None:
                score = f"<font color='#9b1c1c'><b>{_e(t('export.app.missing_score'))}</b></font>"
            else:
                label = self.criteria.scale.label(consensus.score, lang)
                score = _e(t("export.app.consensus")) + ": <b>" + _e(
                    t("export.app.score_value", score=consensus.score, max=self.criteria.scale.max, label=label)
                ) + "</b>"
            bar = _Band(_p(f"{number}.&nbsp;{_e(criterion.name.get(lang))}", s["criterion"]), _p(score, s["criterion_score"]))
            story += [CondPageBreak(38 * mm), bar, _p(_e(self.spread_text(stats)), s["spread"])]
            motivation = text_paragraphs(consensus.motivation, s["body"])
            if motivation:
                story += motivation
            elif criterion.motivation_required:
                story.append(_p(_e(t("export.app.missing_motivation")), s["missing"]))
            minority = text_paragraphs(consensus.minority_view, s["minority"])
            if minority:
                story += [CondPageBreak(22 * mm), _p(_e(t("export.app.minority")), s["minority_label"])]
                story += minority
            story.append(Spacer(1, 5))

        # conclusion
        story += self.text_heading(t("export.app.conclusion"))
        overall = text_paragraphs(decision.overall_motivation, s["body"])
        story += overall or [_p(_e(t("export.app.missing_motivation")), s["missing"])]
        story.append(Spacer(1, 4))
        conclusion = self.facts_table([
            (t("export.ranking.recommendation"), f"<b>{_e(recommendation_text(decision.recommendation))}</b>"),
            (t("export.app.advised"), f"<b>{_e(self.amount(data.advised_amount(application_id)))}</b>"),
            (t("chair.key.toggle_selected"), _e(t("export.chart.selected") if funded else t("export.app.not_selected"))),
        ])
        story.append(KeepTogether([conclusion]))
        return story

    def spread_text(self, stats) -> str:
        if not stats.count:
            return t("export.app.no_scores")
        if stats.count == 1:
            text = t("export.app.spread_one", score=stats.min)
        else:
            text = t(
                "export.app.spread",
                min=stats.min,
                max=stats.max,
                mean=format_number(stats.mean, 1),
                median=format_score(stats.median),
                count=stats.count,
            )
            if stats.flagged:
                text += t("export.app.spread_diverged")
        if stats.missing:
            key = "export.app.spread_missing_one" if stats.missing == 1 else "export.app.spread_missing"
            text += t(key, count=stats.missing)
        return text

    def conditions(self, application_id: str) -> list[Flowable]:
        s, lang = self.s, self.lang
        application = self.session.application(application_id)
        illustrative = set(application.illustrative)
        rules = {rule.id: rule for rule in self.criteria.eligibility}
        rows = [[
            _p(_e(t("export.app.condition")), s["cell_head"]),
            _p(_e(t("export.app.figures")), s["cell_head"]),
            _p(_e(t("export.app.limit")), s["cell_head"]),
            _p(_e(t("export.app.outcome")), s["cell_head"]),
        ]]
        commands = self.grid_style()
        any_illustrative = False
        for index, check in enumerate(self.data.eligibility[application_id], start=1):
            rule = rules[check.rule_id]
            figure, fields = _figure(application, check)
            figure = _e(figure)
            if fields & illustrative:
                figure += "&nbsp;*"  # the mark stays with its figure
                any_illustrative = True
            rows.append([
                _p(_e(rule.name.get(lang)), s["cell"]),
                _p(figure, s["cell"]),
                _p(_e(_limit(rule.kind, check)), s["cell"]),
                _p(_e(outcome_text(check.outcome)), s[f"outcome_{check.outcome.value}"]),
            ])
        story: list[Flowable] = [self.table(rows, [58 * mm, 52 * mm, 30 * mm, 25 * mm], commands)]
        if any_illustrative:
            story.append(_p(_e(t("export.app.illustrative")), s["caption"]))
        return story

    # --- annexes ------------------------------------------------------------------------------
    def annex_scores(self) -> list[Flowable]:
        s, lang, data = self.s, self.lang, self.data
        criteria = self.criteria.criteria
        story = [PageBreak(), *self.heading("h1", "annex-scores", "", t("export.annex.scores"), 0)]
        story.append(_p(_e(t("export.annex.scores_intro")), s["body"]))
        legend = [[_p(f"<b>{number}</b>", s["cell_center"]), _p(_e(criterion.name.get(lang)), s["cell"])]
                  for number, criterion in enumerate(criteria, start=1)]
        story.append(self.table(legend, [10 * mm, 90 * mm], [
            ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ], repeat=0))
        story.append(Spacer(1, 4))
        story.append(_p(_e(t("export.annex.scores_legend")), s["small"]))
        count = len(criteria)
        first, last_width = 50 * mm, 16 * mm
        score_width = min(14 * mm, (WIDTH - first - last_width) / max(count, 1))
        widths = [first, *[score_width] * count, last_width]
        municipalities = [application.municipality for application in self.session.applications]
        names = {
            application.id: application.municipality if municipalities.count(application.municipality) == 1 else self.app_label(application.id)
            for application in self.session.applications
        }
        for juror in data.jurors_in_order():
            submission = data.submissions.get(juror.id)
            heading = t("export.annex.juror_heading", label=self.labels[juror.id], role=role_text(juror.role))
            block = [CondPageBreak(40 * mm), *self.heading("h2", f"annex-{juror.id}", "", heading, 1)]
            if submission is None:
                block.append(_p(_e(t("export.annex.not_submitted")), s["body"]))
                story += block
                continue
            block.append(_p(_e(t("export.annex.submitted_at", at=format_datetime(submission.submitted_at))), s["small"]))
            scores = {
                assessment.application_id: {entry.criterion_id: entry.score for entry in assessment.scores}
                for assessment in submission.assessments
            }
            conflicts = set(submission.conflicts)
            rows: list[list] = [[
                _p(_e(t("chair.ui.ranking.column_application")), s["cell_head"]),
                *[_p(str(number), s["cell_head_center"]) for number in range(1, count + 1)],
                _p(_e(t("chair.ui.overview.column_total")), s["cell_head_right"]),
            ]]
            # Scores are plain table strings: fast, and they never wrap.
            commands = self.grid_style() + [
                ("TOPPADDING", (0, 1), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 2),
                ("FONTNAME", (0, 1), (-1, -1), FONT),
                ("FONTSIZE", (0, 1), (-1, -1), 8.5),
                ("LEADING", (0, 1), (-1, -1), 11),
                ("ALIGN", (1, 1), (-2, -1), "CENTER"),
                ("ALIGN", (-1, 1), (-1, -1), "RIGHT"),
            ]
            for row_number, application in enumerate(self.session.applications, start=1):
                label = _p(_e(names[application.id]), s["cell"])
                if application.id in conflicts:
                    rows.append([label, t("status.conflict"), *[""] * count])
                    commands += [
                        ("SPAN", (1, row_number), (count, row_number)),
                        ("FONTNAME", (1, row_number), (count, row_number), FONT_ITALIC),
                        ("TEXTCOLOR", (0, row_number), (-1, row_number), MUTED),
                    ]
                    continue
                given = scores.get(application.id, {})
                values = [given.get(criterion.id) for criterion in criteria]
                total = weighted_total(self.criteria, {criterion.id: given.get(criterion.id) for criterion in criteria})
                rows.append([
                    label,
                    *[t("export.none") if value is None else str(value) for value in values],
                    format_score(total),
                ])
            # One juror's table on one page where it fits; a longer one splits with its header repeated.
            story.append(KeepTogether([*block, self.table(rows, widths, commands), Spacer(1, 6)]))
        return story

    def annex_agreement(self) -> list[Flowable]:
        s, lang = self.s, self.lang
        story = [CondPageBreak(90 * mm), *self.heading("h1", "annex-agreement", "", t("export.annex.agreement"), 0)]
        story.append(_p(_e(t("export.annex.agreement_intro")), s["body"]))
        rows = [[
            _p(_e(t("ui.key.criterion_group")), s["cell_head"]),
            _p(_e(t("export.annex.alpha")), s["cell_head_right"]),
            _p(_e(t("export.annex.level")), s["cell_head"]),
        ]]
        for criterion in self.criteria.criteria:
            alpha = self.data.agreement.get(criterion.id)
            level = agreement_level(alpha)
            rows.append([
                _p(_e(criterion.name.get(lang)), s["cell"]),
                _p(t("export.none") if alpha is None or math.isnan(alpha) else format_number(alpha, 2), s["cell_right"]),
                _p(_e(t(f"export.agreement.{level.value}")), s["cell"]),
            ])
        story.append(self.table(rows, [90 * mm, 20 * mm, 40 * mm], self.grid_style()))
        return story

    def story(self) -> list[Flowable]:
        self.toc_entries = []
        body = [*self.method(), *self.ranking(), *self.applications(), *self.annex_scores(), *self.annex_agreement()]
        return [*self.cover(), *self.contents(), *body]


# --- figures of the conditions -----------------------------------------------------------------


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    """'Oproep …' reads as 'de oproep …' inside a sentence; keep acronyms as they are."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _figure(application, check: EligibilityCheck) -> tuple[str, set[str]]:
    """The figures a check rests on, as a reader wants them, and the application fields they come from."""
    kind = check.kind
    unknown = t("export.figure.unknown")
    if kind is RuleKind.MAX_SUBSIDY:
        return format_amount(application.requested_subsidy), {"requested_subsidy"}
    if kind is RuleKind.MIN_CO_FINANCING_SHARE:
        fields = {"co_financing", "budgeted_cost"}
        if application.co_financing is None or application.budgeted_cost is None or check.value is None:
            return unknown, fields
        return t(
            "export.figure.co_financing",
            co=format_amount(application.co_financing),
            cost=format_amount(application.budgeted_cost),
            share=format_percent(float(check.value)),
        ), fields
    if kind is RuleKind.MAX_INFRASTRUCTURE_SHARE:
        fields = {"infrastructure_amount", "requested_subsidy"}
        if application.infrastructure_amount is None or check.value is None:
            return unknown, fields
        return t(
            "export.figure.infrastructure",
            amount=format_amount(application.infrastructure_amount),
            share=format_percent(float(check.value)),
        ), fields
    if kind is RuleKind.MAX_DURATION_MONTHS:
        if application.duration_months is None:
            return unknown, {"duration_months"}
        return t("ui.facts.duration", months=application.duration_months), {"duration_months"}
    if kind is RuleKind.SUBMISSION_DEADLINE:
        if application.submitted_at is None:
            return unknown, {"submitted_at"}
        return t("export.figure.submitted", at=format_datetime(application.submitted_at)), {"submitted_at"}
    if kind is RuleKind.NO_DOUBLE_SUBSIDY:
        flag = application.other_flemish_subsidy
        if flag is None:
            return unknown, {"other_flemish_subsidy"}
        return t("export.figure.other_subsidy_yes" if flag else "export.figure.other_subsidy_no"), {"other_flemish_subsidy"}
    if kind is RuleKind.APPROVED_BY_COUNCIL:
        if application.approved_by is None:
            return unknown, {"approved_by"}
        return t(f"export.figure.approval.{application.approved_by.value}"), {"approved_by"}
    return unknown, set()  # pragma: no cover - RuleKind is exhaustive


def _limit(kind: RuleKind, check: EligibilityCheck) -> str:
    limit = check.limit
    if kind is RuleKind.MAX_SUBSIDY and isinstance(limit, (int, float)):
        return t("export.limit.at_most", value=format_amount(limit))
    if kind is RuleKind.MIN_CO_FINANCING_SHARE and isinstance(limit, (int, float)):
        return t("export.limit.at_least", value=format_percent(limit))
    if kind is RuleKind.MAX_INFRASTRUCTURE_SHARE and isinstance(limit, (int, float)):
        return t("export.limit.at_most", value=format_percent(limit))
    if kind is RuleKind.MAX_DURATION_MONTHS and isinstance(limit, (int, float)):
        return t("export.limit.at_most", value=t("ui.facts.duration", months=format_score(limit)))
    if kind is RuleKind.SUBMISSION_DEADLINE and isinstance(limit, str):
        return t("export.limit.deadline", value=format_datetime(dt.datetime.fromisoformat(limit)))
    return t("export.none")


# --- charts: axis helpers ----------------------------------------------------------------------


def _nice_step(top: float, ticks: int) -> float:
    """A round step (1, 2, 2.5 or 5 × 10^n) giving at most `ticks` intervals up to `top`."""
    if top <= 0:
        return 1
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= raw:
            return factor * power
    return 10 * power


def _millions(value: float, precise: bool = False) -> str:
    """Axis and bar labels in millions: '1,5 mln'; 0 as '0'."""
    if value == 0:
        return "0"
    millions = value / 1_000_000
    decimals = 2 if precise else (0 if abs(millions - round(millions)) < 1e-9 else 1)
    if not precise and decimals and abs(millions * 10 - round(millions * 10)) > 1e-9:
        decimals = 2
    return t("export.million", value=format_number(millions, decimals))


# --- strict check and the entry point ------------------------------------------------------------


def missing_message(data: AdviceData, limit: int = 3) -> str | None:
    """One line naming the applications and criteria whose required consensus is missing; None if complete."""
    missing = data.missing_consensus()
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


def write_advice_pdf(
    session: SessionDefinition,
    chair_store_or_data: ChairStore | AdviceData,
    out: Path,
    *,
    names: bool = False,
    strict: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> AdviceSummary:
    """Write the motivated advice to `out` (atomically). `progress(done, total)` is called as each
    application section is laid out (total = number of applications), and once more at the end.
    With `strict`, a missing consensus score or required motivation raises JuryError instead."""
    started = time.perf_counter()
    data = chair_store_or_data if isinstance(chair_store_or_data, AdviceData) else build_advice_data(session, chair_store_or_data)
    if strict:
        message = missing_message(data)
        if message:
            raise JuryError(message)
    register_fonts()
    count = len(data.session.applications)

    def on_marker(marker: _Marker, page: int) -> None:
        if marker.progress is not None and progress is not None:
            progress(marker.progress + 1, count)

    pdf, pages = _render(data, _Builder(data, names), on_marker)
    if progress is not None:
        progress(count, count)
    write_atomic(Path(out), pdf)
    return AdviceSummary(
        path=Path(out),
        pages=pages,
        applications=count,
        missing=sum(len(items) for items in data.missing_consensus().values()),
        seconds=time.perf_counter() - started,
    )


def _render(data: AdviceData, builder: _Builder, on_marker: Callable[[_Marker, int], None]) -> tuple[bytes, int]:
    session = data.session
    lang = language()
    call = session.criteria.title.get(lang)
    buffer = io.BytesIO()
    document = _AdviceDocument(
        buffer,
        on_marker=on_marker,
        pagesize=A4,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=clean_text(t("export.pdf_title", session=session.title)),
        subject=clean_text(t("export.subject", count=len(session.applications), call=call)),
        author=clean_text(t("export.author", call=call)),
        creator=f"jury-tui {__version__}",
        producer="jury-tui (ReportLab)",
        keywords=[session.id, session.fingerprint[:16]],
        lang=t("export.document_language"),  # the language tag of the PDF (accessibility)
        invariant=1,
        displayDocTitle=1,
    )
    header_right = t("export.advice_title")
    header_left = _fit(clean_text(session.title), FONT, 7.5, WIDTH - stringWidth(header_right, FONT, 7.5) - 10 * mm)
    footer = _fit(t("export.footer", id=session.id, fingerprint=session.fingerprint[:16]), FONT, 7.5, WIDTH - 40 * mm)

    def furniture(canvas: Canvas, doc, header: bool) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(MUTED)
        if header:
            y = PAGE_HEIGHT - 14 * mm
            canvas.drawString(LEFT, y, header_left)
            canvas.drawRightString(PAGE_WIDTH - RIGHT, y, header_right)
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.5)
            canvas.line(LEFT, y - 2.5 * mm, PAGE_WIDTH - RIGHT, y - 2.5 * mm)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(LEFT, 16 * mm, PAGE_WIDTH - RIGHT, 16 * mm)
        canvas.drawString(LEFT, 12 * mm, footer)
        canvas.restoreState()

    frame = Frame(LEFT, BOTTOM, WIDTH, PAGE_HEIGHT - TOP - BOTTOM, id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    document.addPageTemplates([
        PageTemplate(id="cover", frames=[frame], onPage=lambda canvas, doc: furniture(canvas, doc, header=False)),
        PageTemplate(id="body", frames=[frame], onPage=lambda canvas, doc: furniture(canvas, doc, header=True)),
    ])
    pages: list[int] = []
    # One document at a time: the parsed-markup cache and reportlab's settings are process-wide
    # (the chair's app exports in a thread).
    with _BUILDING:
        try:
            story = builder.story()
        finally:
            _parsed.clear()
        # Page, form and font streams are Flate-compressed binary, not also ASCII85-encoded (reportlab's
        # default): a fifth smaller, and the encoding was a large part of writing the file.
        use_a85, rl_config.useA85 = rl_config.useA85, 0
        try:
            document.build(story, canvasmaker=_canvas_class(lambda page, total: t("export.page", page=page, pages=total), pages))
        finally:
            rl_config.useA85 = use_a85
    return buffer.getvalue(), pages[-1] if pages else 0
