"""The chair's app, driven by keys as a chair would (Textual Pilot, 80×24 terminal).

Three jurors score one application of the demo session; they disagree on one criterion. The chair
imports their files through the import dialog, finds the flagged cell, sets the consensus score and
motivation, recommends "selecteren" and sees the budget line move; a new app on the same folder
shows the consensus again.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import loaded_modules, wait_until
from test_ui_chair_jurors import juror_rows, panel_lines
from textual.widgets import Input, OptionList

from jury_tui.domain.assessment import ScoreChange
from jury_tui.domain.consensus import Recommendation
from jury_tui.domain.session import SessionDefinition
from jury_tui.formats.session_builder import build_demo_session, demo_private_keys
from jury_tui.i18n import t
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import write_session
from jury_tui.store.submitting import write_submission
from jury_tui.ui.chair import formatting as fmt
from jury_tui.ui.chair.app import ChairApp
from jury_tui.ui.chair.screens.detail import DetailScreen
from jury_tui.ui.chair.screens.dialogs import ChairHelpScreen, ImportDialog, split_paths
from jury_tui.ui.chair.screens.overview import (
    STYLE_CONSENSUS,
    STYLE_FLAGGED,
    STYLE_OPEN,
    STYLE_TOO_FEW,
    OverviewScreen,
)
from jury_tui.ui.chair.screens.ranking import RankingScreen
from jury_tui.ui.chair.widgets import ChairTable, EditorArea

SIZE = (80, 24)
APP = "wvc21-03"  # Boom – KaDRie: eligible, requests € 618.400
FLAGGED = "vernieuwend"
JURORS = {  # every criterion 4, except the flagged one: 4, 2, 5 (spread 3 ≥ threshold 2)
    "extern-1": 4,
    "extern-2": 2,
    "extern-3": 5,
}


def text_of(widget) -> str:
    return str(widget.render())


def notifications(app) -> list[str]:
    return [notification.message for notification in app._notifications]


async def type_text(pilot, text: str) -> None:
    await pilot.press(*["space" if char == " " else char for char in text])


@pytest.fixture
def chair_setup(tmp_path: Path, monkeypatch) -> tuple[Path, SessionDefinition, Path]:
    """The demo session in tmp_path/data and three submissions in tmp_path/inz; cwd = tmp_path."""
    session = build_demo_session()
    data_dir = tmp_path / "data"
    write_session(data_dir, session, demo_private_keys(session))
    folder = tmp_path / "inz"
    folder.mkdir()
    for juror_id, flagged_score in JURORS.items():
        store = JurorStore(data_dir, session, juror_id)
        store.declare_conflicts([])
        changes = [
            ScoreChange(APP, criterion.id, flagged_score if criterion.id == FLAGGED else 4, f"Motivatie van {juror_id} over {criterion.id}.")
            for criterion in session.criteria.criteria
        ]
        store.apply_batch(changes, "test")
        write_submission(store, folder / f"{juror_id}.json", allow_incomplete=True)
    monkeypatch.chdir(tmp_path)
    return data_dir, session, folder


@pytest.mark.parametrize(
    ("text", "value"),
    [("650.000", 650000), ("650000", 650000), ("650 000", 650000), ("€ 650.000,50", 650000.5),
     ("1.250.000", 1250000), ("12,5", 12.5), ("", None)],
)
def test_amounts_are_read_as_typed(text, value):
    assert fmt.parse_amount(text) == value


@pytest.mark.parametrize("text", ["abc", "1.2345", "12,5,0"])
def test_not_an_amount(text):
    with pytest.raises(ValueError):
        fmt.parse_amount(text)


def test_paths_split_on_spaces_and_commas():
    assert split_paths('a.json, b.json c.json,"met spatie.json"') == ["a.json", "b.json", "c.json", "met spatie.json"]


OPEN_OVERVIEW = """
import sys
from pathlib import Path
from jury_tui.store.sessions import load_session
from jury_tui.ui.chair.app import ChairApp

async def auto_pilot(pilot):
    await pilot.pause()
    model = pilot.app.model
    assert len(model.submissions) == 3 and model.decision(sys.argv[3]).advised_amount == 123456.0
    assert pilot.app.screen.query("Footer") and pilot.app.screen.query("DataTable")
    pilot.app.exit()

