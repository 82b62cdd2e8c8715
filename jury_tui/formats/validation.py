"""pydantic at the input boundary: every record read from a user's or another program's file is
validated here, against the domain's types and limits, into one clear line per problem.

pydantic is imported on first use: the juror's app opens files it wrote itself through the exact
stored form (domain/exact_form.py) and does not need it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from jury_tui.errors import validation_error

T = TypeVar("T")


@cache
def _adapter(kind: Any) -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(kind)


def validate(kind: type[T], data: Any, file: Path | str, prefix: str = "") -> T:
    """`data` as a `kind`, or a JuryError naming `file` and the field (under `prefix`) for every problem."""
    from pydantic import ValidationError

    try:
        return _adapter(kind).validate_python(data)
    except ValidationError as error:
        raise validation_error(file, error, prefix=prefix) from None


def validate_json(kind: type[T], raw: bytes, file: Path | str) -> T:
    """`raw` JSON as a `kind`, parsed and validated in one pass (pydantic's fastest path for large
    files), or a JuryError as `validate` gives."""
    from pydantic import ValidationError

    try:
        return _adapter(kind).validate_json(raw)
    except ValidationError as error:
        raise validation_error(file, error) from None

