"""Errors a user can act on: each carries one clear line naming the file and the field."""

from __future__ import annotations

import errno
import json
import os
import re
import datetime as dt
import reprlib
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from jury_tui.domain.text import (
    CONTROL_CHARACTERS,
    LINE_PATTERN,
    TEXT_PATTERN,
    InvalidValue,
    control_character,
)
from jury_tui.formatting import format_number
from jury_tui.i18n import t

if TYPE_CHECKING:  # pydantic is loaded where input is validated (formats/validation.py)
    from pydantic import ValidationError


class JuryError(Exception):
    """A problem a user can fix; `str()` is the one line shown to them."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        # Shown as is wherever it goes (a terminal, a screen of the app): a path or a value it
        # quotes may hold control characters, so they are made visible once, here.
        message = visible(message)
        super().__init__(message)
        self.message = message
        self.problems = [visible(problem) for problem in problems] if problems else [message]

    def __str__(self) -> str:
        return self.message


class StoreError(JuryError):
    """A stored file is damaged, foreign or cannot be written. The file is never touched."""


def display_path(path: Path | str) -> str:
    """Paths as the user gave them, relative to the working folder where possible."""
    path = Path(path)
    for resolved in (path.resolve, lambda: path.parent.resolve() / path.name):  # the latter: the last part loops
        try:
            return str(resolved().relative_to(Path.cwd().resolve()))
        except ValueError:
            break
        except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python 3.11, 3.12)
            continue
    return str(path)


# What the operating system said, as a line a user can act on: the problem and what to do.
_OS_PROBLEMS = {
    getattr(errno, name): key  # by name: not every platform knows every error (Windows has no ETXTBSY)
    for name, key in (
        ("EACCES", "os.access"), ("EPERM", "os.access"), ("EROFS", "os.read_only"),
        ("ENOSPC", "os.disk_full"), ("EDQUOT", "os.disk_full"), ("EFBIG", "os.too_big"),
        ("ENAMETOOLONG", "os.name_too_long"), ("ENOTDIR", "os.not_directory"), ("EISDIR", "os.is_directory"),
        ("EEXIST", "os.exists"), ("ENOTEMPTY", "os.exists"), ("ENOENT", "os.not_found"), ("ELOOP", "os.link_loop"),
        ("EMFILE", "os.too_many_open"), ("ENFILE", "os.too_many_open"), ("EIO", "os.io"), ("EBUSY", "os.busy"),
        ("ETXTBSY", "os.busy"), ("EINVAL", "os.invalid_name"), ("EXDEV", "os.other_disk"),
    )
    if hasattr(errno, name)
}
# Windows reports a file another program holds open (Excel keeps its file open) as winerror 32/33.
_WINDOWS_PROBLEMS = {32: "os.busy", 33: "os.busy", 112: "os.disk_full", 206: "os.name_too_long", 123: "os.invalid_name"}


def _blocking_file(path: Path) -> Path:
    """For 'not a folder': the first part of `path` that exists and is a file, where a folder belongs."""
    for part in reversed((path, *path.parents)):
        try:
            info = os.stat(part)
        except OSError:
            break
        if not stat.S_ISDIR(info.st_mode):
            return part
    return path


def _os_key(error: OSError) -> str | None:
    return _WINDOWS_PROBLEMS.get(getattr(error, "winerror", None) or 0) or _OS_PROBLEMS.get(error.errno or 0)


def os_reason(error: OSError) -> str:
    """What went wrong and what to do, without the path: 'schijf vol: maak ruimte vrij en probeer opnieuw'."""
    key = _os_key(error)
    return t(key) if key else t("os.other", detail=error.strerror or type(error).__name__)


def os_problem(error: OSError, path: Path | str | None = None) -> str:
    """One line for an operating-system error: the path (`path`, else the one the error names),
    what went wrong and what to do. Used wherever a file is read, and by the CLI as the last resort
    for any OSError; a failed write says 'opslaan mislukt' with os_reason (formats/atomic_file.py)."""
    shown = path if path is not None else error.filename
    if shown is None:
        return os_reason(error)
    shown = Path(os.fsdecode(shown))
    if _os_key(error) == "os.not_directory":
        shown = _blocking_file(shown)
    return t("file.problem", file=display_path(shown), problem=os_reason(error))



def problem_line(error: BaseException) -> str:
    """What a user reads when something fails: a JuryError's message, an OS error in Dutch with its
    file (os_problem), anything else in one line; never English from the OS, never a traceback."""
    if isinstance(error, JuryError):
        return error.message
    if isinstance(error, OSError):
        return os_problem(error)
    return t("cli.unexpected", detail=f"{type(error).__name__}: {error}")

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
    "finite_number": "field.finite",
    "int_parsing": "field.integer",
    "int_type": "field.integer",
    "int_from_float": "field.integer",
    "bool_parsing": "field.boolean",
    "bool_type": "field.boolean",
    "string_type": "field.text",
    "list_type": "field.list",
    "dict_type": "field.mapping",
    "model_type": "field.mapping",
    "dataclass_type": "field.mapping",
}


# Bounded: a YAML alias bomb or a 100,000-character field must not make the message itself huge or slow.
_repr = reprlib.Repr()
_repr.maxlevel, _repr.maxlist, _repr.maxdict, _repr.maxstring, _repr.maxother = 2, 4, 4, 40, 40


def _shown_value(value: object) -> str:
    """The value as the files spell it (TOML, YAML, JSON), not as Python does: true, null, 2021-01-01."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (dt.date, dt.time)):  # a datetime is a date too
        return value.isoformat()
    shown = _repr.repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def _describe(error: dict) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return t("field.missing")
    if kind in {"extra_forbidden", "unexpected_keyword_argument"}:  # the latter from dataclasses
        return t("field.extra")
    if kind in {"greater_than_equal", "greater_than", "less_than_equal", "less_than"}:
        key = {"greater_than_equal": "field.ge", "greater_than": "field.gt", "less_than_equal": "field.le", "less_than": "field.lt"}[kind]
        limit = next(iter(ctx.values()), "")
        if isinstance(limit, float) and limit.is_integer():
            limit = int(limit)  # "minstens 0", not "minstens 0.0"
        return t(key, limit=limit)
    if kind in {"string_too_short", "too_short"}:
        return t("field.too_short")
    if kind == "string_too_long" and "max_length" in ctx:  # a documented limit (domain/limits.py)
        return t("field.too_long_text", limit=format_number(ctx["max_length"]))
    if kind == "too_long" and "max_length" in ctx:
        return t("field.too_many", limit=format_number(ctx["max_length"]), found=format_number(ctx.get("actual_length")))
    if kind in {"string_too_long", "too_long"}:
        return t("field.too_long")
    if kind == "string_pattern_mismatch" and ctx.get("pattern") in {TEXT_PATTERN, LINE_PATTERN}:
        found = control_character(str(error.get("input", "")), line=ctx["pattern"] == LINE_PATTERN)
        if found is not None:
            return t("field.control_character", character=found[1], position=found[0])
    if kind == "string_pattern_mismatch":
        return t("field.pattern")
    if kind == "json_invalid":  # pydantic's own JSON parser (a submission is read in one pass)
        return t("field.invalid", detail=parser_problem(ctx.get("error", error.get("msg", ""))))
    if kind.startswith("date_"):  # a date field (a datetime field's kinds start with "datetime")
        return t("field.date")
    if kind.startswith("datetime") or kind.startswith("timezone_"):
        return t("field.datetime")
    if kind == "value_error":
        cause = ctx.get("error")
        if isinstance(cause, InvalidValue):
            return t(cause.key, **cause.values)
        return str(cause if cause is not None else error.get("msg", ""))
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


