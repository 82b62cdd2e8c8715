"""Writing as a juror does, by keys (Pilot, 80×24): the motivation on the whole screen (`e`, F2 while
typing) and the private note per application (`a`), which never leaves the laptop."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import wait_until
from test_cli import run
from test_ui_juror import (
    JUROR,
    SESSION_ID,
    SIZE,
    declare_conflict_on_second,
    keys_for,
    notifications,
    visible_text,
)

from jury_tui.i18n import set_language
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.notes import NOTES_FILE, JurorNotes
from jury_tui.store.sessions import load_session
from jury_tui.ui.app import JurorApp
from jury_tui.ui.screens.assessment import AssessmentScreen
from jury_tui.ui.screens.motivation_editor import MotivationEditor
from jury_tui.ui.screens.notes import NotesScreen
from jury_tui.ui.widgets.scoring_panel import MotivationArea

NOTE = "Vragen voor de hoorzitting: GEHEIME-AANTEKENING-7421"


@pytest.fixture
def session(demo_data_dir: Path):
    session = load_session(demo_data_dir, SESSION_ID)
    JurorStore(demo_data_dir, session, JUROR).declare_conflicts([])
    return session


def stored_motivation(data_dir: Path, session, application_id: str, criterion_id: str) -> str:
    return JurorStore(data_dir, session, JUROR, read_only=True).assessment(application_id).get(criterion_id).motivation


def status(screen) -> str:
    return visible_text(screen.query_one("#writing-status"))


# --- the motivation on the whole screen -------------------------------------------------------------
async def test_e_opens_the_editor_which_saves_as_typed_and_on_leaving(demo_data_dir, session):
    first, criterion = session.applications[0], session.criteria.criteria[0]
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        screen: AssessmentScreen = app.screen
        await pilot.press("e")
        editor = app.screen
        assert isinstance(editor, MotivationEditor)
        heading = " ".join(visible_text(line) for line in editor.query(".writing-heading-line"))
        assert first.label in heading and first.title in heading
        assert "Criterium 1 van 7: Maatwerk · motivatie verplicht" in heading
        assert criterion.description.get("nl") in heading  # the criterion's question
        assert status(editor) == "0 van 100.000 tekens · motivatie verplicht, nog leeg · niets gewijzigd"

        await pilot.press(*keys_for("Sterk verankerd"), "enter", *keys_for("in de wijk."))
        assert status(editor).startswith("27 van 100.000 tekens · wordt bewaard")
        await wait_until(pilot, lambda: stored_motivation(demo_data_dir, session, first.id, criterion.id) != "",
                         "the debounced save")
        assert stored_motivation(demo_data_dir, session, first.id, criterion.id) == "Sterk verankerd\nin de wijk."
        assert "Opgeslagen om" in status(editor)

        await pilot.press(*keys_for(" Klaar"), "escape")  # leaving at once saves what the timer had not yet
        assert app.screen is screen
        assert stored_motivation(demo_data_dir, session, first.id, criterion.id) == "Sterk verankerd\nin de wijk. Klaar"
        area = screen.query_one(MotivationArea)
        assert area.text == "Sterk verankerd\nin de wijk. Klaar"
        assert area.cursor_location == (0, 0) and area.scroll_y == 0  # shown from its start
        assert app.focused is None  # back in the normal keys: n moves on
        await pilot.press("n")
        assert screen.current.id == session.applications[1].id


async def test_f2_while_typing_takes_the_text_to_the_whole_screen_and_back(demo_data_dir, session):
    first, criterion = session.applications[0], session.criteria.criteria[0]
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        screen: AssessmentScreen = app.screen
        await pilot.press("m", *keys_for("Begin"), "f2")
        editor = app.screen
        assert isinstance(editor, MotivationEditor)
        assert editor.area.text == "Begin"
        assert stored_motivation(demo_data_dir, session, first.id, criterion.id) == "Begin"  # saved before it opened
        assert editor.area.cursor_location == (0, 5)  # typing goes on at the end
        await pilot.press(*keys_for(" en einde"), "f2")
        assert app.screen is screen
        assert screen.query_one(MotivationArea).text == "Begin en einde"
        assert stored_motivation(demo_data_dir, session, first.id, criterion.id) == "Begin en einde"


async def test_ctrl_q_in_the_editor_loses_nothing(demo_data_dir, session):
    first, criterion = session.applications[0], session.criteria.criteria[0]
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", *keys_for("Net getypt"))
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert stored_motivation(demo_data_dir, session, first.id, criterion.id) == "Net getypt"


async def test_a_failed_save_in_the_editor_is_said_and_the_text_stays_in_the_box(demo_data_dir, session, monkeypatch):
    first, criterion = session.applications[0], session.criteria.criteria[0]
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen: AssessmentScreen = app.screen

        def disk_full(*args):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(screen.store, "set_motivation", disk_full)
        await pilot.press("e", *keys_for("Niet kwijt"), "escape")
        assert app.screen is screen
        assert any("niet opgeslagen" in message.lower() or "schijf" in message.lower() for message in notifications(app))
        assert screen.query_one(MotivationArea).text == "Niet kwijt"  # the box keeps it, and saves it once it can
        monkeypatch.undo()
        await wait_until(pilot, lambda: stored_motivation(demo_data_dir, session, first.id, criterion.id) == "Niet kwijt",
                         "the box's own save")


async def test_the_editor_is_refused_on_a_conflicted_application(demo_data_dir):
    session = load_session(demo_data_dir, SESSION_ID)
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await declare_conflict_on_second(pilot)
        await pilot.press("n", "e")
        assert isinstance(app.screen, AssessmentScreen)
        assert any("belangenconflict" in message for message in notifications(app))


async def test_the_editor_speaks_english(demo_data_dir, session):
    set_language("en")
    try:
        app = JurorApp(demo_data_dir, session, JUROR)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("e", *keys_for("Good"))
            assert status(app.screen).startswith("4 of 100,000 characters · saving")
            await pilot.press("escape", "a")
            assert "Private note" in " ".join(visible_text(line) for line in app.screen.query(".writing-heading-line"))
    finally:
        set_language("nl")


# --- private notes ------------------------------------------------------------------------------------
def heading(screen: AssessmentScreen) -> str:
    return visible_text(screen.query_one("#app-heading"))


async def test_a_opens_the_note_which_is_kept_and_marked_in_the_heading(demo_data_dir, session):
    first = session.applications[0]
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        screen: AssessmentScreen = app.screen
        assert "✎" not in heading(screen)
        await pilot.press("a")
        notes = app.screen
        assert isinstance(notes, NotesScreen)
        assert "nooit in je inzending" in " ".join(visible_text(line) for line in notes.query(".writing-heading-line"))
        await pilot.press(*keys_for("Hoorzitting: timing?"), "escape")
        assert app.screen is screen
        assert heading(screen).startswith("1/20 ○ niet begonnen · ✎ " + first.label)
        await pilot.press("n")
        assert "✎" not in heading(screen)
        await pilot.press("p", "3")  # the notes change no score, and scores leave the notes alone
        assert "✎" in heading(screen)
    assert JurorNotes(JurorStore(demo_data_dir, session, JUROR)).all() == {first.id: "Hoorzitting: timing?"}

    app = JurorApp(demo_data_dir, session, JUROR)  # again, another day
    async with app.run_test(size=SIZE) as pilot:
        assert "✎" in heading(app.screen)
        await pilot.press("a")
        assert app.screen.area.text == "Hoorzitting: timing?"
        await pilot.press("ctrl+a", "ctrl+k", "escape")  # emptied: the note is gone, and so is the mark
        assert "✎" not in heading(app.screen)
    assert JurorNotes(JurorStore(demo_data_dir, session, JUROR)).all() == {}


async def test_a_damaged_notes_file_is_reported_and_never_written_over(demo_data_dir, session):
    path = JurorStore(demo_data_dir, session, JUROR).folder / NOTES_FILE
    path.write_bytes(b'{"notes": {"1": {"application_id": "wvc21-01", "te')  # torn
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen: AssessmentScreen = app.screen
        assert "✎" not in heading(screen)
        await pilot.press("a")
        assert app.screen is screen
        assert any(NOTES_FILE in message and "beschadigd" in message for message in notifications(app)), notifications(app)
        await pilot.press("3")  # the rest of the app works on
        assert screen.store.assessment(session.applications[0].id).get(session.criteria.criteria[0].id).score == 3
    assert path.read_bytes() == b'{"notes": {"1": {"application_id": "wvc21-01", "te'


async def test_the_note_never_leaves_the_laptop(demo_data_dir, session, tmp_path, capsys, monkeypatch):
    """Submission, juror package, the chair's import and the CSV export: not one byte of the note."""
    monkeypatch.chdir(tmp_path)
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "a", *keys_for(NOTE), "escape")
    secret = NOTE.encode()
    assert secret in (JurorStore(demo_data_dir, session, JUROR).folder / NOTES_FILE).read_bytes()  # it is kept

    data = ["--data-dir", str(demo_data_dir)]
    submission, package = tmp_path / "inzending.json", tmp_path / "pakket.jurypakket"
    assert run(capsys, "submit", SESSION_ID, "--as", JUROR, "--incomplete", "--out", str(submission), *data)[0] == 0
    assert run(capsys, "package", SESSION_ID, "--for", JUROR, "--out", str(package), *data)[0] == 0
    assert run(capsys, "import", SESSION_ID, str(submission), *data)[0] == 0
    assert run(capsys, "export", SESSION_ID, "--csv", str(tmp_path / "scores.csv"), *data)[0] == 0
    chair_files = [path for path in (demo_data_dir / "sessions" / SESSION_ID / "chair").rglob("*") if path.is_file()]
    assert chair_files  # the chair's import wrote its files
    for path in [submission, package, tmp_path / "scores.csv", *chair_files]:
        assert secret not in path.read_bytes(), path
        assert b"GEHEIME" not in path.read_bytes(), path


