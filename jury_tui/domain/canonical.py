"""One way to turn records into data and data into bytes that hash the same everywhere.

`json_form(record)` is pydantic's JSON form of a record: what the files hold, and what a session's
fingerprint and a submission's seal cover. `adapter(kind)` is the one cached TypeAdapter per type,
used both to write and (formats/validation.py) to read.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from functools import cache
from typing import Any

from pydantic import Field, TypeAdapter

# Fields added after sessions were made are left out of the JSON form while empty, so a session made
# before them keeps its fingerprint (domain/session.py) and its jurors' submissions stay valid.
# (`exclude_if` needs pydantic 2.12: pinned in pyproject.toml.)
LEFT_OUT_WHILE_EMPTY = Field(exclude_if=lambda value: not value)


@cache
def adapter(kind: Any) -> TypeAdapter:
    return TypeAdapter(kind)


def json_form(record: Any) -> Any:
    """The record as JSON data: fields by name, floats as floats, enums as their value, datetimes
    in ISO 8601 ('Z' for UTC)."""
    return adapter(type(record)).dump_python(record, mode="json")


def canonical_json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sha256_hex(data: Any) -> str:
    return hashlib.sha256(canonical_json(data)).hexdigest()


def normalize_text(text: str) -> str:
    """NFC and Unix line ends, so the same words always hash and compare the same."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
