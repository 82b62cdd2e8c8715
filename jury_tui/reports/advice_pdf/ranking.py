"""Chapter 2, ranking and budget: the ranking table with running totals, then the two charts."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph
from reportlab.platypus.flowables import Flowable

from jury_tui.domain.consensus import Recommendation, rejected
from jury_tui.domain.eligibility import Outcome
from jury_tui.domain.ranking import (
    RankedApplication,
    reserve_list,
    ties,
)
from jury_tui.domain.ranking import proposals as propose
from jury_tui.i18n import t
from jury_tui.reports.advice_pdf.charts import budget_chart, totals_chart
from jury_tui.reports.advice_pdf.context import Context
from jury_tui.reports.advice_pdf.styles import ACCENT, FONT, FONT_BOLD, SELECTED, WARN
from jury_tui.reports.advice_pdf.text import markup, text_paragraphs
from jury_tui.reports.data_export import (
    format_amount,
    format_score,
    recommendation_text,
)


def rank_label(row: RankedApplication) -> str:
    """'3', '3=' for a rank shared ex aequo, '–' unranked."""
    if row.rank is None:
        return t("export.none")
    return f"{row.rank}=" if row.ex_aequo else str(row.rank)


def unranked_reason(c: Context, row: RankedApplication) -> str:
    if row.total is None:
        return t("export.ranking.no_consensus")
    return t("export.ranking.too_few_votes", votes=row.votes, minimum=c.criteria.ranking.minimum_votes)


def names(c: Context, application_ids) -> str:
    return ", ".join(c.session.application(aid).municipality for aid in application_ids)


def tie_orders(c: Context) -> list[Flowable]:
    """Every group of equal totals: shared rank ("ex aequo"), or the chair's order with its motivation."""
    story: list[Flowable] = []
    rows = {row.application_id: row for row in c.data.ranking}
    for group in ties(c.data.ranking):
        first = rows[group[0]]
        if first.tie_order is None:
            story.append(c.text(t("export.ranking.ex_aequo", rank=first.rank, applications=names(c, group)), "body"))
        else:
            ordered = first.tie_order.application_ids
            story.append(c.text(t("export.ranking.tie_order", applications=names(c, ordered)), "body"))
            story += text_paragraphs(first.tie_order.motivation, c.s["minority"])
    if story:
        story.insert(0, c.text(t("export.ranking.ties"), "h3"))
    return story


def unranked(c: Context) -> list[Flowable]:
    rows = [row for row in c.data.ranking if row.rank is None]
    if not rows:
        return []
    story: list[Flowable] = [c.text(t("export.ranking.unranked", count=len(rows)), "h3")]
    for row in rows:
        story.append(Paragraph(markup(f"{c.app_label(row.application_id)}: {unranked_reason(c, row)}"), c.s["bullet"], bulletText="•"))
    return story


def reserve(c: Context) -> list[Flowable]:
    """The reserve list: selectable applications past the funding line, in rank order, with the
    cumulative amount each would need on top of the selection."""
    data = c.data
    amounts = {row.application_id: data.advised_amount(row.application_id) or row.amount for row in data.ranking}
    entries = reserve_list(data.ranking, data.funded, amounts, rejected(data.decisions))
    story: list[Flowable] = [c.text(t("export.ranking.reserve"), "h3")]
    if not entries:
        return [*story, c.text(t("export.ranking.reserve_none"), "body")]
    story.append(c.text(t("export.ranking.reserve_intro", amount=format_amount(data.funded_total())), "body"))
    rows = [[
        c.text(t("export.ranking.rank"), "cell_head_center"),
        c.text(t("export.ranking.application"), "cell_head"),
        c.text(t("export.ranking.recommendation"), "cell_head"),
        c.text(t("export.ranking.reserve_amount"), "cell_head_right"),
        c.text(t("export.ranking.cumulative"), "cell_head_right"),
        c.text(t("export.ranking.over_line"), "cell_head_right"),
    ]]
    for entry in entries:
        row = data.ranked(entry.application_id)
        rows.append([
            c.text(rank_label(row), "cell_center"),
            c.text(c.app_label(entry.application_id), "cell"),
            c.text(recommendation_text(data.decision(entry.application_id).recommendation), "cell"),
            c.text(format_amount(entry.amount, unit=False), "cell_right"),
            c.text(format_amount(entry.cumulative, unit=False), "cell_right"),
            c.text(format_amount(max(entry.cumulative - data.budget, 0.0), unit=False), "cell_right"),
        ])
    story.append(c.table(rows, [11 * mm, 60 * mm, 27 * mm, 23 * mm, 23 * mm, 21 * mm], c.grid_style()))
    return story


