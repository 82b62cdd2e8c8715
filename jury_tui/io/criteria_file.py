"""The criteria file (TOML) of a call."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from jury_tui.domain.criteria import CriteriaSet
from jury_tui.errors import validation_error
from jury_tui.io.files import read_toml


def load_criteria(path: Path) -> CriteriaSet:
    data = read_toml(path)
    try:
        return CriteriaSet.model_validate(data)
    except ValidationError as error:
        raise validation_error(path, error) from None
