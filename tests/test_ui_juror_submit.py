"""Issue 14, items 2 and 3 in the juror's app: `s` always shows a review first, and the top bar says
when the work was submitted and warns as soon as it changed since. Driven by keys (Pilot, 80×24
unless said), on the demo session (20 applications, 7 criteria)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from textual.widgets import Static

from jury_tui.domain.submission import submission_digest
from jury_tui.errors import display_path
from jury_tui.formats.submission_file import load_submission
from jury_tui.i18n import set_language
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.progress import jurors_progress
from jury_tui.store.sessions import default_submission_path, load_session
from jury_tui.store.submitting import COUNTER_FILE, SubmissionState
from jury_tui.ui.app import JurorApp
from jury_tui.ui.screens.assessment import AssessmentScreen
from jury_tui.ui.screens.dialogs import MessageDialog
from jury_tui.ui.screens.submit_review import SubmitReview, state_line

SESSION_ID = "wvc-2021-demo"
JUROR = "extern-1"
SIZE = (80, 24)


@pytest.fixture
def session(demo_data_dir: Path):
    return load_session(demo_data_dir, SESSION_ID)


def fill(data_dir: Path, session, *, conflicts=(), skip: dict[str, tuple[str, ...]] | None = None,
         unmotivated: dict[str, tuple[str, ...]] | None = None) -> JurorStore:
    """Score 3 with a motivation everywhere, except the criteria in `skip` (no score) and in
    `unmotivated` (a score, no motivation) per application."""
    store = JurorStore(data_dir, session, JUROR)
    store.declare_conflicts(list(conflicts))
    skip, unmotivated = skip or {}, unmotivated or {}
    for application in session.applications:
        if application.id in conflicts:
            continue
        for criterion in session.criteria.criteria:
            if criterion.id in skip.get(application.id, ()):
                continue
            store.set_score(application.id, criterion.id, 3)
            if criterion.id not in unmotivated.get(application.id, ()):
                store.set_motivation(application.id, criterion.id, "voldoende")
    return store


def text_of(widget) -> str:
    return str(widget.render())


def topbar(app) -> tuple[str, str]:
    screen = app.screen
    return text_of(screen.query_one("#submit-status", Static)), text_of(screen.query_one("#save-status", Static))


def review_text(app) -> str:
    return "\n".join(text_of(row) for row in app.screen.query(".review-row"))


def shown_state(data_dir: Path, session) -> tuple:
    """What `show --json` reports for the juror: (sequence, changed since)."""
    juror = next(j for j in jurors_progress(data_dir, session)[0] if j.id == JUROR)
    return juror.submitted_sequence, juror.changed_since_submitted


# --- the whole story ------------------------------------------------------------------------------------


async def test_a_juror_submits_changes_submits_again_and_changes_back(demo_data_dir, session):
    fill(demo_data_dir, session, conflicts=(session.applications[1].id,))
    path = default_submission_path(demo_data_dir, SESSION_ID, JUROR)
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, AssessmentScreen)
        assert topbar(app)[0] == "" and app.screen.query_one("#submit-status").region.height == 0  # nothing submitted: nothing said
        assert shown_state(demo_data_dir, session) == (None, None)

        await pilot.press("s")
        assert isinstance(app.screen, SubmitReview)
        text = review_text(app)
        assert "Alle 19 aanvragen zijn af." in text
        assert "Conflicten gemeld (1)" in text and session.applications[1].label in text
        assert "Vorige keer: nog niet ingediend" in text
        assert display_path(path) in text.replace("\n", "")
        await pilot.press("s")  # a second s does not submit
        assert isinstance(app.screen, SubmitReview) and not path.exists()
        await pilot.press("enter")  # complete: Enter submits
        assert isinstance(app.screen, MessageDialog)
        first = load_submission(path)
        assert first.sequence == 1
        await pilot.press("enter")
        status, saved = topbar(app)
        assert status == f"ingediend om {first.submitted_at.astimezone():%H:%M} (nr. 1)"
        assert shown_state(demo_data_dir, session) == (1, False)

        await pilot.press("5")  # a changed score (the first application, first criterion: 3 → 5)
        status, saved = topbar(app)
        assert status == "⚠ gewijzigd na indienen (s)"
        assert app.screen.query_one("#submit-status").has_class("-changed")
        assert saved.startswith("Opgeslagen om ")
        assert shown_state(demo_data_dir, session) == (1, True)

        await pilot.press("s")
        assert "sindsdien gewijzigd" in review_text(app)
        await pilot.press("j")
        assert isinstance(app.screen, MessageDialog)
        await pilot.press("escape")
        assert load_submission(path).sequence == 2
        status, _ = topbar(app)
        assert status.startswith("ingediend om ") and status.endswith("(nr. 2)")
        assert not app.screen.query_one("#submit-status").has_class("-changed")
        assert shown_state(demo_data_dir, session) == (2, False)

        await pilot.press("3")  # changed ...
        assert topbar(app)[0] == "⚠ gewijzigd na indienen (s)"
        await pilot.press("5")  # ... and changed back: equal to what was submitted, so not changed
        assert topbar(app)[0].endswith("(nr. 2)")
        assert shown_state(demo_data_dir, session) == (2, False)

        await pilot.press("m", *"extra", "escape")  # a motivation counts as well (saved on leaving the box)
        assert topbar(app)[0] == "⚠ gewijzigd na indienen (s)"
        await pilot.press("c", "down", "down", "space", "enter", "j")  # and the conflicts (j: yes, hide its scores)
        assert topbar(app)[0] == "⚠ gewijzigd na indienen (s)"
    assert shown_state(demo_data_dir, session) == (2, True)


async def test_the_top_bar_says_it_in_full_where_there_is_room(demo_data_dir, session):
    fill(demo_data_dir, session)
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("s", "enter", "enter", "1")
        status, saved = topbar(app)
        assert status == "gewijzigd na indienen — opnieuw indienen (s)"
        assert saved.startswith("Opgeslagen om ")
        for name in ("#submit-status", "#save-status"):  # neither cut off
            widget = app.screen.query_one(name)
            assert widget.region.width >= len(text_of(widget)) + 2


# --- the review -----------------------------------------------------------------------------------------


async def test_the_review_names_what_is_missing_and_incomplete_work_takes_the_letter(demo_data_dir, session):
    apps = session.applications
    criteria = session.criteria.criteria
    fill(demo_data_dir, session, skip={apps[0].id: (criteria[1].id, criteria[2].id), apps[3].id: tuple(c.id for c in criteria)},
         unmotivated={apps[2].id: (criteria[0].id,)})
    path = default_submission_path(demo_data_dir, SESSION_ID, JUROR)
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, SubmitReview)
        text = review_text(app)
        assert "17 van 20 aanvragen af; 3 nog niet af." in text
        name = lambda criterion: criterion.name.get("nl")
        assert f"• {apps[0].label}\nscore ontbreekt: {name(criteria[1])}, {name(criteria[2])}" in text
        assert f"• {apps[2].label}\nmotivatie ontbreekt: {name(criteria[0])}" in text
        assert f"• {apps[3].label}: nog niets gescoord of gemotiveerd" in text
        assert apps[1].label not in text  # complete: not listed
        assert "Geen conflicten gemeld." in text
        assert "ONVOLLEDIG" in text_of(app.screen.query_one("#review-keys"))
        await pilot.press("enter")  # a reflexive Enter does not send unfinished work
        assert isinstance(app.screen, SubmitReview) and not path.exists()
        assert any("druk j om toch in te dienen" in n.message for n in app._notifications)
        await pilot.press("escape")
        assert isinstance(app.screen, AssessmentScreen) and not path.exists()
        await pilot.press("s", "n")
        assert isinstance(app.screen, AssessmentScreen) and not path.exists()
        await pilot.press("s", "j")
        assert isinstance(app.screen, MessageDialog)
    submission = load_submission(path)
    assert (submission.complete, submission.applications_complete) == (False, 17)


async def test_a_long_review_scrolls_and_keeps_its_keys_on_screen(demo_data_dir, session):
    JurorStore(demo_data_dir, session, JUROR).declare_conflicts([])  # nothing scored: all 20 listed
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        review = app.screen
        scroll = review.query_one("#review-body")
        keys = review.query_one("#review-keys")
        assert review.region.contains_region(keys.region) and keys.region.height >= 1
        assert scroll.max_scroll_y > 0  # longer than the screen: it scrolls
        await pilot.press("end")
        assert scroll.scroll_y == scroll.max_scroll_y
        last = list(review.query(".review-row"))[-1]
        assert text_of(last) == f"• {session.applications[-1].label}: nog niets gescoord of gemotiveerd"
        assert scroll.region.contains_region(last.region)
        await pilot.press("home")  # the counts, the last submission and the file come first
        assert text_of(review.query_one(".review-row")) == "0 van 20 aanvragen af; 20 nog niet af."


async def test_an_english_review(demo_data_dir, session):
    set_language("en")
    try:
        fill(demo_data_dir, session, skip={session.applications[0].id: (session.criteria.criteria[0].id,)})
        app = JurorApp(demo_data_dir, session, JUROR)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("s")
            text = review_text(app)
            assert "19 of 20 applications complete; 1 not yet." in text
            assert f"score missing: {session.criteria.criteria[0].name.get('en')}" in text
            await pilot.press("j", "j")  # "next criterion" to an English juror's fingers: not a yes here
            assert isinstance(app.screen, SubmitReview) and not default_submission_path(demo_data_dir, SESSION_ID, JUROR).exists()
            await pilot.press("y")
            await pilot.press("enter")
            assert topbar(app)[0].startswith("submitted at ")
    finally:
        set_language("nl")


# --- the state the top bar shows --------------------------------------------------------------------------


async def test_a_counter_of_an_older_version_shows_the_number_without_a_warning(demo_data_dir, session):
    fill(demo_data_dir, session)
    counter = demo_data_dir / "sessions" / SESSION_ID / "jurors" / JUROR / COUNTER_FILE
    counter.write_text(json.dumps({"kind": "submission-counter", "session_id": SESSION_ID, "juror_id": JUROR,
                                   "last_sequence": 3}), encoding="utf-8")
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        assert topbar(app)[0] == "ingediend (nr. 3)"
        await pilot.press("1")  # changed since? unknown: no warning rather than a false one
        assert topbar(app)[0] == "ingediend (nr. 3)"
        await pilot.press("s")
        assert "Vorige keer: ingediend (nr. 3)\n" in review_text(app) + "\n"


async def test_a_damaged_counter_does_not_stop_the_work_and_submitting_says_why(demo_data_dir, session):
    fill(demo_data_dir, session)
    counter = demo_data_dir / "sessions" / SESSION_ID / "jurors" / JUROR / COUNTER_FILE
    counter.write_text("{kapot", encoding="utf-8")
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert isinstance(app.screen, AssessmentScreen)
        assert topbar(app)[0] == "⚠ inzendingen onbekend"  # unknown, never "not submitted"
        await pilot.press("1")  # scoring works
        await pilot.press("s")
        text = review_text(app)
        assert "Vorige keer: ⚠ inzendingen onbekend" in text and COUNTER_FILE in text
        assert "nog niet ingediend" not in text
        await pilot.press("j")
        assert isinstance(app.screen, AssessmentScreen)
        assert any(COUNTER_FILE in n.message for n in app._notifications)
    assert counter.read_text(encoding="utf-8") == "{kapot"


def test_the_state_line_gives_the_date_when_not_today():
    moment = dt.datetime(2026, 3, 4, 9, 5, tzinfo=dt.UTC)
    local = moment.astimezone()
    assert state_line(SubmissionState(2, moment, False), today=local.date()) == f"ingediend om {local:%H:%M} (nr. 2)"
    later = local.date() + dt.timedelta(days=1)
    assert state_line(SubmissionState(2, moment, True), today=later) == f"ingediend op {local:%d-%m-%Y %H:%M} (nr. 2)"
    assert state_line(SubmissionState(2, moment, True), today=later, short=True) == f"ingediend op {local:%d-%m-%Y} (nr. 2)"
    assert state_line(SubmissionState(7, None, None)) == "ingediend (nr. 7)"
    assert state_line(None) == "nog niet ingediend"


def test_the_digest_the_screen_keeps_is_the_submitted_one(demo_data_dir, session):
    from jury_tui.store.submitting import write_submission

    store = fill(demo_data_dir, session, conflicts=(session.applications[4].id,))
    submission = write_submission(store, demo_data_dir / "x.json", allow_incomplete=True)
    screen = AssessmentScreen(store, demo_data_dir)
    assert screen._submission.work_digest() == submission_digest(submission)
    assert screen._submission.state.changed is False