data_dir = Path(sys.argv[1])
ChairApp(data_dir, load_session(data_dir, sys.argv[2])).run(headless=True, size=(100, 30), auto_pilot=auto_pilot)
"""


def test_start_imports_neither_reportlab_nor_numpy(chair_setup):
    """The chair's start stays light: the PDF and numeric libraries load when the budget screen or an
    export needs them."""
    code = "import jury_tui.ui.chair.app, jury_tui.ui.chair.screens.overview, jury_tui.ui.chair.screens.detail"
    heavy = ("reportlab", "numpy")
    assert loaded_modules(code, heavy) == []
    data_dir, session, folder = chair_setup
    store = import_all(data_dir, session, folder)
    store.set_recommendation(APP, Recommendation.SELECT)
    store.set_amount(APP, 123456)
    assert loaded_modules(OPEN_OVERVIEW, heavy, str(data_dir), session.id, APP) == []


def import_all(data_dir, session, folder) -> ChairStore:
    """The chair's store with every submission in `folder` imported."""
    store = ChairStore(data_dir, session)
    for path in sorted(folder.glob("*.json")):
        store.import_submission(path)
    return store


async def test_chair_consolidates_by_keys(chair_setup):
    data_dir, session, _ = chair_setup
    app = ChairApp(data_dir, session)
    row = [a.id for a in session.applications].index(APP)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        assert t("chair.ui.overview.no_submissions") in text_of(app.screen.query_one("#overview-summary"))

        # Import the three files: the folder, typed relative to the working folder.
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportDialog)
        await type_text(pilot, "inz")
        await pilot.press("enter")
        await pilot.pause()
        log = text_of(app.screen.query_one("#import-log"))
        for juror_id in JURORS:
            name = session.juror(juror_id).name
            assert t("import.new", file=str(Path("inz") / f"{juror_id}.json"), juror=name, count=0) in log
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        assert len(app.model.submissions) == 3

        # The overview shows the flagged cell: the mean 3,7 on red, one criterion to discuss.
        table = app.screen.query_one("#matrix", ChairTable)
        cell = table.get_cell(APP, FLAGGED)
        assert cell.plain == fmt.number(11 / 3) and cell.style == STYLE_FLAGGED
        assert table.get_cell(APP, "maatwerk").plain == "4,0"
        assert table.get_cell(APP, "open").plain == "!1"
        assert "1 te bespreken" in text_of(app.screen.query_one("#overview-summary"))

        # t jumps to the flagged cell; Enter opens the detail at that criterion.
        await pilot.press("t")
        assert table.cursor_coordinate.row == row
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, DetailScreen)
        heading = text_of(detail.query_one("#criterion-heading"))
        assert session.criteria.criterion(FLAGGED).name.nl in heading and t("chair.ui.detail.flag") in heading
        jurors = juror_rows(panel_lines(detail))
        assert jurors["Extern expert 2"] == ("2", f"Motivatie van extern-2 over {FLAGGED}.")
        assert jurors["Vlaamse overheid – adviseur 1"] == ("·", t("chair.ui.detail.juror_not_submitted"))
        stats = text_of(detail.query_one("#criterion-stats"))
        assert "n 3 (2 ontbreekt)" in stats and "spreiding 3" in stats

        # The budget line before the chair decides anything.
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, RankingScreen)
        budget = text_of(app.screen.query_one("#budget-line"))
        assert budget.startswith(t("chair.ui.ranking.budget_line", count=0, amount=fmt.euro(0), budget=fmt.euro(4_000_000), left="")[:20])
        assert fmt.euro(4_000_000) in budget
        await pilot.press("d")
        await pilot.pause()
        assert app.screen is detail

        # Consensus score by digit, motivation typed in the text box, Esc leaves it (saved).
        await pilot.press("4")
        await pilot.press("m")
        assert isinstance(detail.focused, EditorArea)
        await type_text(pilot, "Goed")
        await pilot.press("escape")
        await pilot.pause()
        assert detail.focused is None
        decision = ChairStore(data_dir, session).decision(APP)
        assert decision.get(FLAGGED).score == 4
        assert decision.get(FLAGGED).motivation == "Goed"
        assert text_of(detail.query_one("#save-status")).startswith(t("ui.saved_at", time="")[:10])
        assert "Consensus: 4 – Goed" in text_of(detail.query_one("#consensus-line"))

        # Recommend "selecteren" (r cycles, starting at selecteren).
        await pilot.press("r")
        await pilot.pause()
        assert app.model.decision(APP).recommendation is Recommendation.SELECT
        assert t("chair.ui.detail.recommendation", value="selecteren") in text_of(detail.query_one("#app-line"))

        # The budget line moved: one application, its amount, what is left.
        await pilot.press("b")
        await pilot.pause()
        budget = text_of(app.screen.query_one("#budget-line"))
        assert budget == t("chair.ui.ranking.budget_line", count=1, amount=fmt.euro(618_400), budget=fmt.euro(4_000_000),
                           left=fmt.euro(4_000_000 - 618_400))
        assert ChairStore(data_dir, session).selection() == [APP]
        await pilot.press("ctrl+q")

    # A new app on the same folder: the consensus is still there, on disk and on screen.
    stored = ChairStore(data_dir, session).decision(APP)
    assert (stored.get(FLAGGED).score, stored.get(FLAGGED).motivation) == (4, "Goed")
    assert stored.recommendation is Recommendation.SELECT
    again = ChairApp(data_dir, session)
    async with again.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        table = again.screen.query_one("#matrix", ChairTable)
        cell = table.get_cell(APP, FLAGGED)
        assert cell.plain == "4✓" and cell.style == STYLE_CONSENSUS
        assert table.get_cell(APP, "open").plain == ""
        await pilot.press(*["down"] * row, "right", "right", "enter")
        await pilot.pause()
        detail = again.screen
        assert isinstance(detail, DetailScreen)
        assert "Consensus: 4 – Goed" in text_of(detail.query_one("#consensus-line"))
        assert detail.query_one("#motivation", EditorArea).text == "Goed"
        assert t("chair.ui.detail.flag_done") in text_of(detail.query_one("#criterion-heading"))


