"""The call's eligibility rules, the consensus arithmetic and the weighted total, pinned by
hand-worked examples at every boundary (issue 13 item 11). Records are built in code
(tests/rules_builders.py), so the mutation run (docs/testing.md) runs these quickly."""

from __future__ import annotations

import datetime as dt

import pytest

from jury_tui.domain.aggregation import (
    Agreement,
    agreement_level,
    criterion_stats,
    krippendorff_alpha_ordinal,
    maximum_total,
    reliability,
    weighted_total,
)
from jury_tui.domain.applications import Approval
from jury_tui.domain.consensus import (
    ApplicationDecision,
    CriterionConsensus,
    Recommendation,
    amount_cap,
    default_amount,
    missing_consensus,
    selection,
    suggested_score,
)
from jury_tui.domain.criteria import RuleKind
from jury_tui.domain.eligibility import (
    EligibilityCheck,
    Outcome,
    check_eligibility,
    check_rule,
    overall_outcome,
)
from tests.rules_builders import application, criteria, decision, rule, session, stats

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
CAP = rule(RuleKind.MAX_SUBSIDY, 800_000)
CO = rule(RuleKind.MIN_CO_FINANCING_SHARE, 0.20)
INFRA = rule(RuleKind.MAX_INFRASTRUCTURE_SHARE, 0.20)
DURATION = rule(RuleKind.MAX_DURATION_MONTHS, 48)
CEST = dt.timezone(dt.timedelta(hours=2))
DEADLINE = rule(RuleKind.SUBMISSION_DEADLINE, deadline=dt.datetime(2021, 7, 19, 12, 0, tzinfo=CEST))
CONTRACT_END = rule(RuleKind.CONTRACT_END, ends_by=dt.date(2025, 12, 31))
DOUBLE = rule(RuleKind.NO_DOUBLE_SUBSIDY)
COUNCIL = rule(RuleKind.APPROVED_BY_COUNCIL)


def outcome(app, eligibility_rule, granted=None) -> Outcome:
    return check_rule(app, eligibility_rule, granted).outcome


# --- the subsidy cap (call §4: at most 800,000 euro) ------------------------------------------


@pytest.mark.parametrize(("requested", "expected"), [
    (800_000.00, MET),  # exactly the cap
    (800_000.01, NOT_MET),  # one cent over
    (799_999.99, MET),
    (0.0, MET),
])
def test_the_cap_at_its_boundary(requested, expected):
    check = check_rule(application(requested=requested), CAP)
    assert (check.outcome, check.value, check.limit) == (expected, requested, 800_000)
    assert (check.rule_id, check.kind) == ("max-subsidy", RuleKind.MAX_SUBSIDY)


def test_the_cap_is_checked_at_the_advised_amount_when_there_is_one():
    over = application(requested=850_000.0)
    assert outcome(over, CAP) is NOT_MET
    assert outcome(over, CAP, granted=800_000.0) is MET  # the jury advises the cap: granted 800,000
    assert outcome(over, CAP, granted=800_000.01) is NOT_MET
    assert check_rule(over, CAP, granted=750_000.0).value == 750_000.0
    # An advised amount of 0 is an amount (not "no amount"): checked as 0, not as the request.
    assert check_rule(over, CAP, granted=0.0).value == 0.0 and outcome(over, CAP, granted=0.0) is MET
    # A lower request is checked at a higher advised amount too (the chair's typing error is caught).
    assert outcome(application(requested=500_000.0), CAP, granted=900_000.0) is NOT_MET


# --- co-financing: at least 20 % of the budgeted cost ------------------------------------------


@pytest.mark.parametrize(("co_financing", "budgeted", "expected", "share"), [
    (200_000.0, 1_000_000.0, MET, 0.20),  # 200,000 / 1,000,000 = exactly 20 %: met (">" would fail it)
    (199_999.99, 1_000_000.0, NOT_MET, 0.19999999),  # one cent short: 19.999999 %
    (250_000.0, 1_000_000.0, MET, 0.25),
    (0.0, 1_000_000.0, NOT_MET, 0.0),
    (1_000_000.0, 1_000_000.0, MET, 1.0),
    # A large project: 2,000,000 of 10,000,000 is 20 %; one cent less is 1e-9 short and must fail.
    (2_000_000.0, 10_000_000.0, MET, 0.20),
    (1_999_999.99, 10_000_000.0, NOT_MET, 0.199999999),
    # 200,000.02 / 1,000,000.10 is 0.19999999999999998 in floating point: still exactly 20 %, met.
    (200_000.02, 1_000_000.10, MET, 0.20),
])
def test_co_financing_at_its_boundary(co_financing, budgeted, expected, share):
    check = check_rule(application(co_financing=co_financing, budgeted_cost=budgeted), CO)
    assert check.outcome is expected
    assert check.value == pytest.approx(share)
    assert check.limit == 0.20


