"""Session identity and juror packages (issue 12, classes 2 and 8): a session is the folder it was read
from, a package sets up exactly one juror of exactly one session, and two `new` never both win."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

from jury_tui.domain.signing import new_private_key
from jury_tui.formats.session_builder import build_demo_session
from jury_tui.store.sessions import juror_key_path, secretariat_key_path
from tests.adversarial.conftest import refused, run

REPO = Path(__file__).resolve().parents[2]


def package(capsys, data: Path, juror: str, out: str) -> Path:
    result = run(capsys, "package", "klein", "--for", juror, "--out", out, "--data-dir", data)
    assert result.code == 0, result.err
    return Path(out)


def rewritten(path: Path, change, name: str) -> Path:
    data = json.loads(path.read_bytes())
    change(data)
    target = path.with_name(name)
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return target


def test_a_package_sets_a_juror_up_who_can_then_sign_and_be_imported(capsys, session):
    pkg = package(capsys, session, "j1", "j1.pakket")
    assert stat.S_IMODE(pkg.stat().st_mode) == 0o600
    laptop = Path("laptop")
    assert "uitgepakt" in run(capsys, "unpack", pkg, "--data-dir", laptop).out
    key = juror_key_path(laptop, "klein", "j1")
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert not (laptop / "sessions" / "klein" / "keys").exists()  # no one else's key travels
    assert "al uitgepakt" in run(capsys, "unpack", pkg, "--data-dir", laptop).out  # idempotent
    assert run(capsys, "conflicts", "klein", "--as", "j1", "--none", "--data-dir", laptop).code == 0
    assert run(capsys, "submit", "klein", "--as", "j1", "--incomplete", "--out", "j1.json", "--data-dir", laptop).code == 0
    assert "ingelezen" in run(capsys, "import", "klein", "j1.json", "--data-dir", session).out
    # the same laptop cannot sign for j2: it has no key for j2
    assert run(capsys, "conflicts", "klein", "--as", "j2", "--none", "--data-dir", laptop).code == 0
    line = refused(capsys, "submit", "klein", "--as", "j2", "--incomplete", "--out", "j2.json", "--data-dir", laptop,
                   watch=(laptop, Path.cwd()))
    assert "geen sleutel" in line


def test_a_package_whose_key_does_not_match_the_session_is_refused_and_nothing_written(capsys, session):
    pkg = rewritten(package(capsys, session, "j1", "j1.pakket"), lambda d: d.update(private_key=new_private_key().hex()), "vals.pakket")
    line = refused(capsys, "unpack", pkg, "--data-dir", "laptop", watch=(Path.cwd(),))
    assert "vals.pakket" in line and "hoort niet bij jurylid 'j1'" in line
    assert not Path("laptop").exists()


def test_a_package_with_another_jurors_key_is_refused(capsys, session):
    other = secretariat_key_path(session, "klein", "j2").read_text().strip()
    pkg = rewritten(package(capsys, session, "j1", "j1.pakket"), lambda d: d.update(private_key=other), "ruil.pakket")
    line = refused(capsys, "unpack", pkg, "--data-dir", "laptop", watch=(Path.cwd(),))
    assert "hoort niet bij jurylid 'j1'" in line


def test_a_package_of_another_session_under_the_same_id_is_refused(capsys, session, inputs):
    laptop = Path("laptop")
    assert run(capsys, "unpack", package(capsys, session, "j1", "j1.pakket"), "--data-dir", laptop).code == 0
    other = Path("ander")  # the secretariat made 'klein' again: new keys, another fingerprint
    assert run(capsys, "new", "klein", "--criteria", inputs.criteria, "--applications", inputs.applications,
               "--jurors", inputs.jurors, "--budget", "900000", "--data-dir", other).code == 0
    pkg = package(capsys, other, "j1", "ander.pakket")
    line = refused(capsys, "unpack", pkg, "--data-dir", laptop, watch=(laptop,))
    assert "andere sessie met id 'klein'" in line


def test_a_package_with_a_changed_session_is_refused(capsys, session):
    pkg = rewritten(package(capsys, session, "j1", "j1.pakket"),
                    lambda d: d["session"]["definition"].update(title="Een andere oproep"), "titel.pakket")
    line = refused(capsys, "unpack", pkg, "--data-dir", "laptop", watch=(Path.cwd(),))
    assert "titel.pakket" in line and "vingerafdruk" in line


def test_what_is_not_a_package_is_refused(capsys, session):
    Path("boodschappen.json").write_text('{"format": "boodschappen"}', encoding="utf-8")
    assert "geen jurypakket" in refused(capsys, "unpack", "boodschappen.json", "--data-dir", "laptop", watch=(Path.cwd(),))
    pkg = rewritten(package(capsys, session, "j1", "j1.pakket"), lambda d: d.update(juror_id="j9"), "j9.pakket")
    assert "'j9'" in refused(capsys, "unpack", pkg, "--data-dir", "laptop", watch=(Path.cwd(),))


def test_a_package_is_made_only_where_the_keys_are(capsys, session):
    laptop = Path("laptop")
    assert run(capsys, "unpack", package(capsys, session, "j1", "j1.pakket"), "--data-dir", laptop).code == 0
    line = refused(capsys, "package", "klein", "--for", "j1", "--out", "opnieuw.pakket", "--data-dir", laptop,
                   watch=(Path.cwd(),))
    assert "privésleutel van jurylid 'j1' staat niet op deze computer" in line
    assert "'j9'" in refused(capsys, "package", "klein", "--for", "j9", "--out", "x.pakket", "--data-dir", session,
                             watch=(Path.cwd(),))


def test_opening_a_package_without_a_terminal_writes_nothing(capsys, session):
    pkg = package(capsys, session, "j1", "j1.pakket")
    refused(capsys, "open", pkg, "--data-dir", "laptop", watch=(Path.cwd(),))
    assert not Path("laptop").exists()


def test_a_renamed_session_folder_is_refused_and_no_work_lands_in_it(capsys, session):
    os.rename(session / "sessions" / "klein", session / "sessions" / "groot")
    for argv in (("show", "groot"), ("conflicts", "groot", "--as", "j1", "--none"), ("import", "groot", "x.json")):
        line = refused(capsys, *argv, "--data-dir", session, watch=(session,))
        assert "hernoem de map terug naar 'klein'" in line, line


def test_a_copied_session_folder_is_refused_and_the_original_is_untouched(capsys, session):
    shutil.copytree(session / "sessions" / "klein", session / "sessions" / "kopie")
    line = refused(capsys, "conflicts", "kopie", "--as", "j1", "--none", "--data-dir", session, watch=(session,))
    assert "kopie" in line and "'klein'" in line


def test_new_refuses_an_existing_session_and_keeps_its_keys(capsys, session, inputs):
    line = refused(capsys, "new", "klein", "--criteria", inputs.criteria, "--applications", inputs.applications,
                   "--jurors", inputs.jurors, "--budget", "900000", "--data-dir", session, watch=(session,))
    assert "bestaat al" in line


def test_two_new_at_the_same_moment_exactly_one_succeeds(inputs, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO), "JURY_LANG": "nl"}
    argv = [sys.executable, "-m", "jury_tui", "new", "gelijk", "--criteria", str(inputs.criteria),
            "--applications", str(inputs.applications), "--jurors", str(inputs.jurors), "--budget", "1000",
            "--data-dir", str(tmp_path / "data")]
    processes = [subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outcomes = [(process.wait(timeout=120), process.stderr.read()) for process in processes]
    assert sorted(code for code, _ in outcomes) == [0, 2, 2], outcomes
    assert all("bestaat al" in err for code, err in outcomes if code == 2)
    folder = tmp_path / "data" / "sessions" / "gelijk"
    session = json.loads((folder / "session.json").read_bytes())
    # the keys on disk are the winner's: each matches the public key in session.json
    from jury_tui.domain.signing import public_key

    for juror in session["definition"]["jurors"]:
        key = bytes.fromhex((folder / "keys" / f"{juror['id']}.key").read_text().strip())
        assert public_key(key).hex() == juror["public_key"]


def test_loading_a_session_changes_nothing_on_disk(capsys, session):
    stale = session / "sessions" / "klein" / ".session.json.deadbeef.jurytmp"
    stale.write_text("{")
    assert run(capsys, "show", "klein", "--data-dir", session).code == 0
    assert stale.exists()


def test_private_keys_never_enter_the_session_definition(capsys, session):
    text = (session / "sessions" / "klein" / "session.json").read_text(encoding="utf-8")
    for juror in ("j1", "j2", "adv"):
        key = secretariat_key_path(session, "klein", juror)
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
        assert key.read_text().strip() not in text


def test_the_demo_is_the_same_on_every_laptop_and_its_submissions_travel(capsys, tmp_path):
    assert build_demo_session().fingerprint == build_demo_session().fingerprint
    assert run(capsys, "demo", "--no-open", "--filled", "--data-dir", "laptop-a").code == 0
    assert run(capsys, "demo", "--no-open", "--data-dir", "laptop-b").code == 0
    sent = Path("laptop-a/sessions/wvc-2021-demo/demo-inzendingen/extern-1.json")
    assert "ingelezen" in run(capsys, "import", "wvc-2021-demo", sent, "--data-dir", "laptop-b").out


def test_open_names_the_package_problem_first_and_a_session_without_as(capsys, session):
    Path("kapot.pakket").write_text('{"format": "jury-tui/juror-package", "schema_version": 1}', encoding="utf-8")
    line = refused(capsys, "open", "kapot.pakket", "--data-dir", "laptop", watch=(Path.cwd(),))
    assert "kapot.pakket" in line and "terminal" not in line
    line = refused(capsys, "open", "klein", "--data-dir", session, watch=(session,))
    assert "--as" in line


def test_an_unpack_whose_juror_folder_cannot_be_made_writes_nothing(capsys, tmp_path):
    """A file where the juror's folder belongs: refused before the session is written."""
    from tests.adversarial.conftest import refused as refused_cleanly

    data, package = tmp_path / "sec", tmp_path / "j1.jurypakket"
    assert run(capsys, "demo", "--no-open", "--data-dir", data).code == 0
    assert run(capsys, "package", "wvc-2021-demo", "--for", "extern-1", "--out", package, "--data-dir", data).code == 0
    laptop = tmp_path / "laptop"
    (laptop / "sessions" / "wvc-2021-demo" / "jurors").mkdir(parents=True)
    (laptop / "sessions" / "wvc-2021-demo" / "jurors" / "extern-1").write_text("in de weg", encoding="utf-8")
    refused_cleanly(capsys, "unpack", package, "--data-dir", laptop, watch=(laptop,))
    assert not (laptop / "sessions" / "wvc-2021-demo" / "session.json").exists()


def test_a_package_with_a_key_twice_is_refused(capsys, tmp_path):
    """Duplicate keys would read one way for a person and another for the program (the last wins)."""
    from tests.adversarial.conftest import refused as refused_cleanly

    data, package = tmp_path / "sec", tmp_path / "j1.jurypakket"
    assert run(capsys, "demo", "--no-open", "--data-dir", data).code == 0
    assert run(capsys, "package", "wvc-2021-demo", "--for", "extern-1", "--out", package, "--data-dir", data).code == 0
    text = package.read_text(encoding="utf-8")
    assert '"juror_id": "extern-1"' in text
    package.write_text(text.replace('"juror_id": "extern-1"', '"juror_id": "extern-2", "juror_id": "extern-1"', 1),
                       encoding="utf-8")
    line = refused_cleanly(capsys, "unpack", package, "--data-dir", tmp_path / "laptop", watch=(tmp_path,))
    assert "juror_id" in line and "twee keer" in line
