"""The chair's app on a follow-up round (issue 15), driven by keys as a chair would.

The demo's follow-up round 2024 of the 11 selected contracts (the demo's progress reports; Hasselt
plans 23,4 % infrastructure, over the call's 20 %). The jurors' submissions are made with the
demo's illustrative scores in another folder and imported through the import dialog. The chair
consolidates Hasselt by keys (a consensus per criterion with its motivation, the verdict
"aandacht nodig", the overall motivation) and sees its open points go; the portfolio shows every
contract's figures with Hasselt flagged, the obstacles and the asks per agency; the contract across
the years shows Hasselt's spending at the end of 2023 and of 2024.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import wait_until
from textual.widgets import DataTable

from jury_tui.formats.session_builder import (
    DEMO_KEY_SEED,
    build_demo_session,
    build_follow_up_session,
    demo_data_dir,
    shipped_criteria_dir,
)
from jury_tui.formatting import DASH
from jury_tui.i18n import t
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.demo_advice import demo_government
from jury_tui.store.demo_scores import fill_demo_scores
from jury_tui.store.sessions import session_dir, write_session
from jury_tui.ui.chair.app import ChairApp
from jury_tui.ui.chair.screens.detail import DetailScreen
from jury_tui.ui.chair.screens.dialogs import ChairHelpScreen, ImportDialog
from jury_tui.ui.chair.screens.overview import (
    STYLE_CONSENSUS,
    STYLE_FLAGGED,
    OverviewScreen,
)
from jury_tui.ui.chair.screens.portfolio import PortfolioScreen
from jury_tui.ui.chair.screens.years import YearsScreen
from jury_tui.ui.chair.widgets import ChairTable, EditorArea

SIZE = (120, 36)
HASSELT = "wvc21-10"
ROW = 6  # Hasselt is the 7th contract of the decision


def text_of(widget) -> str:
    return str(widget.render())


async def type_text(pilot, text: str) -> None:
    await pilot.press(*["space" if char == " " else char for char in text])


@pytest.fixture(scope="module")
def round_session():
    selection = build_demo_session()
    return build_follow_up_session("opv", selection, demo_government(selection), demo_data_dir() / "progress",
                                   shipped_criteria_dir() / "wvc-2021-opvolging.toml", key_seed=DEMO_KEY_SEED)


@pytest.fixture
def setup(tmp_path: Path, monkeypatch, round_session):
    """The round in tmp_path/data with nothing imported; every juror's submission in tmp_path/inz."""
    session, keys = round_session
    jurors_dir = tmp_path / "jurors"
    write_session(jurors_dir, session, keys)
    fill_demo_scores(jurors_dir, session)  # each juror's signed submission, as the jurors would send it
    (session_dir(jurors_dir, session.id) / "demo-inzendingen").rename(tmp_path / "inz")
    write_session(tmp_path / "data", session, keys)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data", session


