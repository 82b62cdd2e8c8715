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
import hashlib
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jury_tui.domain.assessment import ApplicationAssessment, ScoreChange
from jury_tui.domain.canonical import normalize_text
from jury_tui.domain.session import SessionDefinition
from jury_tui.errors import JuryError, display_path, file_error
from jury_tui.formats.files import decode_text, read_bytes, text_fault
from jury_tui.formats.jurors_file import duplicate_column, sniff_dialect
from jury_tui.formats.spreadsheet import (
    DEFAULT_SEPARATOR,
    is_spreadsheet_error,
    read_cell,
    write_csv_file,
)
from jury_tui.formats.validation import motivation_problem
from jury_tui.i18n import language, t

REQUIRED_COLUMNS = ("application_id", "criterion_id", "score", "motivation")
# `basis`: what the juror's store held when the template was written (see cell_basis); the import
# leaves the rows the spreadsheet did not change to the store, and refuses a cell changed on both sides.
BASIS_COLUMN = "basis"
# Before the two cells the juror fills in, so that score and motivation stay the last columns.
TEMPLATE_COLUMNS = ("application_id", "municipality", "criterion_id", "criterion", "scale", BASIS_COLUMN, *REQUIRED_COLUMNS[2:])


def cell_basis(score: int | None, motivation: str) -> str:
    """A short fingerprint of one cell's score and motivation (blanks around the text do not count)."""
    content = json.dumps([score, normalize_text(motivation).strip()], ensure_ascii=False)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:12]


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
            cell_basis(entry.score, entry.motivation),
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
    unchanged: int = 0  # rows left as the template wrote them (see parse_scores_csv)


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


def _cell(session: SessionDefinition, application_id: str | None, criterion_id: str | None) -> str:
    """The row's cell as the juror knows it from the template: the application's id and label, the
    criterion's id and name (in the juror's language); only what the session knows."""
    lang = language()
    parts = []
    if application_id is not None and session.has_application(application_id):
        label = session.application(application_id).label
        parts.append(t("csv.where.application", id=application_id, label=label))
    if criterion_id is not None and criterion_id in session.criteria.criterion_ids:
        name = session.criteria.criterion(criterion_id).name.get(lang)
        parts.append(t("csv.where.criterion", id=criterion_id, name=name))
    return ", ".join(parts)


def _row_at(before: str) -> tuple[int, str | None, str | None]:
    """The spreadsheet's row (counted in records) of the text that follows `before`, and the
    application and criterion ids of that row when its cells before that point name them."""
    rows = list(csv.reader(io.StringIO(before + "x"), delimiter=sniff_dialect(before)))  # "x": the row being read
    if len(rows) < 2:
        return max(len(rows), 1), None, None
    header = [cell.strip().lower() for cell in rows[0]]
    complete = rows[-1][:-1]  # the last cell is cut off where the fault is

    def cell(column: str) -> str | None:
        position = header.index(column) if column in header else len(complete)
        return complete[position].strip() if position < len(complete) else None

    return len(rows), cell("application_id"), cell("criterion_id")