# The parsers (tomllib, json, PyYAML) speak English; the messages a user meets most get a line of their own.
_PARSER_MESSAGES = (
    ("recursion limit exceeded", "parse.too_deep"),
    ("Expected '=' after a key", "parse.expected_equals"),
    ("Expected ']' at the end of a table", "parse.expected_bracket"),
    ("Expected ']]' at the end of an array", "parse.expected_double_bracket"),
    ("Expected newline or end of document", "parse.expected_newline"),
    ("Cannot overwrite a value", "parse.duplicate_key"),
    ("Cannot declare", "parse.duplicate_key"),
    ("Cannot redefine namespace", "parse.duplicate_key"),
    ("Cannot mutate immutable namespace", "parse.duplicate_key"),
    ("Duplicate inline table key", "parse.duplicate_key"),
    ("Invalid value", "parse.invalid_value"),
    ("Invalid statement", "parse.invalid_statement"),
    ("Invalid initial character for a key part", "parse.invalid_key"),
    ("Invalid date or datetime", "parse.invalid_date"),
    ("Unclosed array", "parse.unclosed_list"),
    ("Unclosed inline table", "parse.unclosed_table"),
    ("Unterminated string", "parse.unclosed_string"),
    ("Illegal character", "parse.invalid_character"),
    ("Found invalid character", "parse.invalid_character"),
    ("Unescaped '\\'", "parse.escape"),
    ("Invalid hex value", "parse.escape"),
    ("Escaped character is not", "parse.escape"),
    ("Invalid \\", "parse.escape"),
    ("Expecting value", "parse.expecting_value"),
    ("Expecting property name", "parse.expecting_key"),
    ("Expecting ',' delimiter", "parse.expecting_comma"),
    ("Expecting ':' delimiter", "parse.expecting_colon"),
    ("Invalid control character", "parse.control_character"),
    ("Extra data", "parse.extra_data"),
    ("mapping values are not allowed here", "parse.yaml_colon"),
    ("mapping values are not allowed in this context", "parse.yaml_colon"),  # libyaml's words for the same
    ("exceeded maximum nesting depth", "parse.too_deep"),
    ("could not find expected ':'", "parse.expecting_colon"),
    ("that cannot start any token", "parse.invalid_character"),
    ("expected <block end>", "parse.indentation"),
    ("did not find expected", "parse.indentation"),
    ("found unexpected end of stream", "parse.unclosed_string"),
    ("expected ',' or ']'", "parse.unclosed_list"),
    ("expected ',' or '}'", "parse.unclosed_table"),
    ("found unknown escape character", "parse.escape"),
    ("found undefined alias", "parse.yaml_alias"),
    ("found duplicate anchor", "parse.yaml_alias"),
    ("second occurrence", "parse.yaml_alias"),
    ("could not determine a constructor", "parse.yaml_tag"),
    ("found unhashable key", "parse.invalid_key"),
    ("found duplicate key", "parse.duplicate_key"),
)


