"""The conditions of the call per application: the figures each check rests on, its limit and outcome."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph
from reportlab.platypus.flowables import Flowable

from jury_tui.domain.criteria import RuleKind
from jury_tui.domain.eligibility import EligibilityCheck
from jury_tui.i18n import t
from jury_tui.reports.advice_pdf.context import Context
from jury_tui.reports.advice_pdf.text import markup
from jury_tui.reports.data_export import (
    format_amount,
    format_date,
    format_datetime,
    format_percent,
    format_score,
    outcome_text,
)


def figures_of(application, check: EligibilityCheck) -> tuple[str, set[str]]:
    """The figures a check rests on, as a reader wants them, and the application fields they come from."""
    kind = check.kind
    unknown = t("export.figure.unknown")
    if kind is RuleKind.MAX_SUBSIDY:  # the amount checked: the advised one where the chair set it
        amount = check.value if isinstance(check.value, (int, float)) else application.requested_subsidy
        return format_amount(amount), {"requested_subsidy"}
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
    if kind is RuleKind.CONTRACT_END:
        if application.ends_on is None:
            return unknown, {"ends_on"}
        return t("export.figure.ends", date=format_date(application.ends_on)), {"ends_on"}
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


def limit_text(kind: RuleKind, check: EligibilityCheck) -> str:
    limit = check.limit
    if kind is RuleKind.MAX_SUBSIDY and isinstance(limit, (int, float)):
        return t("export.limit.at_most", value=format_amount(limit))
    if kind is RuleKind.MIN_CO_FINANCING_SHARE and isinstance(limit, (int, float)):
        return t("export.limit.at_least", value=format_percent(limit))
    if kind is RuleKind.MAX_INFRASTRUCTURE_SHARE and isinstance(limit, (int, float)):
        return t("export.limit.at_most", value=format_percent(limit))
    if kind is RuleKind.MAX_DURATION_MONTHS and isinstance(limit, (int, float)):
        return t("export.limit.at_most", value=t("ui.facts.duration", months=format_score(limit)))
    if kind is RuleKind.CONTRACT_END and isinstance(limit, str):
        return t("export.limit.ends_by", value=format_date(dt.date.fromisoformat(limit)))
    if kind is RuleKind.SUBMISSION_DEADLINE and isinstance(limit, str):
        return t("export.limit.deadline", value=format_datetime(dt.datetime.fromisoformat(limit)))
    return t("export.none")


def conditions(c: Context, application_id: str) -> list[Flowable]:
    s, lang = c.s, c.lang
    application = c.session.application(application_id)
    illustrative = set(application.illustrative)
    rules = {rule.id: rule for rule in c.criteria.eligibility}
    rows = [[
        c.text(t("export.app.condition"), "cell_head"),
        c.text(t("export.app.figures"), "cell_head"),
        c.text(t("export.app.limit"), "cell_head"),
        c.text(t("export.app.outcome"), "cell_head"),
    ]]
    commands = c.grid_style()
    any_illustrative = False
    for index, check in enumerate(c.data.eligibility[application_id], start=1):
        rule = rules[check.rule_id]
        figure, fields = figures_of(application, check)
        figure = markup(figure)
        if fields & illustrative:
            figure += "&nbsp;*"  # the mark stays with its figure
            any_illustrative = True
        rows.append([
            c.text(rule.name.get(lang), "cell"),
            c.para(figure, "cell"),
            c.text(limit_text(rule.kind, check), "cell"),
            Paragraph(markup(outcome_text(check.outcome)), s[f"outcome_{check.outcome.value}"]),
        ])
    story: list[Flowable] = [c.table(rows, [58 * mm, 52 * mm, 30 * mm, 25 * mm], commands)]
    if any_illustrative:
        story.append(c.text(t("export.app.illustrative"), "caption"))
    return story
