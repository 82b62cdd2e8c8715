"""What a progress report cannot say (found by a hostile tester): figures of the wrong type read as
numbers, names that differ only in case, a year that is not the period's, a milestone reached after
the report, an unknown illustrative field, a 'last' report followed by another, overlapping years,
and thousands dots in indicators."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from jury_tui.domain.follow_up import Contract, FollowUpRound, ProgressReport, indicators_over_years, spending_over_years
from jury_tui.errors import JuryError
from jury_tui.formats.progress_report_file import parse_progress_report
from jury_tui.formats.validation import validate


def report(**changes) -> dict:
    data = {
        "contract": "c1", "year": 2024, "period_start": dt.date(2024, 1, 1), "period_end": dt.date(2024, 12, 31),
        "budget_lines": [{"name": "Werking", "planned": 400000, "spent": 200000},
                         {"name": "Infrastructuur", "planned": 100000, "spent": 0, "infrastructure": True}],
        "sections": [{"heading": "Stand", "body": "tekst"}],
    }
    data.update(changes)
    return data


def refused(data: dict) -> str:
    with pytest.raises(JuryError) as caught:
        validate(ProgressReport, data, "r.md")
    return caught.value.message


@pytest.mark.parametrize("field, value", [("year", "2024"), ("year", 2024.0), ("final", "true")])
def test_a_figure_of_the_wrong_type_is_refused_not_converted(field, value):
    assert field in refused(report(**{field: value}))


def test_a_boolean_amount_is_refused_not_read_as_one_euro():
    lines = [{"name": "Werking", "planned": 400000}, {"name": "Infrastructuur", "planned": True, "infrastructure": True}]
    assert "budget_lines" in refused(report(budget_lines=lines))
    lines = [{"name": "Infrastructuur", "planned": 1, "infrastructure": "yes"}]
    assert "infrastructure" in refused(report(budget_lines=lines))


def test_an_amount_as_a_whole_number_is_still_an_amount():
    assert validate(ProgressReport, report(co_financing_paid=100000), "r.md").co_financing_paid == 100000.0


def test_two_lines_whose_names_differ_only_in_case_or_spacing_are_one_name_twice():
    lines = [{"name": "Activering en skills", "planned": 1}, {"name": "activering  en skills ", "planned": 2}]
    assert "twee keer" in refused(report(budget_lines=lines))


def test_the_year_is_the_year_the_period_ends_in():
    assert "2024" in refused(report(period_start=dt.date(2019, 1, 1), period_end=dt.date(2019, 12, 31)))
    validate(ProgressReport, report(period_start=dt.date(2023, 7, 1), period_end=dt.date(2024, 6, 30)), "r.md")


def test_a_milestone_cannot_be_reached_after_the_report_was_written():
    late = [{"name": "Start", "planned": dt.date(2024, 3, 1), "actual": dt.date(2025, 2, 1)}]
    assert "Start" in refused(report(milestones=late, reported_on=dt.date(2025, 1, 31)))
    # On the day the report is written: fine; without reported_on, the end of the period counts.
    on_the_day = [{"name": "Start", "planned": dt.date(2024, 3, 1), "actual": dt.date(2025, 1, 31)}]
    validate(ProgressReport, report(milestones=on_the_day, reported_on=dt.date(2025, 1, 31)), "r.md")
    assert "Start" in refused(report(milestones=on_the_day))


def test_illustrative_names_only_fields_of_a_report():
    validate(ProgressReport, report(illustrative=["co_financing_paid", "budget_lines.spent", "milestones"]), "r.md")
    assert "foo" in refused(report(illustrative=["foo"]))
    assert "budget_lines.spnt" in refused(report(illustrative=["budget_lines.spnt"]))


def round_of(*reports: dict, year: int = 2024) -> dict:
    return {"selection_session": "s", "selection_fingerprint": "0" * 64, "decision_reference": "ref",
            "decided_on": dt.date(2021, 12, 17), "year": year, "contracts": [Contract(application_id="c1")],
            "reports": [validate(ProgressReport, item, "r.md") for item in reports]}


def test_a_report_that_says_it_is_the_last_cannot_be_followed_by_another():
    earlier = report(year=2023, period_start=dt.date(2023, 1, 1), period_end=dt.date(2023, 12, 31), final=True)
    with pytest.raises(JuryError) as caught:
        validate(FollowUpRound, round_of(earlier, report()), "rapporten")
    assert "2023" in caught.value.message and "final" in caught.value.message


def test_the_years_periods_do_not_overlap():
    earlier = report(year=2023, period_start=dt.date(2023, 1, 1), period_end=dt.date(2023, 12, 31))
    overlapping = report(period_start=dt.date(2023, 12, 31))
    with pytest.raises(JuryError):
        validate(FollowUpRound, round_of(earlier, overlapping), "rapporten")
    validate(FollowUpRound, round_of(earlier, report(period_start=dt.date(2024, 1, 1))), "rapporten")


def test_lines_and_indicators_are_matched_across_years_whatever_their_case():
    earlier = validate(ProgressReport, report(
        year=2023, period_start=dt.date(2023, 1, 1), period_end=dt.date(2023, 12, 31),
        budget_lines=[{"name": "werking", "planned": 400000, "spent": 50000}],
        indicators=[{"name": "dossiers  afgerond", "measured": 3}]), "r.md")
    later = validate(ProgressReport, report(indicators=[{"name": "Dossiers afgerond", "measured": 9}]), "r.md")
    lines = spending_over_years([later, earlier])
    assert [(line.name, line.spent) for line in lines] == [
        ("Werking", {2023: 50000.0, 2024: 200000.0}), ("Infrastructuur", {2023: None, 2024: 0.0})]
    assert [(row.name, row.measured) for row in indicators_over_years([earlier, later])] == [
        ("Dossiers afgerond", {2023: 3.0, 2024: 9.0})]


def test_a_thousands_dot_in_an_indicator_is_refused_naming_the_line(tmp_path: Path):
    text = """---
