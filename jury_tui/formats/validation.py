"""pydantic at the input boundary: every record read from a file is validated here, against the
domain's types and limits, into one clear line per problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from jury_tui.domain.canonical import adapter
from jury_tui.domain.limits import MAX_MOTIVATION
from jury_tui.domain.text import control_character
from jury_tui.errors import validation_error
from jury_tui.formatting import format_number
from jury_tui.i18n import t

T = TypeVar("T")


def validate(kind: type[T], data: Any, file: Path | str, prefix: str = "") -> T:
    """`data` as a `kind`, or a JuryError naming `file` and the field (under `prefix`) for every problem."""
    try:
        return adapter(kind).validate_python(data)
    except ValidationError as error:
        raise validation_error(file, error, prefix=prefix) from None


def validate_json(kind: type[T], text: str | bytes, file: Path | str, *, strict: bool = False) -> T:
    """JSON `text` as a `kind`, parsed and validated in one pass, or a JuryError as `validate` gives."""
    try:
        return adapter(kind).validate_json(text, strict=strict)
    except ValidationError as error:
        raise validation_error(file, error) from None


def motivation_problem(motivation: str) -> str | None:
    """What the rules of every read (domain.text.Motivation) refuse in a motivation typed or imported
    before it is stored, in the user's language; None when it may be stored."""
    if len(motivation) > MAX_MOTIVATION:
        return t("field.too_long_text", limit=format_number(MAX_MOTIVATION))
    found = control_character(motivation)  # raw C1 or bidi characters: not refused as bytes
    if found is not None:
        return t("field.control_character", position=found[0], character=found[1])
    return None
