"""What is still open in an advice (domain/advice.py), in the user's words: one place for the
export's refusal, the export dialog, the overview's status line and the CLI. Also the wording of an
eligibility check ("cofinanciering 15,1 % (min. 20 %)"), for the chair's detail and the juror's
application text alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from jury_tui.domain.advice import AdviceGaps, Gap, OpenPoint
from jury_tui.domain.criteria import RuleKind
from jury_tui.domain.eligibility import EligibilityCheck
from jury_tui.domain.follow_up import FigureCheck
from jury_tui.domain.session import SessionDefinition
from jury_tui.formatting import (
    DASH,
    format_amount,
    format_compact,
    format_euro,
    format_percent,
)
from jury_tui.i18n import language, t


def point_text(session: SessionDefinition, point: OpenPoint, votes: int = 0) -> str:
    """One open point as a short phrase: "motivering Maatwerk", "aanbeveling", …"""
    lang = language()
    criteria = session.criteria
    if point.gap in (Gap.SCORE, Gap.MOTIVATION):
        name = criteria.criterion(point.criterion_id).name.get(lang) if point.criterion_id else ""
        return t(f"advice.gap.{point.gap.value}", criterion=name)
    if point.gap in (Gap.NOT_ELIGIBLE, Gap.VERDICT_RULES):
        names = {rule.id: rule.name.get(lang) for rule in criteria.eligibility}
        rules = "; ".join(names.get(rule_id, rule_id) for rule_id in point.related)
        if point.gap is Gap.NOT_ELIGIBLE:
            return t("advice.gap.not_eligible", rules=rules)
        return t("advice.gap.verdict_rules", verdict=criteria.verdict(point.verdict or "").name.get(lang), rules=rules)
    if point.gap is Gap.TOO_FEW_VOTES:
        return t("advice.gap.too_few_votes", votes=votes, minimum=criteria.ranking.minimum_votes)
    if point.gap is Gap.TIE_UNORDERED:
        return t("advice.gap.tie_unordered", others=", ".join(application_name(session, aid) for aid in point.related))
    if point.gap is Gap.MOTIVATION_STALE and criteria.follow_up:
        return t("advice.gap.motivation_stale_verdict")
    return t(f"advice.gap.{point.gap.value}")


def application_name(session: SessionDefinition, application_id: str) -> str:
    return f"{session.application(application_id).municipality} ({application_id})"


SPELLED_OUT = 3  # criteria named one by one in a line of open points; more are counted


def application_line(session: SessionDefinition, application_id: str, points: list[OpenPoint], votes: int = 0) -> str:
    """'Boom (wvc21-03): aanbeveling, algemene motivering'; every criterion missing both its score
    and motivation is said once ("alle criteria (score, motivering)")."""
    per_criterion = [p for p in points if p.gap in (Gap.SCORE, Gap.MOTIVATION)]
    others = [p for p in points if p.gap not in (Gap.SCORE, Gap.MOTIVATION)]
    count = len(session.criteria.criteria)
    scores = {p.criterion_id for p in per_criterion if p.gap is Gap.SCORE}
    motivations = {p.criterion_id for p in per_criterion if p.gap is Gap.MOTIVATION}
    phrases = []
    if len(scores) == count and (not motivations or len(motivations) == count):
        what = [t("export.col.score")] + ([t("export.col.motivation")] if motivations else [])
        phrases.append(t("export.missing_all", what=", ".join(what)))
    elif len(scores | motivations) > SPELLED_OUT:  # one line stays readable: the detail names them
        phrases.append(t("advice.gap.criteria", count=len(scores | motivations), total=count))
    else:
        phrases.extend(point_text(session, p) for p in per_criterion)
    phrases.extend(point_text(session, p, votes) for p in others)
    return f"{application_name(session, application_id)}: {', '.join(phrases)}"


def session_line(session: SessionDefinition, point: OpenPoint, selected_amount: float = 0.0, budget: float = 0.0) -> str:
    if point.gap is Gap.OVER_BUDGET:
        return t("advice.gap.over_budget", amount=format_amount(selected_amount), budget=format_amount(budget))
    return point_text(session, point)


def amount_cleared_note(before, after) -> str | None:
    """The note when a change of recommendation cleared the advised amount (ChairStore.set_recommendation);
    `before` and `after` are the application's decision around the change."""
    if before.advised_amount is None or after.advised_amount is not None:
        return None
    return t("chair.amount_cleared", application=after.application_id, amount=format_amount(before.advised_amount))