def parse_scores_csv(
    path: Path,
    session: SessionDefinition,
    conflicts: frozenset[str],
    assessment_of: Callable[[str], ApplicationAssessment] | None = None,
) -> ParsedScores:
    """Read and check every row; problems are collected, one line each, so the juror fixes all at once.

    A problem names the spreadsheet's row, counted in records as Excel and LibreOffice number them
    (row 1 is the header; a motivation with line breaks inside quotes is one row, however many text
    lines it takes), and the application and criterion of that row by id and by name.

    With `assessment_of` (what the store holds now) and a `basis` column (a template's): a row the
    spreadsheet left as the template wrote it changes nothing, so a score or motivation changed in
    the app since then stands; a cell changed in the spreadsheet and in the app is refused."""
    shown = display_path(path)

    def row_problem(row: int, message: str, cell: str = "") -> str:
        if cell:
            return t("csv.row_cell_problem", file=shown, row=row, cell=cell, problem=message)
        return t("csv.row_problem", file=shown, row=row, problem=message)

    raw = read_bytes(path, "scores")
    try:
        text = decode_text(raw, path)
    except JuryError:
        fault = text_fault(raw)
        if fault is None:  # an empty file: said as it is
            raise
        before, message = fault
        row, application_id, criterion_id = _row_at(normalize_text(before))
        raise JuryError(row_problem(row, message, _cell(session, application_id, criterion_id))) from None
    # strict: an unclosed quote is an error, not a motivation that silently swallows the rows after it
    reader = csv.reader(io.StringIO(text), delimiter=sniff_dialect(text), strict=True)

    try:
        header = [cell.strip().lower() for cell in next(reader)]
    except StopIteration:
        raise file_error(path, t("file.empty")) from None
    except csv.Error:
        raise JuryError(row_problem(1, t("csv.quote"))) from None
    if not set(REQUIRED_COLUMNS) <= set(header):
        raise file_error(path, t("csv.header"))
    if duplicate_column(header):
        raise JuryError(row_problem(1, t("csv.duplicate_column", column=duplicate_column(header))))
    index = {name: header.index(name) for name in REQUIRED_COLUMNS}
    index_of_basis = header.index(BASIS_COLUMN) if BASIS_COLUMN in header else None
    unchanged = 0
    criteria = session.criteria
    changes: list[ScoreChange] = []
    problems: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    record = 1  # the header; every row the reader gives (an empty one too) is the spreadsheet's next row

    def problem(message: str, application_id: str | None = None, criterion_id: str | None = None) -> None:
        problems.append(row_problem(record, message, _cell(session, application_id, criterion_id)))

    try:
        for row in reader:
            record += 1
            if not any(cell.strip() for cell in row):
                continue
            # The ids as far as the row has them: a problem with the row's shape still says whose row it is.
            application_id = read_cell(row[index["application_id"]].strip()) if index["application_id"] < len(row) else None
            criterion_id = read_cell(row[index["criterion_id"]].strip()) if index["criterion_id"] < len(row) else None
            # More filled cells than the header has columns: an unquoted separator inside a
            # motivation; importing the row would silently cut the motivation short.
            if len(row) < len(header) or any(cell.strip() for cell in row[len(header) :]):
                problem(t("csv.columns", expected=len(header), found=len(row)), application_id, criterion_id)
                continue
            assert application_id is not None and criterion_id is not None
            # A score is a number: a leading apostrophe (a spreadsheet's "this is text" mark) is dropped.
            score = _parse_score(row[index["score"]].strip().removeprefix("'"))
            motivation = read_cell(row[index["motivation"]].strip()).strip()
            if not session.has_application(application_id):
                problem(t("score.unknown_application", application=_shown(application_id)), None, criterion_id)
                continue
            if criterion_id not in criteria.criterion_ids:
                choices = ", ".join(criteria.criterion_ids)
                problem(t("score.unknown_criterion_of", criterion=_shown(criterion_id), choices=choices), application_id)
                continue
            key = (application_id, criterion_id)
            if key in seen:
                problem(t("csv.duplicate_row", row=seen[key]), application_id, criterion_id)
                continue
            seen[key] = record
            if score is None and not motivation:
                continue
            if application_id in conflicts:
                problem(t("csv.conflict"), application_id, criterion_id)
                continue
            if isinstance(score, str):
                problem(t("score.not_a_number", score=_shown(score)), application_id, criterion_id)
                continue
            if score is not None and not criteria.scale.contains(score):
                off_scale = t("score.off_scale", score=_shown(str(score)), min=criteria.scale.min, max=criteria.scale.max)
                problem(off_scale, application_id, criterion_id)
                continue
            if is_spreadsheet_error(motivation):
                problem(t("csv.spreadsheet_error", value=_shown(motivation)), application_id, criterion_id)
                continue
            if (refused := motivation_problem(motivation)) is not None:
                problem(refused, application_id, criterion_id)
                continue
            basis = row[index_of_basis].strip() if index_of_basis is not None and index_of_basis < len(row) else ""
            if basis and assessment_of is not None and cell_basis(score, motivation) == basis:
                unchanged += 1
                continue  # as the template wrote it: whatever the store holds now stands
            if basis and assessment_of is not None:
                now = assessment_of(application_id).get(criterion_id)
                if cell_basis(now.score, now.motivation) != basis and cell_basis(now.score, now.motivation) != cell_basis(score, motivation):
                    problem(t("csv.changed_on_both_sides"), application_id, criterion_id)
                    continue
            changes.append(ScoreChange(application_id, criterion_id, score, motivation))
    except csv.Error as error:
        record += 1  # the row the reader could not finish
        problem(t("field.too_long") if "field larger" in str(error) else t("csv.quote"))
    if not changes and not problems and not unchanged:
        problems.append(t("file.problem", file=shown, problem=t("csv.no_rows")))
    return ParsedScores(changes, problems, unchanged)
