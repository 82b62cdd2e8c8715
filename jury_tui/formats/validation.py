"""pydantic at the input boundary: every record read from a file is validated here, against the
domain's types and limits, into one clear line per problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from jury_tui.domain.canonical import adapter
from jury_tui.errors import validation_error

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
