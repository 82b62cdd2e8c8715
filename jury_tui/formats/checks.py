"""`jury-tui check`: recognise an input file by its kind and validate it."""

from __future__ import annotations

from pathlib import Path

from jury_tui.domain.session import SessionDefinition
from jury_tui.errors import JuryError, file_error
from jury_tui.formats.applications_file import load_application, load_applications
from jury_tui.formats.criteria_file import load_criteria
from jury_tui.formats.files import list_folder, read_text, read_toml
from jury_tui.formats.front_matter import front_matter_keys
from jury_tui.formats.jurors_file import load_jurors, sniff_dialect
from jury_tui.formats.progress_report_file import (
    load_progress_report_files,
    parse_progress_report,
)
from jury_tui.formats.scores_csv import REQUIRED_COLUMNS, parse_scores_csv
from jury_tui.formats.submission_file import load_submission, read_submission_for
from jury_tui.i18n import t

REPORT_ONLY_KEYS = frozenset({"contract", "period_start", "period_end", "budget_lines", "indicators", "milestones"})


def _is_progress_report(text: str) -> bool:
    """Whether a Markdown file's front matter has a key only a progress report has (an application's
    has none of them)."""
    return not REPORT_ONLY_KEYS.isdisjoint(front_matter_keys(text))


def _folder_of_reports(folder: Path) -> bool:
    """Whether a folder holds progress reports, told by its first *.md alone: the folder's own
    reading (and its limit on the number of files) comes before the other files are opened."""
    files = list_folder(folder, ".md")
    if not files:
        return False
    try:
        return _is_progress_report(read_text(files[0]))
    except JuryError:  # said by the folder's own reading
        return False


def _csv_header(path: Path) -> set[str]:
    text = read_text(path)
    first = text.split("\n", 1)[0]
    return {cell.strip().lower() for cell in first.split(sniff_dialect(text))}


def check_file(path: Path, session: SessionDefinition | None = None) -> str:
    """Validate one file (or a folder of applications); returns its kind, raises JuryError."""
    if path.is_dir():
        if _folder_of_reports(path):
            load_progress_report_files(path)  # also: one report per contract and year
            return "progress_reports"
        load_applications(path)
        return "application"
    if not path.exists():
        raise file_error(path, t("file.not_found"))
    suffix = path.suffix.lower()
    if suffix == ".md":
        text = read_text(path)
        if _is_progress_report(text):
            parse_progress_report(text, path)
            return "progress_report"
        load_application(path)
        return "application"
    if suffix == ".toml":
        data = read_toml(path)
        if "jurors" in data and "criteria" not in data:
            load_jurors(path)
            return "jurors"
        criteria = load_criteria(path)
        return "follow_up_criteria" if criteria.follow_up else "criteria"
    if suffix == ".json":
        if session is None:
            load_submission(path)
        else:  # as the chair's import: this session's, signed by that juror's key, every score fitting
            read_submission_for(path, session)
        return "submission"
    if suffix == ".csv":
        header = _csv_header(path)
        if {"application_id", "criterion_id"} & header:
            if not set(REQUIRED_COLUMNS) <= header:
                raise file_error(path, t("csv.header"))
            if session is not None:
                parsed = parse_scores_csv(path, session, frozenset())
                if parsed.problems:
                    raise JuryError(parsed.problems[0], parsed.problems)
            return "scores"
        load_jurors(path)
        return "jurors"
    raise file_error(path, t("file.unknown_kind"))
