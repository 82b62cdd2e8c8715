"""The two charts of chapter 2: total score per application, and the selection against the budget."""

from __future__ import annotations

import math

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Spacer
from reportlab.platypus.flowables import Flowable

from jury_tui.i18n import t
from jury_tui.reports.advice_pdf.context import Context
from jury_tui.reports.advice_pdf.styles import (
    ACCENT,
    BAR_EARLIER,
    BAR_OTHER,
    FONT,
    INK,
    LIGHT,
    RULE,
    WARN,
    WIDTH,
)
from jury_tui.reports.advice_pdf.text import fit
from jury_tui.reports.data_export import (
    clean_text,
    format_amount,
    format_number,
    format_score,
)

# Bars and their labels: the same in every chart of the document.
BAR, GAP, LABEL_WIDTH = 11, 3.5, 120


def nice_step(top: float, ticks: int) -> float:
    """A round step (1, 2, 2.5 or 5 × 10^n) giving at most `ticks` intervals up to `top`."""
    if top <= 0:
        return 1
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= raw:
            return factor * power
    return 10 * power


def millions(value: float, precise: bool = False) -> str:
    """Axis and bar labels in millions: '1,5 mln'; 0 as '0'."""
    if value == 0:
        return "0"
    millions = value / 1_000_000
    decimals = 2 if precise else (0 if abs(millions - round(millions)) < 1e-9 else 1)
    if not precise and decimals and abs(millions * 10 - round(millions * 10)) > 1e-9:
        decimals = 2
    return t("export.million", value=format_number(millions, decimals))


def legend(drawing: Drawing, x: float, y: float, items: list[tuple[colors.Color, str]]) -> None:
    for color, text in items:
        drawing.add(Rect(x, y - 1, 7, 7, fillColor=color, strokeColor=None))
        drawing.add(String(x + 10, y, text, fontName=FONT, fontSize=7, fillColor=INK))
        x += 10 + stringWidth(text, FONT, 7) + 16


def bar_chart(names: list[str], plot_height: float, right: float, value_max: float, value_step: float,
              value_format) -> HorizontalBarChart:
    """A horizontal bar chart in the document's style: a bar per name, names at the left, a grid."""
    chart = HorizontalBarChart()
    chart.x, chart.y = LABEL_WIDTH, 26
    chart.width, chart.height = WIDTH - LABEL_WIDTH - right, plot_height
    chart.barWidth = BAR
    chart.groupSpacing = GAP
    chart.categoryAxis.categoryNames = [fit(name, FONT, 7.5, LABEL_WIDTH - 10) for name in names]
    chart.categoryAxis.reverseDirection = 1
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.tickLeft = 0
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = value_max
    chart.valueAxis.valueStep = value_step
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = value_format
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = LIGHT
    chart.valueAxis.gridStrokeWidth = 0.6
    chart.bars.strokeColor = None
    return chart


def totals_chart(c: Context) -> list[Flowable]:
    ranked = [row for row in c.data.ranking if row.rank is not None]
    if not ranked:
        return []
    limit = 40
    shown = ranked[:limit]
    plot_height = len(shown) * (BAR + GAP)
    height = plot_height + 48
    drawing = Drawing(WIDTH, height)
    names = [f"{row.rank}. {clean_text(c.session.application(row.application_id).municipality)}" for row in shown]
    chart = bar_chart(names, plot_height, 36, c.max_total, nice_step(c.max_total, 8), format_score)
    chart.data = [[row.total for row in shown]]
    chart.barSpacing = 0
    chart.bars[0].fillColor = BAR_OTHER
    for index, row in enumerate(shown):
        if row.application_id in c.funded_set:
            chart.bars[(0, index)].fillColor = ACCENT
    chart.barLabelFormat = lambda value: format_score(value)
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.textAnchor = "start"
    chart.barLabels.dx = 3
    drawing.add(chart)
    legend(drawing, LABEL_WIDTH, height - 10, [(ACCENT, t("export.chart.selected")), (BAR_OTHER, t("export.chart.not_selected"))])
    if len(ranked) > limit:
        caption = t("export.chart.totals_top", count=limit, max=format_score(c.max_total))
    else:
        caption = t("export.chart.totals", max=format_score(c.max_total))
    return [Spacer(1, 6 * mm), KeepTogether([drawing, c.text(caption, "caption")])]


def budget_chart(c: Context) -> list[Flowable]:
    data = c.data
    if not c.funded:
        return [c.text(t("export.chart.no_selection"), "small")]
    limit = 40
    funded = c.funded[:limit]
    budget = c.data.budget  # the budget in force (the chair's)
    amounts = [data.advised_amount(app_id) or 0.0 for app_id in funded]
    before, running = [], 0.0
    for amount in amounts:
        before.append(running)
        running += amount
    top = max(budget, running) * 1.04
    step = nice_step(top, 6)
    top = math.ceil(top / step) * step
    plot_height = len(funded) * (BAR + GAP)
    height = plot_height + 60
    drawing = Drawing(WIDTH, height)
    names = [clean_text(c.session.application(app_id).municipality) for app_id in funded]
    chart = bar_chart(names, plot_height, 56, top, step, millions)
    chart.data = [before, amounts]
    chart.categoryAxis.style = "stacked"
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
        text = millions(value, precise=True)
        left = chart.x + chart.width * value / top + 3
        middle = chart.y + plot_height - (index + 0.5) * slot
        drawing.add(Rect(left - 1, middle - 4, stringWidth(text, FONT, 7) + 2, 9, fillColor=colors.white, strokeColor=None))
        drawing.add(String(left, middle - 2.5, text, fontName=FONT, fontSize=7, fillColor=INK))
    label = t("export.chart.budget_line", amount=format_amount(budget))
    anchor = "end" if x + stringWidth(label, FONT, 7) > WIDTH else "start"
    drawing.add(String(x + (-3 if anchor == "end" else 3), chart.y + plot_height + 4, label, fontName=FONT, fontSize=7,
                       fillColor=WARN, textAnchor=anchor))
    legend(drawing, LABEL_WIDTH, height - 10, [(BAR_EARLIER, t("export.chart.previous")), (ACCENT, t("export.chart.this"))])
    caption = t("export.chart.budget_top", count=limit) if len(c.funded) > limit else t("export.chart.budget")
    return [Spacer(1, 6 * mm), KeepTogether([drawing, c.text(caption, "caption")])]


