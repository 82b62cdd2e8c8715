"""Errors a user can act on: each carries one clear line naming the file and the field."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from jury_tui.i18n import t


class JuryError(Exception):
    """A problem a user can fix; `str()` is the one line shown to them."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems or [message]

    def __str__(self) -> str:
        return self.message


class StoreError(JuryError):
    """A stored file is damaged, foreign or cannot be written. The file is never touched."""


def display_path(path: Path | str) -> str:
    """Paths as the user gave them, relative to the working folder where possible."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def _field_name(loc: tuple) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item + 1}]")
        elif item in {"function-after", "function-before"} or str(item).startswith("function-"):
            continue
        else:
            parts.append(("." if parts else "") + str(item))
    return "".join(parts)


# pydantic's own wording is English; the common type errors get a Dutch line of their own.
_TYPE_MESSAGES = {
    "float_parsing": "field.number",
    "float_type": "field.number",
    "int_parsing": "field.integer",
    "int_type": "field.integer",
    "int_from_float": "field.integer",
    "bool_parsing": "field.boolean",
    "bool_type": "field.boolean",
    "string_type": "field.text",
    "list_type": "field.list",
    "dict_type": "field.mapping",
    "model_type": "field.mapping",
}


def _shown_value(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def _describe(error: dict) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return t("field.missing")
    if kind == "extra_forbidden":
        return t("field.extra")
    if kind in {"greater_than_equal", "greater_than", "less_than_equal", "less_than"}:
        key = {"greater_than_equal": "field.ge", "greater_than": "field.gt", "less_than_equal": "field.le", "less_than": "field.lt"}[kind]
        limit = next(iter(ctx.values()), "")
        if isinstance(limit, float) and limit.is_integer():
            limit = int(limit)  # "minstens 0", not "minstens 0.0"
        return t(key, limit=limit)
    if kind in {"string_too_short", "too_short"}:
        return t("field.too_short")
    if kind in {"string_too_long", "too_long"}:
        return t("field.too_long")
    if kind == "string_pattern_mismatch":
        return t("field.pattern")
    if kind.startswith("datetime") or kind.startswith("date_"):
        return t("field.datetime")
    if kind == "value_error":
        return str(ctx.get("error", error.get("msg", "")))
    if kind in _TYPE_MESSAGES:
        return t(_TYPE_MESSAGES[kind], value=_shown_value(error.get("input")))
    if kind in {"enum", "literal_error"} and "expected" in ctx:
        expected = str(ctx["expected"]).replace(" or ", t("field.or"))
        return t("field.choice", expected=expected, value=_shown_value(error.get("input")))
    if kind.endswith("_type") or kind.endswith("_parsing") or kind in {"int_from_float", "enum", "literal_error", "bool_parsing"}:
        return t("field.type", detail=error.get("msg", kind))
    return t("field.invalid", detail=error.get("msg", kind))


def validation_problems(file: Path | str, error: ValidationError, prefix: str = "") -> list[str]:
    """Every problem of a pydantic error as one line: file, field, what is wrong."""
    lines = []
    for item in error.errors(include_url=False):
        field = _field_name(tuple(item.get("loc", ())))
        if prefix:
            field = f"{prefix}.{field}" if field else prefix
        problem = _describe(item)
        if field:
            lines.append(t("file.field_problem", file=display_path(file), field=field, problem=problem))
        else:
            lines.append(t("file.problem", file=display_path(file), problem=problem))
    return lines


def validation_error(file: Path | str, error: ValidationError, prefix: str = "") -> JuryError:
    problems = validation_problems(file, error, prefix)
    return JuryError(problems[0], problems)


def file_error(file: Path | str, problem: str) -> JuryError:
    return JuryError(t("file.problem", file=display_path(file), problem=problem))
