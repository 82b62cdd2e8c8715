"""Applications as Markdown files with YAML front matter; the form's sections are '## ' headings."""

from __future__ import annotations

from pathlib import Path

from jury_tui.domain.applications import Application
from jury_tui.domain.limits import MAX_APPLICATIONS
from jury_tui.errors import JuryError, file_error
from jury_tui.formats.files import list_folder, read_text
from jury_tui.formats.front_matter import read_front_matter, split_sections
from jury_tui.formats.validation import validate
from jury_tui.formatting import format_number
from jury_tui.i18n import t

AMOUNT_FIELDS = {"requested_subsidy", "budgeted_cost", "co_financing", "infrastructure_amount"}


def parse_application(text: str, path: Path) -> Application:
    meta, body = read_front_matter(text, path, AMOUNT_FIELDS)
    sections = split_sections(body)
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
