"""The command line, end to end in a temporary folder: what a secretariat or juror types and sees."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import (
    REPO,
    WVC_CRITERIA,
    application_md,
    tree_snapshot,
    write_small_inputs,
)

from jury_tui.cli import main
from jury_tui.domain.submission import checksum_of, signed_by
from jury_tui.formats.submission_file import load_submission
from jury_tui.i18n import set_language
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import load_session

DEMO = "wvc-2021-demo"


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    """Run every command from an empty folder, as a user would, with the default language."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JURY_DATA_DIR", raising=False)
    set_language("nl")
    yield
    set_language("nl")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def inputs(tmp_path):
    return write_small_inputs(tmp_path / "invoer")


@pytest.fixture
def session(capsys, inputs, tmp_path):
    """The small session created with `jury-tui new` in data dir ./data."""
    code, out, err = run(
        capsys, "new", "klein", "--criteria", str(inputs.criteria), "--applications", str(inputs.applications),
        "--jurors", str(inputs.jurors), "--budget", "1500000", "--data-dir", "data",
    )
    assert (code, err) == (0, "")
    return tmp_path / "data"


def score_all(data_dir: Path, juror: str, applications=("a1", "a2", "a3"), session_id="klein") -> None:
    """Score and motivate every criterion of `applications`; declares "no conflicts" if nothing was declared yet."""
    store = JurorStore(data_dir, load_session(data_dir, session_id), juror)
    if not store.conflicts_declared:
        store.declare_conflicts([])
    for application in applications:
        for criterion in store.session.criteria.criteria:
            store.set_score(application, criterion.id, 3)
            store.set_motivation(application, criterion.id, f"Motivatie {application} {criterion.id}")


# --- demo ---------------------------------------------------------------------------------


def test_demo_creates_the_session_and_keeps_scores_when_run_again(capsys, tmp_path):
    code, out, err = run(capsys, "demo", "--no-open", "--data-dir", "D")
    assert (code, err) == (0, "")
    assert "aangemaakt" in out
    session_file = tmp_path / "D" / "sessions" / DEMO / "session.json"
    assert session_file.is_file()
    session = load_session(tmp_path / "D", DEMO)
    assert len(session.applications) == 20
    assert len(session.jurors) == 7
    assert sum(j.role == "voting" for j in session.jurors) == 5
    assert session.budget == 4_000_000

    first = session.applications[0].id
    JurorStore(tmp_path / "D", session, "extern-1").set_score(first, "maatwerk", 4)
    before = session_file.read_bytes()

    code, out, err = run(capsys, "demo", "--no-open", "--data-dir", "D")
    assert code == 0
    assert "bestaat al" in out and "behouden" in out
    assert session_file.read_bytes() == before
    assert JurorStore(tmp_path / "D", load_session(tmp_path / "D", DEMO), "extern-1").assessment(first).get("maatwerk").score == 4


def test_demo_defaults_to_the_current_folder(capsys, tmp_path):
    assert run(capsys, "demo", "--no-open")[0] == 0
    assert (tmp_path / "sessions" / DEMO / "session.json").is_file()


