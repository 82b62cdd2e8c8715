"""Juror packages on disk: made from the secretariat's session folder, unpacked on a juror's laptop."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from jury_tui.domain.session import SessionDefinition
from jury_tui.domain.signing import public_key
from jury_tui.errors import JuryError, display_path, file_error
from jury_tui.formats.atomic_file import check_target, write_atomic
from jury_tui.formats.juror_package import package_bytes, read_package
from jury_tui.i18n import t
from jury_tui.store.sessions import (
    juror_key_path,
    load_session,
    read_private_key,
    secretariat_key_path,
    session_dir,
    session_exists,
    session_file_content,
    session_from_content,
    write_private_key,
    write_session,
)


@dataclass(frozen=True)
class Unpacked:
    session: SessionDefinition
    juror_id: str
    session_created: bool
    key_written: bool


def _known_juror(session: SessionDefinition, juror_id: str) -> None:
    if juror_id not in {juror.id for juror in session.jurors}:
        known = ", ".join(juror.id for juror in session.jurors)
        raise JuryError(t("juror.unknown", id=juror_id, session=session.id, known=known))


def write_package(data_dir: Path, session_id: str, juror_id: str, out: Path) -> None:
    """Write the juror package of `juror_id` to `out` (mode 0600: it holds a private key)."""
    session = load_session(data_dir, session_id)
    _known_juror(session, juror_id)
    path = secretariat_key_path(data_dir, session_id, juror_id)
    key = read_private_key(path)
    if key is None:
        raise JuryError(t("package.no_key", juror=juror_id, session=session_id, path=display_path(path.parent)))
    if public_key(key).hex() != session.juror(juror_id).public_key:
        raise JuryError(t("key.mismatch", file=display_path(path), juror=juror_id))
    if out.is_dir():
        raise JuryError(t("submission.out_exists_dir", path=display_path(out)))
    write_atomic(out, package_bytes(session_file_content(session), juror_id, key))


def unpack(data_dir: Path, path: Path, write: bool = True) -> Unpacked:
    """Set the juror of the package up in `data_dir`: the session folder (kept when it is this very
    session) and the juror's key in their folder. Everything is checked before anything is written;
    with `write` False, only checked (what would be written is said in the result)."""
    package = read_package(path)
    session = session_from_content(package.session, path)
    if package.juror_id not in {juror.id for juror in session.jurors}:
        raise file_error(path, t("package.unknown_juror", juror=package.juror_id, session=session.id))
    key = bytes.fromhex(package.private_key)
    if public_key(key).hex() != session.juror(package.juror_id).public_key:
        raise file_error(path, t("package.key_mismatch", juror=package.juror_id))
    exists = session_exists(data_dir, session.id)
    if exists and load_session(data_dir, session.id).fingerprint != session.fingerprint:
        raise file_error(path, t("package.other_session", id=session.id))
    key_path = juror_key_path(data_dir, session.id, package.juror_id)
    present = read_private_key(key_path)
    if present is not None and present != key:
        raise file_error(path, t("package.other_key", juror=package.juror_id, path=display_path(key_path)))
    if write:
        check_target(key_path)  # a file where the juror's folder belongs: refused before the session is written
    if write and not exists:
        write_session(data_dir, session)
    if write and present is None:
        try:
            write_private_key(key_path, key)
        except JuryError:
            if not exists:  # a failed unpack leaves nothing behind: no session without its juror's key
                shutil.rmtree(session_dir(data_dir, session.id), ignore_errors=True)
            raise
    return Unpacked(session, package.juror_id, not exists, present is None)
