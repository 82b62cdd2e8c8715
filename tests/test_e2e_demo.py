"""The whole process on the demo session, as the people involved would run it:
jurors draft in a spreadsheet, import and submit; the chair imports, sets consensus and ranks;
the secretariat exports. Commands run through the real CLI entry point."""

from __future__ import annotations

import csv
import datetime as dt
import random

from jury_tui.cli import main
from jury_tui.domain.aggregation import ScoreTable, aggregate
from jury_tui.domain.consensus import Recommendation, suggested_score
from jury_tui.domain.deliberation import Meeting
from jury_tui.domain.ranking import propose_best_fit, propose_by_rank, rank, ties
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.sessions import load_session

JURORS = ["extern-1", "extern-2", "extern-3", "vlaams-1"]


def cli(capsys, *args: str) -> str:
    code = main(list(args))
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "Traceback" not in captured.err
    return captured.out


def fill_template(path, juror: str, rng: random.Random) -> None:
    rows = list(csv.reader(path.open(encoding="utf-8-sig"), delimiter=";"))
    header = rows[0]
    score_col, motivation_col = header.index("score"), header.index("motivation")
    for row in rows[1:]:
        row[score_col] = str(rng.randint(1, 5))
        row[motivation_col] = f"{juror} over {row[header.index('criterion')]}: sterk & concreet"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)


def test_demo_from_drafts_to_ranking(tmp_path, capsys):
    data = str(tmp_path)
    rng = random.Random(2021)
    cli(capsys, "demo", "--no-open", "--data-dir", data)
    for juror in JURORS:
        conflicts = ["wvc21-15"] if juror == "extern-2" else []
        cli(capsys, "conflicts", "wvc-2021-demo", "--as", juror, *(["--set", *conflicts] if conflicts else ["--none"]), "--data-dir", data)
        draft = tmp_path / f"{juror}.csv"
        cli(capsys, "template", "wvc-2021-demo", "--as", juror, "--out", str(draft), "--data-dir", data)
        fill_template(draft, juror, rng)
        out = cli(capsys, "import-scores", "wvc-2021-demo", "--as", juror, str(draft), "--data-dir", data)
        assert "geïmporteerd" in out
        out = cli(capsys, "submit", "wvc-2021-demo", "--as", juror, "--out", str(tmp_path / f"sub-{juror}.json"), "--data-dir", data)
        assert "volledig" in out

    out = cli(capsys, "import", "wvc-2021-demo", *(str(tmp_path / f"sub-{j}.json") for j in JURORS), "--data-dir", data)
    assert out.count("ingelezen") == len(JURORS)
    progress = cli(capsys, "show", "wvc-2021-demo", "--data-dir", data)
    assert "20 van 20 beoordeeld" in progress and "19 van 19 beoordeeld" in progress  # extern-2 abstained once

    session = load_session(tmp_path, "wvc-2021-demo")
    chair = ChairStore(tmp_path, session)
    table = ScoreTable(session, chair.submissions().values())
    stats = aggregate(session, table)
    assert stats["wvc21-15"].conflicted_jurors == ["extern-2"]
    assert stats["wvc21-15"].criteria["maatwerk"].count == 2  # extern-1 and extern-3; vlaams-1 advises
    for application in session.applications:
        for criterion in session.criteria.criteria:
            chair.set_consensus(application.id, criterion.id, suggested_score(stats[application.id].criteria[criterion.id]),
                                f"Consensus over {criterion.name.nl}.")
        chair.set_overall(application.id, "De jury is het eens.")

    ranking = rank(session, chair.decisions())
    ranks = [r.rank for r in ranking]
    # competition ranking: ex aequo share a rank, the next one skips as many places; unranked last
    ranked = [r for r in ranks if r is not None]
    assert ranks[: len(ranked)] == ranked and ranked[0] == 1
    assert all(b == a or b == i + 1 for i, (a, b) in enumerate(zip(ranked, ranked[1:]), start=1))
    by_rank = propose_by_rank(ranking, session.budget)
    best = propose_best_fit(ranking, session.budget, [c.weight for c in session.criteria.criteria])
    assert best.total_score >= by_rank.total_score
    assert by_rank.total_amount <= 4_000_000 and best.total_amount <= 4_000_000
    assert all(row.selectable for row in ranking)  # the demo invents no formal failure (docs/demo-data.md)
    chair.set_selection(best.selected)
    for application_id in best.selected:
        chair.set_recommendation(application_id, Recommendation.SELECT)
    # --strict asks for a complete advice: every recommendation, its motivation, the meeting
    code = main(["export", "wvc-2021-demo", "--strict", "--pdf", "--data-dir", data])
    assert code == 2 and "geen aanbeveling" in capsys.readouterr().err
    for application in session.applications:
        if application.id not in best.selected:
            chair.set_recommendation(application.id, Recommendation.REJECT)
        chair.set_overall(application.id, "De jury is het eens.")  # written for the recommendation in force
    chair.set_text("wvc21-15", "rank_motivation", "Twee stemgerechtigde scores door een belangenconflict.")
    for group in ties(rank(session, chair.decisions())):
        chair.set_tie_order(sorted(group), "Volgorde na overleg.")
    chair.set_meeting(Meeting(held_on=dt.date(2021, 10, 12), chair="De voorzitter", attendees=list(JURORS)))

    out = cli(capsys, "export", "wvc-2021-demo", "--strict", "--data-dir", data)
    assert "advies geschreven" in out
    assert (tmp_path / "exports" / "advies-wvc-2021-demo.pdf").stat().st_size > 10_000


