"""The ranking and the budget's proposals, pinned by hand-worked examples (issue 13 items 2–4 and
11): order, tie-breaks, ex aequo, the chair's tie order, the minimum of votes, thresholds; by rank
and best fit within the budget, the applications they pass over, the reserve list, scenarios and
the provisional line."""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jury_tui.domain.aggregation import ApplicationAggregate
from jury_tui.domain.consensus import CriterionConsensus, Recommendation
from jury_tui.domain.criteria import RuleKind
from jury_tui.domain.deliberation import TieOrder
from jury_tui.domain.eligibility import Outcome
from jury_tui.domain.ranking import (
    Proposal,
    propose_best_fit,
    propose_by_rank,
    provisional_decisions,
    rank,
    reserve_list,
    scenario,
    ties,
    voting_counts,
)
from tests.rules_builders import application, criteria, decision, row, rows, rule, session, stats

ONES = [1.0, 1.0, 1.0]


def ranked(session_, decisions, **kwargs) -> list[tuple[str, int | None]]:
    return [(r.application_id, r.rank) for r in rank(session_, decisions, **kwargs)]


def five(**criteria_kwargs):
    """a1..a5, each asking 100,000."""
    return session([application(f"a{i}", 100_000.0) for i in range(1, 6)], criteria(**criteria_kwargs))


# --- order ---------------------------------------------------------------------------------


def test_order_by_total_then_tie_break_then_ex_aequo():
    s = five(tie_break=["c2", "c3"])
    decisions = {
        "a1": decision("a1", {"c1": 3, "c2": 3, "c3": 3}),  # 9, c2 3, c3 3
        "a2": decision("a2", {"c1": 5, "c2": 5, "c3": 5}),  # 15: first
        "a3": decision("a3", {"c1": 2, "c2": 4, "c3": 3}),  # 9, c2 4: before a1
        "a4": decision("a4", {"c1": 1, "c2": 4, "c3": 4}),  # 9, c2 4, c3 4: before a3
        "a5": decision("a5", {"c1": 3, "c2": 3, "c3": 3}),  # 9, like a1 in every tie-break: ex aequo
    }
    result = rank(s, decisions)
    assert [(r.application_id, r.rank) for r in result] == [("a2", 1), ("a4", 2), ("a3", 3), ("a1", 4), ("a5", 4)]
    by_id = {r.application_id: r for r in result}
    assert by_id["a1"].tied_with == ("a1", "a5") and by_id["a5"].tied_with == ("a1", "a5")
    assert by_id["a1"].ex_aequo and not by_id["a3"].ex_aequo and by_id["a3"].tied_with == ()
    assert [r.total for r in result] == [15.0, 9.0, 9.0, 9.0, 9.0]
    assert ties(result) == [("a1", "a5")]


def test_a_tie_break_score_of_zero_is_lower_than_one():
    s = five(tie_break=["c2"])
    decisions = {"a1": decision("a1", {"c1": 5, "c2": 0, "c3": 3}), "a2": decision("a2", {"c1": 4, "c2": 1, "c3": 3})}
    assert ranked(s, decisions)[:2] == [("a2", 1), ("a1", 2)]  # both 8; c2 1 beats c2 0


def test_ex_aequo_share_a_rank_and_the_next_rank_skips():
    s = five()
    totals = {"a1": 12, "a2": 10, "a3": 10, "a4": 8, "a5": 10}
    decisions = {aid: decision(aid, {"c1": t - 8, "c2": 4, "c3": 4}) for aid, t in totals.items()}
    # 12 | 10, 10, 10 (ex aequo, listed by id) | 8: ranks 1, 2, 2, 2, 5 (competition ranking).
    assert ranked(s, decisions) == [("a1", 1), ("a2", 2), ("a3", 2), ("a5", 2), ("a4", 5)]
    two = {aid: d for aid, d in decisions.items() if aid != "a5"}
    assert ranked(s, two)[:4] == [("a1", 1), ("a2", 2), ("a3", 2), ("a4", 4)]  # 1, 2, 2, 4


