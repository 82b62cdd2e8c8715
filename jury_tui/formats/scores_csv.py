"""A juror's draft in a spreadsheet: a CSV template to fill in, and its import.

Columns that count: application_id, criterion_id, score, motivation. Other columns (municipality,
criterion name, ...) are there to help the juror and are ignored on import. Rows with neither
a score nor a motivation change nothing.

The template is written as every CSV of this program (jury_tui.formats.spreadsheet): `;` unless
asked otherwise, formula-like text behind an apostrophe. The import reads such a cell back as the
juror meant it, and refuses a motivation that a spreadsheet replaced by its error value (#NAME?).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jury_tui.domain.assessment import ApplicationAssessment, ScoreChange
from jury_tui.domain.session import SessionDefinition
from jury_tui.errors import JuryError, display_path, file_error
from jury_tui.formats.files import read_text
from jury_tui.formats.jurors_file import duplicate_column, sniff_dialect
from jury_tui.formats.spreadsheet import (
    DEFAULT_SEPARATOR,
    is_spreadsheet_error,
    read_cell,
    write_csv_file,
)
from jury_tui.formats.validation import motivation_problem
from jury_tui.i18n import t

REQUIRED_COLUMNS = ("application_id", "criterion_id", "score", "motivation")
TEMPLATE_COLUMNS = ("application_id", "municipality", "criterion_id", "criterion", "scale", *REQUIRED_COLUMNS[2:])


def write_template(
    session: SessionDefinition,
    conflicts: frozenset[str],
    assessment_of: Callable[[str], ApplicationAssessment],
    out: Path,
    delimiter: str = DEFAULT_SEPARATOR,
    lang: str = "nl",
) -> int:
    """One row per application and criterion, pre-filled with what the juror already has."""
    scale = session.criteria.scale
    scale_hint = f"{scale.min}-{scale.max}"
    rows = [
        [
            application.id,
            application.label,
            criterion.id,
            criterion.name.get(lang),
            scale_hint,
            entry.score,  # a number: never taken for a formula, whatever its sign
            entry.motivation,
        ]
        for application in session.applications
        if application.id not in conflicts
        for assessment in [assessment_of(application.id)]
        for criterion in session.criteria.criteria
        for entry in [assessment.get(criterion.id)]
    ]
    write_csv_file(out, [TEMPLATE_COLUMNS, *rows], delimiter)
    return len(rows)


@dataclass(frozen=True)
class ParsedScores:
    changes: list[ScoreChange]
    problems: list[str]


# Digits 0-9 only, with an optional decimal part ("4", "4,0", "4.0"): Python's float() would also take
# "1_0" (ten), "1e0", "nan" and non-Latin digits.
_SCORE = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")


def _parse_score(raw: str) -> int | None | str:
    raw = raw.strip()
    if not raw:
        return None
    if not _SCORE.fullmatch(raw):
        return raw
    value = float(raw.replace(",", "."))
    if not value.is_integer():
        return raw
    return int(value)


def _shown(raw: str) -> str:
    return raw if len(raw) <= 40 else raw[:37] + "..."


def parse_scores_csv(path: Path, session: SessionDefinition, conflicts: frozenset[str]) -> ParsedScores:
    """Read and check every row; problems are collected, one line each, so the juror fixes all at once."""
    text = read_text(path, "scores")
    shown = display_path(path)
    # strict: an unclosed quote is an error, not a motivation that silently swallows the rows after it
    reader = csv.reader(io.StringIO(text), delimiter=sniff_dialect(text), strict=True)
    try:
        header = [cell.strip().lower() for cell in next(reader)]
    except StopIteration:
        raise file_error(path, t("file.empty")) from None
    except csv.Error:
        raise JuryError(t("file.line_problem", file=shown, line=1, problem=t("csv.quote"))) from None
    if not set(REQUIRED_COLUMNS) <= set(header):
        raise file_error(path, t("csv.header"))
    if duplicate_column(header):
        raise JuryError(t("file.line_problem", file=shown, line=1, problem=t("csv.duplicate_column", column=duplicate_column(header))))
    index = {name: header.index(name) for name in REQUIRED_COLUMNS}
    criteria = session.criteria
    changes: list[ScoreChange] = []
    problems: list[str] = []
    seen: dict[tuple[str, str], int] = {}

    def problem(line: int, message: str) -> None:
        problems.append(t("file.line_problem", file=shown, line=line, problem=message))

    next_row_line = reader.line_num + 1
    try:
        for row in reader:
            line = reader.line_num
            next_row_line = line + 1
            if not any(cell.strip() for cell in row):
                continue
            # More filled cells than the header has columns: an unquoted separator inside a
            # motivation; importing the row would silently cut the motivation short.
            if len(row) < len(header) or any(cell.strip() for cell in row[len(header) :]):
                problem(line, t("csv.columns", expected=len(header), found=len(row)))
                continue
            application_id = read_cell(row[index["application_id"]].strip())
            criterion_id = read_cell(row[index["criterion_id"]].strip())
            # A score is a number: a leading apostrophe (a spreadsheet's "this is text" mark) is dropped.
            score = _parse_score(row[index["score"]].strip().removeprefix("'"))
            motivation = read_cell(row[index["motivation"]].strip()).strip()
            if not session.has_application(application_id):
                problem(line, t("score.unknown_application", application=application_id))
                continue
            if criterion_id not in criteria.criterion_ids:
                problem(line, t("score.unknown_criterion", criterion=criterion_id))
                continue
            key = (application_id, criterion_id)
            if key in seen:
                problem(line, t("score.duplicate_row", application=application_id, criterion=criterion_id, line=seen[key]))
                continue
            seen[key] = line
            if score is None and not motivation:
                continue
            if application_id in conflicts:
                problem(line, t("score.conflict", application=application_id))
                continue
            if isinstance(score, str):
                problem(line, t("score.not_a_number", score=_shown(score)))
                continue
            if score is not None and not criteria.scale.contains(score):
                problem(line, t("score.off_scale", score=_shown(str(score)), min=criteria.scale.min, max=criteria.scale.max))
                continue
            if is_spreadsheet_error(motivation):
                problem(line, t("csv.spreadsheet_error", value=_shown(motivation)))
                continue
            if (refused := motivation_problem(motivation)) is not None:
                problem(line, refused)
                continue
            changes.append(ScoreChange(application_id, criterion_id, score, motivation))
    except csv.Error as error:
        problem(next_row_line, t("field.too_long") if "field larger" in str(error) else t("csv.quote"))
    if not changes and not problems:
        problems.append(t("file.problem", file=shown, problem=t("csv.no_rows")))
    return ParsedScores(changes, problems)
