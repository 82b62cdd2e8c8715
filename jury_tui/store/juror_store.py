"""One juror's work: conflicts and, per application, scores, motivations and their history.

Each application has its own small TinyDB file, so one save writes a few kilobytes however
large the call is. A batch (a CSV import) is first written whole to a journal, then applied;
a journal found at start is applied again, so a batch lands completely or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import StrictBool, StrictStr
from tinydb import Query

from jury_tui.domain.assessment import (
    ApplicationAssessment,
    CriterionScore,
    HistoryEntry,
    ScoreChange,
)
from jury_tui.domain.canonical import json_form, normalize_text
from jury_tui.domain.session import SessionDefinition
from jury_tui.errors import JuryError, StoreError, display_path
from jury_tui.formats.atomic_file import (
    private_folder,
    read_json_file,
    remove_stale_temp_files,
    write_json_atomic,
)
from jury_tui.formats.scores_csv import parse_scores_csv
from jury_tui.i18n import t
from jury_tui.store.atomic import folder_lock
from jury_tui.store.sessions import session_dir
from jury_tui.store.tinyfile import TinyFile, damaged_records, stored_records

JOURNAL_FILE = "journal.json"


# The juror's record, as pydantic reads it back: exact JSON types, as written.
@dataclass(frozen=True)
class _JurorRecord:
    conflicts_declared: StrictBool = False
    conflicts: list[StrictStr] = field(default_factory=list)


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).astimezone()


class JurorStore:
    def __init__(self, data_dir: Path, session: SessionDefinition, juror_id: str) -> None:
        if juror_id not in {juror.id for juror in session.jurors}:
            known = ", ".join(juror.id for juror in session.jurors)
            raise JuryError(t("juror.unknown", id=juror_id, session=session.id, known=known))
        self.session = session
        self.juror_id = juror_id
        self.folder = session_dir(data_dir, session.id) / "jurors" / juror_id
        self.applications_folder = self.folder / "applications"
        private_folder(self.folder)
        self._owner = {"session_id": session.id, "juror_id": juror_id}
        with folder_lock(self.folder):
            remove_stale_temp_files(self.folder)
            self._juror_file = TinyFile(self.folder / "juror.json", "juror", self._owner)
            self._files: dict[str, TinyFile] = {}
            self._replay_journal()

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
        with folder_lock(self.folder):
            old = sorted(self.conflicts)
            was_declared = self.conflicts_declared
            self._juror_file.set_single("juror", {"conflicts_declared": True, "conflicts": new})
            if old != new or not was_declared:
                self._juror_file.table("history").insert(self._history(None, None, "conflicts", old, new))
            self._juror_file.commit()

    # --- scores ----------------------------------------------------------------------------
    def assessment(self, application_id: str) -> ApplicationAssessment:
        self._require_application(application_id)
        path = self._application_path(application_id)
        if application_id not in self._files and not path.exists():
            return ApplicationAssessment(application_id=application_id)
        records = self._file(application_id).table("scores").all()
        stored = stored_records(list[CriterionScore], records, path, "scores")  # updated_at is for people reading the file
        scale = self.session.criteria.scale
        if any(entry.score is not None and not scale.contains(entry.score) for entry in stored):
            raise damaged_records(path, "scores")
        scores = {entry.criterion_id: entry for entry in stored}
        return ApplicationAssessment(application_id=application_id, scores=scores)

    def all_assessments(self) -> dict[str, ApplicationAssessment]:
        return {application.id: self.assessment(application.id) for application in self.session.applications}

    def set_score(self, application_id: str, criterion_id: str, score: int | None) -> bool:
        with folder_lock(self.folder):
            return self._set(application_id, criterion_id, score=score)

    def set_motivation(self, application_id: str, criterion_id: str, motivation: str) -> bool:
        with folder_lock(self.folder):
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
        return bool(self._apply([change]))

    def apply_batch(self, changes: list[ScoreChange], reason: str) -> int:
        """Apply many changes as one transaction; returns how many values actually changed."""
        with folder_lock(self.folder):
            for change in changes:
                self.validate_change(change)
            for application_id in dict.fromkeys(change.application_id for change in changes):
                # Read every file the batch touches now: a damaged or foreign one is reported before the
                # journal exists, so a refused batch is never replayed later.
                self._file(application_id)
            write_json_atomic(
                self.folder / JOURNAL_FILE,
                {"kind": "score-batch", **self._owner, "reason": reason, "changes": [json_form(change) for change in changes]},
            )
            changed = self._apply(changes, reason, validated=True)
            (self.folder / JOURNAL_FILE).unlink()
            return changed

    def history(self, application_id: str | None = None) -> list[HistoryEntry]:
        if application_id is None:
            source = self._juror_file
        else:
            self._require_application(application_id)
            if application_id not in self._files and not self._application_path(application_id).exists():
                return []
            source = self._file(application_id)
        return stored_records(list[HistoryEntry], source.table("history").all(), source.path, "history")

    def validate_change(self, change: ScoreChange) -> None:
        self._require_application(change.application_id)
        criteria = self.session.criteria
        if change.criterion_id not in criteria.criterion_ids:
            raise JuryError(t("score.unknown_criterion", criterion=change.criterion_id))
        if change.application_id in self.conflicts:
            raise JuryError(t("score.conflict", application=change.application_id))
        if change.score is not None and not criteria.scale.contains(change.score):
            raise JuryError(t("score.off_scale", score=change.score, min=criteria.scale.min, max=criteria.scale.max))

    # --- internals -------------------------------------------------------------------------
    def _apply(self, changes: list[ScoreChange], reason: str = "", validated: bool = False) -> int:
        with folder_lock(self.folder):
            return self._apply_locked(changes, reason, validated)

    def _apply_locked(self, changes: list[ScoreChange], reason: str, validated: bool) -> int:
        changed = 0
        touched: dict[str, TinyFile] = {}
        for change in changes:
            if not validated:
                self.validate_change(change)
            file = self._file(change.application_id)
            scores = file.table("scores")
            existing = scores.get(Query().criterion_id == change.criterion_id) or {}
            old_score, old_motivation = existing.get("score"), existing.get("motivation", "")
            motivation = normalize_text(change.motivation)
            entries = []
            if old_score != change.score:
                entries.append(self._history(change.application_id, change.criterion_id, "score", old_score, change.score, reason))
            if old_motivation != motivation:
                entries.append(
                    self._history(change.application_id, change.criterion_id, "motivation", old_motivation, motivation, reason)
                )
            if not entries:
                continue
            changed += 1
            scores.upsert(
                {
                    "criterion_id": change.criterion_id,
                    "score": change.score,
                    "motivation": motivation,
                    "updated_at": entries[0]["at"],
                },
                Query().criterion_id == change.criterion_id,
            )
            file.table("history").insert_multiple(entries)
            touched[change.application_id] = file
        for file in touched.values():
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

    def _replay_journal(self) -> None:
        path = self.folder / JOURNAL_FILE
        if not path.exists():
            return
        data = read_json_file(path)
        if not isinstance(data, dict) or data.get("kind") != "score-batch" or data.get("juror_id") != self.juror_id:
            raise StoreError(t("store.foreign", file=display_path(path), detail="journal"))
        changes = stored_records(list[ScoreChange], data.get("changes", []), path, "changes")
        try:
            for change in changes:
                self.validate_change(change)
        except JuryError:
            raise damaged_records(path, "changes") from None
        self._apply(changes, str(data.get("reason", "")), validated=True)
        path.unlink()

    def _require_application(self, application_id: str) -> None:
        if not self.session.has_application(application_id):
            raise JuryError(t("score.unknown_application", application=application_id))

    def _application_path(self, application_id: str) -> Path:
        return self.applications_folder / f"{application_id}.json"

    def _file(self, application_id: str) -> TinyFile:
        file = self._files.get(application_id)
        if file is None:
            file = TinyFile(
                self._application_path(application_id),
                "juror-application",
                {**self._owner, "application_id": application_id},
            )
            self._files[application_id] = file
        return file


def import_scores(store: JurorStore, path: Path) -> tuple[int, int]:
    """All rows or none. Returns (rows imported, values changed)."""
    parsed = parse_scores_csv(path, store.session, store.conflicts)
    if parsed.problems:
        raise JuryError(parsed.problems[0], parsed.problems)
    changed = store.apply_batch(parsed.changes, reason=f"CSV-import {path.name}")
    return len(parsed.changes), changed
