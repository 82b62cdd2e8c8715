"""A letter per applicant (the evaluation summary report), read back: the consensus per criterion
and the outcome, nothing about individual jurors; refused while the advice is incomplete."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from test_export import CONFLICT, advice_data, consolidate_demo, flat, pdf_text

from jury_tui.domain.deliberation import GovernmentDecision, GrantedContract
from jury_tui.errors import JuryError
from jury_tui.reports.letters_pdf import letter_name, write_letters


@pytest.fixture(scope="module")
def chaired(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("letters") / "data"
    session, chair = consolidate_demo(data_dir)
    return data_dir, session, chair


@pytest.fixture(scope="module")
def letters(chaired, tmp_path_factory):
    """The letters of the complete demo advice with a government decision: (data, paths)."""
    _, _, chair = chaired
    data = advice_data(chair)
    first = data.funded[0]
    government = GovernmentDecision(
        decided_on=dt.date(2021, 12, 17), reference="VR 2021 1712 DOC.1234",
        selected=[GrantedContract(application_id=first, amount=500_000.0, illustrative=True)],
    )
    decisions = {**data.decisions, first: dataclasses.replace(data.decisions[first], conditions="Start na goedkeuring van het bouwplan.")}
    data = advice_data(chair, decisions=decisions, government=government)
    out = tmp_path_factory.mktemp("brieven")
    calls = []
    paths = write_letters(data, out, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (20, 20) and len(calls) == 20
    return data, paths


def test_one_letter_per_application_with_a_safe_name(letters):
    data, paths = letters
    assert [path.name for path in paths][:3] == [
        "brief-wvc21-01-antwerpen.pdf", "brief-wvc21-02-beringen.pdf", "brief-wvc21-03-boom.pdf"]
    assert len(paths) == len(data.session.applications) and all(path.exists() for path in paths)
    assert letter_name("wvc21-18", "Sint-Niklaas") == "brief-wvc21-18-sint-niklaas.pdf"
    assert letter_name("wvc21-99", 'Ősz: <café>/"x"*?') == "brief-wvc21-99-osz-cafe-x.pdf"
    assert letter_name("wvc21-98", "???") == "brief-wvc21-98.pdf"


def test_a_letter_holds_the_consensus_and_the_outcome_and_nothing_about_jurors(letters):
    from pypdf import PdfReader

    data, paths = letters
    session = data.session
    for path in paths:
        application_id = "-".join(path.stem.split("-")[1:3])  # brief-wvc21-03-boom
        application = session.application(application_id)
        decision = data.decision(application_id)
        text = flat(pdf_text(path))
        assert f"Aan het gemeentebestuur van {application.municipality}" in text
        assert "Evaluatieverslag van uw aanvraag" in text and "Wijkverbeteringscontracten 2021" in text
        for criterion in session.criteria.criteria:
            consensus = decision.get(criterion.id)
            label = session.criteria.scale.label(consensus.score, "nl")
            assert f"{criterion.name.nl} {consensus.score} van 5 – {label}" in text
            assert flat(consensus.motivation).split("\n")[0][:60] in text
            assert not consensus.minority_view or consensus.minority_view not in text
        assert decision.overall_motivation in text
        # nothing about individual jurors: no letter, no name, no spread, no minority view
        assert "Jurylid" not in text and "jurylid" not in text.replace("juryleden", "")
        for juror in session.jurors:
            assert juror.name not in text
        assert "mediaan" not in text and "Minderheidsstandpunt" not in text
        assert "Eén jurylid vond de planning te krap." not in text
        assert PdfReader(str(path)).metadata.creation_date.date() == dt.date(2021, 10, 15)


def test_the_outcome_with_the_governments_decision(letters):
    data, paths = letters
    first = data.funded[0]
    text = flat(pdf_text(next(path for path in paths if first in path.name)))
    amount = f"{data.advised_amount(first):,.0f}".replace(",", ".")
    assert f"De jury adviseerde de Vlaamse Regering: selecteren. Geadviseerd bedrag: {amount} euro." in text
    assert ("De Vlaamse Regering selecteerde deze aanvraag en kende 500.000 euro * toe "
            "(beslissing van 17 december 2021, referentie VR 2021 1712 DOC.1234)") in text
    assert "* Illustratief bedrag" in text
    assert "Voorwaarden en aandachtspunten voor het contract Start na goedkeuring van het bouwplan." in text
    other = data.funded[1]
    text = flat(pdf_text(next(path for path in paths if other in path.name)))
    assert "De Vlaamse Regering selecteerde deze aanvraag niet (beslissing van 17 december 2021" in text


def test_letters_are_refused_while_the_advice_is_incomplete(chaired, tmp_path):
    _, _, chair = chaired
    data = advice_data(chair)
    boom = CONFLICT[1]
    decisions = {**data.decisions, boom: dataclasses.replace(data.decisions[boom], recommendation=None)}
    incomplete = advice_data(chair, decisions=decisions)
    out = tmp_path / "brieven"
    with pytest.raises(JuryError) as caught:
        write_letters(incomplete, out)
    assert str(caught.value) == (
        "brieven niet geschreven: advies niet geëxporteerd: Boom (wvc21-03): geen aanbeveling")
    assert not out.exists()


def test_the_letters_command(chaired, tmp_path, capsys):
    from jury_tui.cli import main

    data_dir, session, chair = chaired
    out = tmp_path / "brieven"
    assert main(["--data-dir", str(data_dir), "letters", session.id, "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip().startswith("20 brieven geschreven in ")
    assert len(list(out.glob("brief-*.pdf"))) == 20
    text = flat(pdf_text(out / "brief-wvc21-03-boom.pdf"))
    assert "Aan het gemeentebestuur van Boom" in text
    created = __import__("pypdf").PdfReader(str(out / "brief-wvc21-03-boom.pdf")).metadata.creation_date
    assert created.date() == dt.date.today()
    # --names does not exist for letters: they name no juror
    with pytest.raises(SystemExit) as caught:
        main(["--data-dir", str(data_dir), "letters", session.id, "--names"])
    assert caught.value.code == 2 and "--names" in capsys.readouterr().err
    # a file where the folder belongs: one line, exit 2
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    assert main(["--data-dir", str(data_dir), "letters", session.id, "--out", str(blocker)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "is een bestand, geen map" in err


def test_letters_are_dutch_whatever_language_the_secretariat_works_in(letters, tmp_path):
    """The issue: one Dutch PDF per application. A secretariat working in English gets Dutch letters
    and keeps its English afterwards."""
    from jury_tui.i18n import language, set_language

    data, _ = letters
    set_language("en")
    try:
        paths = write_letters(data, tmp_path / "brieven")
        assert language() == "en"
        text = pdf_text(paths[0])
        assert "Evaluatieverslag van uw aanvraag" in text and "Evaluation" not in text
    finally:
        set_language("nl")
