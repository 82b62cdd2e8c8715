"""The advice the government can act on (issue 13), read back from the PDF: `--strict` refuses every
open point in one line; ties, the budget in force, the reserve list and the proposals in the ranking;
the hearing, conditions and the chair's rank motivation per application; the meeting on record; the
addressee; the government's decision beside the advice; the real creation date."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from test_export import (
    CONFLICT,
    CREATED,
    JURORS,
    MEETING,
    RANK_MOTIVATION,
    TIE_MOTIVATION,
    advice_data,
    consolidate_demo,
    flat,
    pdf_text,
)

from jury_tui.domain.consensus import ApplicationDecision, Recommendation
from jury_tui.domain.deliberation import (
    Deliberation,
    GovernmentDecision,
    GrantedContract,
)
from jury_tui.domain.government import compare
from jury_tui.domain.ranking import (
    propose_best_fit,
    propose_by_rank,
    reserve_list,
    ties,
)
from jury_tui.errors import JuryError

BOOM, ANTWERPEN = CONFLICT[1], "wvc21-01"


@pytest.fixture(scope="module")
def chaired(tmp_path_factory):
    """The demo with a complete advice: (data_dir, session, chair, data)."""
    data_dir = tmp_path_factory.mktemp("advice") / "data"
    session, chair = consolidate_demo(data_dir)
    return data_dir, session, chair, advice_data(chair)


def changed(chair, data, application_id, **changes):
    """The advice data with one application's decision changed in memory (as a hand-edited file would)."""
    decision = data.decisions[application_id]
    return advice_data(chair, decisions={**data.decisions, application_id: dataclasses.replace(decision, **changes)})


def written(data, tmp_path, **options) -> str:
    from jury_tui.reports.advice_pdf import write_advice_pdf

    out = tmp_path / "advies.pdf"
    write_advice_pdf(data, out, **options)
    return flat(pdf_text(out))


def refused(data, tmp_path) -> str:
    from jury_tui.reports.advice_pdf import write_advice_pdf

    out = tmp_path / "advies.pdf"
    with pytest.raises(JuryError) as caught:
        write_advice_pdf(data, out, strict=True)
    assert not out.exists()
    message = str(caught.value)
    assert "\n" not in message
    return message


# --- strict: one line naming the application and what is missing --------------------------------


def test_the_complete_advice_passes_strict(chaired, tmp_path):
    _, _, _, data = chaired
    assert data.gaps.complete
    from jury_tui.reports.advice_pdf import write_advice_pdf

    summary = write_advice_pdf(data, tmp_path / "a.pdf", strict=True)
    assert summary.missing == 0


def test_strict_refuses_boom_without_recommendation_and_motivation(chaired, tmp_path):
    _, _, chair, data = chaired
    boom = changed(chair, data, BOOM, recommendation=None, overall_motivation="", motivation_for=None)
    message = refused(boom, tmp_path)
    assert message == "advies niet geëxporteerd: Boom (wvc21-03): geen aanbeveling, geen algemene motivering"
    text = written(boom, tmp_path)  # without --strict: written, and the open points marked
    assert "Onvolledig advies: 2 punten staan nog open" in text
    assert "Nog open: geen aanbeveling, geen algemene motivering" in text


def test_strict_refuses_an_amount_with_niet_selecteren(chaired, tmp_path):
    """The store clears the amount when the recommendation funds nothing; a hand-edited file can still hold one."""
    _, _, chair, data = chaired
    antwerpen = changed(chair, data, ANTWERPEN, recommendation=Recommendation.REJECT, advised_amount=750_000.0,
                        motivation_for=Recommendation.REJECT)
    assert refused(antwerpen, tmp_path) == "advies niet geëxporteerd: Antwerpen (wvc21-01): bedrag zonder aanbeveling 'selecteren' of 'reserve'"


def test_strict_refuses_a_motivation_written_for_another_recommendation(chaired, tmp_path):
    _, _, chair, data = chaired
    selected = data.funded[0]
    stale = changed(chair, data, selected, motivation_for=Recommendation.RESERVE)
    name = data.session.application(selected).municipality
    assert refused(stale, tmp_path) == (
        f"advies niet geëxporteerd: {name} ({selected}): algemene motivering geschreven voor een andere aanbeveling: "
        "herlees en bewaar opnieuw")


def test_strict_names_three_applications_counts_the_rest_and_says_the_session_points(chaired, tmp_path):
    _, session, chair, data = chaired
    ids = [application.id for application in session.applications[:5]]
    decisions = {**data.decisions, **{aid: ApplicationDecision(application_id=aid) for aid in ids}}
    open_data = advice_data(chair, decisions=decisions, deliberation=Deliberation())  # and no meeting on record
    message = refused(open_data, tmp_path)
    assert message.startswith("advies niet geëxporteerd: Antwerpen (wvc21-01): alle criteria (score, motivering), "
                              "geen aanbeveling, geen algemene motivering; Beringen (wvc21-02): ")
    assert "; en nog 2 aanvragen; de vergadering staat niet op papier (datum, voorzitter, aanwezigen)" in message
    assert "Brugge" not in message  # the fourth is counted, not named