async def test_overview_keeps_the_application_column_when_scrolled_sideways(chair_setup):
    data_dir, session, folder = chair_setup
    import_all(data_dir, session, folder)
    app = ChairApp(data_dir, session)
    async with app.run_test(size=(50, 20)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#matrix", ChairTable)
        columns = len(session.criteria.criteria) + 5  # the application, the criteria, !, Adv, total, rank
        await pilot.press(*["right"] * (columns + 2))  # the cursor stops at the last column: the rank
        await pilot.pause()
        assert table.cursor_coordinate.column == columns - 1 and table.scroll_x > 0
        header, first = table.render_line(0).text, table.render_line(1).text
        assert header.startswith(f" {t('chair.ui.ranking.column_application'):<14} ") and header.rstrip().endswith("#")
        assert first.startswith(f" {session.applications[0].label[:13]}…")
        scored = table.render_line(1 + table.get_row_index(APP)).text  # the one application with a rank
        assert scored.startswith(" Boom – KaDRie ") and scored.rstrip().endswith("  1")
        await pilot.press(*["left"] * columns)
        await pilot.pause()
        assert table.cursor_coordinate.column == 0 and table.scroll_x == 0
        assert table.render_line(0).text.startswith(f" {t('chair.ui.ranking.column_application'):<14}  ")


async def test_overview_keys_and_clicks_move_the_cursor_and_open_the_detail(chair_setup):
    data_dir, session, _ = chair_setup
    app = ChairApp(data_dir, session)
    last = len(session.applications) - 1
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        table = screen.query_one("#matrix", ChairTable)
        await pilot.press("up", "left", "right", "end")
        assert (table.cursor_row, table.cursor_column) == (last, 1)  # End: the last application
        await pilot.press("down", "home")
        assert (table.cursor_row, table.cursor_column) == (0, 1)  # Home: the first one, same column
        await pilot.press("pagedown")
        assert table.cursor_row > 10
        await pilot.press("pageup")
        assert table.cursor_row == 0
        # A click on a cell moves the cursor there; a click on the cursor opens that criterion.
        x = 1 + 17 + 1 + 2 * (4 + 2) + 2  # inside the third criterion's column
        await pilot.click(ChairTable, offset=(x, 3))
        await pilot.pause()
        assert table.cursor_coordinate == (2, 3) and app.screen is screen
        await pilot.click(ChairTable, offset=(x, 3))
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, DetailScreen)
        assert (detail.application_id, detail.page) == (session.applications[2].id, 2)


