"""The follow-up of the selected contracts (domain/follow_up.py): the call's rules on a progress
report's own figures, milestones, indicators, the figures over the years, the portfolio, the asks
gathered per agency and what a follow-up round accepts. Hand-worked examples at each boundary."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jury_tui.domain.eligibility import Outcome, overall_outcome
from jury_tui.domain.follow_up import (
    Ask,
    Basis,
    BudgetLine,
    Contract,
    FollowUpRound,
    Indicator,
    Milestone,
    ProgressReport,
    asks_by_agency,
    indicators_over_years,
    portfolio,
    report_checks,
    spending_over_years,
)
from jury_tui.domain.text import InvalidValue
from jury_tui.formats.criteria_file import load_criteria
from jury_tui.formats.progress_report_file import load_progress_report
from jury_tui.formats.session_builder import demo_data_dir, shipped_criteria_dir
from jury_tui.reports.open_points import figure_check_line

RULES = load_criteria(shipped_criteria_dir() / "wvc-2021-opvolging.toml").eligibility
FINGERPRINT = "0" * 64


def report(lines=(), contract="c1", year=2024, **fields) -> ProgressReport:
    """A report of `contract` over `year`; `lines`: (planned, spent, infrastructure) per budget line."""
    budget_lines = [BudgetLine(name=f"lijn {index}", planned=planned, spent=spent, infrastructure=infrastructure)
                    for index, (planned, spent, infrastructure) in enumerate(lines, start=1)]
    fields.setdefault("budget_lines", budget_lines)
    return ProgressReport(contract=contract, year=year, period_start=dt.date(year, 1, 1),
                          period_end=dt.date(year, 12, 31), **fields)


def check(report_: ProgressReport, kind: str, basis: Basis):
    found = [c for c in report_checks(report_, RULES) if c.kind.value == kind and c.basis is basis]
    assert len(found) == 1
    return found[0]


def infrastructure(report_: ProgressReport, basis: Basis):
    return check(report_, "max_infrastructure_share", basis)


def co_financing(report_: ProgressReport):
    return check(report_, "min_co_financing_share", Basis.SPENT)


def contract_end(report_: ProgressReport):
    return check(report_, "contract_end", Basis.REPORT)


# --- the infrastructure share (call §4: at most 20 % of the subsidy) ---------------------------


def test_infrastructure_exactly_20_percent_on_the_plan_is_met():
    found = infrastructure(report([(80_000, None, False), (20_000, None, True)]), Basis.PLAN)
    assert (found.outcome, found.value, found.part, found.whole) == (Outcome.MET, 0.2, 20_000, 100_000)


def test_infrastructure_one_cent_over_20_percent_on_the_plan_is_not_met():
    # 20 000,01 of 100 000,01 is 20,00001 %: over the limit, however little.
    found = infrastructure(report([(80_000, None, False), (20_000.01, None, True)]), Basis.PLAN)
    assert found.outcome is Outcome.NOT_MET
    assert (found.part, found.whole) == (20_000.01, 100_000.01)


def test_infrastructure_exactly_20_percent_of_spending_is_met_and_one_cent_over_is_not():
    met = infrastructure(report([(80_000, 40_000, False), (20_000, 10_000, True)]), Basis.SPENT)
    assert (met.outcome, met.value, met.part, met.whole) == (Outcome.MET, 0.2, 10_000, 50_000)
    over = infrastructure(report([(80_000, 40_000, False), (20_000, 10_000.01, True)]), Basis.SPENT)
    assert over.outcome is Outcome.NOT_MET


def test_floating_point_noise_does_not_tip_20_percent_over():
    # 0.07 / 0.35 is 0.20000000000000004 in floating point; in cents it is exactly a fifth.
    found = infrastructure(report([(0.28, 0.28, False), (0.07, 0.07, True)]), Basis.PLAN)
    assert found.outcome is Outcome.MET


def test_no_infrastructure_lines_is_0_percent():
    plan = infrastructure(report([(100_000, 30_000, False)]), Basis.PLAN)
    spent = infrastructure(report([(100_000, 30_000, False)]), Basis.SPENT)
    assert (plan.outcome, plan.value) == (Outcome.MET, 0.0)
    assert (spent.outcome, spent.value) == (Outcome.MET, 0.0)


def test_a_missing_spent_figure_makes_the_spending_share_unknown():
    # Missing on a line that is not infrastructure: the whole is unknown.
    found = infrastructure(report([(80_000, None, False), (20_000, 5_000, True)]), Basis.SPENT)
    assert (found.outcome, found.value, found.whole) == (Outcome.UNKNOWN, None, None)
    # Missing on the infrastructure line: the part is unknown. The plan is still judged.
    partial = report([(80_000, 40_000, False), (30_000, None, True)])
    assert infrastructure(partial, Basis.SPENT).outcome is Outcome.UNKNOWN
    assert infrastructure(partial, Basis.PLAN).outcome is Outcome.NOT_MET


def test_nothing_spent_yet_is_unknown_not_zero_percent():
    found = infrastructure(report([(80_000, 0, False), (20_000, 0, True)]), Basis.SPENT)
    assert (found.outcome, found.value, found.whole) == (Outcome.UNKNOWN, None, 0)


def test_no_budget_lines_makes_both_shares_unknown():
    empty = report()
    assert infrastructure(empty, Basis.PLAN).outcome is Outcome.UNKNOWN
    assert infrastructure(empty, Basis.SPENT).outcome is Outcome.UNKNOWN


# --- the co-financing share (call §3: at least 20 % of the cost) -------------------------------


def test_co_financing_exactly_20_percent_is_met_and_a_cent_short_is_not():
    # 20 000 paid on 80 000 subsidy spent: 20 000 of 100 000.
    met = co_financing(report([(100_000, 80_000, False)], co_financing_paid=20_000))
    assert (met.outcome, met.value, met.part, met.whole) == (Outcome.MET, 0.2, 20_000, 100_000)
    short = co_financing(report([(100_000, 80_000, False)], co_financing_paid=19_999.99))
    assert short.outcome is Outcome.NOT_MET


def test_co_financing_unknown_without_the_paid_figure_or_the_spending():
    assert co_financing(report([(100_000, 80_000, False)])).outcome is Outcome.UNKNOWN
    assert co_financing(report([(100_000, None, False)], co_financing_paid=20_000)).outcome is Outcome.UNKNOWN
    assert co_financing(report([(100_000, 0, False)], co_financing_paid=0)).outcome is Outcome.UNKNOWN


# --- the end date (call §4: until 31 December 2025) --------------------------------------------


def test_ends_on_the_last_day_is_met_and_a_day_later_is_not():
    assert contract_end(report(ends_on=dt.date(2025, 12, 31))).outcome is Outcome.MET
    late = contract_end(report(ends_on=dt.date(2026, 1, 1)))
    assert (late.outcome, late.value, late.limit) == (Outcome.NOT_MET, "2026-01-01", "2025-12-31")
    assert contract_end(report()).outcome is Outcome.UNKNOWN


def test_worst_outcome_of_a_reports_checks():
    assert overall_outcome([]) is Outcome.MET
    plan_over = report([(80_000, 40_000, False), (30_000, 0, True)], co_financing_paid=1, ends_on=dt.date(2025, 1, 1))
    assert overall_outcome(report_checks(plan_over, RULES)) is Outcome.NOT_MET
    assert overall_outcome(report_checks(report([(80_000, 40_000, False)], ends_on=dt.date(2025, 1, 1)), RULES)) \
        is Outcome.UNKNOWN


def test_hasselt_2024_is_flagged_on_the_plan_at_23_4_percent_from_its_own_figures():
    hasselt = load_progress_report(demo_data_dir() / "progress" / "10-hasselt-2024.md")
    plan = infrastructure(hasselt, Basis.PLAN)
    # 124 000 infrastructure of 195 000 + 140 000 + 62 000 + 10 000 + 124 000 = 531 000.
    assert (plan.outcome, plan.part, plan.whole) == (Outcome.NOT_MET, 124_000, 531_000)
    assert plan.value == pytest.approx(0.233521657)
    assert figure_check_line(plan) == \
        "infrastructuur, volgens plan: 23,4 % (max. 20 %) — € 124.000 van € 531.000 in het plan"
    assert infrastructure(hasselt, Basis.SPENT).outcome is Outcome.MET  # nothing spent on it yet


# --- properties ----------------------------------------------------------------------------------

cents = st.integers(min_value=0, max_value=10**9).map(lambda c: c / 100)
lines = st.lists(st.tuples(cents, st.one_of(st.none(), cents), st.booleans()), min_size=1, max_size=12)


@given(lines=lines, seed=st.integers())
def test_the_checks_never_depend_on_the_order_of_the_budget_lines(lines, seed):
    shuffled = list(lines)
    random.Random(seed).shuffle(shuffled)
    assert report_checks(report(lines), RULES) == report_checks(report(shuffled), RULES)


@given(lines=lines)
def test_totals_are_exact_sums_of_cents(lines):
    made = report(lines)
    assert round(made.planned_total * 100) == sum(round(planned * 100) for planned, _, _ in lines)
    assert made.planned_total == sum(round(planned * 100) for planned, _, _ in lines) / 100
    if all(spent is not None for _, spent, _ in lines):
        assert made.spent_total == sum(round(spent * 100) for _, spent, _ in lines) / 100
    else:
        assert made.spent_total is None


@given(lines=lines)
def test_the_plan_share_is_within_0_and_1_and_met_exactly_when_at_most_20_percent(lines):
    found = infrastructure(report(lines), Basis.PLAN)
    total = sum(round(planned * 100) for planned, _, _ in lines)
    part = sum(round(planned * 100) for planned, _, infra in lines if infra)
    if total == 0:
        assert found.outcome is Outcome.UNKNOWN
    else:
        assert 0 <= found.value <= 1
        assert (found.outcome is Outcome.MET) == (part * 5 <= total)


# --- milestones and indicators -------------------------------------------------------------------


def test_days_late():
    planned = dt.date(2024, 6, 30)
    on_time = Milestone(name="m", planned=planned, actual=planned)
    early = Milestone(name="m", planned=planned, actual=dt.date(2024, 6, 1))
    late = Milestone(name="m", planned=planned, actual=dt.date(2024, 7, 2))
    still_open = Milestone(name="m", planned=planned)
    assert on_time.days_late(dt.date(2024, 12, 31)) is None
    assert early.days_late(dt.date(2024, 12, 31)) is None
    assert late.days_late(dt.date(2024, 12, 31)) == 2  # reached: the report's date does not matter
    assert still_open.days_late(dt.date(2024, 12, 31)) == 184  # open and overdue at the end of the period
    assert still_open.days_late(planned) is None  # due today: not late yet
    assert still_open.days_late(dt.date(2024, 7, 1)) == 1
    assert still_open.days_late(dt.date(2024, 1, 1)) is None  # not due yet


def test_late_milestones_of_a_report_counted_at_the_end_of_its_period():
    made = report(milestones=[Milestone(name="op tijd", planned=dt.date(2024, 3, 1), actual=dt.date(2024, 3, 1)),
                              Milestone(name="open", planned=dt.date(2024, 12, 1)),
                              Milestone(name="later", planned=dt.date(2025, 3, 1))])
    assert [(m.name, days) for m, days in made.late_milestones()] == [("open", 30)]


def test_indicator_progress():
    assert Indicator(name="i", baseline=0, target=40, measured=14).progress == 0.35
    assert Indicator(name="i", baseline=10, target=4, measured=7).progress == 0.5  # a falling target
    assert Indicator(name="i", baseline=10, target=4, measured=12).progress == pytest.approx(-1 / 3)  # the other way
    assert Indicator(name="i", baseline=0, target=6, measured=9).progress == 1.5  # past the target
    assert Indicator(name="i", baseline=5, target=5, measured=6).progress is None  # target == baseline
    assert Indicator(name="i", baseline=0, measured=6).progress is None
    assert Indicator(name="i", target=6, measured=6).progress is None
    assert Indicator(name="i", baseline=0, target=6).progress is None


# --- over the years -------------------------------------------------------------------------------


def test_spending_over_years_with_lines_only_in_some_years():
    older = ProgressReport(contract="c1", year=2023, period_start=dt.date(2023, 1, 1), period_end=dt.date(2023, 12, 31),
                           budget_lines=[BudgetLine(name="Activering", planned=100, spent=10),
                                         BudgetLine(name="Oud", planned=50, spent=5)])
    newer = report(budget_lines=[BudgetLine(name="Nieuw", planned=30, spent=None, infrastructure=True),
                                 BudgetLine(name="Activering", planned=120, spent=60)])
    rows = spending_over_years([newer, older])  # any order in: oldest first out
    assert [(r.name, r.planned, r.infrastructure, r.spent) for r in rows] == [
        ("Nieuw", 30, True, {2023: None, 2024: None}),  # the latest report's order, its planned amount
        ("Activering", 120, False, {2023: 10, 2024: 60}),
        ("Oud", 50, False, {2023: 5, 2024: None}),  # only in an earlier report: after the latest's lines
    ]


def report_with_indicators(year: int, *indicators: Indicator) -> ProgressReport:
    return ProgressReport(contract="c1", year=year, period_start=dt.date(year, 1, 1), period_end=dt.date(year, 12, 31),
                          indicators=list(indicators))


def test_indicators_over_years_with_indicators_only_in_some_years():
    older = report_with_indicators(2023, Indicator(name="Dossiers", baseline=0, target=30, measured=5),
                                   Indicator(name="Oud", measured=1))
    newer = report_with_indicators(2024, Indicator(name="Dossiers", unit="dossiers", baseline=0, target=40, measured=14))
    rows = indicators_over_years([newer, older])
    assert [(r.name, r.unit, r.target, r.measured, r.progress) for r in rows] == [
        ("Dossiers", "dossiers", 40, {2023: 5, 2024: 14}, 0.35),  # the latest target and progress
        ("Oud", "", None, {2023: 1, 2024: None}, None),
    ]


# --- the round ----------------------------------------------------------------------------------


def make_round(reports, contracts=("c1", "c2"), year=2024) -> FollowUpRound:
    return FollowUpRound(selection_session="sel", selection_fingerprint=FINGERPRINT, decision_reference="BVR 1",
                         decided_on=dt.date(2021, 12, 17), year=year,
                         contracts=[Contract(application_id=aid, subsidy=100_000) for aid in contracts],
                         reports=list(reports))


def test_round_report_and_history():
    old, new, other = report(year=2023), report(), report(contract="c2", final=True)
    made = make_round([new, other, old])
    assert made.report("c1") is new
    assert made.history("c1") == [old, new]
    assert made.final_contracts == ["c2"]
    with pytest.raises(KeyError):
        made.report("c3")


@pytest.mark.parametrize(("reports", "key", "values"), [
    ([report(), report(contract="c2"), report(contract="c9")], "follow_up.report_not_selected", {"contract": "c9"}),
    ([report(), report(contract="c2"), report(contract="c2", year=2025)], "follow_up.report_after_year",
     {"contract": "c2", "year": 2025, "round": 2024}),
    ([report(), report(contract="c2"), report()], "follow_up.report_twice", {"contract": "c1", "year": 2024}),
    ([report(), report(contract="c2", year=2023)], "follow_up.report_missing", {"contract": "c2", "year": 2024}),
])
def test_round_refuses(reports, key, values):
    with pytest.raises(InvalidValue) as raised:
        make_round(reports)
    assert raised.value.key == key
    assert values.items() <= raised.value.values.items()


def test_portfolio_in_the_round_order_with_each_contracts_figures():
    first = report([(80_000, 40_000, False), (30_000, 0, True)], contract="c2", co_financing_paid=10_000,
                   ends_on=dt.date(2025, 12, 31), obstacles=["Geen vergunning"],
                   milestones=[Milestone(name="open", planned=dt.date(2024, 6, 30))])
    second = report([(100_000, None, False)], final=True)
    rows = portfolio(make_round([second, first], contracts=("c2", "c1")), RULES)
    assert [row.application_id for row in rows] == ["c2", "c1"]
    assert (rows[0].planned, rows[0].spent, rows[0].spent_share) == (110_000, 40_000, pytest.approx(0.363636363636))
    assert (rows[0].outcome, rows[0].late_milestones, rows[0].obstacles, rows[0].final) == (Outcome.NOT_MET, 1, 1, False)
    assert (rows[1].spent, rows[1].spent_share, rows[1].outcome, rows[1].final) == (None, None, Outcome.UNKNOWN, True)


def test_asks_gathered_per_agency_whatever_the_spacing_or_case():
    asks = {
        "c1": [Ask(agency="Agentschap Wegen en Verkeer", ask="Akkoord N80"), Ask(agency="Infrabel", ask="Spoorbedding")],
        "c2": [Ask(agency="agentschap  wegen en verkeer ", ask="Oversteekplaats")],
        "c3": [Ask(agency="Aquafin", ask="Riolering"), Ask(agency="Wonen in Vlaanderen", ask="Premie")],
    }
    made = make_round([report(contract=aid, asks=found) for aid, found in asks.items()], contracts=("c1", "c2", "c3"))
    assert asks_by_agency(made) == [
        ("Agentschap Wegen en Verkeer", [("c1", "Akkoord N80"), ("c2", "Oversteekplaats")]),  # two contracts first
        ("Aquafin", [("c3", "Riolering")]),  # then by name
        ("Infrabel", [("c1", "Spoorbedding")]),
        ("Wonen in Vlaanderen", [("c3", "Premie")]),
    ]


def test_report_refuses_its_own_inconsistencies():
    with pytest.raises(InvalidValue) as raised:
        ProgressReport(contract="c1", year=2024, period_start=dt.date(2024, 12, 31), period_end=dt.date(2024, 1, 1))
    assert raised.value.key == "report.period_order"


def test_the_demo_reports_are_all_read(tmp_path: Path):
    folder = demo_data_dir() / "progress"
    assert all(load_progress_report(path).contract.startswith("wvc21-") for path in sorted(folder.glob("*.md")))
