"""A contract's progress report as the juror reads it in a follow-up round (issue 15): the report of
the round's year with its figures (the call's rules on them, spending and indicators across the years
the round holds, late milestones, changes, obstacles, asks), its free sections, and then the original
application. Only the report's sections and summary, and the application's, are Markdown; every
other text from a file is shown as typed (`literal`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from jury_tui.domain.applications import Application, Section
from jury_tui.domain.criteria import EligibilityRule
from jury_tui.domain.eligibility import Outcome
from jury_tui.domain.follow_up import (
    FollowUpRound,
    ProgressReport,
    indicators_over_years,
    report_checks,
    spending_over_years,
    spending_totals,
)
from jury_tui.formatting import DASH, format_compact, format_euro, format_percent
from jury_tui.i18n import t
from jury_tui.reports.open_points import (
    REPORT_FIELD_KEYS,
    budget_line_label,
    figure_check_line,
)
from jury_tui.ui.widgets.application_text import (
    HARD_BREAK,
    ApplicationText,
    key_figures,
    literal,
)

MARKERS = {Outcome.MET: "✓", Outcome.NOT_MET: "⚠", Outcome.UNKNOWN: "ℹ"}
FIELD_KEYS = REPORT_FIELD_KEYS
_HEADING = re.compile(r"^(#{1,5})(?=\s|$)")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def _date(day: dt.date | None) -> str:
    return DASH if day is None else day.strftime(t("format.date"))


def _cell(text: str) -> str:
    """Text in a table cell: as typed (`literal` escapes a |, so it cannot end the cell)."""
    return literal(text)


def _thousands(amount: float | None) -> str:
    """An amount in thousands of euro, as the tables show it (the column says so): 195000 -> '195'."""
    return format_compact(None if amount is None else amount / 1000, 1)


def _rows(header: Sequence[str], rows: Sequence[Sequence[str]], right_from: int) -> str:
    """A Markdown table; columns from `right_from` on are figures (aligned right)."""
    align = ["---" if index < right_from else "--:" for index in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def check_lines(report: ProgressReport, rules: Sequence[EligibilityRule]) -> list[str]:
    """The call's rules on the report's own figures, one line each: ✓ met, ⚠ not met, ℹ unknown."""
    lines = []
    for check in report_checks(report, rules):
        line = f"{MARKERS[check.outcome]} {figure_check_line(check)}"
        if report.check_is_illustrative(check):
            line += " " + t("ui.facts.illustrative")
        lines.append(line)
    return lines


def heading_lines(round_: FollowUpRound, report: ProgressReport, rules: Sequence[EligibilityRule]) -> list[str]:
    """Which report it is, the subsidy granted, the rules on its figures."""
    what = [t("follow_up.juror.report_line", year=report.year), t("follow_up.juror.period", start=_date(report.period_start),
                                                                  end=_date(report.period_end))]
    if report.final:
        what.append(t("follow_up.juror.final"))
    lines = [" · ".join(what)]
    contract = round_.contract(report.contract)
    if contract.subsidy is not None:
        granted = t("follow_up.juror.granted", amount=format_euro(contract.subsidy))
        lines.append(granted + (" " + t("ui.facts.illustrative") if contract.illustrative else ""))
    return lines + check_lines(report, rules)


def _spending(reports: list[ProgressReport], report: ProgressReport) -> list[str]:
    rows = spending_over_years(reports)
    if not rows:
        return []
    years = [older.year for older in reports]
    header = [t("follow_up.chair.years.line"), t("evaluation.col.planned")]
    header += [t("follow_up.juror.col.spent", year=year) for year in years] + [t("evaluation.col.share_of_plan")]
    body = [[_cell(budget_line_label(row.name, row.infrastructure)), _thousands(row.planned),
             *(_thousands(row.spent[year]) for year in years), format_percent(row.share(years[-1]))]
            for row in rows]
    totals = spending_totals(reports)
    body.append([f"**{literal(t('chair.ui.overview.column_total'))}**", _thousands(totals.planned),
                 *(_thousands(totals.spent[year]) for year in years), format_percent(totals.share(years[-1]))])
    title = t("follow_up.juror.budget")
    if report.is_illustrative("budget_lines.spent"):
        title += " " + t("ui.facts.illustrative")
    return [f"## {literal(title)}", literal(t("follow_up.juror.budget_note")), _rows(header, body, 1)]


def _indicators(reports: list[ProgressReport], report: ProgressReport) -> list[str]:
    rows = indicators_over_years(reports)
    if not rows:
        return []
    years = [older.year for older in reports]
    header = [t("evaluation.col.indicator"), t("follow_up.juror.col.baseline"), t("follow_up.juror.col.target"),
              *(str(year) for year in years), t("follow_up.juror.col.progress")]
    body = []
    for row in rows:
        name = t("follow_up.juror.with_unit", name=row.name, unit=row.unit) if row.unit else row.name
        body.append([_cell(name), format_compact(row.baseline), format_compact(row.target),
                     *(format_compact(row.measured[year]) for year in years), format_percent(row.progress)])
    title = t("evaluation.sec.indicators")
    if report.is_illustrative("indicators"):
        title += " " + t("ui.facts.illustrative")
    return [f"## {literal(title)}", _rows(header, body, 1)]


def _milestones(report: ProgressReport) -> list[str]:
    if not report.milestones:
        return []
    late = {milestone.name: days for milestone, days in report.late_milestones()}
    items = []
    for milestone in report.milestones:
        if milestone.actual is not None:
            when = t("follow_up.juror.reached", planned=_date(milestone.planned), actual=_date(milestone.actual))
        else:
            when = t("follow_up.juror.not_reached", planned=_date(milestone.planned))
        days = late.get(milestone.name)
        mark = "⚠ " if days else ""
        line = f"{mark}{milestone.name}: {when}"
        if days:
            line += " — " + t("follow_up.juror.days_late", count=days)
        items.append(f"- {literal(line)}")
    title = t("evaluation.sec.milestones")
    if report.is_illustrative("milestones"):
        title += " " + t("ui.facts.illustrative")
    return [f"## {literal(title)}", "\n".join(items)]


def _changes_obstacles_asks(report: ProgressReport) -> list[str]:
    parts = []
    if report.objective_changes:
        parts.append(f"## {literal(t('evaluation.sec.changes'))}")
        parts.append("\n".join(f"- **{literal(change.change)}**{HARD_BREAK}{literal(t('follow_up.juror.reason', reason=change.reason))}"
                               for change in report.objective_changes))
    if report.obstacles:
        parts.append(f"## {literal(t('follow_up.chair.key.network'))}")
        parts.append("\n".join(f"- {literal(obstacle)}" for obstacle in report.obstacles))
    if report.asks:
        parts.append(f"## {literal(t('follow_up.juror.asks'))}")
        agencies: dict[str, list[str]] = {}
        for ask in report.asks:
            agencies.setdefault(ask.agency, []).append(ask.ask)
        parts.append("\n".join(f"- **{literal(agency)}**: {literal(' · '.join(asks))}" for agency, asks in agencies.items()))
    return parts


def _source(report: ProgressReport) -> list[str]:
    lines = []
    if report.source:
        lines.append(t("follow_up.chair.years.source", source=report.source))
    if report.illustrative:
        names = [t(FIELD_KEYS[name]) if name in FIELD_KEYS else name for name in report.illustrative]
        lines.append(t("follow_up.juror.illustrative_fields", fields=", ".join(names)))
    if report.reported_on is not None:
        lines.insert(0, t("follow_up.juror.reported_on", date=_date(report.reported_on)))
    return [HARD_BREAK.join(literal(line) for line in lines)] if lines else []


def demoted(body: str) -> str:
    """A section's Markdown one heading level lower (## → ###), outside fenced code: the application's
    sections sit under the report's heading "Original application"."""
    lines, fenced = [], False
    for line in body.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            line = _HEADING.sub(lambda match: match.group(1) + "#", line)
        lines.append(line)
    return "\n".join(lines)