def test_strict_refuses_a_selection_over_the_budget(chaired, tmp_path):
    _, _, chair, data = chaired
    tight = advice_data(chair, deliberation=dataclasses.replace(data.deliberation, budget=1_000_000))
    message = refused(tight, tmp_path)
    assert message.startswith("advies niet geëxporteerd: de geselecteerde bedragen (")
    assert "overschrijden het budget (1.000.000 euro)" in message


# --- ranking and budget ----------------------------------------------------------------------------


def test_ties_are_ex_aequo_until_the_chair_orders_them_and_the_order_is_motivated(chaired, tmp_path):
    _, _, chair, data = chaired
    groups = ties(data.ranking)
    assert groups, "the demo has ties"
    text = written(data, tmp_path)
    assert TIE_MOTIVATION in text and "volgorde van de voorzitter" in text
    unordered = advice_data(chair, deliberation=dataclasses.replace(data.deliberation, tie_orders=[]))
    first = next(row for row in unordered.ranking if row.ex_aequo)
    text = written(unordered, tmp_path)
    names = ", ".join(unordered.session.application(aid).municipality for aid in first.tied_with)
    assert f"Ex aequo op rang {first.rank}: {names}. De voorzitter legde geen volgorde vast." in text
    assert f" {first.rank}= " in text  # the shared rank in the table
    assert f"Rang {first.rank} (ex aequo) van" in text  # and in the application's facts


def test_budget_in_force_reserve_list_and_passed_over(chaired, tmp_path):
    _, session, chair, data = chaired
    raised = advice_data(chair, deliberation=dataclasses.replace(data.deliberation, budget=5_000_000))
    text = written(raised, tmp_path)
    assert "De voorzitter legde het budget vast op 5.000.000 euro; de sessie noemde 4.000.000 euro." in text
    assert "5.000.000 euro (budget van de voorzitter; de sessie: 4.000.000 euro)" in text  # the cover
    amounts = {row.application_id: raised.advised_amount(row.application_id) or row.amount for row in raised.ranking}
    reserve = reserve_list(raised.ranking, raised.funded, amounts)
    assert len(reserve) >= 2
    first, last = reserve[0], reserve[-1]
    dutch = lambda amount: f"{amount:,.0f}".replace(",", ".")  # noqa: E731
    # rank, name, recommendation, amount, cumulative, past the budget
    assert f"{dutch(first.cumulative)} {dutch(max(first.cumulative - 5_000_000, 0))}" in text
    assert f"{dutch(last.amount)} {dutch(last.cumulative)} {dutch(last.cumulative - 5_000_000)}" in text
    best = propose_best_fit(raised.ranking, 5_000_000, [c.weight for c in session.criteria.criteria])
    assert best.passed_over, "at 5 M the best fit leaves higher-ranked applications out"
    names = ", ".join(session.application(aid).municipality for aid in best.passed_over)
    assert f"Laat hoger gerangschikte aanvragen weg: {names}." in text
    by_rank = propose_by_rank(raised.ranking, 5_000_000)
    assert "Volgens rang: " + ", ".join(session.application(aid).municipality for aid in by_rank.selected) in text
    assert "De dikke lijn is de financieringsgrens" in text


def test_an_unranked_application_says_why(chaired, tmp_path):
    _, _, chair, data = chaired
    unmotivated = changed(chair, data, BOOM, rank_motivation="")
    row = unmotivated.ranked(BOOM)
    assert row.rank is None and row.too_few_votes
    text = written(unmotivated, tmp_path)
    assert "Niet gerangschikt (1)" in text
    assert "Boom – KaDRie: te weinig stemgerechtigde scores (2 van minstens 3)" in text


# --- per application -------------------------------------------------------------------------------


def test_the_chairs_texts_and_the_conditions_at_the_advised_amount(chaired, tmp_path):
    _, _, chair, data = chaired
    selected = data.funded[0]
    hearing = "Vraag: hoe betrekt u de bewoners? Antwoord: via een wijkraad."
    conditions = "Het contract start na de goedkeuring van het aangepaste bouwplan."
    amount = data.advised_amount(selected) - 100_000
    detailed = changed(chair, data, selected, hearing=hearing, conditions=conditions, advised_amount=amount)
    text = written(detailed, tmp_path)
    assert f"Inhoudelijke toelichting {hearing}" in text
    assert f"Voorwaarden en aandachtspunten voor het contract {conditions}" in text
    assert f"Gerangschikt met 2 stemgerechtigde scores (minimum 3): motivering van de voorzitter {RANK_MOTIVATION}" in text
    shown = f"{amount:,.0f}".replace(",", ".")
    assert f"Getoetst aan het geadviseerde bedrag van {shown} euro" in text
    assert "Looptijd uiterlijk tot en met 31 december 2025" in text and "loopt tot 31 december 2025" in text


