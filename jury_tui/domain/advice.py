"""Whether the advice is complete and consistent: what is still open, per application and for the
session as a whole. One rule for every place that asks (`export --strict`, the export dialog, the
overview's status line and ✓ marks, the letters).

An application's decision is complete when every criterion has its consensus score and required
motivation, the recommendation is set, and the overall motivation is written for that
recommendation. It is consistent when an amount comes only with selecteren or reserve, an advice to
fund meets the call's rules at the advised amount, it has the minimum of voting scores (or the
chair's motivated choice to rank it anyway), and a tie that decides an outcome (different advice,
or a place on the reserve list) has the chair's order. The session is open while the funded amounts exceed the budget or the meeting is not on
record (date, chair, attendees).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from jury_tui.domain.applications import Application
from jury_tui.domain.consensus import (
    ApplicationDecision,
    Recommendation,
    default_amount,
)
from jury_tui.domain.criteria import CriteriaSet
from jury_tui.domain.deliberation import Deliberation
from jury_tui.domain.eligibility import (
    EligibilityCheck,
    Outcome,
    check_eligibility,
    overall_outcome,
)
from jury_tui.domain.follow_up import report_checks
from jury_tui.domain.ranking import RankedApplication
from jury_tui.domain.session import SessionDefinition


class Gap(StrEnum):
    """What can be open in an advice; the user's words are `advice.gap.<value>` in the catalogue."""

    SCORE = "score"  # a criterion without consensus score
    MOTIVATION = "motivation"  # a criterion without its required consensus motivation
    RECOMMENDATION = "recommendation"
    OVERALL_MOTIVATION = "overall_motivation"
    MOTIVATION_STALE = "motivation_stale"  # written for another recommendation than the one in force
    AMOUNT_WITHOUT_FUNDING = "amount_without_funding"  # an advised amount with "niet selecteren"
    NOT_ELIGIBLE = "not_eligible"  # advised to fund while a rule of the call is not met at the advised amount
    TOO_FEW_VOTES = "too_few_votes"  # advised to fund with fewer voting scores than the minimum, unmotivated
    TIE_UNORDERED = "tie_unordered"  # tied with applications that get another recommendation, no order set
    OVER_BUDGET = "over_budget"  # session: the selected amounts exceed the budget
    MEETING = "meeting"  # session: the meeting's date, chair or attendees are not on record
    VERDICT = "verdict"  # follow-up round: no verdict on the contract
    VERDICT_RULES = "verdict_rules"  # follow-up round: a verdict that needs every rule met, while one is not


@dataclass(frozen=True, slots=True)
class OpenPoint:
    gap: Gap
    criterion_id: str | None = None  # SCORE, MOTIVATION
    # NOT_ELIGIBLE, VERDICT_RULES: the rules not met; TIE_UNORDERED: the others in the tie
    related: tuple[str, ...] = ()
    verdict: str | None = None  # VERDICT_RULES: the verdict given


@dataclass(frozen=True, slots=True)
class AdviceGaps:
    applications: dict[str, list[OpenPoint]]  # only applications with something open, in session order
    session: list[OpenPoint]

    @property
    def complete(self) -> bool:
        return not self.applications and not self.session

    def count(self) -> int:
        return sum(len(points) for points in self.applications.values()) + len(self.session)


def granted_amount(application: Application, criteria: CriteriaSet, decision: ApplicationDecision | None) -> float | None:
    """The amount the rules are checked against: the amount the advice carries (the chair's, or the
    request capped) for selecteren or reserve; else what the chair set, if anything (None: the request)."""
    if decision is None:
        return None
    if decision.recommendation is not None and decision.recommendation.funded:
        return default_amount(application, criteria, decision)
    return decision.advised_amount


def eligibility_at_advice(
    session: SessionDefinition, decisions: Mapping[str, ApplicationDecision]
) -> dict[str, list[EligibilityCheck]]:
    """The call's rules per application, at the amount the advice carries (the subsidy granted: the
    cap and the infrastructure share), else at the request."""
    rules = session.criteria.eligibility
    return {
        application.id: check_eligibility(application, rules, granted_amount(application, session.criteria,
                                                                             decisions.get(application.id)))
        for application in session.applications
    }


