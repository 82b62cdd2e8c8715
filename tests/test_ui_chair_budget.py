"""The chair's decisions for the session as a whole, by keys (Textual Pilot, 80×24): the budget in
force, budgets side by side, the reserve list, a tie in the open and its motivated order, the meeting
on record and the government's decision beside the advice.

The demo session without the call's eligibility rules (so every amount is the request and nothing
here hangs on the demo's formal checks), with every juror's illustrative scores (`jury-tui demo
--filled`); the chair's consensus gives application number i (0-based, session order) the total
35 − i, except that Brugge (3) gets Boom's (2) scores exactly: a tie after the tie-break criteria, "3=".

By rank at € 4.000.000: Antwerpen (800.000), Beringen (800.000), Boom (618.400), Brugge (800.000),
Denderleeuw (536.750): 800.000 × 3 + 618.400 + 536.750 = 3.555.150; Dendermonde (480.000) would make
4.035.150 and is skipped, as are Geraardsbergen (560.000), Genk (760.000), Gent (800.000) and Hasselt
(720.000), until Hoeilaart (350.000) makes 3.555.150 + 350.000 = 3.905.150 (94.850 left, which no
request below fits). The reserve list counts on from there: Dendermonde 3.905.150 + 480.000 =
4.385.150, Geraardsbergen 4.385.150 + 560.000 = 4.945.150.
At € 7.600.000: the first eleven, 3.555.150 + 480.000 + 560.000 + 760.000 + 800.000 + 720.000 +
350.000 = 7.225.150 (374.850 left); Izegem (588.900) would make 7.814.050, and nothing below it fits
in the 374.850 left (the smallest, Maasmechelen, asks 452.300).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from jury_tui.domain.consensus import Recommendation
from jury_tui.domain.deliberation import GovernmentDecision, GrantedContract
from jury_tui.domain.government import compare
from jury_tui.domain.session import SessionDefinition
from jury_tui.errors import JuryError
from jury_tui.formats.session_builder import build_demo_session, demo_private_keys
from jury_tui.i18n import t
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.demo_scores import fill_demo_scores
from jury_tui.store.sessions import load_session, write_session
from jury_tui.ui.chair import formatting as fmt
from jury_tui.ui.chair.app import ChairApp
from jury_tui.ui.chair.screens.budget import (
    BudgetDialog,
    ScenarioDialog,
    TieDialog,
    parse_budget,
    parse_budgets,
)
from jury_tui.ui.chair.screens.government import GovernmentDialog
from jury_tui.ui.chair.screens.meeting import MeetingDialog, parse_date
from jury_tui.ui.chair.screens.ranking import RankingScreen
from jury_tui.ui.chair.widgets import ChairTable

SIZE = (80, 24)
DEMO = "wvc-2021-demo"
BOOM, BRUGGE = "wvc21-03", "wvc21-04"


def text_of(widget) -> str:
    return str(widget.render())


def notifications(app) -> list[str]:
    return [notification.message for notification in app._notifications]


def scores_for(index: int, count: int) -> list[int]:
    """Scores on 0–5 summing to 35 − index, the higher ones on the first (tie-break) criteria."""
    whole, extra = divmod(35 - index, count)
    return [whole + 1 if position < extra else whole for position in range(count)]


def without_rules(session: SessionDefinition) -> SessionDefinition:
    return dataclasses.replace(session, criteria=dataclasses.replace(session.criteria, eligibility=[]))


def set_all_consensus(store: ChairStore, session: SessionDefinition) -> None:
    criteria = session.criteria.criteria
    for index, application in enumerate(session.applications):
        scores = scores_for(2 if application.id == BRUGGE else index, len(criteria))
        for criterion, score in zip(criteria, scores, strict=True):
            store.set_consensus(application.id, criterion.id, score=score, motivation="Consensus van de jury.")


@pytest.fixture(scope="module")
def filled_template(tmp_path_factory) -> Path:
    """The filled demo with the chair's consensus on every application, made once and copied per test."""
    data_dir = tmp_path_factory.mktemp("budget") / "data"
    session = without_rules(build_demo_session())
    write_session(data_dir, session, demo_private_keys(session))
    fill_demo_scores(data_dir, session)
    set_all_consensus(ChairStore(data_dir, session), session)
    return data_dir


