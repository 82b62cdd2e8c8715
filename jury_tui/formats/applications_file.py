"""Applications as Markdown files with YAML front matter; the form's sections are '## ' headings."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from jury_tui.domain.applications import Application
from jury_tui.domain.limits import MAX_APPLICATIONS
from jury_tui.errors import JuryError, file_error, parser_problem
from jury_tui.formats.files import list_folder, read_text
from jury_tui.formats.validation import validate
from jury_tui.formatting import format_number
from jury_tui.i18n import t

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)(.*)\Z", re.DOTALL)
# "750.000" is 750 thousand to a Flemish reader but 750.0 to YAML: refuse it rather than guess.
_THOUSANDS_SEPARATED = re.compile(r"^\s*([a-z_]+)\s*:\s*[\"']?(\d{1,3}(?:\.\d{3})+(?:,\d+)?)[\"']?\s*(?:#.*)?$")
AMOUNT_FIELDS = {"requested_subsidy", "budgeted_cost", "co_financing", "infrastructure_amount"}
_SECTION_HEADING = re.compile(r"^##[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)


class _FrontMatterLoader(yaml.SafeLoader):
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


def split_sections(body: str) -> list[dict[str, str]]:
    """The body split at level-2 headings; text before the first heading is ignored as preamble.
    As data, not Sections: pydantic validates (limits, control characters) what it builds itself."""
    matches = list(_SECTION_HEADING.finditer(body))
    sections = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(body)
        sections.append({"heading": match.group(1).strip(), "body": body[match.end() : end].strip()})
    return sections


def parse_application(text: str, path: Path) -> Application:
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
        raise file_error(path, t("md.yaml", detail=t("parse.yaml_value"))) from None
    except RecursionError:
        raise file_error(path, t("md.yaml", detail=t("parse.too_deep"))) from None
    for line_number, line in enumerate(match.group(1).split("\n"), start=2):
        amount = _THOUSANDS_SEPARATED.match(line)
        if amount and amount.group(1) in AMOUNT_FIELDS:
            raise file_error(path, t("md.thousands", line=line_number, field=amount.group(1), value=amount.group(2)))
    if not isinstance(meta, dict):
        raise file_error(path, t("md.front_matter_not_mapping"))
    sections = split_sections(match.group(2))
    if not sections:
        raise file_error(path, t("md.no_sections"))
    if "sections" in meta:
        meta.pop("sections")
    return validate(Application, {**meta, "sections": sections}, path)


def load_application(path: Path) -> Application:
    return parse_application(read_text(path), path)


def load_applications(folder: Path) -> list[Application]:
    """Every *.md in a folder, sorted by file name; ids must be unique."""
    files = list_folder(folder, ".md")  # a FIFO or folder named *.md is refused when read, with its own line
    if not files:
        raise file_error(folder, t("applications.none"))
    if len(files) > MAX_APPLICATIONS:  # before reading any: the documented limit (docs/security.md)
        raise file_error(folder, t("applications.too_many", count=format_number(len(files)),
                                   limit=format_number(MAX_APPLICATIONS)))
    applications: list[Application] = []
    origin: dict[str, Path] = {}
    problems: list[str] = []
    for path in files:
        try:
            application = load_application(path)
        except JuryError as error:
            problems.extend(error.problems)
            continue
        if application.id in origin:
            problems.append(file_error(path, t("applications.duplicate_id", id=application.id, other=origin[application.id].name)).message)
            continue
        origin[application.id] = path
        applications.append(application)
    if problems:
        raise JuryError(problems[0], problems)
    return applications
