"""Writing the juror's submission: sealed, numbered and signed with the juror's key.

The key is the juror's own (`jurors/<juror id>/juror.key`, from the juror package) or, on the
secretariat's machine, the copy in the session's `keys/`. The juror's store counts submissions in
`jurors/<juror id>/submissions.json`: each submit takes the next number, covered by the signature,
so the chair can tell the newer of two submissions without trusting any clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import Field, StrictStr

from jury_tui.domain.assessment import progress, statuses_for
from jury_tui.domain.signing import public_key
from jury_tui.domain.submission import MAX_SEQUENCE, Submission, build_sealed_submission
from jury_tui.errors import JuryError, display_path
from jury_tui.formats.atomic_file import (
    check_target,
    read_json_file,
    write_atomic,
    write_json_atomic,
)
from jury_tui.i18n import t
from jury_tui.store.juror_store import JurorStore, now
from jury_tui.store.sessions import JUROR_KEY_FILE, KEYS_FOLDER, read_private_key
from jury_tui.store.tinyfile import stored_records

COUNTER_FILE = "submissions.json"
COUNTER_KIND = "submission-counter"


@dataclass(frozen=True)
class _Counter:
    kind: StrictStr
    session_id: StrictStr
    juror_id: StrictStr
    last_sequence: Annotated[int, Field(strict=True, ge=0, le=MAX_SEQUENCE)]


def juror_private_key(store: JurorStore) -> bytes:
    """The juror's private key, checked against the public key in the session; a clear line if
    this machine has none (the juror package brings it)."""
    session, juror_id = store.session, store.juror_id
    expected = session.juror(juror_id).public_key
    session_folder = store.folder.parents[1]  # <session>/jurors/<juror id>
    for path in (store.folder / JUROR_KEY_FILE, session_folder / KEYS_FOLDER / f"{juror_id}.key"):
        key = read_private_key(path)
        if key is None:
            continue
        if public_key(key).hex() != expected:
            raise JuryError(t("key.mismatch", file=display_path(path), juror=juror_id))
        return key
    raise JuryError(t("key.missing", juror=juror_id, session=session.id))


def last_sequence(store: JurorStore) -> int:
    """How many submissions this juror's store has written (0: none yet)."""
    path = store.folder / COUNTER_FILE
    if not path.exists():
        return 0
    record = stored_records(_Counter, read_json_file(path), path, "counter")
    if (record.kind, record.session_id, record.juror_id) != (COUNTER_KIND, store.session.id, store.juror_id):
        raise JuryError(t("store.foreign", file=display_path(path), detail=COUNTER_KIND))
    return record.last_sequence


def write_submission(store: JurorStore, out: Path, allow_incomplete: bool, submitted_at: dt.datetime | None = None) -> Submission:
    """Seal and sign the juror's current assessment into `out`, with the next sequence number.
    Refuses an incomplete one unless confirmed. The counter is written before the file: a failed
    write leaves a gap in the numbers (harmless), never one number for two contents."""
    if out.is_dir():
        raise JuryError(t("submission.out_exists_dir", path=display_path(out)))
    check_target(out)  # before the counter takes a number
    if not store.conflicts_declared:
        raise JuryError(t("submission.conflicts_undeclared", session=store.session.id, juror=store.juror_id))
    key = juror_private_key(store)
    with store.writing():  # one writer; refused while the juror's app in another process holds the store
        assessments = store.all_assessments()
        conflicts = store.conflicts
        summary = progress(
            statuses_for(store.session.criteria, [a.id for a in store.session.applications], assessments, conflicts).values()
        )
        if not summary.is_complete and not allow_incomplete:
            raise JuryError(t("submission.incomplete", done=summary.complete, total=summary.to_assess))
        sequence = last_sequence(store) + 1
        submission, file_bytes = build_sealed_submission(
            store.session, store.juror_id, assessments, conflicts, submitted_at or now(), sequence, key
        )
        write_json_atomic(
            store.folder / COUNTER_FILE,
            {"kind": COUNTER_KIND, "session_id": store.session.id, "juror_id": store.juror_id, "last_sequence": sequence},
        )
    write_atomic(out, file_bytes)
    return submission
