"""Every CSV this program writes, and how a cell written by it is read back (OWASP's CSV injection rule).

A spreadsheet opening a CSV runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
return as a formula. Such text gets a leading apostrophe: the spreadsheet then shows it as text.
Numbers (a score of -1) are not text and are written as they are. Text that starts with apostrophes
followed by one of those characters gets one more apostrophe, so that reading it back
(`read_cell`) always gives the text as written: `=SOM(A1)` → `'=SOM(A1)` → `=SOM(A1)`, and
`'=x` → `''=x` → `'=x`; `'t Is goed` (no formula after the apostrophe) is written as it is.

The separator is `;` by default (Excel in Flanders opens such a file directly), `,` on request.
The file is UTF-8 with a byte order mark (so Excel shows é, ë, €) and Windows line ends.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path

from jury_tui.formats.atomic_file import write_atomic

SEPARATORS = (";", ",")
DEFAULT_SEPARATOR = ";"

# What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# What a spreadsheet writes in a cell whose formula failed, English and Dutch: a motivation that
# arrives as one of these was taken for a formula by the spreadsheet (the juror's text is lost).
SPREADSHEET_ERROR = re.compile(
    r"#(?:NAME\?|VALUE!|REF!|DIV/0!|N/A|NUM!|NULL!|SPILL!|CALC!|NAAM\?|WAARDE!|VERW!|DEEL/0!|N/B|GETAL!|LEEG!|OVERLOOP!|BEREKENEN!)",
    re.IGNORECASE,
)


def _needs_guard(text: str) -> bool:
    return text.lstrip("'").startswith(FORMULA_START)


def spreadsheet_cell(value: object, separator: str = DEFAULT_SEPARATOR) -> object:
    """A value as the CSV holds it: None → empty, formula-like text → with a leading apostrophe, a
    whole number as it is, any other number with the decimal mark a reader of this separator
    expects (`24,5` with `;`, `24.5` with `,`)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return "'" + value if _needs_guard(value) else value
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        text = repr(value)
        return text.replace(".", ",") if separator == ";" else text
    return value


def read_cell(text: str) -> str:
    """A cell as the juror meant it: one leading apostrophe that guards a formula-like text (as
    `spreadsheet_cell` writes it, or as the juror typed it) is taken off; anything else as it is."""
    if text.startswith("'") and _needs_guard(text[1:]):
        return text[1:]
    return text


def is_spreadsheet_error(text: str) -> bool:
    """Whether a cell holds only a spreadsheet's error value (#NAME?, #WAARDE!, …)."""
    return SPREADSHEET_ERROR.fullmatch(text.strip()) is not None


def csv_bytes(rows: Iterable[Iterable[object]], separator: str = DEFAULT_SEPARATOR) -> bytes:
    """The CSV file's bytes: every cell through `spreadsheet_cell`, BOM, CRLF line ends."""
    if separator not in SEPARATORS:
        raise ValueError(separator)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    for row in rows:
        writer.writerow([spreadsheet_cell(value, separator) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def write_csv_file(path: Path, rows: Iterable[Iterable[object]], separator: str = DEFAULT_SEPARATOR) -> None:
    """Write `rows` as a CSV file, atomically (mode 0600)."""
    write_atomic(Path(path), csv_bytes(rows, separator))