def test_demo_filled_gives_the_chair_something_to_show_and_never_overwrites(tmp_path, capsys):
    from tests.conftest import tree_snapshot

    data = str(tmp_path)
    cli(capsys, "demo", "--no-open", "--data-dir", data)
    cli(capsys, "conflicts", "wvc-2021-demo", "--as", "extern-1", "--none", "--data-dir", data)
    session = load_session(tmp_path, "wvc-2021-demo")
    from jury_tui.store.juror_store import JurorStore

    JurorStore(tmp_path, session, "extern-1").set_score("wvc21-03", "maatwerk", 1)  # real work of a juror
    out = cli(capsys, "demo", "--filled", "--no-open", "--data-dir", data)
    assert "extern-1 had(den) al scores" in out
    chair = ChairStore(tmp_path, session)
    assert set(chair.submissions()) == {j.id for j in session.jurors} - {"extern-1"}
    assert JurorStore(tmp_path, session, "extern-1").assessment("wvc21-03").get("maatwerk").score == 1
    motivation = chair.submissions()["extern-2"].assessments[0].scores[0].motivation
    assert "Illustratieve demoscore" in motivation  # never mistaken for a real assessment
    before = tree_snapshot(tmp_path / "sessions")
    cli(capsys, "demo", "--filled", "--no-open", "--data-dir", data)
    assert tree_snapshot(tmp_path / "sessions") == before


def test_strict_export_refuses_an_incomplete_advice_and_writes_nothing(tmp_path, capsys):
    data = str(tmp_path)
    cli(capsys, "demo", "--filled", "--no-open", "--data-dir", data)  # scores and the chair's illustrative advice
    session = load_session(tmp_path, "wvc-2021-demo")
    ChairStore(tmp_path, session).clear_consensus_score("wvc21-03", "maatwerk")  # one consensus open again
    code = main(["export", "wvc-2021-demo", "--strict", "--data-dir", data])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.strip() == "advies niet geëxporteerd: Boom (wvc21-03): consensusscore Maatwerk"
    assert len(captured.err.strip().splitlines()) == 1
    exports = tmp_path / "exports"
    assert not (exports / "advies-wvc-2021-demo.pdf").exists()
    # The data files carry the advice too (recommendations, amounts, motivations): nothing leaves.
    assert not (exports / "scores-wvc-2021-demo.csv").exists() and not (exports / "scores-wvc-2021-demo.xlsx").exists()
