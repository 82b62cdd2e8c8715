"""An output the program writes (an export, a template, a submission, a package) never silently
replaces a FIFO, a socket, a device or a link at its place: refused with one line, nothing written."""

from __future__ import annotations

import os
import socket
import sys

import pytest

from tests.adversarial.conftest import refused, run

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, sockets and links are POSIX here")


def make_fifo(path):
    os.mkfifo(path)


def make_socket(path):
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    return server


def make_link_to_dev_null(path):
    path.symlink_to("/dev/null")


def make_dangling_link(path):
    path.symlink_to(path.parent / "nergens")


@pytest.mark.parametrize("make", [make_fifo, make_socket, make_link_to_dev_null, make_dangling_link])
@pytest.mark.parametrize("command", [
    ("export", "klein", "--csv", "{out}"),
    ("template", "klein", "--as", "j1", "--out", "{out}"),
    ("submit", "klein", "--as", "j1", "--incomplete", "--out", "{out}"),
    ("package", "klein", "--for", "j1", "--out", "{out}"),
])
def test_an_output_in_the_place_of_a_special_file_or_link_is_refused(capsys, session, tmp_path, make, command):
    assert run(capsys, "conflicts", "klein", "--as", "j1", "--none", "--data-dir", session).code == 0
    out = tmp_path / "uit" / "bestand"
    out.parent.mkdir()
    keep = make(out)
    try:
        line = refused(capsys, *[part.format(out=out) for part in command], "--data-dir", session, watch=(out.parent,))
    finally:
        if keep is not None:
            keep.close()
    assert "bestand" in line
    assert not (tmp_path / "uit" / "nergens").exists()
    assert not (session / "sessions" / "klein" / "jurors" / "j1" / "submissions.json").exists()  # no number taken


def test_an_export_whose_folder_is_a_file_keeps_no_letters(capsys, session, tmp_path):
    (tmp_path / "uit").write_text("een bestand", encoding="utf-8")
    refused(capsys, "export", "klein", "--csv", tmp_path / "uit" / "s.csv", "--data-dir", session, watch=(session,))
    assert not (session / "sessions" / "klein" / "chair" / "anonymity.json").exists()