async def test_the_chair_imports_and_gives_a_verdict_by_keys(setup):
    data_dir, session = setup
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportDialog)
        await type_text(pilot, "inz")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.model.submissions) == len(session.jurors)

        # The overview: the report's rules, Hasselt flagged, and a verdict column (none yet) right after
        # the name (seen at 80 columns); no rank.
        table = app.screen.query_one("#matrix", ChairTable)
        columns = [column.key.value for column in table.ordered_columns]
        assert columns[:3] == ["application", "rules", "verdict"] and "rank" not in columns
        assert table.get_cell(HASSELT, "rules").plain == "⚑" and table.get_cell(HASSELT, "rules").style == STYLE_FLAGGED
        assert table.get_cell("wvc21-02", "rules").plain == "✓"
        assert table.get_cell(HASSELT, "verdict").plain == "–"
        open_before = len(app.model.open_points(HASSELT))
        assert {point.gap.value for point in app.model.open_points(HASSELT)} >= {"verdict", "overall_motivation"}

        # Hasselt in detail: every criterion a consensus (the suggested median, a) and its motivation.
        await pilot.press(*["down"] * ROW, "enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, DetailScreen) and detail.application_id == HASSELT
        assert "infrastructuur, volgens plan: 23,4 % (max. 20 %)" in text_of(detail.query_one("#eligibility-line"))
        for _ in session.criteria.criteria:
            await pilot.press("a", "m")
            await type_text(pilot, "Besproken op de vergadering")
            await pilot.press("escape", "down")
            await pilot.pause()
        assert detail.on_decision_page
        assert "Oordeel over het contract" in text_of(detail.query_one("#recommendation-line"))
        assert not detail.query_one("#amount-row").display  # no amount in a follow-up round

        # 2: the second verdict of the criteria file; m: the overall motivation.
        await pilot.press("2")
        await pilot.pause()
        assert app.model.decision(HASSELT).verdict == "aandacht-nodig"
        assert "oordeel: Aandacht nodig" in text_of(detail.query_one("#app-line"))
        await pilot.press("m")
        assert isinstance(app.focused, EditorArea) and app.focused.id == "overall"
        await type_text(pilot, "Infrastructuur boven de grens van de oproep")
        await pilot.press("escape")
        await pilot.pause()
        assert app.model.complete(HASSELT)  # nothing open for Hasselt any more
        assert text_of(detail.query_one("#decision-open")) == "✓ Volledig: niets meer open voor dit contract"
        stored = ChairStore(data_dir, session).decision(HASSELT)
        assert (stored.verdict, stored.overall_motivation) == ("aandacht-nodig", "Infrastructuur boven de grens van de oproep")

        # r cycles the verdicts; u undoes that change.
        await pilot.press("r")
        await pilot.pause()
        assert app.model.decision(HASSELT).verdict == "bijsturing-nodig"
        await pilot.press("u")
        await pilot.pause()
        assert app.model.decision(HASSELT).verdict == "aandacht-nodig"

        # The overview: the verdict by the word that tells it apart ("nodig" is in two verdicts' names),
        # Hasselt's evaluation cell ✓ where open points were counted.
        await pilot.press("o")
        await pilot.pause()
        table = app.screen.query_one("#matrix", ChairTable)
        assert table.get_cell(HASSELT, "verdict").plain == "Aandacht"
        assert table.get_cell(HASSELT, "advice").plain == "✓" and table.get_cell(HASSELT, "advice").style == STYLE_CONSENSUS
        assert open_before >= 2 * len(session.criteria.criteria) + 2


async def test_no_amount_conditions_or_fourth_verdict_on_the_decision_page(setup):
    data_dir, session = setup
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter", *["down"] * len(session.criteria.criteria))
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, DetailScreen) and detail.on_decision_page
        footer_actions = {binding.action for _, binding, enabled, _ in detail.active_bindings.values() if enabled}
        assert "edit_amount" not in footer_actions and "years" in footer_actions
        assert "recommend(3)" in footer_actions and "recommend(4)" not in footer_actions
        await pilot.press("g", "c", "4")
        await pilot.pause()
        assert app.screen is detail and app.focused is None
        decision = app.model.decision(detail.application_id)
        assert decision.verdict is None and decision.recommendation is None and decision.advised_amount is None
        # The help names the verdicts, not the advice.
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, ChairHelpScreen)
        shown = text_of_help(app.screen)
        assert t("follow_up.chair.key.verdict_direct.help") in shown and t("follow_up.chair.key.years.help") in shown
        assert t("chair.key.amount.help") not in shown and t("chair.key.conditions.help") not in shown


def text_of_help(screen) -> str:
    return " ".join(str(widget.render()) for widget in screen.query("*") if hasattr(widget, "render"))


