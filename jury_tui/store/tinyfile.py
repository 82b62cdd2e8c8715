"""A TinyDB file that writes once per logical change, atomically, and knows what it belongs to.

Every file carries a `_meta` record (schema version, kind, owner ids). A file whose record does
not match is foreign and refused; a file that does not parse is reported; neither is written.
Opening one writes nothing: a new file is made with the first change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.middlewares import CachingMiddleware

from jury_tui.errors import JuryError, StoreError, display_path
from jury_tui.formats.atomic_file import file_signature
from jury_tui.formats.validation import validate
from jury_tui.i18n import t
from jury_tui.store.atomic import AtomicJSONStorage, ImageStorage

STORE_SCHEMA_VERSION = 1
META_TABLE = "_meta"


class _CommitOnFlush(CachingMiddleware):
    """Collect the writes of one logical change and store them in a single atomic write."""

    WRITE_CACHE_SIZE = 1 << 30


_ON_DISK = object()


class TinyFile:
    def __init__(self, path: Path, kind: str, owner: dict[str, str], image: bytes | None | object = _ON_DISK) -> None:
        """`image`: show these bytes (None: no file) instead of the file on disk, read-only."""
        self.path = path
        self.kind = kind
        self.owner = owner
        self.read_only = image is not _ON_DISK
        if self.read_only:
            self.db = TinyDB(path, image, storage=_CommitOnFlush(ImageStorage))
        else:
            self.db = TinyDB(path, storage=_CommitOnFlush(AtomicJSONStorage))
        self._verify_or_initialise()

    def _verify_or_initialise(self) -> None:
        meta_table = self.db.table(META_TABLE)
        records = meta_table.all()  # reads (and validates) the file if it exists
        expected = {"kind": self.kind, **self.owner}
        if not records:
            if self.db.storage.storage.found:
                raise StoreError(t("store.foreign", file=display_path(self.path), detail=t("store.no_meta")))
            return  # a new file: its _meta is written with the first real change (see commit)
        meta = records[0]
        if meta.get("schema_version") != STORE_SCHEMA_VERSION:
            raise StoreError(
                t("store.schema", file=display_path(self.path), found=meta.get("schema_version"), expected=STORE_SCHEMA_VERSION)
            )
        for key, value in expected.items():
            if meta.get(key) != value:
                raise StoreError(
                    t("store.foreign", file=display_path(self.path),
                      detail=t("store.foreign_detail", field=key, found=repr(meta.get(key)), expected=repr(value)))
                )

    def refresh(self) -> None:
        """Forget what was cached if another process wrote the file since we last read or wrote it."""
        middleware = self.db.storage
        if self.read_only or middleware._cache_modified_count:  # our own change is pending: never drop it
            return
        if middleware.cache is not None and file_signature(self.path) != middleware.storage.signature:
            middleware.cache = None
            self.db._tables.clear()  # tables cache their next document id and query results

    def table(self, name: str):
        self.refresh()
        return self.db.table(name)

    def commit(self) -> None:
        if self.read_only:
            raise RuntimeError(f"{self.path}: a read-only view is never written")
        meta_table = self.db.table(META_TABLE)
        if self.db.storage._cache_modified_count and not meta_table.all():
            meta_table.insert({"schema_version": STORE_SCHEMA_VERSION, "kind": self.kind, **self.owner})
        try:
            self.db.storage.flush()
        except Exception:
            # The change did not reach the disk: forget it, so reads show the truth and a retry writes.
            self.db.storage.cache = None
            self.db.storage._cache_modified_count = 0
            self.db._tables.clear()
            raise

    def single(self, table: str) -> dict[str, Any]:
        records = self.table(table).all()
        return dict(records[0]) if records else {}

    def set_single(self, table: str, record: dict[str, Any]) -> None:
        tbl = self.table(table)
        tbl.truncate()
        tbl.insert(record)


def damaged_records(path: Path, table: str) -> StoreError:
    """The message for a stored file whose records (in `table`) are not what this program writes."""
    return StoreError(t("store.corrupt", file=display_path(path), detail=t("store.bad_records", table=table)))


def stored_records(kind: Any, data: object, path: Path, table: str) -> Any:
    """Records of a stored file as `kind`, or the message that the file is damaged."""
    try:
        return validate(kind, data, path)
    except JuryError:
        raise damaged_records(path, table) from None
