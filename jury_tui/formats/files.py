"""Reading input files with one clear message for every way they can be wrong."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jury_tui.domain.canonical import normalize_text
from jury_tui.errors import (
    JuryError,
    display_path,
    file_error,
    has_lone_surrogate,
    json_problem,
    parser_problem,
    utf8_line,
)
from jury_tui.i18n import t

# Tab, line feed and carriage return belong in text; other C0 controls and DEL do not. Looked for
# in the bytes first (UTF-8 never uses these bytes inside another character, and deleting bytes is
# much faster than the regex over a submission of megabytes), the regex only to find the line.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise file_error(path, t("file.not_found"))
    if path.is_dir():
        raise file_error(path, t("file.is_directory"))
    try:
        return path.read_bytes()
    except OSError as error:
        raise file_error(path, t("file.unreadable", detail=error.strerror or error)) from None


def read_text(path: Path) -> str:
    """UTF-8 text (a BOM is allowed), with Unix line ends and NFC normalisation."""
    return decode_text(read_bytes(path), path)


def decode_text(raw: bytes, path: Path) -> str:
    """`raw` (read from `path`) as text, with the same checks and messages as read_text."""
    return normalize_text(checked_text(raw, path))


def checked_text(raw: bytes, path: Path) -> str:
    """`raw` as text as it is (without a BOM): UTF-8, not empty, no control characters."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise line_error(path, utf8_line(raw, error), t("file.not_utf8")) from None
    if not text.strip():
        raise file_error(path, t("file.empty"))
    control = _CONTROL_CHARS.search(text) if len(raw.translate(None, _CONTROL_BYTES)) != len(raw) else None
    if control:
        line = normalize_text(text[: control.start()]).count("\n") + 1
        raise line_error(path, line, t("file.control_chars"))
    return text


def line_error(path: Path, line: int, problem: str) -> JuryError:
    return JuryError(t("file.line_problem", file=display_path(path), line=line, problem=problem))


# tomllib ends its messages with "(at line 3, column 7)" or "(at end of document)".
_TOML_POSITION = re.compile(r"^(.*) \(at (?:line (\d+), column (\d+)|end of document)\)$", re.DOTALL)


def _toml_detail(error: tomllib.TOMLDecodeError) -> str:
    match = _TOML_POSITION.match(str(error))
    if not match:
        return parser_problem(error)
    problem = parser_problem(match.group(1))
    if match.group(2) is None:
        return t("parse.end", problem=problem)
    return t("parse.at", line=match.group(2), column=match.group(3), problem=problem)


def _parsed(path: Path, text: str, parse: Callable[[str], Any], kind: str, decode_error: type[ValueError],
            detail: Callable[[Any], str]) -> Any:
    """`parse(text)`, or a JuryError naming `path` with the parser's problem in the user's language."""
    try:
        return parse(text)
    except decode_error as error:
        problem = detail(error)
    except RecursionError:
        problem = t("parse.too_deep")
    except ValueError:  # Python's limit on the digits of a whole number
        problem = t("parse.number_too_long")
    raise file_error(path, t(kind, detail=problem))


def read_toml(path: Path) -> dict[str, Any]:
    return _parsed(path, read_text(path), tomllib.loads, "file.toml", tomllib.TOMLDecodeError, _toml_detail)


def read_json(path: Path, raw: bytes | None = None) -> Any:
    """JSON from `path`; pass `raw` when the bytes were already read, to read the file once."""
    text = read_text(path) if raw is None else decode_text(raw, path)
    data = _parsed(path, text, json.loads, "file.json", json.JSONDecodeError, json_problem)
    if has_lone_surrogate(text, data):
        raise file_error(path, t("file.lone_surrogate"))
    return data


def require_directory(path: Path) -> Path:
    if not path.exists():
        raise file_error(path, t("file.not_found"))
    if not path.is_dir():
        raise file_error(path, t("file.not_directory"))
    return path


__all__ = ["JuryError", "read_json", "read_text", "read_toml", "require_directory"]