def test_data_dir_from_environment(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("JURY_DATA_DIR", str(tmp_path / "uit-env"))
    assert run(capsys, "demo", "--no-open")[0] == 0
    assert (tmp_path / "uit-env" / "sessions" / DEMO / "session.json").is_file()
    assert not (tmp_path / "sessions").exists()
    code, out, _ = run(capsys, "show", DEMO, "--json")
    assert code == 0 and json.loads(out)["id"] == DEMO
    # --data-dir wins over the environment
    assert run(capsys, "demo", "--no-open", "--data-dir", "elders")[0] == 0
    assert (tmp_path / "elders" / "sessions" / DEMO).is_dir()


def test_data_dir_before_the_subcommand_is_not_ignored(capsys, tmp_path):
    run(capsys, "--data-dir", "D", "demo", "--no-open")
    assert (tmp_path / "D" / "sessions" / DEMO).is_dir()


# --- new ----------------------------------------------------------------------------------


def test_new_creates_a_session_from_files(capsys, inputs, tmp_path):
    code, out, err = run(
        capsys, "new", "klein", "--criteria", str(inputs.criteria), "--applications", str(inputs.applications),
        "--jurors", str(inputs.jurors), "--budget", "1500000", "--title", "Testoproep 2021", "--data-dir", "data",
    )
    assert (code, err) == (0, "")
    assert "sessie 'klein' aangemaakt" in out
    session = load_session(tmp_path / "data", "klein")
    assert session.title == "Testoproep 2021"
    assert [a.id for a in session.applications] == ["a1", "a2", "a3"]
    assert session.criteria.criterion_ids == ["inhoud", "haalbaar", "budget"]


def test_new_with_jurors_csv_and_real_criteria(capsys, inputs, tmp_path):
    jurors = tmp_path / "jury.csv"
    jurors.write_text("id;name;role\nextern-1;Extern expert 1;voting\nvlaams-1;Adviseur;advisory\n", encoding="utf-8")
    code, _, err = run(
        capsys, "new", "wvc", "--criteria", str(WVC_CRITERIA), "--applications", str(inputs.applications),
        "--jurors", str(jurors), "--budget", "4000000", "--data-dir", "data",
    )
    assert (code, err) == (0, "")
    assert len(load_session(tmp_path / "data", "wvc").criteria.criteria) == 7


def test_new_with_a_broken_application_creates_nothing(capsys, inputs, tmp_path):
    broken = inputs.applications / "a2.md"
    broken.write_text(application_md("a2").replace("requested_subsidy: 750000", 'requested_subsidy: "veel"'), encoding="utf-8")
    code, out, err = run(
        capsys, "new", "klein", "--criteria", str(inputs.criteria), "--applications", str(inputs.applications),
        "--jurors", str(inputs.jurors), "--budget", "1500000", "--data-dir", "data",
    )
    assert code == 2
    line = one_line(err)
    assert "a2.md" in line and "requested_subsidy" in line
    assert out == ""
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["Klein Sessie"], "mag alleen kleine letters"),
        (["klein", "--budget", "0"], "budget moet groter zijn dan 0"),
    ],
)
def test_new_with_bad_id_or_budget(capsys, inputs, tmp_path, args, expected):
    argv = ["new", args[0], "--criteria", str(inputs.criteria), "--applications", str(inputs.applications),
            "--jurors", str(inputs.jurors), "--budget", "1000", "--data-dir", "data", *args[1:]]
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert expected in one_line(err)
    assert not (tmp_path / "data" / "sessions").exists()


def test_new_never_overwrites_an_existing_session(capsys, session, inputs):
    before = tree_snapshot(session)
    code, _, err = run(
        capsys, "new", "klein", "--criteria", str(WVC_CRITERIA), "--applications", str(inputs.applications),
        "--jurors", str(inputs.jurors), "--budget", "99", "--data-dir", "data",
    )
    assert code == 2
    assert "bestaat al" in one_line(err)
    assert tree_snapshot(session) == before


def test_new_with_missing_criteria_file(capsys, inputs):
    code, _, err = run(
        capsys, "new", "klein", "--criteria", "weg.toml", "--applications", str(inputs.applications),
        "--jurors", str(inputs.jurors), "--budget", "1000", "--data-dir", "data",
    )
    assert code == 2
    line = one_line(err)
    assert "weg.toml" in line and "bestaat niet" in line


# --- show ---------------------------------------------------------------------------------


def test_show_json_lists_everything_and_progress(capsys, session):
    code, out, err = run(capsys, "show", "klein", "--json", "--data-dir", "data")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["fingerprint"] == load_session(session, "klein").fingerprint
    assert [c["id"] for c in data["criteria"]] == ["inhoud", "haalbaar", "budget"]
    assert [(a["id"], a["municipality"]) for a in data["applications"]] == [("a1", "Gent"), ("a2", "Brugge"), ("a3", "Genk")]
    jurors = {j["id"]: j for j in data["jurors"]}
    assert {j: jurors[j]["role"] for j in jurors} == {"j1": "voting", "j2": "voting", "adv": "advisory"}
    assert all(j["complete"] == 0 and j["to_assess"] == 3 and not j["finished"] for j in jurors.values())

    store = JurorStore(session, load_session(session, "klein"), "j1")
    store.declare_conflicts(["a3"])
    score_all(session, "j1", applications=("a1",))
    store.set_score("a2", "inhoud", 2)

    code, out, err = run(capsys, "show", "klein", "--json", "--data-dir", "data")
    data = json.loads(out)
    j1 = next(j for j in data["jurors"] if j["id"] == "j1")
    assert (j1["complete"], j1["in_progress"], j1["not_started"], j1["to_assess"]) == (1, 1, 0, 2)
    assert j1["conflicts"] == ["a3"] and j1["conflicts_declared"] is True
    j2 = next(j for j in data["jurors"] if j["id"] == "j2")
    assert (j2["complete"], j2["conflicts_declared"]) == (0, False)
    # show never reveals a score or a motivation
    assert "Motivatie" not in out and "score" not in out