contract: c1
year: 2024
period_start: 2024-01-01
period_end: 2024-12-31
indicators:
  - name: Bezoekers
    target: 2.000
---
## Stand
tekst
"""
    with pytest.raises(JuryError) as caught:
        parse_progress_report(text, tmp_path / "r.md")
    assert "regel 8" in caught.value.message and "target" in caught.value.message


def test_the_total_row_is_the_reports_own_totals_not_the_sum_of_rows_when_a_line_was_renamed():
    """Found by review: a line renamed between years is two rows; adding the rows counted its plan twice."""
    from jury_tui.domain.follow_up import spending_totals

    earlier = validate(ProgressReport, report(
        year=2023, period_start=dt.date(2023, 1, 1), period_end=dt.date(2023, 12, 31),
        budget_lines=[{"name": "Werking", "planned": 400000, "spent": 50000},
                      {"name": "Infra", "planned": 100000, "spent": 0, "infrastructure": True}]), "r.md")
    later = validate(ProgressReport, report(), "r.md")  # "Infra" is now "Infrastructuur"
    rows = spending_over_years([earlier, later])
    assert [row.name for row in rows] == ["Werking", "Infrastructuur", "Infra"]
    assert sum(row.planned for row in rows) == 600000  # what a sum of the rows would say
    totals = spending_totals([earlier, later])
    assert (totals.planned, totals.spent) == (500000, {2023: 50000, 2024: 200000})
    assert totals.share(2024) == 0.4 and rows[0].share(2024) == 0.5 and rows[2].share(2024) is None


def test_which_figures_a_check_rests_on_decides_its_illustrative_mark():
    from jury_tui.domain.follow_up import Basis, report_checks
    from jury_tui.formats.criteria_file import load_criteria
    from jury_tui.formats.session_builder import shipped_criteria_dir

    rules = load_criteria(shipped_criteria_dir() / "wvc-2021-opvolging.toml").eligibility
    made = validate(ProgressReport, report(co_financing_paid=100000, ends_on=dt.date(2025, 12, 31),
                                           illustrative=["budget_lines.spent"]), "r.md")
    marked = {(check.rule_id, check.basis): made.check_is_illustrative(check) for check in report_checks(made, rules)}
    assert marked == {("infrastructuur", Basis.PLAN): False, ("infrastructuur", Basis.SPENT): True,
                      ("cofinanciering", Basis.SPENT): True, ("einddatum", Basis.REPORT): False}


def test_a_progress_report_over_its_size_limit_is_refused_unread_and_named_as_such(tmp_path: Path):
    from jury_tui.formats.files import SIZE_LIMITS
    from jury_tui.formats.progress_report_file import load_progress_report

    big = tmp_path / "10-hasselt-2024.md"
    with big.open("wb") as out:
        out.truncate(SIZE_LIMITS["progress_report"] + 1)
    with pytest.raises(JuryError) as caught:
        load_progress_report(big)
    assert "de grens voor een voortgangsrapport" in caught.value.message