def test_co_financing_is_a_share_of_the_budgeted_cost_not_of_the_subsidy():
    # Budgeted cost 1,000,000, subsidy asked 800,000, co-financing 180,000:
    # of the cost 180,000 / 1,000,000 = 18 % -> not met; of the subsidy it would be 22.5 % -> "met".
    short = application(requested=800_000.0, budgeted_cost=1_000_000.0, co_financing=180_000.0)
    assert outcome(short, CO) is NOT_MET
    assert check_rule(short, CO).value == pytest.approx(0.18)
    # And the other way round: cost 500,000, subsidy 400,000, co-financing 100,000:
    # 100,000 / 500,000 = 20 % -> met; of the subsidy 25 %, of the subsidy+co 20 %: only the cost counts.
    enough = application(requested=400_000.0, budgeted_cost=500_000.0, co_financing=100_000.0)
    assert outcome(enough, CO) is MET
    # 150,000 of 1,000,000 is 15 % of the cost, 25 % of a 600,000 subsidy: not met.
    assert outcome(application(requested=600_000.0, budgeted_cost=1_000_000.0, co_financing=150_000.0), CO) is NOT_MET


def test_co_financing_does_not_depend_on_the_advised_amount():
    app = application(requested=800_000.0, budgeted_cost=1_000_000.0, co_financing=200_000.0)
    assert outcome(app, CO, granted=100_000.0) is MET and outcome(app, CO, granted=5_000_000.0) is MET


@pytest.mark.parametrize("figures", [
    {"budgeted_cost": 1_000_000.0},  # no co-financing given
    {"co_financing": 200_000.0},  # no budgeted cost given
    {},  # neither
    {"co_financing": 200_000.0, "budgeted_cost": 0.0},  # a cost of 0: no share can be computed
    {"co_financing": 0.0, "budgeted_cost": 0.0},
])
def test_co_financing_without_its_figures_is_unknown_never_met(figures):
    check = check_rule(application(**figures), CO)
    assert check.outcome is UNKNOWN and check.value is None


# --- infrastructure: at most 20 % of the subsidy granted ---------------------------------------


@pytest.mark.parametrize(("infrastructure", "subsidy", "expected"), [
    (120_000.0, 600_000.0, MET),  # 120,000 / 600,000 = exactly 20 %: met (">=" in the wrong place fails it)
    (120_000.01, 600_000.0, NOT_MET),  # one cent over 20 %
    (119_999.99, 600_000.0, MET),
    (0.0, 600_000.0, MET),
    (160_000.01, 800_000.0, NOT_MET),  # 20.0000013 %
    # 0.07 / 0.35 is 0.20000000000000004 in floating point: still exactly 20 %, met.
    (0.07, 0.35, MET),
])
def test_infrastructure_at_its_boundary(infrastructure, subsidy, expected):
    check = check_rule(application(requested=subsidy, infrastructure_amount=infrastructure), INFRA)
    assert check.outcome is expected
    assert check.value == pytest.approx(infrastructure / subsidy)


def test_infrastructure_is_a_share_of_the_amount_granted():
    app = application(requested=600_000.0, infrastructure_amount=120_000.0)
    # Of the request: 120,000 / 600,000 = 20 % -> met.
    assert outcome(app, INFRA) is MET
    # Of the advised 500,000: 120,000 / 500,000 = 24 % -> not met.
    check = check_rule(app, INFRA, granted=500_000.0)
    assert check.outcome is NOT_MET and check.value == pytest.approx(0.24)
    # Of an advised 600,000.00 (the request): the same 20 %.
    assert outcome(app, INFRA, granted=600_000.0) is MET
    # A higher request with a lower infrastructure share: 150,000 of 700,000 = 21.4 % not met,
    # of 750,000 advised = 20 % met.
    over = application(requested=700_000.0, infrastructure_amount=150_000.0)
    assert outcome(over, INFRA) is NOT_MET and outcome(over, INFRA, granted=750_000.0) is MET


def test_no_infrastructure_is_met_whatever_the_amount():
    app = application(requested=600_000.0, infrastructure_amount=0.0)
    for granted in (None, 0.0, 1.0, 600_000.0):
        check = check_rule(app, INFRA, granted)
        assert (check.outcome, check.value) == (MET, 0.0)