async def test_overview_shows_a_consensus_where_the_cursor_was_and_keeps_it_when_sorted(chair_setup):
    data_dir, session, folder = chair_setup
    import_all(data_dir, session, folder)
    app = ChairApp(data_dir, session)
    row = [a.id for a in session.applications].index(APP)
    column = session.criteria.criterion_ids.index(FLAGGED) + 1
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#matrix", ChairTable)
        await pilot.press(*["down"] * row, *["right"] * column, "enter", "4", "escape")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        cell = table.get_cell(APP, FLAGGED)
        # A consensus score whose required motivation is still open: "4·", not yet ✓.
        assert (cell.plain, cell.style) == ("4·", STYLE_OPEN)
        assert table.get_cell(APP, "open").plain == ""
        assert table.cursor_coordinate == (row, column)
        await pilot.press("s")  # by total: the one scored application comes first, the cursor with it
        await pilot.pause()
        assert table.cursor_coordinate == (0, column) and app.screen.current_row_key() == APP
        assert table.get_cell(APP, FLAGGED).plain == "4·"


async def test_ranking_opens_the_decision_page_by_enter_or_a_click(chair_setup):
    data_dir, session, _ = chair_setup
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        ranking = app.screen
        table = ranking.query_one("#ranking", ChairTable)
        order = [row.application_id for row in app.model.ranking]
        await pilot.press("down", "enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, DetailScreen) and detail.on_decision_page and detail.application_id == order[1]
        await pilot.press("b")
        await pilot.pause()
        assert app.screen is ranking and table.cursor_row == 1
        await pilot.click(ChairTable, offset=(30, 4))  # a row: the cursor goes there
        await pilot.pause()
        assert table.cursor_row == 3 and app.screen is ranking
        await pilot.click(ChairTable, offset=(30, 4))  # again: open it
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.application_id == order[3]


async def test_amount_above_the_cap_is_refused(chair_setup):
    data_dir, session, folder = chair_setup
    import_all(data_dir, session, folder).set_recommendation(APP, Recommendation.SELECT)  # an amount comes with it
    app = ChairApp(data_dir, session)
    row = [a.id for a in session.applications].index(APP)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press(*["down"] * row, "enter", "g")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, DetailScreen) and detail.on_decision_page
        assert isinstance(detail.focused, Input)
        await type_text(pilot, "900000")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(detail.focused, Input), "a refused amount keeps the field open"
        assert ChairStore(data_dir, session).decision(APP).advised_amount is None
        assert text_of(detail.query_one("#save-status")).startswith(t("ui.not_saved", error="")[:15])
        assert any("618" in message for message in notifications(app))
        await type_text(pilot, "500.000")  # the refused text is selected: typing replaces it
        await pilot.press("enter")
        await pilot.pause()
        assert detail.focused is None
        assert ChairStore(data_dir, session).decision(APP).advised_amount == 500_000
        assert t("chair.ui.detail.amount", value=fmt.euro(500_000)) in text_of(detail.query_one("#app-line"))


