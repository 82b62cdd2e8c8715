"""`jury-tui export` on a follow-up round: the evaluation report (PDF) and its data (CSV, XLSX),
--strict, --final; a selection session exports as before."""

from __future__ import annotations

import csv
import re
import subprocess
from pathlib import Path

import pytest
from evaluation_round import HASSELT, HASSELT_MOTIVATION, ROUND, follow_up_round

from jury_tui.cli import main
from jury_tui.formats.session_builder import build_demo_session, demo_private_keys
from jury_tui.i18n import set_language
from jury_tui.store.sessions import write_session


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JURY_DATA_DIR", raising=False)
    set_language("nl")
    yield
    set_language("nl")


def run(capsys, data_dir: Path, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    return code, out, err


def pdf_text(path: Path) -> str:
    """The PDF's text with every run of white space as one space (lines wrap anywhere)."""
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", text.replace("\xa0", " "))


def test_export_writes_the_evaluation_report_and_its_data(tmp_path, capsys):
    data_dir = tmp_path / "data"
    follow_up_round(data_dir, tmp_path)
    code, out, err = run(capsys, data_dir, "export", ROUND)
    assert code == 0, err
    exports = data_dir / "exports"
    pdf = exports / f"evaluatieverslag-{ROUND}.pdf"
    assert pdf.is_file() and (exports / f"evaluatie-{ROUND}.csv").is_file() and (exports / f"evaluatie-{ROUND}.xlsx").is_file()
    assert "evaluatieverslag geschreven naar" in out and "0 open punten" in out
    text = pdf_text(pdf)
    assert "Evaluatieverslag 2024" in text
    assert "Aan de Vlaamse minister bevoegd voor Binnenlands Bestuur" in text
    # Hasselt's infrastructure on the plan, flagged, in the one wording of a rule on report figures
    assert "Hasselt – Oude Statie-Runkst: infrastructuur, volgens plan: 23,4 % (max. 20 %) — € 124.000 van € 531.000" in text
    assert "niet voldaan" in text
    for verdict in ("Op schema", "Aandacht nodig", "Bijsturing nodig"):
        assert verdict in text
    assert HASSELT_MOTIVATION in text
    # the asks gathered per agency: the agency once, with what Hasselt asks of it
    assert text.count("Agentschap Wegen en Verkeer (contracten: 1)") == 1
    assert "Hasselt: Akkoord als wegbeheerder voor de heraanleg van de publieke ruimte rond de N80" in text
    assert "Besteding tegenover het plan" in text and "eind 2023" in text  # Hasselt's two years side by side
    pages = re.findall(r"pagina (\d+) van (\d+)", text)
    assert pages[0] == ("1", pages[0][1]) and pages[-1][0] == pages[-1][1] == pages[0][1]
    assert len(pages) == int(pages[0][1])
    assert "ontwerp" not in text.lower()

    with (exports / f"evaluatie-{ROUND}.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert len(rows) == 11 * 5  # every contract × every criterion
    hasselt = [row for row in rows if row["aanvraag_id"] == HASSELT]
    assert {row["oordeel klankbordgroep"] for row in hasselt} == {"Bijsturing nodig"}
    assert "23,4 %" in hasselt[0]["regels niet gehaald"] and hasselt[0]["uitkomst regels"] == "niet voldaan"
    assert (hasselt[0]["subsidie gepland"], hasselt[0]["subsidie besteed"], hasselt[0]["aandeel besteed"]) == ("531000", "245000", "0,4614")


def test_strict_refuses_with_the_open_points_and_writes_nothing(tmp_path, capsys):
    data_dir = tmp_path / "data"
    follow_up_round(data_dir, tmp_path, complete=False)
    code, _, err = run(capsys, data_dir, "export", ROUND, "--strict")
    assert code == 2
    line = err.strip()
    assert "\n" not in line and "Traceback" not in line
    assert line.startswith("evaluatieverslag niet geëxporteerd: Hasselt (wvc21-10): geen oordeel over het contract")
    assert "de vergadering staat niet op papier" in line
    assert not (data_dir / "exports").exists() or not any((data_dir / "exports").iterdir())


def test_without_strict_an_incomplete_report_is_marked_a_draft(tmp_path, capsys):
    data_dir = tmp_path / "data"
    follow_up_round(data_dir, tmp_path, complete=False)
    code, out, err = run(capsys, data_dir, "export", ROUND, "--pdf")
    assert code == 0, err
    assert "2 open punten" in out
    text = pdf_text(data_dir / "exports" / f"evaluatieverslag-{ROUND}.pdf")
    assert "Ontwerp: 2 punten van de evaluatie staan nog open" in text
    assert "Hasselt (wvc21-10): geen oordeel over het contract" in text
    assert text.count("Evaluatieverslag 2024 – ontwerp, onvolledig") >= 10  # on every body page


def test_final_is_refused_while_no_contract_sent_its_last_report(tmp_path, capsys):
    data_dir = tmp_path / "data"
    follow_up_round(data_dir, tmp_path)
    code, _, err = run(capsys, data_dir, "export", ROUND, "--final")
    assert code == 2
    assert "Geen eindevaluatie voor opv-2024" in err and "final: true" in err
    assert not (data_dir / "exports").exists() or not any((data_dir / "exports").iterdir())


def test_final_reports_only_the_contracts_whose_last_report_is_in(tmp_path, capsys):
    data_dir = tmp_path / "data"
    follow_up_round(data_dir, tmp_path, final=HASSELT)
    code, _, err = run(capsys, data_dir, "export", ROUND, "--final", "--pdf", "--csv")
    assert code == 0, err
    text = pdf_text(data_dir / "exports" / f"eindevaluatieverslag-{ROUND}.pdf")
    assert "Eindevaluatieverslag 2024" in text and "laatste rapport" in text
    assert "Hasselt – Oude Statie-Runkst" in text and "Tuinwijk Beringen Mijn" not in text
    with (data_dir / "exports" / f"eindevaluatie-{ROUND}.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert {row["aanvraag_id"] for row in rows} == {HASSELT}


def test_a_selection_session_exports_as_before_and_refuses_final(tmp_path, capsys):
    data_dir = tmp_path / "data"
    session = build_demo_session()
    write_session(data_dir, session, demo_private_keys(session))
    code, _, err = run(capsys, data_dir, "export", session.id, "--final")
    assert code == 2 and "--final geldt alleen voor een opvolgingsronde" in err
    code, _, err = run(capsys, data_dir, "export", session.id, "--csv")
    assert code == 0, err
    assert (data_dir / "exports" / f"scores-{session.id}.csv").is_file()