@pytest.fixture
def filled(filled_template: Path, tmp_path: Path) -> tuple[Path, SessionDefinition]:
    import shutil

    data_dir = tmp_path / "data"
    shutil.copytree(filled_template, data_dir)
    return data_dir, load_session(data_dir, DEMO)


async def open_ranking(app, pilot) -> RankingScreen:
    await pilot.pause()
    await pilot.press("b")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, RankingScreen)
    return screen


async def type_text(pilot, text: str) -> None:
    await pilot.press(*["space" if char == " " else char for char in text])


async def move_to(pilot, screen: RankingScreen, application_id: str) -> None:
    table = screen.query_one("#ranking", ChairTable)
    table.move_cursor(row=table.get_row_index(application_id), animate=False)
    await pilot.pause()


# --- typing amounts and dates ------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [("7.600.000", 7_600_000), ("7600000", 7_600_000),
                                             ("€ 7.600.000,00", 7_600_000), ("", None)])
def test_a_budget_is_read_as_a_fleming_writes_it(text, value):
    assert parse_budget(text) == value


@pytest.mark.parametrize("text", ["zeven miljoen", "0", "7.60.000"])
def test_a_budget_that_is_no_amount_is_one_dutch_line(text):
    with pytest.raises(JuryError, match="geen bedrag"):
        parse_budget(text)


def test_budgets_side_by_side_are_separated_by_spaces():
    assert parse_budgets("4000000 7.600.000") == [4_000_000, 7_600_000]
    assert parse_budgets("4.000.000; 7600000") == [4_000_000, 7_600_000]
    with pytest.raises(JuryError):
        parse_budgets("  ")


def test_a_budget_written_with_spaces_between_thousands_is_one_budget():
    # Groups of exactly three digits continue the number before them, as the budget field reads it.
    assert parse_budgets("7 600 000") == [7_600_000]
    assert parse_budgets("4 000 000 7 600 000") == [4_000_000, 7_600_000]
    assert parse_budgets("4 000 000; 7 600 000") == [4_000_000, 7_600_000]
    assert parse_budgets("4000000 600000") == [4_000_000, 600_000]  # six digits: a budget of its own
    assert parse_budgets("7.600.000 4 000 000") == [7_600_000, 4_000_000]


def test_a_meeting_date_is_read_day_first():
    assert parse_date("12-05-2021") == dt.date(2021, 5, 12)
    assert parse_date("2021-05-12") == dt.date(2021, 5, 12)
    assert parse_date("") is None
    with pytest.raises(JuryError, match="geen datum"):
        parse_date("31-02-2021")
    for typo in ("01-01-0001", "9999-12-31"):  # a typing error, refused at the field (not by the store)
        with pytest.raises(JuryError, match="geen datum"):
            parse_date(typo)


# --- the budget ---------------------------------------------------------------------------------


