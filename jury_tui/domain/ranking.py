"""Ranking by consensus total, thresholds, and two selection proposals within the budget."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from math import lcm

import numpy as np

from jury_tui.domain.aggregation import weighted_total
from jury_tui.domain.consensus import ApplicationDecision, default_amount
from jury_tui.domain.eligibility import Outcome, check_eligibility, overall_outcome
from jury_tui.domain.session import SessionDefinition


@dataclass(frozen=True, slots=True, kw_only=True)
class RankedApplication:

    application_id: str
    rank: int | None
    total: float | None
    below_threshold: list[str]
    eligibility: Outcome
    amount: float

    @property
    def selectable(self) -> bool:
        """May be proposed for funding: scored, above every threshold, not ineligible."""
        return self.total is not None and not self.below_threshold and self.eligibility is not Outcome.NOT_MET


def rank(
    session: SessionDefinition,
    decisions: Mapping[str, ApplicationDecision],
    eligibility: Mapping[str, Outcome] | None = None,
) -> list[RankedApplication]:
    """Highest consensus total first; ties broken by the criteria file's tie-break criteria, then by id.
    Applications without a complete consensus come last, unranked.

    `eligibility`: the overall outcome per application when the caller has already checked it
    (the chair's model and the export do); otherwise it is checked here."""
    criteria = session.criteria
    minimums = [(c.id, c.minimum_score) for c in criteria.criteria if c.minimum_score is not None]
    minimum_total = criteria.ranking.minimum_total
    tie_break = criteria.ranking.tie_break
    rows = []
    for application in session.applications:
        decision = decisions.get(application.id)
        scores = {cid: consensus.score for cid, consensus in decision.criteria.items()} if decision is not None else {}
        total = weighted_total(criteria, scores)
        below = [cid for cid, minimum in minimums if scores.get(cid) is not None and scores[cid] < minimum]
        if minimum_total is not None and total is not None and total < minimum_total:
            below.append("total")
        tie = tuple(-(scores.get(cid) or 0) for cid in tie_break)
        outcome = (
            eligibility[application.id]
            if eligibility is not None
            else overall_outcome(check_eligibility(application, criteria.eligibility))
        )
        rows.append(
            (
                (total is None, -(total or 0.0), tie, application.id),
                application.id,
                total,
                below,
                outcome,
                default_amount(application, criteria, decision),
            )
        )
    rows.sort(key=lambda row: row[0])
    return [
        RankedApplication(
            application_id=application_id,
            rank=index + 1 if total is not None else None,
            total=total,
            below_threshold=below,
            eligibility=outcome,
            amount=amount,
        )
        for index, (_, application_id, total, below, outcome, amount) in enumerate(rows)
    ]


@dataclass(frozen=True, slots=True, kw_only=True)
class Proposal:

    selected: list[str]
    total_amount: float
    total_score: float
    budget: float

    @property
    def remaining(self) -> float:
        return self.budget - self.total_amount


def _cents(amount: float) -> int:
    return int(round(amount * 100))


def propose_by_rank(ranking: Sequence[RankedApplication], budget: float) -> Proposal:
    """Take applications in rank order; one that no longer fits is passed over for the next that does."""
    left = _cents(budget)
    selected = []
    for row in ranking:
        if row.selectable and _cents(row.amount) <= left:
            selected.append(row)
            left -= _cents(row.amount)
    return _proposal(selected, budget)


def propose_best_fit(ranking: Sequence[RankedApplication], budget: float, weights: Sequence[float]) -> Proposal:
    """The selection with the highest summed consensus total whose amounts fit the budget, exactly.

    Dynamic programming over score value: totals are whole multiples of 1/L, with L the common
    denominator of the weights, so the value range stays small (35 000 steps at 1000 applications
    with seven equally weighted criteria on 0–5) and the search is exact. Cost is in cents.
    """
    candidates = [row for row in ranking if row.selectable and _cents(row.amount) <= _cents(budget)]
    if not candidates:
        return _proposal([], budget)
    scale = lcm(*(Fraction(w).limit_denominator(1000).denominator for w in weights))
    values = [int(round(row.total * scale)) for row in candidates]
    costs = [_cents(row.amount) for row in candidates]
    capacity = _cents(budget)
    top = sum(values)
    unreachable = np.iinfo(np.int64).max // 2
    cheapest = np.full(top + 1, unreachable, dtype=np.int64)  # cheapest[v]: least cost reaching value v
    cheapest[0] = 0
    took = np.zeros((len(candidates), top + 1), dtype=bool)  # rows filled only up to `reach`
    reach = 0  # the highest value the candidates so far can reach: nothing above it changes
    for index, (value, cost) in enumerate(zip(values, costs, strict=True)):
        if value == 0:
            continue  # adds nothing to the score
        reach += value
        with_item = cheapest[: reach - value + 1] + cost
        current = cheapest[value : reach + 1]
        better = with_item < current
        took[index, value : reach + 1] = better
        np.copyto(current, with_item, where=better)
    feasible = np.nonzero(cheapest <= capacity)[0]
    best_value = int(feasible.max())
    chosen = []
    value = best_value
    for index in range(len(candidates) - 1, -1, -1):
        if value > 0 and took[index, value]:
            chosen.append(candidates[index])
            value -= values[index]
    order = {row.application_id: position for position, row in enumerate(ranking)}
    chosen.sort(key=lambda row: order[row.application_id])
    return _proposal(chosen, budget)


def _proposal(rows: Sequence[RankedApplication], budget: float) -> Proposal:
    return Proposal(
        selected=[row.application_id for row in rows],
        total_amount=sum(_cents(row.amount) for row in rows) / 100,
        total_score=sum((row.total or 0.0 for row in rows), 0.0),
        budget=float(budget),
    )