def test_show_text_shows_who_has_not_finished(capsys, session):
    score_all(session, "j1")
    JurorStore(session, load_session(session, "klein"), "j1").declare_conflicts([])
    code, out, _ = run(capsys, "show", "klein", "--data-dir", "data")
    assert code == 0
    lines = {line.split()[1] if line.startswith(" ✓") else line.split()[0]: line for line in out.splitlines() if line.strip()}
    assert "3 van 3 beoordeeld" in lines["j1"] and "✓" in lines["j1"]
    assert "0 van 3 beoordeeld" in lines["j2"] and "nog niet verklaard" in lines["j2"]
    assert "Samen sterker in Rabot" in out and "Haalbaarheid" in out


def test_show_unknown_session(capsys, session):
    code, _, err = run(capsys, "show", "bestaat-niet", "--data-dir", "data")
    assert code == 2
    assert "sessie 'bestaat-niet' niet gevonden" in one_line(err)


def test_show_refuses_a_session_edited_on_disk(capsys, session):
    path = session / "sessions" / "klein" / "session.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["definition"]["title"] = "Gewijzigde titel"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "show", "klein", "--data-dir", "data")
    assert code == 2
    line = one_line(err)
    assert "session.json" in line and "gewijzigd" in line


def test_damaged_juror_file_is_one_line_and_untouched(capsys, session):
    score_all(session, "j1", applications=("a1",))
    path = session / "sessions" / "klein" / "jurors" / "j1" / "applications" / "a1.json"
    path.write_bytes(path.read_bytes()[:40])
    before = path.read_bytes()
    for argv in (["show", "klein"], ["submit", "klein", "--as", "j1", "--incomplete", "--out", "x.json"],
                 ["template", "klein", "--as", "j1", "--out", "t.csv"]):
        code, _, err = run(capsys, *argv, "--data-dir", "data")
        assert code == 2, argv
        line = one_line(err)
        assert "a1.json" in line and "beschadigd" in line
    assert path.read_bytes() == before
    assert not Path("x.json").exists()


# --- submit -------------------------------------------------------------------------------


def test_submit_incomplete_needs_confirmation(capsys, session, tmp_path):
    score_all(session, "j1", applications=("a1",))
    out_file = tmp_path / "inzending.json"
    code, out, err = run(capsys, "submit", "klein", "--as", "j1", "--out", str(out_file), "--data-dir", "data")
    assert code == 2
    line = one_line(err)
    assert "onvolledig" in line and "1 van 3" in line and "--incomplete" in line
    assert not out_file.exists()

    code, out, err = run(capsys, "submit", "klein", "--as", "j1", "--out", str(out_file), "--incomplete", "--data-dir", "data")
    assert (code, err) == (0, "")
    assert "ONVOLLEDIG" in out
    raw = json.loads(out_file.read_text(encoding="utf-8"))
    assert raw["complete"] is False
    assert raw["checksum"][:12] in out
    submission = load_submission(out_file)
    assert checksum_of(submission) == raw["checksum"] and submission.sequence == 1
    assert signed_by(submission, load_session(session, "klein").juror("j1").public_key)
    assert submission.session_fingerprint == load_session(session, "klein").fingerprint
    assert submission.juror_id == "j1"
    assert (submission.applications_complete, submission.applications_total) == (1, 3)


def test_submit_before_conflicts_are_declared_is_refused(capsys, session, tmp_path):
    out_file = tmp_path / "inzending.json"
    code, _, err = run(capsys, "submit", "klein", "--as", "j1", "--incomplete", "--out", str(out_file), "--data-dir", "data")
    assert code == 2
    assert "belangenconflicten" in one_line(err)
    assert not out_file.exists()