def test_infrastructure_without_its_figure_or_with_nothing_granted_is_unknown():
    assert outcome(application(requested=600_000.0), INFRA) is UNKNOWN  # no infrastructure amount given
    # Infrastructure 50,000 of a subsidy of 0: no share can be computed.
    assert outcome(application(requested=0.0, infrastructure_amount=50_000.0), INFRA) is UNKNOWN
    assert outcome(application(requested=600_000.0, infrastructure_amount=50_000.0), INFRA, granted=0.0) is UNKNOWN


# --- duration, deadline, end of the contract ---------------------------------------------------


@pytest.mark.parametrize(("months", "expected"), [(48, MET), (49, NOT_MET), (1, MET), (None, UNKNOWN)])
def test_duration_at_its_boundary(months, expected):
    check = check_rule(application(duration_months=months), DURATION)
    assert check.outcome is expected
    assert check.value == (None if months is None else float(months))


@pytest.mark.parametrize(("submitted", "expected"), [
    (dt.datetime(2021, 7, 19, 12, 0, tzinfo=CEST), MET),  # exactly at the deadline
    (dt.datetime(2021, 7, 19, 12, 0, 1, tzinfo=CEST), NOT_MET),  # one second after
    (dt.datetime(2021, 7, 19, 10, 0, tzinfo=dt.timezone.utc), MET),  # the same moment in UTC
    (dt.datetime(2021, 7, 19, 10, 0, 1, tzinfo=dt.timezone.utc), NOT_MET),
    (dt.datetime(2021, 7, 19, 11, 30, tzinfo=dt.timezone.utc), NOT_MET),  # 13:30 in Brussels
    (dt.datetime(2021, 7, 19, 12, 0), MET),  # no offset: read in the deadline's own offset
    (dt.datetime(2021, 7, 19, 12, 0, 1), NOT_MET),
    (dt.datetime(2021, 7, 19, 11, 59, 59), MET),
])
def test_submission_deadline_at_its_boundary_with_and_without_offset(submitted, expected):
    check = check_rule(application(submitted_at=submitted), DEADLINE)
    assert check.outcome is expected
    assert check.value == submitted.isoformat()
    assert check.limit == "2021-07-19T12:00:00+02:00"


def test_submission_time_missing_is_unknown():
    check = check_rule(application(), DEADLINE)
    assert (check.outcome, check.value) == (UNKNOWN, None)


@pytest.mark.parametrize(("ends_on", "expected"), [
    (dt.date(2025, 12, 31), MET),  # the last day allowed (call §5)
    (dt.date(2026, 1, 1), NOT_MET),  # one day later
    (dt.date(2024, 6, 30), MET),
    (None, UNKNOWN),
])
def test_contract_end_at_its_boundary(ends_on, expected):
    check = check_rule(application(ends_on=ends_on), CONTRACT_END)
    assert check.outcome is expected
    assert check.value == (None if ends_on is None else ends_on.isoformat())
    assert check.limit == "2025-12-31"


# --- double subsidy, council approval ----------------------------------------------------------


@pytest.mark.parametrize(("flag", "expected", "value"), [
    (True, NOT_MET, "yes"),  # another Flemish subsidy for the same project
    (False, MET, "no"),
    (None, UNKNOWN, None),
])
def test_double_subsidy(flag, expected, value):
    check = check_rule(application(other_flemish_subsidy=flag), DOUBLE)
    assert (check.outcome, check.value) == (expected, value)


@pytest.mark.parametrize(("approval", "expected"), [
    (Approval.COUNCIL, MET),
    (Approval.COLLEGE, MET),
    (Approval.NONE, NOT_MET),
    (None, UNKNOWN),
])
def test_council_approval(approval, expected):
    check = check_rule(application(approved_by=approval), COUNCIL)
    assert check.outcome is expected
    assert check.value == (None if approval is None else approval.value)


# --- every rule together ---------------------------------------------------------------------


def _check(result: Outcome) -> EligibilityCheck:
    return EligibilityCheck(rule_id="r", kind=RuleKind.MAX_SUBSIDY, outcome=result)


@pytest.mark.parametrize(("outcomes", "expected"), [
    ([], MET),  # no rules: nothing fails
    ([MET, MET], MET),
    ([MET, UNKNOWN], UNKNOWN),
    ([UNKNOWN, NOT_MET], NOT_MET),  # not met beats unknown
    ([NOT_MET, UNKNOWN, MET], NOT_MET),
    ([MET, NOT_MET], NOT_MET),
    ([UNKNOWN], UNKNOWN),
])
def test_overall_outcome_precedence(outcomes, expected):
    assert overall_outcome([_check(o) for o in outcomes]) is expected


