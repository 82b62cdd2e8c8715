"""What the chair sees in a follow-up round, locked as SVG snapshots (pytest-textual-snapshot): the
overview with verdicts and the reports' rules (at 120×36 and 80×24), the portfolio (at 120×36 and
80×24), the obstacles and asks per agency, Hasselt across the years, Hasselt's decision page and
its help, the calibration (no ranking).

The demo's follow-up round 2024 with every juror's illustrative scores imported and two verdicts
given through the store before the app starts (nothing is saved on the way: no clock on the screen).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jury_tui.formats.session_builder import (
    DEMO_KEY_SEED,
    build_demo_session,
    build_follow_up_session,
    demo_data_dir,
    shipped_criteria_dir,
)
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.demo_advice import demo_government
from jury_tui.store.demo_scores import fill_demo_scores
from jury_tui.store.sessions import write_session
from jury_tui.ui.chair.app import ChairApp

HASSELT_ROW = 6  # the 7th contract of the decision
SCREENS = {
    "overview": ((120, 36), ()),
    "portfolio": ((120, 36), ("b",)),
    "portfolio_small": ((80, 24), ("b",)),
    "network": ((120, 36), ("b", "t")),
    "years": ((120, 36), ("b", *["down"] * HASSELT_ROW, "j")),
    "decision": ((120, 36), (*["down"] * HASSELT_ROW, "enter", *["down"] * 5)),
    # Issue 15's follow-up: the rules flag and the verdict without scrolling at 80 columns, the
    # calibration without a ranking, the help of the decision page in the evaluation's words.
    "overview_small": ((80, 24), ()),
    "calibration": ((120, 36), ("k",)),
    "help": ((120, 36), (*["down"] * HASSELT_ROW, "enter", *["down"] * 5, "question_mark")),
}


@pytest.fixture
def round_data_dir(tmp_path: Path) -> Path:
    selection = build_demo_session()
    session, keys = build_follow_up_session("opv", selection, demo_government(selection), demo_data_dir() / "progress",
                                            shipped_criteria_dir() / "wvc-2021-opvolging.toml", key_seed=DEMO_KEY_SEED)
    data_dir = tmp_path / "data"
    write_session(data_dir, session, keys)
    fill_demo_scores(data_dir, session)
    chair = ChairStore(data_dir, session)
    chair.update_decision("wvc21-10", verdict="aandacht-nodig",
                          overall_motivation="De infrastructuur gaat boven de grens van de oproep.")
    chair.set_verdict("wvc21-02", "op-schema")
    return data_dir


@pytest.mark.parametrize("screen", list(SCREENS))
def test_chair_follow_up_screen(screen, round_data_dir, snap_compare):
    from jury_tui.store.sessions import load_session

    size, keys = SCREENS[screen]

    async def run_before(pilot) -> None:
        await pilot.press(*keys)
        await pilot.pause()

    app = ChairApp(round_data_dir, load_session(round_data_dir, "opv"))
    assert snap_compare(app, terminal_size=size, run_before=run_before)
