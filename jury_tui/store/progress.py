"""Where every juror of a session stands, read from their stores without writing anything: what
`jury-tui show` reports to the secretariat."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jury_tui.domain.assessment import progress, statuses_for
from jury_tui.domain.session import SessionDefinition
from jury_tui.domain.submission import work_digest
from jury_tui.errors import JuryError
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import session_dir
from jury_tui.store.submitting import SubmissionState, submission_state


@dataclass(frozen=True)
class JurorProgress:
    id: str
    name: str
    role: str
    conflicts_declared: bool
    conflicts: list[str]
    complete: int
    in_progress: int
    not_started: int
    to_assess: int
    finished: bool
    # The last submission written by the juror's store (None: none yet): its number, its time (ISO
    # 8601 with offset; None from a counter of an older version) and whether the work changed since
    # (None: unknown, the counter of an older version has no digest).
    submitted_sequence: int | None = None
    submitted_at: str | None = None
    changed_since_submitted: bool | None = None
    # The juror's submissions register (submissions.json) could not be read: the line above is
    # unknown, not "never submitted" (the problem is reported on its own line).
    submission_unknown: bool = False


def jurors_progress(data_dir: Path, session: SessionDefinition) -> tuple[list[JurorProgress], list[str]]:
    """Each juror's progress, and one line per juror whose files could not be read (a damaged juror
    file must not hide everyone else's progress)."""
    application_ids = [a.id for a in session.applications]
    found: list[JurorProgress] = []
    problems: list[str] = []
    for juror in session.jurors:
        started = (session_dir(data_dir, session.id) / "jurors" / juror.id).is_dir()
        declared, conflicts, assessments = False, frozenset[str](), {}
        submitted: SubmissionState | None = None
        unknown = False
        if started:
            try:
                store = JurorStore(data_dir, session, juror.id, read_only=True)
                declared, conflicts, assessments = store.conflicts_declared, store.conflicts, store.all_assessments()
            except JuryError as error:
                problems.append(error.message)
                continue
            try:  # a damaged register must not hide the juror's progress
                submitted = submission_state(store, lambda: work_digest(session.criteria, application_ids, assessments, conflicts))
            except JuryError as error:
                problems.append(error.message)
                unknown = True
        summary = progress(statuses_for(session.criteria, application_ids, assessments, conflicts).values())
        found.append(JurorProgress(
            id=juror.id, name=juror.name, role=juror.role.value, conflicts_declared=declared,
            conflicts=sorted(conflicts), complete=summary.complete, in_progress=summary.in_progress,
            not_started=summary.not_started, to_assess=summary.to_assess, finished=summary.is_complete,
            submitted_sequence=submitted.sequence if submitted else None,
            submitted_at=submitted.submitted_at.isoformat() if submitted and submitted.submitted_at else None,
            changed_since_submitted=submitted.changed if submitted else None,
            submission_unknown=unknown,
        ))
    return found, problems
