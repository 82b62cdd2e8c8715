"""Searching the application's text on the assessment screen (/, Enter, ↓ ↑, F3, Esc), driven by keys
at 80×24; and the matching itself, without case or accents."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import wait_until

from jury_tui.domain.session import SessionDefinition
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import load_session
from jury_tui.ui.app import JurorApp
from jury_tui.ui.screens.assessment import AssessmentScreen, TextScroll
from jury_tui.ui.widgets.application_text import ApplicationText
from jury_tui.ui.widgets.scoring_panel import MotivationArea
from jury_tui.ui.widgets.text_search import (
    CURRENT_STYLE,
    OTHER_STYLE,
    SearchBar,
    SearchInput,
    find_all,
    folded,
)

SIZE = (80, 24)
SESSION_ID = "wvc-2021-demo"
JUROR = "extern-1"
# In the demo's first application (Antwerpen – Deurne-Noord), counted by hand in 01-antwerpen.md:
# "jongeren" 11 times (Jongeren, jongeren), "stadsmarinier" 5 times, "één spoor" once.
JONGEREN = 11


# --- matching -------------------------------------------------------------------------------------


def test_folding_drops_case_and_accents_and_keeps_positions():
    assert folded("Crèche Één") == ("creche een", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    assert folded("Straße")[0] == "strasse"  # one letter, two folded: both point back at it
    assert folded("a\nb")[0] == "a b"
    assert folded("Deurne-Noord  –  Oost") == ("deurne noord oost", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 17, 18, 19, 20])


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        ("Molenbeek en molenbeek", "Molenbeek", [(0, 9), (13, 22)]),
        ("Molenbeek", "molenbeek", [(0, 9)]),
        ("de crèche en de CRECHE", "creche", [(3, 9), (16, 22)]),
        ("voor één spoor", "EEN SPOOR", [(5, 14)]),
        ("aaaa", "aa", [(0, 2), (2, 4)]),  # not overlapping
        ("Straße", "strasse", [(0, 6)]),
        ("Deurne-Noord", "  noord ", [(7, 12)]),  # spaces around the words do not count
        ("Deurne-Noord", "Zuid", []),
        ("in Deurne-Noord.", "deurne noord", [(3, 15)]),
        ("in Deurne Noord.", "DEURNE-NOORD", [(3, 15)]),
        ("in Deurne\n   Noord.", "deurne noord", [(3, 18)]),
        ("Deurne-Noord", "   ", []),
    ],
)
def test_find_all(text, query, expected):
    assert find_all(text, query) == expected


# --- on the assessment screen -----------------------------------------------------------------------


@pytest.fixture
def session(demo_data_dir: Path) -> SessionDefinition:
    session = load_session(demo_data_dir, SESSION_ID)
    JurorStore(demo_data_dir, session, JUROR).declare_conflicts([])  # straight to the first application
    return session


async def open_app(pilot) -> AssessmentScreen:
    screen = pilot.app.screen
    assert isinstance(screen, AssessmentScreen)
    text = screen.query_one("#app-text", ApplicationText)
    await wait_until(pilot, lambda: text.laid_out and text.query("MarkdownH2"), "the application's text laid out")
    return screen


def count_text(screen) -> str:
    return str(screen.query_one("#search-count").render())


def current_block_text(screen) -> str:
    bar = screen.query_one(SearchBar)
    match = bar.matches[bar.current]
    return str(match.block.content)[match.start: match.end]


def visible(screen, match) -> bool:
    """The match's line is inside the scrolled text's window."""
    bar = screen.query_one(SearchBar)
    scroll = screen.query_one(TextScroll)
    line = bar._line_of(match)
    return scroll.scroll_y <= line < scroll.scroll_y + scroll.scrollable_content_region.height


async def search(pilot, words: str) -> None:
    await pilot.press("slash", *["space" if char == " " else char for char in words], "enter")


async def test_slash_finds_every_match_and_steps_through_them(demo_data_dir, session):
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_app(pilot)
        bar = screen.query_one(SearchBar)
        assert not bar.display  # closed: no room taken, no keys taken
        await pilot.press("slash")
        assert bar.display and isinstance(app.focused, SearchInput)
        await pilot.press(*"JONGEREN", "enter")
        assert count_text(screen) == f"1/{JONGEREN}"
        assert current_block_text(screen).lower() == "jongeren"
        assert visible(screen, bar.matches[0])
        # every match highlighted, the current one more strongly
        first_block = bar.matches[0].block
        styles = [str(span.style) for span in first_block.content.spans]
        assert CURRENT_STYLE in styles
        assert sum(str(span.style) == OTHER_STYLE for block in {m.block for m in bar.matches}
                   for span in block.content.spans) == JONGEREN - 1

        await pilot.press("down")
        assert count_text(screen) == f"2/{JONGEREN}"
        await pilot.press("enter")
        assert count_text(screen) == f"3/{JONGEREN}"
        assert visible(screen, bar.matches[2])
        await pilot.press("up", "up", "up")  # back past the first: wraps to the last, and says so
        assert count_text(screen) == f"{JONGEREN}/{JONGEREN} · weer van onder"
        assert visible(screen, bar.matches[-1])
        await pilot.press("down")
        assert count_text(screen) == f"1/{JONGEREN} · weer van boven"


async def test_esc_closes_keeps_the_place_and_gives_the_keys_back(demo_data_dir, session):
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_app(pilot)
        scroll = screen.query_one(TextScroll)
        await search(pilot, "stadsmarinier")
        await pilot.press("enter", "enter")
        assert count_text(screen) == "3/5"
        place = scroll.scroll_y
        assert place > 0
        await pilot.press("escape")
        bar = screen.query_one(SearchBar)
        assert not bar.display and app.focused is None
        assert scroll.scroll_y == place  # the text stays where the search left it
        await pilot.press("3")  # the juror's keys are theirs again: 3 scores
        assert screen.store.assessment(screen.current.id).get(screen.current_criterion_id).score == 3
        await pilot.press("f3")  # F3 goes on with the last search, with the field closed
        assert count_text(screen) == "4/5" and not bar.display
        await pilot.press("shift+f3", "f15")  # f15: what xterm and tmux send for shift+F3 (ESC [1;2R)
        assert count_text(screen) == "2/5"
        await pilot.press("slash")  # reopened: the last words, selected, so typing replaces them
        field = screen.query_one(SearchInput)
        assert field.value == "stadsmarinier" and field.selected_text == "stadsmarinier"


async def test_the_search_field_takes_the_typing_and_never_the_motivation(demo_data_dir, session):
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_app(pilot)
        first = screen.current.id
        await pilot.press("slash", *"n3ms", "backspace", "backspace", "backspace", "backspace")
        assert screen.current.id == first  # n did not go to the next application
        assert screen.store.assessment(first).scores == {}  # 3 did not score
        assert screen.query_one(MotivationArea).text == ""  # m did not open the motivation
        assert isinstance(app.focused, SearchInput)
        await pilot.press(*"xyzzy", "enter")  # no match: said in the bar, the text stays where it was
        assert count_text(screen) == "geen treffer voor 'xyzzy'"
        assert screen.query_one(TextScroll).scroll_y == 0
        await pilot.press("escape")
        # while writing a motivation, / is a slash in the text, not a search
        await pilot.press("m", *"a/b")
        assert isinstance(app.focused, MotivationArea)
        assert screen.query_one(MotivationArea).text == "a/b"
        assert not screen.query_one(SearchBar).display


async def test_accents_and_case_do_not_count_and_another_application_is_searched_anew(demo_data_dir, session):
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_app(pilot)
        await search(pilot, "EEN SPOOR")
        assert count_text(screen) == "1/1"
        assert current_block_text(screen) == "één spoor"
        await pilot.press("escape", "n")  # the next application: the old matches are gone
        await open_app(pilot)
        await pilot.press("f3")
        assert count_text(screen) == "geen treffer voor 'EEN SPOOR'"


async def test_search_first_match_is_after_what_the_juror_reads(demo_data_dir, session):
    """Enter finds the first match from the top of the window, not from the start of the text."""
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_app(pilot)
        scroll = screen.query_one(TextScroll)
        await pilot.press("pagedown", "pagedown", "pagedown")
        top = scroll.scroll_y
        await search(pilot, "jongeren")
        bar = screen.query_one(SearchBar)
        assert bar.current > 0
        assert bar._line_of(bar.matches[bar.current]) >= top > bar._line_of(bar.matches[bar.current - 1])


async def test_while_searching_pagedown_scrolls_the_text_and_the_footer_shows_the_fields_keys(demo_data_dir, session):
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_app(pilot)
        scroll = screen.query_one(TextScroll)
        await pilot.press("slash", "pagedown")
        await pilot.pause()
        assert scroll.scroll_y > 0 and isinstance(app.focused, SearchInput)
        shown = {binding.action for _, binding, enabled, _ in screen.active_bindings.values() if enabled and binding.show}
        assert {"match_next", "match_previous", "close_search"} <= shown
        assert not shown & {"submit", "next_application", "score", "edit_motivation"}  # those letters are typed
