"""The juror's own work as a whole, driven by keys (Textual Pilot, 80×24): "Mijn scores" (o) with
its marks, totals, sorting and Enter to a cell; undo of score changes (u, ctrl+z); n on the last
application and p on the first."""

from __future__ import annotations

from pathlib import Path

import pytest

from jury_tui.domain.assessment import ScoreChange
from jury_tui.domain.session import SessionDefinition
from jury_tui.i18n import set_language
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import load_session
from jury_tui.ui.app import JurorApp
from jury_tui.ui.screens.assessment import AssessmentScreen
from jury_tui.ui.screens.help import HelpScreen
from jury_tui.ui.screens.my_scores import MyScoresScreen
from jury_tui.ui.widgets.scoring_panel import MotivationArea

SIZE = (80, 24)
SESSION_ID = "wvc-2021-demo"
JUROR = "extern-1"


@pytest.fixture
def session(demo_data_dir: Path) -> SessionDefinition:
    return load_session(demo_data_dir, SESSION_ID)


def save_scores(data_dir: Path, session: SessionDefinition, scores: dict[int, list], conflict: int | None = None) -> None:
    """Per application index the scores per criterion (None: no score; "4!": 4 without motivation)."""
    store = JurorStore(data_dir, session, JUROR)
    store.declare_conflicts([session.applications[conflict].id] if conflict is not None else [])
    changes = []
    for index, row in scores.items():
        application = session.applications[index]
        for criterion, value in zip(session.criteria.criteria, row):
            if value is None:
                continue
            bare = isinstance(value, str)
            score = int(value.rstrip("!")) if bare else value
            changes.append(ScoreChange(application.id, criterion.id, score, "" if bare else f"m {score}"))
    store.apply_batch(changes, reason="test")


# Hand-worked: totals A0 21, A1 29 (its second criterion without motivation), A2 21 (a tie with
# A0), A3 conflicted, A4 one score only (no total), A5… nothing.
SCORES = {
    0: [3, 3, 3, 3, 3, 3, 3],
    1: [5, "4!", 4, 4, 4, 4, 4],
    2: [1, 5, 3, 3, 3, 3, 3],
    4: [5, None, None, None, None, None, None],
}
CONFLICT = 3


def order(screen: MyScoresScreen) -> list[str]:
    return [str(row.key.value) for row in screen.table.ordered_rows]


def ids(session: SessionDefinition, *indexes: int) -> list[str]:
    return [session.applications[index].id for index in indexes]


def cell(screen: MyScoresScreen, application_id: str, column: str) -> str:
    return screen.table.get_cell(application_id, column).plain


def notifications(app) -> list[str]:
    return [notification.message for notification in app._notifications]


async def open_my_scores(pilot) -> MyScoresScreen:
    await pilot.press("o")
    screen = pilot.app.screen
    assert isinstance(screen, MyScoresScreen)
    return screen


# --- Mijn scores ----------------------------------------------------------------------------------
async def test_my_scores_shows_scores_marks_totals_and_conflicts(demo_data_dir, session):
    save_scores(demo_data_dir, session, SCORES, CONFLICT)
    criteria = session.criteria.criterion_ids
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        assessment: AssessmentScreen = app.screen
        # it resumes at A1 (in progress), criterion 2 (the missing motivation)
        assert (assessment.app_index, assessment.crit_index) == (1, 1)
        screen = await open_my_scores(pilot)
        a0, a1, a2, a3, a4, a5 = ids(session, 0, 1, 2, 3, 4, 5)
        assert order(screen) == [application.id for application in session.applications]
        assert [cell(screen, a0, criterion) for criterion in criteria] == ["3"] * 7
        assert [cell(screen, a1, criterion) for criterion in criteria] == ["5", "4!", "4", "4", "4", "4", "4"]
        assert [cell(screen, a4, criterion) for criterion in criteria] == ["5"] + ["–"] * 6
        assert [cell(screen, a3, criterion) for criterion in criteria] == [""] * 7
        assert [cell(screen, aid, "total") for aid in (a0, a1, a2, a3, a4, a5)] == ["21", "29", "21", "⊘", "–", "–"]
        assert cell(screen, a0, "application").startswith("● Antwerpen – Deurne-Noor…")
        assert cell(screen, a1, "application").startswith("◐ ")
        assert cell(screen, a3, "application").startswith("⊘ ")
        # the cursor starts on the juror's cell; the line under the table says it in words
        assert screen.table.cursor_coordinate == (1, 2)
        line = screen.cell_words()
        assert "Vernieuwend instrumentarium: 4 (" in line and "motivatie ontbreekt" in line
        status = str(screen.query_one("#my-scores-status").render())
        assert status.startswith(f"2 van {len(session.applications) - 1} beoordeeld")
        assert "4! motivatie ontbreekt" in status
        await pilot.press("escape")
        assert app.screen is assessment
        assert (assessment.app_index, assessment.crit_index) == (1, 1)  # Esc goes nowhere
        await pilot.press("o", "o")  # o opens and closes
        assert app.screen is assessment


