"""The chair's app on the demo's follow-up round, filled as `demo --follow-up --filled` fills it (every
juror's illustrative scores imported, the chair's illustrative evaluation of the 11 contracts),
driven by keys: what a hostile tester found in a follow-up round (issue 15, follow-up of the chair).

- no hearing (h) or motivation to rank anyway (w): not in the footer, help or palette, and the keys do nothing;
- help, calibration and overview speak of the evaluation and its verdicts, not of the advice and a ranking;
- at 80 columns the rules flag and a verdict a chair can tell apart show without scrolling;
- contracts, not applications; dates as the app writes them; counts that say what they count;
- a changed verdict makes the overall motivation an open point until it is read again (m, Esc).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import wait_until

from jury_tui.formats.session_builder import build_demo_session, demo_private_keys
from jury_tui.i18n import t
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.demo_advice import demo_government
from jury_tui.store.demo_follow_up import build_demo_follow_up, fill_demo_follow_up
from jury_tui.store.sessions import load_session, write_session
from jury_tui.ui.chair import formatting as fmt
from jury_tui.ui.chair.app import ChairApp
from jury_tui.ui.chair.screens.calibration import CalibrationScreen
from jury_tui.ui.chair.screens.detail import DetailScreen
from jury_tui.ui.chair.screens.dialogs import ApplicationReader, ChairHelpScreen
from jury_tui.ui.chair.screens.overview import OverviewScreen
from jury_tui.ui.chair.screens.portfolio import PortfolioScreen
from jury_tui.ui.chair.screens.years import YearsScreen
from jury_tui.ui.chair.widgets import ChairTable, EditorArea

SIZE = (120, 36)
SMALL = (80, 24)
HASSELT = "wvc21-10"
ROW = 6  # Hasselt is the 7th contract of the decision
STALE = "algemene motivering geschreven voor een ander oordeel"


def text_of(widget) -> str:
    return str(widget.render())


def text_of_screen(screen) -> str:
    return " ".join(str(widget.render()) for widget in screen.query("*") if hasattr(widget, "render"))


def notifications(app) -> list[str]:
    return [notification.message for notification in app._notifications]


def shown_keys(screen) -> set[str]:
    """The actions the footer shows (enabled and shown)."""
    return {binding.action for _, binding, enabled, _ in screen.active_bindings.values() if enabled and binding.show}


@pytest.fixture(scope="module")
def filled_round(tmp_path_factory):
    """The demo round written and filled once; each test copies it."""
    folder = tmp_path_factory.mktemp("filled") / "data"
    selection = build_demo_session()
    session = build_demo_follow_up(selection, demo_government(selection))
    write_session(folder, session, demo_private_keys(session))
    fill_demo_follow_up(folder, session)
    return folder, session.id


@pytest.fixture
def round_dir(tmp_path: Path, filled_round, monkeypatch):
    import shutil

    folder, session_id = filled_round
    data_dir = tmp_path / "data"
    shutil.copytree(folder, data_dir)
    monkeypatch.chdir(tmp_path)
    return data_dir, load_session(data_dir, session_id)


async def open_hasselt_decision(app, pilot, session) -> DetailScreen:
    await pilot.pause()
    await pilot.press(*["down"] * ROW, "enter", *["down"] * len(session.criteria.criteria))
    await pilot.pause()
    detail = app.screen
    assert isinstance(detail, DetailScreen) and detail.application_id == HASSELT and detail.on_decision_page
    return detail


async def test_no_hearing_or_rank_motivation_keys_in_a_follow_up_round(round_dir):
    data_dir, session = round_dir
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        detail = await open_hasselt_decision(app, pilot, session)
        bound = {binding.action for _, binding, enabled, _ in detail.active_bindings.values() if enabled}
        assert not bound & {"edit_text('hearing')", "edit_text('rank_motivation')", "edit_text('conditions')"}
        assert "edit_motivation" in bound
        # Only the overall motivation is offered as a text.
        assert text_of(detail.query_one("#decision-texts")).split() == ["m", "motivatie✓"]
        before = ChairStore(data_dir, session).decision(HASSELT)
        await pilot.press("w", "h", "c")
        await pilot.pause()
        assert notifications(app) == [] and app.focused is None  # no toast about too few votes, no box
        assert ChairStore(data_dir, session).decision(HASSELT) == before
        # The palette offers none of them either.
        titles = [title for title, _, _ in detail.palette_commands()]
        assert t("chair.key.hearing.help") not in titles and t("chair.key.rank_motivation.help") not in titles
        assert t("follow_up.chair.key.export.help") in titles and t("chair.key.export.help") not in titles
        assert any(title.startswith("→ contract Hasselt") for title in titles)

        # The help: no hearing, no rank motivation, the evaluation report; the verdict, not the selection.
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, ChairHelpScreen)
        shown = text_of_screen(app.screen)
        for selection_text in ("chair.key.hearing.help", "chair.key.rank_motivation.help", "chair.key.export.help",
                               "chair.ui.help.selection", "chair.key.detail.help"):
            assert t(selection_text) not in shown, selection_text
        assert "Exporteren: het evaluatieverslag (PDF)" in shown
        assert t("follow_up.chair.help.evaluation") in shown
        assert "Detail van het gekozen contract" in shown and "Volgend / vorig contract" in shown


async def test_the_selection_keeps_its_hearing_and_help(tmp_path: Path, monkeypatch):
    """The same keys in a selection session: h and w still there, the selection's help paragraph."""
    from jury_tui.store.sessions import write_session as write

    selection = build_demo_session()
    write(tmp_path / "data", selection, demo_private_keys(selection))
    monkeypatch.chdir(tmp_path)
    app = ChairApp(tmp_path / "data", selection)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        bound = {binding.action for _, binding, enabled, _ in app.screen.active_bindings.values() if enabled}
        assert {"edit_text('hearing')", "edit_text('rank_motivation')"} <= bound
        await pilot.press("question_mark")
        await pilot.pause()
        shown = text_of_screen(app.screen)
        assert t("chair.ui.help.selection") in shown and t("chair.key.export.help") in shown


