"""Class 4 and 13 of issue 12: no text reaches the terminal as control sequences, and no id a
Windows laptop cannot store as a name.

Control characters are refused where input is read, in every spelling a file kind allows (raw, YAML
"\\e" and "\\x07", TOML and JSON "\\u001b"); whatever is shown (a path, an argument, a message) is
shown visibly: ESC as the four characters \\x1b, never the byte a terminal acts on.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jury_tui.errors import JuryError, visible
from jury_tui.i18n import t
from tests.adversarial.conftest import RAW_CONTROL, run
from tests.adversarial.conftest import refused as refused_by
from tests.conftest import SMALL_JURORS_TOML, application_md


def refused(capsys, *argv, watch=()):
    return refused_by(capsys, *argv, watch=(Path.cwd(), *watch))


def control_line(line: str, code: str) -> None:
    """The one line names the character by its code point, and says it is a control character."""
    assert f"stuurteken ({code})" in line, line


# --- criteria (TOML) --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "code", "field"),
    [
        ('name = "Haalbaarheid"', 'name = "Haal\\u001b[31mbaar"', "U+001B", "criteria[2].name.nl"),
        ('description = "Is het voorstel uitvoerbaar?"', 'description = "Is het \\u202Evoorstel"', "U+202E",
         "criteria[2].description.nl"),
        ('title.en = "Small test call"', 'title.en = "Small \\u009b2J call"', "U+009B", "title.en"),
        ('{ value = 3, label = "Voldoende" }', '{ value = 3, label = "Vol\\u0007doende" }', "U+0007",
         "scale.steps[4].label.nl"),
    ],
    ids=["toml-esc", "toml-bidi-override", "toml-8bit-csi", "toml-bel"],
)
def test_a_control_character_spelled_in_toml_is_refused_by_check_and_new(capsys, inputs, old, new, code, field):
    text = inputs.criteria.read_text(encoding="utf-8")
    assert old in text
    inputs.criteria.write_text(text.replace(old, new), encoding="utf-8")
    line = refused(capsys, "check", inputs.criteria)
    control_line(line, code)
    assert f"veld '{field}'" in line
    line = refused(capsys, "new", "klein", "--criteria", inputs.criteria, "--applications", inputs.applications,
                   "--jurors", inputs.jurors, "--budget", "1000", "--data-dir", "data")
    control_line(line, code)
    assert not Path("data").exists()


def test_a_raw_c1_character_in_toml_is_refused(capsys, inputs):
    """Raw (not escaped): U+009B in UTF-8 is two bytes no C0 check sees."""
    text = inputs.criteria.read_text(encoding="utf-8").replace('name = "Begroting"', 'name = "Begr\u009b2Joting"')
    inputs.criteria.write_text(text, encoding="utf-8")
    control_line(refused(capsys, "check", inputs.criteria), "U+009B")


# --- applications (Markdown with YAML front matter) -------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "code", "field"),
    [
        ({"title": '"Rabot\\e[2J vooruit"'}, "U+001B", "title"),
        ({"municipality": '"Gent\\x07"'}, "U+0007", "municipality"),
        ({"neighbourhood": '"Rabot\\u202e"'}, "U+202E", "neighbourhood"),
        ({"extra_front_matter": 'illustrative: ["budgeted_cost\\x9b"]\n'}, "U+009B", "illustrative[1]"),
        ({"sections": "## Context\n\nDe wijk \u202etelt veel gezinnen.\n"}, "U+202E", "sections[1].body"),
        ({"sections": "## Con\u0085text\n\nDe wijk.\n"}, "U+0085", "sections[1].heading"),
    ],
    ids=["yaml-e", "yaml-x07", "yaml-u202e", "yaml-x9b-in-list", "raw-bidi-in-section", "raw-nel-in-heading"],
)
def test_a_control_character_in_an_application_is_refused(capsys, tmp_path, kwargs, code, field):
    path = tmp_path / "a1.md"
    path.write_text(application_md(**kwargs), encoding="utf-8")
    line = refused(capsys, "check", path)
    control_line(line, code)
    assert f"veld '{field}'" in line


def test_a_newline_in_a_one_line_field_is_refused(capsys, tmp_path):
    path = tmp_path / "a1.md"
    path.write_text(application_md(title='"Samen\\nsterker"'), encoding="utf-8")
    line = refused(capsys, "check", path)
    control_line(line, "U+000A")


def test_a_raw_escape_in_a_file_is_refused_before_it_is_parsed(capsys, tmp_path):
    path = tmp_path / "a1.md"
    path.write_text(application_md(title="Rabot\x1b[2J"), encoding="utf-8")
    assert "regel 5" in refused(capsys, "check", path)


# --- jurors (TOML and CSV) --------------------------------------------------------------------


def test_an_osc_sequence_in_a_juror_name_is_refused(capsys, tmp_path):
    path = tmp_path / "jurors.toml"
    path.write_text(SMALL_JURORS_TOML.replace('"Extern expert 1"', '"Jan\\u001b]0;pwned\\u0007"'), encoding="utf-8")
    line = refused(capsys, "check", path)
    control_line(line, "U+001B")
    assert "jurors[1].name" in line


def test_a_bidi_override_in_a_juror_csv_is_refused(capsys, tmp_path):
    path = tmp_path / "jurors.csv"
    path.write_text("id;name;role\nj1;Jan \u202eXX;voting\n", encoding="utf-8")
    line = refused(capsys, "check", path)
    control_line(line, "U+202E")
    assert "regel 2" in line


def test_an_id_with_a_control_character_is_refused(capsys, tmp_path):
    path = tmp_path / "jurors.toml"
    path.write_text(SMALL_JURORS_TOML.replace('id = "j1"', 'id = "j\\u001b1"'), encoding="utf-8")
    line = refused(capsys, "check", path)
    assert "jurors[1].id" in line and "kleine letters" in line


# --- the session and the juror's files (JSON) -------------------------------------------------


def test_an_escape_spelled_in_session_json_is_refused(capsys, session):
    path = session / "sessions" / "klein" / "session.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["definition"]["jurors"][0]["name"] = "Jan\u001b[2J"
    path.write_text(json.dumps(data, ensure_ascii=True, indent=2), encoding="utf-8")
    assert "\\u001b" in path.read_text(encoding="utf-8")
    line = refused(capsys, "show", "klein", "--data-dir", session, watch=(session,))
    assert "session.json" in line


def test_an_escape_spelled_in_a_submission_is_refused_by_check(capsys, session):
    run(capsys, "conflicts", "klein", "--as", "j1", "--none", "--data-dir", session)
    out = Path("in.json")
    assert run(capsys, "submit", "klein", "--as", "j1", "--incomplete", "--out", out, "--data-dir", session).code == 0
    forged = out.read_text(encoding="utf-8").replace('"motivation": ""', '"motivation": "x\\u001b[2J"', 1)
    from jury_tui.domain.submission import seal

    private_key = bytes.fromhex((session / "sessions" / "klein" / "keys" / "j1.key").read_text().strip())
    raw = seal(json.loads(forged), private_key)[2]
    out.write_bytes(raw)
    assert b"\\u001b" in raw
    control_line(refused(capsys, "check", out, watch=(session,)), "U+001B")


# --- the juror's score import (CSV) -----------------------------------------------------------


def test_a_raw_escape_in_a_score_csv_is_refused_and_nothing_imported(capsys, session):
    run(capsys, "conflicts", "klein", "--as", "j1", "--none", "--data-dir", session)
    path = Path("scores.csv")
    path.write_text("application_id;criterion_id;score;motivation\na1;inhoud;4;Goed\x1b[2J\n", encoding="utf-8")
    refused(capsys, "import-scores", "klein", "--as", "j1", path, "--data-dir", session, watch=(session,))


def test_a_bidi_override_in_a_score_csv_is_refused_and_nothing_imported(capsys, session):
    run(capsys, "conflicts", "klein", "--as", "j1", "--none", "--data-dir", session)
    path = Path("scores.csv")
    path.write_text("application_id;criterion_id;score;motivation\na1;inhoud;4;Goed \u202eXX\n", encoding="utf-8")
    control_line(refused(capsys, "import-scores", "klein", "--as", "j1", path, "--data-dir", session, watch=(session,)),
                 "U+202E")


# --- what the command line shows --------------------------------------------------------------


def test_a_juror_given_with_an_escape_is_shown_visibly(capsys, session):
    line = refused(capsys, "submit", "klein", "--as", "\x1b[31mj1", "--data-dir", session, watch=(session,))
    assert "\\x1b[31mj1" in line


def test_a_path_with_an_escape_is_shown_visibly(capsys, tmp_path):
    path = tmp_path / "kwaad\x1b]0;titel\x07.md"
    path.write_text(application_md(title=""), encoding="utf-8")
    line = refused(capsys, "check", path.name)
    assert line.startswith("kwaad\\x1b]0;titel\\x07.md: ")


def test_an_unknown_option_with_an_escape_is_shown_visibly(capsys, session):
    with pytest.raises(SystemExit) as exit_:  # argparse's own refusal ends the process
        run(capsys, "show", "klein", "--\x1b[2Jx", "--data-dir", session)
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert not RAW_CONTROL.search(err)
    assert len(err.strip().splitlines()) == 1 and "\\x1b[2Jx" in err


def test_a_session_id_with_an_escape_is_refused_by_new(capsys, inputs):
    line = refused(capsys, "new", "k\x1b[2J", "--criteria", inputs.criteria, "--applications", inputs.applications,
                   "--jurors", inputs.jurors, "--budget", "1000", "--data-dir", "data")
    assert "k\\x1b[2J" in line and "kleine letters" in line


def test_a_title_with_a_bidi_override_is_refused_by_new(capsys, inputs):
    line = refused(capsys, "new", "klein", "--title", "Oproep \u202e2021", "--criteria", inputs.criteria,
                   "--applications", inputs.applications, "--jurors", inputs.jurors, "--budget", "1000",
                   "--data-dir", "data")
    control_line(line, "U+202E")
    assert "title" in line


def test_a_damaged_file_named_with_bidi_and_c1_is_named_visibly_by_import(capsys, session):
    path = Path("inz") / "inzending-\u202egpj.\x9b.json"
    path.parent.mkdir()
    path.write_text("{", encoding="utf-8")
    line = refused_by(capsys, "import", "klein", path.parent, "--data-dir", session, watch=(path.parent,))
    assert "inzending-\\u202egpj.\\x9b.json" in line


def test_undecodable_bytes_in_a_file_name_are_shown_not_crashed_on(capsys):
    """A name that is not UTF-8 arrives as surrogate halves: printing one would fail."""
    line = refused(capsys, "check", "kapot-\udcff.md")
    assert "kapot-\\udcff.md" in line


# --- ids a Windows laptop cannot store ---------------------------------------------------------


@pytest.mark.parametrize("session_id", ["aux", "con", "nul", "prn", "com1", "lpt9", "com0"])
def test_a_session_id_windows_reserves_is_refused_by_new(capsys, inputs, session_id):
    line = refused(capsys, "new", session_id, "--criteria", inputs.criteria, "--applications", inputs.applications,
                   "--jurors", inputs.jurors, "--budget", "1000", "--data-dir", "data")
    assert "Windows" in line and f"'{session_id}'" in line
    assert not Path("data").exists()


def test_an_application_con_md_with_id_con_is_refused(capsys, inputs):
    (inputs.applications / "con.md").write_text(application_md("con"), encoding="utf-8")
    line = refused(capsys, "new", "klein", "--criteria", inputs.criteria, "--applications", inputs.applications,
                   "--jurors", inputs.jurors, "--budget", "1000", "--data-dir", "data")
    assert "con.md" in line and "'id'" in line and "Windows" in line


def test_a_juror_id_nul_is_refused(capsys, inputs):
    inputs.jurors.write_text(SMALL_JURORS_TOML.replace('id = "j2"', 'id = "nul"'), encoding="utf-8")
    line = refused(capsys, "check", inputs.jurors)
    assert "jurors[2].id" in line and "Windows" in line


@pytest.mark.parametrize("juror_id", ["Nul", "J1", "j1.", "j1 ", "j1.txt"])
def test_ids_that_differ_by_case_or_end_in_a_dot_or_space_are_refused(capsys, inputs, juror_id):
    """Ids are lower case without dots or spaces: two never name one file on a Windows or macOS disk."""
    inputs.jurors.write_text(SMALL_JURORS_TOML.replace('id = "j2"', f'id = "{juror_id}"'), encoding="utf-8")
    assert "kleine letters" in refused(capsys, "check", inputs.jurors)


def test_names_that_only_start_like_a_device_are_ids_like_any_other(capsys, inputs):
    inputs.jurors.write_text(SMALL_JURORS_TOML.replace('id = "j2"', 'id = "con-x"').replace('id = "adv"', 'id = "com10"'),
                             encoding="utf-8")
    result = run(capsys, "check", inputs.jurors)
    assert (result.code, result.err) == (0, "")


# --- visible() and the apps -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\x1b[31mb", "a\\x1b[31mb"),
        ("bel\x07", "bel\\x07"),
        ("csi\x9b2J", "csi\\x9b2J"),
        ("del\x7f", "del\\x7f"),
        ("rlo\u202eisolate\u2066", "rlo\\u202eisolate\\u2066"),
        ("twee\nregels\tmet tab", "twee\\x0aregels\\x09met tab"),
        ("cr\r", "cr\\x0d"),
        ("gewoon: é € ✓ – “x”", "gewoon: é € ✓ – “x”"),
    ],
)
def test_visible_shows_every_control_character_as_an_escape(text, shown):
    assert visible(text) == shown
    assert visible(visible(text)) == shown


def test_visible_keeps_lines_where_asked_and_writes_json_escapes_for_json():
    assert visible("a\nb\tc\x1b", lines=True) == "a\nb\tc\\x1b"
    assert json.loads(visible('"x\u202ey\x85"', for_json=True)) == "x\u202ey\x85"


def test_an_error_message_is_made_visible_once_where_it_is_made():
    error = JuryError(t("file.problem", file="x\x1b[2J.json", problem="kapot"), ["een\x07", "twee\u202e"])
    assert not RAW_CONTROL.search(error.message + "".join(error.problems))
    assert error.problems == ["een\\x07", "twee\\u202e"]


async def test_a_notification_quoting_a_path_with_an_escape_shows_no_escape(demo_data_dir):
    from jury_tui.formats.session_builder import build_demo_session
    from jury_tui.ui.app import JurorApp

    app = JurorApp(demo_data_dir, build_demo_session(), "extern-1")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        app.notify("bestand kwaad\x1b[2J\u202e.csv", title="titel\x9b", markup=False)
        await pilot.pause()
        screen = app.export_screenshot()
        assert "kwaad\\x1b[2J\\u202e.csv" in [n.message for n in app._notifications][-1]
        assert not RAW_CONTROL.search(screen.replace("\n", "").replace("\t", ""))


async def test_the_chair_sees_a_submission_named_with_an_escape_visibly(session, capsys):
    from jury_tui.store.sessions import load_session
    from jury_tui.ui.chair.app import ChairApp

    folder = Path("inz")
    folder.mkdir()
    (folder / "x\x1b[2J\u202e.json").write_text("{", encoding="utf-8")
    app = ChairApp(session, load_session(session, "klein"))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#import-paths").value = "inz"
        await pilot.press("enter")
        await pilot.pause()
        log = str(app.screen.query_one("#import-log").render())
        assert "x\\x1b[2J\\u202e.json" in log
        assert not RAW_CONTROL.search(app.export_screenshot().replace("\n", "").replace("\t", ""))


def test_scores_imported_from_a_csv_named_with_an_escape_stay_readable(capsys, session):
    """The import's reason in the juror's history quotes the file name: the history must still read."""
    run(capsys, "conflicts", "klein", "--as", "j1", "--none", "--data-dir", session)
    path = Path("scores\x1b[2J.csv")
    path.write_text("application_id;criterion_id;score;motivation\na1;inhoud;4;Goed\n", encoding="utf-8")
    accepted = run(capsys, "import-scores", "klein", "--as", "j1", path, "--data-dir", session)
    assert (accepted.code, accepted.err) == (0, "")
    from jury_tui.store.juror_store import JurorStore
    from jury_tui.store.sessions import load_session

    store = JurorStore(session, load_session(session, "klein"), "j1")
    assert [entry.field for entry in store.history("a1")] == ["score", "motivation"]
    assert {entry.reason for entry in store.history("a1")} == {"CSV-import scores\\x1b[2J.csv"}  # quoted visibly
    shown = run(capsys, "show", "klein", "--data-dir", session)
    assert shown.code == 0 and not RAW_CONTROL.search(shown.out + shown.err)


async def test_a_notification_quoting_a_name_with_brackets_shows_it_as_written(demo_data_dir):
    from jury_tui.formats.session_builder import build_demo_session
    from jury_tui.ui.app import JurorApp

    app = JurorApp(demo_data_dir, build_demo_session(), "extern-1")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        app.notify(t("ui.application_complete", label="Gent [b]oost[/b] – [link=x]Rabot"))
        await pilot.pause()
        assert "Gent [b]oost[/b] – [link=x]Rabot" in app.export_screenshot().replace("&#160;", " ")


async def test_a_paste_into_a_motivation_leaves_control_characters_out(demo_data_dir):
    """A terminal passes a pasted ESC along; the juror's store would then hold a text it refuses to read."""
    from textual import events
    from textual.widgets import TextArea

    from jury_tui.formats.session_builder import build_demo_session
    from jury_tui.ui.app import JurorApp

    app = JurorApp(demo_data_dir, build_demo_session(), "extern-1")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        area = TextArea(id="plak")
        await app.screen.mount(area)
        area.focus()
        await pilot.pause()
        await app.on_event(events.Paste("Goed\x1b[2J\r\nplan\u202e\x07\tzeker"))
        await pilot.pause()
        assert area.text == "Goed[2J\nplan\tzeker"
