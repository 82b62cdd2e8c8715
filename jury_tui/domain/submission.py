"""A juror's submission: the file a juror sends to the chair, sealed with a checksum and signed
with the juror's Ed25519 key."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Annotated, ClassVar

from pydantic import AwareDatetime, Field

from jury_tui.domain import signing
from jury_tui.domain.assessment import (
    ApplicationAssessment,
    Status,
    StoredId,
    progress,
    statuses_for,
)
from jury_tui.domain.canonical import json_form
from jury_tui.domain.criteria import STRICT, CriteriaSet, Identifier
from jury_tui.domain.limits import MAX_APPLICATIONS, MAX_CRITERIA
from jury_tui.domain.session import SessionDefinition
from jury_tui.domain.text import Motivation

SUBMISSION_FORMAT = "jury-tui/submission"
# 3: signed (Ed25519) and numbered (`sequence`); 2: the checksum sealed the file's bytes; 1: canonical JSON
SUBMISSION_SCHEMA_VERSION = 3
UNSEALED = "0" * 64
UNSIGNED = "0" * signing.SIGNATURE_HEX_LENGTH
# What the signature covers: this prefix, then the checksum's 64 hex digits (domain separation: a
# signature made for a submission means nothing anywhere else).
SIGNATURE_CONTEXT = b"jury-tui/submission/v3 signature\n"
MAX_SEQUENCE = 10**12

Digest = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
Signature = Annotated[str, Field(pattern=r"^[0-9a-f]{128}$")]


# Slotted dataclasses: a call of 1000 applications holds 7000 scores per juror. pydantic validates
# every submission file read (formats/submission_file.py).
@dataclass(frozen=True, slots=True)
class SubmittedScore:
    __pydantic_config__: ClassVar[dict] = STRICT

    criterion_id: Identifier
    score: int | None
    motivation: Motivation


@dataclass(frozen=True, slots=True)
class SubmittedAssessment:
    __pydantic_config__: ClassVar[dict] = STRICT

    application_id: Identifier
    status: Status
    scores: Annotated[list[SubmittedScore], Field(max_length=MAX_CRITERIA)]


@dataclass(frozen=True, slots=True, kw_only=True)
class Submission:
    """The submission file's content. `checksum` is SHA-256 over the file's bytes with the checksum's
    and the signature's digits read as zeros ('0'); `signature` is the juror's Ed25519 signature
    over SIGNATURE_CONTEXT + checksum. `sequence` counts the juror's submissions (1, 2, …): the
    chair keeps the highest, whatever the clocks say. No field has a default: a file says it all."""

    __pydantic_config__: ClassVar[dict] = STRICT

    format: Annotated[str, Field(pattern=f"^{SUBMISSION_FORMAT}$")]
    schema_version: int
    session_id: Identifier
    session_fingerprint: Digest
    juror_id: Identifier
    juror_role: StoredId
    sequence: Annotated[int, Field(ge=1, le=MAX_SEQUENCE)]
    submitted_at: AwareDatetime  # information only (order comes from `sequence`); an offset is required
    complete: bool
    applications_total: int
    applications_complete: int
    conflicts: Annotated[list[Identifier], Field(max_length=MAX_APPLICATIONS)]
    assessments: Annotated[list[SubmittedAssessment], Field(max_length=MAX_APPLICATIONS)]
    checksum: Digest
    signature: Signature

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


def unsealed(content: dict) -> bytes:
    """The one layout of `content` with the checksum and the signature at zeros: what the checksum hashes."""
    return layout({**content, "checksum": UNSEALED, "signature": UNSIGNED})


def signed_message(checksum: str) -> bytes:
    return SIGNATURE_CONTEXT + checksum.encode("ascii")


def seal(content: dict, private_key: bytes) -> tuple[str, str, bytes]:
    """(checksum, signature, file bytes) for `content`, signed with `private_key` (any checksum and
    signature it holds are replaced)."""
    checksum = hashlib.sha256(unsealed(content)).hexdigest()
    signature = signing.sign(private_key, signed_message(checksum)).hex()
    return checksum, signature, layout({**content, "checksum": checksum, "signature": signature})


def checksum_of(submission: Submission, file_bytes: bytes | None = None) -> str:
    """The checksum the submission's content has (compare with the one it claims). `file_bytes`:
    the submission's own file bytes (its one layout), when at hand: the checksum and signature
    digits are zeroed in place instead of laying the content out again. JSON escapes line breaks in
    strings, so a line starting with two spaces and "checksum" can only be the top-level field."""
    if file_bytes is None:
        return hashlib.sha256(unsealed(submission.to_json_dict())).hexdigest()
    zeroed = file_bytes.replace(_field_line("checksum", submission.checksum), _field_line("checksum", UNSEALED), 1)
    zeroed = zeroed.replace(_field_line("signature", submission.signature), _field_line("signature", UNSIGNED), 1)
    return hashlib.sha256(zeroed).hexdigest()


def _field_line(name: str, value: str) -> bytes:
    return f'\n  "{name}": "{value}"'.encode("ascii")


def signed_by(submission: Submission, public_key_hex: str | None) -> bool:
    """Whether the submission's signature is valid for the public key (hex) over its checksum."""
    public = signing.from_hex(public_key_hex or "", signing.KEY_HEX_LENGTH)
    signature = signing.from_hex(submission.signature, signing.SIGNATURE_HEX_LENGTH)
    if public is None or signature is None:
        return False
    return signing.verify(public, signature, signed_message(submission.checksum))


