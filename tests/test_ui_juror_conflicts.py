"""A conflict of interest declared on an application the juror already worked on: the CLI and the
app's conflicts screen give the same warning (store/conflicts.hidden_work), the app asks before it
saves, and nothing is deleted; and the conflicts screen lists each application's partners."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_small_inputs

from jury_tui.cli import main
from jury_tui.domain.session import SessionDefinition
from jury_tui.formats.submission_file import load_submission
from jury_tui.i18n import set_language
from jury_tui.store.conflicts import hidden_work
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import load_session
from jury_tui.ui.app import JurorApp
from jury_tui.ui.screens.assessment import AssessmentScreen
from jury_tui.ui.screens.conflicts import ConflictList, ConflictsScreen
from jury_tui.ui.screens.dialogs import ConfirmDialog

SIZE = (80, 24)
SESSION_ID = "wvc-2021-demo"
JUROR = "extern-1"
KEPT = "die blijven bewaard maar gaan niet mee in de indiening zolang het conflict bestaat"


# --- the warning, in the CLI ---------------------------------------------------------------------


@pytest.fixture
def small(tmp_path, monkeypatch) -> Path:
    """The small session (a1 Gent – Rabot, a2 Brugge – Sint-Pieters, a3 Genk – Waterschei) in ./data."""
    monkeypatch.chdir(tmp_path)
    set_language("nl")
    inputs = write_small_inputs(tmp_path / "invoer")
    assert main(["new", "klein", "--criteria", str(inputs.criteria), "--applications", str(inputs.applications),
                 "--jurors", str(inputs.jurors), "--budget", "1500000", "--data-dir", "data"]) == 0
    return tmp_path / "data"


def test_cli_warns_only_of_the_conflicts_declared_now(small, capsys):
    store = JurorStore(small, load_session(small, "klein"), "j1")
    store.declare_conflicts([])
    store.set_score("a1", "inhoud", 3)
    store.set_score("a2", "inhoud", 4)
    assert main(["conflicts", "klein", "--as", "j1", "--set", "a1", "--data-dir", "data"]) == 0
    assert [line.split(" (")[0] for line in capsys.readouterr().err.splitlines()] == ["aanvraag a1"]
    # a1 stood already: declaring a2 as well warns of a2 only, as the app's conflicts screen does
    assert main(["conflicts", "klein", "--as", "j1", "--set", "a1", "a2", "--data-dir", "data"]) == 0
    assert [line.split(" (")[0] for line in capsys.readouterr().err.splitlines()] == ["aanvraag a2"]


def test_cli_names_each_application_with_how_many_scores_and_motivations_it_hides(small, capsys):
    store = JurorStore(small, load_session(small, "klein"), "j1")
    store.declare_conflicts([])
    store.set_score("a1", "inhoud", 3)
    store.set_motivation("a1", "inhoud", "Sterk plan.")
    store.set_score("a1", "haalbaar", 2)
    store.set_motivation("a2", "inhoud", "Nog te lezen.")  # a motivation without a score
    store.set_score("a3", "inhoud", 4)
    store.set_score("a3", "inhoud", None)  # cleared again: nothing left to hide
    capsys.readouterr()

    assert main(["conflicts", "klein", "--as", "j1", "--set", "a1", "a2", "a3", "--data-dir", "data"]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        f"aanvraag a1 (Gent – Rabot) heeft al scores of motivaties van dit jurylid (scores: 2, motivaties: 1); {KEPT}",
        f"aanvraag a2 (Brugge – Sint-Pieters) heeft al scores of motivaties van dit jurylid (scores: 0, motivaties: 1); {KEPT}",
    ]
    assert "belangenconflict bij a1, a2, a3" in out
    # Kept in the store, left out of the submission.
    store = JurorStore(small, load_session(small, "klein"), "j1")
    assert store.assessment("a1").get("inhoud").score == 3
    assert store.assessment("a1").get("inhoud").motivation == "Sterk plan."
    assert main(["submit", "klein", "--as", "j1", "--incomplete", "--out", "j1.json", "--data-dir", "data"]) == 0
    submission = load_submission(small.parent / "j1.json")
    assert submission.conflicts == ["a1", "a2", "a3"] and submission.assessments == []
    capsys.readouterr()
    # Lifting the conflict brings them back.
    assert main(["conflicts", "klein", "--as", "j1", "--none", "--data-dir", "data"]) == 0
    assert capsys.readouterr().err == ""
    assert JurorStore(small, load_session(small, "klein"), "j1").assessment("a1").get("haalbaar").score == 2


# --- the warning, in the app ---------------------------------------------------------------------


@pytest.fixture
def session(demo_data_dir: Path) -> SessionDefinition:
    return load_session(demo_data_dir, SESSION_ID)


def store_of(demo_data_dir: Path, session: SessionDefinition) -> JurorStore:
    return JurorStore(demo_data_dir, session, JUROR)


async def test_app_asks_before_a_new_conflict_hides_work_and_saves_only_on_yes(demo_data_dir, session):
    first, second = session.applications[0], session.applications[1]
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # the first visit: no conflicts
        screen = app.screen
        assert isinstance(screen, AssessmentScreen)
        await pilot.press("3", "down", "4")  # two scores on the first application, no motivation
        await pilot.press("c", "space", "enter")
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        expected = hidden_work(screen.store, [first.id])
        assert [(item.application_id, item.scores, item.motivations) for item in expected] == [(first.id, 2, 0)]
        body = dialog.body_text
        assert body.startswith(expected[0].line)  # the CLI's line, word for word
        assert f"aanvraag {first.id} ({first.label})" in body and "(scores: 2, motivaties: 0)" in body
        assert "Toch bewaren?" in body

        await pilot.press("n")  # no: back on the conflicts screen, the mark still there, nothing saved
        assert isinstance(app.screen, ConflictsScreen)
        assert app.screen.query_one(ConflictList).marked == {first.id}
        assert store_of(demo_data_dir, session).conflicts == frozenset()

        await pilot.press("down", "space", "enter")  # also the second, on which nothing was done
        assert isinstance(app.screen, ConfirmDialog)
        assert second.label not in app.screen.body_text  # only applications with work are named
        await pilot.press("j")
        assert app.screen is screen
        store = store_of(demo_data_dir, session)
        assert store.conflicts == {first.id, second.id}
        assert store.assessment(first.id).get(session.criteria.criteria[0].id).score == 3  # kept

        # Confirming the same conflicts again asks nothing: no conflict is new.
        await pilot.press("c", "enter")
        assert app.screen is screen


async def test_app_saves_at_once_when_the_new_conflict_hides_nothing(demo_data_dir, session):
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "space", "enter")
        assert isinstance(app.screen, AssessmentScreen)
        assert store_of(demo_data_dir, session).conflicts == {session.applications[1].id}


async def test_app_names_three_applications_and_counts_the_others(demo_data_dir, session):
    store = store_of(demo_data_dir, session)
    store.declare_conflicts([])
    criterion = session.criteria.criteria[0].id
    for application in session.applications[:5]:
        store.set_score(application.id, criterion, 1)
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", *["space", "down"] * 5, "enter")
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        body = dialog.body_text
        assert [application.label in body for application in session.applications[:5]] == [True] * 3 + [False] * 2
        assert "… en nog 2 andere aanvragen" in body
        # the dialog fits 80×24: its question and keys are on screen
        assert dialog.query_one(".dialog-keys").region.bottom <= SIZE[1]


# --- partners on the conflicts screen ------------------------------------------------------------


async def test_conflicts_screen_lists_the_partners_under_each_application(demo_data_dir, session):
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        conflict_list = app.screen.query_one(ConflictList)
        width = conflict_list.scrollable_content_region.width
        for index, application in enumerate(session.applications):
            lines = str(conflict_list.get_option_at_index(index).prompt).split("\n")
            assert lines[0].startswith("[ ] " + application.municipality)
            text = " ".join(line.strip() for line in lines)
            assert "partners: " + " · ".join(application.partners) in text
            assert all(line.startswith("    ") and len(line) <= width for line in lines[1:])  # the box's indent
        await pilot.press("space")  # marking keeps the partners and the indent
        lines = str(conflict_list.get_option_at_index(0).prompt).split("\n")
        assert lines[0].startswith("[⊘] ") and "partners: Lokale politie Antwerpen" in " ".join(lines)
