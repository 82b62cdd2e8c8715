"""Progress report files (formats/progress_report_file.py, docs/file-formats.md "Progress report"):
what is read, what is refused with one line naming file and field, and how `check` recognises a
report, a folder of reports and a follow-up criteria file. The refusals of whole files are in the
bad-input corpus (tests/data/bad/progress, run by tests/test_bad_input.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jury_tui.errors import JuryError
from jury_tui.formats.checks import check_file
from jury_tui.formats.front_matter import front_matter_keys
from jury_tui.formats.progress_report_file import (
    load_progress_report,
    load_progress_reports,
    parse_progress_report,
)
from jury_tui.formats.session_builder import demo_data_dir, shipped_criteria_dir

REPO = Path(__file__).resolve().parents[1]
GOOD = REPO / "tests" / "data" / "good"
HASSELT = demo_data_dir() / "progress" / "10-hasselt-2024.md"

MINIMAL = """\
---
contract: wvc21-10
year: 2024
period_start: 2024-01-01
period_end: 2024-12-31
{extra}---

## Stand van zaken

Tekst.
"""


def parse(extra: str = "", path: Path = Path("rapport.md")):
    return parse_progress_report(MINIMAL.format(extra=extra), path)


def refusal(extra: str) -> str:
    with pytest.raises(JuryError) as raised:
        parse(extra)
    assert len(raised.value.problems) == 1
    return raised.value.problems[0]


def test_a_minimal_report_has_its_defaults():
    report = parse()
    assert (report.contract, report.year, report.final, report.ends_on, report.co_financing_paid) == (
        "wvc21-10", 2024, False, None, None)
    assert report.budget_lines == [] and report.sections[0].heading == "Stand van zaken"


def test_hasselt_2024_is_read_with_every_field():
    report = load_progress_report(HASSELT)
    assert [(line.name, line.planned, line.infrastructure) for line in report.budget_lines][-1] == (
        "Infrastructuur", 124_000, True)
    assert report.planned_total == 531_000 and report.spent_total == 245_000
    assert report.ends_on == dt.date(2025, 12, 31) and report.co_financing_paid == 95_000
    assert report.is_illustrative("budget_lines.spent") and not report.is_illustrative("budget_lines.planned")
    assert [ask.agency for ask in report.asks] == ["Agentschap Wegen en Verkeer", "Infrabel"]
    assert [milestone.name for milestone, _ in report.late_milestones()] == [
        "Aanstelling buurtwerker", "Start Café Anoniem Radicaal Anders", "Start dag- en nachtopvang in de nieuwbouw Oude Statie"]


def test_the_good_report_with_bom_crlf_and_markup_is_read_literally():
    report = load_progress_report(GOOD / "voortgang-bom-crlf.md")
    assert report.summary == 'Tekst met <i>opmaak</i> & "aanhalingstekens" blijft letterlijk.'
    assert report.sections[0].body == "De werking loopt; café en crèche."


@pytest.mark.parametrize(("extra", "field", "value"), [
    ("co_financing_paid: 95.000\n", "co_financing_paid", "95.000"),
    ("budget_lines:\n  - name: Infra\n    planned: 124.000\n", "planned", "124.000"),
    ("budget_lines:\n  - planned: 1.124.000,50\n    name: Infra\n", "planned", "1.124.000,50"),
    ("budget_lines:\n  - name: Infra\n    planned: 5\n    spent: '12.500'\n", "spent", "12.500"),
])
def test_thousands_dots_are_refused_also_inside_a_list(extra, field, value):
    assert f"veld '{field}' heeft een duizendtalscheiding ({value})" in refusal(extra)


def test_a_decimal_amount_is_not_a_thousands_separator():
    report = parse("budget_lines:\n  - name: Infra\n    planned: 124.5\n    spent: 0.25\n")
    assert (report.budget_lines[0].planned, report.budget_lines[0].spent) == (124.5, 0.25)


@pytest.mark.parametrize(("extra", "expected"), [
    ("budget: 5\n", "rapport.md: veld 'budget' is een onbekend veld"),
    ("budget_lines:\n  - name: Infra\n    planned: 5\n    kost: 3\n", "veld 'budget_lines[1].kost' is een onbekend veld"),
    ("ends_on: 2025-02-30\n", "rapport.md: regel 6: veld 'ends_on' is geen geldige datum of getal (2025-02-30)"),
    ("milestones:\n  - name: Start\n    planned: 2024-13-01\n", "regel 8: veld 'planned' is geen geldige datum of getal"),
    ("milestones:\n  - name: Start\n    planned: begin 2024\n", "veld 'milestones[1].planned' is geen geldige datum"),
    ("budget_lines:\n  - name: A\n    planned: 1\n  - name: A\n    planned: 2\n",
     "veld 'budget_lines' bevat de naam 'A' twee keer"),
    ("indicators:\n  - name: I\n  - name: I\n", "veld 'indicators' bevat de naam 'I' twee keer"),
    ("obstacles:\n  - \"Geen\\u0007vergunning\"\n", "veld 'obstacles[1]' bevat een stuurteken"),
    ("final: ja\n", "veld 'final'"),
])
def test_field_refusals_name_the_field(extra, expected):
    assert expected in refusal(extra)


def test_a_report_needs_sections():
    with pytest.raises(JuryError) as raised:
        parse_progress_report(MINIMAL.format(extra="").split("## ")[0], Path("rapport.md"))
    assert raised.value.problems == ["rapport.md: bevat geen secties (koppen '## ...')"]


def test_two_reports_of_the_same_contract_and_year_in_a_folder(tmp_path):
    (tmp_path / "a.md").write_text(MINIMAL.format(extra=""), encoding="utf-8")
    (tmp_path / "b.md").write_text(MINIMAL.format(extra="final: true\n"), encoding="utf-8")
    with pytest.raises(JuryError) as raised:
        load_progress_reports(tmp_path)
    assert "b.md: nog een rapport van 'wvc21-10' over 2024 (ook in a.md)" in raised.value.problems[0]
    (tmp_path / "b.md").write_text(MINIMAL.format(extra="").replace("2024", "2023"), encoding="utf-8")
    assert [r.year for r in load_progress_reports(tmp_path)] == [2024, 2023]  # by file name


def test_front_matter_keys_are_the_top_level_ones():
    assert front_matter_keys(MINIMAL.format(extra="budget_lines:\n  - name: A\n    planned: 1\n")) == {
        "contract", "year", "period_start", "period_end", "budget_lines"}
    assert front_matter_keys("geen front matter\n") == set()


def test_check_recognises_reports_folders_of_reports_and_follow_up_criteria(tmp_path):
    assert check_file(HASSELT) == "progress_report"
    assert check_file(GOOD / "voortgang-bom-crlf.md") == "progress_report"
    assert check_file(demo_data_dir() / "progress") == "progress_reports"
    assert check_file(shipped_criteria_dir() / "wvc-2021-opvolging.toml") == "follow_up_criteria"
    assert check_file(GOOD / "opvolgingscriteria-bom-crlf.toml") == "follow_up_criteria"
    assert check_file(shipped_criteria_dir() / "wvc-2021.toml") == "criteria"
    assert check_file(demo_data_dir() / "applications" / "01-antwerpen.md") == "application"
    assert check_file(demo_data_dir() / "applications") == "application"
    # A report without its contract is still told from an application by its other keys.
    broken = tmp_path / "zonder-contract.md"
    broken.write_text(MINIMAL.format(extra="").replace("contract: wvc21-10\n", ""), encoding="utf-8")
    with pytest.raises(JuryError) as raised:
        check_file(broken)
    assert len(raised.value.problems) == 1 and raised.value.problems[0].endswith(": veld 'contract' ontbreekt")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_garbage_in_the_front_matter_is_a_jury_error_or_a_report(garbage):
    text = MINIMAL.format(extra="").replace("year: 2024\n", f"year: 2024\n{garbage}\n")
    try:
        parse_progress_report(text, Path("rapport.md"))
    except JuryError as error:
        assert error.problems and all(problem.startswith("rapport.md") for problem in error.problems)
