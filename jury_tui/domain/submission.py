"""A juror's submission: the file a juror sends to the chair, sealed with a checksum."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field

from jury_tui.domain.assessment import ApplicationAssessment, Status, progress, statuses_for
from jury_tui.domain.canonical import sha256_hex
from jury_tui.domain.session import SessionDefinition

SUBMISSION_FORMAT = "jury-tui/submission"
SUBMISSION_SCHEMA_VERSION = 1


class SubmittedScore(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    criterion_id: str
    score: int | None
    motivation: str


class SubmittedAssessment(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    application_id: str
    status: Status
    scores: list[SubmittedScore]


class Submission(BaseModel):
    """The submission file's content. `checksum` is SHA-256 over the canonical JSON of every other field."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: str = Field(default=SUBMISSION_FORMAT, pattern=f"^{SUBMISSION_FORMAT}$")
    schema_version: int = SUBMISSION_SCHEMA_VERSION
    session_id: str
    session_fingerprint: str = Field(pattern=r"^[0-9a-f]{64}$")
    juror_id: str
    juror_role: str
    submitted_at: dt.datetime
    complete: bool
    applications_total: int
    applications_complete: int
    conflicts: list[str]
    assessments: list[SubmittedAssessment]
    checksum: str = Field(pattern=r"^[0-9a-f]{64}$")

    def content_checksum(self) -> str:
        return submission_checksum(self.to_json_dict())

    def to_json_dict(self) -> dict:
        return self.model_dump(mode="json")


def submission_checksum(content: dict) -> str:
    """SHA-256 over the canonical JSON of all fields but `checksum`, as read from or written to a file."""
    body = {key: value for key, value in content.items() if key != "checksum"}
    return sha256_hex(body)


def build_submission(
    session: SessionDefinition,
    juror_id: str,
    assessments: Mapping[str, ApplicationAssessment],
    conflicts: frozenset[str],
    submitted_at: dt.datetime,
) -> Submission:
    """Seal a juror's assessment into a submission. Conflicted applications carry no scores."""
    criteria = session.criteria
    application_ids = [application.id for application in session.applications]
    statuses = statuses_for(criteria, application_ids, assessments, conflicts)
    summary = progress(statuses.values())
    submitted = []
    for application_id in application_ids:
        if application_id in conflicts:
            continue
        assessment = assessments.get(application_id) or ApplicationAssessment(application_id=application_id)
        submitted.append(
            SubmittedAssessment(
                application_id=application_id,
                status=statuses[application_id],
                scores=[
                    SubmittedScore(
                        criterion_id=criterion.id,
                        score=assessment.get(criterion.id).score,
                        motivation=assessment.get(criterion.id).motivation,
                    )
                    for criterion in criteria.criteria
                ],
            )
        )
    content = {
        "format": SUBMISSION_FORMAT,
        "schema_version": SUBMISSION_SCHEMA_VERSION,
        "session_id": session.id,
        "session_fingerprint": session.fingerprint,
        "juror_id": juror_id,
        "juror_role": session.juror(juror_id).role.value,
        "submitted_at": submitted_at,
        "complete": summary.is_complete,
        "applications_total": summary.to_assess,
        "applications_complete": summary.complete,
        "conflicts": sorted(conflicts),
        "assessments": [item.model_dump(mode="json") for item in submitted],
    }
    unsealed = Submission.model_validate({**content, "checksum": "0" * 64})
    # Seal over the JSON exactly as it will be written, so a reader can verify the raw file.
    return unsealed.model_copy(update={"checksum": unsealed.content_checksum()})
