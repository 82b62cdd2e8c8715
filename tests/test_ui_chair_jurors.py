"""The jurors panel of the chair's detail screen, read as the chair sees it (Textual Pilot, keys).

Seven jurors of the demo session on one application: three voting jurors scored it with
motivations long enough to wrap, one declared a conflict, one did not hand in; one advisory member
scored it, the other did not hand in. The panel is read back from the lines it draws: per juror the
name (in the first 19 cells, wrapped when long), the score (3 cells) and the motivation (the rest).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.color import Color
from textual.geometry import Region
from textual.strip import Strip

from jury_tui.domain.assessment import ScoreChange
from jury_tui.domain.session import SessionDefinition
from jury_tui.formats.session_builder import (
    build_demo_session,
    build_session,
    demo_private_keys,
)
from jury_tui.i18n import t
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import write_session
from jury_tui.store.submitting import write_submission
from jury_tui.ui.chair.app import ChairApp
from jury_tui.ui.chair.screens.detail import DetailScreen
from jury_tui.ui.chair.widgets import NAME_WIDTH as NAME_CELLS
from jury_tui.ui.chair.widgets import SCORE_WIDTH, JurorTable, PanelScroll

SIZE = (80, 24)
APP = "wvc21-03"
SCORES = {"extern-1": 4, "extern-2": 2, "extern-3": 5, "vlaams-1": 3}  # on every criterion
CONFLICTED = "extern-4"
ADVISORY_NAMES = ("Vlaamse overheid – adviseur 1", "Vlaamse overheid – adviseur 2")
NAME_WIDTH = NAME_CELLS + 1  # the name and the space after it
MOTIVATION_START = NAME_WIDTH + SCORE_WIDTH + 1


def motivation(juror_id: str, criterion_id: str) -> str:
    return (f"{juror_id} over {criterion_id}: de aanvraag legt goed uit hoe de bewoners mee beslissen over "
            f"het plan en over de uitvoering ervan, wijk per wijk.")


def drawn(detail: DetailScreen) -> list[Strip]:
    """Every line the jurors' table draws (also those scrolled out of view)."""
    table = detail.query_one("#jurors", JurorTable)
    return table.render_lines(Region(0, 0, *table.size))


def panel_lines(detail: DetailScreen) -> list[str]:
    """The table's lines as text, without the blanks at their ends."""
    return [strip.text.rstrip() for strip in drawn(detail)]


def visible_lines(detail: DetailScreen) -> list[str]:
    """The lines the panel shows on screen now."""
    panel = detail.query_one("#jurors-panel", PanelScroll)
    top = panel.scroll_offset.y
    return panel_lines(detail)[top:top + panel.scrollable_content_region.height]


def juror_rows(lines: list[str]) -> dict[str, tuple[str, str]]:
    """Per juror name: (score, motivation) as drawn; a row starts on a line with a score, a name or
    motivation that wraps goes on in the next lines (read back with a space where it was wrapped)."""
    rows: list[list[str]] = []
    current: list[str] | None = None
    for line in lines:
        name, score, text = line[:NAME_WIDTH].strip(), line[NAME_WIDTH:MOTIVATION_START].strip(), line[MOTIVATION_START:].strip()
        if line.strip() == t("chair.ui.detail.advisory"):
            current = None
        elif score:
            current = [name, score, text]
            rows.append(current)
        elif current is not None and (name or text):
            current[0] = f"{current[0]} {name}".strip()
            current[2] = f"{current[2]} {text}".strip()
        else:
            current = None
    return {name: (score, text) for name, score, text in rows}


def hand_in(store: JurorStore, chair: ChairStore, folder: Path) -> None:
    """The juror's file, written and imported by the chair."""
    path = folder / f"{store.juror_id}.json"
    write_submission(store, path, allow_incomplete=True)
    chair.import_submission(path)


@pytest.fixture
def chair_data(tmp_path: Path) -> tuple[Path, SessionDefinition]:
    session = build_demo_session()
    data_dir = tmp_path / "data"
    write_session(data_dir, session, demo_private_keys(session))
    chair = ChairStore(data_dir, session)
    for juror_id, score in SCORES.items():
        store = JurorStore(data_dir, session, juror_id)
        store.declare_conflicts([])
        store.apply_batch([ScoreChange(APP, criterion.id, score, motivation(juror_id, criterion.id))
                           for criterion in session.criteria.criteria], "test")
        hand_in(store, chair, tmp_path)
    store = JurorStore(data_dir, session, CONFLICTED)
    store.declare_conflicts([APP])
    hand_in(store, chair, tmp_path)
    return data_dir, session


