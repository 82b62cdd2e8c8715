"""The evaluation data of a follow-up round and its PDF, read back: the figures per contract, the
final evaluation's choice of contracts, and the report in English."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from evaluation_round import CREATED, HASSELT, follow_up_round
from pypdf import PdfReader

from jury_tui.domain.eligibility import Outcome
from jury_tui.domain.follow_up import Basis
from jury_tui.errors import JuryError
from jury_tui.formatting import format_euro
from jury_tui.i18n import set_language
from jury_tui.reports.evaluation_data import build_evaluation_data, evaluation_refusal
from jury_tui.reports.evaluation_pdf import write_evaluation_pdf


@pytest.fixture(autouse=True)
def dutch():
    set_language("nl")
    yield
    set_language("nl")


def data_of(tmp_path: Path, **kwargs):
    session, store = follow_up_round(tmp_path / "data", tmp_path, **{k: v for k, v in kwargs.items() if k != "final_only"})
    return build_evaluation_data(session, store.submissions(), store.decisions(), store.deliberation(),
                                 final=kwargs.get("final_only", False), created=CREATED)


def test_hasselt_infrastructure_on_the_plan_is_flagged_with_its_figures(tmp_path):
    data = data_of(tmp_path)
    hasselt = next(item for item in data.contracts if item.application_id == HASSELT)
    plan = next(check for check in hasselt.checks if check.rule_id == "infrastructuur" and check.basis is Basis.PLAN)
    assert (plan.outcome, round(plan.value, 4), plan.part, plan.whole) == (Outcome.NOT_MET, 0.2335, 124000, 531000)
    assert hasselt.flagged == [plan]  # 0 of 245.000 spent on infrastructure so far: that one is met
    assert [line.name for line in hasselt.spending][-1] == "Infrastructuur"
    assert sorted(hasselt.spending[0].spent) == [2023, 2024]  # both years side by side
    assert data.verdict_text(HASSELT) == "Bijsturing nodig"
    assert evaluation_refusal(data) is None and data.gaps.complete
    agencies = [agency for agency, _ in data.asks]
    assert "Agentschap Wegen en Verkeer" in agencies
    assert (HASSELT, "Nog steeds geen goedkeuring voor de nieuwbouw aan de Oude Statie") in data.obstacles


def test_the_final_evaluation_takes_only_the_contracts_whose_last_report_is_in(tmp_path):
    with pytest.raises(JuryError, match="geen enkel contract heeft in 2024 zijn laatste voortgangsrapport"):
        data_of(tmp_path / "a", final_only=True)
    data = data_of(tmp_path / "b", final=HASSELT, final_only=True)
    assert [item.application_id for item in data.contracts] == [HASSELT]
    assert [row.application_id for row in data.portfolio] == [HASSELT]
    assert {aid for _, items in data.asks for aid, _ in items} == {HASSELT}


def test_an_open_evaluation_is_refused_in_the_words_of_the_open_points(tmp_path):
    data = data_of(tmp_path, complete=False)
    message = evaluation_refusal(data)
    assert message == ("evaluatieverslag niet geëxporteerd: Hasselt (wvc21-10): geen oordeel over het contract; "
                       "de vergadering staat niet op papier (datum, voorzitter, aanwezigen)")
    with pytest.raises(JuryError):
        write_evaluation_pdf(data, tmp_path / "x.pdf", strict=True)
    assert not (tmp_path / "x.pdf").exists()


def test_the_report_in_english(tmp_path):
    set_language("en")
    data = data_of(tmp_path)
    out = tmp_path / "evaluation.pdf"
    summary = write_evaluation_pdf(data, out)
    reader = PdfReader(out)
    assert len(reader.pages) == summary.pages
    assert reader.metadata.title == "Evaluation report 2024 — Follow-up of the neighbourhood improvement contracts"
    text = re.sub(r"\s+", " ", subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                              check=True).stdout.replace("\xa0", " "))
    assert "To the Flemish minister for Home Affairs" in text
    assert "Needs adjustment" in text and "On track" in text and "Needs attention" in text
    assert "Agentschap Wegen en Verkeer" in text  # the agency as the report names it
    assert f"page {summary.pages} of {summary.pages}" in text


def test_every_page_carries_text_and_no_page_is_left_almost_empty(tmp_path):
    """A ministry reader finds no blank or near-blank page between the sections."""
    data = data_of(tmp_path)
    out = tmp_path / "evaluation.pdf"
    write_evaluation_pdf(data, out)
    reader = PdfReader(out)
    furniture = re.compile(r"Opvolging wijkverbeteringscontracten 2024|Evaluatieverslag 2024|Sessie opv-2024.*|pagina \d+ van \d+")
    for number, page in enumerate(reader.pages, start=1):
        body = furniture.sub("", page.extract_text() or "").split()
        assert len(body) > 25, f"page {number}: {' '.join(body)}"


def layout_pages(path: Path) -> list[str]:
    """Each page's text as laid out (a wrapped cell shows as two lines)."""
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.replace("\xa0", " ").split("\f")