def test_submit_complete_to_default_path(capsys, session, tmp_path):
    store = JurorStore(session, load_session(session, "klein"), "j2")
    store.declare_conflicts(["a2"])
    score_all(session, "j2", applications=("a1", "a3"))
    code, out, err = run(capsys, "submit", "klein", "--as", "j2", "--data-dir", "data")
    assert (code, err) == (0, "")
    path = session / "exports" / "inzending-klein-j2.json"
    submission = load_submission(path)
    assert submission.complete is True
    assert submission.conflicts == ["a2"]
    assert [a.application_id for a in submission.assessments] == ["a1", "a3"]
    assert "volledig" in out


def test_tampered_submission_is_refused_by_check(capsys, session, tmp_path):
    score_all(session, "j1")
    out_file = tmp_path / "inzending.json"
    assert run(capsys, "submit", "klein", "--as", "j1", "--out", str(out_file), "--data-dir", "data")[0] == 0
    assert run(capsys, "check", str(out_file))[0] == 0
    out_file.write_text(out_file.read_text(encoding="utf-8").replace('"score": 3', '"score": 5', 1), encoding="utf-8")
    code, _, err = run(capsys, "check", str(out_file))
    assert code == 2
    assert "controlesom" in one_line(err)


def test_unknown_juror_is_one_clear_dutch_line(capsys, session):
    for argv in (["submit", "klein", "--as", "jx"], ["template", "klein", "--as", "jx", "--out", "t.csv"],
                 ["import-scores", "klein", "--as", "jx", "t.csv"]):
        code, _, err = run(capsys, *argv, "--data-dir", "data")
        assert code == 2
        line = one_line(err)
        assert "jurylid 'jx' bestaat niet in sessie 'klein'" in line
        assert "j1" in line
    assert not (session / "sessions" / "klein" / "jurors" / "jx").exists()


# --- template and import-scores -----------------------------------------------------------


def test_template_and_import_round_trip(capsys, session, tmp_path):
    JurorStore(session, load_session(session, "klein"), "j1").declare_conflicts(["a3"])
    template = tmp_path / "concept.csv"
    code, out, err = run(capsys, "template", "klein", "--as", "j1", "--out", str(template), "--data-dir", "data")
    assert (code, err) == (0, "")
    assert "6 regels" in out
    lines = template.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "application_id;municipality;criterion_id;criterion;scale;basis;score;motivation"
    filled = [lines[0]]
    for number, line in enumerate(lines[1:]):
        cells = line.split(";")
        cells[6], cells[7] = str(number % 6), f"Motivatie {number}"
        filled.append(";".join(cells))
    template.write_text("\n".join(filled) + "\n", encoding="utf-8")

    code, out, err = run(capsys, "import-scores", "klein", "--as", "j1", str(template), "--data-dir", "data")
    assert (code, err) == (0, "")
    assert "6 scores en motivaties geïmporteerd voor j1 (6 gewijzigd)" in out
    store = JurorStore(session, load_session(session, "klein"), "j1")
    assert store.assessment("a2").get("budget").score == 5
    assert store.assessment("a1").get("inhoud").motivation == "Motivatie 0"

    data = json.loads(run(capsys, "show", "klein", "--json", "--data-dir", "data")[1])
    assert next(j for j in data["jurors"] if j["id"] == "j1")["finished"] is True

    # the template now comes back filled in
    run(capsys, "template", "klein", "--as", "j1", "--out", str(template), "--sep", ",", "--data-dir", "data")
    from jury_tui.formats.scores_csv import cell_basis

    basis = cell_basis(5, "Motivatie 5")
    assert f"a2,Brugge – Sint-Pieters,budget,Begroting,0-5,{basis},5,Motivatie 5" in template.read_text(encoding="utf-8-sig")