async def test_import_reports_each_file_and_refuses_a_damaged_one(chair_setup):
    data_dir, session, folder = chair_setup
    (Path("1.json")).write_bytes((folder / "extern-1.json").read_bytes())
    damaged = (folder / "extern-2.json").read_text(encoding="utf-8").replace('"score": 2', '"score": 3')
    Path("2.json").write_text(damaged, encoding="utf-8")
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await type_text(pilot, "1.json,2.json")
        await pilot.press("enter")
        await pilot.pause()
        log = text_of(app.screen.query_one("#import-log")).splitlines()
        assert log[0] == "✓ " + t("import.new", file="1.json", juror="Extern expert 1", count=0)
        assert log[1].startswith("✗ 2.json")
        assert log[2] == "✗ " + t("chair.ui.import.summary", ok=1, total=2)
        await type_text(pilot, "1.json")
        await pilot.press("enter")
        await pilot.pause()
        assert "✓ " + t("import.unchanged", file="1.json", juror="Extern expert 1", count=0) in text_of(
            app.screen.query_one("#import-log"))
        await pilot.press("escape")
        await pilot.pause()
        assert list(app.model.submissions) == ["extern-1"]
        assert isinstance(app.screen, OverviewScreen)
        assert app.screen.query_one("#matrix", ChairTable).get_cell(APP, "maatwerk").plain == "4,0"


async def test_help_palette_and_screens_by_key(chair_setup):
    data_dir, session, folder = chair_setup
    import_all(data_dir, session, folder)
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key, mode, help_key in (("f3", "detail", "question_mark"), ("b", "ranking", "f1"), ("k", "calibration", None),
                                    ("o", "overview", None)):
            await pilot.press(key)
            await pilot.pause()
            assert app.current_mode == mode
            if help_key:
                await pilot.press(help_key)
                await pilot.pause()
                assert isinstance(app.screen, ChairHelpScreen)
                await pilot.press("escape")
                await pilot.pause()
                assert app.current_mode == mode and not isinstance(app.screen, ChairHelpScreen)
        await pilot.press("k")
        await pilot.pause()
        calibration = text_of(app.screen.query_one("#calibration-jurors"))
        assert "Extern expert 1" in calibration and "gedeeld" in calibration
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.has_class("--textual-command-palette")
        await type_text(pilot, "Boom")
        hits = app.screen.query_one(OptionList)
        await wait_until(pilot, lambda: hits.option_count and "Boom" in str(hits.get_option_at_index(0).prompt),
                         "the palette to offer Boom's application first")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.application_id == APP


async def test_ranking_toggles_and_adopts_a_proposal(chair_setup):
    data_dir, session, folder = chair_setup
    store = import_all(data_dir, session, folder)
    for criterion in session.criteria.criteria:
        store.set_consensus(APP, criterion.id, score=4, motivation="Eens.")
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RankingScreen)
        table = screen.query_one("#ranking", ChairTable)
        assert table.get_cell(APP, "rank").plain == "1"
        assert table.get_cell(APP, "p1").plain == "●" and table.get_cell(APP, "p2").plain == "●"
        await pilot.press("space")  # the cursor is on rank 1
        await pilot.pause()
        assert app.model.selection == [APP]
        assert app.model.decision(APP).recommendation is Recommendation.SELECT
        assert table.get_cell(APP, "running").plain == fmt.plain_amount(618_400)
        await pilot.press("space")
        await pilot.pause()
        assert app.model.selection == [] and app.model.decision(APP).recommendation is None
        await pilot.press("1")
        await pilot.pause()
        assert ChairStore(data_dir, session).selection() == [APP]
        assert t("chair.ui.ranking.budget_line", count=1, amount=fmt.euro(618_400), budget=fmt.euro(4_000_000),
                 left=fmt.euro(4_000_000 - 618_400)) == text_of(screen.query_one("#budget-line"))


async def test_quitting_while_typing_keeps_the_text(chair_setup):
    data_dir, session, _ = chair_setup
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter", "v")  # first application, first criterion, the minority view
        await type_text(pilot, "Nee")
        await pilot.press("ctrl+q")  # before the debounced save
    assert ChairStore(data_dir, session).decision(session.applications[0].id).get("maatwerk").minority_view == "Nee"


async def test_a_damaged_stored_submission_is_shown_and_quits(chair_setup):
    data_dir, session, folder = chair_setup
    ChairStore(data_dir, session).import_submission(folder / "extern-1.json")
    stored = data_dir / "sessions" / session.id / "submissions" / "extern-1.json"
    stored.write_bytes(stored.read_bytes().replace(b'"score": 4', b'"score": 5', 1))
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "extern-1.json" in text_of(app.screen.query_one(".dialog-body"))
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code == 2


