"""IO: application Markdown, jurors, criteria, the scores CSV (template and all-or-nothing import), submissions."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from conftest import WVC_CRITERIA, application_md, private_key_of, tree_snapshot

from jury_tui.domain.assessment import ApplicationAssessment, CriterionScore
from jury_tui.domain.criteria import RuleKind
from jury_tui.domain.session import Role
from jury_tui.domain.submission import build_sealed_submission, seal
from jury_tui.errors import JuryError
from jury_tui.formats.applications_file import (
    load_application,
    load_applications,
    parse_application,
)
from jury_tui.formats.checks import check_file
from jury_tui.formats.criteria_file import load_criteria
from jury_tui.formats.jurors_file import load_jurors
from jury_tui.formats.scores_csv import parse_scores_csv, write_template
from jury_tui.formats.session_builder import build_session
from jury_tui.formats.submission_file import load_submission
from jury_tui.store.juror_store import import_scores


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def refusal(load, path: Path) -> str:
    with pytest.raises(JuryError) as caught:
        load(path)
    message = str(caught.value)
    assert path.name in message, message
    assert "\n" not in message, message
    return message


# --- applications -------------------------------------------------------------------------


def test_application_front_matter_and_sections(tmp_path):
    application = load_application(write(tmp_path / "a1.md", application_md()))
    assert application.id == "a1"
    assert (application.municipality, application.neighbourhood) == ("Gent", "Rabot")
    assert application.requested_subsidy == 750_000
    assert application.co_financing == 250_000
    assert application.duration_months == 48
    assert application.submitted_at.isoformat() == "2021-07-16T10:00:00+02:00"
    assert application.summary == "Een korte samenvatting."
    # split at "## "; "### " stays inside its section; the text before the first heading is not a section
    assert [s.heading for s in application.sections] == ["1. Context van de wijk", "2. Visie"]
    assert application.sections[0].body == "De wijk telt veel jonge gezinnen.\n\n### Cijfers\n\n40 % jonger dan 25."
    assert application.sections[1].body == "Samen met de bewoners."
    assert all("Inleiding" not in s.body for s in application.sections)


def test_application_with_bom_and_crlf_is_accepted(tmp_path):
    path = tmp_path / "windows.md"
    path.write_bytes(("\ufeff" + application_md(municipality="Liège")).replace("\n", "\r\n").encode("utf-8"))
    application = load_application(path)
    assert application.municipality == "Liège"
    assert [s.heading for s in application.sections] == ["1. Context van de wijk", "2. Visie"]
    assert all("\r" not in s.body and "\r" not in s.heading for s in application.sections)


def test_decomposed_accents_are_normalised(tmp_path):
    application = load_application(write(tmp_path / "nfd.md", application_md(municipality="Lie\u0300ge")))
    assert application.municipality == "Liège"


def test_empty_section_is_kept(tmp_path):
    sections = "## 1. Context\n\n## 2. Visie\n\nTekst.\n"
    application = load_application(write(tmp_path / "a.md", application_md(sections=sections)))
    assert [(s.heading, s.body) for s in application.sections] == [("1. Context", ""), ("2. Visie", "Tekst.")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(application_md().split("---\n", 2)[2], "front matter", id="no-front-matter"),
        pytest.param(application_md().replace("samenvatting.\n---\n", "samenvatting.\n", 1), "front matter", id="unclosed-front-matter"),
        pytest.param(application_md(extra_front_matter="note: [open\n"), "YAML", id="bad-yaml"),
        pytest.param(application_md(extra_front_matter="  bad indentation: x\n"), "YAML", id="bad-indentation"),
        pytest.param("---\n- a\n- b\n---\n## Sectie\n", "sleutels met waarden", id="front-matter-list"),
        pytest.param(application_md(sections="Geen koppen.\n"), "secties", id="no-sections"),
    ],
)
def test_bad_application_structure(tmp_path, text, expected):
    assert expected in refusal(load_application, write(tmp_path / "aanvraag.md", text))


@pytest.mark.parametrize(
    ("old", "new", "field", "problem"),
    [
        ("requested_subsidy: 750000", 'requested_subsidy: "veel"', "requested_subsidy", "moet een getal zijn (gevonden: 'veel')"),
        ("requested_subsidy: 750000", "requested_subsidy: 750.000,50", "requested_subsidy", "duizendtalscheiding"),
        ("co_financing: 250000", "co_financing: -5", "co_financing", "moet minstens 0 zijn"),
        ("requested_subsidy: 750000", "requested_subsidy: -1", "requested_subsidy", "moet minstens 0 zijn"),
        ("duration_months: 48", "duration_months: 0", "duration_months", "moet minstens 1 zijn"),
        ("duration_months: 48", "duration_months: 4.5", "duration_months", "moet een geheel getal zijn"),
        ("id: a1\n", "", "id", "ontbreekt"),
        ("id: a1\n", "id: Aanvraag 1\n", "id", "kleine letters"),
        ("municipality: Gent\n", "", "municipality", "ontbreekt"),
        ('submitted_at: "2021-07-16T10:00:00+02:00"', "submitted_at: 16/07/2021", "submitted_at", "datum"),
        ("approved_by: college", "approved_by: burgemeester", "approved_by", "moet 'college', 'gemeenteraad' of 'none' zijn"),
        ("duration_months: 48", "duration_months: 48\nrequested_subisdy: 5", "requested_subisdy", "onbekend veld"),
    ],
)
def test_bad_application_field_names_file_and_field(tmp_path, old, new, field, problem):
    text = application_md()
    assert old in text
    message = refusal(load_application, write(tmp_path / "aanvraag.md", text.replace(old, new, 1)))
    assert f"veld '{field}'" in message
    assert problem in message


def test_latin1_file_is_refused_with_advice(tmp_path):
    path = tmp_path / "latin.md"
    path.write_bytes(application_md(municipality="Liège").encode("latin-1"))
    assert "UTF-8" in refusal(load_application, path)


def test_control_characters_are_refused(tmp_path):
    message = refusal(load_application, write(tmp_path / "ctrl.md", application_md(title="Titel\x07met bel")))
    assert "stuurtekens" in message


@pytest.mark.parametrize("content", [b"", b"   \n\n", b"\xef\xbb\xbf"])
def test_empty_file_is_refused(tmp_path, content):
    path = tmp_path / "leeg.md"
    path.write_bytes(content)
    assert "is leeg" in refusal(load_application, path)


def test_directory_passed_as_file_is_refused(tmp_path):
    folder = tmp_path / "map.md"
    folder.mkdir()
    assert "is een map" in refusal(load_application, folder)


def test_missing_file_is_refused(tmp_path):
    assert "bestaat niet" in refusal(load_application, tmp_path / "weg.md")


def test_folder_of_applications_reports_every_bad_file(tmp_path):
    folder = tmp_path / "aanvragen"
    folder.mkdir()
    write(folder / "01.md", application_md("a1"))
    write(folder / "02.md", application_md("a2").replace("requested_subsidy: 750000", 'requested_subsidy: "veel"'))
    write(folder / "03.md", "")
    write(folder / "04.md", application_md("a1"))  # duplicate id
    write(folder / "notities.txt", "geen aanvraag")
    with pytest.raises(JuryError) as caught:
        load_applications(folder)
    problems = caught.value.problems
    assert len(problems) == 3
    assert "02.md" in problems[0] and "requested_subsidy" in problems[0]
    assert "03.md" in problems[1] and "leeg" in problems[1]
    assert "04.md" in problems[2] and "'a1'" in problems[2] and "01.md" in problems[2]


def test_folder_without_applications_is_refused(tmp_path):
    (tmp_path / "leeg").mkdir()
    assert "geen aanvragen" in refusal(load_applications, tmp_path / "leeg")


def test_parse_application_keeps_markdown_inside_sections():
    text = application_md(sections="## 1. Acties\n\n- een\n- twee\n\n**vet** en `code`\n")
    application = parse_application(text, Path("x.md"))
    assert application.sections[0].body == "- een\n- twee\n\n**vet** en `code`"


def test_demo_applications_all_load():
    from jury_tui.formats.session_builder import demo_data_dir

    applications = load_applications(demo_data_dir() / "applications")
    assert applications
    for application in applications:
        assert application.id.startswith("wvc21-")
        assert application.sections, application.id
        assert application.municipality and application.title


# --- jurors -------------------------------------------------------------------------------


def test_jurors_toml(small_inputs):
    jurors = load_jurors(small_inputs.jurors)
    assert [(j.id, j.role) for j in jurors] == [("j1", Role.VOTING), ("j2", Role.VOTING), ("adv", Role.ADVISORY)]


@pytest.mark.parametrize(
    "text",
    [
        "id,name,role\nj1,Expert 1,voting\nj2,Adviseur 1,advisory\n",
        "id;name;role\nj1;Expert 1;voting\nj2;Adviseur 1;advisory\n",
        "\ufeffID;Name;Role\r\nj1;Expert 1;voting\r\nj2;Adviseur 1;advisory\r\n",
        'id,name,role\nj1,"Expert 1",voting\nj2,"Adviseur 1",advisory\n',
    ],
    ids=["comma", "semicolon", "bom-crlf-capitals", "quoted"],
)
def test_jurors_csv(tmp_path, text):
    jurors = load_jurors(write(tmp_path / "jury.csv", text))
    assert [(j.id, j.name, j.role) for j in jurors] == [("j1", "Expert 1", Role.VOTING), ("j2", "Adviseur 1", Role.ADVISORY)]


def test_jurors_csv_with_comma_in_name_and_semicolons(tmp_path):
    jurors = load_jurors(write(tmp_path / "jury.csv", "id;name;role\nj1;Expert, Brussel;voting\n"))
    assert jurors[0].name == "Expert, Brussel"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("dup.toml", '[[jurors]]\nid="j1"\nname="A"\nrole="voting"\n[[jurors]]\nid="j1"\nname="B"\nrole="advisory"\n',
         "jurylid-id 'j1' komt twee keer voor"),
        ("dup.csv", "id,name,role\nj1,A,voting\nj1,B,voting\n", "jurylid-id 'j1' komt twee keer voor"),
        ("advies.toml", '[[jurors]]\nid="j1"\nname="A"\nrole="advisory"\n', "stemgerechtigd"),
        ("advies.csv", "id,name,role\nj1,A,advisory\nj2,B,advisory\n", "stemgerechtigd"),
        ("leeg.toml", "jurors = []\n", "geen juryleden"),
        ("kop.csv", "id,name,role\n", "geen juryleden"),
        ("geen.toml", "titel = 'x'\n", "veld 'jurors' ontbreekt"),
        ("noid.toml", '[[jurors]]\nname="A"\nrole="voting"\n', "veld 'jurors[1].id' ontbreekt"),
        ("rol.toml", '[[jurors]]\nid="j1"\nname="A"\nrole="voorzitter"\n', "veld 'jurors[1].role' moet 'voting' of 'advisory' zijn"),
        ("rol.csv", "id,name,role\nj1,A,voting\nj2,B,stemmer\n", "regel 3: veld 'role'"),
        ("kolom.csv", "naam,rol\nA,voting\n", "id, name en role"),
    ],
)
def test_bad_jurors_file(tmp_path, name, text, expected):
    assert expected in refusal(load_jurors, write(tmp_path / name, text))


# --- criteria -----------------------------------------------------------------------------


def test_wvc_2021_criteria_file():
    criteria = load_criteria(WVC_CRITERIA)
    assert criteria.id == "wvc-2021"
    assert len(criteria.criteria) == 7
    assert criteria.criterion_ids == ["maatwerk", "vernieuwend", "geintegreerd", "stakeholders", "haalbaarheid", "meetbaar", "kennisdeling"]
    assert len(criteria.eligibility) == 8
    assert {rule.kind for rule in criteria.eligibility} == set(RuleKind)
    limits = {rule.kind: rule.limit for rule in criteria.eligibility}
    assert limits[RuleKind.MAX_SUBSIDY] == 800_000
    assert limits[RuleKind.MIN_CO_FINANCING_SHARE] == pytest.approx(0.20)
    assert limits[RuleKind.MAX_INFRASTRUCTURE_SHARE] == pytest.approx(0.20)
    assert limits[RuleKind.MAX_DURATION_MONTHS] == 48
    deadline = next(rule.deadline for rule in criteria.eligibility if rule.kind is RuleKind.SUBMISSION_DEADLINE)
    assert deadline.isoformat() == "2021-07-19T12:00:00+02:00"
    assert (criteria.scale.min, criteria.scale.max) == (0, 5)
    assert all(criteria.scale.label(v) for v in range(0, 6))
    assert len(set(c.weight for c in criteria.criteria)) == 1  # equal weights by default
    assert all(c.motivation_required and c.name.en and c.description.en for c in criteria.criteria)
    assert len(criteria.criterion("vernieuwend").guidance) == 8


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda t: t.replace("weight = 1.0", "weight = 0", 1), "veld 'criteria[1].weight' moet groter zijn dan 0"),
        (lambda t: t.replace('id = "vernieuwend"', 'id = "maatwerk"'), "criterium-id 'maatwerk' komt twee keer voor"),
        (lambda t: t.replace("max = 5", "max = 6"), "veld 'scale' er moet precies één label zijn per stap van 0 tot 6"),
        (lambda t: t.replace('tie_break = ["maatwerk", "vernieuwend"]', 'tie_break = ["schoonheid"]'), "onbekend criterium 'schoonheid'"),
        (lambda t: t.replace("limit = 800000\n", ""), "regel 'subsidieplafond' heeft een grens nodig"),
        (lambda t: t.replace('kind = "max_subsidy"', 'kind = "max_subsidie"'), "veld 'eligibility[1].kind'"),
        (lambda t: t.replace("[scale]", "[scale", 1), "geen geldige TOML"),
        (lambda t: t.replace("weight = 1.0", 'weight = "zwaar"', 1), "veld 'criteria[1].weight' moet een getal zijn"),
    ],
)
def test_bad_criteria_file_names_file_and_field(tmp_path, change, expected):
    text = WVC_CRITERIA.read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text
    assert expected in refusal(load_criteria, write(tmp_path / "criteria.toml", changed))


# --- check_file recognises kinds ----------------------------------------------------------


def test_check_file_recognises_every_kind(small_inputs, tmp_path):
    csv_jurors = write(tmp_path / "jury.csv", "id;name;role\nj1;A;voting\n")
    scores = write(tmp_path / "scores.csv", "application_id;criterion_id;score;motivation\na1;inhoud;3;ok\n")
    assert check_file(small_inputs.criteria) == "criteria"
    assert check_file(WVC_CRITERIA) == "criteria"
    assert check_file(small_inputs.jurors) == "jurors"
    assert check_file(csv_jurors) == "jurors"
    assert check_file(small_inputs.applications / "a1.md") == "application"
    assert check_file(small_inputs.applications) == "application"
    assert check_file(scores) == "scores"
    with pytest.raises(JuryError, match="onbekend soort bestand"):
        check_file(write(tmp_path / "x.docx", "x"))


# --- scores CSV ---------------------------------------------------------------------------

HEADER = "application_id;criterion_id;score;motivation\n"


def read_rows(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def test_template_has_a_row_per_application_and_criterion_without_conflicts(small_store, tmp_path):
    small_store.declare_conflicts(["a3"])
    small_store.set_score("a1", "inhoud", 2)
    small_store.set_motivation("a1", "inhoud", "Zwak; maar \"eerlijk\"\nover twee regels")
    out = tmp_path / "sjabloon.csv"
    assert write_template(small_store.session, small_store.conflicts, small_store.assessment, out) == 6
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel recognises UTF-8
    rows = read_rows(out)
    assert [(r["application_id"], r["criterion_id"]) for r in rows] == [
        (a, c) for a in ("a1", "a2") for c in ("inhoud", "haalbaar", "budget")
    ]
    assert rows[0]["score"] == "2"
    assert rows[0]["motivation"] == "Zwak; maar \"eerlijk\"\nover twee regels"
    assert rows[0]["municipality"] == "Gent – Rabot"
    assert all(r["score"] == "" for r in rows[1:])


def test_template_round_trip(small_store, tmp_path):
    small_store.set_score("a1", "inhoud", 2)
    out = tmp_path / "sjabloon.csv"
    write_template(small_store.session, small_store.conflicts, small_store.assessment, out)
    rows = read_rows(out)
    fills = {("a1", "inhoud"): ("4", "Sterk; echt waar"), ("a1", "budget"): ("0", ""), ("a2", "haalbaar"): ("", "Nog lezen, €")}
    for row in rows:
        if (row["application_id"], row["criterion_id"]) in fills:
            row["score"], row["motivation"] = fills[(row["application_id"], row["criterion_id"])]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), delimiter=";")
    writer.writeheader()
    writer.writerows(rows)
    out.write_text(buffer.getvalue(), encoding="utf-8-sig")

    count, changed = import_scores(small_store, out)
    assert changed == 3
    a1 = small_store.assessment("a1")
    assert (a1.get("inhoud").score, a1.get("inhoud").motivation) == (4, "Sterk; echt waar")
    assert a1.get("budget").score == 0
    assert small_store.assessment("a2").get("haalbaar").motivation == "Nog lezen, €"
    assert small_store.assessment("a2").get("haalbaar").score is None
    # importing the same file again changes nothing
    assert import_scores(small_store, out) == (count, 0)


@pytest.mark.parametrize(
    "text",
    [
        HEADER + "a1;inhoud;4;Goed, sterk\na2;budget;3,0;\n",
        'application_id,criterion_id,score,motivation\na1,inhoud,4,"Goed, sterk"\na2,budget,3,\n',
        "\ufeffApplication_ID;Criterion_ID;Score;Motivation\r\na1;inhoud;4;Goed, sterk\r\n\r\na2;budget;3;\r\n",
        "motivation;score;criterion_id;application_id;extra\nGoed, sterk;4;inhoud;a1;x\n;3;budget;a2;\n",
    ],
    ids=["semicolon", "comma", "bom-crlf-blank-line", "other-column-order"],
)
def test_import_comma_or_semicolon(small_store, tmp_path, text):
    path = tmp_path / "scores.csv"
    path.write_text(text, encoding="utf-8")
    assert import_scores(small_store, path) == (2, 2)
    assert small_store.assessment("a1").get("inhoud").score == 4
    assert small_store.assessment("a1").get("inhoud").motivation == "Goed, sterk"
    assert small_store.assessment("a2").get("budget").score == 3


def test_import_keeps_history_with_file_name(small_store, tmp_path):
    path = write(tmp_path / "concept.csv", HEADER + "a1;inhoud;4;Goed\n")
    import_scores(small_store, path)
    assert {h.reason for h in small_store.history("a1")} == {"CSV-import concept.csv"}


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("a9;inhoud;4;x", "onbekende aanvraag 'a9'"),
        ("a1;schoonheid;4;x", "onbekend criterium 'schoonheid'; kies uit: inhoud, haalbaar, budget"),
        ("a1;inhoud;6;x", "score 6 ligt buiten de schaal 0–5"),
        ("a1;inhoud;-1;x", "score -1 ligt buiten de schaal 0–5"),
        ("a1;inhoud;3,5;x", "score '3,5' is geen geheel getal"),
        ("a1;inhoud;drie;x", "score 'drie' is geen geheel getal"),
        ("a3;inhoud;4;x", "je meldde een belangenconflict met deze aanvraag"),
        ("a2;haalbaar;4;dubbel", "staat al op rij 3: houd één rij per aanvraag en criterium"),
        ("a1;inhoud", "verwacht 4 kolommen, gevonden 2"),
        ("a1;inhoud;4;Goed; maar te kort", "verwacht 4 kolommen, gevonden 5"),
        ('a1;inhoud;4;"Sterk" voorstel', "aanhalingstekens kloppen niet"),
        ('a1;inhoud;4;"niet afgesloten', "aanhalingstekens kloppen niet"),
    ],
)
def test_one_bad_row_imports_nothing(small_store, small_data_dir, tmp_path, row, problem):
    small_store.declare_conflicts(["a3"])
    small_store.set_score("a2", "budget", 1)
    before = tree_snapshot(small_data_dir)
    # rows 2 and 3 are valid; the bad row is row 4
    path = write(tmp_path / "scores.csv", HEADER + "a1;haalbaar;5;Prima\na2;haalbaar;4;Goed\n" + row + "\n")
    with pytest.raises(JuryError) as caught:
        import_scores(small_store, path)
    assert len(caught.value.problems) == 1
    assert "scores.csv, rij 4" in caught.value.problems[0] and problem in caught.value.problems[0]
    assert tree_snapshot(small_data_dir) == before
    assert small_store.assessment("a1").get("haalbaar").score is None


def test_unclosed_quote_does_not_swallow_the_rows_after_it(small_store, small_data_dir, tmp_path):
    before = tree_snapshot(small_data_dir)
    text = 'application_id,criterion_id,score,motivation\na1,inhoud,4,"Sterk\na1,haalbaar,3,Goed\na2,inhoud,2,Zwak\n'
    path = write(tmp_path / "scores.csv", text)
    with pytest.raises(JuryError) as caught:
        import_scores(small_store, path)
    assert caught.value.problems == [caught.value.problems[0]]
    assert "scores.csv, rij 2: aanhalingstekens kloppen niet" in caught.value.problems[0]
    assert tree_snapshot(small_data_dir) == before


@pytest.mark.parametrize("length", [100_001, 140_000])
def test_overlong_motivation_is_refused(small_store, tmp_path, length):
    path = write(tmp_path / "scores.csv", HEADER + "a1;haalbaar;3;ok\na1;inhoud;4;" + "x" * length + "\n")
    with pytest.raises(JuryError) as caught:
        import_scores(small_store, path)
    assert caught.value.problems == [caught.value.problems[0]]
    assert "scores.csv, rij 3" in caught.value.problems[0] and ": is te lang" in caught.value.problems[0]
    assert small_store.assessment("a1").get("haalbaar").score is None


def test_every_problem_is_reported_on_its_own_line(small_store, small_data_dir, tmp_path):
    small_store.declare_conflicts(["a3"])
    before = tree_snapshot(small_data_dir)
    text = HEADER + "a1;inhoud;4;ok\na9;inhoud;4;x\na1;schoon;4;x\na1;haalbaar;7;x\na1;budget;3,5;x\na3;inhoud;2;x\na1;inhoud;3;y\n"
    path = write(tmp_path / "scores.csv", text)
    with pytest.raises(JuryError) as caught:
        import_scores(small_store, path)
    problems = caught.value.problems
    assert [p.split("rij ")[1].split(",")[0].split(":")[0] for p in problems] == ["3", "4", "5", "6", "7", "8"]
    assert all("scores.csv" in p and "\n" not in p for p in problems)
    assert tree_snapshot(small_data_dir) == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("application_id;criterion_id;score\na1;inhoud;4\n", "kopregel"),
        (HEADER, "bevat geen scores"),
        (HEADER + "a1;inhoud;;\n", "bevat geen scores"),
    ],
)
def test_unusable_scores_file(small_store, tmp_path, text, expected):
    path = write(tmp_path / "scores.csv", text)
    with pytest.raises(JuryError) as caught:
        import_scores(small_store, path)
    assert expected in str(caught.value) and "scores.csv" in str(caught.value)


def test_latin1_scores_file_is_refused(small_store, tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes((HEADER + "a1;inhoud;4;Zéér goed\n").encode("cp1252"))
    with pytest.raises(JuryError, match="UTF-8"):
        import_scores(small_store, path)
    assert small_store.assessment("a1").get("inhoud").score is None


def test_parse_scores_checks_against_the_session(small_session, tmp_path):
    path = write(tmp_path / "scores.csv", HEADER + "a1;inhoud;4;x\na2;inhoud;9;x\n")
    parsed = parse_scores_csv(path, small_session, frozenset())
    assert len(parsed.changes) == 1
    assert len(parsed.problems) == 1 and "rij 3" in parsed.problems[0]


# --- building a session -------------------------------------------------------------------


def test_build_session_from_files(small_session):
    assert small_session.title == "Kleine testoproep"
    assert [a.id for a in small_session.applications] == ["a1", "a2", "a3"]
    assert small_session.budget == 1_500_000


def test_build_session_reports_the_broken_file(small_inputs):
    broken = small_inputs.applications / "a2.md"
    broken.write_text(broken.read_text(encoding="utf-8").replace("requested_subsidy: 750000", 'requested_subsidy: "veel"'), encoding="utf-8")
    with pytest.raises(JuryError) as caught:
        build_session("x", small_inputs.criteria, small_inputs.applications, small_inputs.jurors, 1000)[0]
    assert "a2.md" in str(caught.value) and "requested_subsidy" in str(caught.value)


# --- submissions ---------------------------------------------------------------------------


def _sealed_submission(session) -> tuple[dict, bytes]:
    scores = {"inhoud": CriterionScore("inhoud", 4, "Sterk – ë."), "haalbaar": CriterionScore("haalbaar", 3, "Krap.")}
    _, raw = build_sealed_submission(
        session, "j1", {"a1": ApplicationAssessment("a1", scores)}, frozenset({"a3"}),
        dt.datetime(2021, 10, 1, 17, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))), 1, private_key_of(session, "j1"),
    )
    return json.loads(raw), raw


def test_a_submission_reads_back_as_written(small_session, tmp_path):
    _, raw = _sealed_submission(small_session)
    (tmp_path / "inzending.json").write_bytes(raw)
    submission = load_submission(tmp_path / "inzending.json")
    assert submission.assessments[0].scores[0].motivation == "Sterk – ë." and submission.conflicts == ["a3"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        # '$' in a pattern is the end of the text, not 'before a final newline' as in Python's re
        (lambda c: c.update(format="jury-tui/submission\n"), "veld 'format'"),
        (lambda c: c.update(session_fingerprint=c["session_fingerprint"] + "\n"), "veld 'session_fingerprint'"),
        (lambda c: c.pop("complete"), "veld 'complete' ontbreekt"),
        # values are of the JSON type jury-tui writes: nothing is converted
        (lambda c: c.update(submitted_at=0), "veld 'submitted_at' is geen geldige datum"),
        # a moment without its offset cannot be ordered against the other submissions
        (lambda c: c.update(submitted_at="2021-10-01T17:30:00"), "veld 'submitted_at' is geen geldige datum"),
        (lambda c: c["assessments"][0]["scores"][0].update(score="4"), "veld 'assessments[1].scores[1].score'"),
        (lambda c: c["assessments"][0]["scores"][0].update(score=4.0), "veld 'assessments[1].scores[1].score'"),
        (lambda c: c.update(complete=1), "veld 'complete'"),
    ],
    ids=["newline-after-format", "newline-after-fingerprint", "missing-field", "number-as-moment", "moment-without-offset",
         "score-as-text",
         "score-as-float", "number-as-boolean"],
)
def test_a_resealed_submission_not_as_written_is_refused(small_session, tmp_path, change, message):
    content, _ = _sealed_submission(small_session)
    change(content)
    path = tmp_path / "inzending.json"
    path.write_bytes(seal(content, private_key_of(small_session, "j1"))[2])
    with pytest.raises(JuryError) as caught:
        load_submission(path)
    assert "inzending.json" in str(caught.value) and message in str(caught.value)


def test_a_submission_nested_too_deeply_is_refused_in_dutch(small_session, tmp_path):
    """pydantic's JSON parser stops at a depth Python's own still reads: the message stays Dutch."""
    content, _ = _sealed_submission(small_session)
    deep: object = "x"
    for _ in range(300):
        deep = [deep]
    content["complete"] = deep
    path = tmp_path / "inzending.json"
    path.write_bytes(seal(content, private_key_of(small_session, "j1"))[2])
    with pytest.raises(JuryError) as caught:
        load_submission(path)
    assert "inzending.json" in str(caught.value) and "te diep genest" in str(caught.value)


# --- special files, sizes and folder listings (issue 12, classes 6 and 7) -------------------------


def test_a_folder_listing_takes_every_case_of_the_extension_and_skips_hidden_files(tmp_path):
    from jury_tui.formats.files import list_folder

    for name in ("b.md", "A.MD", ".verborgen.md", "notities.txt", "c.md.bak"):
        (tmp_path / name).write_text("x")
    assert [path.name for path in list_folder(tmp_path, ".md")] == ["A.MD", "b.md"]


def test_the_kind_of_an_input_file_follows_its_extension_unless_named(tmp_path):
    from jury_tui.formats.files import SIZE_LIMITS, kind_of

    assert [kind_of(Path(name)) for name in ("c.toml", "a.MD", "s.csv", "i.json", "pakket.jury")] == [
        "criteria", "application", "scores", "submission", "package"]
    assert max(SIZE_LIMITS.values()) == SIZE_LIMITS["package"]  # an unknown extension gets the largest


def test_a_jurors_csv_has_the_jurors_limit_not_the_scores_limit(tmp_path, monkeypatch):
    from jury_tui.formats.files import SIZE_LIMITS

    path = write(tmp_path / "jury.csv", "id,name,role\nj1,An,voting\n")
    monkeypatch.setitem(SIZE_LIMITS, "jurors", path.stat().st_size - 1)
    assert "groter dan" in refusal(load_jurors, path)


def test_a_missing_input_and_a_missing_folder_are_named(tmp_path):
    assert refusal(load_criteria, tmp_path / "weg.toml").endswith("weg.toml: bestand bestaat niet")
    message = refusal(load_applications, tmp_path / "aanvragen")
    assert message.endswith("aanvragen: bestand bestaat niet")
