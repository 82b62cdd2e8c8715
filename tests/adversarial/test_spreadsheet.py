"""Spreadsheet safety (issue 12, class 5): no CSV this program writes hands a spreadsheet a formula,
and a cell written by us comes back from `import-scores` as the juror meant it.

Every CSV is `;`-separated unless `--sep ,`; a text cell starting with = + - @ tab or CR gets a
leading apostrophe (OWASP); numbers (a score of -1) are written as numbers. On import one guarding
apostrophe is taken off, whether the spreadsheet kept it or dropped it on saving; a motivation that
a spreadsheet replaced by its error value (#NAME?, #NAAM?) is refused, nothing imported.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from jury_tui.domain.assessment import ScoreChange
from jury_tui.formats.spreadsheet import csv_bytes, read_cell, spreadsheet_cell
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import load_session
from tests.adversarial.conftest import refused, run, snapshot
from tests.conftest import SMALL_CRITERIA_TOML

DANGEROUS = ["=", "+", "-", "@", "\t"]  # CR cannot start a stored motivation (line ends become LF on reading)


def cells(path: Path, separator: str = ";") -> list[list[str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))


def juror(data: Path, juror_id: str = "j1") -> JurorStore:
    return JurorStore(data, load_session(data, "klein"), juror_id)


def motivation_of(data: Path, application: str, criterion: str, juror_id: str = "j1") -> str:
    return juror(data, juror_id).assessment(application).get(criterion).motivation


def write_draft(path: Path, rows: list[tuple[str, str, str, str]], separator: str = ";") -> Path:
    """A juror's draft as a spreadsheet saves it (CSV UTF-8 with BOM)."""
    lines = [separator.join(["application_id", "criterion_id", "score", "motivation"])]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerows(rows)
    path.write_bytes(("\ufeff" + lines[0] + "\r\n" + buffer.getvalue()).encode("utf-8"))
    return path


# --- what we write --------------------------------------------------------------------------------


@pytest.mark.parametrize("first", DANGEROUS)
def test_the_template_guards_a_prefilled_motivation_and_reads_it_back(capsys, session, first):
    text = f"{first}SOM(A1) en meer"
    juror(session).apply_batch([ScoreChange("a1", "inhoud", 3, text)], reason="test")
    result = run(capsys, "template", "klein", "--as", "j1", "--out", "sjabloon.csv", "--data-dir", session)
    assert result.code == 0, result.err
    rows = cells(Path("sjabloon.csv"))
    row = next(row for row in rows if row[0] == "a1" and row[2] == "inhoud")
    assert row[-1] == "'" + text and row[-2] == "3"
    assert not any(cell.startswith(tuple(DANGEROUS) + ("\r",)) for row in rows for cell in row)
    # the template as it is, imported: nothing changes (its rows are as the template wrote them)
    result = run(capsys, "import-scores", "klein", "--as", "j1", "sjabloon.csv", "--data-dir", session)
    assert result.code == 0, result.err
    assert motivation_of(session, "a1", "inhoud") == text
    # and without the basis column (a draft of the juror's own): read back as the juror meant it (blanks trimmed)
    rows = cells(Path("sjabloon.csv"))
    header = rows[0].index("basis")
    write_draft(Path("eigen.csv"), [(row[0], row[2], row[-2], row[-1]) for row in rows[1:]])
    result = run(capsys, "import-scores", "klein", "--as", "j1", "eigen.csv", "--data-dir", session)
    assert result.code == 0, result.err and header
    assert motivation_of(session, "a1", "inhoud") == text.strip()


