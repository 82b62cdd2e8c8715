"""Class 6 of issue 12: special files and sizes.

FIFOs, sockets, devices, symlink loops, links to /dev/zero and folders where a file is expected are
refused before anything is read, with one line naming the path; every kind of file has a size limit
(formats/files.SIZE_LIMITS) and a file one byte above it is refused unread, one exactly at it is read.
Nothing hangs: a FIFO with no writer would block an ordinary open() for ever.
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import pytest

from jury_tui.formats import files
from jury_tui.formats.files import MB, SIZE_LIMITS, FileRefused, read_limited
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.sessions import load_session
from tests.adversarial.conftest import filled_csv, refused, run

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, sockets and /dev/zero are POSIX")


def new_args(inputs, **override) -> list:
    given = {"criteria": inputs.criteria, "applications": inputs.applications, "jurors": inputs.jurors, **override}
    return ["new", "anders", "--criteria", given["criteria"], "--applications", given["applications"],
            "--jurors", given["jurors"], "--budget", "1000000", "--data-dir", "data"]


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def started(capsys, data: Path) -> Path:
    """`klein` with j1's folder and the chair's folders made (their stores make them when first opened)."""
    assert run(capsys, "conflicts", "klein", "--as", "j1", "--none", "--data-dir", "data").code == 0
    ChairStore(data, load_session(data, "klein"))
    return data


def submission(capsys, session: Path, tmp_path: Path) -> Path:
    """A complete sealed submission of j1, written by `submit`."""
    assert run(capsys, "conflicts", "klein", "--as", "j1", "--none", "--data-dir", "data").code == 0
    assert run(capsys, "import-scores", "klein", "--as", "j1", filled_csv(capsys, tmp_path / "s.csv", "3", "Goed onderbouwd."),
               "--data-dir", "data").code == 0
    out = tmp_path / "inzending-j1.json"
    assert run(capsys, "submit", "klein", "--as", "j1", "--out", out, "--data-dir", "data").code == 0
    return out


# --- special files where an input file is expected --------------------------------------------


@posix_only
def test_a_fifo_as_criteria_file_is_refused_without_waiting_for_a_writer(capsys, inputs, tmp_path):
    pipe = fifo(tmp_path / "criteria.toml")
    line = refused(capsys, *new_args(inputs, criteria=pipe), watch=(inputs.root,))
    assert line.startswith("criteria.toml: ") and "FIFO" in line
    assert not (tmp_path / "data").exists()


@posix_only
def test_a_fifo_among_the_applications_is_refused_with_its_name(capsys, inputs):
    fifo(inputs.applications / "a4.md")
    line = refused(capsys, *new_args(inputs), watch=(inputs.root,))
    assert "a4.md" in line and "geen gewoon bestand" in line


@posix_only
def test_a_fifo_as_submission_is_refused_and_the_chair_store_unchanged(capsys, session, tmp_path):
    started(capsys, session)
    pipe = fifo(tmp_path / "inzending.json")
    line = refused(capsys, "import", "klein", pipe, "--data-dir", "data", watch=(session,))
    assert "inzending.json" in line and "FIFO" in line


@posix_only
def test_a_fifo_in_a_folder_of_submissions_is_refused_by_name(capsys, session, tmp_path):
    started(capsys, session)
    folder = tmp_path / "inzendingen"
    folder.mkdir()
    fifo(folder / "j1.json")
    line = refused(capsys, "import", "klein", folder, "--data-dir", "data", watch=(session, folder))
    assert "j1.json" in line and "FIFO" in line


@posix_only
def test_a_fifo_as_scores_csv_is_refused(capsys, session, tmp_path):
    started(capsys, session)
    pipe = fifo(tmp_path / "scores.csv")
    line = refused(capsys, "import-scores", "klein", "--as", "j1", pipe, "--data-dir", "data", watch=(session,))
    assert "scores.csv" in line and "FIFO" in line


@posix_only
def test_a_socket_as_jurors_file_is_refused(capsys, inputs, tmp_path):
    path = tmp_path / "s.toml"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        line = refused(capsys, *new_args(inputs, jurors=path), watch=(inputs.root,))
    finally:
        server.close()
    assert "s.toml" in line and "socket" in line


@posix_only
def test_a_link_to_dev_zero_as_criteria_is_refused_before_reading(capsys, inputs, tmp_path):
    link = tmp_path / "nul.toml"
    link.symlink_to("/dev/zero")
    line = refused(capsys, *new_args(inputs, criteria=link), watch=(inputs.root,))
    assert "nul.toml" in line and "apparaat" in line


@posix_only
def test_a_symlink_loop_as_application_folder_entry_is_refused(capsys, inputs):
    (inputs.applications / "a4.md").symlink_to("a5.md")
    (inputs.applications / "a5.md").symlink_to("a4.md")
    line = refused(capsys, *new_args(inputs), watch=(inputs.root,))
    assert "a4.md" in line and "kring" in line


@posix_only
def test_a_symlink_loop_as_criteria_file_is_refused(capsys, inputs, tmp_path):
    (tmp_path / "lus.toml").symlink_to("lus.toml")
    line = refused(capsys, *new_args(inputs, criteria=tmp_path / "lus.toml"), watch=(inputs.root,))
    assert line.startswith("lus.toml: ") and "kring" in line


def test_a_folder_as_criteria_file_is_refused(capsys, inputs, tmp_path):
    (tmp_path / "map.toml").mkdir()
    line = refused(capsys, *new_args(inputs, criteria=tmp_path / "map.toml"), watch=(inputs.root,))
    assert line == "map.toml: is een map, geen bestand"


def test_a_folder_named_like_an_application_is_refused(capsys, inputs):
    (inputs.applications / "a4.md").mkdir()
    line = refused(capsys, *new_args(inputs), watch=(inputs.root,))
    assert "a4.md" in line and "is een map" in line


def test_a_file_as_applications_folder_is_refused(capsys, inputs):
    line = refused(capsys, *new_args(inputs, applications=inputs.criteria), watch=(inputs.root,))
    assert line == f"{Path('invoer', 'criteria.toml')}: is geen map"


@posix_only
def test_check_refuses_a_fifo_without_hanging(capsys, tmp_path):
    pipe = fifo(tmp_path / "jurors.csv")
    line = refused(capsys, "check", pipe, watch=(tmp_path,))
    assert "jurors.csv" in line and "FIFO" in line


@posix_only
def test_session_json_as_a_fifo_is_refused_without_hanging(capsys, session):
    path = session / "sessions" / "klein" / "session.json"
    path.unlink()
    fifo(path)
    line = refused(capsys, "show", "klein", "--data-dir", "data", watch=(session,))
    assert "klein" in line  # store/sessions.py takes a special file for no session at all


@posix_only
def test_a_stored_juror_file_linked_to_dev_zero_is_refused_unread(capsys, session):
    assert run(capsys, "conflicts", "klein", "--as", "j1", "--none", "--data-dir", "data").code == 0
    juror_file = session / "sessions" / "klein" / "jurors" / "j1" / "juror.json"
    juror_file.unlink()
    juror_file.symlink_to("/dev/zero")
    line = refused(capsys, "conflicts", "klein", "--as", "j1", "--data-dir", "data", watch=(session,))
    assert "juror.json" in line and "apparaat" in line


@posix_only
def test_a_fifo_swapped_in_after_the_check_does_not_hang(tmp_path, monkeypatch):
    """The race: a plain file when looked at, a FIFO when opened. Opened without blocking, then
    checked again on the open file."""
    plain, pipe = tmp_path / "gewoon.toml", fifo(tmp_path / "pijp.toml")
    plain.write_text("x = 1\n")
    real_stat = os.stat
    monkeypatch.setattr(files.os, "stat", lambda path, *a, **k: real_stat(plain if Path(path) == pipe else path, *a, **k))
    with pytest.raises(FileRefused) as caught:
        read_limited(pipe, "criteria")
    assert "FIFO" in caught.value.problem


# --- sizes -------------------------------------------------------------------------------------


def sparse(path: Path, size: int) -> Path:
    """A file of `size` bytes that takes no disk space (as `truncate -s` makes it)."""
    with path.open("wb") as file:
        file.truncate(size)
    return path


def test_every_kind_has_a_limit_that_fits_a_large_call():
    # 1000 applications x 25 criteria x 2000 characters of motivation: a submission of 51 MB
    assert SIZE_LIMITS["submission"] >= 2 * 51_446_498
    assert SIZE_LIMITS["scores"] >= SIZE_LIMITS["submission"]
    assert SIZE_LIMITS["store"] >= SIZE_LIMITS["scores"]  # the journal of an import holds all its rows
    assert SIZE_LIMITS["package"] > SIZE_LIMITS["session"]
    assert 65 <= SIZE_LIMITS["key"] <= MB  # 64 hex digits and a newline, as written
    assert set(SIZE_LIMITS) == {"criteria", "jurors", "application", "scores", "submission", "package", "session", "store",
                                "key", "government", "progress_report"}


@pytest.mark.parametrize(("option", "name", "limit"), [
    ("criteria", "groot.toml", "1 MB, de grens voor een criteriabestand"),
    ("jurors", "groot.toml", "1 MB, de grens voor een bestand met juryleden"),
    ("jurors", "groot.csv", "1 MB, de grens voor een bestand met juryleden"),
])
def test_an_input_file_one_byte_over_its_limit_is_refused_unread(capsys, inputs, tmp_path, option, name, limit):
    big = sparse(tmp_path / name, SIZE_LIMITS["criteria" if option == "criteria" else "jurors"] + 1)
    line = refused(capsys, *new_args(inputs, **{option: big}), watch=(inputs.root,))
    assert line == f"{name}: is groter dan {limit}: controleer of dit het juiste bestand is"


def test_an_application_one_byte_over_its_limit_is_refused(capsys, inputs):
    sparse(inputs.applications / "a4.md", SIZE_LIMITS["application"] + 1)
    line = refused(capsys, *new_args(inputs), watch=(inputs.root,))
    assert "a4.md: is groter dan 2 MB, de grens voor een aanvraag" in line


def test_a_scores_csv_one_byte_over_its_limit_is_refused(capsys, session, tmp_path):
    started(capsys, session)
    big = sparse(tmp_path / "scores.csv", SIZE_LIMITS["scores"] + 1)
    line = refused(capsys, "import-scores", "klein", "--as", "j1", big, "--data-dir", "data", watch=(session,))
    assert line.startswith("scores.csv: is groter dan 128 MB, de grens voor een scorebestand (CSV)")


def test_a_submission_one_byte_over_its_limit_is_refused(capsys, session, tmp_path):
    started(capsys, session)
    big = sparse(tmp_path / "inzending.json", SIZE_LIMITS["submission"] + 1)
    line = refused(capsys, "import", "klein", big, "--data-dir", "data", watch=(session,))
    assert line.startswith("inzending.json: is groter dan 128 MB, de grens voor een inzending")


def test_session_json_one_byte_over_its_limit_is_refused(capsys, session):
    path = session / "sessions" / "klein" / "session.json"
    sparse(path, SIZE_LIMITS["session"] + 1)
    line = refused(capsys, "show", "klein", "--data-dir", "data", watch=(session,))
    assert "session.json: is groter dan 128 MB, de grens voor een sessiebestand" in line


def test_a_stored_juror_file_one_byte_over_its_limit_is_refused(capsys, session):
    assert run(capsys, "conflicts", "klein", "--as", "j1", "--none", "--data-dir", "data").code == 0
    path = session / "sessions" / "klein" / "jurors" / "j1" / "juror.json"
    sparse(path, SIZE_LIMITS["store"] + 1)
    line = refused(capsys, "conflicts", "klein", "--as", "j1", "--data-dir", "data", watch=(session,))
    assert "juror.json: is groter dan 128 MB, de grens voor een opgeslagen bestand" in line


def test_a_criteria_file_of_exactly_the_limit_is_read(capsys, inputs, tmp_path):
    text = inputs.criteria.read_bytes()
    exact = tmp_path / "precies.toml"
    padding = SIZE_LIMITS["criteria"] - len(text) - 2
    exact.write_bytes(text + b"\n#" + b"x" * padding)
    assert exact.stat().st_size == SIZE_LIMITS["criteria"]
    result = run(capsys, *new_args(inputs, criteria=exact))
    assert (result.code, result.err) == (0, "")


@pytest.mark.parametrize("kind", ["application", "jurors", "scores", "submission", "session", "store"])
def test_each_kind_reads_a_file_of_exactly_its_limit_and_refuses_one_byte_more(tmp_path, monkeypatch, kind):
    path = tmp_path / "bestand"
    path.write_bytes(b"{}" + b" " * 98)
    monkeypatch.setitem(SIZE_LIMITS, kind, 100)
    assert read_limited(path, kind) == path.read_bytes()
    monkeypatch.setitem(SIZE_LIMITS, kind, 99)
    with pytest.raises(FileRefused):
        read_limited(path, kind)


def test_a_real_submission_at_exactly_its_limit_is_imported(capsys, session, tmp_path, monkeypatch):
    path = submission(capsys, session, tmp_path)
    monkeypatch.setitem(SIZE_LIMITS, "submission", path.stat().st_size)
    result = run(capsys, "import", "klein", path, "--data-dir", "data")
    assert (result.code, result.err) == (0, ""), result.err
    monkeypatch.setitem(SIZE_LIMITS, "submission", path.stat().st_size - 1)
    line = refused(capsys, "import", "klein", path, "--data-dir", "data", watch=(session,))
    assert line.startswith("inzending-j1.json: is groter dan")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="Linux /proc")
def test_a_file_whose_size_says_nothing_is_read_only_up_to_the_limit(monkeypatch):
    """/proc files say they hold 0 bytes; the read still stops one byte past the limit."""
    assert Path("/proc/self/status").stat().st_size == 0
    assert read_limited(Path("/proc/self/status"), "store").startswith(b"Name:")
    monkeypatch.setitem(SIZE_LIMITS, "store", 10)
    with pytest.raises(FileRefused):
        read_limited(Path("/proc/self/status"), "store")


def test_the_limits_are_whole_megabytes_in_the_message():
    assert all(limit % MB == 0 for limit in SIZE_LIMITS.values())
