"""What the chair's detail screen shows of one application, as Textual Content: pure functions of
the model's data, so the screen (screens/detail.py) only places them."""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from textual.content import Content

from jury_tui.domain.aggregation import CriterionStats, JurorScore
from jury_tui.domain.consensus import (
    ApplicationDecision,
    CriterionConsensus,
    Recommendation,
    suggested_score,
)
from jury_tui.domain.criteria import CriteriaSet, Scale
from jury_tui.domain.eligibility import EligibilityCheck, Outcome
from jury_tui.domain.follow_up import FigureCheck, ProgressReport
from jury_tui.domain.session import Role
from jury_tui.i18n import t
from jury_tui.reports.open_points import (
    check_figures,
    check_line,
    decision_changes,
    figure_check_line,
)
from jury_tui.ui.chair import formatting as fmt
from jury_tui.ui.chair.model import ChairModel
from jury_tui.ui.chair.widgets import JurorRow

RECOMMENDATIONS = (Recommendation.SELECT, Recommendation.RESERVE, Recommendation.REJECT)
OUTCOME_MARKS = {Outcome.MET: ("✓", "bold $success"), Outcome.NOT_MET: ("✗", "bold $error"), Outcome.UNKNOWN: ("?", "bold $warning")}


def recommendation_text(recommendation: Recommendation | None) -> str:
    if recommendation is None:
        return t("chair.ui.detail.no_recommendation")
    return t(f"chair.ui.recommendation.{recommendation.value}")


def eligibility_summary(checks: Sequence[EligibilityCheck]) -> Content:
    """One line: all rules met, or how many, and the ones not met."""
    if not checks:
        return Content("")
    met = sum(1 for check in checks if check.outcome is Outcome.MET)
    if met == len(checks):
        return Content.assemble(("✓ ", "bold $success"), t("chair.ui.detail.eligibility_all_met", count=len(checks)))
    parts: list[Content | str | tuple[str, str]] = [
        (t("chair.ui.detail.eligibility_summary", met=met, count=len(checks)), "bold")
    ]
    for check in checks:
        if check.outcome is Outcome.MET:
            continue
        mark, style = OUTCOME_MARKS[check.outcome]
        parts += [" ", (mark, style), " ", check_line(check)]
    return Content.assemble(*parts)

def eligibility_full(checks: Sequence[EligibilityCheck], criteria: CriteriaSet, lang: str,
                     advised: float | None = None, requested: float | None = None) -> Content:
    """Every rule with its outcome and the figures it was checked on: at the advised amount when
    the chair set one (the subsidy granted), else at the request."""
    parts: list[Content | str | tuple[str, str]] = [(t("chair.ui.detail.eligibility_heading"), "bold underline")]
    if advised is not None:
        parts += ["\n", (t("chair.ui.detail.eligibility_at_advised", amount=fmt.euro(advised)), "$text-muted")]
    elif requested is not None:
        parts += ["\n", (t("chair.ui.detail.eligibility_at_requested", amount=fmt.euro(requested)), "$text-muted")]
    rules = {rule.id: rule for rule in criteria.eligibility}
    for check in checks:
        mark, style = OUTCOME_MARKS[check.outcome]
        parts += ["\n", (mark, style), " ", (t(f"export.outcome.{check.outcome.value}"), style), ": ",
                  rules[check.rule_id].name.get(lang), (" – " + check_figures(check), "$text-muted")]
    return Content.assemble(*parts)

def report_checks_summary(checks: Sequence[FigureCheck]) -> Content:
    """A follow-up round's line: the call's rules on the report's figures, all met or those not."""
    if not checks:
        return Content("")
    met = sum(1 for check in checks if check.outcome is Outcome.MET)
    if met == len(checks):
        return Content.assemble(("✓ ", "bold $success"), t("follow_up.chair.detail.rules_all_met", count=len(checks)))
    parts: list[Content | str | tuple[str, str]] = [(t("follow_up.chair.detail.rules_summary", met=met, count=len(checks)), "bold")]
    for check in checks:
        if check.outcome is not Outcome.MET:
            mark, style = OUTCOME_MARKS[check.outcome]
            parts += [" ", (mark, style), " ", figure_check_line(check)]
    return Content.assemble(*parts)


def report_checks_full(checks: Sequence[FigureCheck], report: ProgressReport) -> Content:
    """Every rule on the report's figures with its outcome (reports/open_points.figure_check_line),
    and the report's own summary under it."""
    parts: list[Content | str | tuple[str, str]] = [
        (t("follow_up.chair.detail.rules_heading", year=report.year), "bold underline")]
    for check in checks:
        mark, style = OUTCOME_MARKS[check.outcome]
        parts += ["\n", (mark, style), " ", (t(f"export.outcome.{check.outcome.value}"), style), ": ", figure_check_line(check)]
    if report.summary.strip():
        parts += ["\n\n", (t("follow_up.chair.detail.report_summary"), "bold"), "\n", report.summary.strip()]
    return Content.assemble(*parts)


