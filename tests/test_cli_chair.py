"""The chair from the command line, end to end in a temporary folder: consensus, decide, budget
(and its scenarios), tie, meeting, undo, advice and the government's decision, with the app's rules
and errors (one Dutch line, exit 2, nothing changed).

The demo session is built once with `demo --no-open` plus every juror's illustrative scores, imported
(`fill_demo_scores`, as `demo --filled` does first), and copied for every test: a chair who has not
decided anything yet (`demo --filled` would also fill the chair's illustrative advice). Where a
test needs a ranking, `rank_as` sets a complete consensus whose totals put the applications in a
chosen order; the amounts are the demo's requests, capped at 800,000 euro."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import tree_snapshot
from test_cli import in_tmp_path  # noqa: F401 (autouse: every command runs from an empty folder, in Dutch)

from jury_tui.cli import main
from jury_tui.domain.consensus import ApplicationDecision, amount_cap
from jury_tui.domain.deliberation import Deliberation
from jury_tui.i18n import set_language
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.demo_scores import fill_demo_scores
from jury_tui.store.sessions import load_session

DEMO = "wvc-2021-demo"

# Totals (of 35) in rank order: five at 800,000 euro on top (exactly 4,000,000), five more up to
# 7,438,400, then five cheaper ones far below (so the best fit never trades the top for them), then
# the five whose figures earlier demos made fail a rule (Antwerpen, Geraardsbergen, Hoeilaart, Kortrijk,
# Turnhout; they meet every rule now, docs/demo-data.md), last. The requests (euro): wvc21-02/04/09/15/16
# 800,000 each; 10: 720,000, 08: 760,000, 03: 618,400, 20: 640,000, 18: 700,000; 12: 588,900, 17: 607,200,
# 14: 452,300, 06: 480,000, 05: 536,750; 01: 800,000, 07: 560,000, 11: 350,000, 13: 680,000, 19: 650,000.
ORDER = [
    ("wvc21-02", 35), ("wvc21-04", 34), ("wvc21-09", 33), ("wvc21-15", 32), ("wvc21-16", 31),  # 800,000 each
    ("wvc21-10", 20), ("wvc21-08", 19), ("wvc21-03", 18), ("wvc21-20", 17), ("wvc21-18", 16),
    ("wvc21-12", 10), ("wvc21-17", 9), ("wvc21-14", 8), ("wvc21-06", 7), ("wvc21-05", 6),
    ("wvc21-01", 5), ("wvc21-07", 4), ("wvc21-11", 3), ("wvc21-13", 2), ("wvc21-19", 1),
]


@pytest.fixture(scope="module")
def built_demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    set_language("nl")
    assert main(["demo", "--no-open", "--data-dir", str(folder / "D")]) == 0
    data_dir = folder / "D"
    fill_demo_scores(data_dir, load_session(data_dir, DEMO))  # the jurors' scores only, no advice of the chair
    chair = store(data_dir)  # every juror submitted; the chair has decided nothing yet
    assert len(chair.submissions()) == len(chair.session.jurors)
    assert all(d == ApplicationDecision(application_id=d.application_id) for d in chair.decisions().values())
    assert chair.deliberation() == Deliberation()
    return data_dir


@pytest.fixture
def data_dir(built_demo, tmp_path) -> Path:
    shutil.copytree(built_demo, tmp_path / "D")
    return tmp_path / "D"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main([*argv, "--data-dir", "D"])
    except SystemExit as stopped:  # argparse's own refusals (an option that is no number, a wrong choice)
        code = stopped.code
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys, *argv: str) -> str:
    """The one Dutch line of a refused command (exit 2, nothing on stdout)."""
    code, out, err = run(capsys, *argv)
    assert code == 2, (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def store(data_dir: Path) -> ChairStore:
    return ChairStore(data_dir, load_session(data_dir, DEMO))


def scores_for(total: int, criteria: list[str]) -> dict[str, int]:
    """Seven scores of 0–5 adding up to `total`, the highest first (so tie-breaks follow the total)."""
    scores, left = {}, total
    for criterion in criteria:
        scores[criterion] = min(5, left)
        left -= scores[criterion]
    assert left == 0
    return scores


def rank_as(data_dir: Path, order=ORDER) -> ChairStore:
    """A complete consensus (score and motivation on every criterion) giving these totals."""
    chair = store(data_dir)
    criteria = chair.session.criteria.criterion_ids
    for application_id, total in order:
        for criterion, score in scores_for(total, criteria).items():
            chair.set_consensus(application_id, criterion, score=score, motivation=f"Consensus {criterion}.")
    return chair


# --- consensus --------------------------------------------------------------------------------


def test_consensus_sets_score_motivation_and_minority(capsys, data_dir):
    code, out, err = run(capsys, "consensus", DEMO, "wvc21-03", "maatwerk", "--score", "4", "--motivation",
                         "Sterke wijkanalyse.", "--minority", "Eén jurylid vond 3 genoeg.")
    assert (code, err) == (0, "")
    assert out.strip() == ("Boom (wvc21-03) · Maatwerk: score 4; motivering: Sterke wijkanalyse.; "
                           "minderheidsstandpunt: Eén jurylid vond 3 genoeg.")
    consensus = store(data_dir).decision("wvc21-03").get("maatwerk")
    assert (consensus.score, consensus.motivation, consensus.minority_view) == (4, "Sterke wijkanalyse.", "Eén jurylid vond 3 genoeg.")


def test_consensus_without_options_shows_and_changes_nothing(capsys, data_dir):
    before = tree_snapshot(data_dir)
    code, out, _ = run(capsys, "consensus", DEMO, "wvc21-03", "maatwerk")
    assert code == 0 and "score –; motivering: –" in out
    assert tree_snapshot(data_dir) == before


def test_consensus_clear_score_keeps_the_motivation(capsys, data_dir):
    run(capsys, "consensus", DEMO, "wvc21-03", "maatwerk", "--score", "2", "--motivation", "Zwak.")
    code, out, _ = run(capsys, "consensus", DEMO, "wvc21-03", "maatwerk", "--clear-score")
    assert code == 0 and "score –; motivering: Zwak." in out


@pytest.mark.parametrize(("argv", "expected"), [
    (["wvc21-99", "maatwerk", "--score", "3"], "onbekende aanvraag 'wvc21-99'"),
    (["wvc21-03", "schoonheid", "--score", "3"],
     "onbekend criterium 'schoonheid'; kies uit: maatwerk, vernieuwend, geintegreerd, stakeholders, haalbaarheid, meetbaar, "
     "kennisdeling"),
    (["wvc21-03", "maatwerk", "--score", "6"], "score 6 ligt buiten de schaal 0–5"),
    (["wvc21-03", "maatwerk", "--score", "-1"], "score -1 ligt buiten de schaal 0–5"),
    (["wvc21-03", "maatwerk", "--score", "drie"], "drie"),
    (["wvc21-03", "maatwerk", "--score", "3", "--motivation", "a\x1bb"], "--motivation: bevat een stuurteken (U+001B) op positie 2"),
    (["wvc21-03", "maatwerk", "--minority", "x" * 100_001], "--minority: "),
    (["wvc21-03", "maatwerk", "--score", "3", "--clear-score"], "--clear-score"),
])
def test_consensus_refusals_change_nothing(capsys, data_dir, argv, expected):
    before = tree_snapshot(data_dir)
    assert expected in refused(capsys, "consensus", DEMO, *argv)
    assert tree_snapshot(data_dir) == before


# --- decide -----------------------------------------------------------------------------------


def test_decide_sets_recommendation_amount_and_texts(capsys, data_dir):
    code, out, err = run(capsys, "decide", DEMO, "wvc21-15", "--recommendation", "selecteren", "--amount", "750.000",
                         "--motivation", "Sterk en haalbaar.", "--hearing", "Vraag: timing. Antwoord: 2022.",
                         "--conditions", "Jaarlijkse rapportering.", "--rank-motivation", "Gemotiveerd.")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "Mechelen (wvc21-15): aanbeveling Selecteren, bedrag 750.000 euro"
    decision = store(data_dir).decision("wvc21-15")
    assert decision.recommendation.value == "select" and decision.advised_amount == 750_000
    assert decision.motivation_for is decision.recommendation  # written for the recommendation in force
    assert (decision.hearing, decision.conditions, decision.rank_motivation) == (
        "Vraag: timing. Antwoord: 2022.", "Jaarlijkse rapportering.", "Gemotiveerd.")


@pytest.mark.parametrize(("typed", "euros"), [
    ("750000", 750_000), ("750.000", 750_000), ("750 000", 750_000), ("750000,50", 750_000.5), ("750.000,50", 750_000.5),
    ("€ 750.000", 750_000), ("1.000", 1_000),
])
def test_decide_reads_amounts_as_a_flemish_reader_writes_them(capsys, data_dir, typed, euros):
    code, _, err = run(capsys, "decide", DEMO, "wvc21-15", "--recommendation", "reserve", "--amount", typed)
    assert (code, err) == (0, "")
    assert store(data_dir).decision("wvc21-15").advised_amount == euros


def test_decide_refuses_an_amount_of_nothing(capsys, data_dir):
    """An application that gets nothing is 'niet selecteren', not 'selecteren' for 0 euro."""
    before = tree_snapshot(data_dir)
    line = refused(capsys, "decide", DEMO, "wvc21-15", "--recommendation", "selecteren", "--amount", "0")
    assert line == "wvc21-15: een geadviseerd bedrag is groter dan 0 euro; wie niets krijgt, krijgt 'niet selecteren'"
    assert tree_snapshot(data_dir) == before


@pytest.mark.parametrize("typed", ["750000.000", "-5", "nan", "inf", "1e6", "zeven", "7,5,0", "", "0,001", "٧٥٠٠٠٠"])
def test_decide_refuses_what_is_no_amount(capsys, data_dir, typed):
    before = tree_snapshot(data_dir)
    line = refused(capsys, "decide", DEMO, "wvc21-15", "--recommendation", "selecteren", "--amount", typed)
    assert line.startswith(f"--amount: '{typed}' is geen bedrag: schrijf euro als 750000, 750.000 of 750000,50")
    assert tree_snapshot(data_dir) == before  # not even the recommendation


def test_decide_refuses_an_amount_over_the_cap_and_stores_nothing(capsys, data_dir):
    session = load_session(data_dir, DEMO)
    cap = amount_cap(session.application("wvc21-03"), session.criteria)
    before = tree_snapshot(data_dir)
    line = refused(capsys, "decide", DEMO, "wvc21-03", "--recommendation", "selecteren", "--amount", str(int(cap) + 1))
    assert "ligt boven het gevraagde bedrag of het plafond" in line
    assert tree_snapshot(data_dir) == before


def test_decide_refuses_an_amount_with_niet_selecteren(capsys, data_dir):
    line = refused(capsys, "decide", DEMO, "wvc21-03", "--recommendation", "niet-selecteren", "--amount", "1000")
    assert line == "wvc21-03: een bedrag hoort alleen bij 'selecteren' of 'reserve'; kies eerst de aanbeveling"


def test_decide_refuses_an_amount_without_recommendation(capsys, data_dir):
    assert "kies eerst de aanbeveling" in refused(capsys, "decide", DEMO, "wvc21-03", "--amount", "1000")


def test_decide_refuses_control_characters_in_every_text_before_writing(capsys, data_dir):
    before = tree_snapshot(data_dir)
    for option in ("--motivation", "--hearing", "--conditions", "--rank-motivation"):
        line = refused(capsys, "decide", DEMO, "wvc21-03", "--recommendation", "selecteren", option, "x\x07")
        assert line.startswith(f"{option}: bevat een stuurteken (U+0007) op positie 2")
    assert tree_snapshot(data_dir) == before


def test_decide_unknown_application_and_recommendation(capsys, data_dir):
    assert refused(capsys, "decide", DEMO, "nergens", "--recommendation", "reserve") == "onbekende aanvraag 'nergens'"
    assert "ongeldige keuze" in refused(capsys, "decide", DEMO, "wvc21-03", "--recommendation", "misschien")


def test_niet_selecteren_clears_the_amount_and_says_so(capsys, data_dir):
    run(capsys, "decide", DEMO, "wvc21-01", "--recommendation", "selecteren", "--amount", "750000", "--motivation", "Ja.")
    code, out, _ = run(capsys, "decide", DEMO, "wvc21-01", "--recommendation", "niet-selecteren")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "wvc21-01: geadviseerd bedrag 750.000 euro gewist, want 'niet selecteren' krijgt geen bedrag"
    assert lines[1] == "Antwerpen (wvc21-01): aanbeveling Niet selecteren, bedrag –"
    # the overall motivation argued for 'selecteren': it is open again until rewritten
    assert "algemene motivering geschreven voor een andere aanbeveling" in lines[2]
    assert store(data_dir).decision("wvc21-01").advised_amount is None


def test_reserve_keeps_the_amount_without_a_note(capsys, data_dir):
    run(capsys, "decide", DEMO, "wvc21-01", "--recommendation", "selecteren", "--amount", "700000")
    code, out, _ = run(capsys, "decide", DEMO, "wvc21-01", "--recommendation", "reserve")
    assert code == 0 and "gewist" not in out and "bedrag 700.000 euro" in out


def test_decide_no_amount_clears_it(capsys, data_dir):
    run(capsys, "decide", DEMO, "wvc21-01", "--recommendation", "reserve", "--amount", "700000")
    code, out, _ = run(capsys, "decide", DEMO, "wvc21-01", "--no-amount")
    assert code == 0 and "aanbeveling Reserve, bedrag –" in out


def test_decide_says_what_is_still_open_and_when_nothing_is(capsys, data_dir):
    rank_as(data_dir)
    out = run(capsys, "decide", DEMO, "wvc21-02", "--recommendation", "selecteren")[1]
    assert out.splitlines()[1] == "nog open: Beringen (wvc21-02): geen algemene motivering"
    out = run(capsys, "decide", DEMO, "wvc21-02", "--motivation", "De sterkste aanvraag.")[1]
    assert out.splitlines()[1] == "Beringen (wvc21-02): niets meer open"


# --- budget -----------------------------------------------------------------------------------


def test_budget_shows_sets_and_resets_without_touching_the_session(capsys, data_dir):
    session_file = (data_dir / "sessions" / DEMO / "session.json").read_bytes()
    assert run(capsys, "budget", DEMO)[1].strip() == "Budget: 4.000.000 euro, dat van de sessie"
    code, out, _ = run(capsys, "budget", DEMO, "7.600.000")
    assert code == 0 and out.strip() == "Budget: 7.600.000 euro, gezet door de voorzitter (sessie: 4.000.000 euro)"
    assert store(data_dir).budget() == 7_600_000
    assert (data_dir / "sessions" / DEMO / "session.json").read_bytes() == session_file  # no juror submits again
    code, out, _ = run(capsys, "budget", DEMO, "--reset")
    assert out.strip() == "Budget: 4.000.000 euro, dat van de sessie"


@pytest.mark.parametrize("typed", ["0", "-1", "nan", "veel"])
def test_budget_refuses_what_is_no_budget(capsys, data_dir, typed):
    before = tree_snapshot(data_dir)
    refused(capsys, "budget", DEMO, typed)
    assert tree_snapshot(data_dir) == before


def test_show_labels_the_budget_in_force(capsys, data_dir):
    assert "Budget: 4.000.000 euro  (dat van de sessie)" in run(capsys, "show", DEMO)[1]
    run(capsys, "budget", DEMO, "7600000")
    out = run(capsys, "show", DEMO)[1]
    assert "Budget: 7.600.000 euro  (gezet door de voorzitter; sessie: 4.000.000 euro)" in out
    payload = json.loads(run(capsys, "show", DEMO, "--json")[1])
    assert (payload["budget"], payload["budget_in_force"], payload["budget_set_by"]) == (4_000_000, 7_600_000, "chair")


def test_budget_compare_at_4_and_7_6_million(capsys, data_dir):
    """Hand-worked: the top five cost 5 × 800,000 = 4,000,000, an exact fit. At 7,600,000 the next five
    follow (720,000 + 760,000 + 618,400 + 640,000 + 700,000 = 3,438,400; 7,438,400 in all, 161,600
    left, less than any request below: the smallest, Hoeilaart, asks 350,000); the reserve list then
    counts on from the line: 7,438,400 + 588,900 = 8,027,300; + 607,200 = 8,634,500."""
    rank_as(data_dir)
    before = tree_snapshot(data_dir)
    code, out, err = run(capsys, "budget", DEMO, "--compare", "4000000", "7.600.000")
    assert (code, err) == (0, "")
    assert tree_snapshot(data_dir) == before  # nothing stored
    lines = out.splitlines()
    assert "VOORLOPIG" not in out
    assert lines[0].split() == ["4.000.000", "7.600.000"]
    assert lines[1].split()[-6:] == ["5", "·", "4.000.000", "10", "·", "7.438.400"]  # by rank
    assert lines[2].split()[-6:] == ["5", "·", "4.000.000", "10", "·", "7.438.400"]  # best fit: the same here
    at_4 = out.split("Bij een budget van 4.000.000 euro")[1].split("Bij een budget")[0]
    assert ("Volgens rangorde: 5 aanvragen, 4.000.000 euro, rest 0 euro: Beringen (wvc21-02), Brugge (wvc21-04), "
            "Gent (wvc21-09), Mechelen (wvc21-15), Oostende (wvc21-16)") in at_4
    assert "slaat over" not in at_4
    assert "1. Hasselt (wvc21-10): 720.000 euro, samen 4.720.000 euro" in at_4
    assert "2. Genk (wvc21-08): 760.000 euro, samen 5.480.000 euro" in at_4
    assert "3. Boom (wvc21-03): 618.400 euro, samen 6.098.400 euro" in at_4
    at_7 = out.split("Bij een budget van 7.600.000 euro")[1]
    assert "Volgens rangorde: 10 aanvragen, 7.438.400 euro, rest 161.600 euro" in at_7
    assert "1. Izegem (wvc21-12): 588.900 euro, samen 8.027.300 euro" in at_7
    assert "2. Roeselare (wvc21-17): 607.200 euro, samen 8.634.500 euro" in at_7


def test_budget_compare_names_what_the_by_rank_proposal_skips(capsys, data_dir):
    """At 4,500,000 the top five take 4,000,000; none of the next seven fits in the 500,000 left, the
    eighth (Maasmechelen, 452,300) does: 4,452,300, 47,700 left, which nothing below fits (Hoeilaart,
    the smallest, asks 350,000). The seven are passed over, by name."""
    rank_as(data_dir)
    out = run(capsys, "budget", DEMO, "--compare", "4500000")[1]
    assert "Volgens rangorde: 6 aanvragen, 4.452.300 euro, rest 47.700 euro" in out
    assert ("slaat over (past niet meer): Hasselt (wvc21-10), Genk (wvc21-08), Boom (wvc21-03), Vilvoorde (wvc21-20), "
            "Sint-Niklaas (wvc21-18), Izegem (wvc21-12), Roeselare (wvc21-17)") in out


def test_budget_compare_before_every_consensus_is_provisional(capsys, data_dir):
    code, out, _ = run(capsys, "budget", DEMO, "--compare", "4000000", "7600000")
    assert code == 0
    assert out.splitlines()[0].startswith("VOORLOPIG: nog niet elke consensusscore is gezet")
    assert "Bij een budget van 4.000.000 euro" in out and "Bij een budget van 7.600.000 euro" in out
    assert not (data_dir / "sessions" / DEMO / "chair" / "decisions").exists()  # the suggestions are not stored


def test_budget_compare_refuses_a_zero_budget(capsys, data_dir):
    assert refused(capsys, "budget", DEMO, "--compare", "4000000", "0")


def test_budget_and_reset_do_not_go_together(capsys, data_dir):
    assert "--reset" in refused(capsys, "budget", DEMO, "5000000", "--reset")


# --- ties -------------------------------------------------------------------------------------

TIED = [*ORDER[:5], ("wvc21-10", 20), ("wvc21-08", 20), *ORDER[7:]]  # Hasselt and Genk: the same scores


def test_tie_order_only_for_a_real_tie(capsys, data_dir):
    rank_as(data_dir, TIED)
    line = refused(capsys, "tie", DEMO, "wvc21-02", "wvc21-04", "--motivation", "x")
    assert line == "wvc21-02, wvc21-04 staan niet samen ex aequo in de huidige rangorde; ex aequo staan nu: wvc21-08, wvc21-10"


def test_tie_order_is_set_shown_and_cleared(capsys, data_dir):
    rank_as(data_dir, TIED)
    out = run(capsys, "advice", DEMO)[1]
    assert any(line.startswith("6 ex aequo") and "Genk (wvc21-08)" in line for line in out.splitlines())
    code, out, _ = run(capsys, "tie", DEMO, "wvc21-10", "wvc21-08", "--motivation", "Hasselt is verder gevorderd.")
    assert code == 0 and out.strip() == "volgorde bij ex aequo gezet: Hasselt (wvc21-10) > Genk (wvc21-08)"
    advice = json.loads(run(capsys, "advice", DEMO, "--json")[1])
    rows = {row["id"]: row for row in advice["applications"]}
    assert (rows["wvc21-10"]["rank"], rows["wvc21-08"]["rank"]) == (6, 7)
    assert not rows["wvc21-10"]["ex_aequo"] and rows["wvc21-10"]["tie_ordered"]
    out = run(capsys, "advice", DEMO)[1]
    assert "* volgorde van de voorzitter: wvc21-10 > wvc21-08: Hasselt is verder gevorderd." in out
    code, out, _ = run(capsys, "tie", DEMO, "wvc21-10", "wvc21-08", "--clear")
    assert out.strip() == "volgorde bij ex aequo weggenomen voor wvc21-10, wvc21-08"
    assert run(capsys, "tie", DEMO, "wvc21-10", "wvc21-08", "--clear")[1].startswith("geen volgorde van de voorzitter")


def test_tie_needs_a_motivation_or_clear_and_two_different_applications(capsys, data_dir):
    rank_as(data_dir, TIED)
    assert "--motivation" in refused(capsys, "tie", DEMO, "wvc21-10", "wvc21-08")
    assert refused(capsys, "tie", DEMO, "wvc21-10", "wvc21-10", "--motivation", "x").startswith("een volgorde bij ex aequo")
    assert refused(capsys, "tie", DEMO, "wvc21-10", "wvc21-08", "--motivation", "  ") == "een volgorde bij ex aequo vraagt een motivering"
    assert refused(capsys, "tie", DEMO, "wvc21-10", "nergens", "--motivation", "x") == "onbekende aanvraag 'nergens'"


# --- meeting ----------------------------------------------------------------------------------


def test_meeting_is_recorded_step_by_step(capsys, data_dir):
    out = run(capsys, "meeting", DEMO)[1]
    assert "Datum: –" in out and out.splitlines()[-1].startswith("de vergadering staat niet op papier")
    run(capsys, "meeting", DEMO, "--date", "2021-11-30", "--chair", "Voorzitter Peeters")
    code, out, _ = run(capsys, "meeting", DEMO, "--attended", "extern-1, extern-2,extern-1", "--others", "Secretariaat",
                       "Waarnemer", "--notes", "Hoorzittingen in de voormiddag.")
    assert code == 0
    assert out.splitlines() == [
        "Datum: 30 november 2021", "Voorzitter: Voorzitter Peeters", "Aanwezige juryleden: extern-1, extern-2",
        "Verder aanwezig: Secretariaat, Waarnemer", "Notities: Hoorzittingen in de voormiddag.",
        "de vergadering staat op papier",
    ]


@pytest.mark.parametrize(("argv", "expected"), [
    (["--date", "30-11-2021"], "--date: '30-11-2021' is geen datum: schrijf JJJJ-MM-DD"),
    (["--date", "20211130"], "--date: '20211130' is geen datum"),
    (["--date", "2021-02-30"], "--date: '2021-02-30' is geen datum"),
    (["--attended", "extern-1,niemand"], "onbekend jurylid: niemand"),
    (["--chair", "Naam\nmet regel"], "--chair: bevat een stuurteken (U+000A)"),
    (["--others", "x" * 201], "--others: "),
    (["--notes", "\x1b[2J"], "--notes: bevat een stuurteken (U+001B)"),
])
def test_meeting_refusals_change_nothing(capsys, data_dir, argv, expected):
    before = tree_snapshot(data_dir)
    assert expected in refused(capsys, "meeting", DEMO, *argv)
    assert tree_snapshot(data_dir) == before


# --- undo -------------------------------------------------------------------------------------


def test_undo_walks_back_two_steps_then_says_nothing_is_left(capsys, data_dir):
    run(capsys, "consensus", DEMO, "wvc21-03", "maatwerk", "--score", "3")
    run(capsys, "consensus", DEMO, "wvc21-03", "maatwerk", "--score", "4")
    code, out, _ = run(capsys, "undo", DEMO, "wvc21-03")
    assert (code, out.strip()) == (0, "Boom (wvc21-03): teruggezet: consensusscore Maatwerk 4 → 3")
    assert run(capsys, "undo", DEMO, "wvc21-03")[1].strip() == "Boom (wvc21-03): teruggezet: consensusscore Maatwerk 3 → –"
    code, out, err = run(capsys, "undo", DEMO, "wvc21-03")
    assert (code, out.strip(), err) == (0, "Boom (wvc21-03): niets om ongedaan te maken", "")
    assert store(data_dir).decision("wvc21-03").get("maatwerk").score is None


def test_undo_puts_back_an_amount_cleared_by_niet_selecteren(capsys, data_dir):
    run(capsys, "decide", DEMO, "wvc21-01", "--recommendation", "selecteren", "--amount", "750000")
    run(capsys, "decide", DEMO, "wvc21-01", "--recommendation", "niet-selecteren")
    out = run(capsys, "undo", DEMO, "wvc21-01")[1]
    assert out.strip() == "Antwerpen (wvc21-01): teruggezet: aanbeveling Niet selecteren → Selecteren; bedrag – → 750.000 euro"
    assert store(data_dir).decision("wvc21-01").advised_amount == 750_000


def test_undo_of_the_session_decisions(capsys, data_dir):
    assert run(capsys, "undo", DEMO)[1].strip() == "geen beslissing van de sessie om ongedaan te maken"
    run(capsys, "budget", DEMO, "7600000")
    run(capsys, "meeting", DEMO, "--chair", "Voorzitter Peeters")
    assert run(capsys, "undo", DEMO)[1].strip() == "beslissingen van de sessie teruggezet: vergadering"
    assert run(capsys, "undo", DEMO)[1].strip() == "beslissingen van de sessie teruggezet: budget 7.600.000 euro → –"
    assert store(data_dir).budget() == 4_000_000


def test_undo_of_an_unknown_application(capsys, data_dir):
    assert refused(capsys, "undo", DEMO, "nergens") == "onbekende aanvraag 'nergens'"


# --- advice -----------------------------------------------------------------------------------


def test_advice_at_the_start_lists_everything_open_and_exits_0(capsys, data_dir):
    code, out, err = run(capsys, "advice", DEMO)
    assert (code, err) == (0, "")
    assert "Budget: 4.000.000 euro, dat van de sessie" in out and "Geselecteerd: 0 aanvragen, 0 euro" in out
    assert out.splitlines()[3].startswith("VOORLOPIG, op de voorgestelde scores (niets bewaard): volgens rangorde ")
    assert "Boom (wvc21-03)" in out and "(niet gerangschikt: consensus onvolledig)" in out
    assert "  Boom (wvc21-03): alle criteria (score, motivering), geen aanbeveling, geen algemene motivering" in out
    assert out.strip().splitlines()[-1] == "  sessie: de vergadering staat niet op papier (datum, voorzitter, aanwezigen)"


def _complete_advice(capsys, data_dir) -> None:
    rank_as(data_dir)
    for application_id, _ in ORDER:
        recommendation = "selecteren" if application_id in {aid for aid, _ in ORDER[:5]} else "niet-selecteren"
        run(capsys, "decide", DEMO, application_id, "--recommendation", recommendation, "--motivation", "Gemotiveerd.")
    run(capsys, "meeting", DEMO, "--date", "2021-11-30", "--chair", "Voorzitter", "--attended", "extern-1,extern-2,extern-3")


def test_advice_complete(capsys, data_dir):
    _complete_advice(capsys, data_dir)
    code, out, _ = run(capsys, "advice", DEMO)
    assert code == 0
    assert "Geselecteerd: 5 aanvragen, 4.000.000 euro" in out and "VOORLOPIG" not in out
    assert out.strip().splitlines()[-1] == "Het advies is volledig en samenhangend."
    first = next(line for line in out.splitlines() if line.startswith("1 "))
    assert first.split() == ["1", "Beringen", "(wvc21-02)", "35", "5", "Selecteren", "–"]
    payload = json.loads(run(capsys, "advice", DEMO, "--json")[1])
    assert payload["complete"] is True and payload["session_open"] == []
    assert payload["selected"] == {"count": 5, "total": 4_000_000}


def test_advice_over_budget_is_open_for_the_session(capsys, data_dir):
    _complete_advice(capsys, data_dir)
    run(capsys, "decide", DEMO, "wvc21-10", "--recommendation", "selecteren", "--motivation", "Toch.")
    code, out, _ = run(capsys, "advice", DEMO)
    assert code == 0  # a report: something open is no failure
    assert "  sessie: de geselecteerde bedragen (4.720.000 euro) overschrijden het budget (4.000.000 euro)" in out
    run(capsys, "budget", DEMO, "7600000")  # the raised budget: no juror submits again
    assert run(capsys, "advice", DEMO)[1].strip().splitlines()[-1] == "Het advies is volledig en samenhangend."


def test_advice_json_says_why_an_application_is_unranked(capsys, data_dir):
    payload = json.loads(run(capsys, "advice", DEMO, "--json")[1])
    row = payload["applications"][0]
    assert row["rank"] is None and row["unranked_reason"] == "niet gerangschikt: consensus onvolledig"
    assert payload["budget"] == {"in_force": 4_000_000, "session": 4_000_000, "chair": None}
    assert payload["complete"] is False and payload["session_open"]


# --- the government's decision ----------------------------------------------------------------

GOVERNMENT = """\
decided_on = 2021-12-17
reference = "Beslissing Vlaamse Regering VR 2021 1712 DOC.1234"
budget = 7600000
note = "Illustratief."

