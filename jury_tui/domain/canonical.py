"""Canonical JSON and hashing: one way to turn data into bytes that hash the same everywhere."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from typing import Any


def canonical_json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sha256_hex(data: Any) -> str:
    return hashlib.sha256(canonical_json(data)).hexdigest()


def normalize_text(text: str) -> str:
    """NFC and Unix line ends, so the same words always hash and compare the same."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
