"""Reading the submission file a juror sends to the chair."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from jury_tui.domain.submission import SUBMISSION_SCHEMA_VERSION, Submission, seal_of
from jury_tui.errors import JuryError, display_path, file_error
from jury_tui.formats.files import checked_text, read_bytes, read_json
from jury_tui.formats.validation import validate_json
from jury_tui.i18n import t


def load_submission(path: Path) -> Submission:
    """A submission file, its checksum verified against the raw content."""
    return read_submission(path)[0]


def read_submission(path: Path, raw: bytes | None = None) -> tuple[Submission, bytes]:
    """The verified submission and the exact bytes that were verified (read once; pass `raw` when
    the caller has already read them). Each check raises the message for its problem, in order:
    the text (formats/files.py), the JSON and its fields (pydantic, strict: every value of the JSON
    type jury-tui writes), the schema version, the seal over the raw bytes, and the form jury-tui
    writes (no byte-order mark, Unicode in NFC)."""
    raw = read_bytes(path) if raw is None else raw
    text = checked_text(raw, path)
    try:
        submission = validate_json(Submission, text, path, strict=True)
    except JuryError:
        data = read_json(path, raw)  # a file that does not parse: the message with line and column
        if not isinstance(data, dict):
            raise file_error(path, t("field.invalid", detail=t("file.json_object"))) from None
        raise
    if submission.schema_version != SUBMISSION_SCHEMA_VERSION:
        raise JuryError(
            t("store.schema", file=display_path(path), found=submission.schema_version, expected=SUBMISSION_SCHEMA_VERSION)
        )
    seal = seal_of(raw)
    if seal is None or seal[0] != seal[1] or seal[0] != submission.checksum:
        raise file_error(path, t("submission.checksum"))
    if raw.startswith(codecs.BOM_UTF8) or not unicodedata.is_normalized("NFC", text):  # sealed anew after such a change
        raise file_error(path, t("submission.layout"))
    return submission, raw
