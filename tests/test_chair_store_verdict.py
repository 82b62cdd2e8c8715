"""The chair's verdict per contract in a follow-up round (ChairStore.set_verdict / update_decision):
saved like the recommendation (on disk at once, in the history, undone), only ids of the criteria
file's verdicts, only in a follow-up round; and no recommendation or amount in a follow-up round."""

from __future__ import annotations

from pathlib import Path

import pytest

from jury_tui.domain.advice import Gap, evaluation_gaps
from jury_tui.domain.consensus import Recommendation
from jury_tui.domain.deliberation import Deliberation
from jury_tui.errors import JuryError
from jury_tui.formats.session_builder import (
    DEMO_KEY_SEED,
    build_follow_up_session,
    demo_data_dir,
    shipped_criteria_dir,
)
from jury_tui.reports.open_points import decision_changes
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.demo_advice import demo_government
from jury_tui.store.sessions import write_session

HASSELT = "wvc21-10"


@pytest.fixture(scope="module")
def follow_up_session():
    from jury_tui.formats.session_builder import build_demo_session

    selection = build_demo_session()
    return build_follow_up_session("opv", selection, demo_government(selection), demo_data_dir() / "progress",
                                   shipped_criteria_dir() / "wvc-2021-opvolging.toml", key_seed=DEMO_KEY_SEED)


@pytest.fixture
def store(tmp_path: Path, follow_up_session) -> ChairStore:
    session, keys = follow_up_session
    write_session(tmp_path / "data", session, keys)
    return ChairStore(tmp_path / "data", session)


def test_a_verdict_is_saved_read_back_and_undone(store, tmp_path):
    store.set_verdict(HASSELT, "aandacht-nodig")
    again = ChairStore(tmp_path / "data", store.session)  # from disk, not from memory
    assert again.decision(HASSELT).verdict == "aandacht-nodig"
    history = again.history(HASSELT)
    assert [entry["new"].get("verdict") for entry in history] == ["aandacht-nodig"]
    store.set_verdict(HASSELT, "bijsturing-nodig")
    assert store.undo(HASSELT).verdict == "aandacht-nodig"
    assert store.undo(HASSELT).verdict is None
    assert store.undo(HASSELT) is None


def test_verdict_and_motivation_in_one_change_are_one_undo_step(store):
    store.update_decision(HASSELT, verdict="op-schema", overall_motivation="Loopt volgens plan.")
    decision = store.decision(HASSELT)
    assert (decision.verdict, decision.overall_motivation) == ("op-schema", "Loopt volgens plan.")
    before = decision
    after = store.undo(HASSELT)
    assert (after.verdict, after.overall_motivation) == (None, "")
    # What the undo put back says it in words, with the verdict's name from the criteria file.
    assert decision_changes(store.session, before, after) == ["oordeel Op schema → –", "algemene motivering"]


def test_an_unknown_verdict_is_refused_in_one_line_and_nothing_is_written(store):
    with pytest.raises(JuryError) as refused:
        store.set_verdict(HASSELT, "goed")
    assert str(refused.value) == "onbekend oordeel 'goed' (kies uit op-schema, aandacht-nodig, bijsturing-nodig)"
    assert store.history(HASSELT) == []
    assert not list(store.chair_folder.glob("decisions/*.json"))


def test_no_recommendation_or_amount_in_a_follow_up_round(store):
    with pytest.raises(JuryError, match="opvolgingsronde: geef een oordeel"):
        store.set_recommendation(HASSELT, Recommendation.SELECT)
    with pytest.raises(JuryError, match="opvolgingsronde: geef een oordeel"):
        store.update_decision(HASSELT, recommendation=Recommendation.REJECT, verdict="op-schema")
    with pytest.raises(JuryError, match="de contracten zijn al toegekend"):
        store.set_amount(HASSELT, 500000)
    assert store.decision(HASSELT).verdict is None  # the refused change wrote nothing at all
    assert store.history(HASSELT) == []


def test_no_verdict_in_a_selection_session(demo_data_dir):
    from jury_tui.store.sessions import load_session

    selection = ChairStore(demo_data_dir, load_session(demo_data_dir, "wvc-2021-demo"))
    with pytest.raises(JuryError) as refused:
        selection.set_verdict("wvc21-10", "op-schema")
    assert "is een selectie" in str(refused.value) and "\n" not in str(refused.value)
    with pytest.raises(JuryError):
        selection.update_decision("wvc21-10", verdict=None)
    assert selection.history("wvc21-10") == []


def test_verdict_and_motivation_close_the_contracts_open_points(store):
    session = store.session
    gaps = evaluation_gaps(session, store.decisions(), Deliberation())
    assert {point.gap for point in gaps.applications[HASSELT]} >= {Gap.VERDICT, Gap.OVERALL_MOTIVATION}
    for criterion in session.criteria.criteria:
        store.set_consensus(HASSELT, criterion.id, score=3, motivation="Besproken.")
    store.update_decision(HASSELT, verdict="aandacht-nodig", overall_motivation="Infrastructuur boven 20 %.")
    assert HASSELT not in evaluation_gaps(session, store.decisions(), Deliberation()).applications