async def test_the_chair_command_reads_the_submissions_once(chair_setup, monkeypatch):
    """`jury-tui chair` checks the stored submissions before the screen opens; the app takes that
    store and does not read them again (a call of 1000 applications parses 25 files of megabytes)."""
    import jury_tui.store.chair_store as chair_store

    data_dir, session, folder = chair_setup
    store = import_all(data_dir, session, folder)
    store.submissions()

    def read_again(*args, **kwargs):
        raise AssertionError("the stored submissions were read again")

    monkeypatch.setattr(chair_store, "read_submission", read_again)
    app = ChairApp(data_dir, session, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        assert len(app.model.submissions) == 3 and app.model.store is store


# --- issue 13: the decision per application, complete and consistent, by keys ------------------


def decision_page_keys(session: SessionDefinition) -> list[str]:
    return ["down"] * len(session.criteria.criteria)


async def open_decision(pilot, app, session) -> DetailScreen:
    """From the overview: Boom's detail, at its decision page."""
    row = [a.id for a in session.applications].index(APP)
    await pilot.press(*["down"] * row, "enter")
    await pilot.pause()
    await pilot.press(*decision_page_keys(session))
    await pilot.pause()
    detail = app.screen
    assert isinstance(detail, DetailScreen) and detail.on_decision_page
    return detail


async def test_amount_only_with_a_funded_advice_cleared_with_a_note_and_undone(chair_setup):
    from jury_tui.ui.screens.dialogs import ConfirmDialog

    data_dir, session, folder = chair_setup
    import_all(data_dir, session, folder)
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        detail = await open_decision(pilot, app, session)

        # Without an advice to fund, the amount field refuses with the store's line.
        await pilot.press("g")
        await pilot.pause()
        assert not isinstance(detail.focused, Input)
        assert t("chair.amount_without_funding", application=APP) in notifications(app)
        assert t("chair.ui.detail.amount_only_funded") in text_of(detail.query_one("#amount-cap"))

        # selecteren, then an amount.
        await pilot.press("1", "g")
        await type_text(pilot, "500000")
        await pilot.press("enter")
        await pilot.pause()
        assert app.model.decision(APP).advised_amount == 500_000
        assert t("chair.ui.detail.amount", value=fmt.euro(500_000)) in text_of(detail.query_one("#app-line"))

        # niet selecteren clears the amount: asked first ("n" keeps it), then the note, visibly.
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is detail and app.model.decision(APP).recommendation is Recommendation.SELECT
        assert app.model.decision(APP).advised_amount == 500_000
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        decision = ChairStore(data_dir, session).decision(APP)
        assert (decision.recommendation, decision.advised_amount) == (Recommendation.REJECT, None)
        note = f"{APP}: geadviseerd bedrag 500.000 euro gewist, want 'niet selecteren' krijgt geen bedrag"
        assert note in notifications(app)
        assert text_of(detail.query_one("#amount-note")) == note and detail.query_one("#amount-note").display
        assert detail.query_one("#amount", Input).value == ""
        assert t("chair.ui.detail.no_amount") in text_of(detail.query_one("#app-line"))

        # u: back to selecteren with its amount; u again: back to before the amount.
        await pilot.press("u")
        await pilot.pause()
        decision = ChairStore(data_dir, session).decision(APP)
        assert (decision.recommendation, decision.advised_amount) == (Recommendation.SELECT, 500_000)
        assert detail.query_one("#amount", Input).value == "500.000"
        assert not detail.query_one("#amount-note").display
        label = session.application(APP).label
        assert notifications(app)[-1] == t("chair.ui.undo.done", application=label,
                                           what="aanbeveling Niet selecteren → Selecteren, bedrag – → 500.000 euro")
        await pilot.press("u")
        await pilot.pause()
        decision = ChairStore(data_dir, session).decision(APP)
        assert (decision.recommendation, decision.advised_amount) == (Recommendation.SELECT, None)
        assert notifications(app)[-1] == t("chair.ui.undo.done", application=label, what="bedrag 500.000 euro → –")
        await pilot.press("u", "u")  # selecteren undone, then nothing left
        await pilot.pause()
        assert ChairStore(data_dir, session).decision(APP).recommendation is None
        assert notifications(app)[-1] == t("chair.ui.undo.none", application=label)


async def test_a_motivation_written_for_another_advice_is_marked_until_saved_again(chair_setup):
    data_dir, session, folder = chair_setup
    import_all(data_dir, session, folder)
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        detail = await open_decision(pilot, app, session)
        overall = detail.query_one("#overall", EditorArea)
        await pilot.press("1", "m")
        await type_text(pilot, "Sterk dossier")
        await pilot.press("escape")
        await pilot.pause()
        assert ChairStore(data_dir, session).decision(APP).motivation_for is Recommendation.SELECT
        assert overall.border_title == t("chair.ui.detail.overall_title")

        await pilot.press("2")  # reserve: the motivation argued for selecteren
        await pilot.pause()
        stale = t("chair.ui.detail.overall_stale", recommendation="selecteren")
        assert overall.border_title == stale
        assert t("advice.gap.motivation_stale") in text_of(detail.query_one("#decision-open"))

        await pilot.press("m", "escape")  # read again, kept as it is: now written for reserve
        await pilot.pause()
        decision = ChairStore(data_dir, session).decision(APP)
        assert (decision.overall_motivation, decision.motivation_for) == ("Sterk dossier", Recommendation.RESERVE)
        assert overall.border_title == t("chair.ui.detail.overall_title")
        assert t("advice.gap.motivation_stale") not in text_of(detail.query_one("#decision-open"))


async def test_hearing_and_conditions_are_written_on_the_decision_page(chair_setup):
    data_dir, session, folder = chair_setup
    import_all(data_dir, session, folder)
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        detail = await open_decision(pilot, app, session)
        await pilot.press("c")  # conditions only come with selecteren or reserve
        await pilot.pause()
        assert t("chair.ui.detail.conditions_only_funded") in notifications(app)
        assert detail.focused is None
        await pilot.press("h")
        await type_text(pilot, "Vraag over de planning")
        await pilot.press("escape", "1", "c")
        await type_text(pilot, "Start na akkoord")
        await pilot.press("escape")
        await pilot.pause()
        decision = ChairStore(data_dir, session).decision(APP)
        assert (decision.hearing, decision.conditions) == ("Vraag over de planning", "Start na akkoord")
        assert detail.query_one("#conditions", EditorArea).display and not detail.query_one("#overall", EditorArea).display
        tabs = text_of(detail.query_one("#decision-texts"))
        assert "h toelichting✓" in tabs and "c contractvoorwaarden✓" in tabs


async def test_keys_that_throw_work_away_ask_first(chair_setup):
    from jury_tui.ui.screens.dialogs import ConfirmDialog

    data_dir, session, folder = chair_setup
    import_all(data_dir, session, folder)
    app = ChairApp(data_dir, session)
    row = [a.id for a in session.applications].index(APP)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press(*["down"] * row, "enter")
        await pilot.pause()
        detail = app.screen
        criterion = detail.criterion_id
        # Clearing a consensus score that has a motivation: "n" keeps it, "j" clears the score only.
        await pilot.press("4", "m")
        await type_text(pilot, "Goed")
        await pilot.press("escape", "backspace")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.model.decision(APP).get(criterion).score == 4
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        consensus = ChairStore(data_dir, session).decision(APP).get(criterion)
        assert (consensus.score, consensus.motivation) == (None, "Goed")

        # Esc out of a typed, unsaved amount: asked; "n" stays in the field with the text.
        await pilot.press(*decision_page_keys(session), "1", "g")
        await type_text(pilot, "12")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        amount = detail.query_one("#amount", Input)
        assert app.screen is detail and detail.focused is amount and amount.value == "12"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert detail.focused is None and amount.value == "" and app.model.decision(APP).advised_amount is None

        # A text the store refuses (a bidi control character, pasted): leaving asks; "n" keeps the text.
        await pilot.press("m")
        overall = detail.query_one("#overall", EditorArea)
        overall.insert("Goed\u202edossier")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert detail.focused is overall and overall.text == "Goed\u202edossier"

        # Quitting with it unsaved asks too; "n" stays.
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running and app.screen is detail
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert detail.focused is None and overall.text == ""
        assert ChairStore(data_dir, session).decision(APP).overall_motivation == ""


async def test_the_chair_reads_the_application_from_the_detail(chair_setup):
    from textual.widgets import Markdown

    from jury_tui.ui.chair.screens.dialogs import ApplicationReader

    data_dir, session, folder = chair_setup
    import_all(data_dir, session, folder)
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        detail = await open_decision(pilot, app, session)
        await pilot.press("l")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ApplicationReader)
        source = reader.query_one(Markdown).source
        application = session.application(APP)
        assert application.sections
        for section in application.sections:
            assert f"## {section.heading.split()[0]}" in source.replace("\\", "")
        headings = [str(block.content) if hasattr(block, "content") else "" for block in reader.query("MarkdownH2")]
        assert len(headings) == len(application.sections)
        await pilot.press("pagedown", "escape")
        await pilot.pause()
        assert app.screen is detail


