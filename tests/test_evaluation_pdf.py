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
