"""A reviewer's findings in the juror's UI, each pinned: the motivation saved by one helper in the
scoring panel and on the whole screen, My scores sorting without rebuilding its table and its cell
line never cut without a mark, undo kept while a conflict refuses it, and the modules' imports."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import DataTable

from jury_tui.domain.assessment import Status
from jury_tui.domain.session import SessionDefinition
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import load_session
from jury_tui.ui.app import JurorApp
from jury_tui.ui.screens.assessment import AssessmentScreen
from jury_tui.ui.screens.dialogs import ConfirmDialog
from jury_tui.ui.screens.my_scores import MyScoresScreen

SIZE = (80, 24)
SESSION_ID = "wvc-2021-demo"
JUROR = "extern-1"
PACKAGE = Path(__file__).resolve().parents[1] / "jury_tui"


@pytest.fixture
def session(demo_data_dir: Path) -> SessionDefinition:
    return load_session(demo_data_dir, SESSION_ID)


def store_of(data_dir: Path, session: SessionDefinition) -> JurorStore:
    return JurorStore(data_dir, session, JUROR)


def notifications(app) -> list[str]:
    return [notification.message for notification in app._notifications]


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at its top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


# --- imports ---------------------------------------------------------------------------------------
def test_my_scores_does_not_import_the_assessment_screen_that_opens_it():
    assert "jury_tui.ui.screens.assessment" not in imported_modules(PACKAGE / "ui/screens/my_scores.py")


def test_the_jurors_ui_does_not_reach_into_the_chairs_package():
    juror_files = [*(PACKAGE / "ui/screens").glob("*.py"), *(PACKAGE / "ui/widgets").glob("*.py"), PACKAGE / "ui/app.py"]
    reaching = {path.name for path in juror_files
                if any(module.startswith("jury_tui.ui.chair") for module in imported_modules(path))}
    assert reaching == set()


# --- My scores --------------------------------------------------------------------------------------
async def test_sorting_my_scores_sorts_the_rows_in_place(demo_data_dir, session, monkeypatch):
    store_of(demo_data_dir, session).declare_conflicts([])
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        screen = app.screen
        assert isinstance(screen, MyScoresScreen)

        def no_rebuild(*args, **kwargs):
            raise AssertionError("the table was rebuilt to sort it")

        monkeypatch.setattr(DataTable, "clear", no_rebuild)
        await pilot.press("t", "t", "home", "s")
        assert [str(row.key.value) for row in screen.table.ordered_rows] == [a.id for a in session.applications]


async def test_the_cell_line_under_my_scores_shows_a_long_title_to_its_end(demo_data_dir, session):
    long_title = " ".join(["Een wijk die samen sterker wordt"] * 5) + " Slotwoord"
    applications = [dataclasses.replace(session.applications[0], title=long_title), *session.applications[1:]]
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        screen = MyScoresScreen(session.criteria, applications, {}, frozenset(),
                                {a.id: Status.NOT_STARTED for a in applications})
        await app.push_screen(screen)
        await pilot.pause()
        line = screen.query_one("#my-scores-cell")
        wrapped = Content(screen.cell_words()).wrap(line.content_region.width)
        assert "Slotwoord" in wrapped[-1].plain and len(wrapped) == 3  # at 80 columns
        assert line.content_region.height == len(wrapped)  # every line shown, none cut off


# --- undo -----------------------------------------------------------------------------------------
async def test_undo_refused_by_a_conflict_keeps_the_change_for_later(demo_data_dir, session):
    store_of(demo_data_dir, session).declare_conflicts([])
    first = session.applications[0].id
    criterion = session.criteria.criteria[0].id
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = app.screen
        assert isinstance(screen, AssessmentScreen)
        await pilot.press("3")
        await pilot.press("c", "space", "enter")  # now in conflict with the first application
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("j")
        assert app.screen is screen and screen.is_conflicted
        await pilot.press("u")
        assert notifications(app)[-1].startswith("Deze aanvraag is gemarkeerd als belangenconflict")
        assert store_of(demo_data_dir, session).assessment(first).get(criterion).score == 3
        await pilot.press("c", "space", "enter")  # the conflict lifted
        assert app.screen is screen and not screen.is_conflicted
        await pilot.press("u")  # the change is still there to undo
        assert store_of(demo_data_dir, session).assessment(first).get(criterion).score is None


# --- saving as it is typed: one helper for the box and the whole screen --------------------------------
class FakeOwner:
    """Counts the timers DebouncedSave starts instead of waiting for them."""

    def __init__(self) -> None:
        self.timers: list = []

    def set_timer(self, delay, callback):
        from unittest.mock import Mock

        timer = Mock()
        self.timers.append((delay, callback, timer))
        return timer


def test_debounced_save_waits_saves_once_and_keeps_a_failed_text_for_the_next_try():
    from jury_tui.errors import JuryError
    from jury_tui.ui.widgets.debounced_save import SAVE_DELAY, DebouncedSave

    box = {"text": "oud"}
    written, saved, failed = [], [], []
    fail = {"now": False}

    def write(text):
        if fail["now"]:
            raise JuryError("schijf vol")
        written.append(text)

    owner = FakeOwner()
    saving = DebouncedSave(owner, lambda: box["text"], write, saved.append, failed.append, baseline="oud")
    box["text"] = "nieuw"
    saving.changed()
    saving.changed()
    assert [delay for delay, _, _ in owner.timers] == [SAVE_DELAY, SAVE_DELAY] == [0.4, 0.4]
    assert owner.timers[0][2].stop.called  # the second keystroke restarts the wait
    owner.timers[-1][1]()  # the wait is over
    assert written == ["nieuw"] and saved == ["nieuw"] and not saving.pending
    assert saving.flush() and written == ["nieuw"]  # nothing new: nothing written

    box["text"] = "nieuwer"
    fail["now"] = True
    assert not saving.flush()
    assert [str(error) for error in failed] == ["schijf vol"] and saving.pending and box["text"] == "nieuwer"
    fail["now"] = False
    assert saving.flush() and written == ["nieuw", "nieuwer"]

    box["text"] = "stil"
    fail["now"] = True
    saving.save_quietly()  # the app closes: no error escapes, nothing shown
    assert len(failed) == 1


def test_both_screens_save_through_the_one_helper():
    for name in ("ui/screens/assessment.py", "ui/screens/motivation_editor.py"):
        source = (PACKAGE / name).read_text(encoding="utf-8")
        assert "DebouncedSave(" in source and "set_timer(" not in source and "SAVE_DELAY =" not in source, name