def written(tmp_path: Path, **kwargs) -> tuple[object, Path]:
    data = data_of(tmp_path, **kwargs)
    out = tmp_path / "evaluation.pdf"
    write_evaluation_pdf(data, out)
    return data, out


def test_the_plan_the_rules_are_worked_out_on_is_told_apart_from_the_granted_subsidy(tmp_path):
    """Hasselt's plan (its budget lines) is 531.000 of the 700.000 granted: the contract's facts and
    the portfolio say so, and only there; the other contracts' plans are their subsidy."""
    _, out = written(tmp_path)
    text = re.sub(r"\s+", " ", " ".join(layout_pages(out)))
    assert ("Plan in het rapport € 531.000, de som van de pijlers: de regels hieronder rekenen op dit plan, "
            "niet op de toegekende subsidie van € 700.000") in text
    assert text.count("Plan in het rapport") == 1
    assert text.count("toegekend: € 700.000") == 1  # under Hasselt's spending in the portfolio
    assert "De regels op de cijfers rekenen op het plan, niet op de toegekende subsidie." in text


def test_one_contract_is_spoken_of_in_the_singular(tmp_path):
    data, out = written(tmp_path, final=HASSELT, final_only=True)
    assert len(data.contracts) == 1
    text = re.sub(r"\s+", " ", " ".join(layout_pages(out)))
    assert "Dit eindevaluatieverslag behandelt het ene contract waarvan het voortgangsrapport 2024 het laatste is." in text
    assert "1 contracten" not in text
    assert PdfReader(out).metadata.subject == "Evaluatie van 1 wijkverbeteringscontract, verslagjaar 2024"


def test_amounts_of_a_billion_stay_on_one_line_in_the_spending_table(tmp_path):
    def billions(folder: Path) -> None:
        report = folder / "10-hasselt-2024.md"
        text = report.read_text(encoding="utf-8")
        text = text.replace("planned: 195000", "planned: 1250000000", 1).replace("spent: 120000", "spent: 1100000000", 1)
        report.write_text(text, encoding="utf-8")

    session, store = follow_up_round(tmp_path / "data", tmp_path, edit=billions)
    data = build_evaluation_data(session, store.submissions(), store.decisions(), store.deliberation(), created=CREATED)
    out = tmp_path / "evaluation.pdf"
    write_evaluation_pdf(data, out)
    lines = "\n".join(layout_pages(out)).splitlines()
    # the budget line's row: planned and spent whole, side by side (the chart's axis labels aside)
    assert any("€ 1.250.000.000" in line and "€ 1.100.000.000" in line for line in lines)
    assert any("Totaal" in line and "€ 1.250.336.000" in line for line in lines)
    # the taller table pushes Hasselt's milestones down: their heading goes along with the table
    for number, page in enumerate(layout_pages(out), start=1):
        if any(line.strip() == "Mijlpalen" for line in page.splitlines()):
            assert "Geplande datum" in page, f"page {number}: the heading 'Mijlpalen' without its table"


def test_the_milestones_note_stands_on_the_page_of_its_table(tmp_path):
    _, out = written(tmp_path)
    pages = layout_pages(out)
    notes = [number for number, page in enumerate(pages) if "Dagen te laat: na de geplande datum gehaald" in page]
    assert len(notes) == 11
    for number in notes:
        assert "Mijlpaal" in pages[number], f"page {number + 1}: the note without its table"


def test_the_annex_speaks_of_the_klankbordgroep_and_of_no_member_submitting(tmp_path):
    data, out = written(tmp_path)
    assert not data.submissions  # the chair consolidated without individual assessments
    text = re.sub(r"\s+", " ", " ".join(layout_pages(out)))
    assert "A.5 Samenstelling van de klankbordgroep" in text and "A.6 Vergadering van de klankbordgroep" in text
    assert ("Geen van de 7 leden diende een individuele beoordeling van de voortgangsrapporten in: de beoordeling "
            "in dit verslag is het gezamenlijke oordeel van de klankbordgroep, vastgelegd door de voorzitter.") in text
    assert "0 van de 7" not in text


def test_an_illustrative_granted_subsidy_is_marked_so_in_the_contracts_facts(tmp_path):
    """The demo's granted amounts are not from a source: the minister reads them marked, as the juror
    and the chair do; a contract whose amount is from the decision carries no mark."""
    from dataclasses import replace

    data = data_of(tmp_path)
    assert all(item.contract.illustrative for item in data.contracts)
    first = data.contracts[0]
    sourced = replace(first, contract=replace(first.contract, illustrative=False))
    data = replace(data, contracts=[sourced, *data.contracts[1:]])
    out = tmp_path / "evaluation.pdf"
    write_evaluation_pdf(data, out)
    text = re.sub(r"\s+", " ", subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                              check=True).stdout.replace("\xa0", " "))
    granted = re.findall(r"Toegekende subsidie (€ [\d.]+)( \(illustratief\))?", text)
    assert len(granted) == len(data.contracts) == 11
    assert granted[0] == (format_euro(first.contract.subsidy), "")  # from the decision: no mark
    assert all(mark == " (illustratief)" for _, mark in granted[1:])
    assert ("€ 700.000", " (illustratief)") in granted  # Hasselt's
