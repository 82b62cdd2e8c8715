"""The juror's import journal and the files it names are read like every other file: a FIFO or a
device put in their place is refused before reading (nothing hangs, nothing fills the memory)."""

from __future__ import annotations

import os
import sys

import pytest

from tests.adversarial.conftest import refused, run

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")


@pytest.fixture
def juror_folder(capsys, session):
    assert run(capsys, "conflicts", "klein", "--as", "j1", "--none", "--data-dir", session).code == 0
    return session / "sessions" / "klein" / "jurors" / "j1"


def test_a_journal_that_is_a_fifo_is_refused_by_show_without_hanging(capsys, session, juror_folder):
    os.mkfifo(juror_folder / "journal.json")
    line = refused(capsys, "show", "klein", "--data-dir", session, watch=(session,))
    assert "journal.json" in line


def test_a_journal_linked_to_dev_zero_is_refused_by_a_writer(capsys, session, juror_folder):
    (juror_folder / "journal.json").symlink_to("/dev/zero")
    line = refused(capsys, "conflicts", "klein", "--as", "j1", "--set", "a1", "--data-dir", session, watch=(session,))
    assert "journal.json" in line


def test_a_stored_score_file_that_is_a_fifo_is_refused_without_hanging(capsys, session, juror_folder):
    applications = juror_folder / "applications"
    applications.mkdir(exist_ok=True)
    os.mkfifo(applications / "a1.json")
    line = refused(capsys, "show", "klein", "--data-dir", session, watch=(session,))
    assert "a1.json" in line
