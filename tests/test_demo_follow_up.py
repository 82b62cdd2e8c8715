"""`jury-tui demo --follow-up [--filled]`: the demo's follow-up round of 2024 (issue 15; docs/demo-data.md).

The round follows the selection demo and the government's decision recorded in it; its progress
reports are the shipped ones (jury_tui/demo_data/progress/). With --filled the jurors' illustrative
scores and the chair's evaluation are on record, so the evaluation report can be written at once.
The verdicts follow the reports' real figures only."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from jury_tui.cli import main
from jury_tui.domain.advice import advice_gaps
from jury_tui.domain.consensus import ApplicationDecision
from jury_tui.formats.session_builder import DEMO_SESSION_ID, build_demo_session
from jury_tui.i18n import set_language
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.demo_advice import demo_government
from jury_tui.store.demo_follow_up import DEMO_FOLLOW_UP_ID, build_demo_follow_up
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import load_session
from tests.conftest import tree_snapshot

# The round's fingerprint on every laptop: the selection demo, the demo's government decision, the
# shipped progress reports and follow-up criteria, a fixed creation time and the demo's derived keys.
# A change to any of these changes it (and makes submissions of the old round refused): update on purpose.
FOLLOW_UP_FINGERPRINT = "6c6bc3b057e1307a1f60e23373290a73596e1efb11082dc58bd763a0cff1d2b1"
# The contracts whose real 2024 figures ask for attention (docs/demo-data.md): Hasselt's infrastructure
# share on its plan and moved objective, Denderleeuw's dossiers on hold, Vilvoorde's stopped files.
ATTENTION = {"wvc21-05", "wvc21-10", "wvc21-20"}


def run(capsys, *args: str) -> tuple[str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "Traceback" not in captured.err
    return captured.out, captured.err


def follow_up(capsys, data_dir, *extra: str) -> str:
    return run(capsys, "demo", "--follow-up", "--no-open", *extra, "--data-dir", str(data_dir))[0]


@pytest.fixture
def filled(tmp_path, capsys):
    follow_up(capsys, tmp_path, "--filled")
    return tmp_path


def test_follow_up_creates_the_selection_demo_the_decision_and_the_round(tmp_path, capsys):
    out = follow_up(capsys, tmp_path)
    assert f"sessie '{DEMO_SESSION_ID}' aangemaakt" in out
    assert ("beslissing van de Vlaamse Regering van 17 december 2021 vastgelegd in wvc-2021-demo: 11 contracten, "
            "samen 7.600.000 euro") in out
    assert f"sessie '{DEMO_FOLLOW_UP_ID}' aangemaakt" in out
    selection = load_session(tmp_path, DEMO_SESSION_ID)
    assert selection.fingerprint == build_demo_session().fingerprint
    assert ChairStore(tmp_path, selection).government() == demo_government(selection)
    round_ = load_session(tmp_path, DEMO_FOLLOW_UP_ID)
    assert round_.title == "Wijkverbeteringscontracten – opvolging 2024 (demo)"
    assert round_.criteria.follow_up and round_.criteria.id == "wvc-2021-opvolging"
    assert round_.follow_up.selection_session == DEMO_SESSION_ID
    assert round_.follow_up.selection_fingerprint == selection.fingerprint
    assert round_.follow_up.decision_reference == demo_government(selection).reference
    assert round_.follow_up.year == 2024
    assert [a.municipality for a in round_.applications] == [
        "Beringen", "Brugge", "Denderleeuw", "Dendermonde", "Genk", "Gent", "Hasselt", "Mechelen", "Oostende",
        "Sint-Niklaas", "Vilvoorde"]
    assert len(round_.follow_up.reports) == 14
    earlier = {(r.contract, r.year) for r in round_.follow_up.reports if r.year != 2024}
    assert earlier == {("wvc21-05", 2023), ("wvc21-10", 2023), ("wvc21-20", 2023)}
    assert round_.applications[0] == selection.application("wvc21-02")  # the application, unchanged
    assert [j.id for j in round_.jurors] == [j.id for j in selection.jurors]
    # Nothing is filled without --filled, in neither session.
    assert not ChairStore(tmp_path, round_).submissions() and not ChairStore(tmp_path, selection).submissions()


def test_the_rounds_fingerprint_is_the_same_on_every_laptop(tmp_path, capsys):
    follow_up(capsys, tmp_path)
    assert load_session(tmp_path, DEMO_FOLLOW_UP_ID).fingerprint == FOLLOW_UP_FINGERPRINT
    selection = build_demo_session()
    assert build_demo_follow_up(selection, demo_government(selection)).fingerprint == FOLLOW_UP_FINGERPRINT


def test_rerun_keeps_both_sessions_and_changes_nothing(tmp_path, capsys):
    follow_up(capsys, tmp_path)
    before = tree_snapshot(tmp_path / "sessions")
    out = follow_up(capsys, tmp_path)
    assert tree_snapshot(tmp_path / "sessions") == before
    assert f"sessie '{DEMO_SESSION_ID}' bestaat al" in out and f"sessie '{DEMO_FOLLOW_UP_ID}' bestaat al" in out
    assert "vastgelegd" not in out


def test_follow_up_on_an_existing_filled_selection_demo_leaves_its_work_alone(tmp_path, capsys):
    run(capsys, "demo", "--filled", "--no-open", "--data-dir", str(tmp_path))
    selection = load_session(tmp_path, DEMO_SESSION_ID)
    store = ChairStore(tmp_path, selection)
    decisions, submissions = store.decisions(), {j: s.checksum for j, s in store.submissions().items()}
    follow_up(capsys, tmp_path, "--filled")
    assert store.decisions() == decisions
    assert {j: s.checksum for j, s in store.submissions().items()} == submissions
    assert store.government() == demo_government(selection)


def test_a_different_decision_of_the_chair_is_kept_and_the_round_follows_it(tmp_path, capsys):
    run(capsys, "demo", "--no-open", "--data-dir", str(tmp_path))
    selection = load_session(tmp_path, DEMO_SESSION_ID)
    own = dataclasses.replace(demo_government(selection), reference="BVR-2021-eigen", decided_on=dt.date(2021, 12, 20))
    ChairStore(tmp_path, selection).set_government(own)
    out = follow_up(capsys, tmp_path)
    assert "de voorzitter legde in wvc-2021-demo een andere beslissing van de regering vast" in out
    round_ = load_session(tmp_path, DEMO_FOLLOW_UP_ID)
    assert round_.follow_up.decision_reference == "BVR-2021-eigen"
    assert round_.follow_up.decided_on == dt.date(2021, 12, 20)
    assert ChairStore(tmp_path, selection).government() == own


def test_a_round_that_no_longer_matches_is_kept_with_a_warning(tmp_path, capsys):
    follow_up(capsys, tmp_path)
    selection = load_session(tmp_path, DEMO_SESSION_ID)
    ChairStore(tmp_path, selection).set_government(dataclasses.replace(demo_government(selection), reference="later"))
    before = (tmp_path / "sessions" / DEMO_FOLLOW_UP_ID / "session.json").read_bytes()
    out, err = run(capsys, "demo", "--follow-up", "--no-open", "--data-dir", str(tmp_path))
    assert f"sessie '{DEMO_FOLLOW_UP_ID}' bestaat al maar wijkt af" in err
    assert f"sessie '{DEMO_FOLLOW_UP_ID}' bestaat al in" in out
    assert (tmp_path / "sessions" / DEMO_FOLLOW_UP_ID / "session.json").read_bytes() == before


def test_follow_up_and_path_2021_do_not_go_together(tmp_path, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["demo", "--follow-up", "--path-2021", "--no-open", "--data-dir", str(tmp_path)])
    assert caught.value.code == 2
    assert "niet samen met argument --follow-up" in capsys.readouterr().err
    assert not (tmp_path / "sessions").exists()


# --- --filled -------------------------------------------------------------------------------------


def test_filled_round_has_nothing_open_for_the_evaluation_report(filled):
    round_ = load_session(filled, DEMO_FOLLOW_UP_ID)
    store = ChairStore(filled, round_)
    gaps = advice_gaps(round_, store.decisions(), store.deliberation(), [])
    assert gaps.complete, gaps
    assert sorted(store.submissions()) == [j.id for j in round_.jurors]  # every juror's submission imported
    meeting = store.deliberation().meeting
    assert meeting.held_on == dt.date(2025, 3, 20) and meeting.attendees == [j.id for j in round_.jurors]


def test_every_juror_scored_every_contract_but_a_declared_conflict(filled):
    round_ = load_session(filled, DEMO_FOLLOW_UP_ID)
    for juror in round_.jurors:
        store = JurorStore(filled, round_, juror.id)
        conflicts = store.conflicts
        for application in round_.applications:
            scores = store.assessment(application.id).scores
            if application.id in conflicts:
                assert not scores
                continue
            assert sorted(scores) == sorted(round_.criteria.criterion_ids)
            assert all(score.motivation.startswith("(Illustratieve demoscore)") for score in scores.values())


def test_verdicts_follow_the_real_figures_of_the_reports(filled):
    round_ = load_session(filled, DEMO_FOLLOW_UP_ID)
    decisions = ChairStore(filled, round_).decisions()
    verdicts = {aid: decision.verdict for aid, decision in decisions.items()}
    assert verdicts == {aid: "aandacht-nodig" if aid in ATTENTION else "op-schema" for aid in verdicts}
    hasselt = decisions["wvc21-10"]
    # From Hasselt's own figures: 124,000 of 531,000 planned on infrastructure.
    assert "23,4 % van de geplande subsidie aan kleinschalige infrastructuur (€ 124.000 van € 531.000)" in hasselt.overall_motivation
    assert "Café Anoniem" in hasselt.overall_motivation
    assert "23,4 %" in hasselt.get("middelen").motivation
    assert "19 dossiers" in decisions["wvc21-05"].overall_motivation
    assert "15 daarvan omdat er geen budget is" in decisions["wvc21-05"].overall_motivation
    assert "Van de 60 bouwblokrenovatiedossiers" in decisions["wvc21-20"].overall_motivation
    assert "21 werden stopgezet" in decisions["wvc21-20"].overall_motivation
    # The criterion the figures concern scores lower than the contract's others.
    for aid, criterion in (("wvc21-10", "middelen"), ("wvc21-10", "voortgang"), ("wvc21-05", "voortgang"),
                           ("wvc21-20", "voortgang")):
        assert decisions[aid].get(criterion).score == 3, (aid, criterion)


def test_the_chairs_texts_are_marked_and_cite_only_their_own_reports_figures(filled):
    round_ = load_session(filled, DEMO_FOLLOW_UP_ID)
    for aid, decision in ChairStore(filled, round_).decisions().items():
        assert decision.overall_motivation.startswith("(Illustratieve evaluatie)")
        assert all(entry.motivation.startswith("(Illustratieve consensus)") for entry in decision.criteria.values())
        report = round_.follow_up.report(aid)
        source = " ".join([report.summary, *report.obstacles, *(s.body for s in report.sections),
                           *(f"{i.measured:g}" for i in report.indicators if i.measured is not None)])
        texts = " ".join([decision.overall_motivation, *(e.motivation for e in decision.criteria.values())])
        figures = set(re.findall(r"\b\d+\b", texts)) - {"2024", "20", "124", "000", "531"}  # year, rule, Hasselt's plan
        assert all(re.search(rf"\b{figure}\b", source) for figure in figures), (aid, figures)


def test_filled_rerun_keeps_everything(filled, capsys):
    before = tree_snapshot(filled / "sessions")
    out = follow_up(capsys, filled, "--filled")
    assert tree_snapshot(filled / "sessions") == before
    assert "de voorzitter had al een evaluatie" in out
    assert "de vergadering die de voorzitter vastlegde, blijft zoals ze is" in out


def test_filled_keeps_a_verdict_the_chair_gave(tmp_path, capsys):
    follow_up(capsys, tmp_path)
    round_ = load_session(tmp_path, DEMO_FOLLOW_UP_ID)
    store = ChairStore(tmp_path, round_)
    store.set_overall("wvc21-15", "Eigen oordeel van de voorzitter.")
    out = follow_up(capsys, tmp_path, "--filled")
    assert "wvc21-15: de voorzitter had al een evaluatie" in out
    assert store.decision("wvc21-15") == dataclasses.replace(
        ApplicationDecision(application_id="wvc21-15"), overall_motivation="Eigen oordeel van de voorzitter.")
    assert store.decision("wvc21-02").verdict == "op-schema"


def test_filled_in_english(tmp_path, capsys):
    try:
        run(capsys, "demo", "--follow-up", "--filled", "--no-open", "--lang", "en", "--data-dir", str(tmp_path))
    finally:
        set_language("nl")
    round_ = load_session(tmp_path, DEMO_FOLLOW_UP_ID)
    hasselt = ChairStore(tmp_path, round_).decision("wvc21-10")
    assert hasselt.overall_motivation.startswith("(Illustrative evaluation)")
    assert "23.4 % of the planned subsidy on small-scale infrastructure (€ 124,000 of € 531,000)" in hasselt.overall_motivation


# --- opening --------------------------------------------------------------------------------------


def test_without_no_open_the_picker_opens_on_the_round(tmp_path, capsys, monkeypatch):
    import jury_tui.cli.demo as demo_cli

    opened = []
    monkeypatch.setattr(demo_cli, "_run_app", lambda app: opened.append(app) or 0)
    monkeypatch.setattr(demo_cli, "_open_juror", lambda data_dir, session_id, juror: opened.append((session_id, juror)) or 0)
    assert main(["demo", "--follow-up", "--data-dir", str(tmp_path)]) == 0
    assert opened[0].session_id == DEMO_FOLLOW_UP_ID
    assert main(["demo", "--follow-up", "--as", "extern-2", "--data-dir", str(tmp_path)]) == 0
    assert opened[1] == (DEMO_FOLLOW_UP_ID, "extern-2")
