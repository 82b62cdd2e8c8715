"""Fonts, colours, page geometry and paragraph styles of the advice PDF."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

# The shipped DejaVu Sans family shows every Latin letter, €, ő and typographic quotes on any machine.
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


def fonts_dir() -> Path:
    return Path(str(resources.files("jury_tui"))) / "fonts"


def register_fonts() -> None:
    """Register the shipped DejaVu Sans family once, so <b> and <i> pick the right face."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = fonts_dir()
    for name, filename in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC)


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


def paragraph_styles() -> dict[str, ParagraphStyle]:
    # A word longer than the line is split at the line end (splitLongWords). Not used, on purpose:
    # embeddedHyphenation (reportlab 4–5 drops the hyphens of a word it breaks at one) and
    # uriWasteReduce (drops the tail of a web address it breaks): both change the jury's text.
    base = ParagraphStyle(
        "body", fontName=FONT, fontSize=9.5, leading=13.5, textColor=INK, spaceAfter=5,
        splitLongWords=1,
    )
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5, spaceAfter=3, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11, spaceAfter=0),
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
    }