async def test_calibration_leaves_out_the_ranking_in_a_follow_up_round(round_dir):
    data_dir, session = round_dir
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("k")
        await wait_until(pilot, lambda: isinstance(app.screen, CalibrationScreen), "the calibration")
        screen = app.screen
        assert not screen.query_one("#calibration-ranking").display
        assert t("chair.ui.calibration.jurors_heading") in text_of(screen.query_one("#calibration-jurors"))
        assert "hetzelfde contract" in text_of(screen.query_one("#calibration-jurors"))
        assert t("chair.ui.calibration.reliability_heading") in text_of(screen.query_one("#calibration-reliability"))
        assert t("chair.ui.calibration.ranking_heading") not in text_of_screen(screen)


async def test_overview_at_80_columns_shows_flag_and_verdict(round_dir):
    data_dir, session = round_dir
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        table = screen.query_one("#matrix", ChairTable)
        columns = [column.key.value for column in table.ordered_columns]
        assert columns[:3] == ["application", "rules", "verdict"] and columns[-2:] == ["advice", "total"]
        # Every column fits in the 80 columns: nothing to scroll to.
        width = sum(column.get_render_width(table) for column in table.ordered_columns)
        assert width <= table.size.width == 80
        assert table.get_cell(HASSELT, "rules").plain == "⚑"
        # The verdicts by the words that tell them apart ("nodig" is in two of the file's names).
        shown = {table.get_cell(aid, "verdict").plain for aid in app.model.file_order}
        assert shown == {"Op schema", "Aandacht"}
        assert table.get_cell(HASSELT, "verdict").plain == "Aandacht"
        # The evaluation's column and legend; no "too few votes" of a ranking.
        assert str(table.ordered_columns[columns.index("advice")].label) == "Eval"
        legend = text_of(screen.query_one("#overview-legend"))
        assert "Eval(uatie): ✓ volledig" in legend and "te weinig stemmen" not in legend and "Adv:" not in legend


async def test_portfolio_at_80_columns_shows_flag_verdict_and_counts(round_dir):
    data_dir, session = round_dir
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, PortfolioScreen), "the portfolio")
        table = app.screen.query_one("#portfolio", ChairTable)
        keys = [column.key.value for column in table.ordered_columns]
        assert keys[:7] == ["application", "rules", "verdict", "late", "changes", "obstacles", "asks"]
        width = sum(column.get_render_width(table) for column in table.ordered_columns[:7])
        assert width <= 80
        assert table.get_cell(HASSELT, "rules").plain.strip() == "⚑"
        assert table.get_cell(HASSELT, "verdict").plain.strip() == "Aandacht"

        # t: the obstacles and asks, each count saying what it counts; t is then the way back.
        assert t("follow_up.chair.key.network") == "Knelpunten"
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        obstacles = text_of(screen.query_one("#portfolio-obstacles-text"))
        asks = text_of(screen.query_one("#portfolio-asks-text"))
        assert obstacles.startswith("Knelpunten 2024 (aantal knelpunten: 25; contracten: 8)")
        assert asks.startswith("Vragen aan Vlaamse agentschappen (aantal vragen: 9; agentschappen: 8)")
        labels = {binding.action: binding.description for _, binding, _, _ in screen.active_bindings.values()}
        assert labels["toggle_network"] == "Naar de cijfers"
        await pilot.press("t")
        await pilot.pause()
        labels = {binding.action: binding.description for _, binding, _, _ in screen.active_bindings.values()}
        assert labels["toggle_network"] == "Knelpunten"