async def open_detail(pilot, session, criterion_column: int = 1) -> DetailScreen:
    """From the overview: down to the application, right to the criterion, Enter."""
    row = [application.id for application in session.applications].index(APP)
    await pilot.pause()
    await pilot.press(*["down"] * row, *["right"] * criterion_column, "enter")
    await pilot.pause()
    detail = pilot.app.screen
    assert isinstance(detail, DetailScreen) and detail.application_id == APP
    return detail



async def test_each_juror_shows_name_score_and_motivation(chair_data):
    data_dir, session = chair_data
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        detail = await open_detail(pilot, session)
        criterion = detail.criterion_id
        assert criterion == session.criteria.criteria[0].id
        rows = juror_rows(panel_lines(detail))
        expected = {session.juror(juror_id).name: (str(score), motivation(juror_id, criterion))
                    for juror_id, score in SCORES.items()}
        expected[session.juror(CONFLICTED).name] = ("⊘", t("chair.ui.detail.juror_conflict"))
        expected[session.juror("extern-5").name] = ("·", t("chair.ui.detail.juror_not_submitted"))
        expected[session.juror("vlaams-2").name] = ("·", t("chair.ui.detail.juror_not_submitted"))
        assert rows == expected
        # Voting members in the session's order, then the advisory ones.
        assert list(rows) == [juror.name for juror in session.jurors]


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_motivations_and_long_names_wrap_in_their_columns(chair_data, size):
    data_dir, session = chair_data
    app = ChairApp(data_dir, session)
    async with app.run_test(size=size) as pilot:
        detail = await open_detail(pilot, session)
        width = detail.query_one("#jurors", JurorTable).size.width
        assert width == size[0] - 2 - 1  # the page's padding, the scrollbar (its place kept when all fit)
        lines = panel_lines(detail)
        assert all(len(line) <= width for line in lines)
        first = motivation("extern-1", detail.criterion_id)
        start = next(index for index, line in enumerate(lines) if line.startswith("Extern expert 1"))
        # The motivation goes on under itself, beside an empty name and score column, in whole words.
        assert lines[start][MOTIVATION_START:] == first[:len(lines[start]) - MOTIVATION_START]
        assert lines[start + 1][:MOTIVATION_START].strip() == "" and lines[start + 1][MOTIVATION_START:]
        assert len(lines[start]) > width - 12  # filled up to near the edge before wrapping
        end = next(index for index, line in enumerate(lines) if index > start and line[:MOTIVATION_START].strip())
        assert " ".join(line[MOTIVATION_START:].strip() for line in lines[start:end]) == first
        # A name longer than its 18 cells wraps within them, beside its score and motivation.
        advisory = next(index for index, line in enumerate(lines) if line.startswith("Vlaamse overheid"))
        assert lines[advisory][:NAME_WIDTH] == "Vlaamse overheid – "
        assert lines[advisory + 1][:NAME_WIDTH].rstrip() == "adviseur 1"
        assert lines[advisory][NAME_WIDTH:MOTIVATION_START].strip() == str(SCORES["vlaams-1"])

        # A narrower terminal: the motivations wrap again to the new width.
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        narrow = panel_lines(detail)
        assert detail.query_one("#jurors", JurorTable).size.width == 60 - 2 - 1
        assert all(len(line) <= 57 for line in narrow) and len(narrow) > len(lines)
        assert juror_rows(narrow) == juror_rows(lines)


async def test_advisory_heading_between_voting_and_advisory_members(chair_data):
    data_dir, session = chair_data
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        detail = await open_detail(pilot, session)
        lines = panel_lines(detail)
        heading = lines.index(t("chair.ui.detail.advisory"))
        last_voting = max(index for index, line in enumerate(lines) if line.startswith("Extern expert 5"))
        first_advisory = lines.index(next(line for line in lines if line.startswith("Vlaamse overheid")))
        assert last_voting < heading < first_advisory
        assert lines[heading - 1] == "" and heading == first_advisory - 1


def small_call(small_inputs, tmp_path: Path, motivation_text: str) -> tuple[Path, SessionDefinition]:
    """Two voting jurors and no advisory members; j1 scored a1 on 'inhoud', j2 did not hand in."""
    voting_only = "\n".join(
        f'[[jurors]]\nid = "j{number}"\nname = "Extern expert {number}"\nrole = "voting"\n' for number in (1, 2))
    small_inputs.jurors.write_text(voting_only, encoding="utf-8")
    session, keys = build_session("klein", small_inputs.criteria, small_inputs.applications, small_inputs.jurors, 1_500_000)
    data_dir = tmp_path / "data"
    write_session(data_dir, session, keys)
    store = JurorStore(data_dir, session, "j1")
    store.declare_conflicts([])
    store.apply_batch([ScoreChange("a1", "inhoud", 3, motivation_text)], "test")
    hand_in(store, ChairStore(data_dir, session), tmp_path)
    return data_dir, session