def test_an_import_leaves_what_the_app_changed_since_the_template_and_refuses_a_cell_changed_on_both_sides(
        capsys, session, tmp_path):
    score_all(session, "j1")  # every cell: score and "Motivatie …" — the template carries them with their basis
    template = tmp_path / "concept.csv"
    assert run(capsys, "template", "klein", "--as", "j1", "--out", str(template), "--data-dir", "data")[0] == 0
    store = JurorStore(session, load_session(session, "klein"), "j1")
    store.set_motivation("a1", "inhoud", "Later in de app herschreven, langer en beter.")  # the app, after the template
    lines = template.read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(";")
    score_at, motivation_at = header.index("score"), header.index("motivation")

    def edited(changes: dict[tuple[str, str], str]) -> None:
        rows = [lines[0]]
        for line in lines[1:]:
            cells = line.split(";")
            if (cells[0], cells[2]) in changes:
                cells[motivation_at] = changes[(cells[0], cells[2])]
            rows.append(";".join(cells))
        template.write_text("\n".join(rows) + "\n", encoding="utf-8")

    # The spreadsheet changed another cell only: that one lands, the app's newer text stands.
    edited({("a2", "budget"): "In het rekenblad aangevuld."})
    code, out, err = run(capsys, "import-scores", "klein", "--as", "j1", str(template), "--data-dir", "data")
    assert (code, err) == (0, "") and "(1 gewijzigd)" in out
    store = JurorStore(session, load_session(session, "klein"), "j1")
    assert store.assessment("a1").get("inhoud").motivation == "Later in de app herschreven, langer en beter."
    assert store.assessment("a2").get("budget").motivation == "In het rekenblad aangevuld."
    assert store.assessment("a1").get("inhoud").score == int(lines[1].split(";")[score_at])

    # The same cell changed in both: refused, nothing imported, the app's text kept.
    edited({("a1", "inhoud"): "Ook in het rekenblad herschreven.", ("a3", "budget"): "Nog iets."})
    before = tree_snapshot(session)
    code, out, err = run(capsys, "import-scores", "klein", "--as", "j1", str(template), "--data-dir", "data")
    assert code == 2 and one_line(err) == (
        f"{template.name}, rij 2, aanvraag 'a1' (Gent – Rabot), criterium 'inhoud' (Inhoud): in het rekenblad "
        "gewijzigd én in de app sinds dit sjabloon gemaakt werd: kies zelf — neem de tekst uit de app over, of maak "
        "de cel 'basis' leeg om het rekenblad te laten winnen (er is niets ingelezen)")
    assert tree_snapshot(session) == before

    # The basis emptied: the spreadsheet wins, as the message says.
    lines[1] = ";".join(cell if position != header.index("basis") else "" for position, cell in enumerate(lines[1].split(";")))
    edited({("a1", "inhoud"): "Ook in het rekenblad herschreven."})
    assert run(capsys, "import-scores", "klein", "--as", "j1", str(template), "--data-dir", "data")[0] == 0
    store = JurorStore(session, load_session(session, "klein"), "j1")
    assert store.assessment("a1").get("inhoud").motivation == "Ook in het rekenblad herschreven."