async def test_overview_marks_only_complete_applications_and_says_what_is_open(chair_setup):
    data_dir, session, folder = chair_setup
    store = import_all(data_dir, session, folder)
    for criterion in session.criteria.criteria:
        store.set_consensus(APP, criterion.id, score=4, motivation="Goed onderbouwd.")
    store.set_recommendation(APP, Recommendation.REJECT)
    app = ChairApp(data_dir, session)
    row = [a.id for a in session.applications].index(APP)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#matrix", ChairTable)
        # Consensus and an advice, but no overall motivation: not ✓, and the line says why.
        assert table.get_cell(APP, "advice").plain == "1"
        await pilot.press(*["down"] * row)
        await pilot.pause()
        line = text_of(app.screen.query_one("#overview-open"))
        assert line == f"Boom (wvc21-03): {t('advice.gap.overall_motivation')}"
        summary = text_of(app.screen.query_one("#overview-summary"))
        assert "0/20 volledig" in summary and t("chair.ui.overview.meeting") in summary
        assert t("chair.ui.overview.over_budget") not in summary

        # Too few voting scores elsewhere (nobody scored Antwerpen): 0 of the 3 needed, in red.
        first = session.applications[0].id
        assert (table.get_cell(first, "advice").plain, table.get_cell(first, "advice").style) == ("0/3", STYLE_TOO_FEW)

        # The overall motivation written: ✓, and the status line counts it.
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*decision_page_keys(session), "m")
        await type_text(pilot, "Niet selecteren")
        await pilot.press("escape", "o")
        await pilot.pause()
        assert table.get_cell(APP, "advice").plain == "✓"
        assert text_of(app.screen.query_one("#overview-open")) == t("chair.ui.overview.application_complete",
                                                                     application="Boom (wvc21-03)")
        assert "1/20 volledig" in text_of(app.screen.query_one("#overview-summary"))


