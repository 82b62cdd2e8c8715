"""Sessions on disk: `<data dir>/sessions/<session id>/session.json` plus one folder per juror.

The session id lives in session.json; a folder whose name is not that id is refused, so a juror's
work is only ever written into the folder the session was read from. The secretariat's machine
keeps every juror's private key in `keys/<juror id>.key`; a juror's machine keeps its own in
`jurors/<juror id>/juror.key` (from the juror package). Both: 64 hex digits and a newline, 0600.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Mapping
from pathlib import Path

from jury_tui.domain.canonical import json_form
from jury_tui.domain.session import SESSION_SCHEMA_VERSION, SessionDefinition
from jury_tui.domain.signing import KEY_HEX_LENGTH, from_hex
from jury_tui.errors import JuryError, StoreError, display_path, os_problem
from jury_tui.formats.atomic_file import (
    private_folder,
    read_json_file,
    remove_stale_temp_files,
    write_atomic,
)
from jury_tui.formats.files import FileRefused, read_limited
from jury_tui.formats.validation import validate
from jury_tui.i18n import t
from jury_tui.store.atomic import folder_lock

SESSION_FILE = "session.json"
SESSION_FORMAT = "jury-tui/session"
KEYS_FOLDER = "keys"
JUROR_KEY_FILE = "juror.key"


def default_data_dir() -> Path:
    return Path(os.environ.get("JURY_DATA_DIR") or ".")


def sessions_root(data_dir: Path) -> Path:
    return data_dir / "sessions"


def refuse_output_in_store(data_dir: Path, path: Path) -> None:
    """An output (a template, a package, a submission, an export) is never written into the session
    folders: there it would replace the store's own files (scores, definition, notes) without a
    backup. JuryError naming the path; nothing is written."""
    root = os.path.normcase(os.path.abspath(sessions_root(data_dir).resolve()))
    target = os.path.normcase(os.path.abspath(path.resolve()))
    if target == root or target.startswith(root + os.sep):
        raise JuryError(t("file.output_in_store", file=display_path(path), folder=display_path(sessions_root(data_dir))))


def exports_dir(data_dir: Path) -> Path:
    return data_dir / "exports"


def export_targets(data_dir: Path, session: SessionDefinition, final: bool = False) -> dict[str, Path]:
    """Where `jury-tui export` and the chair's export dialog write when no file is named: the advice
    and its scores, or for a follow-up round the evaluation report and its data (with `final`, the
    final evaluation of the contracts whose last report is in)."""
    folder = exports_dir(data_dir)
    if session.follow_up is not None:
        report, data = ("eindevaluatieverslag", "eindevaluatie") if final else ("evaluatieverslag", "evaluatie")
        return {"pdf": folder / f"{report}-{session.id}.pdf", "csv": folder / f"{data}-{session.id}.csv",
                "xlsx": folder / f"{data}-{session.id}.xlsx"}
    return {"pdf": folder / f"advies-{session.id}.pdf", "csv": folder / f"scores-{session.id}.csv",
            "xlsx": folder / f"scores-{session.id}.xlsx"}


def session_dir(data_dir: Path, session_id: str) -> Path:
    return sessions_root(data_dir) / session_id


def session_exists(data_dir: Path, session_id: str) -> bool:
    return (session_dir(data_dir, session_id) / SESSION_FILE).exists()


def list_sessions(data_dir: Path) -> list[str]:
    root = sessions_root(data_dir)
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if (p / SESSION_FILE).is_file())


def session_file_content(definition: SessionDefinition) -> dict:
    """What session.json holds for `definition` (also what a juror package carries)."""
    return {
        "format": SESSION_FORMAT,
        "schema_version": SESSION_SCHEMA_VERSION,
        "fingerprint": definition.fingerprint,
        "definition": json_form(definition),
    }


def write_session(data_dir: Path, definition: SessionDefinition, private_keys: Mapping[str, bytes] | None = None) -> Path:
    """Create a new session folder, with the secretariat's copy of the jurors' private keys in
    `keys/`. Never overwrites an existing session: of two at the same moment exactly one succeeds
    (under the sessions folder's lock, and session.json is created exclusively)."""
    folder = session_dir(data_dir, definition.id)
    path = folder / SESSION_FILE
    data = json.dumps(session_file_content(definition), ensure_ascii=False, indent=1).encode("utf-8")
    with folder_lock(sessions_root(data_dir)):
        if path.exists():
            raise JuryError(t("session.exists", id=definition.id, path=display_path(folder)))
        created = not folder.exists()
        try:
            private_folder(folder)
            remove_stale_temp_files(folder, recursive=False)
            for juror_id, key in (private_keys or {}).items():  # before session.json: a session is whole or absent
                write_private_key(secretariat_key_path(data_dir, definition.id, juror_id), key)
            write_atomic(path, data)  # the sessions lock is held: no other `new` is between the check and here
        except BaseException:
            if created:  # a failed `new` leaves nothing behind (no keys without their session)
                shutil.rmtree(folder, ignore_errors=True)
            raise
    return folder


def load_session(data_dir: Path, session_id: str) -> SessionDefinition:
    """The session in `sessions/<session_id>/`. Only reads: nothing on disk changes."""
    folder = session_dir(data_dir, session_id)
    path = folder / SESSION_FILE
    if path.is_dir():
        raise StoreError(t("file.problem", file=display_path(path), problem=t("file.is_directory")))
    if not path.is_file():
        raise JuryError(t("session.not_found", id=session_id, path=display_path(sessions_root(data_dir))))
    return session_from_content(read_json_file(path, "session"), path, folder_name=session_id)


def session_from_content(data: object, path: Path, folder_name: str | None = None) -> SessionDefinition:
    """The definition in session.json's content (read from `path`), its format, version and
    fingerprint checked; with `folder_name`, also that the folder is named after the session."""
    if not isinstance(data, dict) or data.get("format") != SESSION_FORMAT:
        found = data.get("format") if isinstance(data, dict) else None
        detail = t("store.foreign_detail", field="format", found=f"{found!r:.40}", expected=repr(SESSION_FORMAT))
        raise StoreError(t("store.foreign", file=display_path(path), detail=detail))
    if data.get("schema_version") != SESSION_SCHEMA_VERSION:
        raise StoreError(
            t("store.schema", file=display_path(path), found=data.get("schema_version"), expected=SESSION_SCHEMA_VERSION)
        )
    definition = validate(SessionDefinition, data.get("definition"), path, prefix="definition")
    if definition.fingerprint != data.get("fingerprint"):
        raise StoreError(t("file.problem", file=display_path(path), problem=t("session.changed")))
    if folder_name is not None and definition.id != folder_name:
        raise StoreError(
            t("session.folder_renamed", file=display_path(path), folder=folder_name, id=definition.id)
        )
    return definition


# --- private keys --------------------------------------------------------------------------------


def secretariat_key_path(data_dir: Path, session_id: str, juror_id: str) -> Path:
    return session_dir(data_dir, session_id) / KEYS_FOLDER / f"{juror_id}.key"


def juror_key_path(data_dir: Path, session_id: str, juror_id: str) -> Path:
    return session_dir(data_dir, session_id) / "jurors" / juror_id / JUROR_KEY_FILE


def write_private_key(path: Path, key: bytes) -> None:
    write_atomic(path, key.hex().encode("ascii") + b"\n")


def read_private_key(path: Path) -> bytes | None:
    """The private key in `path`, None when there is no such file; a damaged one is reported."""
    if not path.is_file():
        return None
    try:
        text = read_limited(path, "key").decode("ascii").strip()
    except OSError as error:  # no access: say so, not that the key is damaged
        raise StoreError(os_problem(error, path)) from None
    except FileRefused as refused:
        raise StoreError(t("file.problem", file=display_path(path), problem=refused.problem)) from None
    except UnicodeDecodeError:
        text = ""
    key = from_hex(text, KEY_HEX_LENGTH)
    if key is None:
        raise StoreError(t("key.damaged", file=display_path(path)))
    return key


def default_submission_path(data_dir: Path, session_id: str, juror_id: str) -> Path:
    return exports_dir(data_dir) / f"inzending-{session_id}-{juror_id}.json"