def test_the_template_guards_criterion_names_labels_and_a_negative_scale(capsys, inputs, tmp_path):
    hostile = SMALL_CRITERIA_TOML.replace('name = "Begroting"', 'name = "@Begroting"')
    hostile = hostile.replace("min = 0\nmax = 5", "min = -2\nmax = 2")
    hostile = hostile.replace(
        """  { value = 0, label = "Ontbreekt" },
  { value = 1, label = "Zeer zwak" },
  { value = 2, label = "Zwak" },
  { value = 3, label = "Voldoende" },
  { value = 4, label = "Goed" },
  { value = 5, label = "Uitstekend" },""",
        """  { value = -2, label = "Zeer zwak" },
  { value = -1, label = "Zwak" },
  { value = 0, label = "Neutraal" },
  { value = 1, label = "Goed" },
  { value = 2, label = "Uitstekend" },""",
    )
    hostile = hostile.replace("max = 5", "max = 2")
    inputs.criteria.write_text(hostile, encoding="utf-8")
    app = inputs.applications / "a1.md"
    app.write_text(app.read_text(encoding="utf-8").replace("Gent", "=Gent"), encoding="utf-8")
    result = run(capsys, "new", "klein", "--criteria", inputs.criteria, "--applications", inputs.applications,
                 "--jurors", inputs.jurors, "--budget", "1500000", "--data-dir", "data")
    assert result.code == 0, result.err
    data = tmp_path / "data"
    juror(data).apply_batch([ScoreChange("a2", "budget", -1, "+ duidelijk")], reason="test")
    assert run(capsys, "template", "klein", "--as", "j1", "--out", "s.csv", "--data-dir", data).code == 0
    rows = cells(Path("s.csv"))
    assert {row[3] for row in rows if row[2] == "budget"} == {"'@Begroting"}
    assert {row[1] for row in rows if row[0] == "a1"} == {"'=Gent – Rabot"}
    assert {row[4] for row in rows[1:]} == {"'-2-2"}  # the scale hint "-2-2" would be a sum
    scored = next(row for row in rows if row[0] == "a2" and row[2] == "budget")
    assert scored[6:] == ["-1", "'+ duidelijk"]  # a number is a number: no apostrophe
    assert run(capsys, "import-scores", "klein", "--as", "j1", "s.csv", "--data-dir", data).code == 0
    entry = juror(data).assessment("a2").get("budget")
    assert (entry.score, entry.motivation) == (-1, "+ duidelijk")


def _submit(capsys, data: Path, juror_id: str, motivation: str) -> None:
    juror(data, juror_id).declare_conflicts([])
    juror(data, juror_id).apply_batch([ScoreChange("a1", "inhoud", 4, motivation)], reason="test")
    out = Path(f"{juror_id}.json")
    result = run(capsys, "submit", "klein", "--as", juror_id, "--incomplete", "--out", out, "--data-dir", data)
    assert result.code == 0, result.err
    assert run(capsys, "import", "klein", out, "--data-dir", data).code == 0


def test_the_data_export_guards_every_formula_start_and_keeps_numbers(capsys, session):
    for juror_id, first in zip(("j1", "j2", "adv"), ("=", "@", "-"), strict=True):
        _submit(capsys, session, juror_id, f"{first}HYPERLINK(\"http://x\")")
    # named: every juror's own scores are listed (anonymous, the lone advisory member's are not)
    result = run(capsys, "export", "klein", "--csv", "s.csv", "--xlsx", "s.xlsx", "--names", "--data-dir", session)
    assert result.code == 0, result.err
    rows = cells(Path("s.csv"))
    assert rows[0][:3] == ["sessie", "jurylid", "rol"]
    motivations = sorted(row[8] for row in rows[1:] if row[8])
    assert motivations == sorted(f"'{first}HYPERLINK(\"http://x\")" for first in "=@-")
    assert {row[7] for row in rows[1:] if row[8]} == {"4"}
    assert not any(cell.startswith(tuple(DANGEROUS) + ("\r",)) for row in rows for cell in row)
    from openpyxl import load_workbook

    sheet = load_workbook("s.xlsx")["Scores"]
    texts = [cell for cell in sheet["I"][1:] if cell.value]
    assert texts and all(cell.data_type == "s" and cell.value[0] in "=@-" for cell in texts)  # text, never a formula


def test_a_carriage_return_or_tab_first_and_apostrophes_before_a_formula_are_guarded():
    assert spreadsheet_cell("\r=1") == "'\r=1" and spreadsheet_cell("\t=1") == "'\t=1"
    assert spreadsheet_cell("'=x") == "''=x" and read_cell("''=x") == "'=x"
    assert spreadsheet_cell("'t Is goed") == "'t Is goed" and read_cell("'t Is goed") == "'t Is goed"
    assert spreadsheet_cell(-1) == -1 and spreadsheet_cell(3) == 3 and spreadsheet_cell(None) == ""
    assert spreadsheet_cell(24.5, ";") == "24,5" and spreadsheet_cell(24.5, ",") == "24.5" and spreadsheet_cell(8e5) == 800000
    assert csv_bytes([["-1", -1, "=A1"]]) == "\ufeff'-1;-1;'=A1\r\n".encode()