[[selected]]
application = "wvc21-02"
amount = 800000

[[selected]]
application = "wvc21-04"
amount = 700000
illustrative = true

[[selected]]
application = "wvc21-10"
"""


def test_government_decision_is_stored_and_compared_with_the_advice(capsys, data_dir, tmp_path):
    rank_as(data_dir)
    for application_id in ("wvc21-02", "wvc21-04", "wvc21-09"):
        run(capsys, "decide", DEMO, application_id, "--recommendation", "selecteren")
    run(capsys, "decide", DEMO, "wvc21-10", "--recommendation", "reserve")
    (tmp_path / "regering.toml").write_text(GOVERNMENT, encoding="utf-8")
    code, out, err = run(capsys, "government", DEMO, "regering.toml")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        ("beslissing van de regering van 17 december 2021 (Beslissing Vlaamse Regering VR 2021 1712 DOC.1234) bewaard: "
         "3 geselecteerd, totaal onbekend (1 zonder bedrag)"),
        "vrijgegeven budget: 7.600.000 euro",
        "1 bedrag(en) illustratief, niet uit een brondocument",
        "geselecteerd zonder advies 'selecteren': Hasselt (wvc21-10)",
        "geadviseerd maar niet geselecteerd: Gent (wvc21-09)",
        "ander bedrag: Brugge (wvc21-04): advies 800.000 euro, beslissing 700.000 euro",
    ]
    recorded = store(data_dir).government()
    assert [c.application_id for c in recorded.selected] == ["wvc21-02", "wvc21-04", "wvc21-10"]
    assert recorded.contract("wvc21-04").illustrative and recorded.budget == 7_600_000


def test_government_decision_that_follows_the_advice(capsys, data_dir, tmp_path):
    run(capsys, "decide", DEMO, "wvc21-02", "--recommendation", "selecteren", "--amount", "800000")
    (tmp_path / "r.toml").write_text('decided_on = 2021-12-17\nreference = "VR 1"\n[[selected]]\napplication = "wvc21-02"\n'
                                     'amount = 800000\n', encoding="utf-8")
    out = run(capsys, "government", DEMO, "r.toml")[1]
    assert out.splitlines()[0].endswith("1 geselecteerd, totaal 800.000 euro")
    assert out.splitlines()[-1] == "geen verschillen met het advies"


@pytest.mark.parametrize(("text", "expected"), [
    (GOVERNMENT.replace("wvc21-10", "wvc21-99"), "r.toml: veld 'selected[3].application' is geen aanvraag van de sessie ('wvc21-99')"),
    (GOVERNMENT.replace("wvc21-10", "wvc21-02"), "r.toml: veld 'selected[3].application' noemt 'wvc21-02' een tweede keer"),
    (GOVERNMENT.replace("amount = 700000", "amount = -1"), "r.toml: veld 'selected[2].amount'"),
    (GOVERNMENT.replace("amount = 700000", 'amount = "700000"'), "r.toml: veld 'selected[2].amount'"),
    (GOVERNMENT.replace("amount = 700000", "amount = nan"), "r.toml: veld 'selected[2].amount'"),
    (GOVERNMENT.replace("amount = 700000", "amount = inf"), "r.toml: veld 'selected[2].amount'"),
    (GOVERNMENT.replace("decided_on = 2021-12-17\n", ""), "r.toml: veld 'decided_on'"),
    (GOVERNMENT.replace("decided_on = 2021-12-17", 'decided_on = "2021-12-17"'),
     "r.toml: veld 'decided_on' moet een datum zonder aanhalingstekens zijn, bv. decided_on = 2021-12-17"),
    (GOVERNMENT.replace("decided_on = 2021-12-17", "decided_on = 2021-12-17T10:00:00"), "r.toml: veld 'decided_on' moet een datum"),
    (GOVERNMENT.replace('reference = "Beslissing Vlaamse Regering VR 2021 1712 DOC.1234"\n', ""), "r.toml: veld 'reference'"),
    (GOVERNMENT.replace('reference = "Beslissing', 'reference = "\\u001b[2JBeslissing'), "r.toml: veld 'reference'"),
    (GOVERNMENT.replace("budget = 7600000", "budget = 7600000\nbudget = 4000000"), "r.toml"),
    (GOVERNMENT.replace("illustrative = true", 'illustrative = "ja"'), "r.toml: veld 'selected[2].illustrative'"),
    (GOVERNMENT + "besluit = 1\n", "r.toml: veld 'selected[3].besluit'"),
    (GOVERNMENT.replace("[[selected]]", "[[selected", 1), "r.toml"),
], ids=["unknown", "twice", "negative", "quoted-amount", "nan", "inf", "no-date", "quoted-date", "date-time", "no-reference",
        "control-character", "key-twice", "quoted-bool", "unknown-key", "bad-toml"])
def test_government_file_refusals_store_nothing(capsys, data_dir, tmp_path, text, expected):
    (tmp_path / "r.toml").write_text(text, encoding="utf-8")
    before = tree_snapshot(data_dir)
    line = refused(capsys, "government", DEMO, "r.toml")
    assert line.startswith(expected), line
    assert tree_snapshot(data_dir) == before


def test_government_missing_file(capsys, data_dir):
    assert "weg.toml: bestand bestaat niet" in refused(capsys, "government", DEMO, "weg.toml")


# --- languages and help -----------------------------------------------------------------------


@pytest.mark.parametrize("command", ["consensus", "decide", "budget", "tie", "meeting", "undo", "advice", "government"])
def test_chair_commands_help_is_dutch(capsys, command):
    with pytest.raises(SystemExit) as caught:
        main([command, "--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: jury-tui " + command) and "opties:" in out


def test_decide_help_states_the_amount_rule(capsys):
    with pytest.raises(SystemExit):
        main(["decide", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "750.000 of 750 000 is 750 duizend euro" in out and "750000.000 wordt geweigerd" in out


def test_english_on_request(capsys, data_dir):
    out = run(capsys, "budget", DEMO, "--lang", "en")[1]
    assert out.strip() == "Budget: 4,000,000 euros, the session's"
    line = refused(capsys, "decide", DEMO, "wvc21-03", "--recommendation", "selecteren", "--amount", "veel", "--lang", "en")
    assert line.startswith("--amount: 'veel' is not an amount")
