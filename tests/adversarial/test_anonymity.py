"""Anonymisation that holds (issue 12, class 10).

Someone holding session.json knows every juror's id, name and role. The letters of an anonymous
export must not follow the ids (they are dealt at random, once, kept in chair/anonymity.json and
the same in every export and process); no role is printed next to a juror where a role group has
fewer than two members; `--without-individual` leaves out every juror's own scores.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from jury_tui.domain.assessment import ScoreChange
from jury_tui.store.anonymity import anonymity_path, read_letters
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import load_session
from tests.adversarial.conftest import refused, run

ROOT = Path(__file__).resolve().parents[2]
JUROR_LINE = re.compile(r"Jurylid [A-Z]+ \((?:stemgerechtigd|adviserend)\)")


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline=""), delimiter=";"))


def submit(capsys, data: Path, juror_id: str, conflicts: tuple[str, ...] = (), session_id: str = "klein") -> None:
    store = JurorStore(data, load_session(data, session_id), juror_id)
    store.declare_conflicts(list(conflicts))
    store.apply_batch([ScoreChange(app, "inhoud", 3, f"Motivering {juror_id} {app}") for app in ("a1", "a2", "a3")
                       if app not in conflicts], reason="test")
    out = Path(f"{session_id}-{juror_id}.json")
    result = run(capsys, "submit", session_id, "--as", juror_id, "--incomplete", "--out", out, "--data-dir", data)
    assert result.code == 0, result.err
    assert run(capsys, "import", session_id, out, "--data-dir", data).code == 0


def many_jurors(inputs, count: int = 12, advisory: int = 1) -> Path:
    lines = []
    for number in range(count):
        role = "advisory" if number >= count - advisory else "voting"
        lines.append(f'[[jurors]]\nid = "j{number:02d}"\nname = "Persoon {number:02d}"\nrole = "{role}"\n')
    path = inputs.root / "veel.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def new_session(capsys, inputs, session_id: str, jurors: Path) -> None:
    result = run(capsys, "new", session_id, "--criteria", inputs.criteria, "--applications", inputs.applications,
                 "--jurors", jurors, "--budget", "1500000", "--data-dir", "data")
    assert result.code == 0, result.err


# --- the letters ------------------------------------------------------------------------------


def test_letters_are_random_not_in_the_order_of_the_ids(capsys, inputs, tmp_path):
    jurors = many_jurors(inputs)
    data = tmp_path / "data"
    dealt = []
    for session_id in ("een", "twee"):
        new_session(capsys, inputs, session_id, jurors)
        assert run(capsys, "export", session_id, "--csv", f"{session_id}.csv", "--data-dir", data).code == 0
        letters = read_letters(data, load_session(data, session_id))
        ids = sorted(letters)
        assert sorted(letters.values(), key=lambda code: (len(code), code)) == [chr(ord("A") + i) for i in range(12)]
        assert [letters[juror_id] for juror_id in ids] != sorted(letters.values())  # 1 chance in 12! to fail
        dealt.append(letters)
    assert dealt[0] != dealt[1]  # dealt afresh per session, not derived from the ids


def test_letters_are_the_same_in_every_export_and_every_process(capsys, session):
    for juror_id in ("j1", "j2", "adv"):
        submit(capsys, session, juror_id)
    assert run(capsys, "export", "klein", "--csv", "1.csv", "--data-dir", session).code == 0
    path = anonymity_path(session, "klein")
    kept = path.read_bytes()
    assert run(capsys, "export", "klein", "--csv", "2.csv", "--pdf", "2.pdf", "--data-dir", session).code == 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    other = subprocess.run([sys.executable, "-m", "jury_tui", "export", "klein", "--csv", "3.csv", "--data-dir", str(session)],
                           capture_output=True, text=True, env=env, timeout=120)
    assert other.returncode == 0, other.stderr
    assert path.read_bytes() == kept
    assert Path("1.csv").read_bytes() == Path("2.csv").read_bytes() == Path("3.csv").read_bytes()
    letters = read_letters(session, load_session(session, "klein"))
    rows = csv_rows(Path("1.csv"))[1:]
    by_juror = {row[8].split()[1]: row[1] for row in rows if row[8]}  # "Motivering j1 a1" -> "Jurylid X"
    # the lone advisory member's own scores are not listed (see the test below)
    assert by_juror == {juror_id: f"Jurylid {letters[juror_id]}" for juror_id in ("j1", "j2")}
    # rows follow the letters, not the ids
    order = list(dict.fromkeys(row[1] for row in rows))
    assert order == sorted(order, key=lambda label: (len(label), label))
    annex = pdf_text(Path("2.pdf")).split("Bijlage A. Individuele scores per jurylid")[-1]
    voting = sorted(letters[juror_id] for juror_id in ("j1", "j2"))
    assert re.findall(r"^Jurylid ([A-Z]+)$", annex, re.MULTILINE) == voting  # one section each, by letter


def test_read_only_commands_and_a_named_export_make_no_letters(capsys, session):
    submit(capsys, session, "j1")
    for argv in (("show", "klein"), ("show", "klein", "--json")):
        assert run(capsys, *argv, "--data-dir", session).code == 0
    assert run(capsys, "export", "klein", "--csv", "n.csv", "--names", "--data-dir", session).code == 0
    assert not anonymity_path(session, "klein").exists()
    assert "Extern expert 1" in Path("n.csv").read_bytes().decode("utf-8-sig")


def test_the_letters_file_is_private_and_holds_no_names(capsys, session):
    submit(capsys, session, "j1")
    old = os.umask(0)
    try:
        assert run(capsys, "export", "klein", "--csv", "s.csv", "--data-dir", session).code == 0
    finally:
        os.umask(old)
    path = anonymity_path(session, "klein")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text(encoding="utf-8")
    assert "Extern expert" not in text and "Adviseur" not in text
    record = json.loads(text)
    assert record["session_id"] == "klein" and sorted(record["letters"]) == ["adv", "j1", "j2"]


@pytest.mark.parametrize(
    "content",
    [
        b"{niet json",
        b'{"format": "jury-tui/anonymity", "session_id": "klein", "letters": {"j1": "A", "j2": "A", "adv": "B"}}',
        b'{"format": "jury-tui/anonymity", "session_id": "klein", "letters": {"j1": "a", "j2": "B", "adv": "C"}}',
        b'{"format": "jury-tui/anonymity", "session_id": "ander", "letters": {"j1": "A", "j2": "B", "adv": "C"}}',
        b'{"format": "jury-tui/anonymity", "session_id": "klein", "letters": {"j1": "A\\u001b[31m", "j2": "B", "adv": "C"}}',
    ],
)
def test_a_damaged_letters_file_refuses_the_export_in_one_line(capsys, session, content):
    submit(capsys, session, "j1")
    path = anonymity_path(session, "klein")
    path.write_bytes(content)
    line = refused(capsys, "export", "klein", "--csv", "s.csv", "--data-dir", session, watch=(session, Path.cwd()))
    assert "anonymity.json" in line
    assert not Path("s.csv").exists()


# --- roles ------------------------------------------------------------------------------------


def test_the_lone_advisory_member_has_no_role_anywhere(capsys, session):
    submit(capsys, session, "j1")
    submit(capsys, session, "adv", conflicts=("a2",))  # j2 does not submit
    result = run(capsys, "export", "klein", "--pdf", "a.pdf", "--csv", "a.csv", "--xlsx", "a.xlsx", "--data-dir", session)
    assert result.code == 0, result.err
    text = pdf_text(Path("a.pdf"))
    assert not JUROR_LINE.search(text)
    assert "adviserend" in text.lower()  # the composition still counts the roles
    for line in text.splitlines():  # ... but lists no member next to a role
        assert not ("Adviserend" in line and "Jurylid" in line), line
        assert not ("Stemgerechtigd" in line and "Jurylid" in line), line
    flat = re.sub(r"\s+", " ", text)
    assert not JUROR_LINE.search(flat)
    assert re.search(r"Geen beoordeling ontvangen van: Jurylid [A-C]\.", flat) and "geen rol" in flat
    rows = csv_rows(Path("a.csv"))
    assert rows[0][2] == "rol" and {row[2] for row in rows[1:]} == {""}
    from openpyxl import load_workbook

    sheet = load_workbook("a.xlsx")["Scores"]
    assert {cell.value for cell in sheet["C"][1:]} in ({None}, {""})


def test_the_lone_advisory_members_own_scores_are_not_listed_beside_the_voting_range(capsys, session):
    """With the voting range per criterion in the advice, an anonymous column of scores outside it
    would name the advisory member by elimination; nor does a moment of sending map a letter back."""
    submit(capsys, session, "j1")
    submit(capsys, session, "j2")
    submit(capsys, session, "adv")
    assert run(capsys, "export", "klein", "--pdf", "a.pdf", "--csv", "a.csv", "--data-dir", session).code == 0
    letters = read_letters(session, load_session(session, "klein"))
    text = re.sub(r"\s+", " ", pdf_text(Path("a.pdf")))
    assert "adviserende juryleden staan hier niet" in text
    assert f"Jurylid {letters['adv']} Beoordeling" not in text and "Beoordeling ingediend op" not in text
    listed = {row[1] for row in csv_rows(Path("a.csv"))[1:]}
    assert listed == {f"Jurylid {letters['j1']}", f"Jurylid {letters['j2']}"}
    named = run(capsys, "export", "klein", "--pdf", "n.pdf", "--csv", "n.csv", "--names", "--data-dir", session)
    assert named.code == 0 and "Adviseur 1" in {row[1] for row in csv_rows(Path("n.csv"))[1:]}


def test_roles_are_shown_when_every_role_has_two_members(capsys, inputs, tmp_path):
    new_session(capsys, inputs, "twee-adv", many_jurors(inputs, count=5, advisory=2))
    data = tmp_path / "data"
    store = JurorStore(data, load_session(data, "twee-adv"), "j04")
    store.declare_conflicts([])
    store.apply_batch([ScoreChange("a1", "inhoud", 2, "ok")], reason="test")
    assert run(capsys, "submit", "twee-adv", "--as", "j04", "--incomplete", "--out", "s.json", "--data-dir", data).code == 0
    assert run(capsys, "import", "twee-adv", "s.json", "--data-dir", data).code == 0
    assert run(capsys, "export", "twee-adv", "--pdf", "t.pdf", "--csv", "t.csv", "--data-dir", data).code == 0
    letter = read_letters(data, load_session(data, "twee-adv"))["j04"]
    assert f"Jurylid {letter} (adviserend)" in pdf_text(Path("t.pdf"))
    assert {row[2] for row in csv_rows(Path("t.csv"))[1:]} == {"adviserend"}


# --- without the individual scores ----------------------------------------------------------------


def test_without_individual_leaves_out_the_annex_and_the_rows(capsys, session):
    for juror_id in ("j1", "j2", "adv"):
        submit(capsys, session, juror_id)
    argv = ("export", "klein", "--pdf", "w.pdf", "--csv", "w.csv", "--xlsx", "w.xlsx", "--data-dir", session)
    assert run(capsys, *argv, "--without-individual").code == 0
    assert run(capsys, "export", "klein", "--pdf", "m.pdf", "--data-dir", session).code == 0
    with_annex, without = pdf_text(Path("m.pdf")), pdf_text(Path("w.pdf"))
    assert "Individuele scores per jurylid" in with_annex and "Individuele scores per jurylid" not in without
    assert "Bijlage A. Overeenstemming tussen de juryleden" in without and "Bijlage B" not in without
    assert "ingediend op" not in without.lower()  # no juror's submission time either
    rows = csv_rows(Path("w.csv"))
    assert rows[0][:2] == ["rang", "aanvraag_id"] and len(rows) == 1 + 3  # the summary: one row per application
    assert not any("Jurylid" in cell or "Motivering j" in cell for row in rows for cell in row)
    from openpyxl import load_workbook

    assert load_workbook("w.xlsx").sheetnames == ["Samenvatting"]