def test_equal_totals_by_other_weights_are_a_tie_whatever_the_float_noise():
    # Weights 0.1, 0.2, 0.3: 3 × 0.1 = 0.30000000000000004 in floating point, 1 × 0.3 = 0.3.
    # Both total 0.3: a tie, not an order decided by rounding noise.
    s = session([application("a1"), application("a2")], criteria({"c1": 0.1, "c2": 0.2, "c3": 0.3}))
    decisions = {"a1": decision("a1", {"c1": 3, "c2": 0, "c3": 0}), "a2": decision("a2", {"c1": 0, "c2": 0, "c3": 1})}
    result = rank(s, decisions)
    assert [r.rank for r in result] == [1, 1]
    assert result[0].tied_with == ("a1", "a2")


def test_totals_apart_by_less_than_a_point_are_not_a_tie():
    # Weights 0.5, 1, 1: 0.5 × 1 + 2 + 2 = 4.5 against 0 + 2 + 2 = 4.0: a2 second, not ex aequo.
    s = session([application("a1"), application("a2")], criteria({"c1": 0.5, "c2": 1.0, "c3": 1.0}))
    decisions = {"a1": decision("a1", {"c1": 1, "c2": 2, "c3": 2}), "a2": decision("a2", {"c1": 0, "c2": 2, "c3": 2})}
    assert ranked(s, decisions) == [("a1", 1), ("a2", 2)]
    # 0.1 apart on weights of 0.1: still apart.
    s = session([application("a1"), application("a2")], criteria({"c1": 0.1, "c2": 1.0}))
    decisions = {"a1": decision("a1", {"c1": 1, "c2": 2}), "a2": decision("a2", {"c1": 0, "c2": 2})}
    assert ranked(s, decisions) == [("a1", 1), ("a2", 2)]


def test_the_chairs_tie_order_gives_distinct_ranks_in_its_order():
    s = five()
    totals = {"a1": 12, "a2": 10, "a3": 10, "a4": 8, "a5": 10}
    decisions = {aid: decision(aid, {"c1": t - 8, "c2": 4, "c3": 4}) for aid, t in totals.items()}
    order = TieOrder(application_ids=["a5", "a2", "a3"], motivation="a5 bereikt meer bewoners")
    result = rank(s, decisions, tie_orders=[order])
    assert [(r.application_id, r.rank) for r in result] == [("a1", 1), ("a5", 2), ("a2", 3), ("a3", 4), ("a4", 5)]
    by_id = {r.application_id: r for r in result}
    assert by_id["a2"].tie_order == order and not by_id["a2"].ex_aequo
    assert by_id["a2"].tied_with == ("a2", "a3", "a5")  # still a tie, ordered by the chair
    assert by_id["a1"].tie_order is None
    assert ties(result) == [("a2", "a3", "a5")]


def test_a_tie_order_for_another_group_is_ignored():
    s = five()
    totals = {"a1": 12, "a2": 10, "a3": 10, "a4": 8, "a5": 10}
    decisions = {aid: decision(aid, {"c1": t - 8, "c2": 4, "c3": 4}) for aid, t in totals.items()}
    # The chair ordered a2 and a3 when they were tied as a pair; now a5 ties with them too.
    old = TieOrder(application_ids=["a3", "a2"], motivation="ouder")
    result = rank(s, decisions, tie_orders=[old])
    assert [(r.application_id, r.rank) for r in result] == [("a1", 1), ("a2", 2), ("a3", 2), ("a5", 2), ("a4", 5)]
    assert all(r.tie_order is None for r in result)
    # The order of the pair applies again once the pair is the tie.
    pair = {aid: d for aid, d in decisions.items() if aid != "a5"}
    assert ranked(s, pair, tie_orders=[old])[:3] == [("a1", 1), ("a3", 2), ("a2", 3)]


def test_unscored_applications_come_last_unranked():
    s = five()
    decisions = {
        "a1": decision("a1", {"c1": 1, "c2": 1, "c3": 1}),
        "a3": decision("a3", {"c1": 5, "c2": 5}),  # no consensus on c3
        "a4": decision("a4", {"c1": 0, "c2": 0, "c3": 0}),  # total 0 is a total
    }
    result = rank(s, decisions)
    assert [(r.application_id, r.rank) for r in result] == [("a1", 1), ("a4", 2), ("a2", None), ("a3", None),
                                                            ("a5", None)]
    assert result[2].total is None and not result[2].selectable
    assert all(r.tied_with == () and r.tie_order is None for r in result[2:])


