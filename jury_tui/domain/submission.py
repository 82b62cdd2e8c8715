"""A juror's submission: the file a juror sends to the chair, sealed with a checksum."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Annotated, ClassVar

from pydantic import AwareDatetime, Field

from jury_tui.domain.assessment import (
    ApplicationAssessment,
    Status,
    progress,
    statuses_for,
)
from jury_tui.domain.canonical import json_form
from jury_tui.domain.criteria import STRICT
from jury_tui.domain.session import SessionDefinition

SUBMISSION_FORMAT = "jury-tui/submission"
SUBMISSION_SCHEMA_VERSION = 2  # 2: the checksum seals the file's bytes (1 sealed canonical JSON)
UNSEALED = "0" * 64
# The checksum's own line in the one layout. JSON escapes line breaks inside strings, so a line
# that starts with two spaces and "checksum" can only be a top-level field.
_CHECKSUM_LINE_START = b'\n  "checksum": "'
_HEX_DIGITS = frozenset(b"0123456789abcdef")


Digest = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


# Slotted dataclasses: a call of 1000 applications holds 7000 scores per juror. pydantic validates
# every submission file read (formats/submission_file.py).
@dataclass(frozen=True, slots=True)
class SubmittedScore:
    __pydantic_config__: ClassVar[dict] = STRICT

    criterion_id: str
    score: int | None
    motivation: str


@dataclass(frozen=True, slots=True)
class SubmittedAssessment:
    __pydantic_config__: ClassVar[dict] = STRICT

    application_id: str
    status: Status
    scores: list[SubmittedScore]


@dataclass(frozen=True, slots=True, kw_only=True)
class Submission:
    """The submission file's content. `checksum` is SHA-256 over the file's bytes, with the 64 digits
    of the checksum itself read as zeros ('0')."""

    __pydantic_config__: ClassVar[dict] = STRICT

    format: Annotated[str, Field(pattern=f"^{SUBMISSION_FORMAT}$")] = SUBMISSION_FORMAT
    schema_version: int = SUBMISSION_SCHEMA_VERSION
    session_id: str
    session_fingerprint: Digest
    juror_id: str
    juror_role: str
    submitted_at: AwareDatetime  # compared with other submissions' moments: an offset is required
    complete: bool
    applications_total: int
    applications_complete: int
    conflicts: list[str]
    assessments: list[SubmittedAssessment]
    checksum: Digest

    def to_json_dict(self) -> dict:
        return json_form(self)

    def file_bytes(self) -> bytes:
        """The submission as its file holds it: the one layout, sealed."""
        return layout(self.to_json_dict())


def layout(content: dict) -> bytes:
    """The one layout of a submission file: keys sorted, one field per line and one assessment per
    line (readable, and fast to produce: a call of 1000 applications writes megabytes)."""

    def dumps(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    items = sorted(content.items())
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


def seal(content: dict) -> tuple[str, bytes]:
    """(checksum, file bytes) for `content` (any checksum it holds is replaced). The checksum is
    SHA-256 over the laid-out bytes with the checksum field at 64 zeros, so a reader verifies the
    raw file with one hash and any changed byte, in content or layout, is detected."""
    unsealed = layout({**content, "checksum": UNSEALED})
    checksum = hashlib.sha256(unsealed).hexdigest()
    line = '\n  "checksum": "{}"'
    return checksum, unsealed.replace(line.format(UNSEALED).encode(), line.format(checksum).encode(), 1)


def seal_of(raw: bytes) -> tuple[str, str] | None:
    """(checksum the file claims, checksum of its bytes), or None when the file has no checksum line."""
    # Searched from the end: the line follows the assessments, which are most of the file.
    start = raw.rfind(_CHECKSUM_LINE_START) + len(_CHECKSUM_LINE_START)
    end = start + 64
    if start < len(_CHECKSUM_LINE_START) or raw[end:end + 1] != b'"' or not _HEX_DIGITS.issuperset(raw[start:end]):
        return None
    digest = hashlib.sha256(memoryview(raw)[:start])
    digest.update(UNSEALED.encode())
    digest.update(memoryview(raw)[end:])
    return raw[start:end].decode(), digest.hexdigest()


def build_sealed_submission(
    session: SessionDefinition,
    juror_id: str,
    assessments: Mapping[str, ApplicationAssessment],
    conflicts: frozenset[str],
    submitted_at: dt.datetime,
) -> tuple[Submission, bytes]:
    """Seal a juror's assessment into a submission, and the file's bytes (laid out once).
    Conflicted applications carry no scores."""
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
                application_id,
                statuses[application_id],
                [
                    SubmittedScore(criterion.id, assessment.get(criterion.id).score, assessment.get(criterion.id).motivation)
                    for criterion in criteria.criteria
                ],
            )
        )
    unsealed = Submission(
        session_id=session.id,
        session_fingerprint=session.fingerprint,
        juror_id=juror_id,
        juror_role=session.juror(juror_id).role.value,
        submitted_at=submitted_at,
        complete=summary.is_complete,
        applications_total=summary.to_assess,
        applications_complete=summary.complete,
        conflicts=sorted(conflicts),
        assessments=submitted,
        checksum=UNSEALED,
    )
    checksum, file_bytes = seal(unsealed.to_json_dict())
    return replace(unsealed, checksum=checksum), file_bytes


def build_submission(
    session: SessionDefinition,
    juror_id: str,
    assessments: Mapping[str, ApplicationAssessment],
    conflicts: frozenset[str],
    submitted_at: dt.datetime,
) -> Submission:
    """The submission of build_sealed_submission, without its file bytes."""
    return build_sealed_submission(session, juror_id, assessments, conflicts, submitted_at)[0]
