"""`jury-tui import-scores` as a spreadsheet user meets it: every problem names the row as Excel or
LibreOffice numbers it (records, not text lines: a motivation with line breaks is one row), the
application (id and municipality – neighbourhood, as in the template) and the criterion (id and name).
End to end in a temporary folder, each message checked whole, in Dutch and in English."""

from __future__ import annotations

import pytest
from conftest import tree_snapshot, write_small_inputs
from test_cli import one_line, run

from jury_tui.i18n import set_language
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import load_session

HEADER = "application_id;criterion_id;score;motivation\n"
# Row 2 of the spreadsheet takes three text lines: the row after it is row 3, on text line 5.
MULTI_LINE = 'a1;inhoud;4;"Sterk voorstel.\nGoede analyse van de wijk.\nDuidelijke doelen."\n'

CASES = {
    "unknown application": (
        "a9;haalbaar;3;Voldoende\n",
        "scores.csv, rij 3, criterium 'haalbaar' (Haalbaarheid): onbekende aanvraag 'a9'",
        "scores.csv, row 3, criterion 'haalbaar' (Haalbaarheid): unknown application 'a9'",
    ),
    "unknown criterion": (
        "a2;schoonheid;3;Mooi\n",
        ("scores.csv, rij 3, aanvraag 'a2' (Brugge – Sint-Pieters): onbekend criterium 'schoonheid'; "
         "kies uit: inhoud, haalbaar, budget"),
        ("scores.csv, row 3, application 'a2' (Brugge – Sint-Pieters): unknown criterion 'schoonheid'; "
         "choose from: inhoud, haalbaar, budget"),
    ),
    "score off the scale": (
        "a2;inhoud;7;Uitstekend\n",
        ("scores.csv, rij 3, aanvraag 'a2' (Brugge – Sint-Pieters), criterium 'inhoud' (Inhoud): "
         "score 7 ligt buiten de schaal 0–5"),
        ("scores.csv, row 3, application 'a2' (Brugge – Sint-Pieters), criterion 'inhoud' (Content): "
         "score 7 lies outside the scale 0–5"),
    ),
    "conflicted application": (
        "a3;haalbaar;2;Zwak\n",
        ("scores.csv, rij 3, aanvraag 'a3' (Genk – Waterschei), criterium 'haalbaar' (Haalbaarheid): "
         "je meldde een belangenconflict met deze aanvraag: maak score en motivering leeg of verwijder de rij"),
        ("scores.csv, row 3, application 'a3' (Genk – Waterschei), criterion 'haalbaar' (Haalbaarheid): "
         "you declared a conflict of interest with this application: empty its score and motivation or delete the row"),
    ),
    "duplicate cell": (
        "a1;inhoud;3;Toch maar voldoende\n",
        ("scores.csv, rij 3, aanvraag 'a1' (Gent – Rabot), criterium 'inhoud' (Inhoud): "
         "staat al op rij 2: houd één rij per aanvraag en criterium"),
        ("scores.csv, row 3, application 'a1' (Gent – Rabot), criterion 'inhoud' (Content): "
         "already on row 2: keep one row per application and criterion"),
    ),
}


