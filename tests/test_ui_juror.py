"""The juror's app, driven by keys as a juror would (Textual Pilot, 80×24 terminal)."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

import pytest
from conftest import loaded_modules, wait_until
from pydantic import TypeAdapter
from rich.console import Console
from textual.widgets import Footer, OptionList, Static
from textual.widgets.markdown import MarkdownBlock

from jury_tui.domain.assessment import Status
from jury_tui.domain.canonical import json_form
from jury_tui.domain.session import SessionDefinition
from jury_tui.formats.submission_file import load_submission
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import default_submission_path, load_session, write_session
from jury_tui.ui.app import JurorApp, PickerApp
from jury_tui.ui.screens.assessment import AssessmentScreen
from jury_tui.ui.screens.conflicts import ConflictList, ConflictsScreen
from jury_tui.ui.screens.dialogs import ErrorScreen, MessageDialog
from jury_tui.ui.screens.help import HelpScreen
from jury_tui.ui.screens.submit_review import SubmitReview
from jury_tui.ui.widgets.application_list import ApplicationList
from jury_tui.ui.widgets.application_text import ApplicationText
from jury_tui.ui.widgets.packed import PackedLine
from jury_tui.ui.widgets.scoring_panel import MotivationArea, ScoringPanel

SIZE = (80, 24)
SESSION_ID = "wvc-2021-demo"
JUROR = "extern-1"


def keys_for(text: str) -> list[str]:
    return ["space" if char == " " else char for char in text]


def visible_text(widget) -> str:
    """What a Static or PackedLine shows, as plain text."""
    if isinstance(widget, PackedLine):
        return widget.plain
    return str(widget.render())


def prompt_text(app_list: ApplicationList, index: int) -> str:
    return str(app_list.get_option_at_index(index).prompt)


def notifications(app) -> list[str]:
    return [notification.message for notification in app._notifications]


@pytest.fixture
def session(demo_data_dir: Path) -> SessionDefinition:
    return load_session(demo_data_dir, SESSION_ID)


def new_app(data_dir: Path, session: SessionDefinition, juror: str = JUROR) -> JurorApp:
    return JurorApp(data_dir, session, juror)


async def declare_conflict_on_second(pilot) -> None:
    """On the first-visit conflicts screen: mark the second application (Space) and confirm (Enter)."""
    assert isinstance(pilot.app.screen, ConflictsScreen)
    await pilot.press("down", "space", "enter")
    assert isinstance(pilot.app.screen, AssessmentScreen)


# --- first visit and conflicts of interest ----------------------------------------------------------
async def test_first_visit_declares_a_conflict_that_cannot_be_scored(demo_data_dir, session):
    conflicted = session.applications[1]
    app = new_app(demo_data_dir, session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert isinstance(app.screen, ConflictsScreen)
        assert app.focused is app.screen.query_one(ConflictList)
        await pilot.press("escape")  # the first visit cannot be skipped
        assert isinstance(app.screen, ConflictsScreen)
        assert not JurorStore(demo_data_dir, session, JUROR).conflicts_declared
        await declare_conflict_on_second(pilot)
        screen: AssessmentScreen = app.screen
        assert screen.store.conflicts == {conflicted.id}
        assert screen.store.conflicts_declared

        app_list = screen.query_one(ApplicationList)
        assert prompt_text(app_list, 1).startswith("⊘")
        assert app_list.status_of(conflicted.id) is Status.CONFLICT
        total = len(session.applications) - 1
        assert visible_text(screen.query_one("#progress")) == f"0 van {total} beoordeeld"

        await pilot.press("n")
        assert screen.current.id == conflicted.id
        assert "belangenconflict" in visible_text(screen.query_one("#app-heading"))
        note = screen.query_one("#conflict-note", Static)
        assert note.display and "kan niet gescoord worden" in visible_text(note).replace("\n", " ")
        assert not screen.query_one(MotivationArea).display or not screen.query_one(MotivationArea).visible

        await pilot.press("3", "right", "m")
        await pilot.pause()
        assert app.focused is None  # the motivation box did not open
        assert screen.store.assessment(conflicted.id).scores == {}
        assert any("belangenconflict" in message for message in notifications(app))

        # c changes the conflicts again: unmark it, and it can be scored.
        await pilot.press("c")
        assert isinstance(app.screen, ConflictsScreen)
        await pilot.press("down", "space", "enter")
        assert isinstance(app.screen, AssessmentScreen)
        assert screen.store.conflicts == frozenset()
        await pilot.press("3")
        assert screen.store.assessment(conflicted.id).get(session.criteria.criteria[0].id).score == 3


# --- scoring a whole application, quitting, reopening -----------------------------------------------
async def test_score_whole_application_quit_and_reopen(demo_data_dir, session):
    criteria = session.criteria.criteria
    first = session.applications[0]
    total = len(session.applications) - 1
    app = new_app(demo_data_dir, session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await declare_conflict_on_second(pilot)
        screen: AssessmentScreen = app.screen
        assert screen.current.id == first.id
        for number, criterion in enumerate(criteria):
            heading = visible_text(screen.query_one("#criterion-heading"))
            assert heading.startswith(f"Criterium {number + 1} van {len(criteria)}")
            score = number % 6
            await pilot.press(str(score), "m", *keys_for(f"m{number}"), "escape", "down")
            assert app.focused is None
            assert "Opgeslagen om" in visible_text(screen.query_one("#save-status"))
        assert visible_text(screen.query_one("#progress")) == f"1 van {total} beoordeeld"
        assert prompt_text(screen.query_one(ApplicationList), 0).startswith("●")
        assert "volledig" in visible_text(screen.query_one("#app-heading"))
        assert f"{first.label} is volledig beoordeeld. n: volgende aanvraag" in notifications(app)
        await pilot.press("ctrl+q")
    assert app.return_code == 0

    store = JurorStore(demo_data_dir, session, JUROR)
    saved = store.assessment(first.id)
    for number, criterion in enumerate(criteria):
        assert saved.get(criterion.id).score == number % 6
        assert saved.get(criterion.id).motivation == f"m{number}"

    reopened = new_app(demo_data_dir, session)
    async with reopened.run_test(size=SIZE) as pilot:
        screen = reopened.screen
        assert isinstance(screen, AssessmentScreen)  # conflicts already declared: straight to work
        assert visible_text(screen.query_one("#progress")) == f"1 van {total} beoordeeld"
        app_list = screen.query_one(ApplicationList)
        assert prompt_text(app_list, 0).startswith("●")
        assert prompt_text(app_list, 1).startswith("⊘")
        # it resumes at the first unfinished application; go back to the finished one
        assert screen.current.id == session.applications[2].id
        await pilot.press("p", "p")
        assert screen.current.id == first.id
        strip = visible_text(screen.query_one("#criteria-strip"))
        assert strip.startswith(f"{criteria[0].name.nl[:3]} 0  {criteria[1].name.nl[:3]} 1")
        await pilot.press("down")
        assert screen.query_one(MotivationArea).text == "m1"
        assert "▶1 " in visible_text(screen.query_one("#scale"))


async def test_motivation_is_saved_while_typing_and_digits_go_into_the_text(demo_data_dir, session):
    first = session.applications[0]
    criterion = session.criteria.criteria[0].id
    app = new_app(demo_data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # no conflicts
        screen: AssessmentScreen = app.screen
        await pilot.press("enter", *keys_for("n 5 s?"))
        assert isinstance(app.focused, MotivationArea)
        assert screen.current.id == first.id and app.screen is screen
        await wait_until(pilot, lambda: screen.store.assessment(first.id).get(criterion).motivation == "n 5 s?",
                         "the debounce to save the motivation without leaving the box")
        assessment = JurorStore(demo_data_dir, session, JUROR).assessment(first.id)
        assert assessment.get(criterion).motivation == "n 5 s?"
        assert assessment.get(criterion).score is None
        await pilot.press(*keys_for(" x"))
        await pilot.press("ctrl+q")  # quitting saves what was typed last
    assert JurorStore(demo_data_dir, session, JUROR).assessment(first.id).get(criterion).motivation == "n 5 s? x"


async def test_score_keys_arrows_and_clear(demo_data_dir, session):
    first = session.applications[0]
    criterion = session.criteria.criteria[0].id
    app = new_app(demo_data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        store = app.screen.store
        await pilot.press("right")
        assert store.assessment(first.id).get(criterion).score == session.criteria.scale.min
        await pilot.press("5", "right")
        assert store.assessment(first.id).get(criterion).score == 5
        await pilot.press("left", "left")
        assert store.assessment(first.id).get(criterion).score == 3
        await pilot.press("apostrophe")  # AZERTY: the 4 key without Shift
        assert store.assessment(first.id).get(criterion).score == 4
        await pilot.press("backspace")
        assert store.assessment(first.id).get(criterion).score is None
        assert [entry.field for entry in store.history(first.id)] == ["score"] * 6


async def test_a_failed_save_is_shown_in_red_and_nothing_is_lost(demo_data_dir, session, monkeypatch):
    import jury_tui.formats.atomic_file as atomic

    first, criterion = session.applications[0].id, session.criteria.criteria[0].id
    app = new_app(demo_data_dir, session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter")
        screen: AssessmentScreen = app.screen

        def disk_full(*args):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(atomic.os, "replace", disk_full)
        await pilot.press("4")
        status = screen.query_one("#save-status", Static)
        assert visible_text(status).startswith("Niet opgeslagen: ")
        assert "schijf vol: maak ruimte vrij" in visible_text(status)
        assert status.has_class("-error")
        assert "▶4" not in visible_text(screen.query_one("#scale"))  # the screen shows what is on disk
        await pilot.press("m", "a", "escape", "down", "n")
        assert (screen.app_index, screen.crit_index) == (0, 0)  # stays with the unsaved text
        assert screen.query_one(MotivationArea).text == "a"
        await pilot.press("ctrl+q")
        assert any("nogmaals op Ctrl+Q" in message for message in notifications(app))
        assert app.return_code is None  # not quit yet

        monkeypatch.undo()  # room on the disk again
        await pilot.press("4")
        assert visible_text(status).startswith("Opgeslagen om")
        await pilot.press("ctrl+q")
    assert app.return_code == 0
    saved = JurorStore(demo_data_dir, session, JUROR).assessment(first).get(criterion)
    assert (saved.score, saved.motivation) == (4, "a")


# --- submission ---------------------------------------------------------------------------------------
async def test_submit_incomplete_asks_first_and_writes_a_verified_file(demo_data_dir, session):
    path = default_submission_path(demo_data_dir, SESSION_ID, JUROR)
    app = new_app(demo_data_dir, session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await declare_conflict_on_second(pilot)
        await pilot.press("4", "s")
        assert isinstance(app.screen, SubmitReview)
        body = " ".join(visible_text(row) for row in app.screen.query(".review-row"))
        total = len(session.applications) - 1
        assert f"0 van {total} aanvragen af" in body
        assert "ONVOLLEDIG" in visible_text(app.screen.query_one("#review-keys", Static))
        await pilot.press("n")
        assert isinstance(app.screen, AssessmentScreen)
        assert not path.exists()

        await pilot.press("s", "j")
        assert isinstance(app.screen, MessageDialog)
        submission = load_submission(path)  # verifies the checksum
        assert submission.complete is False
        assert submission.juror_id == JUROR
        assert submission.conflicts == [session.applications[1].id]
        message = visible_text(app.screen.query_one(".dialog-body", Static))
        assert submission.checksum[:12] in message
        assert str(path.resolve()) in message.replace("\n", "")
        await pilot.press("enter")
        assert isinstance(app.screen, AssessmentScreen)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["applications_complete"] == 0


async def test_submit_complete_is_reviewed_then_enter_submits(demo_data_dir, session):
    store = JurorStore(demo_data_dir, session, JUROR)
    store.declare_conflicts([session.applications[0].id])
    for application in session.applications[1:]:
        for criterion in session.criteria.criteria:
            store.set_score(application.id, criterion.id, 3)
            store.set_motivation(application.id, criterion.id, "voldoende")
    app = new_app(demo_data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        total = len(session.applications) - 1
        assert visible_text(app.screen.query_one("#progress")) == f"{total} van {total} beoordeeld"
        await pilot.press("s")
        assert isinstance(app.screen, SubmitReview)  # always a review first; complete work: Enter submits
        await pilot.press("enter")
        assert isinstance(app.screen, MessageDialog)
        assert "volledig" in visible_text(app.screen.query_one(".dialog-body", Static))
    submission = load_submission(default_submission_path(demo_data_dir, SESSION_ID, JUROR))
    assert submission.complete and submission.applications_complete == total


# --- help, palette, layout --------------------------------------------------------------------------
async def test_help_opens_with_question_mark_and_f1_and_closes_with_escape(demo_data_dir, session):
    app = new_app(demo_data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        help_keys = app.screen.query_one("#help-keys", Static)
        assert app.screen.region.contains_region(app.screen.query_one("#help-scroll").region)
        console = Console(width=help_keys.region.width, record=True, file=io.StringIO())
        console.print(help_keys.content)
        texts = " ".join(console.export_text().split())
        for expected in ("Volgende aanvraag", "Score geven (0 tot 5)", "Motivatie schrijven", "Beoordeling indienen", "Stoppen"):
            assert expected in texts
        await pilot.press("escape")
        assert isinstance(app.screen, AssessmentScreen)
        # F1 works everywhere, also while writing a motivation (where ? is just a character)
        await pilot.press("m", "f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, AssessmentScreen)


async def test_command_palette_offers_the_same_actions(demo_data_dir, session):
    app = new_app(demo_data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        screen: AssessmentScreen = app.screen
        await pilot.press("ctrl+p", *keys_for("volgende a"))
        hits = app.screen.query_one(OptionList)
        await wait_until(pilot, lambda: hits.option_count and "Volgende aanvraag" in str(hits.get_option_at_index(0).prompt),
                         "the palette to offer 'Volgende aanvraag' first")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert screen.app_index == 1


async def test_key_widgets_are_visible_at_80x24(demo_data_dir, session):
    app = new_app(demo_data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        screen = app.screen
        bounds = screen.region
        assert bounds.width == 80 and bounds.height == 24
        for selector in (
            "#progress",
            "#app-list",
            "#app-heading",
            "#text-scroll",
            "#criteria-strip",
            "#criterion-heading",
            "#criterion-info",
            "#scale",
            "#motivation",
            "#save-status",
            "Footer",
        ):
            region = screen.query_one(selector).region
            assert region.area > 0, selector
            assert bounds.contains_region(region), selector
        assert screen.query_one("#text-scroll").region.height >= 5
        # every scale label is readable, each step on one line
        scale = screen.query_one("#scale", PackedLine)
        for step in session.criteria.scale.steps:
            assert f"{step.value} {step.label.nl}" in scale.plain
        assert scale.region.height <= 2
        # the footer names the main keys
        footer = footer_text(screen)
        for expected in ("n p Aanvraag", "Criterium", "0–5 Score", "m Motivatie", "Indienen", "Hulp", "Stoppen"):
            assert expected in footer
        # t gives the whole screen to the text, Esc brings the panel back
        await pilot.press("t")
        assert not screen.query_one(ScoringPanel).display
        assert screen.query_one("#text-scroll").region.width == 80
        await pilot.press("escape")
        assert screen.query_one(ScoringPanel).display
        first = session.applications[0]
        blocks = await shown_blocks(pilot)
        assert blocks[0] == ("MarkdownParagraph", first.title)
        assert ("MarkdownH2", first.sections[0].heading) in blocks  # a section heading, a block of its own


async def shown_blocks(pilot) -> list[tuple[str, str]]:
    """The application text's blocks as (kind, text), once Textual's Markdown has laid them out."""
    text = pilot.app.screen.query_one("#app-text", ApplicationText)
    for _ in range(50):  # the document is parsed off the event loop, then mounted
        if text.query("MarkdownH2"):
            break
        await pilot.pause()
    return [(type(block).__name__, str(block.content)) for block in text.query(MarkdownBlock)
            if type(block).__name__ in ("MarkdownParagraph", "MarkdownH2", "MarkdownBulletList")]


async def test_application_text_shows_headings_lists_and_emphasis(demo_data_dir, session):
    app = new_app(demo_data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        blocks = await shown_blocks(pilot)
        first = session.applications[0]
        assert blocks[0] == ("MarkdownParagraph", first.title)
        heading = first.sections[2].heading  # "3. Algemene doelstellingen", a list of bullets
        at = blocks.index(("MarkdownH2", heading))
        assert blocks[at + 1][0] == "MarkdownBulletList"
        assert not any("**" in text or text.startswith("## ") for _, text in blocks)
        text = app.screen.query_one("#app-text", ApplicationText)
        items = text.query("MarkdownBulletList").first().query("MarkdownParagraph")
        assert len(items) > 1 and all(str(item.content) for item in items)
        # the layout follows the width: the full-screen text (t) needs fewer lines
        height = text.size.height
        await pilot.press("t")
        await pilot.pause()
        assert text.size.height < height


async def test_application_text_from_a_file_is_never_markup(small_data_dir, small_session):
    """Square brackets in an application are text, not Textual markup or actions."""
    data = json_form(small_session)
    data["id"] = "vijandig"
    application = data["applications"][0]
    application["title"] = "[bold red]Titel[/] **geen vet**"
    application["sections"][0]["body"] = "Klik [@click=app.quit]hier[/] of [b]daar[/b]; *schuin*."
    session = TypeAdapter(SessionDefinition).validate_python(data)
    write_session(small_data_dir, session)
    app = JurorApp(small_data_dir, session, "j1")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        blocks = await shown_blocks(pilot)
        assert blocks[0] == ("MarkdownParagraph", "[bold red]Titel[/] **geen vet**")
        assert ("MarkdownParagraph", "Klik [@click=app.quit]hier[/] of [b]daar[/b]; schuin.") in blocks
        paragraph = next(block for block in app.screen.query("MarkdownParagraph") if "Klik" in str(block.content))
        await pilot.click(paragraph, offset=(6, 0))
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, AssessmentScreen)


async def test_scale_keys_follow_the_criteria_file(small_data_dir, small_session):
    """A 1–4 scale: digits 1–4 score, 0 and 5 do nothing, the footer says 1–4."""
    data = json_form(small_session)
    data["id"] = "klein-1-4"
    data["criteria"]["scale"] = {
        "min": 1,
        "max": 4,
        "steps": [{"value": value, "label": {"nl": f"stap {value}"}} for value in range(1, 5)],
    }
    session = TypeAdapter(SessionDefinition).validate_python(data)
    write_session(small_data_dir, session)
    app = JurorApp(small_data_dir, session, "j1")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        store = app.screen.store
        first, criterion = session.applications[0].id, session.criteria.criteria[0].id
        await pilot.press("5", "0")
        assert store.assessment(first).get(criterion).score is None
        await pilot.press("4")
        assert store.assessment(first).get(criterion).score == 4
        await pilot.pause()
        assert "1–4 Score" in footer_text(app.screen)


# --- errors and the picker ----------------------------------------------------------------------------
async def test_damaged_store_is_a_message_not_a_traceback(demo_data_dir, session):
    JurorStore(demo_data_dir, session, JUROR).declare_conflicts([])
    juror_file = demo_data_dir / "sessions" / SESSION_ID / "jurors" / JUROR / "juror.json"
    juror_file.write_text("{ kapot", encoding="utf-8")
    app = new_app(demo_data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, ErrorScreen)
        assert "juror.json" in visible_text(app.screen.query_one(".dialog-body", Static))
        await pilot.press("enter")
    assert app.return_code == 2
    assert juror_file.read_text(encoding="utf-8") == "{ kapot"


async def test_picker_without_sessions_says_so(tmp_path):
    app = PickerApp(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        message = visible_text(app.screen.query_one("#picker-message"))
        assert "Geen sessies gevonden" in message
        await pilot.press("q")
    assert app.return_code == 0


async def test_first_visit_builds_the_assessment_screen_only_after_the_conflicts(demo_data_dir, session):
    """The conflicts screen is the first screen on its own (a fast start); the assessment screen
    replaces it once the conflicts are saved, and says they were."""
    app = new_app(demo_data_dir, session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert isinstance(app.screen, ConflictsScreen)
        assert not any(isinstance(screen, AssessmentScreen) for screen in app.screen_stack)
        await pilot.press("enter")
        assert isinstance(app.screen, AssessmentScreen)
        assert not any(isinstance(screen, ConflictsScreen) for screen in app.screen_stack)
        assert app.screen.store.conflicts_declared
        assert any("bewaard" in message for message in notifications(app))
        await pilot.press("c")  # later visits: the conflicts screen over the assessment screen, Esc goes back
        assert isinstance(app.screen, ConflictsScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, AssessmentScreen)


async def test_first_visit_with_a_damaged_application_file_shows_the_problem(demo_data_dir, session):
    """The assessment screen is built after the conflicts are saved: a damaged file found then is
    shown as the app's error (naming the file), never a traceback, and the file is left as it was."""
    JurorStore(demo_data_dir, session, JUROR)  # the juror's folders
    damaged = demo_data_dir / "sessions" / session.id / "jurors" / JUROR / "applications" / f"{session.applications[0].id}.json"
    damaged.parent.mkdir(parents=True, exist_ok=True)
    damaged.write_bytes(b'{"_meta": {"1": {"kind": "juror"')
    app = new_app(demo_data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, ConflictsScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, ErrorScreen)
        assert damaged.name in app.screen.body_text
    assert damaged.read_bytes() == b'{"_meta": {"1": {"kind": "juror"'


