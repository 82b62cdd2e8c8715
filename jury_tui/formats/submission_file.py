"""Reading the submission file a juror sends to the chair."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from jury_tui.domain.canonical import json_form
from jury_tui.domain.submission import SUBMISSION_SCHEMA_VERSION, Submission, seal_of
from jury_tui.errors import JuryError, display_path, file_error
from jury_tui.formats.files import read_bytes, read_json
from jury_tui.formats.validation import validate
from jury_tui.i18n import t


def load_submission(path: Path) -> Submission:
    """A submission file, its checksum verified against the raw content."""
    return read_submission(path)[0]


def read_submission(path: Path, raw: bytes | None = None) -> tuple[Submission, bytes]:
    """The verified submission and the exact bytes that were verified (read once; pass `raw` when
    the caller has already read them). Each check raises the message for its problem, in order:
    the text and JSON (formats/files.py), the fields (pydantic), the schema version, the seal over
    the raw bytes, and the form jury-tui writes (UTF-8 without byte-order mark, NFC, every field as
    pydantic writes it)."""
    raw = read_bytes(path) if raw is None else raw
    data = read_json(path, raw)
    if not isinstance(data, dict):
        raise file_error(path, t("field.invalid", detail="JSON-object verwacht"))
    submission = validate(Submission, data, path)
    if submission.schema_version != SUBMISSION_SCHEMA_VERSION:
        raise JuryError(
            t("store.schema", file=display_path(path), found=submission.schema_version, expected=SUBMISSION_SCHEMA_VERSION)
        )
    seal = seal_of(raw)
    if seal is None or seal[0] != seal[1] or seal[0] != submission.checksum:
        raise file_error(path, t("submission.checksum"))
    # Sealed anew after a change in form (read_json normalised the text; pydantic converted a value
    # or filled in a missing field): not the file the juror's app wrote.
    if (
        raw.startswith(codecs.BOM_UTF8)
        or not unicodedata.is_normalized("NFC", raw.decode("utf-8"))
        or json_form(submission) != data
    ):
        raise file_error(path, t("submission.layout"))
    return submission, raw