def _sections(sections: Sequence[Section], level: str, demote: bool = False) -> list[str]:
    parts = []
    for section in sections:
        parts.append(f"{level} {literal(section.heading)}")
        parts.append(demoted(section.body) if demote else section.body)
    return parts


def original_application(application: Application) -> list[str]:
    year = application.submitted_at.year if application.submitted_at is not None else None
    title = t("follow_up.juror.original", year=year) if year else t("follow_up.juror.original_undated")
    lines = [key_figures(application)]
    if application.partners:
        lines.append(t("ui.facts.partners", names=" · ".join(application.partners)))
    parts = [f"## {literal(title)}", f"**{literal(application.title)}**", HARD_BREAK.join(literal(line) for line in lines)]
    if application.summary.strip():
        parts.append(f"*{' '.join(application.summary.split())}*")
    return parts + _sections(application.sections, "###", demote=True)


def report_markdown(application: Application, round_: FollowUpRound, rules: Sequence[EligibilityRule] = ()) -> str:
    """The contract's text in a follow-up round: this year's report with its figures, then the
    original application (its sections a level lower)."""
    report = round_.report(application.id)
    history = round_.history(application.id)
    parts = [f"**{literal(application.title)}**",
             HARD_BREAK.join(literal(line) for line in heading_lines(round_, report, rules))]
    if report.summary.strip():
        parts.append(f"*{' '.join(report.summary.split())}*")
    parts += _spending(history, report)
    parts += _indicators(history, report)
    parts += _milestones(report)
    parts += _changes_obstacles_asks(report)
    parts += _source(report)
    parts += _sections(report.sections, "##")
    parts += original_application(application)
    return "\n\n".join(parts)


class ProgressReportText(ApplicationText):
    """The text widget of a follow-up round: the contract's progress report before its application."""

    # The text beside the list and the panel is about 50 columns at 80×24: tables without the cells'
    # padding (the lines between the columns keep them apart), so figures are not cut to "195.0…".
    DEFAULT_CSS = """
    ProgressReportText MarkdownTableContent > .cell,
    ProgressReportText MarkdownTableContent > .header {
        padding: 0 0;
    }
    """

    def __init__(self, follow_up: FollowUpRound, rules: Sequence[EligibilityRule] = (), **kwargs) -> None:
        super().__init__(rules, **kwargs)
        self.follow_up = follow_up

    def markdown(self, application: Application) -> str:
        return report_markdown(application, self.follow_up, self.rules)