def test_unranked_for_too_few_votes_are_listed_by_total():
    s = five(minimum_votes=2)
    decisions = {aid: decision(aid, {"c1": total, "c2": 0, "c3": 0}) for aid, total in (("a1", 1), ("a2", 4), ("a3", 3))}
    # Every one has too few votes: unranked, highest total first, the unscored a4 and a5 last.
    result = rank(s, decisions, votes={"a1": 1, "a2": 1, "a3": 1})
    assert [(r.application_id, r.rank) for r in result] == [("a2", None), ("a3", None), ("a1", None), ("a4", None),
                                                            ("a5", None)]


# --- the minimum of votes -------------------------------------------------------------------


def test_minimum_votes_below_is_unranked_unless_the_chair_motivates():
    s = five(minimum_votes=3)
    decisions = {aid: decision(aid, {"c1": 5 - i, "c2": 3, "c3": 3}) for i, aid in enumerate(["a1", "a2", "a3"])}
    votes = {"a1": 3, "a2": 2, "a3": 4}  # a2 has one vote too few
    result = rank(s, decisions, votes=votes)
    assert [(r.application_id, r.rank, r.too_few_votes) for r in result] == [
        ("a1", 1, False), ("a3", 2, False), ("a2", None, True), ("a4", None, True), ("a5", None, True)]
    assert [r.votes for r in result[:3]] == [3, 4, 2]
    assert not result[2].selectable
    # The chair's motivated choice ranks it; a motivation of blanks is none.
    blank = {**decisions, "a2": decision("a2", {"c1": 4, "c2": 3, "c3": 3}, rank_motivation="  ")}
    assert ranked(s, blank, votes=votes)[:3] == [("a1", 1), ("a3", 2), ("a2", None)]
    motivated = {**decisions, "a2": decision("a2", {"c1": 4, "c2": 3, "c3": 3}, rank_motivation="gehoord")}
    result = rank(s, motivated, votes=votes)
    assert [(r.application_id, r.rank, r.too_few_votes) for r in result[:3]] == [
        ("a1", 1, False), ("a2", 2, False), ("a3", 3, False)]
    assert result[1].votes == 2


def test_minimum_votes_without_counts_ranks_everything_and_zero_minimum_needs_none():
    s = five(minimum_votes=3)
    decisions = {"a1": decision("a1", {"c1": 1, "c2": 1, "c3": 1})}
    assert rank(s, decisions)[0].rank == 1  # no counts given: not held against it
    assert rank(s, decisions, votes={})[0].too_few_votes  # counted, none: 0 < 3
    assert rank(five(), decisions, votes={})[0].rank == 1  # minimum 0
    # Minimum 1: an application nobody scored has 0 votes, one too few; exactly 1 is enough.
    one = five(minimum_votes=1)
    assert rank(one, decisions, votes={})[0].too_few_votes
    assert rank(one, decisions, votes={"a1": 1})[0].rank == 1


def test_voting_counts_are_the_fewest_on_any_criterion():
    aggregates = {
        "a1": ApplicationAggregate(application_id="a1", criteria={"c1": stats("c1", [1, 2, 3]), "c2": stats("c2", [4, 4])},
                                   weighted_total=None, conflicted_jurors=[]),
        "a2": ApplicationAggregate(application_id="a2", criteria={}, weighted_total=None, conflicted_jurors=[]),
    }
    assert voting_counts(aggregates) == {"a1": 2, "a2": 0}


# --- thresholds and eligibility -------------------------------------------------------------


def test_thresholds_keep_the_rank_but_make_it_not_selectable():
    s = five(minimum_scores={"c1": 2}, minimum_total=8.0)
    decisions = {
        "a1": decision("a1", {"c1": 2, "c2": 3, "c3": 3}),  # c1 exactly the minimum; 8 exactly the total
        "a2": decision("a2", {"c1": 1, "c2": 5, "c3": 5}),  # c1 under its minimum: 11
        "a3": decision("a3", {"c1": 3, "c2": 2, "c3": 2}),  # 7 under the total
        "a4": decision("a4", {"c1": 1, "c2": 2, "c3": 2}),  # both
    }
    by_id = {r.application_id: r for r in rank(s, decisions)}
    assert by_id["a1"].below_threshold == [] and by_id["a1"].selectable
    assert by_id["a2"].below_threshold == ["c1"] and not by_id["a2"].selectable and by_id["a2"].rank == 1
    assert by_id["a3"].below_threshold == ["total"] and not by_id["a3"].selectable
    assert by_id["a4"].below_threshold == ["c1", "total"]