async def test_raising_the_budget_moves_the_line_and_no_juror_submits_again(filled):
    data_dir, session = filled
    fingerprint = session.fingerprint
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_ranking(app, pilot)
        table = screen.query_one("#ranking", ChairTable)
        by_rank, _ = app.model.proposals
        assert by_rank.selected == ["wvc21-01", "wvc21-02", BOOM, BRUGGE, "wvc21-05", "wvc21-11"]
        assert by_rank.total_amount == 3_905_150
        # Dendermonde .. Hasselt are passed over for Hoeilaart, by name.
        assert "slaat over: Dendermonde, Geraardsbergen, Genk, Gent, Hasselt" in text_of(screen.query_one("#proposal-1"))
        # Nothing selected yet: the reserve list runs past the by-rank line, in rank order.
        assert table.get_cell("wvc21-06", "selected").plain == "R1"
        assert table.get_cell("wvc21-06", "running").plain == fmt.plain_amount(4_385_150)
        assert table.get_cell("wvc21-07", "selected").plain == "R2"
        assert table.get_cell("wvc21-07", "running").plain == fmt.plain_amount(4_945_150)

        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, BudgetDialog)
        await type_text(pilot, "7.600.000")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert ChairStore(data_dir, session).budget() == 7_600_000
        assert t("chair.ui.budget.saved", budget=fmt.euro(7_600_000)) in notifications(app)
        assert t("chair.ui.ranking.budget_chairs", budget=fmt.euro(7_600_000), session=fmt.euro(4_000_000)) in text_of(
            screen.query_one("#budget-line"))
        by_rank, best_fit = app.model.proposals
        assert by_rank.budget == best_fit.budget == 7_600_000
        assert by_rank.selected == ["wvc21-01", "wvc21-02", BOOM, BRUGGE, "wvc21-05", "wvc21-06", "wvc21-07",
                                    "wvc21-08", "wvc21-09", "wvc21-10", "wvc21-11"]
        assert by_rank.total_amount == 7_225_150 and by_rank.passed_over == []
        assert table.get_cell("wvc21-06", "p1").plain == "●"
        assert table.get_cell("wvc21-12", "selected").plain == "R1"
        assert table.get_cell("wvc21-12", "running").plain == fmt.plain_amount(7_814_050)
        await pilot.press("1")  # adopt the by-rank proposal at the budget in force
        await pilot.pause()
        assert ChairStore(data_dir, session).selection() == by_rank.selected
        assert t("chair.ui.ranking.budget_line", count=11, amount=fmt.euro(7_225_150),
                 budget=t("chair.ui.ranking.budget_chairs", budget=fmt.euro(7_600_000), session=fmt.euro(4_000_000)),
                 left=fmt.euro(374_850)) == text_of(screen.query_one("#budget-line"))

    # The session (and so every juror's submission) is the same: no juror submits again.
    reloaded = load_session(data_dir, DEMO)
    assert reloaded.fingerprint == fingerprint
    assert len(ChairStore(data_dir, reloaded).submissions()) == len(session.jurors)


async def test_a_budget_that_is_no_amount_stays_in_the_dialog(filled):
    data_dir, session = filled
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        await open_ranking(app, pilot)
        await pilot.press("g")
        await type_text(pilot, "veel")
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, BudgetDialog)
        assert text_of(dialog.query_one(".dialog-problem")) == t("chair.ui.budget.not_an_amount", text="veel")
        await pilot.press("escape")
        await pilot.pause()
        assert ChairStore(data_dir, session).deliberation().budget is None


async def test_scenarios_show_budgets_side_by_side_and_store_nothing(filled):
    data_dir, session = filled
    app = ChairApp(data_dir, session)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_ranking(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ScenarioDialog)
        await type_text(pilot, "4000000 7600000")
        await pilot.press("enter")
        await pilot.pause()
        low, high = dialog.scenario_texts()
        assert low.startswith("€ 4.000.000") and high.startswith("€ 7.600.000")
        assert "slaat over: Dendermonde, Geraardsbergen, Genk, Gent, Hasselt" in low
        assert "R1 Dendermonde: 480.000 → 4.385.150" in low
        assert "7.225.150" in high and "R1 Izegem: 588.900 → 7.814.050" in high
        assert "slaat over" not in high.split(t("chair.ui.ranking.proposal_best"))[0]
        assert text_of(dialog.query_one("#scenario-basis")) == t("chair.ui.scenarios.final")
        assert len(dialog.query(".scenario")) == 2
        await pilot.press("escape")
        await pilot.pause()
    assert ChairStore(data_dir, session).deliberation().budget is None


# --- a tie in the open --------------------------------------------------------------------------