# --- the meeting, the addressee --------------------------------------------------------------------


def test_the_meeting_with_the_chair_named_and_the_jurors_anonymous(chaired, tmp_path):
    _, session, _, data = chaired
    text = written(data, tmp_path)
    assert "Aan de Vlaamse Regering" in text
    assert "1.7 Juryvergadering" in text and "Voorzitter An Voorzitter" in text
    assert "Datum van de juryvergadering 12 oktober 2021" in text
    assert "Aanwezige juryleden 4 juryleden: 3 stemgerechtigd, 1 adviserend" in text
    assert "Verder aanwezig Secretariaat Wonen" in text
    for juror in session.jurors:
        assert juror.name not in text
    named = written(data, tmp_path, names=True)
    for juror_id in MEETING.attendees:
        assert session.juror(juror_id).name in named


# --- the government's decision beside the advice ---------------------------------------------------


def decision_of_government(data) -> GovernmentDecision:
    """Selects the advice's selection but the last, with one amount changed, and one the jury did not select."""
    first, *middle, last = data.funded
    outsider = next(row.application_id for row in reversed(data.ranking) if row.application_id not in data.funded)
    return GovernmentDecision(
        decided_on=dt.date(2021, 12, 17), reference="VR 2021 1712 DOC.1234", budget=7_600_000,
        selected=[
            GrantedContract(application_id=first, amount=data.advised_amount(first) - 50_000, illustrative=True),
            *[GrantedContract(application_id=aid, amount=data.advised_amount(aid)) for aid in middle],
            GrantedContract(application_id=outsider, amount=None),
        ],
    )


def test_compare_marks_what_differs(chaired):
    _, session, _, data = chaired
    government = decision_of_government(data)
    rows = {row.application_id: row for row in compare(session, data.decisions, government)}
    first, *middle, last = data.funded
    assert rows[first].differs and rows[first].illustrative and rows[first].selected  # amount changed
    assert not any(rows[aid].differs for aid in middle)  # same selection, same amount
    assert rows[last].differs and not rows[last].selected  # advised, not selected
    outsider = government.selected[-1].application_id
    assert rows[outsider].differs and rows[outsider].amount is None
    assert sum(row.differs for row in rows.values()) == 3


def test_the_government_annex_puts_advice_and_decision_side_by_side(chaired, tmp_path):
    _, session, chair, data = chaired
    government = decision_of_government(data)
    text = written(advice_data(chair, government=government), tmp_path)
    assert "Beslissing van de Vlaamse Regering" in text
    assert "Op 17 december 2021 besliste de Vlaamse Regering over dit advies (referentie VR 2021 1712 DOC.1234)" in text
    assert "Vrijgemaakt budget volgens de beslissing: 7.600.000 euro." in text
    assert "advies en beslissing verschillen (geselecteerd of niet, of het bedrag); 3 aanvragen" in text
    assert text.count("≠") >= 4  # three rows and the legend
    assert "* Illustratief bedrag" in text
    first = data.funded[0]
    granted = f"{data.advised_amount(first) - 50_000:,.0f}".replace(",", ".")
    assert f"De Vlaamse Regering selecteerde deze aanvraag en kende {granted} euro * toe" in text
    assert "De Vlaamse Regering selecteerde deze aanvraag niet" in text
    without = written(data, tmp_path)
    assert "Beslissing van de Vlaamse Regering" not in without


# --- the creation date -----------------------------------------------------------------------------


def test_the_creation_date_is_the_moment_of_writing(chaired, tmp_path, capsys):
    from pypdf import PdfReader

    from jury_tui.cli import main
    from jury_tui.reports.advice_pdf import write_advice_pdf

    data_dir, session, _, data = chaired
    out = tmp_path / "vast.pdf"
    write_advice_pdf(data, out)
    meta = PdfReader(str(out)).metadata
    assert meta.creation_date == CREATED and meta.modification_date == CREATED
    today = tmp_path / "vandaag.pdf"
    before = dt.datetime.now().astimezone().replace(microsecond=0)
    assert main(["--data-dir", str(data_dir), "export", session.id, "--pdf", str(today), "--strict"]) == 0
    after = dt.datetime.now().astimezone()
    created = PdfReader(str(today)).metadata.creation_date
    assert before <= created <= after and created.date() == dt.date.today()
    assert "0 open punten" in capsys.readouterr().out
    assert JURORS  # the submissions the export read
