"""The catalogue of user texts: both languages complete, compiled, used; argparse and the CLI in
one language at a time; the domain's blank-text error worded for the user."""

from __future__ import annotations

import argparse
import ast
import gettext
import inspect
import io
import re
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from jury_tui.cli import main
from jury_tui.i18n import DOMAIN, LOCALE_DIR, SUPPORTED_LANGUAGES, set_language, t

PACKAGE = Path(__file__).resolve().parents[1] / "jury_tui"
KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")

# Keys built at run time (t(f"status.{status.value}")): the families they come from.
DYNAMIC_KEYS = [
    r"status\.\w+",
    r"role\.\w+",
    r"check\.kind\.\w+",
    r"cli\.(demo|new|show|open|conflicts|submit|template|import_scores|import|chair|export|check|package|unpack|letters)\.(help|description)",
    r"import\.(new|unchanged|replaced|taken_back|other_session|unknown_juror|role|unknown_application|not_signed|other_signer|bad_signature)(_short)?",
    r"chair\.key\.(overview|detail|ranking|calibration)\.help",
    r"chair\.ui\.tab\.\w+",
    r"chair\.ui\.rule\.\w+",
    r"chair\.ui\.figure\.approval\.\w+",
    r"chair\.ui\.ranking\.column_\w+",
    r"chair\.ui\.recommendation\.(short\.)?\w+",
    r"chair\.ui\.calibration\.agreement\.\w+",
    r"chair\.ui\.export\.(option|step)\.\w+",
    r"export\.agreement\.\w+",
    r"export\.col\.\w+",
    r"export\.figure\.approval\.\w+",
    r"export\.outcome\.\w+",
    r"export\.recommendation\.\w+",
    r"advice\.gap\.\w+",
    r"follow_up\.basis\.\w+",
    r"follow_up\.chair\.text\.\w+",
    r"follow_up\.check_amounts\.\w+",
]


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def catalogue(lang: str):
    with po_path(lang).open("rb") as file:
        return read_po(file, locale=lang, domain=DOMAIN)


def messages(lang: str) -> dict[str, str]:
    return {message.id: message.string for message in catalogue(lang) if message.id}


def is_key(msgid: str) -> bool:
    return bool(KEY.fullmatch(msgid))


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)[^{}]*\}", text))


def package_sources() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in PACKAGE.rglob("*.py")}


# --- the catalogues ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_the_committed_mo_file_is_the_compiled_po_file(lang):
    """Forgot to run `pybabel compile -d jury_tui/locale -D jury_tui` after editing a .po file?"""
    compiled = io.BytesIO()
    write_mo(compiled, catalogue(lang))
    compiled.seek(0)
    fresh = gettext.GNUTranslations(compiled)
    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as file:
        committed = gettext.GNUTranslations(file)
    for msgid, text in messages(lang).items():
        assert committed.gettext(msgid) == fresh.gettext(msgid) == text, msgid


def test_both_languages_have_the_same_keys_and_every_text():
    dutch, english = messages("nl"), messages("en")
    assert dutch.keys() == english.keys()
    for msgid in dutch:
        assert dutch[msgid].strip() and english[msgid].strip(), msgid
        if is_key(msgid):
            assert placeholders(dutch[msgid]) == placeholders(english[msgid]), msgid


def test_no_two_keys_hold_the_same_texts():
    dutch, english = messages("nl"), messages("en")
    seen: dict[tuple[str, str], str] = {}
    repeated = []
    for key in filter(is_key, dutch):
        texts = (dutch[key], english[key])
        if texts in seen:
            repeated.append((seen[texts], key))
        seen.setdefault(texts, key)
    # Two families of keys built at run time that happen to share one word.
    assert repeated == [("chair.ui.calibration.agreement.acceptable", "export.agreement.acceptable")]


def test_every_key_is_used_and_every_key_used_exists():
    keys = {msgid for msgid in messages("nl") if is_key(msgid)}
    literals: set[str] = set()
    called: list[tuple[Path, str]] = []
    for path, tree in package_sources().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t" and node.args
                    and isinstance(node.args[0], ast.Constant)):
                called.append((path, node.args[0].value))
    dynamic = re.compile("|".join(f"(?:{pattern})" for pattern in DYNAMIC_KEYS))
    unused = sorted(key for key in keys if key not in literals and not dynamic.fullmatch(key))
    assert unused == []
    missing = [(str(path.relative_to(PACKAGE)), key) for path, key in called if key not in keys]
    assert missing == []
    for pattern in DYNAMIC_KEYS:
        assert any(re.fullmatch(pattern, key) for key in keys), pattern