async def test_my_scores_sorts_by_total_and_by_criterion(demo_data_dir, session):
    save_scores(demo_data_dir, session, SCORES, CONFLICT)
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_my_scores(pilot)
        rest = ids(session, 4, *range(5, len(session.applications)))  # no total, in the list's order
        await pilot.press("t")  # highest first; the tie A0 = A2 in the list's order; conflicts last
        assert order(screen) == ids(session, 1, 0, 2) + rest + ids(session, CONFLICT)
        assert screen.table.cursor_row == 0
        assert "gesorteerd op Totaal, hoogste eerst" in str(screen.query_one("#my-scores-title").render())
        await pilot.press("t")  # again: lowest first; the tie still in the list's order, the unknown still after
        assert order(screen) == ids(session, 0, 2, 1) + rest + ids(session, CONFLICT)

        await pilot.press("home", "right", "s")  # the first criterion: 5, 5, 3, 1; ties in the list's order
        no_score = ids(session, *range(5, len(session.applications)))
        assert order(screen) == ids(session, 1, 4, 0, 2) + no_score + ids(session, CONFLICT)
        assert str(screen.table.ordered_columns[1].label).endswith("▼")
        await pilot.press("s")
        assert order(screen) == ids(session, 2, 0, 1, 4) + no_score + ids(session, CONFLICT)
        assert str(screen.table.ordered_columns[1].label).endswith("▲")

        await pilot.press("home", "s")  # the label column: back to the list's order
        assert order(screen) == [application.id for application in session.applications]
        assert "in de volgorde van de lijst" in str(screen.query_one("#my-scores-title").render())

        await pilot.click(screen.table, offset=(80 - 6, 0))  # a click on the total's header
        assert order(screen)[:3] == ids(session, 1, 0, 2)


async def test_enter_on_a_cell_goes_to_that_application_and_criterion(demo_data_dir, session):
    save_scores(demo_data_dir, session, SCORES, CONFLICT)
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        assessment: AssessmentScreen = app.screen
        await pilot.press("t")  # t maximises the text on the assessment screen …
        assert assessment.has_class("-text-max")
        await open_my_scores(pilot)
        await pilot.press("t", "down", "down", "right", "right", "enter")  # … and sorts here: A2, criterion 4
        assert app.screen is assessment
        assert assessment.current.id == session.applications[2].id
        assert assessment.crit_index == 3  # that criterion, not the first incomplete one
        assert not assessment.has_class("-text-max")  # the panel is back to show it
        assert assessment.query_one(MotivationArea).text == "m 3"

        await open_my_scores(pilot)  # the cursor is on that cell now; the label column: where to start
        screen = app.screen
        assert screen.table.cursor_coordinate == (2, 4)
        await pilot.press("up", "home", "enter")
        assert (assessment.app_index, assessment.crit_index) == (1, 1)  # A1 at its first incomplete criterion


async def test_my_scores_in_english_at_120_columns(demo_data_dir, session):
    save_scores(demo_data_dir, session, SCORES, CONFLICT)
    set_language("en")
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_my_scores(pilot)
        assert screen.has_class("-tall")
        legend = str(screen.query_one("#my-scores-legend").render())
        assert "Tai Tailored approach" in legend
        assert "4! motivation missing" in str(screen.query_one("#my-scores-status").render())
        assert "motivation missing" in screen.cell_words()
        # more room: more of the label and the title
        assert cell(screen, session.applications[0].id, "application") == "● Antwerpen – Deurne-Noord · Veilig en leefbaar Deurne-Noord"
        assert cell(screen, session.applications[1].id, "application").endswith("…")
        assert len(cell(screen, session.applications[1].id, "application")) == 60


