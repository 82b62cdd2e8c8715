"""Reading the submission file a juror sends to the chair."""

from __future__ import annotations

import codecs
import json
import unicodedata
from pathlib import Path

from jury_tui.domain.submission import (
    SUBMISSION_FORMAT,
    SUBMISSION_SCHEMA_VERSION,
    Submission,
    checksum_of,
)
from jury_tui.errors import JuryError, display_path, file_error
from jury_tui.formats.files import checked_text, read_bytes, read_json
from jury_tui.formats.validation import validate_json
from jury_tui.i18n import t


def load_submission(path: Path) -> Submission:
    """A submission file, its layout and checksum verified against the raw content."""
    return read_submission(path)[0]


def read_submission(path: Path, raw: bytes | None = None) -> tuple[Submission, bytes]:
    """The verified submission and the exact bytes that were verified (read once; pass `raw` when
    the caller has already read them). Each check raises the message for its problem, in order:
    the text (formats/files.py), the JSON and its fields (pydantic, strict: every value of the JSON
    type jury-tui writes; no field has a default), the schema version, the one layout (the bytes
    are exactly those jury-tui writes for this content), and the checksum. The signature needs the
    session's public key: the chair's store checks it (store/chair_store.py)."""
    raw = read_bytes(path) if raw is None else raw
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


def _duplicate_key(pairs: list[tuple[str, object]]) -> dict:
    seen: dict[str, object] = {}
    for key, value in pairs:
        if key in seen:
            raise _Duplicate(key)
        seen[key] = value
    return seen


class _Duplicate(Exception):
    pass


def _layout_problem(raw: bytes, text: str) -> str:
    """Why bytes that read as a valid submission are not the one layout jury-tui writes for it."""
    try:
        json.loads(text, object_pairs_hook=_duplicate_key)
    except _Duplicate as duplicate:
        return t("submission.duplicate_key", name=f"{duplicate.args[0]!r:.60}")
    except ValueError:
        pass
    if raw.startswith(codecs.BOM_UTF8) or not unicodedata.is_normalized("NFC", text):
        return t("submission.layout")
    return t("submission.not_one_layout")