def strict_message(
    session: SessionDefinition,
    gaps: AdviceGaps,
    votes: Mapping[str, int],
    selected_amount: float,
    budget: float,
    limit: int = 3,
    key: str = "export.strict_missing",
) -> str | None:
    """The one line that refuses an incomplete or contradictory advice (`export --strict`, the
    letters): the first `limit` applications with what is open, how many more, then the session's
    points. None when the advice is complete. `key`: the sentence around them (the evaluation
    report says what it refuses in its own words)."""
    if gaps.complete:
        return None
    items = list(gaps.applications.items())
    parts = [application_line(session, aid, points, votes.get(aid, 0)) for aid, points in items[:limit]]
    text = "; ".join(parts)
    if len(items) > limit:
        text += t("export.strict_more", count=len(items) - limit)
    session_parts = [session_line(session, point, selected_amount, budget) for point in gaps.session]
    text = "; ".join(part for part in (text, *session_parts) if part)
    return t(key, items=text)


def score_text(score: int | None) -> str:
    return DASH if score is None else str(score)


def amount_text(amount: float | None) -> str:
    return DASH if amount is None else t("export.euro", amount=format_amount(amount))


def verdict_text(session: SessionDefinition, verdict: str | None, none: str = DASH) -> str:
    """A follow-up round's verdict by its name in the criteria file, or `none` (a dash, or a word such
    as "nog geen oordeel") when none is given. The one look-up of a verdict's name."""
    if verdict is None:
        return none
    try:
        return session.criteria.verdict(verdict).name.get(language())
    except KeyError:  # not one of the criteria file's (a file edited by hand): shown as stored
        return verdict


def decision_changes(session: SessionDefinition, before, after) -> list[str]:
    """What differs between two versions of an application's decision, in the user's words (what an
    undo put back, in the app and from the CLI)."""
    from jury_tui.reports.data_export import recommendation_text

    lang = language()
    changes = []
    for criterion in session.criteria.criteria:
        old, new = before.get(criterion.id), after.get(criterion.id)
        name = criterion.name.get(lang)
        if old.score != new.score:
            changes.append(t("cli.changed.score", criterion=name, before=score_text(old.score), after=score_text(new.score)))
        if old.motivation != new.motivation:
            changes.append(t("advice.gap.motivation", criterion=name))
        if old.minority_view != new.minority_view:
            changes.append(t("cli.changed.minority", criterion=name))
    if before.recommendation != after.recommendation:
        changes.append(t("cli.changed.recommendation", before=recommendation_text(before.recommendation),
                         after=recommendation_text(after.recommendation)))
    if before.verdict != after.verdict:
        changes.append(t("follow_up.chair.changed_verdict", before=verdict_text(session, before.verdict),
                         after=verdict_text(session, after.verdict)))
    if before.advised_amount != after.advised_amount:
        changes.append(t("cli.changed.amount", before=amount_text(before.advised_amount), after=amount_text(after.advised_amount)))
    if before.overall_motivation != after.overall_motivation or before.motivation_for is not after.motivation_for:
        changes.append(t("cli.changed.overall"))
    for field, key in (("hearing", "cli.changed.hearing"), ("conditions", "cli.changed.conditions"),
                       ("rank_motivation", "cli.changed.rank_motivation")):
        if getattr(before, field) != getattr(after, field):
            changes.append(t(key))
    return changes


def deliberation_changes(before, after) -> list[str]:
    """What differs between two versions of the chair's session decisions, in the user's words."""
    changes = []
    if before.budget != after.budget:
        changes.append(t("cli.changed.budget", before=amount_text(before.budget), after=amount_text(after.budget)))
    if before.meeting != after.meeting:
        changes.append(t("cli.changed.meeting"))
    if before.tie_orders != after.tie_orders:
        changes.append(t("cli.changed.tie_orders"))
    return changes


# --- eligibility checks: one wording for the chair's detail and the juror's application text -----------
def rule_short_name(check: EligibilityCheck | FigureCheck) -> str:
    return t(f"chair.ui.rule.{check.kind.value}")


def _date(value: str | None) -> str:
    if not value:
        return t("export.outcome.unknown")
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if len(value) == 10:  # a date without a time (the contract's end)
        return moment.strftime(t("format.date"))
    return moment.strftime(t("format.datetime"))


