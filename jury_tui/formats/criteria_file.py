"""The criteria file (TOML) of a call."""

from __future__ import annotations

from pathlib import Path

from jury_tui.domain.criteria import CriteriaSet
from jury_tui.errors import JuryError, display_path
from jury_tui.formats.files import read_toml
from jury_tui.formats.validation import validate
from jury_tui.i18n import t

# The domain compares the steps with every whole number from min to max; a scale of 0 to 10**11
# would exhaust memory first. A span that large cannot have a label per step: say so up front.
_MAX_SPAN = 10_000


def _whole(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


def check_scale_span(path: Path | str, criteria: object, field: str = "scale") -> None:
    """Refuse a scale whose span is absurdly larger than its steps, before the model is built."""
    scale = criteria.get("scale") if isinstance(criteria, dict) else None
    if not isinstance(scale, dict):
        return
    low, high, steps = _whole(scale.get("min")), _whole(scale.get("max")), scale.get("steps")
    if low is None or high is None or high - low <= _MAX_SPAN:
        return
    if isinstance(steps, list) and len(steps) == high - low + 1:
        return
    problem = t("criteria.scale_steps", min=low, max=high)
    raise JuryError(t("file.field_problem", file=display_path(path), field=field, problem=problem))


def load_criteria(path: Path) -> CriteriaSet:
    data = read_toml(path)
    check_scale_span(path, data)
    return validate(CriteriaSet, data, path)
