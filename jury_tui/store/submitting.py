"""Writing the juror's submission: sealed, numbered and signed with the juror's key.

The key is the juror's own (`jurors/<juror id>/juror.key`, from the juror package) or, on the
secretariat's machine, the copy in the session's `keys/`. The juror's store counts submissions in
`jurors/<juror id>/submissions.json`: each submit takes the next number, covered by the signature,
so the chair can tell the newer of two submissions without trusting any clock. The same file
remembers the last submission written: its number, its time and the digest of the work it carries
(domain.submission.submission_digest), so the juror can see whether anything changed since.
Counters written before these fields existed are read as they are (the "changed since" is then unknown).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, ClassVar, Literal

from pydantic import AwareDatetime, BeforeValidator, Field, StrictStr

from jury_tui.domain.assessment import progress, statuses_for
from jury_tui.domain.criteria import STRICT
from jury_tui.domain.signing import public_key
from jury_tui.domain.submission import (
    MAX_SEQUENCE,
    Digest,
    Submission,
    build_sealed_submission,
    submission_digest,
    work_digest,
)
from jury_tui.errors import JuryError, display_path, problem_line
from jury_tui.formats.atomic_file import (
    check_target,
    read_json_file,
    write_atomic,
    write_json_atomic,
)
from jury_tui.formats.validation import validate
from jury_tui.i18n import t
from jury_tui.store.juror_store import JurorStore, now
from jury_tui.store.sessions import JUROR_KEY_FILE, KEYS_FOLDER, read_private_key

COUNTER_FILE = "submissions.json"
COUNTER_KIND = "submission-counter"


COUNTER_VERSION = 2  # 2: remembers the last submission written (submitted_*, work_digest)


def _text_only(value: object) -> object:
    """A stored time is ISO 8601 text, as written; pydantic would also take a number."""
    if not isinstance(value, str):
        raise ValueError("not text")
    return value


@dataclass(frozen=True)
class _Counter:
    __pydantic_config__: ClassVar[dict] = STRICT

    kind: StrictStr
    session_id: StrictStr
    juror_id: StrictStr
    last_sequence: Annotated[int, Field(strict=True, ge=0, le=MAX_SEQUENCE)]
    # Absent in counters of the first version (the number only).
    counter_version: Literal[2] | None = None
    # The last submission whose file was written (absent while none was): its number, time and work digest.
    submitted_sequence: Annotated[int, Field(strict=True, ge=1, le=MAX_SEQUENCE)] | None = None
    submitted_at: Annotated[AwareDatetime, BeforeValidator(_text_only)] | None = None
    work_digest: Digest | None = None


@dataclass(frozen=True)
class SubmissionState:
    """The juror's last submission: its number and time (None: a counter of an older version does not
    say) and whether the work changed since (None: unknown, the counter has no digest)."""

    sequence: int
    submitted_at: dt.datetime | None
    changed: bool | None
    work_digest: str | None = None

    def against(self, digest: str) -> SubmissionState:
        """This state for work whose digest is `digest`."""
        changed = None if self.work_digest is None else digest != self.work_digest
        return SubmissionState(self.sequence, self.submitted_at, changed, self.work_digest)


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


def _counter(store: JurorStore) -> _Counter | None:
    """The juror's counter, read strictly: a damaged, foreign or self-contradicting one is refused
    with one line naming the file and the field (and is never written over by a reader)."""
    path = store.folder / COUNTER_FILE
    if not path.exists():
        return None
    try:
        record = validate(_Counter, read_json_file(path), path)
    except JuryError as error:  # torn, empty, wrong types: the numbers cannot be trusted, so say what to do
        raise JuryError(t("store.counter_damaged", problem=error.message)) from None
    for name, expected in (("kind", COUNTER_KIND), ("session_id", store.session.id), ("juror_id", store.juror_id)):
        found = getattr(record, name)
        if found != expected:
            detail = t("store.foreign_detail", field=name, found=repr(found)[:40], expected=repr(expected))
            raise JuryError(t("store.foreign", file=display_path(path), detail=detail))
    submitted = (record.submitted_sequence, record.submitted_at, record.work_digest)
    consistent = all(value is None for value in submitted) or (
        all(value is not None for value in submitted) and record.submitted_sequence <= record.last_sequence
    )
    if not consistent:
        raise JuryError(t("store.counter_inconsistent", file=display_path(path), last=record.last_sequence,
                          submitted=record.submitted_sequence))
    return record


def submission_state(store: JurorStore, digest: str | Callable[[], str] | None = None) -> SubmissionState | None:
    """The juror's last submission, None when there is none. `digest`: the work digest of the work as
    it is now, when the caller has it (the app keeps it); else it is computed from the store."""
    record = _counter(store)
    if record is None or record.last_sequence == 0:
        return None
    if record.submitted_sequence is None:
        if record.counter_version is None:  # a counter of the first version: the number only
            return SubmissionState(record.last_sequence, None, None)
        return None  # a number was taken, but no file was written
    state = SubmissionState(record.submitted_sequence, record.submitted_at, None, record.work_digest)
    if record.work_digest is None:
        return state
    if digest is None:
        session = store.session
        digest = work_digest(session.criteria, [a.id for a in session.applications], store.all_assessments(), store.conflicts)
    elif callable(digest):  # computed only when there is something to compare it with
        digest = digest()
    return state.against(digest)


def write_submission(store: JurorStore, out: Path, allow_incomplete: bool, submitted_at: dt.datetime | None = None) -> Submission:
    """Seal and sign the juror's current assessment into `out`, with the next sequence number.
    Refuses an incomplete one unless confirmed. The counter takes the number before the file is
    written: a failed write leaves a gap in the numbers (harmless), never one number for two
    contents. Once the file is written the counter remembers it as the last submission."""
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
        counter = _counter(store)
        sequence = (0 if counter is None else counter.last_sequence) + 1
        submission, file_bytes = build_sealed_submission(
            store.session, store.juror_id, assessments, conflicts, submitted_at or now(), sequence, key
        )
        owner = {"kind": COUNTER_KIND, "session_id": store.session.id, "juror_id": store.juror_id,
                 "counter_version": COUNTER_VERSION}
        previous = {} if counter is None or counter.submitted_sequence is None else {
            "submitted_sequence": counter.submitted_sequence,
            "submitted_at": counter.submitted_at.isoformat() if counter.submitted_at else None,
            "work_digest": counter.work_digest,
        }
        write_json_atomic(store.folder / COUNTER_FILE, {**owner, "last_sequence": sequence, **previous})
        write_atomic(out, file_bytes)
        try:
            write_json_atomic(store.folder / COUNTER_FILE, {
                **owner, "last_sequence": sequence, "submitted_sequence": sequence,
                "submitted_at": submission.submitted_at.isoformat(), "work_digest": submission_digest(submission),
            })
        except (JuryError, OSError) as error:  # the file is there: say so, not that submitting failed
            raise JuryError(t("submission.written_unrecorded", path=display_path(out), sequence=sequence,
                              detail=problem_line(error))) from None
    return submission