@pytest.fixture
def conflicted(capsys, tmp_path, monkeypatch):
    """The small session made with `jury-tui new` in ./data, run from an empty folder; juror j1
    declared a conflict with a3."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JURY_DATA_DIR", raising=False)
    inputs = write_small_inputs(tmp_path / "invoer")
    code, _, err = run(capsys, "new", "klein", "--criteria", str(inputs.criteria), "--applications",
                       str(inputs.applications), "--jurors", str(inputs.jurors), "--budget", "1500000", "--data-dir", "data")
    assert (code, err) == (0, "")
    data = tmp_path / "data"
    JurorStore(data, load_session(data, "klein"), "j1").declare_conflicts(["a3"])
    yield data
    set_language("nl")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("case", list(CASES))
def test_each_problem_names_row_application_and_criterion(capsys, conflicted, tmp_path, case, lang):
    row, dutch, english = CASES[case]
    path = tmp_path / "scores.csv"
    path.write_text(HEADER + MULTI_LINE + row, encoding="utf-8")
    before = tree_snapshot(conflicted)
    code, out, err = run(capsys, "import-scores", "klein", "--as", "j1", "scores.csv", "--data-dir", "data", "--lang", lang)
    assert (code, out) == (2, "")
    assert one_line(err) == (dutch if lang == "nl" else english)
    assert tree_snapshot(conflicted) == before  # all rows or none


def test_rows_are_counted_as_the_spreadsheet_shows_them(capsys, conflicted, tmp_path):
    """Two multi-line motivations and an empty row before the bad one: text line 8, spreadsheet row 5."""
    path = tmp_path / "scores.csv"
    text = HEADER + MULTI_LINE + 'a1;haalbaar;3;"Eerste lijn\nTweede lijn"\n' + "\n" + "a2;budget;9;\n"
    path.write_text(text, encoding="utf-8")
    assert text.splitlines()[7] == "a2;budget;9;"
    code, _, err = run(capsys, "import-scores", "klein", "--as", "j1", "scores.csv", "--data-dir", "data")
    assert code == 2
    assert one_line(err) == ("scores.csv, rij 5, aanvraag 'a2' (Brugge – Sint-Pieters), criterium 'budget' (Begroting): "
                             "score 9 ligt buiten de schaal 0–5")


@pytest.mark.parametrize(("lang", "expected"), [
    ("nl", ("scores.csv, rij 3, criterium 'haalbaar' (Haalbaarheid): onbekende aanvraag 'a9'; "
            "en nog 4 andere problemen: niets geïmporteerd")),
    ("en", ("scores.csv, row 3, criterion 'haalbaar' (Haalbaarheid): unknown application 'a9'; "
            "and 4 more problems: nothing imported")),
])
def test_all_problems_at_once_the_first_and_the_count(capsys, conflicted, tmp_path, lang, expected):
    path = tmp_path / "scores.csv"
    path.write_text(HEADER + MULTI_LINE + "".join(row for row, _, _ in CASES.values()), encoding="utf-8")
    code, _, err = run(capsys, "import-scores", "klein", "--as", "j1", "scores.csv", "--data-dir", "data", "--lang", lang)
    assert code == 2
    assert one_line(err) == expected


def test_the_full_list_names_every_row(conflicted, tmp_path):
    from jury_tui.errors import JuryError
    from jury_tui.store.juror_store import import_scores

    path = tmp_path / "scores.csv"
    path.write_text(HEADER + MULTI_LINE + "".join(row for row, _, _ in CASES.values()), encoding="utf-8")
    with pytest.raises(JuryError) as raised:
        import_scores(JurorStore(conflicted, load_session(conflicted, "klein"), "j1"), path)
    rows = [problem.split(", ")[1] for problem in raised.value.problems]
    assert rows == ["rij 3", "rij 4", "rij 5", "rij 6", "rij 7"]


@pytest.mark.parametrize(
    ("bad", "row_text", "expected"),
    [
        # A byte that is no UTF-8 (é saved as Latin-1) in the motivation of row 4, after a row of three text lines
        (b"caf\xe9", "a2;inhoud;3;Het {} is goed\n",
         "scores.csv, rij 4, aanvraag 'a2' (Brugge – Sint-Pieters), criterium 'inhoud' (Inhoud): "
         "is geen UTF-8-tekst (bewaar het bestand als UTF-8)"),
        # A control character (a bell) in the motivation
        (b"bel\x07", "a2;haalbaar;3;Een {}\n",
         "scores.csv, rij 4, aanvraag 'a2' (Brugge – Sint-Pieters), criterium 'haalbaar' (Haalbaarheid): "
         "bevat stuurtekens die in tekst niet thuishoren"),
        # In the application's own cell: only the row is certain
        (b"a\x002", "{};inhoud;3;Goed\n", "scores.csv, rij 4: bevat stuurtekens die in tekst niet thuishoren"),
        # In the header: row 1
        (b"motiva\xefion", "", "scores.csv, rij 1: is geen UTF-8-tekst (bewaar het bestand als UTF-8)"),
    ],
)
def test_a_byte_that_is_no_text_is_named_by_its_spreadsheet_row(capsys, conflicted, tmp_path, bad, row_text, expected):
    if row_text:
        content = (HEADER + MULTI_LINE + "a1;haalbaar;2;Zwak\n").encode("utf-8") + row_text.encode("utf-8").replace(b"{}", bad)
    else:
        content = HEADER.replace("motivation", "{}").encode("utf-8").replace(b"{}", bad) + MULTI_LINE.encode("utf-8")
    (tmp_path / "scores.csv").write_bytes(content)
    before = tree_snapshot(conflicted)
    code, _, err = run(capsys, "import-scores", "klein", "--as", "j1", "scores.csv", "--data-dir", "data")
    assert (code, one_line(err)) == (2, expected)
    assert tree_snapshot(conflicted) == before