async def test_no_advisory_heading_without_advisory_members(small_inputs, tmp_path):
    data_dir, session = small_call(small_inputs, tmp_path, "Sterk.")
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("right", "enter")
        await pilot.pause()
        lines = panel_lines(app.screen)
        assert t("chair.ui.detail.advisory") not in "\n".join(lines)
        assert lines == ["Extern expert 1    3  Sterk.", "Extern expert 2    ·  " + t("chair.ui.detail.juror_not_submitted")]


async def test_a_motivation_is_shown_as_written_never_as_markup(small_inputs, tmp_path):
    written = "[bold red]Sterk[/] plan, [link=https://x.be]zie[/link] $text-error :smile: \\[1]"
    data_dir, session = small_call(small_inputs, tmp_path, written)
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("right", "enter")
        await pilot.pause()
        assert juror_rows(panel_lines(app.screen))["Extern expert 1"] == ("3", written)
        first = drawn(app.screen)[0]
        assert first.text.startswith("Extern expert 1    3  [bold red]Sterk[/] plan")
        text = [segment for segment in first if segment.text.strip() and "Sterk" in segment.text]
        assert text and not any(segment.style.bold or segment.style.link for segment in text)


async def test_page_down_scrolls_to_later_jurors_and_a_new_page_starts_at_the_top(chair_data):
    data_dir, session = chair_data
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        detail = await open_detail(pilot, session)
        panel = detail.query_one("#jurors-panel", PanelScroll)
        last = ADVISORY_NAMES[1]
        assert visible_lines(detail)[0].startswith("Extern expert 1")
        assert last not in juror_rows(visible_lines(detail))
        for _ in range(3):
            await pilot.press("pagedown")
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
        assert panel.scroll_offset.y > 0
        assert juror_rows(visible_lines(detail))[last] == ("·", t("chair.ui.detail.juror_not_submitted"))
        assert not any(line.startswith("Extern expert 1") for line in visible_lines(detail))
        await pilot.press("pageup")
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert panel.scroll_offset.y < panel.max_scroll_y
        # The next criterion starts at the first juror again; the keys stay the screen's.
        await pilot.press("pagedown", "down")
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        assert panel.scroll_offset.y == 0 and visible_lines(detail)[0].startswith("Extern expert 1")
        assert detail.focused is None and not panel.can_focus


async def test_next_criterion_and_next_application_show_their_motivations(chair_data):
    data_dir, session = chair_data
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        detail = await open_detail(pilot, session)
        first, second = (criterion.id for criterion in session.criteria.criteria[:2])
        assert juror_rows(panel_lines(detail))["Extern expert 2"] == ("2", motivation("extern-2", first))
        await pilot.press("down")
        await pilot.pause()
        assert detail.criterion_id == second
        rows = juror_rows(panel_lines(detail))
        assert rows["Extern expert 2"] == ("2", motivation("extern-2", second))
        assert rows[ADVISORY_NAMES[0]] == ("3", motivation("vlaams-1", second))
        assert not any(first in line for line in panel_lines(detail))
        await pilot.press("up")
        await pilot.pause()
        assert juror_rows(panel_lines(detail))["Extern expert 3"] == ("5", motivation("extern-3", first))
        # The next application: nobody scored it; those who handed in show no score and no motivation.
        await pilot.press("n")
        await pilot.pause()
        assert detail.application_id != APP
        rows = juror_rows(panel_lines(detail))
        assert rows["Extern expert 1"] == ("–", t("chair.ui.detail.juror_no_motivation"))
        assert rows[session.juror(CONFLICTED).name] == ("–", t("chair.ui.detail.juror_no_motivation"))
        assert rows["Extern expert 5"] == ("·", t("chair.ui.detail.juror_not_submitted"))


async def test_columns_are_drawn_in_their_styles(chair_data):
    """The name muted, the score bold, the conflict in the error colour."""
    data_dir, session = chair_data
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        detail = await open_detail(pilot, session)

        def style_at(text: str, column: int):
            line = next(strip for strip in drawn(detail) if strip.text.startswith(text))
            x = 0
            for segment in line:
                if x <= column < x + len(segment.text):
                    return segment.style
                x += len(segment.text)
            raise AssertionError(f"nothing drawn at {column}")

        def rgb(variable: str) -> tuple[int, int, int]:
            return Color.parse(app.theme_variables[variable]).rgb

        name, score, text = (style_at("Extern expert 1", column) for column in (0, NAME_WIDTH, MOTIVATION_START))
        assert name.color.triplet != text.color.triplet and not name.bold and not text.bold and score.bold
        assert text.color.triplet == rgb("foreground")
        for column in (NAME_WIDTH, MOTIVATION_START):
            assert style_at("Extern expert 4", column).color.triplet == rgb("text-error")
