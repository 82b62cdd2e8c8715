"""Chapter 3: one section per contract — verdict and motivation, the consolidated assessment per
criterion, the rules on the report's figures, spending against the plan over the years,
indicators, milestones and changed objectives."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from jury_tui.domain.follow_up import spending_totals
from jury_tui.formatting import DASH, format_compact, format_euro, format_percent
from jury_tui.i18n import t
from jury_tui.reports.advice_pdf.applications import band, spread_text
from jury_tui.reports.advice_pdf.styles import ACCENT, LIGHT, WARN_BACK, WIDTH
from jury_tui.reports.advice_pdf.text import markup, text_paragraphs
from jury_tui.reports.data_export import format_date
from jury_tui.reports.evaluation_data import ContractEvaluation
from jury_tui.reports.evaluation_pdf.charts import spending_chart
from jury_tui.reports.evaluation_pdf.context import EvaluationContext
from jury_tui.reports.evaluation_pdf.front import outcome_cell, unbroken
from jury_tui.reports.open_points import (
    REPORT_FIELD_KEYS,
    application_line,
    budget_line_label,
    figure_check_line,
)

FIELD_WORDS = REPORT_FIELD_KEYS


def contracts(c: EvaluationContext) -> list[Flowable]:
    story = c.heading("h1", "ch-contracts", "3", t("evaluation.ch.contracts"), 0)
    for index, item in enumerate(c.evaluation.contracts, start=1):
        if index > 1:
            story.append(PageBreak())
        story += contract(c, index, item)
    story.append(PageBreak())
    return story


def verdict_box(c: EvaluationContext, item: ContractEvaluation) -> Table:
    """The verdict in a shaded box under a rule, the way the advice shows a recommendation."""
    data = c.evaluation
    verdict = item.decision.verdict
    known = {v.id: v for v in c.criteria.verdicts}
    cells = [[c.para(f"{markup(t('evaluation.verdict.label'))} <b>{markup(data.verdict_text(item.application_id))}</b>", "body")]]
    if verdict in known and known[verdict].description is not None:
        cells.append([c.text(known[verdict].description.get(c.lang), "small")])
    table = Table(cells, colWidths=[WIDTH])
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), LIGHT if verdict in known else WARN_BACK),
        ("LINEABOVE", (0, 0), (-1, 0), 1.2, ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def contract(c: EvaluationContext, index: int, item: ContractEvaluation) -> list[Flowable]:
    session = c.session
    application = session.application(item.application_id)
    report = item.report
    story = c.heading("h2", f"contract-{item.application_id}", f"3.{index}", c.app_label(item.application_id), 1)
    story.append(c.text(application.title, "app_title"))
    period = t("evaluation.period", start=format_date(report.period_start), end=format_date(report.period_end))
    granted = format_euro(item.contract.subsidy)
    if item.contract.illustrative:  # as the juror's text and the chair's views mark it
        granted += " " + t("ui.facts.illustrative")
    facts = [(t("evaluation.fact.subsidy"), markup(granted))]
    if item.plan_differs:  # the rules' shares are of this plan, not of the subsidy above
        facts.append((t("evaluation.fact.plan"),
                      markup(t("evaluation.fact.plan_value", plan=unbroken(format_euro(item.report.planned_total)),
                               subsidy=unbroken(format_euro(item.contract.subsidy))))))
    facts.append((t("evaluation.fact.period"), markup(period)))
    if report.reported_on is not None:
        facts.append((t("evaluation.fact.reported_on"), markup(format_date(report.reported_on))))
    if report.ends_on is not None:
        facts.append((t("evaluation.fact.ends_on"), markup(format_date(report.ends_on))))
    if report.final:
        facts.append((t("evaluation.fact.final"), markup(t("evaluation.last_report"))))
    if report.source:
        facts.append((t("evaluation.fact.source"), markup(report.source)))
    if report.illustrative:  # said up front: figures the reader must not take as reported facts
        fields = ", ".join(t(FIELD_WORDS[name]) if name in FIELD_WORDS else name for name in report.illustrative)
        facts.append((t("evaluation.fact.illustrative"), markup(t("evaluation.illustrative", fields=fields))))
    story += [c.facts_table(facts), Spacer(1, 4 * mm)]

    # The verdict and its motivation first: what the minister reads if nothing else.
    story.append(verdict_box(c, item))
    points = c.gaps.applications.get(item.application_id)
    if points:
        story.append(c.text(t("advice.still_open", points=application_line(session, item.application_id, points)), "missing"))
    if item.decision.overall_motivation.strip():
        story += [Spacer(1, 2 * mm), *text_paragraphs(item.decision.overall_motivation, c.s["body"])]
    if report.summary.strip():
        story += [*c.text_heading(t("evaluation.sec.report_summary")), *text_paragraphs(report.summary, c.s["body"])]

    story += assessment(c, item)
    story += rule_checks(c, item)
    story += spending(c, item)
    story += indicators(c, item)
    changes = objective_changes(c, item)
    if item.report.objective_changes:
        story += milestones(c, item) + changes
    else:  # the one line "no changes" goes with the milestones: never alone on the contract's last page
        story += milestones(c, item, after=changes)
    return story


def assessment(c: EvaluationContext, item: ContractEvaluation) -> list[Flowable]:
    """The consensus score and motivation per criterion, with the jurors' spread as the advice shows it."""
    story: list[Flowable] = [c.text(t("export.app.criteria"), "h3")]
    scale = c.criteria.scale
    stats_of = c.evaluation.aggregates.get(item.application_id)
    for criterion in c.criteria.criteria:
        consensus = item.decision.get(criterion.id)
        score = t("evaluation.score", score=consensus.score, max=scale.max) if consensus.score is not None \
            else t("evaluation.no_score")
        bar = band(c.text(criterion.name.get(c.lang), "criterion"), c.text(score, "criterion_score"))
        story += [CondPageBreak(30 * mm), bar]
        stats = stats_of.criteria.get(criterion.id) if stats_of is not None else None
        if stats is not None and stats.count:
            story.append(c.text(spread_text(stats), "spread"))
        else:
            story.append(Spacer(1, 3))
        if consensus.motivation.strip():
            story += text_paragraphs(consensus.motivation, c.s["body"])
        elif criterion.motivation_required:
            story.append(c.text(t("advice.gap.motivation", criterion=criterion.name.get(c.lang)), "missing"))
        if consensus.minority_view.strip():
            story.append(c.text(t("export.app.minority"), "minority_label"))
            story += text_paragraphs(consensus.minority_view, c.s["minority"])
    return story


