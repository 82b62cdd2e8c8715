"""Ranking by consensus total, thresholds, and two selection proposals within the budget."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from math import lcm

from jury_tui.domain.aggregation import ApplicationAggregate, weighted_total
from jury_tui.domain.consensus import (
    ApplicationDecision,
    default_amount,
    suggested_score,
)
from jury_tui.domain.criteria import CriteriaSet
from jury_tui.domain.deliberation import TieOrder
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
    votes: int = 0  # the fewest voting scores on any of its criteria
    too_few_votes: bool = False  # below the criteria file's minimum, without the chair's motivated choice
    # Applications with the same total and the same tie-break scores (itself included; empty when
    # alone). Without the chair's order they share one rank, "ex aequo".
    tied_with: tuple[str, ...] = ()
    tie_order: TieOrder | None = None

    @property
    def ex_aequo(self) -> bool:
        """Tied with others and no order set by the chair: they share their rank."""
        return bool(self.tied_with) and self.tie_order is None

    @property
    def selectable(self) -> bool:
        """May be proposed for funding: ranked, above every threshold, not ineligible."""
        return self.rank is not None and not self.below_threshold and self.eligibility is not Outcome.NOT_MET


def voting_counts(aggregates: Mapping[str, ApplicationAggregate]) -> dict[str, int]:
    """Per application, the fewest voting scores any of its criteria received."""
    return {
        application_id: min((stats.count for stats in aggregate.criteria.values()), default=0)
        for application_id, aggregate in aggregates.items()
    }


def rank(
    session: SessionDefinition,
    decisions: Mapping[str, ApplicationDecision],
    eligibility: Mapping[str, Outcome] | None = None,
    *,
    votes: Mapping[str, int] | None = None,
    tie_orders: Sequence[TieOrder] = (),
) -> list[RankedApplication]:
    """Highest consensus total first; equal totals by the criteria file's tie-break criteria. What is
    still equal then is a tie: in the chair's order when one is set (`tie_orders`), else "ex aequo",
    sharing one rank (listed by id). Applications without a complete consensus come last, unranked;
    so do those with fewer voting scores (`votes`) than the criteria file's minimum, unless the chair
    chose to rank them with a motivation.

    `eligibility`: the overall outcome per application when the caller has already checked it
    (at the advised amount, domain/advice.py); otherwise it is checked here against the request."""
    criteria = session.criteria
    minimums = [(c.id, c.minimum_score) for c in criteria.criteria if c.minimum_score is not None]
    minimum_total = criteria.ranking.minimum_total
    minimum_votes = criteria.ranking.minimum_votes
    tie_break = criteria.ranking.tie_break
    rows = []
    for application in session.applications:
        decision = decisions.get(application.id)
        scores = {cid: consensus.score for cid, consensus in decision.criteria.items()} if decision is not None else {}
        total = weighted_total(criteria, scores)
        below = [cid for cid, minimum in minimums if scores.get(cid) is not None and scores[cid] < minimum]
        if minimum_total is not None and total is not None and _settled(total) < minimum_total:
            below.append("total")
        count = votes.get(application.id, 0) if votes is not None else minimum_votes
        too_few = count < minimum_votes and not (decision is not None and decision.rank_motivation.strip())
        outcome = (
            eligibility[application.id]
            if eligibility is not None
            else overall_outcome(check_eligibility(application, criteria.eligibility))
        )
        rows.append(
            {
                "application_id": application.id,
                "total": total,
                "below_threshold": below,
                "eligibility": outcome,
                "amount": default_amount(application, criteria, decision),
                "votes": count,
                "too_few_votes": too_few,
                "key": (-_settled(total), tuple(-(scores.get(cid) or 0) for cid in tie_break)) if total is not None else None,
            }
        )
    ranked = sorted((row for row in rows if row["key"] is not None and not row["too_few_votes"]),
                    key=lambda row: (row["key"], row["application_id"]))
    groups: dict[tuple, list[dict]] = {}
    for row in ranked:
        groups.setdefault(row["key"], []).append(row)
    result = []
    position = 0
    for group in groups.values():
        ids = tuple(row["application_id"] for row in group)
        order = None
        if len(group) > 1:
            order = next((o for o in tie_orders if set(o.application_ids) == set(ids)), None)
            if order is not None:
                at = {application_id: index for index, application_id in enumerate(order.application_ids)}
                group = sorted(group, key=lambda row: at[row["application_id"]])
        for index, row in enumerate(group):
            shared = len(group) > 1 and order is None
            result.append(_ranked(row, position + 1 if shared else position + index + 1, ids if len(group) > 1 else (), order))
        position += len(group)
    unranked = sorted((row for row in rows if row["key"] is None or row["too_few_votes"]),
                      key=lambda row: (row["key"] is None, row["key"] or (), row["application_id"]))
    result.extend(_ranked(row, None, (), None) for row in unranked)
    return result


def _settled(total: float) -> float:
    """A total as the ranking compares it: rounded to 9 decimals, so that totals equal by their
    scores are equal whatever noise floating point adds (3 × 0.1 is 0.30000000000000004, 1 × 0.3 is
    0.3); a real difference between totals is a multiple of a weight, far above 1e-9."""
    return round(total, 9)


def _ranked(row: dict, position: int | None, tied_with: tuple[str, ...], order: TieOrder | None) -> RankedApplication:
    return RankedApplication(
        application_id=row["application_id"],
        rank=position,
        total=row["total"],
        below_threshold=row["below_threshold"],
        eligibility=row["eligibility"],
        amount=row["amount"],
        votes=row["votes"],
        too_few_votes=row["too_few_votes"],
        tied_with=tied_with,
        tie_order=order,
    )


def ties(ranking: Sequence[RankedApplication]) -> list[tuple[str, ...]]:
    """The groups of tied applications, in rank order (ordered by the chair or not)."""
    seen: list[tuple[str, ...]] = []
    for row in ranking:
        if row.tied_with and row.tied_with not in seen:
            seen.append(row.tied_with)
    return seen


@dataclass(frozen=True, slots=True, kw_only=True)
class Proposal:

    selected: list[str]
    total_amount: float
    total_score: float
    budget: float
    # Selectable applications ranked above the lowest one selected that the proposal leaves out:
    # by rank, the ones that did not fit; best fit, the higher-ranked ones it trades for others.
    passed_over: list[str] = field(default_factory=list)

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
    return _proposal(selected, budget, ranking)


def propose_best_fit(ranking: Sequence[RankedApplication], budget: float, weights: Sequence[float]) -> Proposal:
    """The selection with the highest summed consensus total whose amounts fit the budget, exactly.

    Dynamic programming over score value: totals are whole multiples of 1/L, with L the common
    denominator of the weights, so the value range stays small (35 000 steps at 1000 applications
    with seven equally weighted criteria on 0–5) and the search is exact. Cost is in cents.
    """
    import numpy as np  # here: ranking is read at every start of the chair's app, numpy only for this

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
    return _proposal(chosen, budget, ranking)


def _proposal(rows: Sequence[RankedApplication], budget: float, ranking: Sequence[RankedApplication] = ()) -> Proposal:
    chosen = {row.application_id for row in rows}
    # Passed over: ranked strictly higher than the lowest one chosen (an ex aequo partner is not "higher").
    lowest = max((row.rank for row in ranking if row.application_id in chosen and row.rank is not None), default=0)
    return Proposal(
        selected=[row.application_id for row in rows],
        total_amount=sum(_cents(row.amount) for row in rows) / 100,
        total_score=sum((row.total or 0.0 for row in rows), 0.0),
        budget=float(budget),
        passed_over=[row.application_id for row in ranking
                     if row.selectable and row.application_id not in chosen and row.rank is not None and row.rank < lowest],
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class ReserveEntry:
    application_id: str
    amount: float
    cumulative: float  # the selection's total plus every reserve up to and including this one


def reserve_list(
    ranking: Sequence[RankedApplication],
    selected: Sequence[str],
    amounts: Mapping[str, float],
    excluded: Collection[str] = (),
) -> list[ReserveEntry]:
    """The selectable applications not selected, in rank order, with the cumulative amount past the
    budget line: how much more money would fund each of them in turn. `excluded`: applications the
    jury advised not to select (the advice's reserve list never funds them)."""
    chosen = set(selected) | set(excluded)
    running = sum(_cents(amounts[application_id]) for application_id in selected)
    entries = []
    for row in ranking:
        if row.selectable and row.application_id not in chosen:
            amount = amounts.get(row.application_id, row.amount)
            running += _cents(amount)
            entries.append(ReserveEntry(application_id=row.application_id, amount=amount, cumulative=running / 100))
    return entries


@dataclass(frozen=True, slots=True, kw_only=True)
class Scenario:
    budget: float
    by_rank: Proposal
    best_fit: Proposal
    reserve: list[ReserveEntry]  # past the by-rank proposal's line


def scenario(
    ranking: Sequence[RankedApplication], budget: float, weights: Sequence[float], excluded: Collection[str] = ()
) -> Scenario:
    """Both proposals and the reserve list at one budget: budgets side by side, nothing stored. The
    reserve list leaves out `excluded` (advised not to select), as the advice's does."""
    by_rank, best_fit = proposals(ranking, budget, weights, excluded)
    amounts = {row.application_id: row.amount for row in ranking}
    return Scenario(
        budget=float(budget),
        by_rank=by_rank,
        best_fit=best_fit,
        reserve=reserve_list(ranking, by_rank.selected, amounts, excluded),
    )


def proposals(
    ranking: Sequence[RankedApplication], budget: float, weights: Sequence[float], excluded: Collection[str] = ()
) -> tuple[Proposal, Proposal]:
    """(by rank, best fit) within `budget`, never proposing what the jury advised not to select
    (`excluded`): a proposal the chair adopts must not overturn an explicit "niet selecteren"."""
    candidates = [row for row in ranking if row.application_id not in set(excluded)]
    return propose_by_rank(candidates, budget), propose_best_fit(candidates, budget, weights)


def provisional_decisions(
    criteria: CriteriaSet, decisions: Mapping[str, ApplicationDecision], aggregates: Mapping[str, ApplicationAggregate]
) -> dict[str, ApplicationDecision]:
    """The chair's decisions with every missing consensus score filled in by the suggested score
    (the median of the voting scores): the base of a provisional funding line before every consensus
    is set. Never stored, always shown as provisional."""
    filled = {}
    for application_id, aggregate in aggregates.items():
        decision = decisions.get(application_id) or ApplicationDecision(application_id=application_id)
        entries = dict(decision.criteria)
        for criterion_id in criteria.criterion_ids:
            if decision.get(criterion_id).score is None and criterion_id in aggregate.criteria:
                suggestion = suggested_score(aggregate.criteria[criterion_id])
                if suggestion is not None:
                    entries[criterion_id] = dataclasses.replace(decision.get(criterion_id), score=suggestion)
        filled[application_id] = dataclasses.replace(decision, criteria=entries)
    return filled
