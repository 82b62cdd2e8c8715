"""The juror's screen in a follow-up round (issue 15), locked as SVG snapshots: Hasselt's progress report
of 2024 (its rules on the figures, the budget table), reached by keys from the app's start, on the
demo's follow-up round. (A search in a table cell is not locked here: the field's cursor
blinks into the picture; tests/test_ui_follow_up_juror.py checks it.) docs/testing.md says how to look at a difference and accept it."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_ui_follow_up_juror import JUROR, write_follow_up_round

from jury_tui.i18n import language, set_language
from jury_tui.store.juror_store import JurorStore
from jury_tui.ui.app import JurorApp

TO_HASSELT = ("n",) * 6  # the seventh contract of the round
SCREENS = {
    # (size, language): the keys from the start
    "hasselt-80x24-nl": ((80, 24), "nl", TO_HASSELT),
    "hasselt-120x36-nl": ((120, 36), "nl", TO_HASSELT),
    "hasselt-80x24-en": ((80, 24), "en", TO_HASSELT),
    # t: the text on the whole screen, the budget table at its width
    "hasselt-budget-text-only-80x24-nl": ((80, 24), "nl", (*TO_HASSELT, "t", "pagedown")),
    # ?: the help speaks of contracts and the progress report (tests/test_ui_follow_up_juror_wording.py)
    "help-80x24-nl": ((80, 24), "nl", ("question_mark",)),
}


@pytest.fixture
def in_language(request):
    previous = language()
    yield set_language
    set_language(previous)


@pytest.mark.parametrize("screen", list(SCREENS))
def test_follow_up_report(screen, tmp_path: Path, snap_compare, in_language):
    size, lang, keys = SCREENS[screen]
    in_language(lang)
    data_dir = tmp_path / "data"
    session = write_follow_up_round(data_dir)
    JurorStore(data_dir, session, JUROR).declare_conflicts([])

    async def run_before(pilot) -> None:
        await pilot.pause()
        assessment = pilot.app.screen  # (the help, once pressed, is on top of it)
        await pilot.press(*keys)
        await assessment.query_one("#app-text").rendering
        await pilot.pause()

    assert snap_compare(JurorApp(data_dir, session, JUROR), terminal_size=size, run_before=run_before)