def burst(app, keys: str) -> None:
    """Keys as a terminal delivers them typed fast (or over a slow link): all at once, none handled
    before the next arrives (Pilot's press waits for each)."""
    from textual import events

    for character in keys:
        app.post_message(events.Key({" ": "space", "/": "slash"}.get(character, character), character))


@pytest.mark.parametrize("opener", ["m", "e", "a"])
async def test_text_typed_in_the_same_instant_as_the_key_that_opens_the_field_is_text(demo_data_dir, session, opener):
    first = session.applications[0].id
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(app, opener + "5 sterk-")  # "5" would score and "-" lower it, were they taken as keys
        await pilot.pause(0.3)
        await pilot.press("escape")
        await pilot.pause(0.6)
        assert isinstance(app.screen, AssessmentScreen)
    store = JurorStore(demo_data_dir, session, JUROR)
    assert store.assessment(first).get("maatwerk").score is None
    if opener == "a":
        assert JurorNotes(store).note(first) == "5 sterk-"
    else:
        assert stored_motivation(demo_data_dir, session, first, "maatwerk") == "5 sterk-"


def test_two_notes_for_one_application_are_a_damaged_file_never_written_over(demo_data_dir, session):
    import json

    from jury_tui.errors import StoreError

    store = JurorStore(demo_data_dir, session, JUROR)
    first, second = session.applications[0].id, session.applications[1].id
    JurorNotes(store).set_note(first, "a")
    JurorNotes(store).set_note(second, "b")
    path = store.folder / NOTES_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    for record in data["notes"].values():
        record["application_id"] = first  # as a hand edit or a foreign tool could leave it
    path.write_text(json.dumps(data), encoding="utf-8")
    before = path.read_bytes()
    notes = JurorNotes(JurorStore(demo_data_dir, session, JUROR))
    with pytest.raises(StoreError, match="beschadigd"):
        notes.note(first)
    with pytest.raises(StoreError, match="beschadigd"):
        notes.set_note(first, "")  # would have silently dropped both
    assert path.read_bytes() == before