async def test_too_few_votes_is_flagged_in_the_detail_until_the_chair_motivates_it(chair_setup):
    data_dir, session, folder = chair_setup
    import_all(data_dir, session, folder)
    app = ChairApp(data_dir, session)
    first = session.applications[0].id
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        too_few = t("chair.ui.too_few_votes", votes=0, minimum=3)
        assert too_few in text_of(detail.query_one("#eligibility-line"))
        await pilot.press("w")
        await type_text(pilot, "Uitzonderlijk")
        await pilot.press("escape")
        await pilot.pause()
        assert ChairStore(data_dir, session).decision(first).rank_motivation == "Uitzonderlijk"
        assert too_few not in text_of(detail.query_one("#eligibility-line"))
        await pilot.press("o")
        await pilot.pause()
        assert app.screen.query_one("#matrix", ChairTable).get_cell(first, "advice").plain != "0/3"


def test_a_failed_change_is_reported_in_dutch_not_in_the_os_words(tmp_path):
    """A disk that is full while the chair saves: the status line and the notification say so in
    Dutch with the file (errors.problem_line), never the operating system's English."""
    from jury_tui.errors import problem_line

    error = OSError(28, "No space left on device", str(tmp_path / "chair.json"))
    line = problem_line(error)
    assert "No space" not in line and "chair.json" in line and "\n" not in line