def rule_checks(c: EvaluationContext, item: ContractEvaluation) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(35 * mm), c.text(t("evaluation.sec.rules"), "h3")]
    if not item.checks:
        return [*story, c.text(t("evaluation.rules.none"), "body")]
    rows = [[c.text(t("evaluation.col.rule"), "cell_head"), c.text(t("letters.outcome"), "cell_head")]]
    commands = c.grid_style()
    for index, check in enumerate(item.checks, start=1):
        rows.append([c.text(unbroken(figure_check_line(check)), "cell"), outcome_cell(c, check.outcome)])
        if check in item.flagged:
            commands.append(("BACKGROUND", (0, index), (-1, index), WARN_BACK))
    story.append(c.table(rows, [WIDTH - 30 * mm, 30 * mm], commands))
    return story


def figure_width(c: EvaluationContext, cell: Paragraph) -> float:
    """The width a right-aligned figure needs on one line, with the cell's padding (4 pt a side)."""
    style = cell.style
    return stringWidth(cell.text, style.fontName, style.fontSize) + 9


def _euro(value: float | None) -> str:
    return format_euro(value) if value is not None else t("export.outcome.unknown")


def _percent(value: float | None) -> str:
    return format_percent(value) if value is not None else t("export.outcome.unknown")


def amount(value: float | None) -> str:
    """An amount in a table, never broken ('€ 1.250.000.000' on one line)."""
    return unbroken(_euro(value))


def spending(c: EvaluationContext, item: ContractEvaluation) -> list[Flowable]:
    """The chart of this year, then the budget lines with the spending of every year side by side."""
    story: list[Flowable] = [CondPageBreak(60 * mm), c.text(t("evaluation.sec.spending"), "h3")]
    if not item.spending:
        return [*story, c.text(t("evaluation.spending.none"), "body")]
    year = c.evaluation.year
    story += spending_chart(c, item.spending, year)
    years = [report.year for report in item.history]
    head = [c.text(t("evaluation.col.line"), "cell_head"), c.text(t("evaluation.col.planned"), "cell_head_right")]
    head += [c.text(t("evaluation.col.spent_in", year=y), "cell_head_right") for y in years]
    head.append(c.text(t("evaluation.col.share_of_plan"), "cell_head_right"))
    rows = [head]
    for line in item.spending:
        rows.append([
            c.text(budget_line_label(line.name, line.infrastructure), "cell"),
            c.text(amount(line.planned), "cell_right"),
            *[c.text(amount(line.spent.get(y)), "cell_right") for y in years],
            c.text(_percent(line.share(year)), "cell_right"),
        ])
    # From the reports' own totals, never the rows added: a line renamed over the years is a row of its own.
    total = spending_totals(item.history)
    totals = [c.text(t("chair.ui.overview.column_total"), "cell_head"), c.text(amount(total.planned), "cell_head_right")]
    totals += [c.text(amount(total.spent.get(y)), "cell_head_right") for y in years]
    totals.append(c.text(_percent(total.share(year)), "cell_head_right"))
    rows.append(totals)
    number = max(22 * mm, *(figure_width(c, cell) for row in rows[1:] for cell in row[1:]))
    widths = [WIDTH - number * (len(years) + 2), number, *[number] * len(years), number]
    commands = [*c.grid_style(), ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT)]
    story += [Spacer(1, 2 * mm), c.table(rows, widths, commands)]
    return story


