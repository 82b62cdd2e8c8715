"""Chapter 2, ranking and budget: the ranking table with running totals, then the two charts."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph
from reportlab.platypus.flowables import Flowable

from jury_tui.domain.consensus import Recommendation
from jury_tui.domain.eligibility import Outcome
from jury_tui.i18n import t
from jury_tui.reports.advice_pdf.charts import budget_chart, totals_chart
from jury_tui.reports.advice_pdf.context import Context
from jury_tui.reports.advice_pdf.styles import ACCENT, FONT, FONT_BOLD, SELECTED, WARN
from jury_tui.reports.advice_pdf.text import markup
from jury_tui.reports.data_export import (
    format_amount,
    format_score,
    recommendation_text,
)


def ranking(c: Context) -> list[Flowable]:
    s, data = c.s, c.data
    story = c.heading("h1", "ch-ranking", "2", t("chair.key.ranking.help"), 0)
    ranked = [row for row in data.ranking if row.rank is not None]
    funded_total = data.funded_total()
    budget = c.session.budget
    story.append(Paragraph(markup(t(
        "export.ranking.summary",
        ranked=len(ranked),
        count=len(data.ranking),
        selected=len(c.funded),
        amount=format_amount(funded_total),
        budget=format_amount(budget),
    )), s["body"]))
    story.append(c.text(t("export.ranking.source_recommendation", select=recommendation_text(Recommendation.SELECT)), "body"))
    remaining = round(budget - funded_total, 2)
    if remaining < 0:
        story.append(c.text(t("export.ranking.over_budget", amount=format_amount(-remaining)), "warning"))
    elif remaining > 0:
        story.append(c.text(t("export.ranking.remaining", amount=format_amount(remaining)), "body"))
    unranked = len(data.ranking) - len(ranked)
    if unranked:
        story.append(c.text(t("export.ranking.unranked", count=unranked), "warning"))

    story.append(c.text(t("export.ranking.legend", max=format_score(c.max_total)), "small"))
    head_style, head_right, head_center = s["rank_head"], s["rank_head_right"], s["rank_head_center"]
    rows: list[list] = [[
        Paragraph(markup(t("export.ranking.rank")), head_center),
        Paragraph(markup(t("export.ranking.application")), head_style),
        Paragraph(markup(t("ui.key.score")), head_right),
        Paragraph(markup(t("export.ranking.recommendation")), head_style),
        Paragraph(markup(t("export.ranking.requested")), head_right),
        Paragraph(markup(t("export.ranking.advised")), head_right),
        Paragraph(markup(t("export.ranking.cumulative")), head_right),
    ]]
    # Numbers are plain table strings (fast, never wrapped); names are paragraphs (they wrap).
    commands = c.grid_style() + [
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
        application = c.session.application(row.application_id)
        decision = data.decision(row.application_id)
        notes = []
        if row.eligibility is Outcome.NOT_MET:
            notes.append(t("export.ranking.not_eligible"))
        elif row.eligibility is Outcome.UNKNOWN:
            notes.append(t("export.ranking.eligibility_unknown"))
        if row.below_threshold:
            notes.append(t("export.ranking.below_threshold"))
        name = f"{markup(application.municipality)}<br/><font size='7' color='#5b6675'>{markup(application.neighbourhood)}</font>"
        if notes:
            name += f"<br/><font size='6.5' color='#9b1c1c'>{markup('; '.join(notes))}</font>"
        funded = row.application_id in c.funded_set
        advised = data.advised_amount(row.application_id)
        if funded:
            cumulative += int(round((advised or 0) * 100))
            cumulative_text = format_amount(cumulative / 100, unit=False)
            commands.append(("BACKGROUND", (0, index), (-1, index), SELECTED))
        else:
            cumulative_text = t("export.none")
        rows.append([
            str(row.rank) if row.rank is not None else t("export.none"),
            Paragraph(name, name_style),
            format_score(row.total),
            Paragraph(markup(recommendation_text(decision.recommendation)), name_style),
            format_amount(application.requested_subsidy, unit=False),
            c.amount(advised, unit=False),
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
    widths = [11 * mm, 46 * mm, 12 * mm, 30 * mm, 22 * mm, 22 * mm, 22 * mm]  # "Recommendation" fits whole
    story.append(c.table(rows, widths, commands))
    story += totals_chart(c)
    story += budget_chart(c)
    return story

