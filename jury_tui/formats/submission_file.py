"""Reading the submission file a juror sends to the chair."""

from __future__ import annotations

import codecs
import json
import unicodedata
from operator import attrgetter
from pathlib import Path

from jury_tui.domain.assessment import (
    ApplicationAssessment,
    CriterionScore,
    progress,
    statuses_for,
)
from jury_tui.domain.session import SessionDefinition
from jury_tui.domain.submission import (
    SUBMISSION_FORMAT,
    SUBMISSION_SCHEMA_VERSION,
    UNSIGNED,
    Submission,
    checksum_of,
    signed_by,
)
from jury_tui.errors import JuryError, display_path, file_error
from jury_tui.formats.files import (
    DuplicateKey,
    checked_text,
    read_bytes,
    read_json,
    unique_keys,
)
from jury_tui.formats.validation import validate_json
from jury_tui.i18n import t


def load_submission(path: Path) -> Submission:
    """A submission file, its layout and checksum verified against the raw content."""
    return read_submission(path)[0]


def read_submission(path: Path, raw: bytes | None = None, *, checked: str | None = None) -> tuple[Submission, bytes]:
    """The verified submission and the exact bytes that were verified (read once; pass `raw` when
    the caller has already read them). Each check raises the message for its problem, in order:
    the text (formats/files.py), the JSON and its fields (pydantic, strict: every value of the JSON
    type jury-tui writes; no field has a default), the schema version, the one layout (the bytes
    are exactly those jury-tui writes for this content), and the checksum. The signature needs the
    session's public key: the chair's store checks it (store/chair_store.py). `checked`: the
    checksum of a file this program checked whole before (the chair's stored copy, at its import):
    a file whose content hashes to it is that file byte for byte, so its layout is not compared again."""
    raw = read_bytes(path, "submission") if raw is None else raw
    text = checked_text(raw, path)
    try:
        submission = validate_json(Submission, text, path, strict=True)
    except JuryError:
        data = read_json(path, raw)  # a file that does not parse: the message with line and column
        if not isinstance(data, dict):
            raise file_error(path, t("field.invalid", detail=t("file.json_object"))) from None
        _check_version(path, data.get("format"), data.get("schema_version"))
        raise
    _check_version(path, submission.format, submission.schema_version)
    if checked is not None and submission.checksum == checked and checksum_of(submission, raw) == checked:
        return submission, raw
    if raw != submission.file_bytes() or not unicodedata.is_normalized("NFC", text):
        raise file_error(path, _layout_problem(raw, text))
    if checksum_of(submission, raw) != submission.checksum:
        raise file_error(path, t("submission.checksum"))
    return submission, raw


def _check_version(path: Path, form: object, version: object) -> None:
    """A submission of an older schema (unsigned): the juror submits again with this version."""
    if form != SUBMISSION_FORMAT or type(version) is not int or version == SUBMISSION_SCHEMA_VERSION:
        return
    if version < SUBMISSION_SCHEMA_VERSION:
        raise file_error(path, t("submission.older_version", found=version))
    raise JuryError(t("store.schema", file=display_path(path), found=version, expected=SUBMISSION_SCHEMA_VERSION))


def _layout_problem(raw: bytes, text: str) -> str:
    """Why bytes that read as a valid submission are not the one layout jury-tui writes for it."""
    try:
        json.loads(text, object_pairs_hook=unique_keys)
    except DuplicateKey as duplicate:
        return t("submission.duplicate_key", name=f"{duplicate.key!r:.60}")
    except ValueError:
        pass
    if raw.startswith(codecs.BOM_UTF8) or not unicodedata.is_normalized("NFC", text):
        return t("submission.layout")
    return t("submission.not_one_layout")


# --- against a session: the chair's import and `check --session` -----------------------------

_CRITERION_ID, _SCORE = attrgetter("criterion_id"), attrgetter("score")


def identity_problem(session: SessionDefinition, submission: Submission) -> tuple[str, str] | None:
    """(kind, id) when the submission does not belong here: other_session, unknown_juror, role,
    not_signed, other_signer (id: the juror whose key signed it), bad_signature,
    unknown_application. One check for the import and for stored copies."""
    known = {juror.id: juror for juror in session.jurors}
    if submission.session_id != session.id or submission.session_fingerprint != session.fingerprint:
        return "other_session", submission.session_id
    if submission.juror_id not in known:
        return "unknown_juror", submission.juror_id
    if submission.juror_role != known[submission.juror_id].role.value:
        return "role", submission.juror_id
    if submission.signature == UNSIGNED:
        return "not_signed", submission.juror_id
    if not signed_by(submission, known[submission.juror_id].public_key):
        for juror in session.jurors:
            if juror.id != submission.juror_id and signed_by(submission, juror.public_key):
                return "other_signer", juror.id
        return "bad_signature", submission.juror_id
    for application_id in [*submission.conflicts, *(a.application_id for a in submission.assessments)]:
        if not session.has_application(application_id):
            return "unknown_application", application_id
    return None


