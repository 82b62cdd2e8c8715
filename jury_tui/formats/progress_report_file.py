"""Progress reports (call §5, "Rapportage"): one Markdown file per contract and year, YAML front matter
with the figures, free sections as '## ' headings (docs/file-formats.md, "Progress report")."""

from __future__ import annotations

from pathlib import Path

from jury_tui.domain.follow_up import MAX_REPORTS, ProgressReport
from jury_tui.errors import JuryError, file_error
from jury_tui.formats.files import list_folder, read_text
from jury_tui.formats.front_matter import read_front_matter, split_sections
from jury_tui.formats.validation import validate
from jury_tui.formatting import format_number
from jury_tui.i18n import t

# Amounts, and the indicators' figures: "2.000" is two thousand to a Flemish reader, 2.0 to YAML.
AMOUNT_FIELDS = {"planned", "spent", "co_financing_paid", "baseline", "target", "measured"}


def parse_progress_report(text: str, path: Path) -> ProgressReport:
    meta, body = read_front_matter(text, path, AMOUNT_FIELDS)
    sections = split_sections(body)
    if not sections:
        raise file_error(path, t("md.no_sections"))
    meta.pop("sections", None)
    return validate(ProgressReport, {**meta, "sections": sections}, path)


def load_progress_report(path: Path) -> ProgressReport:
    return parse_progress_report(read_text(path, "progress_report"), path)


def load_progress_reports(folder: Path) -> list[ProgressReport]:
    """Every *.md in a folder, sorted by file name; one report per contract and year."""
    return [report for _, report in load_progress_report_files(folder)]


def load_progress_report_files(folder: Path) -> list[tuple[Path, ProgressReport]]:
    """As load_progress_reports, each report with its file (for messages that name it)."""
    files = list_folder(folder, ".md")
    if not files:
        raise file_error(folder, t("reports.none"))
    if len(files) > MAX_REPORTS:
        raise file_error(folder, t("reports.too_many", count=format_number(len(files)), limit=format_number(MAX_REPORTS)))
    reports: list[tuple[Path, ProgressReport]] = []
    origin: dict[tuple[str, int], Path] = {}
    problems: list[str] = []
    for path in files:
        try:
            report = load_progress_report(path)
        except JuryError as error:
            problems.extend(error.problems)
            continue
        key = (report.contract, report.year)
        if key in origin:
            problems.append(file_error(path, t("reports.twice", contract=report.contract, year=report.year,
                                               other=origin[key].name)).message)
            continue
        origin[key] = path
        reports.append((path, report))
    if problems:
        raise JuryError(problems[0], problems)
    return reports