def test_check_eligibility_checks_every_rule_in_order_at_the_granted_amount():
    rules = [CAP, INFRA, DURATION]
    app = application(requested=850_000.0, infrastructure_amount=160_000.0, duration_months=48)
    # At the request: 850,000 > cap; 160,000 / 850,000 = 18.8 % met.
    assert [c.outcome for c in check_eligibility(app, rules)] == [NOT_MET, MET, MET]
    # At the advised 700,000: cap met; 160,000 / 700,000 = 22.9 % not met.
    checks = check_eligibility(app, rules, 700_000.0)
    assert [c.rule_id for c in checks] == ["max-subsidy", "max-infrastructure-share", "max-duration-months"]
    assert [c.outcome for c in checks] == [MET, NOT_MET, MET]


# --- consensus arithmetic --------------------------------------------------------------------


@pytest.mark.parametrize(("median", "expected"), [
    (2.5, 3),  # halves round up
    (2.4999, 2),
    (2.5001, 3),
    (3.0, 3),
    (0.5, 1),
    (0.0, 0),
    (4.5, 5),
    (None, None),  # nobody voted
])
def test_suggested_score_rounds_halves_up(median, expected):
    assert suggested_score(stats(median=median)) == expected


def test_suggested_score_is_the_median_of_the_voting_scores():
    # Scores 2, 3: median 2.5 -> 3. Scores 1, 2, 4, 5: median (2 + 4) / 2 = 3. Scores 1, 2: 1.5 -> 2.
    for scores, expected in (([2, 3], 3), ([5, 1, 4, 2], 3), ([1, 2], 2), ([4], 4), ([0, 0, 5], 0)):
        assert suggested_score(criterion_stats("c1", scores, 0, 2.0)) == expected


def test_amount_cap_is_the_lower_of_request_and_cap():
    capped = criteria(rules=[CAP])
    assert amount_cap(application(requested=850_000.0), capped) == 800_000  # asked more than the cap
    assert amount_cap(application(requested=600_000.0), capped) == 600_000  # the request
    assert amount_cap(application(requested=800_000.0), capped) == 800_000
    assert amount_cap(application(requested=850_000.0), criteria()) == 850_000  # no cap in the call
    two = criteria(rules=[CAP, rule(RuleKind.MAX_SUBSIDY, 700_000, rule_id="tweede")])
    assert amount_cap(application(requested=850_000.0), two) == 700_000  # the strictest cap
    # Another rule's limit is no cap on the amount.
    assert amount_cap(application(requested=850_000.0), criteria(rules=[INFRA, DURATION])) == 850_000


def test_default_amount_is_the_advised_amount_else_the_cap():
    capped = criteria(rules=[CAP])
    app = application(requested=850_000.0)
    assert default_amount(app, capped, None) == 800_000
    assert default_amount(app, capped, decision("a1")) == 800_000
    assert default_amount(app, capped, decision("a1", amount=500_000.0)) == 500_000
    assert default_amount(app, capped, decision("a1", amount=0.0)) == 0.0  # 0 advised is 0, not the cap


def test_recommendation_funded():
    assert Recommendation.SELECT.funded and Recommendation.RESERVE.funded
    assert not Recommendation.REJECT.funded


def test_selection_is_every_select_in_the_order_given():
    decisions = {
        "a1": decision("a1", recommendation=Recommendation.SELECT),
        "a2": decision("a2", recommendation=Recommendation.RESERVE),
        "a3": decision("a3", recommendation=Recommendation.SELECT),
        "a4": decision("a4", recommendation=Recommendation.REJECT),
        "a5": decision("a5"),
    }
    assert selection(["a3", "a2", "a1", "a4", "a5", "a6"], decisions) == ["a3", "a1"]


def test_missing_consensus_names_score_and_required_motivation():
    crit = criteria(motivation_required={"c3": False})
    decisions = {
        "a1": decision("a1", {"c1": 4, "c2": 3, "c3": 2}),  # complete
        "a2": ApplicationDecision(application_id="a2", criteria={
            "c1": CriterionConsensus(criterion_id="c1", score=0, motivation="m"),  # 0 is a score
            "c2": CriterionConsensus(criterion_id="c2", score=3, motivation="   "),  # blanks are no motivation
            "c3": CriterionConsensus(criterion_id="c3", score=None, motivation=""),  # no motivation needed
        }),
    }
    assert missing_consensus(crit, ["a1", "a2", "a3"], decisions) == {
        "a2": [("c2", ["motivation"]), ("c3", ["score"])],
        "a3": [("c1", ["score", "motivation"]), ("c2", ["score", "motivation"]), ("c3", ["score"])],
    }
    assert decisions["a2"].missing_motivations(crit) == ["c2"]
    assert decisions["a1"].missing_motivations(crit) == []