def read_submission_for(path: Path, session: SessionDefinition) -> tuple[Submission, bytes]:
    """The verified submission in `path` and its bytes, if it belongs to this session and every
    score fits it; else a JuryError naming the file."""
    submission, raw = read_submission(path)
    shown = display_path(path)
    identity = identity_problem(session, submission)
    if identity is not None:
        kind, ident = identity
        raise JuryError(t(f"import.{kind}", file=shown, session=ident, juror=submission.juror_id if kind == "other_signer" else ident,
                          signer=ident, application=ident))
    problem = content_problem(session, submission)
    if problem is not None and not problem[0]:  # a field of the submission as a whole
        raise JuryError(t("import.invalid_claim", file=shown, problem=problem[1]))
    if problem is not None:
        raise JuryError(t("import.invalid", file=shown, application=problem[0], problem=problem[1]))
    return submission, raw


def content_problem(session: SessionDefinition, submission: Submission) -> tuple[str, str] | None:
    """(application, problem) for the first score the session cannot hold, or the first status or
    summary field ("" for the application then) the scores do not give: the checksum and the
    signature prove the file is as its juror wrote it, not that what was written is right."""
    criteria = session.criteria
    expected = tuple(criteria.criterion_ids)
    allowed = {None, *range(criteria.scale.min, criteria.scale.max + 1)}
    conflicts = set(submission.conflicts)
    assessed: set[str] = set()
    for assessment in submission.assessments:
        application_id = assessment.application_id
        if application_id in assessed:
            return application_id, t("import.duplicate_assessment")
        assessed.add(application_id)
        if application_id in conflicts:
            return application_id, t("import.conflict_scored")
        scores = assessment.scores
        # The usual case in one sweep each (map: 175,000 scores at 1000 × 25); any doubt goes to
        # the entry-by-entry check for its message. (The motivations' length is pydantic's, at reading.)
        if tuple(map(_CRITERION_ID, scores)) != expected or not allowed.issuperset(map(_SCORE, scores)):
            problem = _score_problem(session, assessment.scores)
            if problem is not None:
                return application_id, problem
    for application in session.applications:
        if application.id not in assessed and application.id not in conflicts:
            return application.id, t("import.missing_assessment")
    return _claim_problem(session, submission)


def _claim_problem(session: SessionDefinition, submission: Submission) -> tuple[str, str] | None:
    """(application, problem) for the first status, or ("", problem) for the first summary field,
    that the scores do not give: recomputed by the rule that sealed it (build_sealed_submission)."""
    criteria = session.criteria
    held = {
        assessment.application_id: ApplicationAssessment(
            assessment.application_id,
            {entry.criterion_id: CriterionScore(entry.criterion_id, entry.score, entry.motivation) for entry in assessment.scores},
        )
        for assessment in submission.assessments
    }
    statuses = statuses_for(criteria, [application.id for application in session.applications], held,
                            frozenset(submission.conflicts))
    for assessment in submission.assessments:
        if assessment.status != statuses[assessment.application_id]:
            return assessment.application_id, t("import.status_mismatch", stated=assessment.status.value,
                                                status=statuses[assessment.application_id].value)
    summary = progress(statuses.values())
    for name, computed in (("complete", summary.is_complete), ("applications_total", summary.to_assess),
                           ("applications_complete", summary.complete)):
        stated = getattr(submission, name)
        if type(stated) is not type(computed) or stated != computed:
            shown = json.dumps(stated)
            return "", t("import.claim_mismatch", field=name, stated=shown if len(shown) <= 20 else shown[:17] + "...",
                         computed=json.dumps(computed))
    return None


def _score_problem(session: SessionDefinition, scores) -> str | None:
    criteria = session.criteria
    criterion_ids = set(criteria.criterion_ids)
    scored: set[str] = set()
    for entry in scores:
        if entry.criterion_id not in criterion_ids:
            return t("score.unknown_criterion", criterion=entry.criterion_id)
        if entry.criterion_id in scored:
            return t("import.duplicate_score", criterion=entry.criterion_id)
        scored.add(entry.criterion_id)
        if entry.score is not None and not criteria.scale.contains(entry.score):
            score = str(entry.score) if len(str(entry.score)) <= 20 else str(entry.score)[:17] + "..."
            return t("score.off_scale", score=score, min=criteria.scale.min, max=criteria.scale.max)
    return None

