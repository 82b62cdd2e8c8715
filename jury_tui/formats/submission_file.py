"""Writing and reading the submission file a juror sends to the chair."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from jury_tui.domain.exact_form import from_stored_form
from jury_tui.domain.submission import (
    SUBMISSION_SCHEMA_VERSION,
    Submission,
    seal_of,
)
from jury_tui.errors import JuryError, display_path, file_error, has_lone_surrogate
from jury_tui.formats.files import read_bytes, read_json
from jury_tui.formats.validation import validate, validate_json
from jury_tui.i18n import t

# Above this size pydantic's JSON parser is worth loading: it reads a submission of 1000
# applications (6.7 MB) in 20 ms against 30 ms for json.loads and the exact-form reader, and 25 of
# them make up for loading it (~0.15 s). Below it, not loading pydantic matters more.
_LARGE = 2_000_000


def load_submission(path: Path) -> Submission:
    """A submission file, its checksum verified against the raw content."""
    return read_submission(path)[0]


def read_submission(path: Path, raw: bytes | None = None) -> tuple[Submission, bytes]:
    """The verified submission and the exact bytes that were verified (read once; pass `raw` when
    the caller has already read them). The checksum seals the raw bytes, so an intact file costs one
    hash and one parse; anything else is diagnosed step by step for a precise message."""
    raw = read_bytes(path) if raw is None else raw
    submission = _verified_quickly(raw)
    return (submission if submission is not None else _diagnosed(path, raw)), raw


def _verified_quickly(raw: bytes) -> Submission | None:
    """The submission when `raw` is intact and in the form jury-tui writes (UTF-8 without byte-order
    mark, NFC, no control characters: the JSON parser refuses those and invalid UTF-8 itself), else
    None. `_diagnosed` accepts exactly the same files, so an accepted file is always quick to read."""
    seal = seal_of(raw)
    if seal is None or seal[0] != seal[1] or b"\x7f" in raw:
        return None
    try:
        text = raw.decode("utf-8")
        if not unicodedata.is_normalized("NFC", text):
            return None
        submission = _parsed(raw, text)
    except (ValueError, RecursionError, JuryError):  # not UTF-8, not JSON, too deep; pydantic's refusal
        return None
    if submission.schema_version != SUBMISSION_SCHEMA_VERSION or submission.checksum != seal[0]:
        return None
    return submission


def _parsed(raw: bytes, text: str) -> Submission:
    """The submission in `raw` (`text` decoded), by the fastest reader that is sure: the exact stored
    form for a file as jury-tui writes it (see _LARGE), else pydantic. Python's JSON parser reads the
    text, which refuses a byte-order mark as pydantic's does; it takes a lone surrogate escape
    ('\\ud800') that pydantic's refuses, so such a file goes to pydantic."""
    if len(raw) < _LARGE:
        data = json.loads(text)
        submission = None if has_lone_surrogate(text, data) else from_stored_form(Submission, data)
        if submission is not None:
            return submission
    return validate_json(Submission, raw, "")


def _diagnosed(path: Path, raw: bytes) -> Submission:
    """Check `raw` step by step and raise the message for the first problem."""
    data = read_json(path, raw)
    if not isinstance(data, dict):
        raise file_error(path, t("field.invalid", detail=t("file.json_object")))
    submission = validate(Submission, data, path)
    if submission.schema_version != SUBMISSION_SCHEMA_VERSION:
        raise JuryError(
            t("store.schema", file=display_path(path), found=submission.schema_version, expected=SUBMISSION_SCHEMA_VERSION)
        )
    seal = seal_of(raw)
    if seal is None or seal[0] != seal[1] or seal[0] != submission.checksum:
        raise file_error(path, t("submission.checksum"))
    quick = _verified_quickly(raw)
    if quick is None:  # sealed anew after a change in form (byte-order mark, Unicode normalisation)
        raise file_error(path, t("submission.layout"))
    return quick