def test_eligibility_checked_at_the_request_or_taken_as_given():
    s = session([application("a1", 850_000.0), application("a2", 600_000.0)], criteria(rules=[rule(RuleKind.MAX_SUBSIDY, 800_000)]))
    decisions = {aid: decision(aid, {"c1": 3, "c2": 3, "c3": 3}) for aid in ("a1", "a2")}
    by_id = {r.application_id: r for r in rank(s, decisions)}
    assert by_id["a1"].eligibility is Outcome.NOT_MET and not by_id["a1"].selectable  # 850,000 asked
    assert by_id["a1"].amount == 800_000  # the default amount: the cap
    assert by_id["a2"].eligibility is Outcome.MET and by_id["a2"].selectable
    given_ = {r.application_id: r for r in rank(s, decisions, {"a1": Outcome.MET, "a2": Outcome.UNKNOWN})}
    assert given_["a1"].selectable and given_["a2"].selectable  # unknown is not "not met"
    advised = {**decisions, "a2": decision("a2", {"c1": 3, "c2": 3, "c3": 3}, amount=450_000.0)}
    assert {r.application_id: r.amount for r in rank(s, advised)}["a2"] == 450_000.0


# --- by rank --------------------------------------------------------------------------------


def test_by_rank_passes_over_one_that_does_not_fit_for_a_smaller_one_below():
    # Budget 1,000,000: x1 600,000 (left 400,000); x2 500,000 does not fit; x3 300,000 fits (left 100,000);
    # x4 100,000 fits exactly (left 0). The rule must not stop at x2.
    ranking = rows((20, 600_000), (18, 500_000), (15, 300_000), (12, 100_000))
    proposal = propose_by_rank(ranking, 1_000_000)
    assert proposal.selected == ["x1", "x3", "x4"]
    assert proposal.passed_over == ["x2"]
    assert (proposal.total_amount, proposal.total_score, proposal.remaining) == (1_000_000, 47.0, 0.0)


def test_by_rank_takes_an_exact_fit_in_cents():
    ranking = rows((20, 400_000.01), (18, 599_999.99))
    proposal = propose_by_rank(ranking, 1_000_000)  # 400,000.01 + 599,999.99 = 1,000,000.00 exactly
    assert proposal.selected == ["x1", "x2"] and proposal.passed_over == [] and proposal.remaining == 0.0
    assert propose_by_rank(ranking, 999_999.99).selected == ["x1"]  # one cent short: x2 does not fit
    # 0.1 + 0.2 of a budget of 0.3: exact in cents, not in floating point.
    assert propose_by_rank(rows((2, 0.1), (1, 0.2)), 0.3).selected == ["x1", "x2"]


def test_by_rank_respects_rank_order():
    # x2 and x3 each fit alone, not together: the higher-ranked x2 is taken, although x3 would leave
    # less unspent and x3 + x4 together would score more.
    ranking = rows((20, 500_000), (15, 400_000), (14, 300_000), (13, 200_000))
    proposal = propose_by_rank(ranking, 1_000_000)
    assert proposal.selected == ["x1", "x2"]  # 900,000; x3 (300,000) and x4 (200,000) no longer fit
    assert proposal.passed_over == []  # nothing above x2 was skipped
    assert proposal.remaining == 100_000


def test_by_rank_skips_what_is_not_selectable_without_naming_it():
    ranking = [
        row("x1", 1, 20, 300_000, below=["c1"]),
        row("x2", 2, 18, 300_000, eligibility=Outcome.NOT_MET),
        row("x3", 3, 16, 900_000),
        row("x4", 4, 15, 300_000, eligibility=Outcome.UNKNOWN),
        row("x5", None, None, 100_000),
    ]
    proposal = propose_by_rank(ranking, 500_000)
    assert proposal.selected == ["x4"] and proposal.passed_over == ["x3"]


@pytest.mark.parametrize("budget", [0, 0.0])
def test_zero_budget(budget):
    ranking = rows((20, 100_000), (10, 0.0))
    for proposal in (propose_by_rank(ranking, budget), propose_best_fit(ranking, budget, ONES)):
        assert proposal.total_amount == 0.0 and proposal.budget == 0.0
        assert "x1" not in proposal.selected
    assert propose_by_rank(ranking, budget).selected == ["x2"]  # an amount of 0 fits
    assert propose_by_rank(ranking, budget).passed_over == ["x1"]