def check_figures(check: EligibilityCheck | FigureCheck) -> str:
    """The figures a check rests on: '15,1 % (min. 20 %)', '€ 850.000 (max. € 800.000)'."""
    kind, value, limit = check.kind, check.value, check.limit
    unknown = t("export.outcome.unknown")
    if kind is RuleKind.MAX_SUBSIDY:
        shown = format_euro(value) if isinstance(value, (int, float)) else unknown
        return t("chair.ui.figure.at_most", value=shown, limit=format_euro(limit if isinstance(limit, (int, float)) else None))
    if kind is RuleKind.MIN_CO_FINANCING_SHARE:
        shown = format_percent(value) if isinstance(value, (int, float)) else unknown
        return t("chair.ui.figure.at_least", value=shown, limit=format_percent(limit if isinstance(limit, (int, float)) else None))
    if kind is RuleKind.MAX_INFRASTRUCTURE_SHARE:
        shown = format_percent(value) if isinstance(value, (int, float)) else unknown
        return t("chair.ui.figure.at_most", value=shown, limit=format_percent(limit if isinstance(limit, (int, float)) else None))
    if kind is RuleKind.MAX_DURATION_MONTHS:
        shown = t("chair.ui.figure.months", value=format_compact(value, 1)) if isinstance(value, (int, float)) else unknown
        return t("chair.ui.figure.at_most", value=shown, limit=format_compact(limit if isinstance(limit, (int, float)) else None, 1))
    if kind is RuleKind.SUBMISSION_DEADLINE:
        return t("chair.ui.figure.deadline", value=_date(value if isinstance(value, str) else None),
                 limit=_date(limit if isinstance(limit, str) else None))
    if kind is RuleKind.CONTRACT_END:
        return t("chair.ui.figure.deadline", value=_date(value if isinstance(value, str) else None),
                 limit=_date(limit if isinstance(limit, str) else None))
    if kind is RuleKind.NO_DOUBLE_SUBSIDY:
        if value is None:
            return unknown
        return t("chair.ui.figure.yes") if value == "yes" else t("chair.ui.figure.no")
    if kind is RuleKind.APPROVED_BY_COUNCIL:
        if value is None:
            return unknown
        key = f"chair.ui.figure.approval.{value}"
        try:
            return t(key)
        except KeyError:
            return str(value)
    return unknown if value is None else str(value)  # pragma: no cover - RuleKind is exhaustive


def check_line(check: EligibilityCheck) -> str:
    """'cofinanciering 15,1 % (min. 20 %)'."""
    return f"{rule_short_name(check)} {check_figures(check)}"


def figure_check_line(check: FigureCheck) -> str:
    """A rule on a progress report's figures: 'infrastructuur, volgens plan: 23,4 % (max. 20 %) —
    € 124.000 van € 531.000 in het plan'."""
    line = t("follow_up.check_line", rule=rule_short_name(check), basis=t(f"follow_up.basis.{check.basis.value}"),
             figures=check_figures(check))
    if check.part is not None and check.whole is not None:
        # Say what the whole is: the plan, what is spent, or (co-financing) the cost so far.
        whole = "cost" if check.kind is RuleKind.MIN_CO_FINANCING_SHARE else check.basis.value
        line += " — " + t(f"follow_up.check_amounts.{whole}", part=format_euro(check.part), whole=format_euro(check.whole))
    return line


# The report fields a progress report may mark illustrative (ProgressReport.illustrative), in the
# reader's words: one map for the juror's text, the chair's views and the evaluation report.
REPORT_FIELD_KEYS = {
    "reported_on": "evaluation.field.reported_on",
    "ends_on": "evaluation.field.ends_on",
    "co_financing_paid": "evaluation.field.co_financing_paid",
    "budget_lines": "evaluation.field.budget_lines",
    "budget_lines.planned": "evaluation.field.budget_lines_planned",
    "budget_lines.spent": "evaluation.field.budget_lines_spent",
    "indicators": "evaluation.field.indicators",
    "milestones": "evaluation.field.milestones",
    "objective_changes": "evaluation.col.objective_changes",
    "obstacles": "evaluation.field.obstacles",
    "asks": "evaluation.field.asks",
}


def budget_line_label(name: str, infrastructure: bool) -> str:
    """A budget line's name, marked when it is small-scale infrastructure (the call's 20 % rule),
    unless its name says so already: never "Infrastructuur (infrastructuur)"."""
    word = t("chair.ui.rule.max_infrastructure_share")
    if infrastructure and word.casefold() not in name.casefold():
        return t("follow_up.juror.infrastructure_line", name=name)
    return name