def test_import_scores_with_errors_is_one_line_naming_the_first_and_counting_the_rest(capsys, session, tmp_path):
    JurorStore(session, load_session(session, "klein"), "j1").declare_conflicts(["a3"])
    before = tree_snapshot(session)
    path = tmp_path / "scores.csv"
    path.write_text(
        "application_id,criterion_id,score,motivation\n"
        "a1,inhoud,4,Goed\n"
        "a9,inhoud,4,x\n"
        "a1,schoonheid,4,x\n"
        "a1,haalbaar,9,x\n"
        'a1,budget,"3,5",x\n'
        "a3,inhoud,2,x\n"
        "a1,inhoud,3,y\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "import-scores", "klein", "--as", "j1", str(path), "--data-dir", "data")
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    # six problems (rows 3 to 8): the first as worded, then the other five counted
    assert one_line(err) == ("scores.csv, rij 3, criterium 'inhoud' (Inhoud): onbekende aanvraag 'a9'; "
                             "en nog 5 andere problemen: niets geïmporteerd")
    assert tree_snapshot(session) == before


def test_import_scores_problems_stay_listed_on_the_error(session, tmp_path):
    from jury_tui.errors import JuryError
    from jury_tui.store.juror_store import import_scores

    path = tmp_path / "scores.csv"
    path.write_text("application_id,criterion_id,score,motivation\na9,inhoud,4,x\na1,haalbaar,9,x\n", encoding="utf-8")
    with pytest.raises(JuryError) as raised:
        import_scores(JurorStore(session, load_session(session, "klein"), "j1"), path)
    assert len(raised.value.problems) == 2
    assert "rij 2" in raised.value.problems[0] and "rij 3" in raised.value.problems[1]


def test_import_scores_with_two_errors_counts_one_other_problem(capsys, session, tmp_path):
    path = tmp_path / "scores.csv"
    path.write_text("application_id,criterion_id,score,motivation\na9,inhoud,4,x\na1,haalbaar,9,x\n", encoding="utf-8")
    code, _, err = run(capsys, "import-scores", "klein", "--as", "j1", str(path), "--data-dir", "data")
    assert code == 2
    assert one_line(err) == ("scores.csv, rij 2, criterium 'inhoud' (Inhoud): onbekende aanvraag 'a9'; "
                             "en nog 1 ander probleem: niets geïmporteerd")


def test_import_scores_with_a_single_error(capsys, session, tmp_path):
    before = tree_snapshot(session)
    path = tmp_path / "scores.csv"
    path.write_text("application_id;criterion_id;score;motivation\na1;inhoud;4;ok\na1;haalbaar;3,5;x\n", encoding="utf-8")
    code, _, err = run(capsys, "import-scores", "klein", "--as", "j1", str(path), "--data-dir", "data")
    assert code == 2
    assert one_line(err) == ("scores.csv, rij 3, aanvraag 'a1' (Gent – Rabot), criterium 'haalbaar' (Haalbaarheid): "
                             "score '3,5' is geen geheel getal")
    assert tree_snapshot(session) == before


# --- check --------------------------------------------------------------------------------


def test_check_valid_files(capsys, inputs):
    code, out, err = run(capsys, "check", str(inputs.criteria), str(WVC_CRITERIA), str(inputs.jurors),
                         str(inputs.applications / "a1.md"), str(inputs.applications))
    assert (code, err) == (0, "")
    assert "5 van 5 bestanden in orde" in out
    assert "in orde (criteria)" in out and "in orde (juryleden)" in out and "in orde (aanvraag)" in out


def test_check_bad_file_names_file_and_field(capsys, inputs, tmp_path):
    bad = tmp_path / "kapot.md"
    bad.write_text(application_md().replace("co_financing: 250000", "co_financing: -250000"), encoding="utf-8")
    code, out, err = run(capsys, "check", str(bad))
    assert code == 2
    line = one_line(err)
    assert "kapot.md" in line and "co_financing" in line and "minstens 0" in line

    code, out, err = run(capsys, "check", str(inputs.criteria), str(bad))
    assert code == 2
    assert "1 van 2 bestanden in orde" in out
    assert "kapot.md" in one_line(err)


def test_check_scores_csv_against_a_session(capsys, session, tmp_path):
    path = tmp_path / "scores.csv"
    path.write_text("application_id;criterion_id;score;motivation\na1;inhoud;4;ok\na1;haalbaar;8;x\n", encoding="utf-8")
    assert run(capsys, "check", str(path))[0] == 0  # without a session only the columns are checked
    code, _, err = run(capsys, "check", str(path), "--session", "klein", "--data-dir", "data")
    assert code == 2
    assert "rij 3" in one_line(err) and "buiten de schaal" in err


def test_check_missing_file(capsys):
    code, _, err = run(capsys, "check", "bestaat-niet.toml")
    assert code == 2
    assert "bestaat-niet.toml: bestand bestaat niet" in one_line(err)


# --- help and usage -----------------------------------------------------------------------


@pytest.mark.parametrize("command", ["demo", "new", "show", "submit", "template", "import-scores", "check"])
def test_subcommand_help_is_dutch(capsys, command):
    with pytest.raises(SystemExit) as caught:
        main([command, "--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: jury-tui " + command)
    assert "opties:" in out and "--data-dir" in out
    assert "show this help" not in out and "usage:" not in out


def test_missing_argument_is_one_dutch_line(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["submit", "klein"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "deze argumenten ontbreken: --as" in one_line(err)


# --- as a real process: never a traceback --------------------------------------------------


def jury(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("JURY_DATA_DIR", None)
    env.pop("JURY_LANG", None)
    return subprocess.run([sys.executable, "-m", "jury_tui", *argv], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=60)


def test_process_happy_path_and_failures_without_traceback(tmp_path):
    inputs = write_small_inputs(tmp_path / "invoer")
    (inputs.applications / "a2.md").write_text("---\nid: a2\n---\n## 1. Context\n", encoding="utf-8")
    common = ["--criteria", "invoer/criteria.toml", "--applications", "invoer/aanvragen", "--jurors", "invoer/jurors.toml",
              "--budget", "1000"]

    broken = jury(tmp_path, "new", "klein", *common)
    assert broken.returncode == 2
    assert broken.stdout == ""
    assert broken.stderr.count("\n") == 1 and "Traceback" not in broken.stderr
    assert "invoer/aanvragen/a2.md" in broken.stderr and "municipality" in broken.stderr
    assert not (tmp_path / "sessions").exists()

    (inputs.applications / "a2.md").write_text(application_md("a2"), encoding="utf-8")
    created = jury(tmp_path, "new", "klein", *common)
    assert (created.returncode, created.stderr) == (0, "")
    assert "sessie 'klein' aangemaakt in sessions/klein" in created.stdout

    for argv in (["show", "nergens"], ["submit", "klein", "--as", "niemand"], ["import-scores", "klein", "--as", "j1", "weg.csv"],
                 ["check", "invoer"], ["submit", "klein"]):
        result = jury(tmp_path, *argv)
        assert result.returncode == 2, (argv, result.stderr)
        assert result.stderr.count("\n") == 1, (argv, result.stderr)
        assert "Traceback" not in result.stderr
    # ("check invoer" fails: the folder is not a folder of applications)

    assert jury(tmp_path, "conflicts", "klein", "--as", "j1", "--none").returncode == 0
    submitted = jury(tmp_path, "submit", "klein", "--as", "j1", "--incomplete")
    assert submitted.returncode == 0, submitted.stderr
    assert load_submission(tmp_path / "exports" / "inzending-klein-j1.json").complete is False


@pytest.mark.parametrize("args", [["--lang=en", "show", "nope"], ["show", "nope", "--lang", "en"], ["show", "nope", "--lang=en"]])
def test_english_is_chosen_however_lang_is_written(capsys, tmp_path, args):
    from jury_tui.i18n import set_language

    try:
        code = main([*args, "--data-dir", str(tmp_path)])
        err = capsys.readouterr().err
        assert code == 2
        assert err.startswith("session 'nope' not found")
    finally:
        set_language("nl")


@pytest.mark.parametrize(
    "argv",
    [
        ("template", "klein", "--as", "j1", "--out", "data/sessions/klein/jurors/j1/applications/a1.json"),
        ("package", "klein", "--for", "j1", "--out", "data/sessions/klein/session.json"),
        ("submit", "klein", "--as", "j1", "--incomplete", "--out", "data/sessions/klein/jurors/j1/juror.json"),
        ("submit", "klein", "--as", "j1", "--incomplete", "--out", "data/sessions/klein/jurors/j1/notes.json"),
        ("export", "klein", "--csv", "data/sessions/klein/chair/chair.json"),
        ("letters", "klein", "--out", "data/sessions"),
        ("package", "klein", "--for", "j1", "--out", "data/sessions/../sessions/klein/nieuw.jurypakket"),
    ],
)
def test_no_output_is_written_into_the_store(capsys, session, argv):
    # Each of these would replace a file of the store (scores, definition, conflicts, notes, the chair's)
    # without a backup; refused before anything is written.
    score_all(session, "j1")
    before = tree_snapshot(session)
    code, _, err = run(capsys, *argv, "--data-dir", "data")
    line = one_line(err)
    assert code == 2 and "ligt in de eigen bestanden van jury-tui" in line and "er is niets geschreven" in line
    assert tree_snapshot(session) == before


def test_an_output_beside_the_store_is_written(capsys, session):
    score_all(session, "j1")
    assert run(capsys, "template", "klein", "--as", "j1", "--out", "data/scores.csv", "--data-dir", "data")[0] == 0
    assert (session / "scores.csv").exists()


def test_show_marks_a_title_it_cuts(capsys):
    from jury_tui.formats.session_builder import build_demo_session

    long = next(a for a in build_demo_session().applications if len(a.title) > 60)
    assert run(capsys, "demo", "--no-open", "--data-dir", "data")[0] == 0
    _, out, _ = run(capsys, "show", DEMO, "--data-dir", "data")
    line = next(line for line in out.splitlines() if line.strip().startswith(long.id))
    assert line.endswith("…") and long.title[:59] in line
