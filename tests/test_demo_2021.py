"""The honest demo and the whole 2021 path (issue 13 item 10; docs/demo-data.md).

Real: the twenty applications (municipality, neighbourhood, title), Mechelen's figures, the eleven
neighbourhoods the government selected and the 7.6 million euro it released. Everything else is
illustrative and marked so; no real city is given a formal failure it did not have."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from jury_tui.cli import main
from jury_tui.domain.consensus import Recommendation
from jury_tui.domain.deliberation import GovernmentDecision, Meeting
from jury_tui.domain.eligibility import Outcome, check_eligibility
from jury_tui.formats.session_builder import DEMO_SESSION_ID, build_demo_session
from jury_tui.reports.data_export import build_advice_data
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.demo_advice import PLAN, demo_government
from jury_tui.store.sessions import load_session
from tests.conftest import tree_snapshot
from tests.test_export import pdf_text

# The twenty applications of the parliamentary answer (seeds/parliamentary-answer-20-applications.txt).
REAL_MUNICIPALITIES = [
    "Antwerpen", "Beringen", "Boom", "Brugge", "Denderleeuw", "Dendermonde", "Geraardsbergen", "Genk", "Gent",
    "Hasselt", "Hoeilaart", "Izegem", "Kortrijk", "Maasmechelen", "Mechelen", "Oostende", "Roeselare",
    "Sint-Niklaas", "Turnhout", "Vilvoorde",
]
# The eleven neighbourhoods the government selected (seeds/selected-neighbourhoods-2021.txt; the
# 2024 network event lists the same eleven contracts).
SELECTED_2021 = {
    "Beringen", "Brugge", "Denderleeuw", "Dendermonde", "Genk", "Gent", "Hasselt", "Mechelen", "Oostende",
    "Sint-Niklaas", "Vilvoorde",
}
FIGURES = ["requested_subsidy", "budgeted_cost", "co_financing", "infrastructure_amount", "duration_months", "ends_on",
           "submitted_at", "approved_by", "other_flemish_subsidy"]
INVENTED = ["partners"]  # the partner organisations: read from the rewritten sections, named by no source
# Mechelen's application form (seeds/application-form-mechelen-arsenaal.txt): 800,000 asked, 1,024,848.66
# from the city, nothing for infrastructure (725,000 staff, 75,000 running costs), four years to the end of 2025.
MECHELEN_REAL = {"requested_subsidy": 800_000, "budgeted_cost": 1_824_848.66, "co_financing": 1_024_848.66,
                 "infrastructure_amount": 0, "duration_months": 48, "ends_on": dt.date(2025, 12, 31)}
FICTITIOUS = "fictief"  # an invented application says so in its title and summary


def run(capsys, *args: str) -> str:
    code = main(list(args))
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "Traceback" not in captured.err
    return captured.out


@pytest.fixture
def filled(tmp_path, capsys):
    run(capsys, "demo", "--filled", "--no-open", "--data-dir", str(tmp_path))
    return tmp_path


# --- the applications ----------------------------------------------------------------------------


def test_no_real_city_fails_a_rule_of_the_call_in_the_demo():
    session = build_demo_session()
    failing = {
        application.municipality: [check.rule_id for check in check_eligibility(application, session.criteria.eligibility)
                                   if check.outcome is not Outcome.MET]
        for application in session.applications
        if FICTITIOUS not in application.title.lower()
    }
    assert {municipality: rules for municipality, rules in failing.items() if rules} == {}


def test_the_demo_holds_the_twenty_real_applications_and_marks_any_invented_one():
    session = build_demo_session()
    real = [a for a in session.applications if FICTITIOUS not in a.title.lower()]
    assert [a.municipality for a in real] == REAL_MUNICIPALITIES
    for application in session.applications:
        if application.municipality not in REAL_MUNICIPALITIES:  # invented: marked in title and summary
            assert FICTITIOUS in application.title.lower() and FICTITIOUS in application.summary.lower()


def test_every_figure_the_seeds_do_not_give_is_marked_illustrative():
    for application in build_demo_session().applications:
        if application.municipality == "Mechelen":
            for name, value in MECHELEN_REAL.items():
                assert getattr(application, name) == value, name
                assert name not in application.illustrative, name
            assert set(application.illustrative) == set(FIGURES + INVENTED) - set(MECHELEN_REAL)
        else:
            assert set(application.illustrative) == set(FIGURES + INVENTED), application.municipality
        assert application.partners, application.municipality


# --- the government's decision ----------------------------------------------------------------------


def test_the_government_decision_is_the_real_one_of_2021():
    session = build_demo_session()
    decision = demo_government(session)
    assert isinstance(decision, GovernmentDecision)
    chosen = {session.application(contract.application_id).municipality for contract in decision.selected}
    assert chosen == SELECTED_2021 and len(decision.selected) == 11
    assert decision.budget == 7_600_000 and decision.total == 7_600_000
    assert dt.date(2021, 12, 1) <= decision.decided_on <= dt.date(2021, 12, 31)  # "december 2021" (the call's planning)
    assert all(contract.illustrative for contract in decision.selected)  # no source gives the amounts
    for contract in decision.selected:  # an amount the call allows: the request at most, the rules met at it
        application = session.application(contract.application_id)
        assert contract.amount <= application.requested_subsidy
        checks = check_eligibility(application, session.criteria.eligibility, contract.amount)
        assert all(check.outcome is Outcome.MET for check in checks), application.municipality


def test_a_damaged_government_file_is_one_line_naming_the_field(tmp_path):
    from jury_tui.errors import JuryError

    path = tmp_path / "regering.toml"
    path.write_text('decided_on = 2021-12-17\nreference = "x"\n[[selected]]\napplication = "wvc21-02"\namount = -5\n',
                    encoding="utf-8")
    with pytest.raises(JuryError) as caught:
        demo_government(build_demo_session(), path)
    assert "regering.toml" in caught.value.message and "amount" in caught.value.message


# --- the chair's illustrative advice at 4 M ---------------------------------------------------------


def test_demo_filled_gives_a_complete_advice_at_four_million(filled):
    session = load_session(filled, DEMO_SESSION_ID)
    store = ChairStore(filled, session)
    data = build_advice_data(session, store.submissions(), store.decisions(), deliberation=store.deliberation())
    assert data.gaps.applications == {} and data.gaps.session == []
    assert data.budget == 4_000_000
    selected = [aid for aid, decision in data.decisions.items() if decision.recommendation is Recommendation.SELECT]
    reserve = [aid for aid, decision in data.decisions.items() if decision.recommendation is Recommendation.RESERVE]
    assert 5 <= len(selected) <= 6
    assert sum(data.decisions[aid].advised_amount for aid in selected) <= 4_000_000
    municipality = {a.id: a.municipality for a in session.applications}
    assert {municipality[aid] for aid in selected + reserve} == SELECTED_2021  # the government's later choice
    # The raised budget funds the reserve list: 7.6 M holds the selected and the reserve together.
    assert sum(data.decisions[aid].advised_amount for aid in selected + reserve) <= 7_600_000
    ranks = {row.application_id: row.rank for row in data.ranking}
    assert max(ranks[aid] for aid in selected) < min(ranks[aid] for aid in reserve)  # selected by rank
    meeting = store.deliberation().meeting
    assert meeting.recorded and meeting.held_on.year == 2021 and meeting.held_on.month == 9
    assert all(data.decisions[aid].conditions for aid in selected)
    assert sum(bool(decision.hearing) for decision in data.decisions.values()) >= 2
    assert all(store.history(a.id) for a in session.applications)  # written through the store: undo works
    assert "Illustratie" in data.decisions["wvc21-15"].overall_motivation


def test_demo_filled_keeps_the_chairs_own_decisions(tmp_path, capsys):
    data = str(tmp_path)
    run(capsys, "demo", "--no-open", "--data-dir", data)
    session = load_session(tmp_path, DEMO_SESSION_ID)
    store = ChairStore(tmp_path, session)
    store.set_recommendation("wvc21-03", Recommendation.SELECT)  # the chair's own work
    own_meeting = Meeting(held_on=dt.date(2021, 9, 30), chair="Voorzitter", attendees=["extern-1"])
    store.set_meeting(own_meeting)
    out = run(capsys, "demo", "--filled", "--no-open", "--data-dir", data)
    assert "wvc21-03: de voorzitter had al beslist" in out
    assert "de vergadering die de voorzitter vastlegde, blijft" in out
    decision = store.decision("wvc21-03")
    assert decision.recommendation is Recommendation.SELECT and decision.criteria == {} and not decision.overall_motivation
    assert store.deliberation().meeting == own_meeting
    assert store.decision("wvc21-04").recommendation is Recommendation.RESERVE  # the others are filled


def test_plan_is_the_documented_one():
    """docs/demo-data.md states these numbers: six selected for exactly 4,000,000, five on reserve."""
    selected = {aid: amount for aid, (_, recommendation, amount) in PLAN.items() if recommendation is Recommendation.SELECT}
    reserve = {aid: amount for aid, (_, recommendation, amount) in PLAN.items() if recommendation is Recommendation.RESERVE}
    assert len(selected) == 6 and sum(selected.values()) == 4_000_000
    assert len(reserve) == 5 and sum(reserve.values()) == 3_600_000
    government = {contract.application_id: contract.amount for contract in demo_government(build_demo_session()).selected}
    assert government == {**selected, **reserve}  # the government granted what the jury advised


# --- the 2021 path ----------------------------------------------------------------------------------


def _path(tmp_path, capsys) -> tuple[Path, str]:
    out_dir = tmp_path / "uit"
    out = run(capsys, "demo", "--path-2021", "--out", str(out_dir), "--data-dir", str(tmp_path))
    return out_dir, out


def test_path_2021_end_to_end(tmp_path, capsys):
    run(capsys, "demo", "--filled", "--no-open", "--data-dir", str(tmp_path))
    session = load_session(tmp_path, DEMO_SESSION_ID)
    store = ChairStore(tmp_path, session)
    submitted = {juror: submission.checksum for juror, submission in store.submissions().items()}
    out_dir, out = _path(tmp_path, capsys)
    lines = out.strip().splitlines()
    assert any("advies bij een budget van 4.000.000 euro geschreven" in line for line in lines)
    assert any("budget verhoogd van 4.000.000 naar 7.600.000 euro" in line for line in lines)
    assert any("beslissing van de Vlaamse Regering van 17 december 2021 vastgelegd: 11 aanvragen, samen 7.600.000 euro"
               in line for line in lines)
    assert any("advies bij een budget van 7.600.000 euro geschreven" in line for line in lines)
    first = out_dir / "advies-wvc-2021-demo-budget-4000000.pdf"
    second = out_dir / "advies-wvc-2021-demo-budget-7600000-regering.pdf"
    assert first.stat().st_size > 10_000 and second.stat().st_size > 10_000
    text = pdf_text(first)
    assert "4.000.000" in text and "Mechelen" in text
    # The chair's decisions, not the session: no juror submits again.
    assert store.budget() == 7_600_000 and session.budget == 4_000_000
    assert {juror: submission.checksum for juror, submission in store.submissions().items()} == submitted
    assert store.government() == demo_government(session)
    assert [entry["new"]["budget"] for entry in store.deliberation_history() if entry["new"]["budget"]] == [7_600_000]


def test_path_2021_rerun_changes_nothing_the_chair_made(tmp_path, capsys):
    _path(tmp_path, capsys)  # fills the demo first when that was not done
    before = tree_snapshot(tmp_path / "sessions")
    _, out = _path(tmp_path, capsys)
    assert tree_snapshot(tmp_path / "sessions") == before
    assert "het budget staat al op 7.600.000 euro" in out


def test_path_2021_keeps_the_chairs_own_budget_and_government_record(tmp_path, capsys):
    run(capsys, "demo", "--filled", "--no-open", "--data-dir", str(tmp_path))
    session = load_session(tmp_path, DEMO_SESSION_ID)
    store = ChairStore(tmp_path, session)
    store.set_budget(5_000_000)
    own = GovernmentDecision(decided_on=dt.date(2021, 12, 20), reference="eigen")
    store.set_government(own)
    out_dir, out = _path(tmp_path, capsys)
    assert store.budget() == 5_000_000 and store.government() == own
    assert "het budget dat de voorzitter koos (5.000.000 euro) blijft" in out
    assert "die blijft zoals ze is" in out
    # The second advice is named after the budget it was written at, the chair's own.
    assert (out_dir / "advies-wvc-2021-demo-budget-5000000-regering.pdf").is_file()


def test_path_2021_refuses_an_out_that_is_a_file(tmp_path):
    target = tmp_path / "bestand"
    target.write_text("x", encoding="utf-8")
    code = main(["demo", "--path-2021", "--out", str(target), "--data-dir", str(tmp_path)])
    assert code == 2
    assert target.read_text(encoding="utf-8") == "x"


def test_path_2021_advice_at_the_raised_budget_shows_the_decision(tmp_path, capsys):
    out_dir, _ = _path(tmp_path, capsys)
    text = pdf_text(out_dir / "advies-wvc-2021-demo-budget-7600000-regering.pdf")
    assert "7.600.000" in text and "DEMO-WVC-2021" in text


def test_path_2021_writes_a_letter_per_application(tmp_path, capsys):
    out_dir, out = _path(tmp_path, capsys)
    letters = sorted((out_dir / "brieven-wvc-2021-demo").glob("*.pdf"))
    assert len(letters) == len(build_demo_session().applications)
    assert "20 brieven geschreven" in out
    assert "Mechelen" in pdf_text(next(path for path in letters if path.name.startswith("brief-wvc21-15-")))