async def test_portfolio_flags_hasselt_and_gathers_the_asks_per_agency(setup):
    data_dir, session = setup
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Portefeuille" in text_of(app.screen.query_one("#tabs"))
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PortfolioScreen)
        table = screen.query_one("#portfolio", ChairTable)
        assert table.row_count == len(session.applications)
        assert table.get_cell(HASSELT, "rules").plain.strip() == "⚑"
        assert table.get_cell(HASSELT, "infra_plan").plain == "23,4 %"
        assert table.get_cell(HASSELT, "infra_plan").style == STYLE_FLAGGED
        # Hasselt's plan is the network event's (real); its spending is illustrative (*).
        assert table.get_cell(HASSELT, "planned").plain == "531.000"
        assert table.get_cell(HASSELT, "spent").plain == "245.000*"
        assert table.get_cell(HASSELT, "spent_share").plain == "46,1 %*"
        assert table.get_cell("wvc21-02", "rules").plain.strip() == "✓"
        assert "1 buiten de regels" in text_of(screen.query_one("#portfolio-summary"))
        # The highlighted contract's rules in the one wording.
        await pilot.press(*["down"] * ROW)
        await pilot.pause()
        assert ("infrastructuur, volgens plan: 23,4 % (max. 20 %) — € 124.000 van € 531.000"
                in text_of(screen.query_one("#portfolio-rules")))
        # t: the obstacles of the round and the asks gathered per agency.
        await pilot.press("t")
        await pilot.pause()
        assert screen.showing_network
        asks = text_of(screen.query_one("#portfolio-asks-text"))
        assert "Agentschap Wegen en Verkeer" in asks and "N80" in asks
        assert "Nog steeds geen goedkeuring voor de nieuwbouw" in text_of(screen.query_one("#portfolio-obstacles-text"))
        await pilot.press("t", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.application_id == HASSELT


async def test_years_view_shows_hasselt_2023_and_2024(setup):
    data_dir, session = setup
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("b", *["down"] * ROW, "j")
        await wait_until(pilot, lambda: isinstance(app.screen, YearsScreen), "the years view")
        budget = app.screen.query_one("#years-budget", DataTable)
        # Both years, each marked * where its spending is illustrative (not from a source).
        columns = [str(column.label).rstrip("*") for column in budget.ordered_columns]
        assert columns == ["Budgetlijn", "Gepland", "2023", "% plan", "2024", "% plan"]
        row = [cell.plain for cell in budget.get_row("Activering en skills")]
        assert row[1:] == ["195.000", "60.000", "30,8 %", "120.000", "61,5 %"]
        total = [cell.plain for cell in budget.get_row("total")]
        assert total[1:] == ["531.000", "112.000", "21,1 %", "245.000", "46,1 %"]
        notes = text_of(app.screen.query_one("#years-notes-text"))
        assert "Mijlpalen te laat in het rapport 2024 (3)" in notes and "Gewijzigde doelstellingen (1)" in notes
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PortfolioScreen)
        # From the detail too (j), and Esc goes back there.
        await pilot.press("enter", "j")
        await wait_until(pilot, lambda: isinstance(app.screen, YearsScreen), "the years view from the detail")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)


async def test_the_chair_reads_the_contracts_progress_report_before_its_application(setup):
    """`l` in the detail: the contract's report of the year (its rules on its own figures) comes first,
    then the original application, as the jurors read it."""
    from jury_tui.ui.chair.screens.dialogs import ApplicationReader
    from jury_tui.ui.widgets.progress_report_text import ProgressReportText

    data_dir, session = setup
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*["down"] * ROW, "enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.application_id == HASSELT
        await pilot.press("l")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ApplicationReader)
        text = reader.query_one("#reader-text", ProgressReportText)
        await text.rendering
        shown = text.source
        assert shown.index("23,4") < shown.index(t("follow_up.juror.original_undated"))


async def test_years_view_counts_the_plan_once_when_a_line_was_renamed(tmp_path: Path):
    """Hasselt's infrastructure line is "Infra" in its 2023 report and "Infrastructuur" in 2024: two
    rows, each labelled once as infrastructure, and the total planned is the 2024 report's 531.000
    (adding the rows would count the 124.000 twice)."""
    reports = tmp_path / "progress"
    shutil.copytree(demo_data_dir() / "progress", reports)
    older = reports / "10-hasselt-2023.md"
    older.write_text(older.read_text(encoding="utf-8").replace("  - name: Infrastructuur\n", "  - name: Infra\n"),
                     encoding="utf-8")
    selection = build_demo_session()
    session, keys = build_follow_up_session("opv", selection, demo_government(selection), reports,
                                            shipped_criteria_dir() / "wvc-2021-opvolging.toml", key_seed=DEMO_KEY_SEED)
    write_session(tmp_path / "data", session, keys)
    app = ChairApp(tmp_path / "data", session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("b", *["down"] * ROW, "j")
        await wait_until(pilot, lambda: isinstance(app.screen, YearsScreen), "the years view")
        budget = app.screen.query_one("#years-budget", DataTable)
        renamed = [cell.plain for cell in budget.get_row("Infra")]
        assert renamed == ["Infra (infrastructuur)", "124.000", "0", "0 %", DASH, DASH]  # not in the 2024 report
        current = [cell.plain for cell in budget.get_row("Infrastructuur")]
        assert current[0] == "Infrastructuur"  # its name says so already: no "(infrastructuur)" after it
        assert current[1] == "124.000"
        total = [cell.plain for cell in budget.get_row("total")]
        assert total[1:] == ["531.000", "112.000", "21,1 %", "245.000", "46,1 %"]