def build_sealed_submission(
    session: SessionDefinition,
    juror_id: str,
    assessments: Mapping[str, ApplicationAssessment],
    conflicts: frozenset[str],
    submitted_at: dt.datetime,
    sequence: int,
    private_key: bytes,
) -> tuple[Submission, bytes]:
    """Seal and sign a juror's assessment into a submission, and the file's bytes (laid out once).
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
    content = Submission(
        format=SUBMISSION_FORMAT,
        schema_version=SUBMISSION_SCHEMA_VERSION,
        session_id=session.id,
        session_fingerprint=session.fingerprint,
        juror_id=juror_id,
        juror_role=session.juror(juror_id).role.value,
        sequence=sequence,
        submitted_at=submitted_at,
        complete=summary.is_complete,
        applications_total=summary.to_assess,
        applications_complete=summary.complete,
        conflicts=sorted(conflicts),
        assessments=submitted,
        checksum=UNSEALED,
        signature=UNSIGNED,
    )
    checksum, signature, file_bytes = seal(content.to_json_dict(), private_key)
    return replace(content, checksum=checksum, signature=signature), file_bytes


def build_submission(
    session: SessionDefinition,
    juror_id: str,
    assessments: Mapping[str, ApplicationAssessment],
    conflicts: frozenset[str],
    submitted_at: dt.datetime,
    sequence: int,
    private_key: bytes,
) -> Submission:
    """The submission of build_sealed_submission, without its file bytes."""
    return build_sealed_submission(session, juror_id, assessments, conflicts, submitted_at, sequence, private_key)[0]


# --- the work a submission carries, as one digest ------------------------------------------------
# What the juror submitted, without when or as which number: the conflicts and, per application
# they assess, the scores and motivations. Equal digests: nothing a chair would see has changed
# (also after a change and its undoing). Built per application, so a screen that keeps one digest
# per application recomputes only the one a save touched.


def application_digest(application_id: str, entries: Iterable[tuple[str, int | None, str]]) -> bytes:
    """One application's part of the work digest: (criterion id, score, motivation) in the criteria's order."""
    rows = [application_id, [[criterion_id, score, motivation] for criterion_id, score, motivation in entries]]
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")).digest()


def assessment_digest(criteria: CriteriaSet, assessment: ApplicationAssessment) -> bytes:
    """application_digest of an assessment as a submission would carry it (every criterion, in order)."""
    entries = ((criterion.id, *_score_and_motivation(assessment, criterion.id)) for criterion in criteria.criteria)
    return application_digest(assessment.application_id, entries)


def _score_and_motivation(assessment: ApplicationAssessment, criterion_id: str) -> tuple[int | None, str]:
    entry = assessment.get(criterion_id)
    return entry.score, entry.motivation


def combined_digest(conflicts: Iterable[str], application_digests: Iterable[bytes]) -> str:
    """The work digest (64 hex digits) of the conflicts and the assessed applications' digests, in the session's order."""
    digest = hashlib.sha256(b"jury-tui/work-digest/v1\n")
    digest.update(json.dumps(sorted(conflicts), ensure_ascii=False).encode("utf-8") + b"\n")
    for part in application_digests:
        digest.update(part)
    return digest.hexdigest()


def work_digest(
    criteria: CriteriaSet,
    application_ids: Iterable[str],
    assessments: Mapping[str, ApplicationAssessment],
    conflicts: frozenset[str],
) -> str:
    """The digest a submission of this work would have (see submission_digest)."""
    return kept_work_digest(
        application_ids,
        conflicts,
        lambda application_id: assessment_digest(
            criteria, assessments.get(application_id) or ApplicationAssessment(application_id=application_id)
        ),
    )


def kept_work_digest(application_ids: Iterable[str], conflicts: Iterable[str], digest_of: Callable[[str], bytes]) -> str:
    """The work digest from per-application digests (`digest_of(application id)`, e.g. kept by a
    screen that updates one per save): what a submission carries — the conflicts, and the
    applications not in conflict, in the session's order."""
    conflicts = frozenset(conflicts)
    return combined_digest(conflicts, (digest_of(a) for a in application_ids if a not in conflicts))


def submission_digest(submission: Submission) -> str:
    """The digest of the work a submission carries: equal to work_digest of the work it was built from."""
    return combined_digest(
        submission.conflicts,
        (
            application_digest(item.application_id, ((s.criterion_id, s.score, s.motivation) for s in item.scores))
            for item in submission.assessments
        ),
    )
