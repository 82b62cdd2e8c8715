"""One juror's work: conflicts and, per application, scores, motivations and their history.

Each application has its own small TinyDB file, so one save writes a few kilobytes however
large the call is. Every write goes through `JurorStore.writing()`: the folder's lock (one writer
at a time), then a batch left half-done by a failure or a kill is rolled back, and a writer is
refused while the juror's app in another process holds the store.

A batch (a CSV import) touches many files, so it keeps an undo journal: before it changes
anything it writes the exact bytes of every file it will touch (or that the file is absent);
once every file is written the journal is deleted, and that deletion is the moment the batch
lands. A batch that raises is rolled back before the error is passed on; a journal left by a
killed process is rolled back by the next writer, before anything else is written. So a failed
import never lands, and never lands later over what the juror saved in the meantime.

Opening a store writes nothing; a reader (`read_only=True`) never writes, and shows the files of
a batch not yet rolled back as they were before it.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import StrictBool, StrictStr

from jury_tui.domain.assessment import (
    ApplicationAssessment,
    CriterionScore,
    HistoryEntry,
    ScoreChange,
)
from jury_tui.domain.canonical import json_form, normalize_text
from jury_tui.domain.session import SessionDefinition
from jury_tui.errors import (
    JuryError,
    StoreError,
    display_path,
    json_problem,
    os_reason,
    visible,
)
from jury_tui.formats.atomic_file import (
    fsync_directory,
    remove_stale_temp_files,
    write_atomic,
    write_json_atomic,
)
from jury_tui.formats.files import FileRefused, read_limited
from jury_tui.formats.scores_csv import parse_scores_csv
from jury_tui.formats.validation import motivation_problem
from jury_tui.i18n import t
from jury_tui.store.atomic import BaseFileLock, folder_lock, held_elsewhere, hold_folder
from jury_tui.store.sessions import session_dir
from jury_tui.store.tinyfile import TinyFile, damaged_records, stored_records

JOURNAL_FILE = "journal.json"
JOURNAL_KIND = "score-batch-undo"


# The juror's record, as pydantic reads it back: exact JSON types, as written.
@dataclass(frozen=True)
class _JurorRecord:
    conflicts_declared: StrictBool = False
    conflicts: list[StrictStr] = field(default_factory=list)


class StoreHeld(StoreError):
    """A writer refused because the juror's app in another process holds the store; nothing was written."""


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).astimezone()


def _file_bytes(path: Path) -> bytes | None:
    """The exact bytes of a stored file, None when there is none."""
    if not os.path.lexists(path):
        return None
    try:
        return read_limited(path, "store")
    except FileRefused as refused:  # a FIFO or a device put in its place must not hang or fill memory
        raise StoreError(t("store.corrupt", file=display_path(path), detail=refused.problem)) from None
    except OSError as error:
        raise StoreError(t("store.corrupt", file=display_path(path), detail=os_reason(error))) from None