async def test_a_tie_is_ex_aequo_until_the_chair_orders_it_with_a_motivation(filled):
    data_dir, session = filled
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_ranking(app, pilot)
        table = screen.query_one("#ranking", ChairTable)
        assert table.get_cell(BOOM, "rank").plain == "3=" and table.get_cell(BRUGGE, "rank").plain == "3="
        assert table.get_cell("wvc21-05", "rank").plain == "5"
        await move_to(pilot, screen, BRUGGE)
        assert t("chair.ui.ranking.row_ex_aequo", others="Boom") in text_of(screen.query_one("#row-line"))

        await pilot.press("t")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TieDialog)
        await pilot.press("shift+down")  # Boom (first, by id) below Brugge
        await pilot.press("ctrl+s")  # no motivation yet: refused, nothing stored
        await pilot.pause()
        assert text_of(dialog.query_one(".dialog-problem")) == t("chair.tie_motivation")
        assert ChairStore(data_dir, session).deliberation().tie_orders == []
        await pilot.press("tab")
        await type_text(pilot, "Brugge bereikt meer bewoners.")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        (order,) = ChairStore(data_dir, session).deliberation().tie_orders
        assert order.application_ids == [BRUGGE, BOOM] and order.motivation == "Brugge bereikt meer bewoners."
        assert table.get_cell(BRUGGE, "rank").plain == "3" and table.get_cell(BOOM, "rank").plain == "4"
        await move_to(pilot, screen, BOOM)
        assert "Brugge bereikt meer bewoners." in text_of(screen.query_one("#row-line"))

        await pilot.press("t")  # and back: ex aequo again
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert ChairStore(data_dir, session).deliberation().tie_orders == []
        assert table.get_cell(BOOM, "rank").plain == "3="

        await move_to(pilot, screen, "wvc21-05")
        await pilot.press("t")
        await pilot.pause()
        assert app.screen is screen
        assert t("chair.ui.tie.not_tied", name="Denderleeuw") in notifications(app)


# --- the meeting ---------------------------------------------------------------------------------


async def test_the_meeting_is_put_on_record_by_keys(filled):
    data_dir, session = filled
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_ranking(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, MeetingDialog)
        await type_text(pilot, "12-05-2021")
        await pilot.press("tab")
        await type_text(pilot, "An Voorzitter")
        await pilot.press("tab")  # the jurors: tick the first two
        await pilot.press("space", "down", "space")
        await pilot.press("tab")
        await type_text(pilot, "Secretariaat, Waarnemer")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, MeetingDialog)
        meeting = ChairStore(data_dir, session).deliberation().meeting
        assert meeting.held_on == dt.date(2021, 5, 12) and meeting.chair == "An Voorzitter"
        assert meeting.attendees == [juror.id for juror in session.jurors[:2]]
        assert meeting.others == ["Secretariaat", "Waarnemer"]
        assert meeting.recorded
        assert t("chair.ui.meeting.saved") in notifications(app)

        # Esc after typing asks before throwing the text away.
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("tab")
        await type_text(pilot, "x")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, MeetingDialog)  # the question
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, MeetingDialog)


# --- the government's decision ------------------------------------------------------------------


def government_decision() -> GovernmentDecision:
    return GovernmentDecision(
        decided_on=dt.date(2021, 7, 16), reference="VR 2021 1607 DOC.0815", budget=7_600_000,
        selected=[GrantedContract(application_id="wvc21-01", amount=800_000),  # as advised (the request)
                  GrantedContract(application_id="wvc21-02", amount=700_000),  # less than advised
                  GrantedContract(application_id="wvc21-09", amount=800_000, illustrative=True)],  # not advised
    )


def test_the_comparison_marks_every_difference(filled):
    data_dir, session = filled
    store = ChairStore(data_dir, session)
    for application_id in ("wvc21-01", "wvc21-02", BOOM):
        store.set_recommendation(application_id, Recommendation.SELECT)
    store.set_recommendation("wvc21-09", Recommendation.RESERVE)
    rows = {row.application_id: row for row in compare(session, store.decisions(), government_decision())}
    assert not rows["wvc21-01"].differs  # advised and granted, 800.000 both (the request, the cap)
    assert rows["wvc21-02"].differs and rows["wvc21-02"].amount == 700_000  # the amount
    assert rows[BOOM].differs and not rows[BOOM].selected  # advised, not granted
    assert rows["wvc21-09"].differs and rows["wvc21-09"].illustrative  # reserve, granted
    assert not rows["wvc21-20"].differs  # neither