async def test_typed_in_the_same_instant_as_slash_is_the_search(demo_data_dir, session):
    from jury_tui.ui.widgets.text_search import SearchInput

    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(app, "/x2wijk")  # "2" would score, were it taken as a key
        await pilot.pause(0.3)
        assert app.screen.query_one(SearchInput).value == "x2wijk"
    assert JurorStore(demo_data_dir, session, JUROR).assessment(session.applications[0].id).get("maatwerk").score is None


async def test_f2_back_from_the_editor_goes_on_typing_in_the_box(demo_data_dir, session):
    first = session.applications[0].id
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m", *"begin", "f2")
        assert isinstance(app.screen, MotivationEditor)
        await pilot.press(*" groot", "f2")
        assert isinstance(app.screen, AssessmentScreen) and isinstance(app.focused, MotivationArea)
        await pilot.press(*" 5 ok", "escape")  # still typing: "5" is text, "o" does not open My scores
        assert isinstance(app.screen, AssessmentScreen)
        await pilot.pause(0.5)
    assert stored_motivation(demo_data_dir, session, first, "maatwerk") == "begin groot 5 ok"
    assert JurorStore(demo_data_dir, session, JUROR).assessment(first).get("maatwerk").score is None


async def test_e_back_from_the_editor_leaves_the_keys_to_scoring(demo_data_dir, session):
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e", *"tekst", "escape")
        assert isinstance(app.screen, AssessmentScreen) and app.focused is None
        await pilot.press("4")
    assert JurorStore(demo_data_dir, session, JUROR).assessment(session.applications[0].id).get("maatwerk").score == 4
