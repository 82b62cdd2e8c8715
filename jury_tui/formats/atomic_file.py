"""Crash-safe writes: temp file in the same folder, fsync, rename, fsync the folder.

A reader sees either the old file or the new one, never a half-written one. A kill between
creating the temp file and the rename leaves a temp file behind; `remove_stale_temp_files`
removes those at start.
"""

from __future__ import annotations

import errno
import json
import os
import secrets
import stat
from pathlib import Path
from typing import Any

from jury_tui.errors import (
    StoreError,
    display_path,
    has_lone_surrogate,
    json_problem,
    os_problem,
    os_reason,
    utf8_line,
)
from jury_tui.formats.files import FileRefused, not_regular, read_limited
from jury_tui.i18n import t

TEMP_SUFFIX = ".jurytmp"
FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(folder: Path) -> Path:
    """`folder`, created with every missing parent as 0700 whatever the umask (Path.mkdir gives the
    parents it creates the umask's mode). Folders that exist are left as they are. Any problem is
    one line naming the path (StoreError)."""
    missing: list[Path] = []
    current = folder
    try:
        while True:
            try:
                info = os.stat(current)
            except FileNotFoundError:
                missing.append(current)
                if current.parent == current:
                    break
                current = current.parent
                continue
            if not stat.S_ISDIR(info.st_mode):  # a file where a folder belongs
                raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(current))
            break
        for path in reversed(missing):
            try:
                os.mkdir(path, FOLDER_MODE)
            except FileExistsError:  # made by another process meanwhile: fine if it is a folder
                if not path.is_dir():
                    raise
                continue
            os.chmod(path, FOLDER_MODE)  # the umask may have taken bits away; on Windows: not read-only
    except OSError as error:
        raise StoreError(os_problem(error, error.filename or folder)) from None
    return folder


def fsync_directory(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


BACKUPS_KEPT = 3


def backup_path(path: Path, generation: int) -> Path:
    return path.with_name(f".{path.name}.bak{generation}")


def _rotate_backups(path: Path, keep: int) -> None:
    """Keep the previous `keep` versions as hidden hard links: no data is copied, a save stays cheap."""
    if keep <= 0 or not path.exists():
        return
    for generation in range(keep, 1, -1):
        older = backup_path(path, generation - 1)
        if older.exists():
            os.replace(older, backup_path(path, generation))
    newest = backup_path(path, 1)
    newest.unlink(missing_ok=True)
    try:
        os.link(path, newest)  # the same file: its mode stays 0600
    except OSError:  # a file system without hard links: copy instead, as private as the file
        try:
            _write_new(newest, read_limited(path, "store"), FILE_MODE)
        except FileRefused:  # not a plain file, or too large to keep a copy of: no backup this time
            pass


def last_good_backup(path: Path) -> Path | None:
    """The most recent backup of `path` that still parses as JSON."""
    for generation in range(1, BACKUPS_KEPT + 1):
        candidate = backup_path(path, generation)
        try:
            json.loads(read_limited(candidate, "store").decode("utf-8"))
        except (OSError, FileRefused, ValueError, RecursionError):  # ValueError: also not UTF-8, not JSON
            continue
        return candidate
    return None


def _write_new(path: Path, data: bytes, mode: int) -> None:
    """Write `data` to the new file `path` (it must not exist) with exactly `mode`, and fsync it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    try:
        if hasattr(os, "fchmod"):  # the umask may have taken bits away (Windows knows only read-only)
            os.fchmod(fd, mode)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)


def check_target(path: Path) -> None:
    """Refuse, before anything is written, a target that write_atomic would otherwise replace
    silently or cannot make: a folder, a FIFO, socket, device or link in its place, or a file where
    one of its folders belongs (StoreError naming the path)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise StoreError(os_problem(error, path)) from None
    if info is not None:
        problem = not_regular(info.st_mode)
        if problem:
            raise StoreError(t("file.problem", file=display_path(path), problem=problem))
        return
    for folder in path.parents:
        try:
            folder_info = os.stat(folder)
        except FileNotFoundError:
            continue
        except OSError as error:
            raise StoreError(os_problem(error, folder)) from None
        if not stat.S_ISDIR(folder_info.st_mode):
            raise StoreError(os_problem(NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))))
        return


def write_atomic(path: Path, data: bytes, mode: int = FILE_MODE, backups: int = 0) -> None:
    """Write `path` whole or not at all; the folders it needs are made private (0700), the file is
    `mode` (0600). An OS problem (disk full, no access, read-only, ...) is one line (StoreError)
    naming `path`, and leaves the old file and no temp file behind; a target that is no plain file
    is refused (check_target)."""
    check_target(path)
    private_folder(path.parent)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
    try:
        _write_new(temp, data, mode)
        _rotate_backups(path, backups)
        os.replace(temp, path)
    except OSError as error:
        try:
            temp.unlink(missing_ok=True)
        except OSError:
            pass
        raise StoreError(t("store.write_failed", file=display_path(path), detail=os_reason(error))) from None
    fsync_directory(path.parent)


def write_json_atomic(path: Path, data: Any, backups: int = 0) -> None:
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"), backups=backups)


def damaged_file_error(path: Path, detail: object) -> StoreError:
    """The file is left untouched; the message points to the last good copy where there is one."""
    message = t("store.corrupt", file=display_path(path), detail=detail)
    backup = last_good_backup(path)
    if backup is not None:
        message += " " + t("store.backup_hint", backup=display_path(backup), file=display_path(path))
    return StoreError(message)


def read_json_file(path: Path, kind: str = "store") -> Any:
    """A stored JSON file; a damaged one raises StoreError and is left as it is. `kind` is a key of
    formats.files.SIZE_LIMITS: "store" for the juror's and chair's files, "session" for session.json."""
    try:
        raw = read_limited(path, kind)
    except FileRefused as refused:
        raise StoreError(t("file.problem", file=display_path(path), problem=refused.problem)) from None
    except OSError as error:
        raise StoreError(os_problem(error, path)) from None
    if not raw.strip():
        raise damaged_file_error(path, t("file.empty"))
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark added by an editor is harmless
    except UnicodeDecodeError as error:
        raise damaged_file_error(path, t("parse.not_utf8_at", line=utf8_line(raw, error))) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise damaged_file_error(path, json_problem(error)) from None
    except RecursionError:
        raise damaged_file_error(path, t("parse.too_deep")) from None
    except ValueError:  # Python's limit on the digits of a whole number
        raise damaged_file_error(path, t("parse.number_too_long")) from None
    if has_lone_surrogate(text, data):
        raise damaged_file_error(path, t("file.lone_surrogate"))
    return data


def file_signature(path: Path) -> tuple[int, int, int] | None:
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except OSError as error:  # a link loop, no access: never taken for "no file yet"
        raise StoreError(os_problem(error, path)) from None
    return (info.st_ino, info.st_size, info.st_mtime_ns)


def remove_stale_temp_files(folder: Path, recursive: bool = True) -> int:
    """Delete temp files left by an interrupted write; they never hold the only copy of anything.
    Call it while holding the folder's lock, so no live writer's temp file is taken."""
    removed = 0
    if not folder.is_dir():
        return removed
    pattern = f".*{TEMP_SUFFIX}"
    for temp in folder.rglob(pattern) if recursive else folder.glob(pattern):
        try:
            temp.unlink()
            removed += 1
        except OSError:
            pass
    return removed