def test_empty_ranking():
    for proposal in (propose_by_rank([], 100.0), propose_best_fit([], 100.0, ONES)):
        assert proposal == Proposal(selected=[], total_amount=0.0, total_score=0.0, budget=100.0, passed_over=[])
        assert type(proposal.total_score) is float and type(proposal.total_amount) is float  # shown as 0,0


# --- best fit -------------------------------------------------------------------------------


def test_best_fit_maximises_the_summed_total_and_names_whom_it_leaves_out():
    # Budget 1,000,000. By rank: x1 (700,000); x2 does not fit; x3 neither (700,000 + 300,000.01 is one
    # cent over); x4 does: 20 + 8 = 28.
    # Best fit: x2 + x3 + x4 = 499,999.99 + 300,000.01 + 200,000 = 1,000,000 exactly, 18 + 15 + 8 = 41.
    ranking = rows((20, 700_000), (18, 499_999.99), (15, 300_000.01), (8, 200_000))
    by_rank = propose_by_rank(ranking, 1_000_000)
    assert (by_rank.selected, by_rank.total_score, by_rank.passed_over) == (["x1", "x4"], 28.0, ["x2", "x3"])
    best = propose_best_fit(ranking, 1_000_000, ONES)
    assert best.selected == ["x2", "x3", "x4"]  # in rank order
    assert (best.total_score, best.total_amount, best.remaining) == (41.0, 1_000_000, 0.0)
    assert best.passed_over == ["x1"]  # the higher-ranked one it trades for the others


def test_best_fit_takes_an_exact_fit_in_cents():
    ranking = rows((10, 333_333.33), (10, 333_333.33), (10, 333_333.34))
    best = propose_best_fit(ranking, 1_000_000, ONES)
    assert best.selected == ["x1", "x2", "x3"] and best.total_amount == 1_000_000
    assert len(propose_best_fit(ranking, 999_999.99, ONES).selected) == 2


def test_best_fit_among_equal_sums_takes_the_cheaper_then_the_higher_ranked():
    # x1 and x2 both score 10; only one fits. Equal cost: the higher-ranked x1.
    assert propose_best_fit(rows((10, 300), (10, 300)), 300, ONES).selected == ["x1"]
    # Equal score, x2 cheaper: x2, leaving more of the budget; x1 is named as left out.
    cheaper = propose_best_fit(rows((10, 300), (10, 200)), 300, ONES)
    assert cheaper.selected == ["x2"] and cheaper.passed_over == ["x1"] and cheaper.remaining == 100
    # 9 + 1 against 10 at the same cost: equal sums, the cheaper pair wins only when cheaper.
    assert propose_best_fit(rows((10, 300), (9, 150), (1, 150)), 300, ONES).selected == ["x1"]


def test_best_fit_with_the_smallest_totals():
    # Totals of 1 point each (the smallest step on whole weights): two of three fit, both taken.
    best = propose_best_fit(rows((1, 100), (1, 100), (1, 100)), 200, ONES)
    assert best.selected == ["x1", "x2"] and best.total_score == 2.0 and best.passed_over == []
    assert propose_best_fit(rows((1, 100)), 100, ONES).selected == ["x1"]
    # A total of 0 adds nothing: never proposed, even when it fits.
    assert propose_best_fit(rows((2, 100), (0, 0)), 100, ONES).selected == ["x1"]


def test_best_fit_ignores_what_does_not_fit_or_is_not_selectable():
    ranking = [
        row("x1", 1, 30, 2_000_000),  # larger than the budget alone
        row("x2", 2, 25, 100_000, below=["total"]),
        row("x3", 3, 20, 500_000),
        row("x4", 4, 10, 100_000, eligibility=Outcome.NOT_MET),
        row("x5", 5, 5, 100_000),
    ]
    best = propose_best_fit(ranking, 1_000_000, ONES)
    assert best.selected == ["x3", "x5"] and best.total_score == 25.0
    assert best.passed_over == ["x1"]  # x1 is selectable and ranked above x5, though it can never fit
    assert propose_best_fit(ranking[:2], 1_000_000, ONES).selected == []


