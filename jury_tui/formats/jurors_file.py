"""The jurors of a session: a TOML file ([[jurors]] id, name, role) or a CSV (id,name,role)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from jury_tui.domain.limits import MAX_JURORS
from jury_tui.domain.session import Juror, Role
from jury_tui.errors import JuryError, display_path, file_error
from jury_tui.formats.files import read_text, read_toml
from jury_tui.formats.validation import validate
from jury_tui.i18n import t


def sniff_dialect(text: str) -> str:
    """Comma or semicolon, whichever the header row uses (Excel in Flanders writes ';')."""
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def _check(path: Path, jurors: list[Juror]) -> list[Juror]:
    if not jurors:
        raise file_error(path, t("jurors.none"))
    if len(jurors) > MAX_JURORS:  # the documented limit (docs/security.md)
        raise file_error(path, t("jurors.too_many", count=len(jurors), limit=MAX_JURORS))
    seen: set[str] = set()
    for juror in jurors:
        if juror.id in seen:
            raise file_error(path, t("jurors.duplicate_id", id=juror.id))
        seen.add(juror.id)
    if not any(juror.role is Role.VOTING for juror in jurors):
        raise file_error(path, t("jurors.no_voting"))
    return jurors


def load_jurors(path: Path) -> list[Juror]:
    if path.suffix.lower() == ".csv":
        return _check(path, _load_csv(path))
    data = read_toml(path, "jurors")
    entries = data.get("jurors")
    if not isinstance(entries, list):
        raise JuryError(t("file.field_problem", file=display_path(path), field="jurors", problem=t("field.missing")))
    jurors = []
    for index, entry in enumerate(entries):
        jurors.append(validate(Juror, entry, path, prefix=f"jurors[{index + 1}]"))
    return _check(path, jurors)


def duplicate_column(header: list[str]) -> str | None:
    """A column name that occurs twice in a header row: which of the two counts would be a guess."""
    seen: set[str] = set()
    for name in header:
        if name and name in seen:
            return name
        seen.add(name)
    return None


def _load_csv(path: Path) -> list[Juror]:
    text = read_text(path, "jurors")
    shown = display_path(path)
    # strict: an unclosed quote is an error, not a name that silently swallows the rows after it
    reader = csv.reader(io.StringIO(text), delimiter=sniff_dialect(text), strict=True)
    jurors = []
    line = 1
    try:
        header = [cell.strip().lower() for cell in next(reader, [])]
        if not {"id", "name", "role"} <= set(header):
            raise file_error(path, t("jurors.csv_header"))
        if duplicate_column(header):
            raise JuryError(t("file.line_problem", file=shown, line=1, problem=t("csv.duplicate_column", column=duplicate_column(header))))
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            # more filled cells than columns: an unquoted separator inside a name
            if any(cell.strip() for cell in row[len(header) :]):
                raise JuryError(t("file.line_problem", file=shown, line=line, problem=t("csv.columns", expected=len(header), found=len(row))))
            clean = dict(zip(header, (cell.strip() for cell in row)))
            try:
                jurors.append(validate(Juror, {key: clean.get(key, "") for key in ("id", "name", "role")}, path))
            except JuryError as error:
                problem = error.problems[0].split(": ", 1)[1]
                raise JuryError(t("file.line_problem", file=shown, line=line, problem=problem)) from None
    except csv.Error as error:
        problem = t("field.too_long") if "field larger" in str(error) else t("csv.quote")
        raise JuryError(t("file.line_problem", file=shown, line=reader.line_num or line, problem=problem)) from None
    return jurors
