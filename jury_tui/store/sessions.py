"""Sessions on disk: `<data dir>/sessions/<session id>/session.json` plus one folder per juror."""

from __future__ import annotations

import os
from pathlib import Path

from jury_tui.domain.canonical import json_form
from jury_tui.domain.session import SESSION_SCHEMA_VERSION, SessionDefinition
from jury_tui.errors import JuryError, StoreError, display_path
from jury_tui.formats.atomic_file import (
    private_folder,
    read_json_file,
    remove_stale_temp_files,
    write_json_atomic,
)
from jury_tui.formats.validation import validate
from jury_tui.i18n import t

SESSION_FILE = "session.json"
SESSION_FORMAT = "jury-tui/session"


def default_data_dir() -> Path:
    return Path(os.environ.get("JURY_DATA_DIR") or ".")


def sessions_root(data_dir: Path) -> Path:
    return data_dir / "sessions"


def exports_dir(data_dir: Path) -> Path:
    return data_dir / "exports"


def session_dir(data_dir: Path, session_id: str) -> Path:
    return sessions_root(data_dir) / session_id


def session_exists(data_dir: Path, session_id: str) -> bool:
    return (session_dir(data_dir, session_id) / SESSION_FILE).exists()


def list_sessions(data_dir: Path) -> list[str]:
    root = sessions_root(data_dir)
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if (p / SESSION_FILE).is_file())


def write_session(data_dir: Path, definition: SessionDefinition) -> Path:
    """Create a new session folder. Never overwrites an existing session."""
    folder = session_dir(data_dir, definition.id)
    if (folder / SESSION_FILE).exists():
        raise JuryError(t("session.exists", id=definition.id, path=display_path(folder)))
    private_folder(folder)
    write_json_atomic(
        folder / SESSION_FILE,
        {
            "format": SESSION_FORMAT,
            "schema_version": SESSION_SCHEMA_VERSION,
            "fingerprint": definition.fingerprint,
            "definition": json_form(definition),
        },
    )
    return folder


def load_session(data_dir: Path, session_id: str) -> SessionDefinition:
    folder = session_dir(data_dir, session_id)
    path = folder / SESSION_FILE
    if path.is_dir():
        raise StoreError(t("file.problem", file=display_path(path), problem=t("file.is_directory")))
    if not path.is_file():
        raise JuryError(t("session.not_found", id=session_id, path=display_path(sessions_root(data_dir))))
    remove_stale_temp_files(folder, recursive=False)  # juror and chair folders clean their own, under lock
    data = read_json_file(path, "session")
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
    return definition


def default_submission_path(data_dir: Path, session_id: str, juror_id: str) -> Path:
    return exports_dir(data_dir) / f"inzending-{session_id}-{juror_id}.json"