class JurorStore:
    def __init__(self, data_dir: Path, session: SessionDefinition, juror_id: str, *, read_only: bool = False) -> None:
        if juror_id not in {juror.id for juror in session.jurors}:
            known = ", ".join(juror.id for juror in session.jurors)
            raise JuryError(t("juror.unknown", id=juror_id, session=session.id, known=known))
        self.session = session
        self.juror_id = juror_id
        self.read_only = read_only
        self.folder = session_dir(data_dir, session.id) / "jurors" / juror_id
        self.applications_folder = self.folder / "applications"
        self._owner = {"session_id": session.id, "juror_id": juror_id}
        self._hold: BaseFileLock | None = None  # the app's claim on the store (see claim)
        self._depth = 0  # writing() inside writing()
        self._cleaned = False  # temp files of interrupted writes removed (by this object's first write)
        self._files: dict[str, TinyFile] = {}
        # A batch not rolled back yet: its files are shown as they were before it, until a write rolls it back.
        self._undo: dict[str, bytes | None] = self._read_journal() or {}
        self._juror_file = TinyFile(self.folder / "juror.json", "juror", self._owner)

    # --- who may write ---------------------------------------------------------------------
    def claim(self) -> None:
        """Hold the store until release() or the end of the process: the juror's app does, for as long
        as it is open. Writers in other processes are refused meanwhile, and so is a second app."""
        if self._hold is not None:
            return
        self._require_writable()
        with folder_lock(self.folder):
            hold = hold_folder(self.folder)
            if hold is None:
                raise StoreError(t("store.already_open", juror=self.juror_id, session=self.session.id))
            self._hold = hold
            try:
                self._prepare()
            except BaseException:
                self.release()
                raise

    def release(self) -> None:
        if self._hold is not None:
            self._hold.release()
            self._hold = None

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """The way into every write of this juror's folder (also for files kept next to the store):
        one writer at a time; a batch that failed is rolled back first; refused while the juror's
        app in another process holds the store."""
        self._require_writable()
        with folder_lock(self.folder):
            self._depth += 1
            try:
                if self._depth == 1:
                    if self._hold is None and held_elsewhere(self.folder):
                        raise StoreHeld(t("store.app_open", juror=self.juror_id, session=self.session.id))
                    self._prepare()
                yield
            finally:
                self._depth -= 1

    def _require_writable(self) -> None:
        if self.read_only:
            raise RuntimeError(f"{self.folder}: opened read-only")

    def _prepare(self) -> None:
        """Under the lock, before a write: leftovers of an interrupted one go."""
        if not self._cleaned:
            remove_stale_temp_files(self.folder)
            self._cleaned = True
        undo = self._read_journal()
        if undo is not None:
            self._roll_back(undo)
        for application_id in self._undo:  # read-only views of the files as they were: the disk holds that now
            self._files.pop(application_id, None)
        self._undo = {}

    # --- conflicts of interest -------------------------------------------------------------
    def _juror_record(self) -> _JurorRecord:
        return stored_records(_JurorRecord, self._juror_file.single("juror"), self._juror_file.path, "juror")

    @property
    def conflicts_declared(self) -> bool:
        return self._juror_record().conflicts_declared

    @property
    def conflicts(self) -> frozenset[str]:
        return frozenset(self._juror_record().conflicts)

    def declare_conflicts(self, application_ids: Iterable[str]) -> None:
        new = sorted(set(application_ids))
        for application_id in new:
            self._require_application(application_id)
        with self.writing():
            old = sorted(self.conflicts)
            was_declared = self.conflicts_declared
            self._juror_file.set_single("juror", {"conflicts_declared": True, "conflicts": new})
            if old != new or not was_declared:
                self._juror_file.table("history").insert(self._history(None, None, "conflicts", old, new))
            self._juror_file.commit()

    # --- scores ----------------------------------------------------------------------------
    def assessment(self, application_id: str) -> ApplicationAssessment:
        self._require_application(application_id)
        if not self._has_file(application_id):
            return ApplicationAssessment(application_id=application_id)
        _, stored = self._stored_scores(application_id)
        return ApplicationAssessment(application_id=application_id, scores={entry.criterion_id: entry for entry in stored})

    def all_assessments(self) -> dict[str, ApplicationAssessment]:
        return {application.id: self.assessment(application.id) for application in self.session.applications}

    def set_score(self, application_id: str, criterion_id: str, score: int | None) -> bool:
        with self.writing():
            return self._set(application_id, criterion_id, score=score)

    def set_motivation(self, application_id: str, criterion_id: str, motivation: str) -> bool:
        with self.writing():
            return self._set(application_id, criterion_id, motivation=motivation)

    _KEEP = object()

    def _set(self, application_id: str, criterion_id: str, score=_KEEP, motivation=_KEEP) -> bool:
        current = self.assessment(application_id).get(criterion_id)
        change = ScoreChange(
            application_id,
            criterion_id,
            current.score if score is JurorStore._KEEP else score,
            current.motivation if motivation is JurorStore._KEEP else motivation,
        )
        self.validate_change(change)
        return bool(self._apply([change], ""))

    def apply_batch(self, changes: list[ScoreChange], reason: str) -> int:
        """Apply many changes as one transaction: all of them land, or none (see the module's
        docstring). Changes to the same cell apply in order, the last one stays. Returns how many
        changes actually changed a value."""
        with self.writing():
            conflicts = self.conflicts
            for change in changes:
                self._validate(change, conflicts)
            # Read every file the batch touches now: a damaged or foreign one is reported before anything is written.
            touched = list(dict.fromkeys(change.application_id for change in changes))
            for application_id in touched:
                self._score_rows(application_id)
            journal = self.folder / JOURNAL_FILE
            images = {application_id: _file_bytes(self._application_path(application_id)) for application_id in touched}
            write_json_atomic(
                journal,
                {
                    "kind": JOURNAL_KIND,
                    **self._owner,
                    "reason": reason,
                    "files": {
                        application_id: None if image is None else base64.b64encode(image).decode("ascii")
                        for application_id, image in images.items()
                    },
                },
            )
            try:
                changed = self._apply(changes, reason)
                self._unlink(journal)  # the batch lands here
            except BaseException as error:
                self._undo_failed_batch(images, error)
                raise
            return changed

    def history(self, application_id: str | None = None) -> list[HistoryEntry]:
        if application_id is None:
            source = self._juror_file
        else:
            self._require_application(application_id)
            if not self._has_file(application_id):
                return []
            source = self._file(application_id)
        return stored_records(list[HistoryEntry], source.table("history").all(), source.path, "history")

    def validate_change(self, change: ScoreChange) -> None:
        self._validate(change, self.conflicts)

    def _validate(self, change: ScoreChange, conflicts: frozenset[str]) -> None:
        self._require_application(change.application_id)
        criteria = self.session.criteria
        if change.criterion_id not in criteria.criterion_ids:
            raise JuryError(t("score.unknown_criterion", criterion=change.criterion_id))
        if change.application_id in conflicts:
            raise JuryError(t("score.conflict", application=change.application_id))
        if change.score is not None and not criteria.scale.contains(change.score):
            raise JuryError(t("score.off_scale", score=change.score, min=criteria.scale.min, max=criteria.scale.max))
        # The last defence for what the app or a batch brings: the store never holds a text it would
        # refuse to read back.
        if (problem := motivation_problem(change.motivation)) is not None:
            raise JuryError(t("score.motivation_refused", application=change.application_id,
                              criterion=change.criterion_id, problem=problem))

    # --- internals -------------------------------------------------------------------------
    def _stored_scores(self, application_id: str) -> tuple[list[dict], list[CriterionScore]]:
        """The stored score records of one application, as written and as checked."""
        file = self._file(application_id)
        records = [dict(record) for record in file.table("scores").all()]
        stored = stored_records(list[CriterionScore], records, file.path, "scores")  # updated_at is for people reading the file
        scale = self.session.criteria.scale
        if any(entry.score is not None and not scale.contains(entry.score) for entry in stored):
            raise damaged_records(file.path, "scores")
        return records, stored

    def _score_rows(self, application_id: str) -> dict[str, dict]:
        """The stored score records of one application by criterion, checked as read."""
        records, _ = self._stored_scores(application_id)
        return {record["criterion_id"]: record for record in records}

    def _apply(self, changes: list[ScoreChange], reason: str) -> int:
        """Validated changes, applied in order; each application's file is read once and written once,
        so N changes cost O(N)."""
        by_application: dict[str, list[ScoreChange]] = {}
        for change in changes:
            by_application.setdefault(change.application_id, []).append(change)
        changed = 0
        for application_id, group in by_application.items():
            rows = self._score_rows(application_id)
            entries: list[dict] = []
            for change in group:
                existing = rows.get(change.criterion_id, {})
                old_score, old_motivation = existing.get("score"), existing.get("motivation", "")
                motivation = normalize_text(change.motivation)
                new_entries = []
                if old_score != change.score:
                    new_entries.append(self._history(application_id, change.criterion_id, "score", old_score, change.score, reason))
                if old_motivation != motivation:
                    new_entries.append(
                        self._history(application_id, change.criterion_id, "motivation", old_motivation, motivation, reason)
                    )
                if not new_entries:
                    continue
                changed += 1
                rows[change.criterion_id] = {
                    "criterion_id": change.criterion_id,
                    "score": change.score,
                    "motivation": motivation,
                    "updated_at": new_entries[0]["at"],
                }
                entries += new_entries
            if not entries:
                continue
            file = self._file(application_id)
            scores = file.table("scores")
            scores.truncate()
            scores.insert_multiple(rows.values())
            file.table("history").insert_multiple(entries)
            file.commit()
        return changed

    def _history(self, application_id, criterion_id, field, old, new, reason: str = "") -> dict:
        entry = HistoryEntry(
            at=now(),
            juror_id=self.juror_id,
            application_id=application_id,
            criterion_id=criterion_id,
            field=field,
            old=old,
            new=new,
            reason=reason,
        )
        return json_form(entry)

    # --- the undo journal ------------------------------------------------------------------
    def _read_journal(self) -> dict[str, bytes | None] | None:
        """The before-images of a batch not rolled back yet, by application; None: there is none.
        A journal this store cannot trust is refused, and nothing is written."""
        path = self.folder / JOURNAL_FILE
        if not path.exists():
            return None

        def refused(detail: str) -> StoreError:
            return StoreError(t("store.journal_refused", file=display_path(path), detail=detail, juror=self.juror_id))

        try:
            data = json.loads(read_limited(path, "store").decode("utf-8"))
        except FileRefused as problem:
            raise refused(problem.problem) from None
        except OSError as error:
            raise refused(os_reason(error)) from None
        except json.JSONDecodeError as error:
            raise refused(json_problem(error)) from None
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise refused(t("store.not_journal")) from None
        if not isinstance(data, dict) or data.get("kind") != JOURNAL_KIND or not isinstance(data.get("files"), dict):
            raise refused(t("store.not_journal"))
        for key, expected in self._owner.items():
            if data.get(key) != expected:
                raise refused(t("store.foreign_detail", field=key, found=repr(data.get(key))[:40], expected=repr(expected)))
        images: dict[str, bytes | None] = {}
        for application_id, encoded in data["files"].items():
            if not self.session.has_application(application_id):
                raise refused(t("score.unknown_application", application=repr(application_id)[1:-1][:40]))
            if encoded is None:
                images[application_id] = None
                continue
            try:
                images[application_id] = base64.b64decode(encoded, validate=True)
            except (TypeError, ValueError, binascii.Error):
                raise refused(t("store.not_journal")) from None
        return images

    def _roll_back(self, images: dict[str, bytes | None]) -> None:
        """Put every file back as the images say, then drop the journal. Safe to repeat after a kill."""
        for application_id, image in images.items():
            path = self._application_path(application_id)
            self._files.pop(application_id, None)
            if _file_bytes(path) == image:
                continue
            if image is None:
                self._unlink(path)
            else:
                write_atomic(path, image)
        self._unlink(self.folder / JOURNAL_FILE)

    def _undo_failed_batch(self, images: dict[str, bytes | None], error: BaseException) -> None:
        """After a batch raised: roll it back now, and say so in the error the user reads."""
        try:
            self._roll_back(images)
        except Exception:  # noqa: BLE001 - whatever stopped it, the journal is still there:
            # the next write rolls the batch back before anything else.
            note = t("store.batch_undo_pending", file=display_path(self.folder / JOURNAL_FILE))
        else:
            note = t("store.batch_undone")
        if isinstance(error, JuryError):
            error.message = f"{error.message} {note}"
            error.problems = [error.message]
            error.args = (error.message,)

    def _unlink(self, path: Path) -> None:
        try:
            path.unlink(missing_ok=True)
        except OSError as error:
            raise StoreError(t("store.write_failed", file=display_path(path), detail=os_reason(error))) from None
        fsync_directory(path.parent)

    # --- files -----------------------------------------------------------------------------
    def _require_application(self, application_id: str) -> None:
        if not self.session.has_application(application_id):
            raise JuryError(t("score.unknown_application", application=application_id))

    def _application_path(self, application_id: str) -> Path:
        return self.applications_folder / f"{application_id}.json"

    def _has_file(self, application_id: str) -> bool:
        if application_id in self._files:
            return True
        if application_id in self._undo:
            return self._undo[application_id] is not None
        return self._application_path(application_id).exists()

    def _file(self, application_id: str) -> TinyFile:
        file = self._files.get(application_id)
        if file is None:
            path = self._application_path(application_id)
            owner = {**self._owner, "application_id": application_id}
            if application_id in self._undo:
                file = TinyFile(path, "juror-application", owner, image=self._undo[application_id])
            else:
                file = TinyFile(path, "juror-application", owner)
            self._files[application_id] = file
        return file


def import_scores(store: JurorStore, path: Path) -> tuple[int, int]:
    """All rows or none. Returns (rows imported, values changed)."""
    parsed = parse_scores_csv(path, store.session, store.conflicts, store.assessment)
    if parsed.problems:
        raise JuryError(parsed.problems[0], parsed.problems)
    changed = store.apply_batch(parsed.changes, reason=f"CSV-import {visible(path.name)}") if parsed.changes else 0
    return len(parsed.changes) + parsed.unchanged, changed