async def test_the_government_view_shows_the_decision_beside_the_advice(filled):
    data_dir, session = filled
    store = ChairStore(data_dir, session)
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        await open_ranking(app, pilot)
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, GovernmentDialog)
        assert "jury-tui government wvc-2021-demo" in text_of(dialog.query_one("#government-head"))
        await pilot.press("escape")
        await pilot.pause()

    for application_id in ("wvc21-01", "wvc21-02", BOOM):
        store.set_recommendation(application_id, Recommendation.SELECT)
    store.set_government(government_decision())
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        await open_ranking(app, pilot)
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        table = dialog.query_one("#government-table", ChairTable)
        assert table.get_cell("wvc21-01", "differs").plain == ""
        assert table.get_cell("wvc21-02", "differs").plain == "≠"
        assert table.get_cell("wvc21-02", "granted_amount").plain == "700.000"
        assert table.get_cell("wvc21-09", "granted_amount").plain == "800.000*"
        assert table.get_cell(BOOM, "granted").plain == fmt.DASH
        assert "16-07-2021" in text_of(dialog.query_one("#government-head"))
        assert "VR 2021 1607 DOC.0815" in text_of(dialog.query_one("#government-head"))
        # advised: 800.000 + 800.000 + 618.400 = 2.218.400; granted: 800.000 + 700.000 + 800.000 = 2.300.000;
        # differences: Beringen's amount, Boom not granted, Gent not advised = 3
        assert t("chair.ui.government.totals", advised_count=3, advised=fmt.euro(2_218_400), granted_count=3,
                 granted=fmt.euro(2_300_000), differences=3) in text_of(dialog.query_one("#government-totals"))


# --- before every consensus is set: provisional -------------------------------------------------


async def test_before_every_consensus_the_funding_line_is_provisional(tmp_path):
    session = without_rules(build_demo_session())
    data_dir = tmp_path / "data"
    write_session(data_dir, session, demo_private_keys(session))
    fill_demo_scores(data_dir, session)
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_ranking(app, pilot)
        line = screen.query_one("#provisional-line")
        assert line.display
        proposal = app.model.provisional_line()
        assert proposal is not None and proposal.selected
        assert text_of(line).startswith("VOORLOPIG")
        assert fmt.euro(proposal.total_amount) in text_of(line)
        await pilot.press("c")
        await type_text(pilot, "4000000")
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(app.screen.query_one("#scenario-basis")) == t("chair.ui.scenarios.provisional")


async def test_a_change_from_another_terminal_shows_and_a_stale_proposal_is_not_adopted(filled):
    """The chair's app is open on the budget screen; the secretariat runs `jury-tui budget … 7600000`
    in another terminal. Within the app's disk check the screen shows the new budget, and adopting a
    proposal that was computed at the old budget is refused with one line, the screen then redrawn."""
    data_dir, session = filled
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_ranking(app, pilot)
        assert app.model.budget == 4_000_000
        ChairStore(data_dir, session).set_budget(7_600_000)  # another process's store
        app._check_disk()  # what the app's timer does every DISK_CHECK_SECONDS
        await pilot.pause()
        assert app.model.budget == 7_600_000
        assert fmt.euro(7_600_000) in text_of(screen.query_one("#budget-line"))
        stale = app.model.proposals[0].selected
        ChairStore(data_dir, session).set_budget(4_000_000)
        with pytest.raises(JuryError):
            app.model.adopt(stale)  # the model sees the change first and refuses
        assert app.model.budget == 4_000_000
        assert ChairStore(data_dir, session).selection() == []  # nothing adopted


async def test_quitting_with_a_typed_meeting_asks_first(filled):
    """ctrl+q while the meeting dialog holds typed text: the app asks before the text is lost; 'n'
    keeps the dialog and the text."""
    from jury_tui.ui.screens.dialogs import ConfirmDialog

    data_dir, session = filled
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_ranking(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, MeetingDialog)
        await pilot.press("tab")
        await type_text(pilot, "An Voorzitter")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and app.is_running
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is dialog and dialog.unsaved()
