"""The chair's consolidation: consensus per criterion, motivation, recommendation and amount."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, ClassVar

from pydantic import Field, StrictInt

from jury_tui.domain.aggregation import CriterionStats, weighted_total
from jury_tui.domain.applications import Application
from jury_tui.domain.assessment import StoredId
from jury_tui.domain.criteria import STRICT, CriteriaSet, RuleKind
from jury_tui.domain.text import Motivation


class Recommendation(StrEnum):
    SELECT = "select"
    RESERVE = "reserve"
    REJECT = "reject"

    @property
    def funded(self) -> bool:
        """Whether this advice comes with an amount: selecteren now, or reserve should money free up."""
        return self is not Recommendation.REJECT


# Frozen dataclasses, read back from the chair's files by pydantic (store/chair_store.py); strict
# types, so a file is read as written: a score of "4" or true is a damaged file, not a 4 or a 1.
@dataclass(frozen=True, slots=True, kw_only=True)
class CriterionConsensus:
    __pydantic_config__: ClassVar[dict] = STRICT

    criterion_id: StoredId
    score: StrictInt | None = None
    motivation: Motivation = ""
    minority_view: Motivation = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class ApplicationDecision:
    """What the jury concludes on one application."""

    __pydantic_config__: ClassVar[dict] = STRICT

    application_id: StoredId
    criteria: dict[StoredId, CriterionConsensus] = field(default_factory=dict)
    overall_motivation: Motivation = ""
    recommendation: Recommendation | None = None
    advised_amount: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = None
    # The recommendation in force when the overall motivation was last written: when the two differ,
    # the motivation argues for another outcome and must be read again (domain/advice.py).
    motivation_for: Recommendation | None = None
    hearing: Motivation = ""  # the hearing (call §5 "inhoudelijke toelichting"): questions, answers, notes
    conditions: Motivation = ""  # conditions or points of attention the contract starts with
    # The chair's motivated choice to rank it with fewer voting scores than the criteria file's minimum.
    rank_motivation: Motivation = ""
    # In a follow-up round: the klankbordgroep's verdict on the contract, an id of the criteria
    # file's verdicts (instead of a recommendation and an amount).
    verdict: StoredId | None = None
    # The verdict in force when the overall motivation was last written (as `motivation_for` is for
    # the recommendation): when the two differ, the motivation argues for another verdict.
    motivation_verdict: StoredId | None = None

    def get(self, criterion_id: str) -> CriterionConsensus:
        return self.criteria.get(criterion_id) or CriterionConsensus(criterion_id=criterion_id)

    def consensus_total(self, criteria: CriteriaSet) -> float | None:
        return weighted_total(criteria, {cid: self.get(cid).score for cid in criteria.criterion_ids})

    def missing_motivations(self, criteria: CriteriaSet) -> list[str]:
        return [c.id for c in criteria.criteria if c.motivation_required and not self.get(c.id).motivation.strip()]


def suggested_score(stats: CriterionStats) -> int | None:
    """The median of the voting scores, halves rounded up: a starting point, the chair decides."""
    if stats.median is None:
        return None
    return int(math.floor(stats.median + 0.5))


def amount_cap(application: Application, criteria: CriteriaSet) -> float:
    """The highest amount the jury may advise: the request, and never above the call's cap."""
    caps = [rule.limit for rule in criteria.eligibility if rule.kind is RuleKind.MAX_SUBSIDY and rule.limit is not None]
    return min([application.requested_subsidy, *caps])


def default_amount(application: Application, criteria: CriteriaSet, decision: ApplicationDecision | None) -> float:
    if decision is not None and decision.advised_amount is not None:
        return decision.advised_amount
    return amount_cap(application, criteria)


def selection(application_ids: Iterable[str], decisions: Mapping[str, ApplicationDecision]) -> list[str]:
    """The chair's selection: the applications recommended 'select', in the order given. One truth:
    the recommendation is the selection, so the two can never disagree."""
    return [
        application_id for application_id in application_ids
        if (decision := decisions.get(application_id)) is not None and decision.recommendation is Recommendation.SELECT
    ]


def rejected(decisions: Mapping[str, ApplicationDecision]) -> list[str]:
    """The applications the chair advised not to select: never proposed, never on a reserve list."""
    return [application_id for application_id, decision in decisions.items() if decision.recommendation is Recommendation.REJECT]


def missing_consensus(
    criteria: CriteriaSet, application_ids: list[str], decisions: dict[str, ApplicationDecision]
) -> dict[str, list[tuple[str, list[str]]]]:
    """Per application, the criteria whose consensus score or required motivation is missing,
    with what is missing ("score", "motivation"). Empty when the consolidation is complete."""
    found: dict[str, list[tuple[str, list[str]]]] = {}
    for application_id in application_ids:
        decision = decisions.get(application_id) or ApplicationDecision(application_id=application_id)
        items = []
        for criterion in criteria.criteria:
            consensus = decision.get(criterion.id)
            what = []
            if consensus.score is None:
                what.append("score")
            if criterion.motivation_required and not consensus.motivation.strip():
                what.append("motivation")
            if what:
                items.append((criterion.id, what))
        if items:
            found[application_id] = items
    return found