def test_consensus_total_is_the_weighted_sum_of_the_consensus_scores():
    crit = criteria({"c1": 2.0, "c2": 0.5})
    assert decision("a1", {"c1": 4, "c2": 3}).consensus_total(crit) == 9.5  # 2 × 4 + 0.5 × 3
    assert decision("a1", {"c1": 4}).consensus_total(crit) is None
    assert decision("a1", {"c1": 0, "c2": 0}).consensus_total(crit) == 0.0


# --- the weighted total that feeds the ranking ---------------------------------------------------


def test_weighted_total_by_hand():
    crit = criteria({"c1": 1.5, "c2": 1.0, "c3": 0.25})
    assert weighted_total(crit, {"c1": 4, "c2": 3, "c3": 2}) == 9.5  # 6 + 3 + 0.5
    assert weighted_total(crit, {"c1": 0, "c2": 0, "c3": 0}) == 0.0  # zero scores are scores
    assert weighted_total(crit, {"c1": 4, "c2": None, "c3": 2}) is None  # a missing score: no total
    assert weighted_total(crit, {"c1": 4, "c3": 2}) is None
    assert weighted_total(crit, {"c1": 4, "c2": 3, "c3": 2, "other": 5}) == 9.5  # not a criterion: ignored
    assert maximum_total(crit) == 13.75  # (1.5 + 1 + 0.25) × 5


def test_criterion_stats_by_hand():
    one = criterion_stats("c1", [3, 5, 1, 4], 2, 2.0)
    assert (one.count, one.missing, one.mean, one.median, one.min, one.max, one.spread) == (4, 2, 3.25, 3.5, 1, 5, 4)
    assert one.flagged  # spread 4 >= threshold 2
    assert criterion_stats("c1", [3, 5], 0, 2.0).flagged  # spread exactly at the threshold
    assert not criterion_stats("c1", [3, 4], 0, 2.0).flagged
    assert not criterion_stats("c1", [1], 0, 0.0).flagged  # one score disagrees with nobody
    odd = criterion_stats("c1", [5, 1, 2], 0, 2.0)
    assert (odd.median, odd.stdev) == (2.0, pytest.approx(2.081666, abs=1e-6))
    empty = criterion_stats("c2", [], 3, 2.0)
    assert (empty.count, empty.missing, empty.median, empty.flagged) == (0, 3, None, False)
    assert (one.criterion_id, empty.criterion_id) == ("c1", "c2")


@pytest.mark.parametrize(("alpha", "level"), [
    (1.0, Agreement.HIGH), (0.8, Agreement.HIGH),  # Krippendorff's cut-offs are inclusive
    (0.7999, Agreement.ACCEPTABLE), (0.7, Agreement.ACCEPTABLE), (0.667, Agreement.ACCEPTABLE),
    (0.6669, Agreement.MODERATE), (0.4, Agreement.MODERATE),
    (0.3999, Agreement.LOW), (-0.5, Agreement.LOW),
    (None, Agreement.UNDEFINED), (float("nan"), Agreement.UNDEFINED),
])
def test_agreement_levels_at_their_cut_offs(alpha, level):
    assert agreement_level(alpha) is level


class _Columns:
    """What reliability reads of a score table: per cell (application × criteria + criterion) the
    voting jurors' scores."""

    def __init__(self, columns):
        self.columns = columns

    def voting_columns(self):
        return self.columns


def test_reliability_is_per_criterion_over_the_applications():
    s = session([application("a1"), application("a2"), application("a3")], criteria({"c1": 1.0, "c2": 1.0}))
    columns = [
        (1, 5), (1, 1),  # a1: c1, c2
        (3, 1), (3, 3),  # a2
        (5, None), (5, 5),  # a3: the second juror gave no c1 score
    ]
    # c2: every juror agrees on every application -> 1.0. c1: units [1, 5], [3, 1], [5] (one score: no pair).
    alphas = reliability(s, _Columns(columns))
    assert alphas == {"c1": krippendorff_alpha_ordinal([[1, 5], [3, 1]]), "c2": 1.0}
    assert alphas["c1"] < 0  # they disagree more than chance
