"""Markdown files with YAML front matter (applications, progress reports): the front matter as data,
the body as text; the body's sections are its '## ' headings."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from pathlib import Path

import yaml

from jury_tui.errors import file_error, parser_problem
from jury_tui.i18n import t

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)(.*)\Z", re.DOTALL)
# "750.000" is 750 thousand to a Flemish reader but 750.0 to YAML: refuse it rather than guess. Also
# inside a list ("  planned: 124.000").
_THOUSANDS_SEPARATED = re.compile(r"^[\s-]*([a-z_]+)\s*:\s*[\"']?(\d{1,3}(?:\.\d{3})+(?:,\d+)?)[\"']?\s*(?:#.*)?$")
_DATE_VALUE = re.compile(r"^[\s-]*([a-z_]+)\s*:\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[\sTt#]|$)")
_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)[ \t]*:", re.MULTILINE)
_SECTION_HEADING = re.compile(r"^##[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)


# libyaml's parser when PyYAML was built with it (the wheels are): ten times faster on a folder of
# reports; the same safe constructor (ours below) either way.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FrontMatterLoader(_SAFE_LOADER):
    """PyYAML's safe loader, but a key given twice is an error instead of 'the last one wins'."""

    def construct_mapping(self, node, deep=False):
        seen: set[object] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                if key_node.value in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"found duplicate key {key_node.value!r}", key_node.start_mark
                    )
                seen.add(key_node.value)
        return super().construct_mapping(node, deep=deep)


def read_front_matter(text: str, path: Path, amount_fields: Collection[str]) -> tuple[dict, str]:
    """The front matter as a mapping and the body after it, or a JuryError naming `path` (and the
    line, where YAML gives one). An amount in `amount_fields` written with thousands dots is refused."""
    match = _FRONT_MATTER.match(text)
    if not match:
        raise file_error(path, t("md.no_front_matter"))
    try:
        meta = yaml.load(match.group(1), Loader=_FrontMatterLoader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as error:
        detail = parser_problem(getattr(error, "problem", None) or (str(error).splitlines() or [type(error).__name__])[0])
        mark = getattr(error, "problem_mark", None)
        if mark is not None:  # the front matter starts on the file's second line
            detail = t("parse.at", line=mark.line + 2, column=mark.column + 1, problem=detail)
        raise file_error(path, t("md.yaml", detail=detail)) from None
    except (ValueError, TypeError, OverflowError):  # e.g. a date with month 13: PyYAML's own constructors raise these
        raise file_error(path, _bad_date(match.group(1)) or t("md.yaml", detail=t("parse.yaml_value"))) from None
    except RecursionError:
        raise file_error(path, t("md.yaml", detail=t("parse.too_deep"))) from None
    for line_number, line in enumerate(match.group(1).split("\n"), start=2):
        amount = _THOUSANDS_SEPARATED.match(line)
        if amount and amount.group(1) in amount_fields:
            raise file_error(path, t("md.thousands", line=line_number, field=amount.group(1), value=amount.group(2)))
    if not isinstance(meta, dict):
        raise file_error(path, t("md.front_matter_not_mapping"))
    return meta, match.group(2)


def _bad_date(front_matter: str) -> str | None:
    """The first line whose value looks like a date YAML reads (2024-13-01) but is none, worded with
    its line and field; None when no line is to blame."""
    for line_number, line in enumerate(front_matter.split("\n"), start=2):
        found = _DATE_VALUE.match(line)
        if found is None:
            continue
        try:
            dt.date(int(found.group(2)), int(found.group(3)), int(found.group(4)))
        except ValueError:
            return t("md.bad_date", line=line_number, field=found.group(1), value="-".join(found.group(2, 3, 4)))
    return None


def front_matter_keys(text: str) -> set[str]:
    """The top-level keys of a text's front matter, without parsing it (to tell kinds of file apart);
    empty when there is none."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return set()
    return set(_TOP_LEVEL_KEY.findall(match.group(1)))


def split_sections(body: str) -> list[dict[str, str]]:
    """The body split at level-2 headings; text before the first heading is ignored as preamble.
    As data, not Sections: pydantic validates (limits, control characters) what it builds itself."""
    matches = list(_SECTION_HEADING.finditer(body))
    sections = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(body)
        sections.append({"heading": match.group(1).strip(), "body": body[match.end() : end].strip()})
    return sections