def test_argparse_texts_are_argparse_own():
    source = inspect.getsource(argparse)
    for msgid in messages("nl"):
        if not is_key(msgid):
            assert repr(msgid) in source or f'"{msgid}"' in source, msgid


def test_an_unknown_key_is_an_error():
    with pytest.raises(KeyError):
        t("no.such.key")


# --- the command line in one language ---------------------------------------------------------

ENGLISH = re.compile(r"usage:|options|positional arguments|show this help|show program|the following arguments|"
                     r"invalid choice|unrecognized arguments|expected one argument|\berror\b|\bFILE\b|\bSESSION\b|\bJUROR\b|"
                     r"\bfolder\b|\bthe\b|\band\b|\bwith\b")
DUTCH = re.compile(r"gebruik|opties|argumenten|toon |ontbreken|ongeldige|onbekende|\bfout\b|BESTAND|SESSIE|JURYLID|"
                   r"\bMAP\b|\bmap\b|schrijf|sessie|jurylid|\bvan\b|\been\b")

CASES = [
    ["--help"],
    ["new", "--help"],
    ["export", "--help"],
    ["new", "klein"],  # missing arguments
    ["template", "klein", "--as", "j1", "--out", "x.csv", "--sep", "|"],  # bad choice
    ["show", "klein", "extra", "woorden"],  # unrecognised
    ["submit", "klein", "--as"],  # expected one argument
]


def run_cli(capsys, argv: list[str]) -> str:
    with pytest.raises(SystemExit):
        main(argv)
    captured = capsys.readouterr()
    return captured.out + captured.err


@pytest.mark.parametrize("argv", CASES)
def test_the_command_line_speaks_dutch_only(capsys, argv):
    output = run_cli(capsys, argv)
    assert output.strip()
    assert not ENGLISH.search(output.replace("--", " ").replace("demo-", "")), output


@pytest.mark.parametrize("argv", CASES)
def test_the_command_line_speaks_english_only(capsys, argv):
    output = run_cli(capsys, ["--lang", "en", *argv])
    assert output.strip()
    # Commands and option names are the program's own words in both languages.
    words = re.sub(r"--?[\w-]+|\{[^}]*\}|jury-tui [a-z-]+|\b(new|show|export|submit|template|import|check|chair|open|demo|"
                   r"conflicts|import-scores|klein|extra|woorden|wvc-2021-demo|inzending|advies|scores)\b", " ", output)
    assert not DUTCH.search(words), output


def test_version_help_is_translated(capsys):
    assert "toon het versienummer en stop" in run_cli(capsys, ["--help"])
    set_language("en")
    assert "show the version number and exit" in run_cli(capsys, ["--help"])


# --- the domain's error, worded by the validation layer ---------------------------------------


@pytest.mark.parametrize(("lang", "expected"), [("nl", "de Nederlandse tekst is leeg"), ("en", "the Dutch text is empty")])
def test_a_blank_dutch_text_is_reported_in_the_users_language(tmp_path, small_inputs, lang, expected):
    from jury_tui.errors import JuryError
    from jury_tui.formats.criteria_file import load_criteria

    path = small_inputs.criteria
    path.write_text(path.read_text(encoding="utf-8").replace('name.nl = "Inhoud"', 'name.nl = "   "'), encoding="utf-8")
    set_language(lang)
    with pytest.raises(JuryError) as caught:
        load_criteria(path)
    assert expected in caught.value.message and "criteria[1].name" in caught.value.message


def test_the_domain_speaks_no_language():
    for path in (PACKAGE / "domain").glob("*.py"):
        assert "i18n" not in path.read_text(encoding="utf-8"), path.name


# --- Textual's palette in our language --------------------------------------------------------


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
async def test_the_palette_says_no_matches_in_the_users_language(demo_data_dir, lang):
    from textual.command import CommandInput, CommandList, CommandPalette

    from jury_tui.store.sessions import load_session
    from jury_tui.ui.app import JurorApp

    set_language(lang)
    app = JurorApp(demo_data_dir, load_session(demo_data_dir, "wvc-2021-demo"), "extern-1")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # past the conflicts screen
        await pilot.press("ctrl+p")
        assert CommandPalette.is_open(app)
        assert app.screen.query_one(CommandInput).placeholder == t("ui.palette_placeholder")
        await pilot.press(*"qqqzzz")
        options = app.screen.query_one(CommandList)
        for _ in range(200):  # until the search has run
            if options.option_count:
                break
            await pilot.pause(0.01)
        shown = [str(options.get_option_at_index(index).prompt) for index in range(options.option_count)]
        assert shown == [t("ui.palette.no_matches")]
