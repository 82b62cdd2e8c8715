"""Writing and reading the submission file a juror sends to the chair."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pydantic import ValidationError

from jury_tui.domain.assessment import progress, statuses_for
from jury_tui.domain.submission import SUBMISSION_SCHEMA_VERSION, Submission, build_submission, submission_checksum
from jury_tui.errors import JuryError, display_path, file_error, validation_error
from jury_tui.i18n import t
from jury_tui.io.files import read_bytes, read_json
from jury_tui.store.atomic import write_atomic
from jury_tui.store.juror_store import JurorStore, now
from jury_tui.store.sessions import exports_dir


def default_submission_path(data_dir: Path, session_id: str, juror_id: str) -> Path:
    return exports_dir(data_dir) / f"inzending-{session_id}-{juror_id}.json"


def write_submission(store: JurorStore, out: Path, allow_incomplete: bool, submitted_at: dt.datetime | None = None) -> Submission:
    """Seal the juror's current assessment into `out`. Refuses an incomplete one unless confirmed."""
    if out.is_dir():
        raise JuryError(t("submission.out_exists_dir", path=display_path(out)))
    if not store.conflicts_declared:
        raise JuryError(t("submission.conflicts_undeclared", session=store.session.id, juror=store.juror_id))
    assessments = store.all_assessments()
    conflicts = store.conflicts
    summary = progress(
        statuses_for(store.session.criteria, [a.id for a in store.session.applications], assessments, conflicts).values()
    )
    if not summary.is_complete and not allow_incomplete:
        raise JuryError(t("submission.incomplete", done=summary.complete, total=summary.to_assess))
    submission = build_submission(store.session, store.juror_id, assessments, conflicts, submitted_at or now())
    write_atomic(out, submission_file_bytes(submission))
    return submission


def submission_file_bytes(submission: Submission) -> bytes:
    """The one layout a submission file has, so that any changed byte is detected: in the content by
    the checksum, in the layout by comparison. Keys sorted, one field per line and one assessment per
    line (readable, and fast to produce: a call of 1000 applications writes megabytes)."""
    return _layout(submission.to_json_dict())


def _layout(data: dict) -> bytes:
    def dumps(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    items = sorted(data.items())
    lines = ["{"]
    for index, (key, value) in enumerate(items):
        comma = "," if index < len(items) - 1 else ""
        if key == "assessments" and isinstance(value, list) and value:
            lines.append(f"  {dumps(key)}: [")
            lines.extend(f"    {dumps(item)}{',' if n < len(value) - 1 else ''}" for n, item in enumerate(value))
            lines.append(f"  ]{comma}")
        else:
            lines.append(f"  {dumps(key)}: {dumps(value)}{comma}")
    lines.append("}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def load_submission(path: Path) -> Submission:
    """A submission file, its checksum verified against the raw content."""
    return read_submission(path)[0]


def read_submission(path: Path, raw: bytes | None = None) -> tuple[Submission, bytes]:
    """The verified submission and the exact bytes that were verified (read once; pass `raw` when
    the caller has already read them)."""
    raw = read_bytes(path) if raw is None else raw
    data = read_json(path, raw)
    if not isinstance(data, dict):
        raise file_error(path, t("field.invalid", detail="JSON-object verwacht"))
    try:
        submission = Submission.model_validate(data)
    except ValidationError as error:
        raise validation_error(path, error) from None
    if submission.schema_version != SUBMISSION_SCHEMA_VERSION:
        raise JuryError(
            t("store.schema", file=display_path(path), found=submission.schema_version, expected=SUBMISSION_SCHEMA_VERSION)
        )
    if submission_checksum(data) != submission.checksum:
        raise file_error(path, t("submission.checksum"))
    if raw != _layout(data):
        raise file_error(path, t("submission.layout"))
    return submission, raw
