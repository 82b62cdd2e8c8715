"""Small records built in code for the rules' tests (tests/test_rules*.py): no files, so the
mutation run (docs/testing.md) runs them in a second."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from jury_tui.domain.aggregation import CriterionStats
from jury_tui.domain.applications import Application
from jury_tui.domain.consensus import ApplicationDecision, CriterionConsensus, Recommendation
from jury_tui.domain.criteria import (
    CriteriaSet,
    Criterion,
    EligibilityRule,
    Ranking,
    RuleKind,
    Scale,
    ScaleStep,
)
from jury_tui.domain.eligibility import Outcome
from jury_tui.domain.ranking import RankedApplication
from jury_tui.domain.session import Juror, Role, SessionDefinition
from jury_tui.domain.text import LocalizedText

CREATED = dt.datetime(2021, 9, 1, 9, 0, tzinfo=dt.timezone.utc)


def text(value: str) -> LocalizedText:
    return LocalizedText(nl=value)


def rule(kind: RuleKind, limit: float | None = None, rule_id: str | None = None, **extra) -> EligibilityRule:
    return EligibilityRule(id=rule_id or kind.value.replace("_", "-"), kind=kind, name=text(kind.value),
                           limit=limit, **extra)


def application(application_id: str = "a1", requested: float = 600_000.0, **figures) -> Application:
    return Application(id=application_id, municipality="Gemeente", neighbourhood=application_id,
                       title=f"Aanvraag {application_id}", requested_subsidy=requested, **figures)


def criteria(
    weights: Mapping[str, float] | None = None,
    *,
    tie_break: Sequence[str] = (),
    minimum_total: float | None = None,
    minimum_scores: Mapping[str, int] | None = None,
    minimum_votes: int = 0,
    rules: Sequence[EligibilityRule] = (),
    motivation_required: Mapping[str, bool] | None = None,
) -> CriteriaSet:
    """Criteria on a 0–5 scale; by default c1, c2, c3 weighing 1 each."""
    weights = weights or {"c1": 1.0, "c2": 1.0, "c3": 1.0}
    minimum_scores = minimum_scores or {}
    required = motivation_required or {}
    return CriteriaSet(
        id="regels",
        title=text("Regels"),
        scale=Scale(min=0, max=5, steps=[ScaleStep(value=v, label=text(str(v))) for v in range(6)]),
        criteria=[
            Criterion(id=cid, name=text(cid), description=text(cid), weight=weight,
                      minimum_score=minimum_scores.get(cid), motivation_required=required.get(cid, True))
            for cid, weight in weights.items()
        ],
        eligibility=list(rules),
        ranking=Ranking(tie_break=list(tie_break), minimum_total=minimum_total, minimum_votes=minimum_votes),
    )


def session(applications: Sequence[Application], criteria_set: CriteriaSet, budget: float = 1_000_000.0) -> SessionDefinition:
    return SessionDefinition(
        id="regels", title="Regels", created_at=CREATED, budget=budget, criteria=criteria_set,
        applications=list(applications), jurors=[Juror(id="j1", name="Jurylid", role=Role.VOTING)],
    )


def decision(
    application_id: str,
    scores: Mapping[str, int | None] | None = None,
    recommendation: Recommendation | None = None,
    *,
    amount: float | None = None,
    motivation: str = "",
    motivation_for: Recommendation | None = None,
    rank_motivation: str = "",
    criterion_motivation: str = "m",
) -> ApplicationDecision:
    return ApplicationDecision(
        application_id=application_id,
        criteria={cid: CriterionConsensus(criterion_id=cid, score=score, motivation=criterion_motivation)
                  for cid, score in (scores or {}).items()},
        recommendation=recommendation,
        advised_amount=amount,
        overall_motivation=motivation,
        motivation_for=motivation_for,
        rank_motivation=rank_motivation,
    )


def stats(criterion_id: str = "c1", scores: Sequence[int] = (), median: float | None = None) -> CriterionStats:
    """Statistics with only what the rules read: the count of voting scores and the median."""
    return CriterionStats(criterion_id=criterion_id, count=len(scores), missing=0, mean=None, median=median,
                          min=None, max=None, spread=None, stdev=None, flagged=False)


def row(
    application_id: str,
    rank: int | None,
    total: float | None,
    amount: float,
    *,
    below: Sequence[str] = (),
    eligibility: Outcome = Outcome.MET,
) -> RankedApplication:
    return RankedApplication(application_id=application_id, rank=rank, total=total, below_threshold=list(below),
                             eligibility=eligibility, amount=amount)


def rows(*spec: tuple[float, float]) -> list[RankedApplication]:
    """Ranked, selectable applications x1, x2, … from (total, amount) pairs in rank order."""
    return [row(f"x{index}", index, total, amount) for index, (total, amount) in enumerate(spec, start=1)]
