"""Hand-worked examples written for the mutants the follow-up tests let slip (mutmut over
domain/follow_up.py and advice.evaluation_gaps; docs/testing.md, "The rules, pinned and mutated").
Each test names what a user would see go wrong."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from pydantic import ValidationError

from jury_tui.domain.advice import Gap, OpenPoint, evaluation_gaps
from jury_tui.domain.canonical import adapter
from jury_tui.domain.consensus import ApplicationDecision, CriterionConsensus
from jury_tui.domain.criteria import EligibilityRule, RuleKind
from jury_tui.domain.deliberation import Deliberation, Meeting
from jury_tui.domain.eligibility import Outcome
from jury_tui.domain.follow_up import (
    Ask,
    Basis,
    BudgetLine,
    Contract,
    FollowUpRound,
    Indicator,
    Milestone,
    ObjectiveChange,
    ProgressReport,
    asks_by_agency,
    indicators_over_years,
    obstacles_of_round,
    portfolio,
    report_checks,
)
from jury_tui.domain.text import InvalidValue
from jury_tui.formats.criteria_file import load_criteria
from jury_tui.formats.session_builder import (
    DEMO_KEY_SEED,
    build_demo_session,
    build_follow_up_session,
    demo_data_dir,
    shipped_criteria_dir,
)
from jury_tui.store.demo_advice import demo_government

FOLLOW_UP = shipped_criteria_dir() / "wvc-2021-opvolging.toml"
RULES = load_criteria(FOLLOW_UP).eligibility
RECORDED = Deliberation(meeting=Meeting(held_on=dt.date(2025, 3, 5), chair="Voorzitter", attendees=["extern-1"]))


def report(lines=(), contract="c1", year=2024, **fields) -> ProgressReport:
    """`lines`: (planned, spent, infrastructure) per budget line."""
    fields.setdefault("budget_lines", [
        BudgetLine(name=f"lijn {index}", planned=planned, spent=spent, infrastructure=infra)
        for index, (planned, spent, infra) in enumerate(lines, start=1)])
    return ProgressReport(contract=contract, year=year, period_start=dt.date(year, 1, 1),
                          period_end=dt.date(year, 12, 31), **fields)


def make_round(reports, contracts=("c1", "c2"), year=2024, subsidies=None) -> FollowUpRound:
    subsidies = subsidies or {}
    return FollowUpRound(selection_session="sel", selection_fingerprint="0" * 64, decision_reference="BVR 1",
                         decided_on=dt.date(2021, 12, 17), year=year,
                         contracts=[Contract(application_id=aid, subsidy=subsidies.get(aid)) for aid in contracts],
                         reports=list(reports))


# --- a report's own figures ---------------------------------------------------------------------


def test_a_report_without_budget_lines_has_spent_nothing_known():
    # No lines at all: "spent so far" is not reported (—), not € 0.
    assert report().spent_total is None
    assert report().planned_total == 0


def test_infrastructure_spent_without_infrastructure_lines_is_zero_and_unknown_when_a_line_is_missing():
    assert report([(100, 40, False)]).infrastructure_spent == 0
    # A missing figure on a line that is not infrastructure does not make the infrastructure part unknown.
    assert report([(100, None, False), (50, 10.05, True)]).infrastructure_spent == 10.05
    assert report([(100, 40, False), (50, None, True)]).infrastructure_spent is None


def test_a_report_over_a_single_day_is_accepted_and_an_inverted_period_names_both_dates():
    day = dt.date(2024, 12, 31)
    assert ProgressReport(contract="c1", year=2024, period_start=day, period_end=day).period_end == day
    with pytest.raises(InvalidValue) as raised:
        ProgressReport(contract="c1", year=2024, period_start=day, period_end=dt.date(2024, 12, 30))
    assert (raised.value.key, raised.value.values) == ("report.period_order", {"start": "2024-12-31", "end": "2024-12-30"})


@pytest.mark.parametrize(("kind", "item"), [
    ("budget_lines", {"planned": 1}), ("indicators", {}), ("milestones", {"planned": "2024-01-01"})])
def test_two_items_with_one_name_are_refused(kind, item):
    def validated(names):
        return adapter(ProgressReport).validate_python(
            {"contract": "c1", "year": 2024, "period_start": "2024-01-01", "period_end": "2024-12-31",
             kind: [{"name": name, **item} for name in names]}, strict=False)

    with pytest.raises(ValidationError) as raised:
        validated(["A", "B", "A"])
    error = raised.value.errors()[0]["ctx"]["error"]
    assert (error.key, error.values) == ("report.duplicate_name", {"kind": kind, "name": "A"})
    assert [entry.name for entry in getattr(validated(["A", "B"]), kind)] == ["A", "B"]


def test_illustrative_by_field_or_by_the_field_before_the_dot():
    made = report(illustrative=["co_financing_paid", "budget_lines"])
    assert made.is_illustrative("co_financing_paid")
    assert made.is_illustrative("budget_lines.spent")  # the whole field is illustrative
    assert not made.is_illustrative("ends_on")
    assert not report(illustrative=["budget_lines.planned"]).is_illustrative("budget_lines.spent")


def test_every_check_names_its_rule_and_limit():
    made = report([(80_000, 40_000, False), (20_000, 10_000, True)], co_financing_paid=20_000, ends_on=dt.date(2025, 1, 1))
    assert [(c.rule_id, c.basis, c.limit) for c in report_checks(made, RULES)] == [
        ("infrastructuur", Basis.PLAN, 0.2), ("infrastructuur", Basis.SPENT, 0.2),
        ("cofinanciering", Basis.SPENT, 0.2), ("einddatum", Basis.REPORT, "2025-12-31")]


def test_rules_about_the_selection_are_skipped_on_a_report():
    # The selection's criteria: the cap, the duration, the deadline and double subsidy say nothing about a report.
    selection_rules = load_criteria(shipped_criteria_dir() / "wvc-2021.toml").eligibility
    made = report([(80_000, 40_000, False)], co_financing_paid=20_000, ends_on=dt.date(2025, 1, 1))
    assert sorted({c.rule_id for c in report_checks(made, selection_rules)}) == ["cofinanciering", "einddatum",
                                                                                "infrastructuur"]
    # Even a rule of another kind that carries an end date is not the end-date rule.
    odd = EligibilityRule(id="plafond", kind=RuleKind.MAX_SUBSIDY, name="Plafond", limit=800_000,
                          ends_by=dt.date(2025, 12, 31))
    assert report_checks(made, [odd]) == []


def test_co_financing_share_names_its_figures():
    # 20 000 paid on 80 000,10 subsidy spent: 20 000 of 100 000,10.
    found = next(c for c in report_checks(report([(100_000, 80_000.10, False)], co_financing_paid=20_000), RULES)
                 if c.kind.value == "min_co_financing_share")
    assert (found.basis, found.part, found.whole, found.limit) == (Basis.SPENT, 20_000, 100_000.10, 0.2)
    assert found.outcome is Outcome.NOT_MET


def test_the_end_date_check_names_the_dates():
    found = next(c for c in report_checks(report(ends_on=dt.date(2025, 6, 30)), RULES) if c.kind.value == "contract_end")
    assert (found.outcome, found.value, found.limit) == (Outcome.MET, "2025-06-30", "2025-12-31")
    unknown = next(c for c in report_checks(report(), RULES) if c.kind.value == "contract_end")
    assert (unknown.value, unknown.limit) == (None, "2025-12-31")


def test_days_late_counts_from_the_planned_date_not_the_other_way():
    milestone = Milestone(name="m", planned=dt.date(2024, 3, 1), actual=dt.date(2024, 3, 11))
    assert milestone.days_late(dt.date(2024, 1, 1)) == 10  # reached 10 days late, whatever the report's date
    made = report(milestones=[Milestone(name="open", planned=dt.date(2024, 12, 30))])
    assert made.late_milestones() == [(made.milestones[0], 1)]  # counted at period_end, 31 December


def test_indicator_progress_is_rounded_not_cut():
    # (1 − 0) / (3 − 0) = 0.333…; 2/3 = 0.666… is rounded up at the twelfth decimal.
    assert Indicator(name="i", baseline=0, target=3, measured=2).progress == 0.666666666667


# --- over the years -------------------------------------------------------------------------------


def test_indicators_over_years_take_unit_baseline_and_target_from_the_latest_report():
    older = report(year=2023, indicators=[Indicator(name="Dossiers", unit="stuks", baseline=2, target=30, measured=5)])
    newer = report(indicators=[Indicator(name="Dossiers", unit="dossiers", baseline=4, target=44, measured=14)])
    (row,) = indicators_over_years([older, newer])
    assert (row.unit, row.baseline, row.target, row.measured) == ("dossiers", 4, 44, {2023: 5, 2024: 14})
    assert row.progress == 0.25  # (14 − 4) / (44 − 4), on the latest figures


# --- the round ----------------------------------------------------------------------------------


def test_a_round_finds_its_contract_and_refuses_an_unknown_one():
    made = make_round([report(), report(contract="c2")], subsidies={"c1": 250_000, "c2": 125_000})
    assert made.contract("c2").subsidy == 125_000
    with pytest.raises(KeyError) as raised:
        made.contract("c3")
    assert raised.value.args == ("c3",)
    with pytest.raises(KeyError) as raised:
        made.report("c3")
    assert raised.value.args == ("c3",)


def test_a_missing_report_is_named_by_the_first_contract_in_id_order():
    with pytest.raises(InvalidValue) as raised:
        make_round([report(contract="c3")], contracts=("c3", "c2", "c1"))
    assert raised.value.values["contract"] == "c1"


def test_portfolio_counts_what_a_report_lists():
    first = report([(100_000, 50_000, False)], objective_changes=[
        ObjectiveChange(change="Minder woningen", reason="Prijsstijging"),
        ObjectiveChange(change="Later park", reason="Vergunning")],
        obstacles=["Aannemer failliet", "Vergunning", "Personeel"],
        asks=[Ask(agency="Aquafin", ask="Riolering")])
    rows = portfolio(make_round([first, report(contract="c2")], subsidies={"c1": 99_000.5}), RULES)
    assert (rows[0].subsidy, rows[0].objective_changes, rows[0].obstacles, rows[0].asks) == (99_000.5, 2, 3, 1)
    assert (rows[0].planned, rows[0].spent, rows[0].spent_share) == (100_000, 50_000, 0.5)
    assert (rows[1].subsidy, rows[1].objective_changes, rows[1].obstacles, rows[1].asks) == (None, 0, 0, 0)
    assert rows[0].checks == tuple(report_checks(first, RULES))


def test_asks_ordered_by_contracts_asking_not_by_asks():
    # Aquafin: two asks from one contract; Wegen: one ask each from two contracts. Wegen comes first.
    made = make_round([
        report(asks=[Ask(agency="Aquafin", ask="Riolering"), Ask(agency="Aquafin", ask="Pompstation"),
                     Ask(agency="Wegen", ask="N80")]),
        report(contract="c2", asks=[Ask(agency="wegen", ask="Oversteek")]),
    ])
    assert asks_by_agency(made) == [
        ("Wegen", [("c1", "N80"), ("c2", "Oversteek")]),
        ("Aquafin", [("c1", "Riolering"), ("c1", "Pompstation")]),
    ]


def test_agencies_asked_as_often_are_in_name_order_whatever_the_case():
    made = make_round([report(asks=[Ask(agency="infrabel", ask="Spoor"), Ask(agency="Aquafin", ask="Riool"),
                                    Ask(agency="De Lijn", ask="Halte")])], contracts=("c1",))
    assert [agency for agency, _ in asks_by_agency(made)] == ["Aquafin", "De Lijn", "infrabel"]


def test_obstacles_of_the_round_in_the_rounds_order_this_years_only():
    made = make_round([
        report(obstacles=["Vergunning", "Aannemer"]),
        report(contract="c2", obstacles=["Personeel"]),
        report(contract="c2", year=2023, obstacles=["Oud probleem"]),
    ], contracts=("c2", "c1"))
    assert obstacles_of_round(made) == [("c2", "Personeel"), ("c1", "Vergunning"), ("c1", "Aannemer")]


# --- the evaluation report: what is still open --------------------------------------------------


@pytest.fixture(scope="module")
def round_session():
    selection = build_demo_session()
    return build_follow_up_session("opv", selection, demo_government(selection), demo_data_dir() / "progress", FOLLOW_UP,
                                   key_seed=DEMO_KEY_SEED)[0]


def complete(session, application_id: str, verdict: str | None = "aandacht-nodig") -> ApplicationDecision:
    return ApplicationDecision(
        application_id=application_id,
        criteria={c.id: CriterionConsensus(criterion_id=c.id, score=3, motivation="m") for c in session.criteria.criteria},
        overall_motivation="Gemotiveerd.", verdict=verdict)


def all_complete(session) -> dict[str, ApplicationDecision]:
    return {application.id: complete(session, application.id) for application in session.applications}


def test_a_complete_evaluation_has_nothing_open(round_session):
    assert evaluation_gaps(round_session, all_complete(round_session), RECORDED).complete


def test_a_missing_score_motivation_and_overall_motivation_are_open(round_session):
    decisions = all_complete(round_session)
    first, second = (criterion.id for criterion in round_session.criteria.criteria[:2])
    aid = round_session.applications[0].id
    criteria = dict(decisions[aid].criteria)
    criteria[first] = CriterionConsensus(criterion_id=first, score=None, motivation="m")
    criteria[second] = CriterionConsensus(criterion_id=second, score=3, motivation="  ")
    decisions[aid] = dataclasses.replace(decisions[aid], criteria=criteria, overall_motivation=" ")
    required = {c.id for c in round_session.criteria.criteria if c.motivation_required}
    expected = [OpenPoint(Gap.SCORE, first)]
    if second in required:
        expected.append(OpenPoint(Gap.MOTIVATION, second))
    expected += [OpenPoint(Gap.OVERALL_MOTIVATION)]
    found = evaluation_gaps(round_session, decisions, RECORDED)
    assert found.applications == {aid: expected}
    assert found.session == []


def test_a_contract_without_a_decision_is_open_on_every_count(round_session):
    decisions = all_complete(round_session)
    aid = round_session.applications[-1].id
    del decisions[aid]
    gaps = [point.gap for point in evaluation_gaps(round_session, decisions, RECORDED).applications[aid]]
    assert gaps.count(Gap.SCORE) == len(round_session.criteria.criteria)
    assert gaps[-2:] == [Gap.VERDICT, Gap.OVERALL_MOTIVATION]


def test_the_meeting_not_on_record_is_open_for_the_round(round_session):
    found = evaluation_gaps(round_session, all_complete(round_session), Deliberation())
    assert (found.applications, found.session) == ({}, [OpenPoint(Gap.MEETING)])
