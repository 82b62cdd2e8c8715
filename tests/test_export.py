"""The motivated advice PDF and the score data export (CSV, XLSX), read back and checked on content."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from jury_tui.domain.aggregation import ScoreTable, aggregate
from jury_tui.domain.assessment import ScoreChange
from jury_tui.domain.consensus import Recommendation, suggested_score
from jury_tui.domain.deliberation import Meeting
from jury_tui.domain.ranking import propose_by_rank, ties
from jury_tui.errors import JuryError
from jury_tui.formats.session_builder import build_demo_session, demo_private_keys
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import write_session
from jury_tui.store.submitting import write_submission

TRICKY = 'Score <4> & "R&D" – € 1.024.848,66 – Ősz – café'
JURORS = ("extern-1", "extern-2", "extern-3", "vlaams-1")  # three voting, one advisory
CONFLICT = ("extern-2", "wvc21-03")  # extern-2 declares a conflict on Boom
SUBMITTED_AT = dt.datetime(2021, 10, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
ON = dt.date(2021, 10, 15)
CREATED = dt.datetime(2021, 10, 15, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
RANK_MOTIVATION = "Boom telt twee stemgerechtigde scores door een belangenconflict; de jury rangschikt de aanvraag toch."
TIE_MOTIVATION = "Na overleg gaat de aanvraag met de sterkste wijkanalyse voor"
MEETING = Meeting(held_on=dt.date(2021, 10, 12), chair="An Voorzitter", attendees=list(JURORS), others=["Secretariaat Wonen"])


def _score(juror_id: str, application_id: str, criterion_id: str) -> int:
    """Deterministic, varied scores 1–5 with some disagreement between jurors."""
    digest = hashlib.sha256(f"{juror_id}/{application_id}/{criterion_id}".encode()).digest()
    base = 2 + int(application_id[-2:]) % 3  # 2–4 per application
    return max(0, min(5, base + digest[0] % 3 - 1))


def consolidate_demo(data_dir: Path):
    """The demo session with juror submissions imported and a full consolidation by the chair."""
    session = build_demo_session()
    write_session(data_dir, session, demo_private_keys(session))
    chair = ChairStore(data_dir, session)
    for juror_id in JURORS:
        store = JurorStore(data_dir, session, juror_id)
        conflicts = [CONFLICT[1]] if juror_id == CONFLICT[0] else []
        store.declare_conflicts(conflicts)
        changes = [
            ScoreChange(
                application.id,
                criterion.id,
                _score(juror_id, application.id, criterion.id),
                f"{juror_id} over {application.municipality}, {criterion.name.nl}: onderbouwd oordeel.",
            )
            for application in session.applications
            if application.id not in conflicts
            for criterion in session.criteria.criteria
        ]
        store.apply_batch(changes, reason="test")
        out = data_dir / "inbox" / f"{juror_id}.json"
        write_submission(store, out, True, submitted_at=SUBMITTED_AT)
        chair.import_submission(out)

    table = ScoreTable(session, chair.submissions().values())
    aggregates = aggregate(session, table)
    for index, application in enumerate(session.applications):
        stats = aggregates[application.id].criteria
        for criterion in session.criteria.criteria:
            motivation = f"De jury oordeelt over {criterion.name.nl} bij {application.municipality}: degelijk uitgewerkt."
            if index == 0 and criterion.id == "maatwerk":
                motivation = f"{TRICKY}\n\nTweede alinea met een heel lang woord: {'Wijkverbeteringscontract' * 8}."
            minority = "Eén jurylid vond de planning te krap." if index % 5 == 0 and criterion.id == "haalbaarheid" else None
            chair.set_consensus(application.id, criterion.id, suggested_score(stats[criterion.id]), motivation, minority)
    # Boom has two voting scores (a conflict), one below the minimum: the chair ranks it, motivated.
    chair.set_text(CONFLICT[1], "rank_motivation", RANK_MOTIVATION)
    for group in ties(advice_data(chair).ranking):  # every tie ordered, with a motivation
        chair.set_tie_order(sorted(group), f"{TIE_MOTIVATION} ({', '.join(sorted(group))})")
    ranking = advice_data(chair).ranking
    proposal = propose_by_rank(ranking, session.budget)
    for row in ranking:
        if row.application_id in proposal.selected:
            recommendation = Recommendation.SELECT
        else:  # a reserve comes with an amount: only for an application that meets the call's rules
            recommendation = Recommendation.RESERVE if row.selectable else Recommendation.REJECT
        chair.set_recommendation(row.application_id, recommendation)
        # the overall motivation is written for the recommendation in force
        chair.set_overall(row.application_id, f"Algemene motivering voor {session.application(row.application_id).municipality}.")
    chair.set_selection(proposal.selected)
    chair.set_meeting(MEETING)
    return session, chair


def advice_data(chair: ChairStore, decisions=None, **changes):
    """The chair's advice data as the CLI builds it, at a fixed moment (the bytes are reproducible)."""
    from jury_tui.reports.data_export import build_advice_data

    values = dict(generated_on=ON, created=CREATED, deliberation=chair.deliberation(), government=chair.government())
    values.update(changes)
    return build_advice_data(chair.session, chair.submissions(), decisions or chair.decisions(), **values)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("export") / "data"
    session, chair = consolidate_demo(data_dir)
    return session, chair, advice_data(chair)


