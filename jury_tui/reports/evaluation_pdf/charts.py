"""The chart of a contract's spending so far against the plan, per budget line (the advice's chart style)."""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Spacer
from reportlab.platypus.flowables import Flowable

from jury_tui.domain.follow_up import LineOverYears
from jury_tui.formatting import format_amount as plain_amount
from jury_tui.formatting import format_euro
from jury_tui.i18n import t
from jury_tui.reports.advice_pdf.charts import BAR, GAP, bar_chart, legend, nice_step
from jury_tui.reports.advice_pdf.styles import ACCENT, BAR_OTHER, FONT, INK, WARN, WIDTH
from jury_tui.reports.advice_pdf.text import fit
from jury_tui.reports.data_export import clean_text
from jury_tui.reports.evaluation_pdf.context import EvaluationContext
from jury_tui.reports.open_points import budget_line_label

BAR_LABEL = 7
NAME_WIDTH = 175  # points: the budget line's name left of its bars


def axis_amount(value: float) -> str:
    """Axis labels in thousands of euro: '50', '100', … (the caption says '× € 1.000')."""
    return plain_amount(value / 1000)


def chart_name(line: LineOverYears) -> str:
    """A budget line's label (open_points.budget_line_label) left of its bars: a long name is cut,
    never the infrastructure mark."""
    room = NAME_WIDTH - 8
    name = clean_text(line.name)
    label = budget_line_label(name, line.infrastructure)
    if label == name or stringWidth(label, FONT, 7.5) <= room:
        return fit(label, FONT, 7.5, room)
    mark = stringWidth(budget_line_label("", True), FONT, 7.5)
    return budget_line_label(fit(name, FONT, 7.5, room - mark), True)


def spending_chart(c: EvaluationContext, lines: list[LineOverYears], year: int) -> list[Flowable]:
    """Per budget line two bars: planned over the whole contract, and spent up to the end of `year`.
    Infrastructure lines are marked in the name (budget_line_label); a spent bar over its plan is drawn in the warning colour."""
    if not lines:
        return []
    planned = [line.planned for line in lines]
    spent = [line.spent.get(year) for line in lines]
    top = max([*planned, *(value or 0.0 for value in spent)]) * 1.05 or 1.0
    step = nice_step(top, 5)
    top = math.ceil(top / step) * step
    group = 2 * BAR + GAP
    plot_height = len(lines) * group
    height = plot_height + 50
    names = [chart_name(line) for line in lines]
    drawing = Drawing(WIDTH, height)
    chart = bar_chart(names, plot_height, 62, top, step, axis_amount)
    # Wider names than the advice's municipalities: budget lines are long.
    chart.x = NAME_WIDTH
    chart.width = WIDTH - NAME_WIDTH - 62
    chart.categoryAxis.categoryNames = names
    # Series 0 is drawn lowest in each group: spent below, planned above it.
    chart.data = [[value or 0.0 for value in spent], planned]
    chart.barSpacing = 0
    chart.bars[0].fillColor = ACCENT
    chart.bars[1].fillColor = BAR_OTHER
    for index, (plan, value) in enumerate(zip(planned, spent, strict=True)):
        if value is not None and value > plan + 0.005:
            chart.bars[(0, index)].fillColor = WARN
    drawing.add(chart)
    # The amounts at the end of each bar, on a white ground; an unknown spent figure said as such.
    slot = plot_height / len(lines)
    for index, (plan, value) in enumerate(zip(planned, spent, strict=True)):
        for series, amount in ((0, value), (1, plan)):
            text = t("export.outcome.unknown") if amount is None else format_euro(amount)
            left = chart.x + chart.width * (amount or 0.0) / top + 3
            middle = chart.y + plot_height - (index + 1) * slot + GAP / 2 + BAR * series + BAR / 2
            width = stringWidth(text, FONT, BAR_LABEL)
            drawing.add(Rect(left - 1, middle - 4, width + 2, 9, fillColor=colors.white, strokeColor=None))
            drawing.add(String(left, middle - 2.5, text, fontName=FONT, fontSize=BAR_LABEL, fillColor=INK))
    legend(drawing, chart.x, height - 10, [(BAR_OTHER, t("evaluation.chart.planned")),
                                           (ACCENT, t("evaluation.chart.spent", year=year))])
    caption = t("evaluation.chart.caption", year=year)
    return [Spacer(1, 3 * mm), KeepTogether([drawing, c.text(caption, "caption")])]
