"""The chair of a follow-up round from the command line: `decide --verdict` gives the verdict on a
contract (with the overall motivation, one undo step); recommendation and amount are refused in a
follow-up round, a verdict in a selection session, an unknown verdict too (one Dutch line, exit 2)."""

from __future__ import annotations

import pytest
from conftest import tree_snapshot
from test_cli import in_tmp_path  # noqa: F401 (autouse: every command runs from an empty folder, in Dutch)

from jury_tui.cli import main
from jury_tui.formats.session_builder import (
    DEMO_KEY_SEED,
    build_demo_session,
    build_follow_up_session,
    demo_data_dir,
    demo_private_keys,
    shipped_criteria_dir,
)
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.demo_advice import demo_government
from jury_tui.store.sessions import load_session, write_session


@pytest.fixture
def data_dir(tmp_path):
    """The demo selection and its follow-up round 'opv' (the demo's progress reports, 2024)."""
    selection = build_demo_session()
    follow_up, keys = build_follow_up_session("opv", selection, demo_government(selection), demo_data_dir() / "progress",
                                              shipped_criteria_dir() / "wvc-2021-opvolging.toml", key_seed=DEMO_KEY_SEED)
    write_session(tmp_path / "D", selection, demo_private_keys(selection))
    write_session(tmp_path / "D", follow_up, keys)
    return tmp_path / "D"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main([*argv, "--data-dir", "D"])
    except SystemExit as stopped:
        code = stopped.code
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys, data_dir, *argv: str) -> str:
    before = tree_snapshot(data_dir)
    code, out, err = run(capsys, *argv)
    assert code == 2, (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert tree_snapshot(data_dir) == before  # nothing changed on disk
    return lines[0]


def test_decide_gives_the_verdict_with_its_motivation(capsys, data_dir):
    code, out, _ = run(capsys, "decide", "opv", "wvc21-10", "--verdict", "aandacht-nodig",
                       "--motivation", "Infrastructuur boven 20 % van de planning.")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Hasselt (wvc21-10): oordeel Aandacht nodig"
    # What is still open: the consensus per criterion, no longer the verdict or its motivation.
    assert lines[1].startswith("nog open: Hasselt (wvc21-10):") and "oordeel" not in lines[1]
    decision = ChairStore(data_dir, load_session(data_dir, "opv")).decision("wvc21-10")
    assert (decision.verdict, decision.overall_motivation) == ("aandacht-nodig", "Infrastructuur boven 20 % van de planning.")
    code, out, _ = run(capsys, "undo", "opv", "wvc21-10")
    assert out.strip() == "Hasselt (wvc21-10): teruggezet: oordeel Aandacht nodig → –; algemene motivering"


def test_an_unknown_verdict_is_refused(capsys, data_dir):
    line = refused(capsys, data_dir, "decide", "opv", "wvc21-10", "--verdict", "goed")
    assert line == "onbekend oordeel 'goed' (kies uit op-schema, aandacht-nodig, bijsturing-nodig)"


@pytest.mark.parametrize("option", [["--recommendation", "selecteren"], ["--amount", "500000"], ["--no-amount"]])
def test_recommendation_and_amount_are_refused_in_a_follow_up_round(capsys, data_dir, option):
    line = refused(capsys, data_dir, "decide", "opv", "wvc21-10", *option, "--verdict", "op-schema")
    assert line == "sessie 'opv' is een opvolgingsronde: geef een oordeel (--verdict), geen advies of bedrag"


def test_a_verdict_is_refused_in_a_selection_session(capsys, data_dir):
    line = refused(capsys, data_dir, "decide", "wvc-2021-demo", "wvc21-10", "--verdict", "op-schema")
    assert line == ("sessie 'wvc-2021-demo' is een selectie: een oordeel per contract geeft de jury alleen in een "
                    "opvolgingsronde")


def test_a_stored_verdict_the_criteria_file_does_not_know_is_shown_as_stored(capsys, data_dir):
    """A decision file edited by hand (or a verdict the criteria file no longer has): `decide` still
    answers, naming the verdict as stored, instead of an unexpected error."""
    ChairStore(data_dir, load_session(data_dir, "opv")).set_verdict("wvc21-10", "op-schema")
    stored = data_dir / "sessions" / "opv" / "chair" / "decisions" / "wvc21-10.json"
    stored.write_text(stored.read_text(encoding="utf-8").replace('"op-schema"', '"weet-niet"'), encoding="utf-8")
    code, out, err = run(capsys, "decide", "opv", "wvc21-10", "--motivation", "Volgens plan.")
    assert code == 0 and "Traceback" not in err, err
    assert out.splitlines()[0] == "Hasselt (wvc21-10): oordeel weet-niet"