# --- undo -------------------------------------------------------------------------------------------
async def test_undo_takes_back_score_changes_one_by_one_across_applications(demo_data_dir, session):
    save_scores(demo_data_dir, session, {})
    first, second = session.applications[0].id, session.applications[1].id
    c0, c2 = session.criteria.criteria[0], session.criteria.criteria[2]
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen: AssessmentScreen = app.screen
        store = screen.store
        await pilot.press("u")
        assert "Geen scorewijziging om ongedaan te maken (sinds de app openging)." in notifications(app)

        await pilot.press("3", "4")
        await pilot.press("n", "down", "down", "2", "backspace")  # the second application, third criterion: 2, cleared
        await pilot.press("n", "n")
        assert screen.app_index == 3

        await pilot.press("u")  # the clearing: back to 2, on the second application's third criterion
        assert (screen.current.id, screen.current_criterion_id) == (second, c2.id)
        assert store.assessment(second).get(c2.id).score == 2
        assert f"Score {c2.name.nl} · {session.applications[1].label}: – → 2 teruggezet" in notifications(app)
        await pilot.press("ctrl+z")
        assert store.assessment(second).get(c2.id).score is None

        await pilot.press("u")  # 4 → 3 on the first application
        assert (screen.current.id, screen.current_criterion_id) == (first, c0.id)
        assert store.assessment(first).get(c0.id).score == 3
        assert f"Score {c0.name.nl} · {session.applications[0].label}: 4 → 3 teruggezet" in notifications(app)
        assert "▶3 " in str(screen.query_one("#scale").plain)
        await pilot.press("u")
        assert store.assessment(first).get(c0.id).score is None
        await pilot.press("u")
        assert notifications(app)[-1] == "Geen scorewijziging om ongedaan te maken (sinds de app openging)."
        # every undo is a change like any other: in the history
        assert [(entry.old, entry.new) for entry in store.history(first)] == [(None, 3), (3, 4), (4, 3), (3, None)]


async def test_u_while_writing_is_text_and_motivations_are_not_undone(demo_data_dir, session):
    save_scores(demo_data_dir, session, {})
    first = session.applications[0].id
    criterion = session.criteria.criteria[0].id
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen: AssessmentScreen = app.screen
        await pilot.press("4", "m", "u", "escape")
        assert screen.store.assessment(first).get(criterion).motivation == "u"
        assert screen.store.assessment(first).get(criterion).score == 4
        await pilot.press("u")  # the score, not the motivation
        saved = screen.store.assessment(first).get(criterion)
        assert (saved.score, saved.motivation) == (None, "u")


# --- the ends of the list ---------------------------------------------------------------------------
async def test_n_on_the_last_and_p_on_the_first_application_say_so(demo_data_dir, session):
    save_scores(demo_data_dir, session, SCORES, CONFLICT)
    total = len(session.applications)
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen: AssessmentScreen = app.screen
        await pilot.press("p", "p")
        assert screen.app_index == 0
        assert f"Dit is de eerste aanvraag (1/{total}). Nog niet volledig beoordeeld: {total - 3}. " \
               "o toont het overzicht van je scores." in notifications(app)
        await pilot.press(*["n"] * (total - 1))
        assert screen.app_index == total - 1
        await pilot.press("n", "n", "n", "n")
        assert screen.app_index == total - 1
        assert sum("Dit is de laatste aanvraag" in text for text in notifications(app)) == 1  # one toast, not four
        assert f"Dit is de laatste aanvraag ({total}/{total}). Nog niet volledig beoordeeld: {total - 3}. " \
               "o toont het overzicht van je scores." in notifications(app)


async def test_the_new_keys_are_in_the_help(demo_data_dir, session):
    save_scores(demo_data_dir, session, {})
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = dict(app.screen.rows)
        assert rows["o"].startswith("Mijn scores")
        assert rows["u ^z"].startswith("Laatste scorewijziging ongedaan maken")