async def test_picker_chooses_session_and_juror_then_assesses(demo_data_dir, session):
    write_session(demo_data_dir, dataclasses.replace(session, id="tweede-sessie"))
    app = PickerApp(demo_data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the first session: wvc-2021-demo ("tweede-sessie" sorts after it)
        jurors = app.screen.query_one("#juror-list")
        prompts = [str(jurors.get_option_at_index(i).prompt) for i in range(jurors.option_count)]
        assert prompts[0] == "Extern expert 1 – stemgerechtigd"
        assert any(prompt.endswith("adviserend") for prompt in prompts)
        await pilot.press("down", "enter")
        assert isinstance(app.screen, ConflictsScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, AssessmentScreen)
        assert app.screen.store.juror_id == "extern-2"


async def test_picker_can_open_on_a_given_session(demo_data_dir, session):
    write_session(demo_data_dir, dataclasses.replace(session, id="a-eerst"))
    app = PickerApp(demo_data_dir, session_id=SESSION_ID)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.session.id == SESSION_ID
        await pilot.press("escape")  # back to the sessions
        sessions = app.screen.query_one("#session-list")
        assert sessions.display and sessions.option_count == 2


HEAVY_MODULES = ("reportlab", "numpy")

SHOW_FIRST_TEXT = """
import sys
from pathlib import Path
from jury_tui.store.sessions import load_session
from jury_tui.ui.app import JurorApp

async def auto_pilot(pilot):
    await pilot.press("enter")  # past the conflicts screen, to the first application's text
    await pilot.pause()
    text = pilot.app.screen.query_one("#app-text")
    for _ in range(50):  # Textual's Markdown parses off the event loop, then mounts the blocks
        if text.query("MarkdownH2"):
            break
        await pilot.pause()
    assert text.query("MarkdownH2"), "no text shown"
    pilot.app.exit()

data_dir = Path(sys.argv[1])
JurorApp(data_dir, load_session(data_dir, sys.argv[2]), sys.argv[3]).run(
    headless=True, size=(80, 24), auto_pilot=auto_pilot)
"""


def test_ui_does_not_import_reportlab_or_numpy(demo_data_dir):
    """The start path stays light: no PDF or numeric libraries, neither at import nor when the
    session is loaded and the first application's text is shown."""
    code = "import jury_tui.ui.app, jury_tui.ui.screens.assessment, jury_tui.ui.widgets.application_text"
    assert loaded_modules(code, HEAVY_MODULES) == []
    assert loaded_modules(SHOW_FIRST_TEXT, HEAVY_MODULES, str(demo_data_dir), SESSION_ID, JUROR) == []


# --- start: the footer, the criterion's explanation, the collector ---------------------------------


def footer_keys(screen) -> list:
    """The footer's keys and group labels, left to right."""
    return sorted(screen.query_one(Footer).query("FooterKey, FooterLabel"), key=lambda widget: widget.region.x)


def footer_text(screen) -> str:
    """The footer as the juror reads it: "n p Aanvraag ↓ ↑ Criterium 0–5 Score …"."""
    parts = []
    for widget in footer_keys(screen):
        if type(widget).__name__ == "FooterKey":
            parts.append(f"{widget.key_display} {widget.description}".strip())
        else:
            parts.append(str(widget.content))
    return " ".join(parts)


def footer_key(screen, key: str):
    return next(widget for widget in footer_keys(screen) if type(widget).__name__ == "FooterKey" and widget.key == key)


async def test_footer_shows_the_keys_of_the_mode_the_juror_is_in(demo_data_dir, session):
    """The footer is complete on the first screen, and follows writing a motivation and leaving it."""
    JurorStore(demo_data_dir, session, JUROR).declare_conflicts([])
    app = new_app(demo_data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, AssessmentScreen)
        await pilot.pause()  # the footer fills itself in after the first refresh
        normal = footer_text(screen)
        assert "Motivatie" in normal and "Stoppen" in normal
        await pilot.press("m")
        assert isinstance(app.focused, MotivationArea)
        await pilot.pause()
        editing = footer_text(screen)
        assert editing != normal and "Motivatie" not in editing
        await pilot.press("escape")
        await pilot.pause()
        assert footer_text(screen) == normal


def test_criterion_explanation_wraps_points_under_their_own_text():
    from jury_tui.ui.widgets.scoring_panel import info_lines

    point = "een heel lang richtpunt dat zeker over meer dan een regel moet lopen bij deze smalle breedte"
    lines = [line.plain for line in info_lines(("Wat telt.", "Let op", (point, "kort")), 30)]
    assert lines[0] == "Wat telt." and lines[1] == "Let op"
    assert lines[2].startswith("• een heel lang")
    continued = lines[3:lines.index("• kort")]
    assert continued and all(line.startswith("  ") and not line.startswith("   ") for line in continued)
    assert " ".join(line.strip(" •") for line in lines[2:lines.index("• kort")]) == point
    assert all(len(line) <= 30 for line in lines)
    assert [line.plain for line in info_lines(("Alleen uitleg.", "", ()), 30)] == ["Alleen uitleg."]


async def test_a_click_on_a_key_in_the_footer_presses_it(demo_data_dir, session):
    JurorStore(demo_data_dir, session, JUROR).declare_conflicts([])
    app = new_app(demo_data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert footer_key(app.screen, "question_mark").tooltip == "Deze hulp tonen"  # the help line, on hover
        await pilot.click(footer_key(app.screen, "question_mark"))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        current = app.screen.current
        label = next(widget for widget in footer_keys(app.screen) if type(widget).__name__ == "FooterLabel")
        await pilot.click(label)  # a group's label: no key
        await pilot.pause()
        assert isinstance(app.screen, AssessmentScreen) and app.screen.current == current
        await pilot.click(footer_key(app.screen, "n"))  # n: the next application
        await pilot.pause()
        assert app.screen.current == session.applications[1]
