"""The criteria file (TOML) of a call."""

from __future__ import annotations

from pathlib import Path

from jury_tui.domain.criteria import CriteriaSet
from jury_tui.formats.files import read_toml
from jury_tui.formats.validation import validate


def load_criteria(path: Path) -> CriteriaSet:
    return validate(CriteriaSet, read_toml(path), path)
