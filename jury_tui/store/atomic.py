"""The juror's and the chair's folders: one writer at a time, and TinyDB on crash-safe writes."""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from jury_tui.formats.atomic_file import (
    BACKUPS_KEPT,
    damaged_file_error,
    file_signature,
    private_folder,
    read_json_file,
    write_json_atomic,
)
from jury_tui.i18n import t

_held: dict[Path, tuple[int, int]] = {}  # folder -> (file descriptor, depth): the lock is re-entrant
_held_guard = threading.Lock()


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """One writer at a time per folder, across processes (the app and a CLI command in another
    terminal). Held only for one read-modify-write, so the other side waits milliseconds."""
    key = folder.resolve()
    with _held_guard:
        if key in _held:
            fd, depth = _held[key]
            _held[key] = (fd, depth + 1)
            nested = True
        else:
            nested = False
    if not nested:
        private_folder(folder)
        fd = os.open(folder, os.O_RDONLY)  # the folder itself carries the lock: no lock file to leave behind
        fcntl.flock(fd, fcntl.LOCK_EX)
        with _held_guard:
            _held[key] = (fd, 1)
    try:
        yield
    finally:
        with _held_guard:
            fd, depth = _held[key]
            if depth > 1:
                _held[key] = (fd, depth - 1)
            else:
                del _held[key]
                fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)


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
