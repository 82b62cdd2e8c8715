"""Reading input files with one clear message for every way they can be wrong."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

from jury_tui.domain.canonical import normalize_text
from jury_tui.errors import JuryError, file_error
from jury_tui.i18n import t

# Tab, line feed and carriage return belong in text; other C0 controls and DEL do not.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def read_text(path: Path) -> str:
    """UTF-8 text (a BOM is allowed), with Unix line ends and NFC normalisation."""
    if not path.exists():
        raise file_error(path, t("file.not_found"))
    if path.is_dir():
        raise file_error(path, t("file.is_directory"))
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise file_error(path, t("file.unreadable", detail=error.strerror or error)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise file_error(path, t("file.not_utf8")) from None
    if not text.strip():
        raise file_error(path, t("file.empty"))
    if _CONTROL_CHARS.search(text):
        raise file_error(path, t("file.control_chars"))
    return normalize_text(text)


def read_toml(path: Path) -> dict[str, Any]:
    text = read_text(path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise file_error(path, t("file.toml", detail=error)) from None


def read_json(path: Path) -> Any:
    text = read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise file_error(path, t("file.json", detail=f"regel {error.lineno}, kolom {error.colno}: {error.msg}")) from None


def require_directory(path: Path) -> Path:
    if not path.exists():
        raise file_error(path, t("file.not_found"))
    if not path.is_dir():
        raise file_error(path, t("file.not_directory"))
    return path


__all__ = ["JuryError", "read_json", "read_text", "read_toml", "require_directory"]