def test_best_fit_with_weights_in_quarters():
    # Weights 1.5, 0.25, 1: totals are multiples of 1/4. 10.5 + 7.25 = 17.75 beats 7.25 + 7.25 + 0.25.
    ranking = rows((10.5, 100), (7.25, 100), (7.25, 100), (0.25, 50))
    best = propose_best_fit(ranking, 200, [1.5, 0.25, 1.0])
    assert best.selected == ["x1", "x2"] and best.total_score == pytest.approx(17.75)
    assert propose_best_fit(ranking, 250, [1.5, 0.25, 1.0]).selected == ["x1", "x2", "x4"]


# --- properties -----------------------------------------------------------------------------

spec = st.lists(st.tuples(st.integers(0, 20), st.integers(0, 12), st.booleans()), max_size=8)


def _spec_rows(items):
    return [row(f"x{i}", i, float(total), amount * 100_000.0, below=[] if ok else ["total"])
            for i, (total, amount, ok) in enumerate(items, start=1)]


@settings(max_examples=200, deadline=None)
@given(spec, st.integers(0, 40))
def test_by_rank_is_the_rank_greedy_selection(items, units):
    ranking = _spec_rows(items)
    budget = units * 100_000.0
    proposal = propose_by_rank(ranking, budget)
    assert proposal.total_amount <= budget
    chosen = set(proposal.selected)
    spent = 0.0
    for r in ranking:  # every selectable one is taken exactly when it still fits after the ones above
        fits = r.selectable and spent + r.amount <= budget
        assert (r.application_id in chosen) == fits
        spent += r.amount if fits else 0.0
    lowest = max((r.rank for r in ranking if r.application_id in chosen), default=0)  # ex aequo is not "higher"
    assert proposal.passed_over == [r.application_id for r in ranking
                                    if r.selectable and r.application_id not in chosen and r.rank < lowest]
    assert proposal.selected == [r.application_id for r in ranking if r.application_id in chosen]


@settings(max_examples=200, deadline=None)
@given(spec, st.integers(0, 40))
def test_best_fit_is_the_best_subset_and_never_below_by_rank(items, units):
    ranking = _spec_rows(items)
    budget = units * 100_000.0
    best = propose_best_fit(ranking, budget, ONES)
    selectable = [r for r in ranking if r.selectable]
    optimum = max((sum(r.total for r in combo) for k in range(len(selectable) + 1)
                   for combo in itertools.combinations(selectable, k) if sum(r.amount for r in combo) <= budget),
                  default=0.0)
    assert best.total_score == optimum
    assert best.total_amount <= budget
    assert best.total_score >= propose_by_rank(ranking, budget).total_score
    assert set(best.selected) <= {r.application_id for r in selectable}
    assert best.selected == [r.application_id for r in ranking if r.application_id in set(best.selected)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 6), min_size=1, max_size=8))
def test_ranks_are_competition_ranks(totals):
    s = session([application(f"a{i}") for i in range(len(totals))], criteria({"c1": 1.0}))
    decisions = {f"a{i}": decision(f"a{i}", {"c1": t}) for i, t in enumerate(totals)}
    for r in rank(s, decisions):
        # The rank is one more than the number of applications with a strictly higher total.
        assert r.rank == 1 + sum(1 for t in totals if t > r.total)
        assert bool(r.tied_with) == (totals.count(int(r.total)) > 1)


# --- reserve list, scenarios, provisional line ------------------------------------------------


def test_reserve_list_cumulates_past_the_budget_line():
    ranking = rows((20, 600_000), (18, 500_000), (15, 300_000), (12, 100_000), (11, 250_000.5))
    ranking.append(row("x6", 6, 10, 50_000, below=["total"]))  # not selectable: no reserve
    amounts = {r.application_id: r.amount for r in ranking}
    reserve = reserve_list(ranking, ["x1", "x3", "x4"], amounts)  # selected: 1,000,000
    assert [(e.application_id, e.amount, e.cumulative) for e in reserve] == [
        ("x2", 500_000, 1_500_000),  # 1,000,000 + 500,000
        ("x5", 250_000.5, 1_750_000.5),  # + 250,000.50
    ]
    # An amount given for the reserve wins over the ranking's default.
    assert reserve_list(ranking, ["x1"], {**amounts, "x2": 450_000.0})[0].cumulative == 1_050_000
    assert reserve_list(ranking, [], {})[0].cumulative == 600_000  # nothing selected: from 0
    assert reserve_list(ranking, [r.application_id for r in ranking[:5]], amounts) == []


