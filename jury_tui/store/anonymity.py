"""The letters of the anonymous jurors, dealt once by the chair's side and kept: `chair/anonymity.json`.

`{"format": "jury-tui/anonymity", "session_id": …, "letters": {"<juror id>": "C", …}}`, mode 0600,
written atomically under the chair folder's lock by the first export of a session, before it writes an
output, with letters dealt (jury_tui.domain.anonymity); every later export, from the app or the CLI, in any
process, reads the same ones. Only an export creates the file: reading the letters (`read_letters`) never
writes anything. A juror missing from the file (it cannot happen with a session as written) gets
one of the letters not yet used, and the file is rewritten; no kept letter ever changes.
"""

from __future__ import annotations

import json
from pathlib import Path

from jury_tui.domain.anonymity import LETTER_CODE, assign_letters
from jury_tui.domain.session import SessionDefinition
from jury_tui.formats.atomic_file import (
    damaged_file_error,
    read_json_file,
    write_atomic,
)
from jury_tui.i18n import t
from jury_tui.store.atomic import folder_lock
from jury_tui.store.sessions import session_dir

FILE_NAME = "anonymity.json"
FORMAT = "jury-tui/anonymity"


def anonymity_path(data_dir: Path, session_id: str) -> Path:
    return session_dir(data_dir, session_id) / "chair" / FILE_NAME


def _valid(data: object, session: SessionDefinition) -> dict[str, str] | None:
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("session_id") != session.id:
        return None
    letters = data.get("letters")
    if not isinstance(letters, dict):
        return None
    if not all(isinstance(code, str) and LETTER_CODE.fullmatch(code) for code in letters.values()):
        return None
    if len(set(letters.values())) != len(letters):  # two jurors with one letter
        return None
    return dict(letters)


def read_letters(data_dir: Path, session: SessionDefinition) -> dict[str, str] | None:
    """The kept letters (juror id -> letter code), or None while no export has dealt them.
    A damaged file raises StoreError and is left as it is."""
    path = anonymity_path(data_dir, session.id)
    if not path.exists():
        return None
    letters = _valid(read_json_file(path), session)
    if letters is None:
        raise damaged_file_error(path, t("anonymity.invalid"))
    return letters


def export_letters(data_dir: Path, session: SessionDefinition) -> dict[str, str]:
    """The letters for an export: the kept ones, or a new random deal. Nothing is written here:
    `keep_letters` keeps a new deal once the export's targets were checked, before any output is
    written (an output must never carry letters that are not kept)."""
    return assign_letters([juror.id for juror in session.jurors], read_letters(data_dir, session))


def keep_letters(data_dir: Path, session: SessionDefinition, letters: dict[str, str]) -> None:
    """Keep the letters an export used, unless letters were kept already (by this or another process):
    no kept letter ever changes."""
    path = anonymity_path(data_dir, session.id)
    with folder_lock(path.parent):
        kept = read_letters(data_dir, session)
        if kept != letters and (kept is None or kept.items() <= letters.items()):
            record = {"format": FORMAT, "session_id": session.id, "letters": letters}
            write_atomic(path, json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8"))


def letters_for_export(data_dir: Path, session: SessionDefinition, names: bool) -> dict[str, str] | None:
    """The letters an export uses, kept before any output carries them (None when it names the
    jurors). Call it once the export's targets are checked."""
    if names:
        return None
    letters = export_letters(data_dir, session)
    keep_letters(data_dir, session, letters)
    return letters
