"""The bad-input corpus (tests/data/bad/, described in its MANIFEST.toml) and garbage for every loader.

Every corpus file is run through the real command as a separate process: exit code 2, a message on
stderr of which every line names the file (and the manifest's fragment: the field or the line), in
Dutch, no traceback, and no byte changed anywhere (corpus file and session folder hashed before and
after). Files checked by the same `check` or `import` command run in one process; the command
prints one line per problem and names the file in each, so the lines are told apart by file name.

The good files (tests/data/good/) carry a byte-order mark, CRLF line ends and markup characters,
and must be accepted, their text kept literally.

The hypothesis tests feed generated garbage (random bytes and text, and valid documents with
random changes) to each loader: it returns a model or raises JuryError, never anything else.
"""

from __future__ import annotations

import contextlib
import copy
import csv
import io
import json
import os
import re
import runpy
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from conftest import TEST_KEY_SEED, data_paths, tree_snapshot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jury_tui.domain.canonical import json_form, sha256_hex
from jury_tui.domain.signing import derived_private_key
from jury_tui.domain.submission import seal
from jury_tui.errors import JuryError
from jury_tui.formats.applications_file import load_application, load_applications
from jury_tui.formats.checks import check_file
from jury_tui.formats.criteria_file import load_criteria
from jury_tui.formats.jurors_file import load_jurors
from jury_tui.formats.scores_csv import parse_scores_csv
from jury_tui.formats.submission_file import load_submission
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import juror_key_path, load_session, write_private_key
from jury_tui.store.submitting import write_submission

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
BAD, GOOD = DATA / "bad", DATA / "good"
CORPUS = runpy.run_path(str(BAD / "make_corpus.py"), run_name="make_corpus")
ENTRIES = tomllib.loads((BAD / "MANIFEST.toml").read_text(encoding="utf-8"))["file"]
KINDS = ("criteria", "applications", "jurors", "scores", "submissions", "sessions", "progress")
DEMO = "wvc-2021-demo"
MARKUP = CORPUS["MARKUP"]
MINI_J1_KEY = derived_private_key(TEST_KEY_SEED, "j1")  # the corpus's session 'mini' has the tests' keys

# Commands that take many files and report each file on lines of its own: run once for all files.
BATCHED = ("check {file}", f"import {DEMO} {{file}}")
# Words of which every message line has at least one; and what only an untranslated line contains.
DUTCH = re.compile(
    r"\b(veld|regel|ontbreekt|bestand|ongeldige?|moet|niets?|geen|bevat|onbekende?|komt|buiten|leeg|beschadigd|hoort"
    r"|gewijzigd|klopt|lang|map|mag|verwijst|verwacht|wordt|verschilt)\b"
)
ENGLISH = re.compile(
    r"Traceback|Error\b|Expecting|Expected|Input should|codec|\bline \d|\bcolumn \d|\binvalid\b|\bunexpected\b|\bmust\b"
    r"|\bis not\b|\bfound\b"
)
# cli.py prints this after the problem lines of an import-scores with several problems; it does
# not name the file (see test_import_scores_summary_line_names_the_file).
IMPORT_SUMMARY = re.compile(r"^niets geïmporteerd: \d+ probleem/problemen$")


def entry_id(entry: dict) -> str:
    return entry["path"]


def named_path(entry: dict) -> str:
    """The path every message line must name, as the CLI shows it (relative to its working folder)."""
    if "names" in entry:
        return entry["names"]
    if "install" in entry:
        return f"data/{entry['install']}"
    return f"bad/{entry['path']}"


def names(line: str, path: str) -> bool:
    return re.search(rf"(?<![\w./-]){re.escape(path)}(?![\w.-])", line) is not None


