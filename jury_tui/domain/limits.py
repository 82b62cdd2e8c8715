"""Limits on the fields of the domain's records, written once and read two ways: by pydantic, which
validates what users and other programs hand in, and by the exact-form reader of files this
program wrote itself (domain/exact_form.py). Neither this module nor the records import pydantic:
the juror's app opens without loading it."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds of a text's length and form, or of a number. Used as `Annotated[str, Limits(...)]`."""

    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    gt: float | None = None
    ge: float | None = None
    le: float | None = None
    finite: bool = False  # refuse inf and nan

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        for name in ("min_length", "max_length", "pattern", "gt", "ge", "le"):
            if getattr(self, name) is not None:
                schema[name] = getattr(self, name)
        if self.finite:
            schema["allow_inf_nan"] = False
        return schema

    def allows(self, value: str | int | float | list) -> bool:
        """The same limits in plain Python, for values already of the right type."""
        if isinstance(value, (str, list)):
            if self.min_length is not None and len(value) < self.min_length:
                return False
            if self.max_length is not None and len(value) > self.max_length:
                return False
            return self.pattern is None or (isinstance(value, str) and _compiled(self.pattern).search(value) is not None)
        if isinstance(value, float) and not math.isfinite(value):
            return False
        if self.gt is not None and not value > self.gt:
            return False
        if self.ge is not None and not value >= self.ge:
            return False
        return self.le is None or value <= self.le


_PATTERNS: dict[str, re.Pattern[str]] = {}


def _compiled(pattern: str) -> re.Pattern[str]:
    if pattern not in _PATTERNS:
        # pydantic's '$' is the end of the text; Python's also matches before a final newline.
        python_pattern = pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern
        _PATTERNS[pattern] = re.compile(python_pattern)
    return _PATTERNS[pattern]


@dataclass(frozen=True, slots=True)
class AcceptsPlainText:
    """Where a data file may give a plain string for a text that has translations: {"nl": string}."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(self.coerce, handler(source))

    @staticmethod
    def coerce(value: object) -> object:
        return {"nl": value} if isinstance(value, str) else value