def application_gaps(
    criteria: CriteriaSet,
    decision: ApplicationDecision,
    checks: Sequence[EligibilityCheck],
    row: RankedApplication | None,
    tie_recommendations: Mapping[str, Recommendation | None] | None = None,
) -> list[OpenPoint]:
    """What is open for one application (see the module's rules). `tie_recommendations`: the
    recommendation of every application in the session, to see whether a tie decides an outcome."""
    points: list[OpenPoint] = []
    for criterion in criteria.criteria:
        consensus = decision.get(criterion.id)
        if consensus.score is None:
            points.append(OpenPoint(Gap.SCORE, criterion.id))
        if criterion.motivation_required and not consensus.motivation.strip():
            points.append(OpenPoint(Gap.MOTIVATION, criterion.id))
    recommendation = decision.recommendation
    if recommendation is None:
        points.append(OpenPoint(Gap.RECOMMENDATION))
    if not decision.overall_motivation.strip():
        points.append(OpenPoint(Gap.OVERALL_MOTIVATION))
    elif recommendation is not None and decision.motivation_for is not recommendation:
        points.append(OpenPoint(Gap.MOTIVATION_STALE))
    if decision.advised_amount is not None and (recommendation is None or not recommendation.funded):
        points.append(OpenPoint(Gap.AMOUNT_WITHOUT_FUNDING))
    funded = recommendation is not None and recommendation.funded
    if funded and overall_outcome(list(checks)) is Outcome.NOT_MET:
        failed = tuple(check.rule_id for check in checks if check.outcome is Outcome.NOT_MET)
        points.append(OpenPoint(Gap.NOT_ELIGIBLE, related=failed))
    if row is not None:
        if funded and row.too_few_votes:
            points.append(OpenPoint(Gap.TOO_FEW_VOTES))
        if row.ex_aequo and tie_recommendations is not None:
            others = tuple(aid for aid in row.tied_with if aid != decision.application_id)
            # The order decides an outcome when the tied get different advice, or when they are on the
            # reserve list: its order says who is funded first if money frees up.
            if recommendation is Recommendation.RESERVE or any(tie_recommendations.get(aid) != recommendation for aid in others):
                points.append(OpenPoint(Gap.TIE_UNORDERED, related=others))
    return points


def advice_gaps(
    session: SessionDefinition,
    decisions: Mapping[str, ApplicationDecision],
    deliberation: Deliberation,
    ranking: Sequence[RankedApplication],
    eligibility: Mapping[str, Sequence[EligibilityCheck]] | None = None,
) -> AdviceGaps:
    """Everything still open in the advice (empty when it may be exported). `eligibility`: as
    `eligibility_at_advice` gives it, when the caller has it already."""
    if session.criteria.follow_up:
        return evaluation_gaps(session, decisions, deliberation)
    checks = eligibility if eligibility is not None else eligibility_at_advice(session, decisions)
    rows = {row.application_id: row for row in ranking}
    recommendations = {
        application.id: (decisions[application.id].recommendation if application.id in decisions else None)
        for application in session.applications
    }
    found = {}
    for application in session.applications:
        decision = decisions.get(application.id) or ApplicationDecision(application_id=application.id)
        points = application_gaps(session.criteria, decision, checks[application.id], rows.get(application.id),
                                  recommendations)
        if points:
            found[application.id] = points
    overall: list[OpenPoint] = []
    budget = deliberation.budget_or(session.budget)
    selected_cents = sum(
        round(rows[aid].amount * 100) for aid, recommendation in recommendations.items()
        if recommendation is Recommendation.SELECT and aid in rows
    )
    if selected_cents > round(budget * 100):
        overall.append(OpenPoint(Gap.OVER_BUDGET))
    if not deliberation.meeting.recorded:
        overall.append(OpenPoint(Gap.MEETING))
    return AdviceGaps(applications=found, session=overall)


def evaluation_gaps(
    session: SessionDefinition, decisions: Mapping[str, ApplicationDecision], deliberation: Deliberation
) -> AdviceGaps:
    """What is still open in a follow-up round's evaluation report: per contract the consensus per
    criterion, a verdict of the criteria file and its motivation, and no verdict that needs every rule
    met (`only_when_rules_met`) while a rule is not met on this year's report; for the round, the
    meeting on record. No amounts, budget or ranking: the contracts are granted already."""
    verdicts = {verdict.id: verdict for verdict in session.criteria.verdicts}
    found = {}
    for application in session.applications:
        decision = decisions.get(application.id) or ApplicationDecision(application_id=application.id)
        points = [point for point in application_gaps(session.criteria, decision, (), None)
                  if point.gap in (Gap.SCORE, Gap.MOTIVATION)]
        if decision.verdict not in verdicts:
            points.append(OpenPoint(Gap.VERDICT))
        elif verdicts[decision.verdict].only_when_rules_met and session.follow_up is not None:
            checks = report_checks(session.follow_up.report(application.id), session.criteria.eligibility)
            failed = tuple(dict.fromkeys(check.rule_id for check in checks if check.outcome is Outcome.NOT_MET))
            if failed:
                points.append(OpenPoint(Gap.VERDICT_RULES, related=failed, verdict=decision.verdict))
        if not decision.overall_motivation.strip():
            points.append(OpenPoint(Gap.OVERALL_MOTIVATION))
        elif decision.motivation_verdict is not None and decision.motivation_verdict != decision.verdict:
            points.append(OpenPoint(Gap.MOTIVATION_STALE))
        if points:
            found[application.id] = points
    overall = [] if deliberation.meeting.recorded else [OpenPoint(Gap.MEETING)]
    return AdviceGaps(applications=found, session=overall)