def jury(cwd: Path, *argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("JURY_DATA_DIR", None)
    env.pop("JURY_LANG", None)
    return subprocess.run([sys.executable, "-m", "jury_tui", "--data-dir", "data", *argv], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def argv(entry: dict) -> list[str]:
    return [f"bad/{entry['path']}" if word == "{file}" else word for word in entry["command"].split()]


def copy_path(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, target)
    else:
        shutil.copyfile(source, target)


# --- the working folder: corpus, good files and a data dir with the demo and 'mini' sessions -----


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(BAD, root / "bad")
    shutil.copytree(GOOD, root / "good")
    for relative, content in CORPUS["large_files"]().items():
        (root / relative).write_bytes(content)
    # Conflicts declared twice, so juror.json has a backup that messages about a damaged copy point to.
    for args in (["demo", "--no-open"], ["conflicts", DEMO, "--as", "extern-1", "--none"],
                 ["conflicts", DEMO, "--as", "extern-1", "--set", "wvc21-07"],
                 ["import-scores", DEMO, "--as", "extern-1", "good/scores-bom-crlf.csv"]):
        done = jury(root, *args)
        assert done.returncode == 0, (args, done.stderr)
    copy_path(GOOD / "sessions" / "mini" / "session.json", root / "data" / "sessions" / "mini" / "session.json")
    return root


def workdir(template: Path, target: Path, entry: dict | None = None) -> Path:
    """A fresh copy of the data dir and good files; with `entry`, its corpus file too (and installed)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(template / "data", target / "data")
    shutil.copytree(template / "good", target / "good")
    if entry is None:
        shutil.copytree(template / "bad", target / "bad")
        return target
    copy_path(template / "bad" / entry["path"], target / "bad" / entry["path"])
    if "install" in entry:
        installed = target / "data" / entry["install"]
        if installed.exists():
            installed.unlink()
        copy_path(template / "bad" / entry["path"], installed)
    return target


@pytest.fixture(scope="module")
def batches(template, tmp_path_factory) -> dict[str, tuple[subprocess.CompletedProcess, dict, dict]]:
    """One process per batched command over all its files: command -> (process, snapshot before, after)."""
    results = {}
    for command in BATCHED:
        entries = [entry for entry in ENTRIES if entry["command"] == command]
        cwd = workdir(template, tmp_path_factory.mktemp("batch"))
        before = tree_snapshot(cwd)
        head = command.replace(" {file}", "").split()
        results[command] = (jury(cwd, *head, *(f"bad/{entry['path']}" for entry in entries)), before, tree_snapshot(cwd))
    return results


def assert_refused(entry: dict, returncode: int, stderr_lines: list[str], output: str) -> None:
    path = named_path(entry)
    assert returncode == 2, (entry["path"], output)
    assert "Traceback" not in output
    assert stderr_lines, f"{entry['path']}: no message on stderr"
    for line in stderr_lines:
        assert names(line, path), f"line does not name {path}: {line!r}"
        assert DUTCH.search(line), f"not Dutch: {line!r}"
        assert not ENGLISH.search(line), f"English left in: {line!r}"
    assert any(entry["expect"] in line for line in stderr_lines), (entry["expect"], stderr_lines)


# --- the corpus --------------------------------------------------------------------------------


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e["command"] in BATCHED], ids=entry_id)
def test_batched_file_is_refused(entry, batches):
    done, before, after = batches[entry["command"]]
    path = named_path(entry)
    lines = [line for line in done.stderr.splitlines() if names(line, path)]
    assert_refused(entry, done.returncode, lines, done.stdout + done.stderr)
    changed = sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
    assert changed == [], changed  # the corpus file, the other corpus files and the session folder


@pytest.mark.parametrize("command", BATCHED)
def test_every_line_of_a_batch_names_one_of_its_files(command, batches):
    done = batches[command][0]
    paths = [named_path(entry) for entry in ENTRIES if entry["command"] == command]
    for line in done.stderr.splitlines():
        assert sum(names(line, path) for path in paths) == 1, line


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e["command"] not in BATCHED], ids=entry_id)
def test_file_is_refused(entry, template, tmp_path):
    cwd = workdir(template, tmp_path, entry)
    before = tree_snapshot(cwd)
    done = jury(cwd, *argv(entry))
    lines = [line for line in done.stderr.splitlines() if not IMPORT_SUMMARY.match(line)]
    assert_refused(entry, done.returncode, lines, done.stdout + done.stderr)
    assert tree_snapshot(cwd) == before  # the corpus file and the session folder, byte for byte


def test_damaged_juror_file_points_to_its_last_good_copy(template, tmp_path):
    entry = next(e for e in ENTRIES if e["path"] == "sessions/juror-afgekapt.json")
    done = jury(workdir(template, tmp_path, entry), *argv(entry))
    backup = "data/sessions/wvc-2021-demo/jurors/extern-1/.juror.json.bak1"
    assert f"Laatste goede kopie: {backup}" in done.stderr and len(done.stderr.splitlines()) == 1


def test_import_scores_summary_line_names_the_file(template, tmp_path):
    entry = next(e for e in ENTRIES if e["path"] == "scores/meerdere-fouten.csv")
    done = jury(workdir(template, tmp_path, entry), *argv(entry))
    assert len(done.stderr.splitlines()) == 1  # two problems: the first, the other counted
    assert all(names(line, named_path(entry)) for line in done.stderr.splitlines())
    assert "en nog 1 ander probleem: niets geïmporteerd" in done.stderr


def test_manifest_covers_the_corpus():
    listed = {entry["path"] for entry in ENTRIES}
    assert len(listed) == len(ENTRIES), "a path is listed twice"
    on_disk = {str(path.relative_to(BAD)) for kind in KINDS for path in (BAD / kind).iterdir()}
    generated = {entry["path"] for entry in ENTRIES if entry.get("generated")}
    assert on_disk == listed - generated, (on_disk ^ (listed - generated))
    assert {f"bad/{path}" for path in generated} <= set(CORPUS["large_files"]())
    committed = [entry for entry in ENTRIES if not entry.get("generated")]
    assert len(committed) >= 45
    for kind in KINDS:
        assert sum(entry["path"].startswith(kind + "/") for entry in committed) >= 5, kind
    for entry in ENTRIES:
        assert entry["expect"] and entry["command"].split()[0] in {"check", "import", "import-scores", "show", "conflicts", "new"}


def test_committed_corpus_is_what_make_corpus_writes():
    """Rerun `PYTHONPATH=. python tests/data/bad/make_corpus.py` when this fails (e.g. the demo changed)."""
    for relative, content in CORPUS["files"]().items():
        assert (DATA / relative).read_bytes() == content, relative


# --- good files: a BOM, CRLF and markup characters are accepted, the text kept as it was ----------


def test_good_files_pass_check(template, tmp_path):
    cwd = workdir(template, tmp_path)
    files = ["good/criteria-bom-crlf.toml", "good/aanvraag-bom-crlf.md", "good/aanvraag-opmaak.md", "good/aanvragen",
             "good/juryleden-bom-crlf.csv", "good/juryleden-bom-crlf.toml", "good/inzending-extern-1.json",
             "bad/submissions/andere-sessie.json"]  # a valid file; only the import into the demo refuses it
    before = tree_snapshot(cwd)
    done = jury(cwd, "check", *files)
    assert (done.returncode, done.stderr) == (0, "")
    for name in files:
        assert f"{name}: in orde" in done.stdout
    done = jury(cwd, "check", "--session", DEMO, "good/scores-bom-crlf.csv", "good/scores-motivatie-100000-tekens.csv")
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert tree_snapshot(cwd) == before


def test_markup_and_quotes_round_trip_literally():
    application = load_application(GOOD / "aanvraag-opmaak.md")
    assert application.title == 'Wijk <b>Noord</b> & "Zuid"'
    assert application.summary == 'Tekst met <i>opmaak</i> & "aanhalingstekens" blijft letterlijk.'
    assert application.sections[0].body == "Een <script>alert(1)</script> & &amp; blijven tekst; *geen* nadruk."
    jurors = load_jurors(GOOD / "juryleden-bom-crlf.csv")
    assert [juror.name for juror in jurors] == ['Peeters; Jan "Jef"', "Françoise <Dubois> & co"]
    assert load_criteria(GOOD / "criteria-bom-crlf.toml").criteria[0].description.nl.endswith("Geïntegreerd en samenhangend.")
    assert load_submission(GOOD / "inzending-extern-1.json").assessments[0].scores[0].motivation == MARKUP


def test_scores_with_bom_crlf_and_markup_are_imported_literally(template, tmp_path):
    cwd = workdir(template, tmp_path)
    # The template's data dir imported good/scores-bom-crlf.csv: importing it again changes nothing.
    before = tree_snapshot(cwd / "data")
    done = jury(cwd, "import-scores", DEMO, "--as", "extern-1", "good/scores-bom-crlf.csv")
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert "(0 gewijzigd)" in done.stdout
    assert tree_snapshot(cwd / "data") == before
    done = jury(cwd, "import-scores", DEMO, "--as", "extern-1", "good/scores-motivatie-100000-tekens.csv")
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    store = JurorStore(cwd / "data", load_session(cwd / "data", DEMO), "extern-1")
    assert store.assessment("wvc21-02").get("maatwerk").score == 3  # "3,0"
    assert len(store.assessment("wvc21-01").get("maatwerk").motivation) == 99_999  # 100,000 less the last space
    assert jury(cwd, "import-scores", DEMO, "--as", "extern-1", "good/scores-bom-crlf.csv").returncode == 0
    store = JurorStore(cwd / "data", load_session(cwd / "data", DEMO), "extern-1")
    assert store.assessment("wvc21-01").get("maatwerk").motivation == MARKUP
    # ... and the spreadsheet template gives it back as it was typed
    assert jury(cwd, "template", DEMO, "--as", "extern-1", "--out", "sjabloon.csv").returncode == 0
    rows = list(csv.DictReader(io.StringIO((cwd / "sjabloon.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    assert next(r for r in rows if r["application_id"] == "wvc21-01" and r["criterion_id"] == "maatwerk")["motivation"] == MARKUP


def test_good_submission_is_imported_verbatim(template, tmp_path):
    cwd = workdir(template, tmp_path)
    done = jury(cwd, "import", DEMO, "good/inzending-extern-1.json")
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    stored = cwd / "data" / "sessions" / DEMO / "submissions" / "extern-1.json"
    assert stored.read_bytes() == (GOOD / "inzending-extern-1.json").read_bytes()
    chair = ChairStore(cwd / "data", load_session(cwd / "data", DEMO))
    assert chair.submissions()["extern-1"].assessments[0].scores[0].motivation == MARKUP


def test_session_file_with_bom_and_crlf_is_accepted(template, tmp_path):
    cwd = workdir(template, tmp_path)
    shutil.copyfile(GOOD / "sessions" / "session-bom-crlf.json", cwd / "data" / "sessions" / "mini" / "session.json")
    before = tree_snapshot(cwd)
    done = jury(cwd, "show", "mini")
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert "Proefoproep (mini)" in done.stdout
    assert tree_snapshot(cwd) == before


# --- garbage for every loader (in-process) -------------------------------------------------------

# `fuzz` is made once per test, not per example: the examples that write put its files back (`restored`).
FUZZ = settings(max_examples=200, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
                                       HealthCheck.function_scoped_fixture])

surrogates = st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=2)
words = st.sampled_from(["", " ", "j1", "j2", "adv", "m1", "m2", "m9", "inhoud", "haalbaar", "begroting", "voting", "advisory",
                         "complete", "in_progress", "conflict", "2021-07-16T10:00:00+02:00", "2021-13-01", "<b>&", "0", "-1",
                         "a" * 65, "jury-tui/submission", "jury-tui/session"])
numbers = st.integers(min_value=-(10**20), max_value=10**20) | st.integers(-2, 7) | st.floats()
scalars = st.none() | st.booleans() | numbers | words | st.text(max_size=20) | surrogates
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                      max_leaves=12)


def like(value):
    """A value of the same kind as `value`: mostly what a careless editor or a buggy program writes."""
    if isinstance(value, bool):
        return st.booleans() | scalars
    if isinstance(value, (int, float)):
        return numbers | words
    if isinstance(value, str):
        return words | st.text(max_size=20) | surrogates | numbers
    return values


def _at(node, path):
    for key in path:
        node = node[key]
    return node


@st.composite
def mutated(draw, base):
    """A valid document with one to three random changes: a value replaced, removed, doubled or added."""
    doc = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        paths = list(data_paths(doc))
        leaves = [path for path in paths if path and not isinstance(_at(doc, path), (dict, list))]
        path = draw(st.sampled_from(leaves if leaves and draw(st.booleans()) else paths))  # mostly one value changed
        operation = draw(st.sampled_from(["like", "like", "replace", "delete", "double", "add"]))
        if not path:
            doc = draw(values) if operation == "replace" else doc
            continue
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        key = path[-1]
        if operation == "like":
            parent[key] = draw(like(parent[key]))
        elif operation == "replace":
            parent[key] = draw(values)
        elif operation == "delete":
            del parent[key]
        elif operation == "double" and isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))
        elif operation == "add" and isinstance(parent[key], dict):
            parent[key][draw(st.text(max_size=8))] = draw(values)
        elif operation == "add" and isinstance(parent[key], list):
            parent[key].append(draw(values))
    return doc


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(repr(value), repr(value))
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value if item is not None) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items() if v is not None) + "}"
    return '""'


def to_toml(doc) -> str:
    if not isinstance(doc, dict):
        return f"value = {toml_value(doc)}\n"
    return "".join(f"{json.dumps(key)} = {toml_value(value)}\n" for key, value in doc.items() if value is not None)


def _same_key(line: str, snippets: list[str]) -> list[str]:
    key = re.match(r"\s*([\w.]+)\s*[=:]", line)
    return [snippet for snippet in snippets if key and re.match(rf"{re.escape(key.group(1))}\s*[=:]", snippet)]


@st.composite
def edited_lines(draw, text: str, snippets: list[str]):
    """A valid text file with one to three lines inserted, replaced or removed."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 3))):
        keyed = [i for i, line in enumerate(lines) if _same_key(line, snippets)]
        if keyed and draw(st.booleans()):  # a value changed in place: the file still parses, the content is wrong
            index = draw(st.sampled_from(keyed))
            lines[index] = draw(st.sampled_from(_same_key(lines[index], snippets)))
            continue
        index = draw(st.integers(0, len(lines) - 1))
        line = draw(st.sampled_from(snippets) | st.text(max_size=30))
        operation = draw(st.sampled_from(["insert", "replace", "delete"]))
        if operation == "insert":
            lines.insert(index, line)
        elif operation == "replace":
            lines[index] = line
        else:
            del lines[index]
    return "\n".join(lines)


TOML_SNIPPETS = ['id = "proef"', 'title = "T"', "[scale]", "min = 0", "max = 5", "max = 100000000000", "min = -3",
                 "steps = [", '{ value = 0, label = "a" },', "]", "[[criteria]]", 'id = "inhoud"', 'name = "N"',
                 'description = "D"', "weight = 0", "weight = -1", "weight = inf", "minimum_score = 9", "[[jurors]]",
                 'role = "voting"', 'role = "advisory"', '"', "[", "= =", "a.b.c = 1", "x = nan", "[ranking]",
                 'tie_break = ["begroting"]', "[[eligibility]]", 'kind = "max_subsidy"', "limit = -1",
                 'deadline = 2021-07-16T10:00:00', "disagreement_threshold = inf", 'id = "' + "a" * 70 + '"']
YAML_SNIPPETS = ["id: proef-01", "municipality: Gent", "title: T", "requested_subsidy: 5", "requested_subsidy: 1e15",
                 "requested_subsidy: .nan", "requested_subsidy: 750.000", "submitted_at: 2021-13-01", "submitted_at: 2021-07-16",
                 "submitted_at: 16 juli", "- a", "  b: c", "a: &x [1]", "b: *x", "c: *y", "{", "'", "? [1]",
                 "!!python/object:os.system", "duration_months: 0", "duration_months: 1e3", "title: title: t", ": :",
                 "approved_by: gemeenteraad", "approved_by: ja", "other_flemish_subsidy: misschien", "illustrative: [1, 2]",
                 "sections: [1]", "---", "## 3. Extra", "##", "title: title", "municipality: [a, b]", "summary: |"]


def encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate becomes bytes that are not UTF-8


def garbage(structured):
    """Random bytes, random text, or a (possibly broken) document of the kind."""
    return st.one_of(st.binary(max_size=600), st.text(max_size=600).map(encode), structured, structured, structured)


def refuse_cleanly(load, *args):
    try:
        load(*args)
    except JuryError as error:
        assert str(error).strip() and error.problems
        for line in error.problems:
            assert "Traceback" not in line


@pytest.fixture(scope="module")
def fuzz_template(tmp_path_factory):
    """A data dir with the 'mini' session (j1's scores and submission, imported by the chair), the base
    documents and a scratch folder; prepared once, never changed: tests work on a copy (`fuzz`)."""
    root = tmp_path_factory.mktemp("fuzz")
    data = root / "data"
    (data / "sessions" / "mini").mkdir(parents=True)
    session_raw = (GOOD / "sessions" / "mini" / "session.json").read_bytes()
    (data / "sessions" / "mini" / "session.json").write_bytes(session_raw)
    session = load_session(data, "mini")
    write_private_key(juror_key_path(data, "mini", "j1"), MINI_J1_KEY)  # as the juror package puts it
    store = JurorStore(data, session, "j1")
    store.declare_conflicts(["m2"])
    store.set_score("m1", "inhoud", 4)
    store.set_motivation("m1", "inhoud", MARKUP)
    store.set_score("m1", "haalbaar", 2)
    juror_folder = data / "sessions" / "mini" / "jurors" / "j1"
    write_submission(store, root / "inzending-j1.json", allow_incomplete=True)
    submission = json.loads((root / "inzending-j1.json").read_bytes())
    chair = ChairStore(data, session)
    chair.import_submission(root / "inzending-j1.json")  # writes chair.json (digests of verified copies)
    chair.set_consensus("m1", "inhoud", 4, MARKUP, "een minderheid vond 3")
    chair.set_selection(["m1"])
    chair.set_amount("m1", 500_000)
    chair_folder = data / "sessions" / "mini" / "chair"
    return {
        "root": root,
        "data": data,
        "session": session,
        "session_json": json.loads(session_raw),
        "criteria": tomllib.loads(CORPUS["CRITERIA"]),
        "jurors": tomllib.loads(CORPUS["JURORS_TOML"]),
        "front_matter": yaml.safe_load(CORPUS["application"]().split("---\n")[1]),
        "submission": submission,
        "juror_json": json.loads((juror_folder / "juror.json").read_bytes()),
        "application_json": json.loads((juror_folder / "applications" / "m1.json").read_bytes()),
        "journal_json": {"kind": "score-batch", "session_id": "mini", "juror_id": "j1", "reason": "CSV-import x.csv",
                         "changes": [{"application_id": "m1", "criterion_id": "inhoud", "score": 5, "motivation": "Top."}]},
        "chair_json": json.loads((chair_folder / "chair.json").read_bytes()),
        "decision_json": json.loads((chair_folder / "decisions" / "m1.json").read_bytes()),
    }


@pytest.fixture
def fuzz(fuzz_template, tmp_path):
    """The prepared folder, copied for this test alone: what one test writes or deletes, no other sees."""
    root = tmp_path / "fuzz"
    shutil.copytree(fuzz_template["root"], root)
    return {**fuzz_template, "root": root, "data": root / "data"}


@contextlib.contextmanager
def restored(folder: Path):
    """Each hypothesis example starts from the files `folder` held before it: what the example
    wrote, changed or deleted under it is put back afterwards."""
    files = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    folders = [path for path in folder.rglob("*") if path.is_dir()]
    try:
        yield
    finally:
        shutil.rmtree(folder)
        for path in [folder, *folders]:
            path.mkdir(parents=True, exist_ok=True)
        for path, content in files.items():
            path.write_bytes(content)


def scratch(fuzz, name: str, content: bytes) -> Path:
    path = fuzz["root"] / name
    path.write_bytes(content)
    return path


@FUZZ
@given(data=st.data())
def test_criteria_loader_survives_garbage(fuzz, data):
    structured = st.one_of(mutated(fuzz["criteria"]).map(to_toml), edited_lines(CORPUS["CRITERIA"], TOML_SNIPPETS))
    content = data.draw(garbage(structured.map(encode)))
    refuse_cleanly(load_criteria, scratch(fuzz, "criteria.toml", content))


@FUZZ
@given(data=st.data())
def test_jurors_loader_survives_garbage(fuzz, data):
    structured = st.one_of(mutated(fuzz["jurors"]).map(to_toml), edited_lines(CORPUS["JURORS_TOML"], TOML_SNIPPETS))
    content = data.draw(garbage(structured.map(encode)))
    refuse_cleanly(load_jurors, scratch(fuzz, "jurors.toml", content))


def front_matter_document(meta) -> str:
    try:
        front = yaml.safe_dump(meta, allow_unicode=True)
    except yaml.YAMLError:
        front = "{}"
    return f"---\n{front}---\n\n## 1. Context\n\nTekst.\n"


@FUZZ
@given(data=st.data())
def test_application_loader_survives_garbage(fuzz, data):
    structured = st.one_of(
        mutated(fuzz["front_matter"]).map(front_matter_document),
        edited_lines(CORPUS["application"](), YAML_SNIPPETS),
    ).map(encode)
    content = data.draw(garbage(structured))
    refuse_cleanly(load_application, scratch(fuzz, "aanvraag.md", content))
    folder = fuzz["root"] / "aanvragen"
    folder.mkdir(exist_ok=True)
    (folder / "a.md").write_bytes(content)
    (folder / "b.md").write_bytes(content)  # a valid file is then a duplicate id
    refuse_cleanly(load_applications, folder)


cells = st.sampled_from(["m1", "m2", "m9", "inhoud", "haalbaar", "begroting", "4", "4,0", "3.5", "9", "-1", "1e0", "1_0",
                         "", " ", '"', '"a;b"', "j1", "voting", "advisory", "id", "name", "role", "application_id",
                         "criterion_id", "score", "motivation"]) | st.text(max_size=12)


@st.composite
def csv_documents(draw, header):
    rows = draw(st.lists(st.lists(cells, max_size=6), max_size=8))
    if draw(st.booleans()):
        rows.insert(0, list(header))
    separator = draw(st.sampled_from([",", ";", "\t"]))
    if draw(st.booleans()):
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=separator, lineterminator=draw(st.sampled_from(["\n", "\r\n"]))).writerows(rows)
        text = buffer.getvalue()
    else:
        text = "\n".join(separator.join(row) for row in rows)
    return (draw(st.sampled_from(["", "\ufeff"])) + text).encode()


@FUZZ
@given(data=st.data())
def test_csv_loaders_survive_garbage(fuzz, data):
    jurors = data.draw(garbage(csv_documents(("id", "name", "role"))))
    refuse_cleanly(load_jurors, scratch(fuzz, "jurors.csv", jurors))
    scores = scratch(fuzz, "scores.csv", data.draw(garbage(csv_documents(("application_id", "criterion_id", "score", "motivation")))))
    try:
        parsed = parse_scores_csv(scores, fuzz["session"], frozenset({"m2"}))
    except JuryError:
        return
    criteria = fuzz["session"].criteria
    for change in parsed.changes:  # whatever is accepted fits the session
        assert fuzz["session"].has_application(change.application_id) and change.application_id != "m2"
        assert change.criterion_id in criteria.criterion_ids
        assert change.score is None or criteria.scale.contains(change.score)
    refuse_cleanly(check_file, scores, fuzz["session"])


def json_bytes(document, **layout) -> bytes:
    """JSON as the app writes it; a lone surrogate (not writable as UTF-8) spelt as a \\u escape instead."""
    try:
        return json.dumps(document, ensure_ascii=False, **layout).encode()
    except UnicodeEncodeError:
        return json.dumps(document, ensure_ascii=True, **layout).encode()
    except (TypeError, ValueError):
        return b"{}"


def submission_bytes(content, reseal: bool) -> bytes:
    if reseal and isinstance(content, dict):
        try:
            return seal(content, MINI_J1_KEY)[2]
        except (UnicodeEncodeError, TypeError, ValueError):
            pass
    return json_bytes(content, indent=2, sort_keys=True) + b"\n"


awkward_text = st.text(st.sampled_from(["a", "e", "\u0301", "é", "\x7f", "\x01", "\t", "\n", "\r", '"', "\\", "€", "\ufeff"]), max_size=12)


def with_motivation(base: dict, text: str, where: int) -> dict:
    content = copy.deepcopy(base)
    scores = [entry for assessment in content["assessments"] for entry in assessment["scores"]]
    scores[where % len(scores)]["motivation"] = text
    return content


@FUZZ
@given(data=st.data())
def test_a_sealed_submission_is_read_as_sealed_or_refused(fuzz, data):
    """Awkward text sealed anew (combining accents, control characters, line breaks, a byte-order
    mark before the file): refused with one clear line, or read back as exactly what was sealed."""
    content = data.draw(st.one_of(
        st.builds(with_motivation, st.just(fuzz["submission"]), awkward_text, st.integers(0, 50)),
        mutated(fuzz["submission"]),
    ))
    raw = data.draw(st.sampled_from([submission_bytes(content, reseal=True), b"\xef\xbb\xbf" + submission_bytes(content, reseal=True)]))
    try:
        submission = load_submission(scratch(fuzz, "inzending.json", raw))
    except JuryError as error:
        assert str(error).strip() and "Traceback" not in str(error)
        return
    sealed = json.loads(raw)  # a field left out takes its default
    assert {key: value for key, value in json_form(submission).items() if key in sealed} == sealed


@FUZZ
@given(data=st.data())
def test_submission_loader_and_import_survive_garbage(fuzz, data):
    structured = st.builds(submission_bytes, mutated(fuzz["submission"]), st.booleans())
    path = scratch(fuzz, "inzending.json", data.draw(garbage(structured)))
    refuse_cleanly(load_submission, path)
    with restored(fuzz["data"] / "sessions" / "mini"):
        chair = ChairStore(fuzz["data"], fuzz["session"])
        assert list(chair.submissions()) == ["j1"]  # the prepared import, as every example finds it
        try:
            chair.import_submission(path)
        except JuryError:
            return
        imported = chair.submissions()  # what was accepted reads back and fits the session
        for submission in imported.values():
            for assessment in submission.assessments:
                assert fuzz["session"].has_application(assessment.application_id)
                for entry in assessment.scores:
                    assert entry.score is None or fuzz["session"].criteria.scale.contains(entry.score)


def session_bytes(document, refingerprint: bool) -> bytes:
    if refingerprint and isinstance(document, dict) and isinstance(document.get("definition"), dict):
        try:
            document = {**document, "fingerprint": sha256_hex(document["definition"])}
        except (UnicodeEncodeError, TypeError, ValueError):
            pass
    return json_bytes(document, indent=1)


@FUZZ
@given(data=st.data())
def test_session_loader_survives_garbage(fuzz, data):
    data_dir = fuzz["root"] / "sessies"
    path = data_dir / "sessions" / "mini" / "session.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.draw(garbage(st.builds(session_bytes, mutated(fuzz["session_json"]), st.booleans()))))
    refuse_cleanly(load_session, data_dir, "mini")


def tinydb_bytes(document) -> bytes:
    return json_bytes(document, indent=1)


@FUZZ
@given(data=st.data())
def test_juror_files_survive_garbage(fuzz, data):
    folder = fuzz["data"] / "sessions" / "mini" / "jurors" / "j1"
    damaged, base = data.draw(st.sampled_from([("juror.json", "juror_json"), ("applications/m1.json", "application_json"),
                                               ("journal.json", "journal_json")]))

    def use_the_store():
        store = JurorStore(fuzz["data"], fuzz["session"], "j1")
        store.conflicts_declared, store.conflicts
        store.all_assessments()
        store.history(), store.history("m1")

    with restored(folder):
        assert JurorStore(fuzz["data"], fuzz["session"], "j1").assessment("m1").get("inhoud").score == 4  # intact
        (folder / damaged).write_bytes(data.draw(garbage(mutated(fuzz[base]).map(tinydb_bytes))))
        refuse_cleanly(use_the_store)


@FUZZ
@given(data=st.data())
def test_chair_files_survive_garbage(fuzz, data):
    folder = fuzz["data"] / "sessions" / "mini" / "chair"
    damaged, base = data.draw(st.sampled_from([("chair.json", "chair_json"), ("decisions/m1.json", "decision_json")]))

    def use_the_store():
        chair = ChairStore(fuzz["data"], fuzz["session"])
        chair.submissions()
        chair.selection()
        chair.decisions()
        chair.history("m1")

    with restored(folder):
        assert list(ChairStore(fuzz["data"], fuzz["session"]).submissions()) == ["j1"]  # intact: j1's import is there
        (folder / damaged).write_bytes(data.draw(garbage(mutated(fuzz[base]).map(tinydb_bytes))))
        refuse_cleanly(use_the_store)