def proposals(c: Context) -> list[Flowable]:
    """The two proposals within the budget in force, each naming what it passes over."""
    data = c.data
    budget = data.budget
    weights = [criterion.weight for criterion in c.criteria.criteria]
    story: list[Flowable] = [c.text(t("export.ranking.proposals"), "h3")]
    by_rank, best_fit = propose(data.ranking, budget, weights, rejected(data.decisions))
    for key, passed_key, proposal in (
        ("export.ranking.proposal_by_rank", "export.ranking.passed_over_by_rank", by_rank),
        ("export.ranking.proposal_best_fit", "export.ranking.passed_over_best_fit", best_fit),
    ):
        text = t(key, applications=names(c, proposal.selected) or t("export.none"), amount=format_amount(proposal.total_amount))
        if proposal.passed_over:
            text += " " + t(passed_key, applications=names(c, proposal.passed_over))
        story.append(Paragraph(markup(text), c.s["bullet"], bulletText="•"))
    return story


def ranking(c: Context) -> list[Flowable]:
    s, data = c.s, c.data
    story = c.heading("h1", "ch-ranking", "2", t("chair.key.ranking.help"), 0)
    ranked = [row for row in data.ranking if row.rank is not None]
    funded_total = data.funded_total()
    budget = data.budget
    story.append(Paragraph(markup(t(
        "export.ranking.summary",
        ranked=len(ranked),
        count=len(data.ranking),
        selected=len(c.funded),
        amount=format_amount(funded_total),
        budget=format_amount(budget),
    )), s["body"]))
    if budget != c.session.budget:
        story.append(c.text(t("export.ranking.budget_chair", budget=format_amount(budget), session=format_amount(c.session.budget)), "body"))
    story.append(c.text(t("export.ranking.source_recommendation", select=recommendation_text(Recommendation.SELECT)), "body"))
    remaining = round(budget - funded_total, 2)
    if remaining < 0:
        story.append(c.text(t("export.ranking.over_budget", amount=format_amount(-remaining)), "warning"))
    elif remaining > 0:
        story.append(c.text(t("export.ranking.remaining", amount=format_amount(remaining)), "body"))

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
    last_funded = max((index for index, row in enumerate(data.ranking, start=1) if row.application_id in c.funded_set), default=0)
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
        if row.rank is None:
            notes.append(unranked_reason(c, row))
        elif row.votes < c.criteria.ranking.minimum_votes:
            notes.append(t("export.ranking.ranked_by_chair", votes=row.votes))
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
            rank_label(row),
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
    if last_funded:  # the funding line: below it, nothing is selected
        commands.append(("LINEBELOW", (0, last_funded), (-1, last_funded), 1.6, WARN))
    widths = [11 * mm, 46 * mm, 12 * mm, 30 * mm, 22 * mm, 22 * mm, 22 * mm]  # "Recommendation" fits whole
    story.append(c.table(rows, widths, commands))
    if last_funded:
        story.append(c.text(t("export.ranking.funding_line", amount=format_amount(funded_total), budget=format_amount(budget)), "caption"))
    story += tie_orders(c)
    story += unranked(c)
    story += reserve(c)
    story += proposals(c)
    story += totals_chart(c)
    story += budget_chart(c)
    return story

