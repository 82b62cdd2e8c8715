"""Issue 14, items 3 and 4 on the command line: the last submission and whether the work changed
since (`show`, `show --json`), and the writers the CLI refuses while the juror's app holds the store.

End to end in a temporary folder: the small session `klein` (criteria inhoud, haalbaar, budget;
applications a1, a2, a3; jurors j1, j2), made with `jury-tui new`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import tree_snapshot, write_small_inputs
from test_cli import in_tmp_path  # noqa: F401 - every command from an empty folder, in Dutch (autouse)

from jury_tui.cli import main
from jury_tui.domain.submission import submission_digest, work_digest
from jury_tui.formats.submission_file import load_submission
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import load_session
from jury_tui.store.submitting import COUNTER_FILE, submission_state

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
APPS = ("a1", "a2", "a3")

# The juror's app open in another process: it holds the store (JurorStore.claim, as JurorApp does) until its stdin closes.
OPEN_APP = """\
import sys
from pathlib import Path
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import load_session
data = Path(sys.argv[1])
store = JurorStore(data, load_session(data, "klein"), sys.argv[2])
store.claim()
print("open", flush=True)
sys.stdin.read()
"""


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--data-dir", "data"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.fixture
def data(capsys, tmp_path) -> Path:
    inputs = write_small_inputs(tmp_path / "invoer")
    code, _, err = run(capsys, "new", "klein", "--criteria", str(inputs.criteria), "--applications",
                       str(inputs.applications), "--jurors", str(inputs.jurors), "--budget", "1500000")
    assert (code, err) == (0, "")
    return tmp_path / "data"


def store_of(data: Path, juror: str = "j1", read_only: bool = False) -> JurorStore:
    return JurorStore(data, load_session(data, "klein"), juror, read_only=read_only)


def score_all(data: Path, juror: str = "j1") -> JurorStore:
    store = store_of(data, juror)
    store.declare_conflicts([])
    for application in APPS:
        for criterion in store.session.criteria.criteria:
            store.set_score(application, criterion.id, 3)
            store.set_motivation(application, criterion.id, f"Motivatie {application} {criterion.id}")
    return store


def juror_json(capsys, juror: str = "j1") -> dict:
    code, out, err = run(capsys, "show", "klein", "--json")
    assert (code, err) == (0, "")
    return next(j for j in json.loads(out)["jurors"] if j["id"] == juror)


def juror_line(capsys, juror: str = "j1") -> str:
    code, out, err = run(capsys, "show", "klein")
    assert (code, err) == (0, "")
    return next(line for line in out.splitlines() if f" {juror} " in line)


def submitted(state: dict) -> tuple:
    return state["submitted_sequence"], state["changed_since_submitted"]


# --- the last submission and "changed since" --------------------------------------------------------------


def test_show_follows_a_juror_who_submits_changes_submits_again_and_changes_back(capsys, data):
    store = score_all(data)
    before = juror_json(capsys)
    assert submitted(before) == (None, None) and before["submitted_at"] is None
    assert "ingediend" not in juror_line(capsys)
    for key in ("id", "name", "role", "conflicts_declared", "conflicts", "complete", "finished"):  # the keys of before stay
        assert key in before

    assert run(capsys, "submit", "klein", "--as", "j1")[0] == 0
    first = juror_json(capsys)
    assert submitted(first) == (1, False)
    moment = dt.datetime.fromisoformat(first["submitted_at"])
    assert moment.tzinfo is not None and abs(dt.datetime.now(dt.UTC) - moment) < dt.timedelta(minutes=5)
    line = juror_line(capsys)
    assert f"ingediend {moment.astimezone().strftime('%d-%m-%Y %H:%M')}, nr. 1" in line
    assert "gewijzigd" not in line

    store.set_score("a2", "budget", 4)  # a changed score
    assert submitted(juror_json(capsys)) == (1, True)
    assert "gewijzigd na indienen" in juror_line(capsys)

    assert run(capsys, "submit", "klein", "--as", "j1")[0] == 0
    assert submitted(juror_json(capsys)) == (2, False)

    store.set_motivation("a1", "inhoud", "Eerst zo")  # changed, then changed back: equal to what was submitted
    assert submitted(juror_json(capsys)) == (2, True)
    store.set_motivation("a1", "inhoud", "Motivatie a1 inhoud")
    assert submitted(juror_json(capsys)) == (2, False)

    store.declare_conflicts(["a3"])  # conflicts are part of the work too
    assert submitted(juror_json(capsys)) == (2, True)
    assert submitted(juror_json(capsys, "j2")) == (None, None)


def test_the_digest_is_the_work_not_the_time_or_the_number(capsys, data, tmp_path):
    store = score_all(data)
    session = store.session
    ids = [a.id for a in session.applications]
    assert run(capsys, "submit", "klein", "--as", "j1", "--out", "een.json")[0] == 0
    assert run(capsys, "submit", "klein", "--as", "j1", "--out", "twee.json")[0] == 0
    one, two = load_submission(tmp_path / "een.json"), load_submission(tmp_path / "twee.json")
    assert (one.sequence, two.sequence) == (1, 2) and one.checksum != two.checksum
    now = work_digest(session.criteria, ids, store.all_assessments(), store.conflicts)
    assert submission_digest(one) == submission_digest(two) == now
    store.declare_conflicts(["a2"])  # a conflicted application's scores are not submitted: the digest leaves them out
    assert work_digest(session.criteria, ids, store.all_assessments(), store.conflicts) != now
    state = submission_state(store_of(data, read_only=True))
    assert (state.sequence, state.changed) == (2, True)


def test_a_counter_of_an_older_version_shows_the_number_and_no_change_state(capsys, data):
    score_all(data)
    counter = data / "sessions" / "klein" / "jurors" / "j1" / COUNTER_FILE
    counter.write_text(json.dumps({"kind": "submission-counter", "session_id": "klein", "juror_id": "j1",
                                   "last_sequence": 3}), encoding="utf-8")
    state = juror_json(capsys)
    assert (state["submitted_sequence"], state["submitted_at"], state["changed_since_submitted"]) == (3, None, None)
    assert "ingediend, nr. 3" in juror_line(capsys)
    assert run(capsys, "submit", "klein", "--as", "j1")[0] == 0  # the next number; now with time and digest
    assert submitted(juror_json(capsys)) == (4, False)
    record = json.loads(counter.read_text(encoding="utf-8"))
    assert record["last_sequence"] == record["submitted_sequence"] == 4 and len(record["work_digest"]) == 64


def test_a_submission_whose_file_cannot_be_written_is_not_remembered_as_submitted(capsys, data, tmp_path, monkeypatch):
    from jury_tui.store import submitting

    score_all(data)
    assert run(capsys, "submit", "klein", "--as", "j1")[0] == 0
    store_of(data).set_score("a1", "inhoud", 5)

    def full_disk(path, content):
        raise OSError(28, "No space left on device", str(path))

    with monkeypatch.context() as patch:
        patch.setattr(submitting, "write_atomic", full_disk)
        code, _, err = run(capsys, "submit", "klein", "--as", "j1")
    assert code == 2 and len(err.strip().splitlines()) == 1
    state = juror_json(capsys)
    assert submitted(state) == (1, True)  # still the first, and the work changed since
    assert run(capsys, "submit", "klein", "--as", "j1")[0] == 0
    assert submitted(juror_json(capsys)) == (3, False)  # number 2 was taken by the failed write: a harmless gap


def test_a_first_submission_whose_file_cannot_be_written_is_no_submission(capsys, data, monkeypatch):
    from jury_tui.store import submitting

    score_all(data)

    def full_disk(path, content):
        raise OSError(28, "No space left on device", str(path))

    with monkeypatch.context() as patch:
        patch.setattr(submitting, "write_atomic", full_disk)
        assert run(capsys, "submit", "klein", "--as", "j1")[0] == 2
    state = juror_json(capsys)
    assert submitted(state) == (None, None) and state["submitted_at"] is None  # the number was taken, nothing sent
    assert "ingediend" not in juror_line(capsys)
    assert submission_state(store_of(data, read_only=True)) is None


def test_a_register_that_remembers_a_submission_without_a_version_is_read(capsys, data):
    # As written by a build between the first version and counter_version 2: the submission it names stands.
    score_all(data)
    assert run(capsys, "submit", "klein", "--as", "j1")[0] == 0
    path = counter_path(data)
    record = json.loads(path.read_text(encoding="utf-8"))
    del record["counter_version"]
    path.write_text(json.dumps(record), encoding="utf-8")
    assert submitted(juror_json(capsys)) == (1, False)
    assert run(capsys, "submit", "klein", "--as", "j1")[0] == 0
    assert submitted(juror_json(capsys)) == (2, False)


def counter_path(data: Path, juror: str = "j1") -> Path:
    return data / "sessions" / "klein" / "jurors" / juror / COUNTER_FILE


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"last_sequence": "1"}, "veld 'last_sequence'"),
        ({"submitted_at": 1764945000}, "veld 'submitted_at'"),
        ({"submitted_at": "2026-12-05T14:32:00"}, "veld 'submitted_at'"),  # no offset
        ({"work_digest": "xyz"}, "veld 'work_digest'"),
        ({"session_id": "ander"}, "session_id = 'ander', verwacht 'klein'"),
        ({"last_sequence": 1, "submitted_sequence": 5}, "laatste nummer 1, laatst ingediend nr. 5"),
        ({"last_sequence": 0}, "laatste nummer 0, laatst ingediend nr. 1"),
        ({"work_digest": None}, "de nummers spreken elkaar tegen"),  # half a submission remembered
        ({"onbekend": 1}, "veld 'onbekend'"),
    ],
)
def test_a_damaged_register_is_said_on_its_juror_and_hides_no_one(capsys, data, change, expected):
    score_all(data)
    score_all(data, "j2")
    assert run(capsys, "submit", "klein", "--as", "j1")[0] == 0
    path = counter_path(data)
    record = {**json.loads(path.read_text(encoding="utf-8")), **change}
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    before = path.read_bytes()
    code, out, err = run(capsys, "show", "klein", "--json")
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert COUNTER_FILE in err and expected in err, err
    if expected.startswith("veld"):  # the numbers cannot be trusted: what to do
        assert "vraag het secretariaat om raad voor je opnieuw indient" in err
    jurors = {j["id"]: j for j in json.loads(out)["jurors"]}
    assert {"j1", "j2"} <= set(jurors) and jurors["j1"]["submission_unknown"] and jurors["j1"]["complete"] == 3
    assert not jurors["j2"]["submission_unknown"]
    code, out, _ = run(capsys, "show", "klein")
    assert code == 2 and "inzendingen onbekend: register beschadigd" in next(line for line in out.splitlines() if " j1 " in line)
    assert run(capsys, "submit", "klein", "--as", "j1")[0] == 2  # never a number taken from a register it cannot trust
    assert path.read_bytes() == before


def test_english_show(capsys, data):
    score_all(data)
    assert run(capsys, "submit", "klein", "--as", "j1")[0] == 0
    store_of(data).set_score("a1", "inhoud", 1)
    _, out, _ = run(capsys, "show", "klein", "--lang", "en")
    line = next(line for line in out.splitlines() if " j1 " in line)
    assert ", no. 1" in line and "changed since submitting" in line


# --- writers refused while the app is open ---------------------------------------------------------------


@pytest.fixture
def app_open(data):
    """The juror j1's app, open in another process."""
    process = subprocess.Popen([sys.executable, "-c", OPEN_APP, str(data), "j1"], env=ENV, text=True,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.readline() == "open\n", process.stderr.read()
    yield process
    process.communicate("", timeout=60)


@pytest.mark.parametrize(("argv", "file"), [
    (("import-scores", "klein", "--as", "j1", "scores.csv"), "scores.csv"),
    (("submit", "klein", "--as", "j1", "--out", "inzending.json"), "inzending.json"),
    (("submit", "klein", "--as", "j1"), str(Path("data", "exports", "inzending-klein-j1.json"))),
    (("conflicts", "klein", "--as", "j1", "--set", "a2"), str(Path("data", "sessions", "klein", "jurors", "j1", "juror.json"))),
])
def test_a_writer_is_refused_with_one_line_naming_its_file_while_the_app_is_open(capsys, data, tmp_path, argv, file):
    score_all(data)
    (tmp_path / "scores.csv").write_text("application_id;criterion_id;score;motivation\na1;inhoud;5;uit Excel\n",
                                         encoding="utf-8")
    before = tree_snapshot(tmp_path)
    process = subprocess.Popen([sys.executable, "-c", OPEN_APP, str(data), "j1"], env=ENV, text=True,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert process.stdout.readline() == "open\n", process.stderr.read()
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == ""
        assert err.strip().splitlines() == [
            (f"{file}: jury-tui {argv[0]} schrijft niet terwijl de app van jurylid j1 open is op sessie klein; "
             "sluit de app eerst en probeer dan opnieuw (er is niets gewijzigd)")
        ]
        assert tree_snapshot(tmp_path) == before  # nothing written, no file created, the counter untouched
    finally:
        process.communicate("", timeout=60)
    code, _, err = run(capsys, *argv)  # the app closed: the same command goes through
    assert code == 0 and "open" not in err


def test_the_refusal_in_english_and_reading_still_works(capsys, data, app_open):
    score_all_while_open = store_of(data, read_only=True)
    assert not score_all_while_open.conflicts_declared
    code, _, err = run(capsys, "conflicts", "klein", "--as", "j1", "--none", "--lang", "en")
    assert code == 2
    assert err.strip().endswith("jury-tui conflicts does not write while the app of juror j1 is open on session klein; "
                                "close the app first, then try again (nothing was changed)")
    assert run(capsys, "show", "klein", "--json")[0] == 0
    assert run(capsys, "conflicts", "klein", "--as", "j1")[0] == 0


def test_a_register_that_cannot_be_updated_after_the_file_is_written_says_the_file_is_there(capsys, data, monkeypatch):
    from jury_tui.store import submitting

    score_all(data)
    real = submitting.write_json_atomic
    calls = []

    def second_fails(path, content):
        calls.append(path)
        if len(calls) == 2:  # the update after the file: the disk is full now
            raise OSError(28, "No space left on device", str(path))
        real(path, content)

    monkeypatch.setattr(submitting, "write_json_atomic", second_fails)
    code, _, err = run(capsys, "submit", "klein", "--as", "j1", "--out", "inzending.json")
    line = err.strip()
    assert code == 2 and "\n" not in line
    assert line.startswith("inzending nr. 1 is geschreven naar inzending.json, maar kon niet als laatste inzending")
    assert load_submission(Path("inzending.json")).sequence == 1