def criteria_strip(model: ChairModel, application_id: str, page: int, lang: str) -> Content:
    """'Maat 3,4  Vern 4✓  …  Besluit': every criterion with mean or consensus; current reversed;
    the decision ✓ when nothing is open for the application."""
    decision = model.decision(application_id)
    aggregate = model.aggregates[application_id]
    parts: list[Content | str | tuple[str, str]] = []
    for index, criterion in enumerate(model.criteria.criteria):
        consensus = decision.get(criterion.id)
        stats = aggregate.criteria[criterion.id]
        if consensus.score is not None:
            value = f"{consensus.score}✓"
            style = "$text-success"
            if criterion.motivation_required and not consensus.motivation.strip():
                style = "$text-warning"
        else:
            value = fmt.number(stats.mean)
            style = "bold $text-error" if stats.flagged else ""
        if index == page:
            style += " reverse bold"
        if parts:
            parts.append(" ")
        parts.append((f"{criterion.name.get(lang)[:4]} {value}", style))
    complete = model.complete(application_id)
    decision_style = "reverse bold" if page >= len(model.criteria.criteria) else ("$text-success" if complete else "$text-muted")
    parts += ["  ", (t("chair.ui.detail.decision_tab") + ("✓" if complete else ""), decision_style)]
    return Content.assemble(*parts)

def stats_line(stats: CriterionStats) -> Content:
    """n, mean, median, range, spread and standard deviation of the scores on one criterion."""
    if stats.count == 0:
        return Content.styled(t("chair.ui.detail.no_scores"), "$text-muted")
    missing = t("chair.ui.detail.stats_missing", count=stats.missing) if stats.missing else ""
    text = t(
        "chair.ui.detail.stats",
        count=stats.count,
        missing=missing,
        mean=fmt.number(stats.mean),
        median=fmt.compact(stats.median),
        low=stats.min,
        high=stats.max,
        spread=stats.spread,
        stdev=fmt.number(stats.stdev, 2),
    )
    return Content.styled(text, "$warning" if stats.missing else "")

def juror_row(submitted: AbstractSet[str], juror_id: str, name: str, entries: dict[str, JurorScore],
              conflicted: AbstractSet[str], stats: CriterionStats, follow_up: bool = False) -> JurorRow:
    """A juror's score and motivation on the criterion, as shown (`follow_up`: on a contract's report)."""
    if juror_id not in submitted:
        return JurorRow(name, "·", t("chair.ui.detail.juror_not_submitted"), "muted", "note")
    if juror_id in conflicted:
        conflict = "follow_up.chair.detail.juror_conflict" if follow_up else "chair.ui.detail.juror_conflict"
        return JurorRow(name, "⊘", t(conflict), "error", "error")
    entry = entries.get(juror_id)
    if entry is None or entry.score is None:
        score, score_style = fmt.DASH, "muted"
    else:
        extreme = stats.flagged and entry.role is Role.VOTING and entry.score in (stats.min, stats.max)
        score, score_style = str(entry.score), "extreme" if extreme else "score"
    if entry is None:
        return JurorRow(name, score, t("chair.ui.detail.juror_no_score"), score_style, "note")
    if entry.motivation.strip():
        return JurorRow(name, score, entry.motivation.strip(), score_style)
    return JurorRow(name, score, t("chair.ui.detail.juror_no_motivation"), score_style, "note")

def consensus_line(consensus: CriterionConsensus, stats: CriterionStats, scale: Scale, lang: str) -> Content:
    """The consensus on one criterion, and the median as a suggestion where it differs."""
    parts: list[Content | str | tuple[str, str]] = []
    if consensus.score is None:
        parts.append((t("chair.ui.detail.consensus_none"), "bold $text-warning"))
    else:
        value = f"{consensus.score} – {scale.label(consensus.score, lang)}"
        parts.append((t("chair.ui.detail.consensus", value=value), "bold $text-success"))
    suggestion = suggested_score(stats)
    if suggestion is not None and suggestion != consensus.score:
        parts += ["   ", (t("chair.ui.detail.suggestion", value=suggestion), "$text-muted")]
    return Content.assemble(*parts)


# The chair's texts of an application besides the criteria: message keys of their short name, the
# title of their text box and its placeholder.
TEXT_NAMES = {"overall": "chair.ui.text.overall", "hearing": "chair.ui.text.hearing",
              "conditions": "chair.ui.text.conditions", "rank_motivation": "chair.ui.text.rank_motivation"}
TEXT_TITLES = {"hearing": "chair.ui.text.hearing_title", "conditions": "chair.ui.text.conditions_title",
               "rank_motivation": "chair.ui.text.rank_motivation_title"}
TEXT_PLACEHOLDERS = {"hearing": "chair.ui.text.hearing_placeholder", "conditions": "chair.ui.text.conditions_placeholder",
                     "rank_motivation": "chair.ui.text.rank_motivation_placeholder"}


def changes(session, before: ApplicationDecision, after: ApplicationDecision) -> str:
    """What an undo brought back, in short phrases (reports/open_points.decision_changes)."""
    return ", ".join(decision_changes(session, before, after)) or t("chair.ui.undo.nothing_visible")
