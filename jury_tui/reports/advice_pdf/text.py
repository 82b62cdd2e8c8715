"""User text as paragraph markup: cleaned, escaped, split into paragraphs; header text fitted."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from jury_tui.reports.data_export import clean_text

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def markup(text: str | None) -> str:
    """User text as Paragraph markup that shows exactly that text: escaped, line breaks kept.
    Text from files is never markup: `<b and c>` and `R&D` must show as written."""
    return escape(clean_text(text).strip()).replace("\n", "<br/>")


def text_paragraphs(text: str | None, style: ParagraphStyle) -> list[Paragraph]:
    """One Paragraph per block separated by a blank line, so long texts flow across pages
    (a single Paragraph or a table cell cannot be split over pages gracefully)."""
    blocks = [block.strip("\n ") for block in _BLANK_LINE.split(clean_text(text).strip())]
    return [Paragraph(markup(block), style) for block in blocks if block.strip()]


def fit(text: str, font: str, size: float, width: float) -> str:
    """Cut `text` with an ellipsis so it fits `width` (page header, chart labels)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def plain_cell(text: str, font: str, size: float, width: float) -> str | None:
    """`text` broken into lines of at most `width` for a plain table cell, which the table draws as it
    is (no markup to parse, nothing to lay out again at each page); None if a word is wider than that."""
    lines = simpleSplit(clean_text(text).strip(), font, size, width)
    if any(stringWidth(line, font, size) > width for line in lines):
        return None
    return "\n".join(lines)


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """'Oproep …' reads as 'de oproep …' inside a sentence; keep acronyms as they are."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text