def test_scenarios_at_4_and_7_6_million_side_by_side():
    # Eleven applications of 700,000 ranked 1..11, and x12 of 300,000.
    ranking = rows(*[(30 - i, 700_000) for i in range(11)], (5, 300_000))
    low, high = scenario(ranking, 4_000_000, ONES), scenario(ranking, 7_600_000, ONES)
    # 4,000,000: five of 700,000 = 3,500,000, left 500,000; x12 (300,000) fits below.
    assert low.by_rank.selected == ["x1", "x2", "x3", "x4", "x5", "x12"] and low.budget == 4_000_000
    assert low.by_rank.passed_over == ["x6", "x7", "x8", "x9", "x10", "x11"]
    assert low.by_rank.total_amount == 3_800_000
    assert [e.application_id for e in low.reserve][:2] == ["x6", "x7"]
    assert low.reserve[0].cumulative == 4_500_000 and low.reserve[-1].cumulative == 8_000_000
    # 7,600,000: ten of 700,000 = 7,000,000, left 600,000: x11 does not fit, x12 does.
    assert high.by_rank.selected == [f"x{i}" for i in range(1, 11)] + ["x12"]
    assert high.by_rank.total_amount == 7_300_000 and high.by_rank.passed_over == ["x11"]
    assert [(e.application_id, e.cumulative) for e in high.reserve] == [("x11", 8_000_000)]
    assert high.best_fit.total_score >= high.by_rank.total_score
    assert high.best_fit.budget == 7_600_000


def test_provisional_decisions_fill_only_missing_scores_with_the_suggested_median():
    crit = criteria()
    aggregate = ApplicationAggregate(
        application_id="a1",
        criteria={"c1": stats("c1", [2, 3], 2.5), "c2": stats("c2", [4, 4], 4.0), "c3": stats("c3", [], None)},
        weighted_total=None, conflicted_jurors=[],
    )
    other = ApplicationAggregate(application_id="a2", criteria={"c1": stats("c1", [1], 1.0)}, weighted_total=None,
                                 conflicted_jurors=[])
    decisions = {"a1": decision("a1", {"c2": 1}, Recommendation.SELECT, amount=5.0, motivation="m")}
    # The chair wrote c3's motivation before its score: kept with the suggested score.
    decisions["a1"] = dataclasses.replace(decisions["a1"], criteria={
        **decisions["a1"].criteria, "c1": CriterionConsensus(criterion_id="c1", motivation="eerst gemotiveerd")})
    filled = provisional_decisions(crit, decisions, {"a1": aggregate, "a2": other})
    a1 = filled["a1"]
    assert a1.get("c1") == CriterionConsensus(criterion_id="c1", score=3, motivation="eerst gemotiveerd")  # 2.5 -> 3
    assert a1.get("c2").score == 1  # set by the chair: never touched (the median is 4)
    assert a1.get("c3").score is None  # nobody voted: stays open
    assert (a1.recommendation, a1.advised_amount, a1.overall_motivation) == (Recommendation.SELECT, 5.0, "m")
    assert filled["a2"].get("c1") == CriterionConsensus(criterion_id="c1", score=1)  # no decision yet
    assert filled["a2"].application_id == "a2" and filled["a2"].get("c2").score is None
    assert decisions["a1"].get("c1").score is None  # the chair's own decisions are unchanged
    assert set(filled) == {"a1", "a2"}


def test_proposals_never_overturn_an_explicit_niet_selecteren():
    """x1 (rejected by the chair) would be taken first by rank; the proposals leave it out, and it is
    not "passed over" either: the jury decided on it. Budget 300: by rank x2 (100) + x3 (150) = 250."""
    from jury_tui.domain.ranking import proposals, scenario

    ranking = rows((30, 200.0), (25, 100.0), (20, 150.0), (10, 100.0))
    by_rank, best_fit = proposals(ranking, 300.0, [1.0], excluded=["x1"])
    assert by_rank.selected == ["x2", "x3"] and by_rank.passed_over == []
    assert "x1" not in best_fit.selected and "x1" not in best_fit.passed_over
    assert [entry.application_id for entry in scenario(ranking, 300.0, [1.0], ["x1"]).reserve] == ["x4"]
    # Without the exclusion the same budget takes x1 first (200) and then x2 (100): 300, an exact fit.
    assert proposals(ranking, 300.0, [1.0])[0].selected == ["x1", "x2"]