# --- what comes back from a spreadsheet ------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "meant"),
    [
        ("'=SOM(A1)", "=SOM(A1)"),  # the guard kept by the spreadsheet
        ("=SOM(A1)", "=SOM(A1)"),  # the guard dropped on saving (Excel's text prefix): the text as it is
        ("''=x", "'=x"),  # a juror's own apostrophe before a formula-like text
        ("'t Is goed", "'t Is goed"),  # an apostrophe that guards nothing stays
        ("'- eerste punt\n- tweede punt", "- eerste punt\n- tweede punt"),
    ],
)
def test_import_reads_a_cell_back_as_the_juror_meant_it(capsys, session, tmp_path, cell, meant):
    draft = write_draft(tmp_path / "d.csv", [("a1", "inhoud", "4", cell)])
    result = run(capsys, "import-scores", "klein", "--as", "j1", draft, "--data-dir", session)
    assert result.code == 0, result.err
    assert motivation_of(session, "a1", "inhoud") == meant


def test_signed_scores_in_a_draft_are_numbers(capsys, session, tmp_path):
    draft = write_draft(tmp_path / "d.csv", [("a1", "inhoud", "+3", "goed"), ("a1", "haalbaar", "'4", "ok")])
    assert run(capsys, "import-scores", "klein", "--as", "j1", draft, "--data-dir", session).code == 0
    assessment = juror(session).assessment("a1")
    assert (assessment.get("inhoud").score, assessment.get("haalbaar").score) == (3, 4)
    minus = write_draft(tmp_path / "m.csv", [("a2", "inhoud", "'-1", "te laag")])
    line = refused(capsys, "import-scores", "klein", "--as", "j1", minus, "--data-dir", session, watch=(session,))
    assert "-1" in line and "rij 2" in line  # off the 0-5 scale, named as the number it is


@pytest.mark.parametrize("error", ["#NAME?", "#NAAM?", "#WAARDE!", "#N/B"])
def test_a_motivation_a_spreadsheet_turned_into_an_error_is_refused(capsys, session, tmp_path, error):
    draft = write_draft(tmp_path / "d.csv", [("a1", "inhoud", "4", "goed"), ("a1", "haalbaar", "3", error)])
    juror(session)  # the juror's folder exists, as after any earlier command
    line = refused(capsys, "import-scores", "klein", "--as", "j1", draft, "--data-dir", session, watch=(session, tmp_path))
    assert error in line and "rij 3" in line and "formule" in line
    assert motivation_of(session, "a1", "inhoud") == ""  # nothing imported


# --- one separator ------------------------------------------------------------------------------


def test_comma_on_request_for_the_template_and_the_export_and_the_import_sniffs(capsys, session):
    juror(session).apply_batch([ScoreChange("a1", "inhoud", 2, "=x; y, z")], reason="test")
    assert run(capsys, "template", "klein", "--as", "j1", "--out", "k.csv", "--sep", ",", "--data-dir", session).code == 0
    raw = Path("k.csv").read_bytes().decode("utf-8-sig")
    assert raw.startswith("application_id,municipality,criterion_id,") and '"\'=x; y, z"' in raw
    assert run(capsys, "import-scores", "klein", "--as", "j1", "k.csv", "--data-dir", session).code == 0
    assert motivation_of(session, "a1", "inhoud") == "=x; y, z"
    _submit(capsys, session, "j2", "=goed")
    assert run(capsys, "export", "klein", "--csv", "e.csv", "--sep", ",", "--data-dir", session).code == 0
    assert Path("e.csv").read_bytes().decode("utf-8-sig").startswith("sessie,jurylid,rol,")
    assert run(capsys, "export", "klein", "--csv", "f.csv", "--data-dir", session).code == 0
    assert Path("f.csv").read_bytes().decode("utf-8-sig").startswith("sessie;jurylid;rol;")  # the default


def test_an_unknown_separator_is_refused_in_one_line(capsys, session):
    from jury_tui.cli import main

    before = snapshot(session, Path.cwd())
    with pytest.raises(SystemExit) as exit_code:  # argparse's refusal, as for any bad option
        main(["export", "klein", "--csv", "e.csv", "--sep", "|", "--data-dir", str(session)])
    _, err = capsys.readouterr()
    assert exit_code.value.code == 2 and len(err.strip().splitlines()) == 1 and "--sep" in err
    assert snapshot(session, Path.cwd()) == before
