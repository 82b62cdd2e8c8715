"""Class 9 of issue 12: a juror's files are private whatever the umask.

Every folder this program creates is 0700 and every file 0600, under umask 0 (everything open),
0o022 (the usual) and 0o077 — the parent folders `mkdir(parents=True)` would make with the umask's
mode included, and the backups (hard links) too. Folders that were there already are left as they
are. On Windows chmod only toggles read-only, so these cases are POSIX-only.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from jury_tui.formats.atomic_file import private_folder, write_atomic
from tests.adversarial.conftest import run

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes; Windows only has read-only")

UMASKS = [0o000, 0o022, 0o077]


@pytest.fixture(params=UMASKS, ids=lambda mask: f"umask{mask:03o}")
def umask(request):
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def modes(*roots: Path) -> dict[str, int]:
    """The permission bits of every folder and file under (and including) `roots`; lock files,
    which the locking library makes, are left out."""
    found = {}
    for root in roots:
        for path in [root, *sorted(root.rglob("*"))]:
            if not path.name.endswith(".lock"):
                found[str(path)] = stat.S_IMODE(path.lstat().st_mode)
    return found


def assert_private(*roots: Path) -> None:
    wrong = {path: oct(mode) for path, mode in modes(*roots).items()
             if mode != (0o700 if Path(path).is_dir() else 0o600)}
    assert wrong == {}


def ok(capsys, *argv) -> None:
    result = run(capsys, *argv)
    assert (result.code, result.err) == (0, ""), result.err


def juror_csv(capsys, path: Path, score: int) -> Path:
    ok(capsys, "template", "klein", "--as", "j1", "--out", path, "--data-dir", "data/deep/er")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    path.write_text("\n".join([lines[0]] + [";".join([*line.split(";")[:6], str(score), "Kan beter."]) for line in lines[1:]]),
                    encoding="utf-8")
    return path


def test_a_whole_session_is_private_under_any_umask(capsys, inputs, tmp_path, umask):
    """From `new` to the exports: the data folder and its parents, the session, the juror's folder and
    store files with their backups, the submission, the chair's folders and the exports."""
    data = "data/deep/er"
    ok(capsys, "new", "klein", "--criteria", inputs.criteria, "--applications", inputs.applications,
       "--jurors", inputs.jurors, "--budget", "1500000", "--data-dir", data)
    ok(capsys, "conflicts", "klein", "--as", "j1", "--none", "--data-dir", data)
    for score in (2, 3):  # the second import rewrites the files: their backups are made
        ok(capsys, "import-scores", "klein", "--as", "j1", juror_csv(capsys, tmp_path / "scores.csv", score), "--data-dir", data)
    ok(capsys, "submit", "klein", "--as", "j1", "--data-dir", data)
    ok(capsys, "submit", "klein", "--as", "j1", "--out", "uit/inzendingen/j1.json", "--data-dir", data)
    ok(capsys, "import", "klein", "uit/inzendingen", "--data-dir", data)
    ok(capsys, "export", "klein", "--csv", "--xlsx", "--data-dir", data)
    root = tmp_path / "data"
    assert (root / "deep" / "er" / "exports" / "scores-klein.xlsx").is_file()
    assert any(path.name.startswith(".") and ".bak" in path.name for path in root.rglob("*"))  # backups exist
    assert_private(root, tmp_path / "uit")


def test_the_advice_pdf_is_private(capsys, session, umask, tmp_path):
    ok(capsys, "export", "klein", "--pdf", "rapport/advies.pdf", "--data-dir", "data")
    assert (tmp_path / "rapport" / "advies.pdf").is_file()
    assert_private(tmp_path / "rapport")


def test_the_template_is_private(capsys, session, umask, tmp_path):
    ok(capsys, "template", "klein", "--as", "j2", "--out", "sjablonen/j2.csv", "--data-dir", "data")
    assert_private(tmp_path / "sjablonen")


def test_the_demo_session_is_private(capsys, umask, tmp_path):
    ok(capsys, "demo", "--no-open", "--filled", "--data-dir", "demo")
    assert_private(tmp_path / "demo")


def test_folders_that_were_there_keep_their_mode(tmp_path, umask):
    shared = tmp_path / "gedeeld"
    shared.mkdir()
    shared.chmod(0o755)
    write_atomic(shared / "nieuw" / "bestand.json", b"{}")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755
    assert_private(shared / "nieuw")


def test_a_strange_umask_cannot_take_the_owners_rights(tmp_path):
    old = os.umask(0o277)  # would leave the owner read-only
    try:
        write_atomic(tmp_path / "a" / "b" / "c.json", b"{}")
    finally:
        os.umask(old)
    assert_private(tmp_path / "a")


def test_private_folder_made_twice_is_no_error(tmp_path, umask):
    assert private_folder(tmp_path / "x" / "y") == tmp_path / "x" / "y"
    private_folder(tmp_path / "x" / "y")
    assert_private(tmp_path / "x")


def test_a_backup_keeps_the_files_mode(tmp_path, umask):
    target = tmp_path / "opslag" / "juror.json"
    for version in range(4):
        write_atomic(target, b'{"v": %d}' % version, backups=3)
    backups = sorted(path.name for path in target.parent.iterdir())
    assert backups == [".juror.json.bak1", ".juror.json.bak2", ".juror.json.bak3", "juror.json"]
    assert_private(target.parent)
