"""What the juror and the chair see, screen by screen, locked as SVG snapshots (pytest-textual-snapshot).

Each screen is reached by keys from the app's start, at 80×24 and 120×36, in Dutch and in English,
on the built-in demo session; the chair's with the illustrative scores of `jury-tui demo --filled`.
Nothing that changes from run to run reaches the screen: no clock (nothing is saved on the way),
no temporary path (see CHAIR_DATA), no random (the demo scores have a fixed seed).

A changed screen fails here; docs/testing.md says how to look at the difference and accept it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import wait_until

from jury_tui.i18n import language, set_language, t
from jury_tui.store.demo_scores import fill_demo_scores
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import load_session
from jury_tui.ui.app import JurorApp
from jury_tui.ui.chair.app import ChairApp
from jury_tui.ui.chair.screens.export import ExportDialog

DEMO = "wvc-2021-demo"
JUROR = "extern-1"
SIZES = {"80x24": (80, 24), "120x36": (120, 36)}
LANGUAGES = ("nl", "en")

# The review's yes: j in Dutch, y in English (only the yes of the language submits).
YES = "<yes>"
# screen -> the keys that lead there from the app's first screen
JUROR_SCREENS = {
    "conflicts": ("down", "space"),  # the first visit, one application marked
    "assessment": (),  # a juror who declared the conflicts before comes back to the first application
    "help": ("question_mark",),
    "submit": ("s",),  # nothing scored yet: the review lists all 20 (scrolls), Enter does not submit
    "submitted": ("5", "s", YES, "enter"),  # the top bar: "ingediend op … (nr. 1)" (a fixed clock, see frozen_clock)
    "submitted_then_changed": ("5", "s", YES, "enter", "4"),  # the top bar warns: changed since submitting
    "editor": ("e",),  # the first criterion's motivation on the whole screen, still empty
    "notes": ("a",),  # the private note on the first application, still empty
    "search": ("slash", *"wijk", "enter"),  # the first of the matches in the text, the others marked
    "conflict_hides_scores": ("3", "c", "space", "enter"),  # a conflict on the scored application: asked first
    "my_scores": ("o",),  # with the scores of save_some_scores
    # With SCORED_FIRST (below): back up to the scored criterion, its meaning under the scale and a long
    # motivation shown from its start; then with i the whole question and every level's meaning.
    "scored": ("up",),
    "info": ("up", "i"),
}
# Screens that start with the first application's first criterion scored 3 with a long motivation
# (through the store, before the app starts: no clock on the screen).
SCORED_FIRST = {"scored", "info"}
LONG_MOTIVATION = {
    "nl": "De analyse van de wijk steunt op cijfers en op gesprekken met bewoners. " * 6,
    "en": "The analysis of the neighbourhood rests on figures and on talks with residents. " * 6,
}
CHAIR_SCREENS = {
    "overview": (),
    "detail": ("enter",),  # the first application, at the first criterion
    "decision": ("enter", *["down"] * 7),  # the first application's decision page (7 criteria)
    "ranking": ("b",),
    "calibration": ("k",),
    "export": ("x",),
    "budget": ("b", "g"),
    "scenarios": ("b", "c", *"4000000", "space", *"7600000", "enter"),
    "meeting": ("b", "m"),
    "government": ("b", "r"),
}

# The export dialog shows the end of the data folder's absolute path (its last 63 characters, after
# '…'). A data folder with a name this long shows only its own name there, wherever tmp_path is.
CHAIR_DATA = "demo-data-in-a-folder-whose-name-fills-the-export-dialogs-folder-line"


def save_some_scores(store: JurorStore) -> None:
    """For "my_scores": two applications complete, one with a motivation missing, one with a score
    missing, one conflicted, the rest not started."""
    from jury_tui.domain.assessment import ScoreChange

    applications, criteria = store.session.applications, store.session.criteria.criteria
    store.declare_conflicts([applications[3].id])
    rows = {0: [3, 4, 2, 3, 4, 3, 3], 1: [5, 4, 4, 5, 4, 5, 4], 2: [2, 3, 3, 2, 1, 2, 2], 4: [4, 4, 3, None, 4, 3, 4]}
    store.apply_batch([ScoreChange(applications[index].id, criterion.id, score, "" if (index, number) == (2, 1) else "m")
                       for index, row in rows.items() for number, (criterion, score) in enumerate(zip(criteria, row))
                       if score is not None], reason="")
def frozen_clock(monkeypatch, data_dir: Path) -> None:
    """The juror's screens after a save or a submission: the clock they show is fixed (a day long
    past, so the date shows), and paths are shown from the data folder's parent (as a juror's own folder)."""
    import datetime as dt

    from jury_tui.store import submitting
    from jury_tui.ui.screens import assessment

    moment = dt.datetime(2026, 3, 4, 14, 32, 5).astimezone()

    class FixedDatetime(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return moment if tz is None else moment.astimezone(tz)

    monkeypatch.setattr(submitting, "now", lambda: moment)
    monkeypatch.setattr(assessment, "dt", type("dt", (), {"datetime": FixedDatetime}))
    monkeypatch.chdir(data_dir.parent)


@pytest.fixture(params=LANGUAGES)
def lang(request) -> str:
    """The language of every text, set before the data are made (the demo motivations are written in it)."""
    previous = language()
    set_language(request.param)
    yield request.param
    set_language(previous)


sizes = pytest.mark.parametrize("size", list(SIZES.values()), ids=list(SIZES))


@sizes
@pytest.mark.parametrize("screen", list(JUROR_SCREENS))
def test_juror_screen(screen, size, lang, demo_data_dir, snap_compare, monkeypatch):
    frozen_clock(monkeypatch, demo_data_dir)
    session = load_session(demo_data_dir, DEMO)
    if screen == "my_scores":
        save_some_scores(JurorStore(demo_data_dir, session, JUROR))
    elif screen != "conflicts":
        JurorStore(demo_data_dir, session, JUROR).declare_conflicts([])
    if screen in SCORED_FIRST:
        store = JurorStore(demo_data_dir, session, JUROR)
        first = session.applications[0].id
        store.set_score(first, "maatwerk", 3)
        store.set_motivation(first, "maatwerk", LONG_MOTIVATION[lang].strip())

    async def run_before(pilot) -> None:
        await pilot.press(*(t("ui.dialog.yes_key") if key == YES else key for key in JUROR_SCREENS[screen]))

    assert snap_compare(JurorApp(demo_data_dir, session, JUROR), terminal_size=size, run_before=run_before)


@pytest.fixture
def chair_data_dir(demo_data_dir: Path, lang: str) -> Path:
    """The demo session with every juror's illustrative scores imported, as `jury-tui demo --filled` leaves it."""
    data_dir = demo_data_dir.with_name(CHAIR_DATA)
    demo_data_dir.rename(data_dir)
    fill_demo_scores(data_dir, load_session(data_dir, DEMO))
    return data_dir


@sizes
@pytest.mark.parametrize("screen", list(CHAIR_SCREENS))
def test_chair_screen(screen, size, chair_data_dir, snap_compare):
    async def run_before(pilot) -> None:
        await pilot.press(*CHAIR_SCREENS[screen])
        dialog = pilot.app.screen
        if isinstance(dialog, ExportDialog):
            await wait_until(pilot, lambda: dialog.missing is not None or dialog.check_error is not None,
                             "the export dialog to count what is missing")

    app = ChairApp(chair_data_dir, load_session(chair_data_dir, DEMO))
    assert snap_compare(app, terminal_size=size, run_before=run_before)
