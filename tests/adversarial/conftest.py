"""Hostile and broken inputs, faults and races (issue 12): the harness every case uses.

`refused(...)` runs one `jury-tui` command in-process and asserts the promise for a refusal:
exit code 2, one line on stderr, no traceback, no raw control character in any output, and every
file under the watched folders byte-identical (and no file added or removed) afterwards.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path
from types import SimpleNamespace

import pytest

from jury_tui.cli import main
from jury_tui.i18n import set_language
from tests.conftest import write_small_inputs

# C0 controls except newline, DEL, the C1 range (8-bit CSI 0x9b) and the bidirectional overrides.
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]")


def snapshot(*folders: Path) -> dict[str, tuple[str, int] | str]:
    """Every entry under `folders`: files by the SHA-256 of their bytes and their mode, folders and
    other entries by kind. Lock files are left out: taking a lock is not a change."""
    found: dict[str, tuple[str, int] | str] = {}
    for folder in folders:
        if not folder.exists():
            continue
        for path in sorted(folder.rglob("*")):
            if path.name.endswith(".lock"):
                continue
            info = path.lstat()
            if stat.S_ISREG(info.st_mode):
                found[str(path)] = (hashlib.sha256(path.read_bytes()).hexdigest(), stat.S_IMODE(info.st_mode))
            elif stat.S_ISDIR(info.st_mode):
                found[str(path)] = "folder"
            else:
                found[str(path)] = "special"
    return found


def run(capsys, *argv: str) -> SimpleNamespace:
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return SimpleNamespace(code=code, out=out, err=err)


def assert_clean_output(result: SimpleNamespace) -> None:
    """No traceback and nothing a terminal would interpret, on either stream."""
    for stream in (result.out, result.err):
        assert "Traceback" not in stream, stream
        assert not RAW_CONTROL.search(stream), repr(stream)


def refused(capsys, *argv: str, watch: tuple[Path, ...] = ()) -> str:
    """Run `jury-tui argv`; assert it is refused as the promise says; return the one line."""
    before = snapshot(*watch)
    result = run(capsys, *argv)
    assert_clean_output(result)
    lines = result.err.strip().splitlines()
    assert result.code == 2, (result.code, result.err)
    assert len(lines) == 1, result.err
    assert snapshot(*watch) == before, "a refused command changed files"
    return lines[0]


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    """Every case runs from an empty folder with the default language and a permissive umask
    (so that modes are the program's doing, not the test runner's)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JURY_DATA_DIR", raising=False)
    set_language("nl")
    old_umask = os.umask(0o022)
    yield
    os.umask(old_umask)
    set_language("nl")


@pytest.fixture
def inputs(tmp_path):
    return write_small_inputs(tmp_path / "invoer")


@pytest.fixture
def session(capsys, inputs, tmp_path) -> Path:
    """The small session `klein` created with `jury-tui new` in ./data; returns the data folder."""
    result = run(capsys, "new", "klein", "--criteria", inputs.criteria, "--applications", inputs.applications,
                 "--jurors", inputs.jurors, "--budget", "1500000", "--data-dir", "data")
    assert (result.code, result.err) == (0, ""), result.err
    return tmp_path / "data"


def filled_csv(capsys, path: Path, score: str = "4", motivation: str = "Sterk plan.") -> Path:
    """A scores CSV for j1 of `klein` (data folder ./data), every score given: from the template,
    as a juror fills it in."""
    assert run(capsys, "template", "klein", "--as", "j1", "--out", path, "--data-dir", "data").code == 0
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    rows = [lines[0]] + [";".join([*line.split(";")[:6], score, motivation]) for line in lines[1:]]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path