@pytest.fixture(scope="module")
def advice(demo, tmp_path_factory):
    """The demo advice written once: (path, summary, progress calls)."""
    from jury_tui.reports.advice_pdf import write_advice_pdf

    session, _, data = demo
    calls = []
    out = tmp_path_factory.mktemp("advice") / "advies.pdf"
    summary = write_advice_pdf(data, out, progress=lambda done, total: calls.append((done, total)))
    return out, summary, calls


def with_consensus(data, application_id: str, criterion_id: str, **changes):
    """The same advice data with one consensus entry changed (in memory, no store)."""
    from jury_tui.reports.data_export import build_advice_data

    decision = data.decisions[application_id]
    criteria = {**decision.criteria, criterion_id: dataclasses.replace(decision.get(criterion_id), **changes)}
    decisions = {**data.decisions, application_id: dataclasses.replace(decision, criteria=criteria)}
    return build_advice_data(data.session, data.submissions, decisions, generated_on=ON, created=CREATED,
                             deliberation=data.deliberation, government=data.government)


def pdf_text(path: Path) -> str:
    """The PDF's text, via pdftotext when installed, else pypdf."""
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    from pypdf import PdfReader

    return "\n\f".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def page_count(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


# --- the advice PDF ----------------------------------------------------------------------------


def test_advice_pdf_holds_the_whole_advice(demo, advice):
    session, chair, data = demo
    out, summary, calls = advice
    assert summary.path == out and summary.missing == 0 and summary.applications == 20
    pages = page_count(out)
    assert summary.pages == pages
    text = pdf_text(out)
    one_line = flat(text)

    for application in session.applications:
        assert application.municipality in text
    for criterion in session.criteria.criteria:
        assert criterion.name.nl in one_line
    assert TRICKY in one_line
    assert "Wijkverbeteringscontract" * 2 in text.replace("\n", "").replace(" ", "")  # the long word is all there
    assert "4.000.000 euro" in one_line
    assert data.funded and f"{_dutch(data.funded_total())} euro" in one_line
    assert f"pagina 1 van {pages}" in text and f"pagina {pages} van {pages}" in text
    assert "Gemotiveerd advies van de jury" in text and session.title in one_line
    assert session.fingerprint[:16] in text
    assert "Jurylid A" in text and "Jurylid D" in text
    for juror in session.jurors:
        assert juror.name not in one_line
    assert "belangenconflict" in one_line.lower() and "Motivering ontbreekt" not in text
    # no applicant texts beyond the summary (the application body is not copied into the advice)
    assert "Inhoudelijke omschrijving en context van de wijk" not in text
    # progress once per application section, then once at the end
    assert calls[-1] == (20, 20) and len(calls) == 21 and [d for d, _ in calls] == sorted(d for d, _ in calls)


def _dutch(amount: float) -> str:
    whole, cents = divmod(int(round(amount * 100)), 100)
    text = f"{whole:,}".replace(",", ".")
    return text if cents == 0 else f"{text},{cents:02d}"


def test_advice_pdf_metadata_and_reproducible(demo, advice, tmp_path):
    from pypdf import PdfReader

    from jury_tui.reports.advice_pdf import write_advice_pdf

    session, _, data = demo
    first, second = advice[0], tmp_path / "b.pdf"
    write_advice_pdf(data, second)
    assert first.read_bytes() == second.read_bytes()
    meta = PdfReader(str(first)).metadata
    assert meta.title == f"Gemotiveerd advies van de jury – {session.title}"
    assert "Wijkverbeteringscontracten 2021" in meta.subject and meta.author.startswith("De jury")


def test_names_appear_only_when_asked(demo, tmp_path):
    from jury_tui.reports.advice_pdf import write_advice_pdf

    session, _, data = demo
    out = tmp_path / "met-namen.pdf"
    write_advice_pdf(data, out, names=True)
    text = flat(pdf_text(out))
    for juror_id in JURORS:
        assert session.juror(juror_id).name in text
    assert "Jurylid A" not in text


def test_strict_refuses_a_missing_motivation_and_lax_marks_it(demo, tmp_path):
    from jury_tui.reports.advice_pdf import write_advice_pdf

    data = with_consensus(demo[2], "wvc21-02", "haalbaarheid", motivation="  \n ")
    out = tmp_path / "advies.pdf"
    with pytest.raises(JuryError) as caught:
        write_advice_pdf(data, out, strict=True)
    message = str(caught.value)
    assert message == "advies niet geëxporteerd: Beringen (wvc21-02): motivering Haalbaarheid"
    assert not out.exists()
    summary = write_advice_pdf(data, out)
    assert summary.missing == 1
    text = pdf_text(out)
    assert "Motivering ontbreekt" in text and "Onvolledig advies: 1 punt staat nog open" in flat(text)
    assert "Nog open: motivering Haalbaarheid" in flat(text)


def test_a_5000_word_motivation_flows_across_pages(demo, advice, tmp_path):
    from jury_tui.reports.advice_pdf import write_advice_pdf

    session, _, data = demo
    words = [f"woord{i}" for i in range(5000)]
    words[-1] = "SLOTWOORD"
    long_text = " ".join(words[:2500]) + "\n\n" + " ".join(words[2500:])
    longer = with_consensus(data, session.applications[0].id, "kennisdeling", motivation=long_text)
    out = tmp_path / "lang.pdf"
    summary = write_advice_pdf(longer, out)
    assert summary.pages == page_count(out) >= advice[1].pages + 8
    text = pdf_text(out)
    assert "SLOTWOORD" in text and "woord2499" in text


# --- the data export ---------------------------------------------------------------------------


def _expected(chair: ChairStore):
    session = chair.session
    expected = {}
    for submission in chair.submissions().values():
        for assessment in submission.assessments:
            for entry in assessment.scores:
                expected[(submission.juror_id, assessment.application_id, entry.criterion_id)] = (entry.score, entry.motivation)
    return session, expected


def test_csv_matches_the_submissions(demo, tmp_path):
    from jury_tui.reports.data_export import write_csv

    session, chair, data = demo
    out = tmp_path / "scores.csv"
    rows_written = write_csv(data, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert rows_written == len(rows)
    session, expected = _expected(chair)
    criteria = len(session.criteria.criteria)
    assert len(rows) == len(JURORS) * len(session.applications) * criteria
    scored = [row for row in rows if row["belangenconflict"] == "nee"]
    conflicted = [row for row in rows if row["belangenconflict"] == "ja"]
    assert len(scored) == len(expected) == (len(JURORS) * len(session.applications) - 1) * criteria
    assert {row["aanvraag_id"] for row in conflicted} == {CONFLICT[1]} and all(row["score"] == "" for row in conflicted)
    labels = data.juror_labels()
    by_label = {label: juror_id for juror_id, label in labels.items()}
    for row in scored:
        score, motivation = expected[(by_label[row["jurylid"]], row["aanvraag_id"], row["criterium_id"])]
        assert row["score"] == str(score) and row["motivering"] == motivation
        assert row["sessie"] == session.id and row["gemeente"] == session.application(row["aanvraag_id"]).municipality
    assert {row["rol"] for row in rows} == {"stemgerechtigd", "adviserend"}
    assert all(row["jurylid"].startswith("Jurylid ") for row in rows)
    with_names = tmp_path / "namen.csv"
    write_csv(data, with_names, names=True)
    assert "Extern expert 1" in with_names.read_text(encoding="utf-8-sig")


def test_xlsx_matches_the_submissions_and_summarises(demo, tmp_path):
    from openpyxl import load_workbook

    from jury_tui.reports.data_export import write_xlsx

    session, chair, data = demo
    out = tmp_path / "scores.xlsx"
    write_xlsx(data, out)
    workbook = load_workbook(out, read_only=False)
    assert workbook.sheetnames == ["Scores", "Samenvatting"]
    sheet = workbook["Scores"]
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["sessie", "jurylid", "rol"] and sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    rows = [dict(zip(header, (cell.value for cell in row), strict=True)) for row in sheet.iter_rows(min_row=2)]
    session, expected = _expected(chair)
    by_label = {label: juror_id for juror_id, label in data.juror_labels().items()}
    scored = [row for row in rows if row["belangenconflict"] == "nee"]
    assert len(scored) == len(expected)
    for row in scored:
        assert (row["score"], row["motivering"]) == expected[(by_label[row["jurylid"]], row["aanvraag_id"], row["criterium_id"])]

    summary = workbook["Samenvatting"]
    head = [cell.value for cell in summary[1]]
    lines = [dict(zip(head, (cell.value for cell in row), strict=True)) for row in summary.iter_rows(min_row=2)]
    assert len(lines) == len(session.applications)
    ranks = [line["rang"] for line in lines]
    # competition ranking: ex aequo share a rank, the next one skips as many places; unranked last
    ranked = [r for r in ranks if r is not None]
    assert ranks[: len(ranked)] == ranked and ranked[0] == 1
    assert all(b == a or b == i + 1 for i, (a, b) in enumerate(zip(ranked, ranked[1:]), start=1))
    first = lines[0]
    decision = data.decisions[first["aanvraag_id"]]
    for criterion in session.criteria.criteria:
        assert first[criterion.name.nl] == decision.get(criterion.id).score
    assert first["totaal"] == decision.consensus_total(session.criteria)
    selected = [line for line in lines if line["geselecteerd"] == "ja"]
    assert [line["aanvraag_id"] for line in selected] == data.funded
    assert sum(line["geadviseerd (euro)"] for line in selected) == pytest.approx(data.funded_total())
    assert {line["voorwaarden"] for line in lines} <= {"voldaan", "niet voldaan", "onbekend"}


def test_csv_never_hands_a_spreadsheet_a_formula(tmp_path, demo):
    """Text from a juror's file that starts like a formula reaches the CSV with a leading apostrophe."""
    from jury_tui.reports.data_export import build_advice_data, write_csv

    _, _, data = demo
    juror_id, submission = next(iter(data.submissions.items()))
    assessment = submission.assessments[0]
    hostile = '=HYPERLINK("http://x","klik")'
    changed = dataclasses.replace(
        submission,
        assessments=[
            dataclasses.replace(assessment, scores=[dataclasses.replace(assessment.scores[0], motivation=hostile)]),
            *submission.assessments[1:],
        ],
    )
    out = tmp_path / "scores.csv"
    write_csv(build_advice_data(data.session, {**data.submissions, juror_id: changed}, data.decisions), out)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        motivations = [row["motivering"] for row in csv.DictReader(handle, delimiter=";")]
    assert "'" + hostile in motivations
    assert not any(text.startswith(("=", "+", "-", "@")) for text in motivations)


def test_xlsx_keeps_formula_like_text_as_text(tmp_path, demo):

    from openpyxl import load_workbook

    from jury_tui.reports.data_export import build_advice_data, write_xlsx

    session, chair, data = demo
    submissions = dict(data.submissions)
    juror = submissions["extern-1"]
    assessment = juror.assessments[0]
    scores = [
        dataclasses.replace(assessment.scores[0], motivation="=HYPERLINK(\"x\")\x07"),
        dataclasses.replace(assessment.scores[1], motivation="lang " * 8000),
        *assessment.scores[2:],
    ]
    changed = dataclasses.replace(juror, assessments=[dataclasses.replace(assessment, scores=scores), *juror.assessments[1:]])
    submissions["extern-1"] = changed
    out = tmp_path / "f.xlsx"
    write_xlsx(build_advice_data(session, submissions, data.decisions), out)
    sheet = load_workbook(out)["Scores"]
    values = [cell.value for cell in sheet["I"]]
    assert '=HYPERLINK("x")' in values and sheet["I2"].data_type == "s"
    longest = max(values, key=lambda value: len(value or ""))
    assert len(longest) == 32_767 and longest.startswith("lang lang") and "volledige tekst staat in de CSV" in longest


def test_amounts_and_scores_in_dutch_and_english():
    from jury_tui.i18n import set_language
    from jury_tui.reports.data_export import format_amount, format_score

    assert format_amount(800_000) == "800.000 euro"
    assert format_amount(1_024_848.66) == "1.024.848,66 euro"
    assert format_amount(0.5) == "0,50 euro" and format_score(24.5) == "24,5" and format_score(24.0) == "24"
    set_language("en")
    try:
        assert format_amount(1_024_848.66) == "1,024,848.66 euro" and format_score(24.5) == "24.5"
    finally:
        set_language("nl")


def test_advice_in_english_follows_the_language(demo, tmp_path):
    from jury_tui.i18n import set_language
    from jury_tui.reports.advice_pdf import write_advice_pdf

    session, _, data = demo
    out = tmp_path / "advice.pdf"
    set_language("en")
    try:
        summary = write_advice_pdf(data, out)
    finally:
        set_language("nl")
    text = pdf_text(out)
    assert f"page 1 of {summary.pages}" in text and "Motivated advice of the jury" in text
    assert "Tailored approach" in text and "4,000,000 euro" in text and "Juror A" in text
    assert "Jurylid" not in text and "pagina" not in text


def test_the_letters_given_are_the_letters_used_in_their_order(demo, tmp_path):
    from jury_tui.reports.data_export import build_advice_data, write_csv

    session, _, data = demo
    ids = sorted(juror.id for juror in session.jurors)
    letters = dict(zip(ids, "GFEDCBA", strict=True))  # the reverse of the id order
    given = build_advice_data(session, data.submissions, data.decisions, generated_on=ON, letters=letters)
    assert given.juror_labels() == {juror_id: f"Jurylid {code}" for juror_id, code in letters.items()}
    assert [juror.id for juror in given.jurors_in_order()] == ids[::-1]
    assert [juror.id for juror in given.jurors_in_order(names=True)] == ids
    assert given.roles_shown()  # five voting and two advisory members: a role points at no one
    out = tmp_path / "s.csv"
    write_csv(given, out)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        order = list(dict.fromkeys(row["jurylid"] for row in csv.DictReader(handle, delimiter=";")))
    assert order == [f"Jurylid {letters[juror_id]}" for juror_id in ids[::-1] if juror_id in JURORS]


def test_without_letters_the_data_deals_its_own_at_random():
    from jury_tui.domain.anonymity import assign_letters, roles_may_be_shown
    from jury_tui.domain.session import Juror, Role

    ids = [f"j{number:02d}" for number in range(30)]
    first, second = assign_letters(ids), assign_letters(ids)
    assert sorted(first.values(), key=lambda code: (len(code), code))[-4:] == ["AA", "AB", "AC", "AD"]
    assert first != second  # 1 chance in 30! to fail
    kept = {"j00": "Q", "weg": "A"}  # a kept letter stays; one of a juror no longer there is dropped
    again = assign_letters(ids[:3], kept)
    assert again["j00"] == "Q" and set(again) == {"j00", "j01", "j02"} and len(set(again.values())) == 3
    lone = [Juror(id="a", name="A", role=Role.VOTING), Juror(id="b", name="B", role=Role.VOTING),
            Juror(id="c", name="C", role=Role.ADVISORY)]
    assert not roles_may_be_shown(lone) and roles_may_be_shown(lone[:2])
    assert roles_may_be_shown([*lone, Juror(id="d", name="D", role=Role.ADVISORY)])


# --- the summary per application: the decision and the government's beside it (CSV and XLSX) ---


def _summary_data(data, hostile: str):
    """The demo advice with a formula-like consensus and overall motivation on its first application,
    and a government decision: the first funded application at another amount, the first unfunded one."""
    from jury_tui.domain.deliberation import GovernmentDecision, GrantedContract
    from jury_tui.reports.data_export import build_advice_data

    first = data.session.applications[0].id
    decision = data.decisions[first]
    criteria = {**decision.criteria, "maatwerk": dataclasses.replace(decision.get("maatwerk"), motivation=hostile)}
    decisions = {**data.decisions, first: dataclasses.replace(decision, criteria=criteria, overall_motivation="+" + hostile)}
    funded, unfunded = data.funded[0], next(a.id for a in data.session.applications if a.id not in data.funded)
    government = GovernmentDecision(decided_on=dt.date(2021, 12, 17), reference="VR 2021 1712", selected=[
        GrantedContract(application_id=funded, amount=123_456.78), GrantedContract(application_id=unfunded)])
    return first, funded, unfunded, build_advice_data(data.session, data.submissions, decisions, generated_on=ON,
                                                      government=government)


def test_summary_csv_carries_the_decision_and_the_government(demo, tmp_path):
    from jury_tui.reports.data_export import write_csv

    session, _, data = demo
    hostile = '=HYPERLINK("http://x","klik")'
    first, funded, unfunded, given = _summary_data(data, hostile)
    out = tmp_path / "samenvatting.csv"
    assert write_csv(given, out, individual=False) == len(session.applications)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["aanvraag_id"]: row for row in csv.DictReader(handle, delimiter=";")}
    header = list(next(iter(rows.values())))
    assert header[:3] == ["rang", "aanvraag_id", "ex aequo (gedeelde rang)"]
    assert header[-10:] == ["geselecteerd door de regering", "bedrag regering (euro)", "motivering (algemeen)",
                           *[f"{c.name.nl}: motivering" for c in session.criteria.criteria]]
    row = rows[first]
    assert row["Maatwerk: motivering"] == "'" + hostile  # the formula guard, on every text
    assert row["motivering (algemeen)"] == "'+" + hostile
    assert row["Haalbaarheid: motivering"] == data.decisions[first].get("haalbaarheid").motivation
    assert row["Maatwerk"] == str(data.decisions[first].get("maatwerk").score)
    assert row["aanbeveling"] == {"select": "Selecteren", "reserve": "Reserve"}[data.decisions[first].recommendation.value]
    assert (rows[funded]["geselecteerd door de regering"], rows[funded]["bedrag regering (euro)"]) == ("ja", "123456,78")
    assert (rows[unfunded]["geselecteerd door de regering"], rows[unfunded]["bedrag regering (euro)"]) == ("ja", "")
    others = [r for aid, r in rows.items() if aid not in {funded, unfunded}]
    assert {(r["geselecteerd door de regering"], r["bedrag regering (euro)"]) for r in others} == {("nee", "")}
    assert {r["ex aequo (gedeelde rang)"] for r in rows.values()} <= {"ja", "nee"}
    shared = [r["rang"] for r in rows.values() if r["ex aequo (gedeelde rang)"] == "ja"]
    assert all(shared.count(rank) >= 2 for rank in shared)  # ex aequo rows share their rank


def test_summary_without_a_government_decision_has_no_government_columns(demo, tmp_path):
    from jury_tui.reports.data_export import summary_header

    _, _, data = demo
    assert "geselecteerd door de regering" not in summary_header(data)


def test_summary_sheet_carries_the_decision_and_the_government(demo, tmp_path):
    from openpyxl import load_workbook

    from jury_tui.reports.data_export import write_xlsx

    _, _, data = demo
    hostile = "=SOM(A1:A9)"
    first, funded, _, given = _summary_data(data, hostile)
    out = tmp_path / "samenvatting.xlsx"
    write_xlsx(given, out)
    sheet = load_workbook(out)["Samenvatting"]
    head = [cell.value for cell in sheet[1]]
    rows = {row[1].value: dict(zip(head, row, strict=True)) for row in sheet.iter_rows(min_row=2)}
    cell = rows[first]["Maatwerk: motivering"]
    assert (cell.value, cell.data_type) == (hostile, "s")  # text, never a formula
    assert rows[first]["motivering (algemeen)"].data_type == "s"
    amount = rows[funded]["bedrag regering (euro)"]
    assert (amount.value, amount.number_format) == (123_456.78, "#,##0.00")
    assert rows[funded]["geadviseerd (euro)"].number_format == "#,##0.00"
    assert rows[funded]["geselecteerd door de regering"].value == "ja"
