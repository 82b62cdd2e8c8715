"""The juror's and the chair's folders: one writer at a time, the app's hold, and TinyDB on crash-safe writes.

Both locks are files inside the folder, taken with the `filelock` package: an operating-system lock
where there is one (flock on Linux and macOS, msvcrt.locking on Windows), which the system releases
when the holding process dies; without one, filelock's portable marker file, which a later process
takes over once the process that made it is gone. No module here imports a POSIX-only module.

- `folder_lock(folder)`: one read-modify-write at a time (`.jury.lock`), held for milliseconds.
- `hold_folder(folder)` / `held_elsewhere(folder)`: the app claims its folder (`.jury-open.lock`)
  for as long as it is open; a writer in another process looks before it writes and is refused.
"""

from __future__ import annotations

import contextlib
import json
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

with warnings.catch_warnings():
    # Without an OS lock filelock says so in English on stderr; its portable lock is what we want then.
    warnings.filterwarnings("ignore", "only soft file lock is available", UserWarning)
    from filelock import BaseFileLock, FileLock, Timeout

from jury_tui.errors import StoreError, display_path, os_problem
from jury_tui.formats.atomic_file import (
    BACKUPS_KEPT,
    damaged_file_error,
    file_signature,
    private_folder,
    read_json_file,
    write_json_atomic,
)
from jury_tui.i18n import t

LOCK_FILE = ".jury.lock"
HOLD_FILE = ".jury-open.lock"
LOCK_MODE = 0o600
WRITE_WAIT = 30.0  # seconds a writer waits for another one; longer means a process hangs

_locks: dict[Path, BaseFileLock] = {}
_locks_guard = threading.Lock()


def _write_lock(folder: Path) -> BaseFileLock:
    """One lock object per folder and process: re-entrant within a thread (a batch inside a save),
    and another thread of the same process waits like another process does."""
    key = folder.resolve()
    with _locks_guard:
        lock = _locks.get(key)
        if lock is None:
            lock = _locks[key] = FileLock(key / LOCK_FILE, mode=LOCK_MODE)
        return lock


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """One writer at a time per folder, across processes (the app and a CLI command in another
    terminal). Held only for one read-modify-write, so the other side waits milliseconds."""
    private_folder(folder)
    lock = _write_lock(folder)
    try:
        lock.acquire(timeout=WRITE_WAIT)
    except Timeout:
        raise StoreError(t("store.busy", folder=display_path(folder))) from None
    except OSError as error:
        raise StoreError(os_problem(error, folder / LOCK_FILE)) from None
    try:
        yield
    finally:
        lock.release()


def hold_folder(folder: Path) -> BaseFileLock | None:
    """Claim `folder` until the returned lock is released (or the process ends); None when another
    holder has it. A fresh lock object each time: a second claim is refused even in the same process."""
    private_folder(folder)
    hold = FileLock(folder / HOLD_FILE, mode=LOCK_MODE, thread_local=False)
    try:
        try:
            hold.acquire(timeout=0)
        except Timeout:  # a portable lock left by a dead process is removed by this attempt: once more
            hold.acquire(timeout=0)
    except Timeout:
        return None
    except OSError as error:
        raise StoreError(os_problem(error, folder / HOLD_FILE)) from None
    return hold


def held_elsewhere(folder: Path) -> bool:
    """Whether a holder (see hold_folder) has `folder` now. Ask it under folder_lock, where a holder
    claims, so that the answer stays true for the write that follows."""
    if not (folder / HOLD_FILE).exists():
        return False
    probe = hold_folder(folder)
    if probe is None:
        return True
    probe.release()
    return False


def _is_tinydb(data: Any) -> bool:
    """Tables of records keyed by whole-number document ids, as TinyDB writes them."""
    return isinstance(data, dict) and all(
        isinstance(table, dict)
        and all(isinstance(doc_id, str) and doc_id.isdigit() and doc_id.isascii() and isinstance(record, dict)
                for doc_id, record in table.items())
        for table in data.values()
    )


class AtomicJSONStorage(Storage):
    """A TinyDB storage that never leaves a half-written file (TinyDB's JSONStorage rewrites in place)."""

    def __init__(self, path: str | Path) -> None:
        super().__init__()
        self.path = Path(path)
        self.signature: tuple[int, int, int] | None = None  # of the file as last read or written

    def read(self) -> dict[str, dict[str, Any]] | None:
        self.signature = file_signature(self.path)
        if self.signature is None:
            return None
        data = read_json_file(self.path)
        if not _is_tinydb(data):
            raise damaged_file_error(self.path, t("store.not_tinydb"))
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        write_json_atomic(self.path, data, backups=BACKUPS_KEPT)
        self.signature = file_signature(self.path)

    def close(self) -> None:
        pass

    @property
    def found(self) -> bool:
        """Whether the file existed when last read or written."""
        return self.signature is not None


class ImageStorage(Storage):
    """A stored file as given bytes (None: the file did not exist), read and never written: what a
    reader shows of a file a failed batch touched, until that batch is rolled back (see JurorStore)."""

    def __init__(self, path: str | Path, image: bytes | None) -> None:
        super().__init__()
        self.path = Path(path)
        self.image = image

    @property
    def found(self) -> bool:
        return self.image is not None

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self.image is None:
            return None
        try:
            data = json.loads(self.image.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            data = None
        if not _is_tinydb(data):
            raise damaged_file_error(self.path, t("store.not_tinydb"))
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        raise RuntimeError(f"{self.path}: a read-only view is never written")

    def close(self) -> None:
        pass