def parser_problem(message: object) -> str:
    """A parser's message in the user's language where it is a known one; otherwise as the parser put it."""
    text = str(message)
    for start, key in _PARSER_MESSAGES:
        if text.startswith(start) or (start[0].islower() and start in text):
            return t(key)
    return text


def json_problem(error: json.JSONDecodeError) -> str:
    """'regel 3, kolom 5: ...' for a JSON file that does not parse."""
    return t("parse.at", line=error.lineno, column=error.colno, problem=parser_problem(error.msg))


def utf8_line(raw: bytes, error: UnicodeDecodeError) -> int:
    """The line (from 1) holding the first byte that is not UTF-8."""
    return raw.count(b"\n", 0, error.start) + 1


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def has_lone_surrogate(text: str, data: object) -> bool:
    """JSON may spell a half of a surrogate pair (\\ud800) that is no character at all; such text
    cannot be written or hashed as UTF-8. Only checked when the text has such an escape."""
    if not _SURROGATE_ESCAPE.search(text):
        return False
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


# What a terminal would act on instead of showing: C0 controls, DEL, C1 (0x9b is an 8-bit CSI) and the
# bidirectional overrides and isolates (they reorder what follows: "Trojan Source"); and the halves of
# surrogate pairs a file name's undecodable bytes become (printing them would fail).
_INVISIBLE_IN_LINES = re.compile(f"[{CONTROL_CHARACTERS}\ud800-\udfff]")
_INVISIBLE = re.compile(f"[\t\n{CONTROL_CHARACTERS}\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _json_escape(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}"


def visible(text: object, *, lines: bool = False, for_json: bool = False) -> str:
    """`text` as a terminal shows it without acting on it: every control character as an escape
    (ESC as \\x1b, RLO as \\u202e). One line unless `lines` (newline and tab kept: a text over
    several lines by design); `for_json` writes escapes JSON reads back (\\u001b), for JSON output."""
    text = str(text)
    pattern = _INVISIBLE_IN_LINES if lines else _INVISIBLE
    if not pattern.search(text):
        return text
    return pattern.sub(_json_escape if for_json else _escape, text)


def value_problem(error: ValidationError) -> str:
    """The first problem of a pydantic error about one value (not a file's field), in the user's words."""
    return _describe(error.errors(include_url=False)[0])
