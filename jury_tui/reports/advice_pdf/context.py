"""What every section of the advice shares: the data, styles, juror labels, headings and tables."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from jury_tui.i18n import language, t
from jury_tui.reports.advice_pdf.page import Marker
from jury_tui.reports.advice_pdf.styles import (
    ACCENT,
    LIGHT,
    RULE,
    WIDTH,
    paragraph_styles,
)
from jury_tui.reports.advice_pdf.text import markup
from jury_tui.reports.data_export import AdviceData, clean_text, format_amount


class Context:
    """The advice data with the choices of one document (language, names, the individual scores or
    not) and its table of contents."""

    def __init__(self, data: AdviceData, names: bool, individual: bool = True) -> None:
        self.data = data
        self.session = data.session
        self.criteria = data.session.criteria
        self.names = names
        self.individual = individual
        self.lang = language()
        self.s = paragraph_styles()
        self.labels = data.juror_labels(names)
        self.jurors = data.jurors_in_order(names)  # the order every list of jurors follows
        self.position = {juror.id: index for index, juror in enumerate(self.jurors)}
        self.roles = data.roles_shown(names)  # never a role that points at one juror
        self.funded = data.funded
        self.funded_set = set(self.funded)
        self.toc_entries: list[tuple[str, str, str, int]] = []  # key, number, text, level
        self.max_total = data.maximum_total()
        self.gaps = data.gaps  # what is open (domain/advice.py): marked, never hidden
        self.ranked_count = sum(1 for row in data.ranking if row.rank is not None)

    def position_of(self, juror_id: str) -> int:
        """Where a juror comes in every list of jurors (sort key)."""
        return self.position.get(juror_id, len(self.position))

    def para(self, text: str, style: str) -> Paragraph:
        """A paragraph of our own markup; user parts must already be escaped with `markup`."""
        return Paragraph(text, self.s[style])

    def text(self, text: str | None, style: str) -> Paragraph:
        """A paragraph showing `text` exactly as written (no markup)."""
        return Paragraph(markup(text), self.s[style])

    def heading(self, style: str, key: str, number: str, text: str, level: int, progress: int | None = None) -> list[Flowable]:
        """A numbered heading with its marker (outline, table of contents, progress)."""
        self.toc_entries.append((key, number, text, level))
        outline = clean_text(f"{number} {text}".strip())
        shown = f"{number}&nbsp;&nbsp;{markup(text)}" if number else markup(text)
        return [Marker(key, outline, level, progress), self.para(shown, style)]

    def text_heading(self, text: str) -> list[Flowable]:
        """A sub-heading followed by user text of any length: room for the heading and a few lines, but
        not chained to the text (chaining would push a very long first paragraph to the next page)."""
        return [CondPageBreak(32 * mm), self.text(text, "h3_text")]

    @staticmethod
    def table(rows, widths, style_commands, repeat: int = 1, align: str = "LEFT") -> Table:
        """A table that may run over pages, split between rows, its first `repeat` rows repeated."""
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
        """Label and value rows; the values are markup."""
        rows = [[self.text(label, "cell_head"), self.para(value, "cell")] for label, value in pairs]
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
