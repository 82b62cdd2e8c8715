"""What is open in an advice (domain/advice.py), every gap at its boundary (issue 13 items 1–4)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from jury_tui.domain.advice import (
    AdviceGaps,
    Gap,
    OpenPoint,
    advice_gaps,
    application_gaps,
    eligibility_at_advice,
    granted_amount,
)
from jury_tui.domain.consensus import Recommendation
from jury_tui.domain.criteria import RuleKind
from jury_tui.domain.deliberation import Deliberation, GovernmentDecision, GrantedContract, Meeting, TieOrder
from jury_tui.domain.eligibility import Outcome, check_eligibility
from jury_tui.domain.ranking import rank
from tests.rules_builders import application, criteria, decision, row, rule, session

SELECT, RESERVE, REJECT = Recommendation.SELECT, Recommendation.RESERVE, Recommendation.REJECT
FULL = {"c1": 4, "c2": 3, "c3": 3}
MEETING = Meeting(held_on=dt.date(2021, 10, 5), chair="Voorzitter", attendees=["j1"])
RECORDED = Deliberation(meeting=MEETING)
CAP = rule(RuleKind.MAX_SUBSIDY, 800_000)
INFRA = rule(RuleKind.MAX_INFRASTRUCTURE_SHARE, 0.20)


def complete(application_id: str = "a1", recommendation: Recommendation = SELECT, **kwargs):
    """A decision with nothing open."""
    kwargs.setdefault("motivation", "Sterk dossier")
    kwargs.setdefault("motivation_for", recommendation)
    return decision(application_id, kwargs.pop("scores", FULL), recommendation, **kwargs)


def gaps(decision_, checks=(), row_=None, recommendations=None, criteria_set=None) -> list[OpenPoint]:
    return application_gaps(criteria_set or criteria(), decision_, list(checks), row_, recommendations)


def kinds(points) -> list[Gap]:
    return [p.gap for p in points]


def test_a_complete_decision_has_nothing_open():
    for recommendation in (SELECT, RESERVE, REJECT):
        assert gaps(complete(recommendation=recommendation)) == []
    assert gaps(complete(amount=500_000.0)) == [] and gaps(complete(recommendation=RESERVE, amount=0.0)) == []


def test_criteria_without_score_or_required_motivation():
    crit = criteria(motivation_required={"c3": False})
    d = complete(scores={"c1": 0, "c2": None, "c3": None}, criterion_motivation="  ")
    assert gaps(d, criteria_set=crit) == [
        OpenPoint(Gap.MOTIVATION, "c1"),  # score 0 is a score; a motivation of blanks is none
        OpenPoint(Gap.SCORE, "c2"), OpenPoint(Gap.MOTIVATION, "c2"),
        OpenPoint(Gap.SCORE, "c3"),  # c3 needs no motivation
    ]


def test_an_empty_decision_misses_everything():
    assert kinds(gaps(decision("a1"), criteria_set=criteria({"c1": 1.0}))) == [
        Gap.SCORE, Gap.MOTIVATION, Gap.RECOMMENDATION, Gap.OVERALL_MOTIVATION]


@pytest.mark.parametrize("motivation", ["", " ", "  \n\t "])
def test_an_overall_motivation_of_only_blanks_is_missing(motivation):
    assert kinds(gaps(complete(motivation=motivation))) == [Gap.OVERALL_MOTIVATION]


def test_a_motivation_written_for_another_recommendation_is_stale():
    assert kinds(gaps(complete(recommendation=REJECT, motivation_for=SELECT))) == [Gap.MOTIVATION_STALE]
    assert kinds(gaps(complete(recommendation=SELECT, motivation_for=RESERVE))) == [Gap.MOTIVATION_STALE]
    assert kinds(gaps(complete(recommendation=SELECT, motivation_for=None))) == [Gap.MOTIVATION_STALE]
    # Without a recommendation it is the recommendation that is open, not the motivation.
    d = decision("a1", FULL, None, motivation="Sterk", motivation_for=SELECT)
    assert kinds(gaps(d)) == [Gap.RECOMMENDATION]


def test_an_amount_comes_only_with_select_or_reserve():
    assert kinds(gaps(complete(recommendation=REJECT, amount=500_000.0))) == [Gap.AMOUNT_WITHOUT_FUNDING]
    assert kinds(gaps(complete(recommendation=REJECT, amount=0.0))) == [Gap.AMOUNT_WITHOUT_FUNDING]  # 0 is an amount
    no_recommendation = decision("a1", FULL, None, amount=500_000.0, motivation="m")
    assert kinds(gaps(no_recommendation)) == [Gap.RECOMMENDATION, Gap.AMOUNT_WITHOUT_FUNDING]
    assert gaps(complete(recommendation=RESERVE, amount=500_000.0)) == []


def test_not_eligible_only_counts_for_an_advice_to_fund():
    app = application("a1", 600_000.0, infrastructure_amount=120_000.0)
    # At the advised 500,000: 120,000 / 500,000 = 24 % > 20 %.
    checks = check_eligibility(app, [CAP, INFRA], 500_000.0)
    assert [c.outcome for c in checks] == [Outcome.MET, Outcome.NOT_MET]
    for funded in (SELECT, RESERVE):
        assert gaps(complete(recommendation=funded, amount=500_000.0), checks) == [
            OpenPoint(Gap.NOT_ELIGIBLE, related=("max-infrastructure-share",))]
    assert gaps(complete(recommendation=REJECT), checks) == []
    assert kinds(gaps(decision("a1", FULL, None, motivation="m"), checks)) == [Gap.RECOMMENDATION]
    # Unknown is not "not met": nothing open.
    unknown = check_eligibility(application("a1", 600_000.0), [INFRA])
    assert unknown[0].outcome is Outcome.UNKNOWN and gaps(complete(), unknown) == []
    # Two rules not met: both named, in the rules' order.
    both = check_eligibility(application("a1", 900_000.0, infrastructure_amount=300_000.0), [CAP, INFRA])
    assert gaps(complete(), both) == [OpenPoint(Gap.NOT_ELIGIBLE, related=("max-subsidy", "max-infrastructure-share"))]


def test_too_few_votes_only_for_an_advice_to_fund():
    few = dataclasses.replace(row("a1", None, 10.0, 100.0), too_few_votes=True)
    assert kinds(gaps(complete(recommendation=SELECT), row_=few)) == [Gap.TOO_FEW_VOTES]
    assert kinds(gaps(complete(recommendation=RESERVE), row_=few)) == [Gap.TOO_FEW_VOTES]
    assert gaps(complete(recommendation=REJECT), row_=few) == []
    assert gaps(complete(recommendation=SELECT), row_=row("a1", 1, 10.0, 100.0)) == []


def test_a_tie_is_open_only_when_its_order_decides_an_outcome_and_no_order_is_set():
    s = session([application(f"a{i}", 100_000.0) for i in (1, 2, 3)], criteria())
    decisions = {
        "a1": complete("a1", SELECT),
        "a2": complete("a2", RESERVE),  # the same total as a1: ex aequo
        "a3": complete("a3", REJECT, scores={"c1": 1, "c2": 1, "c3": 1}),
    }
    ranking = rank(s, decisions)
    assert [r.rank for r in ranking] == [1, 1, 3]
    found = advice_gaps(s, decisions, RECORDED, ranking)
    assert found.applications == {
        "a1": [OpenPoint(Gap.TIE_UNORDERED, related=("a2",))],
        "a2": [OpenPoint(Gap.TIE_UNORDERED, related=("a1",))],
    }
    # The same recommendation: the tie decides nothing, nothing open.
    same = {**decisions, "a2": complete("a2", SELECT)}
    assert advice_gaps(s, same, RECORDED, rank(s, same)).complete
    # Both on the reserve list: the order says who is funded first if money frees up. Open.
    reserves = {**decisions, "a1": complete("a1", RESERVE)}
    found = advice_gaps(s, reserves, RECORDED, rank(s, reserves))
    assert found.applications == {"a1": [OpenPoint(Gap.TIE_UNORDERED, related=("a2",))],
                                  "a2": [OpenPoint(Gap.TIE_UNORDERED, related=("a1",))]}
    # The chair's order: nothing open.
    order = TieOrder(application_ids=["a2", "a1"], motivation="a2 eerst")
    deliberation = Deliberation(meeting=MEETING, tie_orders=[order])
    ordered = rank(s, decisions, tie_orders=deliberation.tie_orders)
    assert advice_gaps(s, decisions, deliberation, ordered).complete
    # No recommendation on the other side of the tie differs from one.
    open_ = {**decisions, "a2": decision("a2", FULL, None, motivation="m")}
    found = advice_gaps(s, open_, RECORDED, rank(s, open_))
    assert OpenPoint(Gap.TIE_UNORDERED, related=("a2",)) in found.applications["a1"]
    # Without the others' recommendations a tie is not judged.
    assert gaps(decisions["a1"], row_=ranking[0], recommendations=None) == []


def test_over_budget_at_exactly_the_budget_is_not_over_one_cent_more_is():
    s = session([application("a1", 600_000.0), application("a2", 400_000.0), application("a3", 300_000.0)],
                criteria(), budget=1_000_000.0)

    def over(amounts, budget=None, reserve_a3=True):
        decisions = {
            "a1": complete("a1", SELECT, amount=amounts[0]),
            "a2": complete("a2", SELECT, amount=amounts[1]),
            "a3": complete("a3", RESERVE if reserve_a3 else REJECT),  # a reserve is not in the selection
        }
        deliberation = Deliberation(meeting=MEETING, budget=budget)
        found = advice_gaps(s, decisions, deliberation, rank(s, decisions))
        return OpenPoint(Gap.OVER_BUDGET) in found.session

    assert not over([600_000.0, 400_000.0])  # 1,000,000.00 = the budget
    assert over([600_000.0, 400_000.01])  # 1,000,000.01
    assert not over([599_999.99, 400_000.01])  # exact in cents
    assert over([600_000.0, 400_000.0], budget=999_999.99)  # the chair's budget counts, not the session's
    assert not over([900_000.0, 400_000.0], budget=1_300_000.0)
    # Without an advised amount the request (at most the cap) counts: 600,000 + 400,000.
    decisions = {aid: complete(aid, SELECT) for aid in ("a1", "a2")}
    assert advice_gaps(s, decisions, RECORDED, rank(s, decisions)).session == []
    decisions["a3"] = complete("a3", SELECT)
    assert advice_gaps(s, decisions, RECORDED, rank(s, decisions)).session == [OpenPoint(Gap.OVER_BUDGET)]


@pytest.mark.parametrize(("meeting", "recorded"), [
    (MEETING, True),
    (Meeting(chair="Voorzitter", attendees=["j1"]), False),  # no date
    (Meeting(held_on=dt.date(2021, 10, 5), chair="  ", attendees=["j1"]), False),  # a chair of blanks
    (Meeting(held_on=dt.date(2021, 10, 5), chair="Voorzitter"), False),  # nobody attended
    (Meeting(held_on=dt.date(2021, 10, 5), chair="Voorzitter", others=["Secretariaat"]), False),  # only others
    (Meeting(), False),
])
def test_the_meeting_needs_a_date_a_chair_and_an_attendee(meeting, recorded):
    assert meeting.recorded is recorded
    s = session([application("a1")], criteria())
    decisions = {"a1": complete("a1", REJECT)}
    found = advice_gaps(s, decisions, Deliberation(meeting=meeting), rank(s, decisions))
    assert found.session == ([] if recorded else [OpenPoint(Gap.MEETING)])
    assert found.complete is recorded and found.count() == (0 if recorded else 1)


def test_advice_gaps_lists_applications_in_session_order_and_counts_every_point():
    s = session([application("a2"), application("a1"), application("a3")], criteria())
    decisions = {"a1": complete("a1", REJECT, scores={"c1": 1, "c2": 1, "c3": 1}), "a3": complete("a3", SELECT, motivation="")}
    found = advice_gaps(s, decisions, Deliberation(), rank(s, decisions))
    assert list(found.applications) == ["a2", "a3"]  # a1 is complete; a2 has no decision at all
    assert kinds(found.applications["a3"]) == [Gap.OVERALL_MOTIVATION]
    assert len(found.applications["a2"]) == 3 * 2 + 2  # 3 scores, 3 motivations, recommendation, overall
    assert found.session == [OpenPoint(Gap.MEETING)]
    assert found.count() == 8 + 1 + 1 and not found.complete
    assert AdviceGaps(applications={}, session=[]).complete


def test_eligibility_at_advice_checks_the_advised_amount_else_the_request():
    s = session([application("a1", 600_000.0, infrastructure_amount=120_000.0),
                 application("a2", 850_000.0)], criteria(rules=[CAP, INFRA]))
    decisions = {"a1": complete("a1", SELECT, amount=500_000.0),
                 "a2": complete("a2", REJECT, scores={"c1": 1, "c2": 1, "c3": 1})}
    checks = eligibility_at_advice(s, decisions)
    assert [c.outcome for c in checks["a1"]] == [Outcome.MET, Outcome.NOT_MET]  # 24 % of 500,000
    assert [c.outcome for c in checks["a2"]] == [Outcome.NOT_MET, Outcome.UNKNOWN]  # 850,000 asked
    a1, a2 = s.application("a1"), s.application("a2")
    assert granted_amount(a1, s.criteria, decisions["a1"]) == 500_000.0
    assert granted_amount(a2, s.criteria, decisions["a2"]) is None and granted_amount(a2, s.criteria, None) is None
    # Selecteren without the chair's amount: checked at the amount the advice carries, the request capped.
    assert granted_amount(a2, s.criteria, complete("a2", SELECT)) == 800_000.0
    assert [c.outcome for c in eligibility_at_advice(s, {"a2": complete("a2", SELECT)})["a2"]][0] is Outcome.MET
    # Through advice_gaps: a1 is advised to fund at an amount that breaks the infrastructure rule.
    found = advice_gaps(s, decisions, RECORDED, rank(s, decisions))
    assert found.applications == {"a1": [OpenPoint(Gap.NOT_ELIGIBLE, related=("max-infrastructure-share",))]}
    # At the request (600,000: exactly 20 %) nothing is open.
    at_request = {**decisions, "a1": complete("a1", SELECT)}
    assert advice_gaps(s, at_request, RECORDED, rank(s, at_request)).complete


def test_advice_gaps_takes_the_eligibility_given():
    s = session([application("a1")], criteria(rules=[CAP]))
    decisions = {"a1": complete("a1", SELECT)}
    failed = {"a1": check_eligibility(application("a1", 900_000.0), [CAP])}
    found = advice_gaps(s, decisions, RECORDED, rank(s, decisions), failed)
    assert found.applications == {"a1": [OpenPoint(Gap.NOT_ELIGIBLE, related=("max-subsidy",))]}


def test_deliberation_budget_tie_order_and_government_total():
    assert Deliberation().budget_or(4_000_000.0) == 4_000_000.0
    assert Deliberation(budget=7_600_000.0).budget_or(4_000_000.0) == 7_600_000.0
    order = TieOrder(application_ids=["a2", "a1"], motivation="m")
    deliberation = Deliberation(tie_orders=[order])
    assert deliberation.tie_order_for({"a1", "a2"}) is order
    assert deliberation.tie_order_for({"a1", "a2", "a3"}) is None and deliberation.tie_order_for({"a1"}) is None
    decision_ = GovernmentDecision(decided_on=dt.date(2021, 12, 17), reference="VR 2021 1712", selected=[
        GrantedContract(application_id="a1", amount=400_000.10),
        GrantedContract(application_id="a2", amount=299_999.95),
    ])
    assert decision_.total == 700_000.05
    assert decision_.contract("a2").amount == 299_999.95 and decision_.contract("a3") is None
    partial = GovernmentDecision(decided_on=dt.date(2021, 12, 17), reference="r",
                                 selected=[GrantedContract(application_id="a1", amount=1.0),
                                           GrantedContract(application_id="a2")])
    assert partial.total is None
    assert GovernmentDecision(decided_on=dt.date(2021, 12, 17), reference="r").total == 0.0
