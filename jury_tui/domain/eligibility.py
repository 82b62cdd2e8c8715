"""Formal eligibility of an application against the criteria file's rules (call §3–§4)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from jury_tui.domain.applications import Application, Approval
from jury_tui.domain.criteria import EligibilityRule, RuleKind


class Outcome(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


class HasOutcome(Protocol):
    """A rule applied to something: to an application here, to a progress report's figures
    (domain/follow_up.FigureCheck)."""

    @property
    def outcome(self) -> Outcome: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class EligibilityCheck:
    """One rule applied to one application: the outcome and the figures it rests on."""

    rule_id: str
    kind: RuleKind
    outcome: Outcome
    value: float | str | None = None
    limit: float | str | None = None


def at_most(value: float | None, limit: float) -> Outcome:
    if value is None:
        return Outcome.UNKNOWN
    return Outcome.MET if value <= limit else Outcome.NOT_MET


def share(part: float | None, whole: float | None) -> float | None:
    """part / whole, rounded to 12 decimals: exactly 20 % is 0.2 whatever noise floating point adds
    (0.07 / 0.35 is 0.20000000000000004), while one cent short of 20 % of ten million (1e-9 short)
    still falls short. None when either is missing or the whole is not positive."""
    if part is None or whole is None or whole <= 0:
        return None
    return round(part / whole, 12)


def check_rule(application: Application, rule: EligibilityRule, granted: float | None = None) -> EligibilityCheck:
    """`granted`: the amount the jury advises; the cap and the infrastructure share are then checked
    against it (the subsidy granted), else against the request."""
    kind = rule.kind
    value: float | str | None
    limit: float | str | None = rule.limit
    subsidy = application.requested_subsidy if granted is None else granted
    if kind is RuleKind.MAX_SUBSIDY:
        value = subsidy
        outcome = at_most(value, rule.limit)
    elif kind is RuleKind.MIN_CO_FINANCING_SHARE:
        value = share(application.co_financing, application.budgeted_cost)
        outcome = Outcome.UNKNOWN if value is None else (Outcome.MET if value >= rule.limit else Outcome.NOT_MET)
    elif kind is RuleKind.MAX_INFRASTRUCTURE_SHARE:
        value = share(application.infrastructure_amount, subsidy)
        if application.infrastructure_amount == 0:
            value = 0.0
        outcome = at_most(value, rule.limit)
    elif kind is RuleKind.MAX_DURATION_MONTHS:
        value = None if application.duration_months is None else float(application.duration_months)
        outcome = at_most(value, rule.limit)
    elif kind is RuleKind.SUBMISSION_DEADLINE:
        submitted = application.submitted_at
        value = submitted.isoformat() if submitted else None
        limit = rule.deadline.isoformat()
        if submitted is None:
            outcome = Outcome.UNKNOWN
        elif submitted.tzinfo is None:
            outcome = Outcome.MET if submitted <= rule.deadline.replace(tzinfo=None) else Outcome.NOT_MET
        else:
            outcome = Outcome.MET if submitted <= rule.deadline else Outcome.NOT_MET
    elif kind is RuleKind.NO_DOUBLE_SUBSIDY:
        flag = application.other_flemish_subsidy
        value = None if flag is None else ("yes" if flag else "no")
        outcome = Outcome.UNKNOWN if flag is None else (Outcome.NOT_MET if flag else Outcome.MET)
    elif kind is RuleKind.APPROVED_BY_COUNCIL:
        approval = application.approved_by
        value = approval.value if approval else None
        outcome = Outcome.UNKNOWN if approval is None else (Outcome.NOT_MET if approval is Approval.NONE else Outcome.MET)
    elif kind is RuleKind.CONTRACT_END:
        ends_on = application.ends_on
        value = ends_on.isoformat() if ends_on else None
        limit = rule.ends_by.isoformat()
        outcome = Outcome.UNKNOWN if ends_on is None else (Outcome.MET if ends_on <= rule.ends_by else Outcome.NOT_MET)
    else:  # pragma: no cover - RuleKind is exhaustive
        raise ValueError(kind)
    return EligibilityCheck(rule_id=rule.id, kind=kind, outcome=outcome, value=value, limit=limit)


def check_eligibility(
    application: Application, rules: list[EligibilityRule], granted: float | None = None
) -> list[EligibilityCheck]:
    """Every rule on one application; `granted` as in `check_rule`."""
    return [check_rule(application, rule, granted) for rule in rules]


def overall_outcome(checks: Iterable[EligibilityCheck | HasOutcome]) -> Outcome:
    """Not met if any rule fails; unknown if any is unknown; otherwise met."""
    outcomes = {check.outcome for check in checks}
    if Outcome.NOT_MET in outcomes:
        return Outcome.NOT_MET
    if Outcome.UNKNOWN in outcomes:
        return Outcome.UNKNOWN
    return Outcome.MET