def _figure(value: float | None, absent: str | None = None) -> str:
    """A figure of an indicator; absent: unknown (a measurement), or a dash (no baseline or target set)."""
    if value is None:
        return absent if absent is not None else t("export.outcome.unknown")
    return format_compact(value, 2)


def indicators(c: EvaluationContext, item: ContractEvaluation) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(35 * mm), c.text(t("evaluation.sec.indicators"), "h3")]
    if not item.indicators:
        return [c.text(t("evaluation.indicators.none"), "body")]
    years = [report.year for report in item.history]
    head = [c.text(t("evaluation.col.indicator"), "cell_head"), c.text(t("evaluation.col.baseline"), "cell_head_right"),
            c.text(t("evaluation.col.target"), "cell_head_right")]
    head += [c.text(str(y), "cell_head_right") for y in years]
    head.append(c.text(t("evaluation.col.progress"), "cell_head_right"))
    rows = [head]
    for indicator in item.indicators:
        name = markup(indicator.name)
        if indicator.unit:
            name += f" <font size='7.5' color='#5b6675'>({markup(indicator.unit)})</font>"
        rows.append([
            c.para(name, "cell"),
            c.text(_figure(indicator.baseline, DASH), "cell_right"),
            c.text(_figure(indicator.target, DASH), "cell_right"),
            *[c.text(_figure(indicator.measured.get(y)), "cell_right") for y in years],
            c.text(format_percent(indicator.progress) if indicator.progress is not None else t("export.outcome.unknown"),
                   "cell_right"),
        ])
    figure, year_width = 27 * mm, 18 * mm  # 'Streefwaarde' on one line
    widths = [WIDTH - 2 * figure - year_width * len(years) - 20 * mm, figure, figure, *[year_width] * len(years), 20 * mm]
    story.append(c.table(rows, widths, c.grid_style()))
    story.append(c.text(t("evaluation.indicators.caption"), "caption"))
    return story


def milestones(c: EvaluationContext, item: ContractEvaluation, after: list[Flowable] = ()) -> list[Flowable]:
    heading = c.text(t("evaluation.sec.milestones"), "h3")
    story: list[Flowable] = [CondPageBreak(30 * mm)]
    report = item.report
    if not report.milestones:
        return [KeepTogether([c.text(t("evaluation.milestones.none"), "body"), *after])]
    rows = [[c.text(t("evaluation.col.milestone"), "cell_head"), c.text(t("evaluation.col.milestone_planned"), "cell_head"),
             c.text(t("evaluation.col.milestone_actual"), "cell_head"), c.text(t("evaluation.col.days_late"), "cell_head_right")]]
    commands = c.grid_style()
    late = {milestone.name: days for milestone, days in item.late}
    for index, milestone in enumerate(report.milestones, start=1):
        days = milestone.days_late(report.period_end)
        rows.append([
            c.text(milestone.name, "cell"),
            c.text(format_date(milestone.planned), "cell"),
            c.text(format_date(milestone.actual) if milestone.actual else t("evaluation.milestone.open"), "cell"),
            c.text(str(days) if days else "–", "cell_right"),
        ])
        if milestone.name in late:
            commands.append(("BACKGROUND", (3, index), (3, index), WARN_BACK))
    # heading, table and note together: neither the heading alone at the foot of a page nor the
    # note alone at the top of the next (a KeepTogether does not chain to a heading before it)
    story.append(KeepTogether([heading, c.table(rows, [WIDTH - 95 * mm, 32 * mm, 38 * mm, 25 * mm], commands),
                               c.text(t("evaluation.milestones.caption", date=format_date(report.period_end)), "caption"),
                               *after]))
    return story


def objective_changes(c: EvaluationContext, item: ContractEvaluation) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(30 * mm), c.text(t("evaluation.sec.changes"), "h3")]
    changes = item.report.objective_changes
    if not changes:
        return [c.text(t("evaluation.changes.none"), "body")]  # one line, no heading of its own
    for change in changes:
        story.append(Paragraph(f"<b>{markup(change.change)}</b>", c.s["bullet"], bulletText="•"))
        story.append(c.para(f"{markup(t('evaluation.changes.reason'))} {markup(change.reason)}",
                            "minority"))
    return story