def test_short_verdicts_come_from_the_criteria_files_words(round_dir):
    """The short forms leave out the words two verdicts share; in English too ("Needs")."""
    _, session = round_dir
    verdicts = session.criteria.verdicts
    assert fmt.short_names([v.name.get("nl") for v in verdicts]) == ["Op schema", "Aandacht", "Bijsturing"]
    assert fmt.short_names([v.name.get("en") for v in verdicts]) == ["On track", "Attention", "Adjustment"]
    # Nothing of its own, or the same short form twice: the whole name.
    assert fmt.short_names(["goed", "goed genoeg"]) == ["goed", "Genoeg"]
    assert fmt.short_names(["a b", "a b"]) == ["a b", "a b"]


async def test_contract_words_dates_and_counts(round_dir):
    data_dir, session = round_dir
    first = session.criteria.criteria[0]
    assert first.motivation_required
    ChairStore(data_dir, session).set_consensus(HASSELT, first.id, motivation="")  # one motivation open
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        detail = await open_hasselt_decision(app, pilot, session)
        totals = text_of(detail.query_one("#decision-totals"))
        assert f"Consensusmotivatie ontbreekt bij 1 criterium: {first.name.get('nl')[:4]}" in totals
        await pilot.press(*["up"] * len(session.criteria.criteria), "m")
        await pilot.press(*"Besproken")
        await pilot.press("escape", *["down"] * len(session.criteria.criteria))
        await pilot.pause()
        assert text_of(detail.query_one("#decision-open")) == "✓ Volledig: niets meer open voor dit contract"
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, ApplicationReader)
        title = text_of(app.screen.query_one("#reader-title"))
        assert title.startswith("Voortgangsrapport 2024 en aanvraag — Hasselt")
        await pilot.press("escape", "j")
        await wait_until(pilot, lambda: isinstance(app.screen, YearsScreen), "the years view")
        notes = text_of(app.screen.query_one("#years-notes-text"))
        late = app.model.follow_up.report(HASSELT).late_milestones()
        milestone = late[0][0]
        assert f"gepland {milestone.planned.strftime('%d-%m-%Y')}" in notes
        assert milestone.planned.isoformat() not in notes  # no ISO dates in Dutch


async def test_a_changed_verdict_makes_the_motivation_an_open_point_until_confirmed(round_dir):
    data_dir, session = round_dir
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        detail = await open_hasselt_decision(app, pilot, session)
        assert app.model.complete(HASSELT) and app.model.decision(HASSELT).verdict == "aandacht-nodig"
        await pilot.press("3")  # bijsturing nodig
        await pilot.pause()
        assert app.model.decision(HASSELT).verdict == "bijsturing-nodig"
        assert STALE in text_of(detail.query_one("#decision-open"))
        assert "motivatie!" in text_of(detail.query_one("#decision-texts"))
        assert detail.query_one("#overall", EditorArea).border_title == t("follow_up.chair.detail.overall_stale")
        # The overview: the evaluation cell counts it, the line under the table says it.
        await pilot.press("o")
        await pilot.pause()
        overview = app.screen
        table = overview.query_one("#matrix", ChairTable)
        assert table.get_cell(HASSELT, "advice").plain == "1"
        assert table.get_cell(HASSELT, "verdict").plain == "Bijsturing"
        assert STALE in text_of(overview.query_one("#overview-open"))
        # m and Esc: read again and kept for this verdict; nothing open any more.
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("m")
        assert isinstance(app.focused, EditorArea) and app.focused.id == "overall"
        await pilot.press("escape")
        await pilot.pause()
        assert "Algemene motivatie bevestigd voor het oordeel 'Bijsturing nodig'." in notifications(app)
        assert app.model.complete(HASSELT)
        assert ChairStore(data_dir, session).decision(HASSELT).motivation_verdict == "bijsturing-nodig"
        assert text_of(detail.query_one("#decision-open")) == "✓ Volledig: niets meer open voor dit contract"
        await pilot.press("o")
        await pilot.pause()
        assert table.get_cell(HASSELT, "advice").plain == "✓"
