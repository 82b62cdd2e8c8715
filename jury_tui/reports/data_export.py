"""The score data export (CSV and XLSX), and `AdviceData`: everything the exports are made from.

`AdviceData` is plain data the caller builds once from the chair's store (`build_advice_data`), so
the writers do no store I/O and can be tested without a disk. The advice PDF
(jury_tui.reports.advice_pdf) is written from the same data.

openpyxl is imported inside `write_xlsx` only; this module is never imported at app start.

CSV: written as every CSV of this program (jury_tui.formats.spreadsheet: UTF-8 with a byte order
mark, `;` unless asked otherwise, formula-like text behind an apostrophe), one row per juror ×
application × criterion for every juror whose submission was imported. A conflicted application
gets rows too, with conflict "ja" and no score, so abstentions are visible in the data. Without the
individual scores (`individual=False`) the CSV holds the summary per application instead, and the
workbook only its summary sheet.

Jurors are anonymised unless `names=True`: "Jurylid C" with the letter the chair's side dealt at
random once for the session (`AdviceData.letters`, passed in by the caller: reports never read the
store), listed in the order of their letters; their role only where no role group is smaller than
two (jury_tui.domain.anonymity).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from jury_tui.domain.advice import AdviceGaps, advice_gaps, eligibility_at_advice
from jury_tui.domain.aggregation import (
    ApplicationAggregate,
    ScoreTable,
    aggregate,
    maximum_total,
    reliability,
)
from jury_tui.domain.anonymity import (
    assign_letters,
    letter_order,
    roles_may_be_shown,
)
from jury_tui.domain.consensus import (
    ApplicationDecision,
    Recommendation,
    selection,
)
from jury_tui.domain.deliberation import Deliberation, GovernmentDecision
from jury_tui.domain.eligibility import (
    EligibilityCheck,
    Outcome,
    overall_outcome,
)
from jury_tui.domain.ranking import RankedApplication, rank, voting_counts
from jury_tui.domain.session import Juror, Role, SessionDefinition
from jury_tui.domain.submission import Submission
from jury_tui.formats.atomic_file import write_atomic
from jury_tui.formats.spreadsheet import DEFAULT_SEPARATOR, write_csv_file
from jury_tui.formatting import format_amount as plain_amount
from jury_tui.formatting import format_compact, format_number, format_percent  # noqa: F401 (re-exported)
from jury_tui.i18n import language, t

# An Excel cell holds at most 32,767 characters.
XLSX_CELL_LIMIT = 32_767


# --- the data ----------------------------------------------------------------------------------


class ExportJurors:
    """The jurors of an export as the reader sees them (named, or by the letters kept for the
    session), shared by the advice (AdviceData) and the evaluation report (EvaluationData). Needs
    `session`, `letters` and `submissions`."""

    def jurors_in_order(self, names: bool = False) -> list[Juror]:
        """Every juror of the session: by id when named, else in the order of their letters (an
        order by id would map the letters back to the jurors)."""
        if names:
            return sorted(self.session.jurors, key=lambda juror: juror.id)
        return sorted(self.session.jurors, key=lambda juror: letter_order(self.letters[juror.id]))

    def juror_labels(self, names: bool = False) -> dict[str, str]:
        """'Jurylid C', … with the letters dealt for the session; the names when `names`."""
        if names:
            return {juror.id: clean_text(juror.name) for juror in self.session.jurors}
        return {juror.id: t("export.juror_label", letter=self.letters[juror.id]) for juror in self.session.jurors}

    def jurors_with_own_scores(self, names: bool = False) -> list[Juror]:
        """The jurors whose own scores an export lists: all of them when named or when roles may be
        shown; else the voting jurors only. The advice prints the voting jurors' range per criterion,
        so an advisory juror's scores beside it would point that juror out by elimination."""
        jurors = self.jurors_in_order(names)
        if self.roles_shown(names):
            return jurors
        return [juror for juror in jurors if juror.role is Role.VOTING]

    def roles_shown(self, names: bool = False) -> bool:
        """Whether each juror's role may be printed next to them (always when named)."""
        return names or roles_may_be_shown(self.session.jurors)

    def conflicts(self, names: bool = False) -> list[tuple[str, str]]:
        """(juror id, application id) for every declared conflict, jurors as `jurors_in_order`, applications in session order."""
        order = {application.id: index for index, application in enumerate(self.session.applications)}
        pairs = []
        for juror in self.jurors_in_order(names):
            submission = self.submissions.get(juror.id)
            if submission is None:
                continue
            for application_id in sorted(submission.conflicts, key=lambda app_id: order.get(app_id, len(order))):
                if application_id in order:
                    pairs.append((juror.id, application_id))
        return pairs


@dataclass(frozen=True)
class AdviceData(ExportJurors):
    """The chair's consolidation and the jurors' submissions, as the exports need them."""

    session: SessionDefinition
    submissions: dict[str, Submission]
    decisions: dict[str, ApplicationDecision]
    selection: list[str]
    table: ScoreTable
    aggregates: dict[str, ApplicationAggregate]
    ranking: list[RankedApplication]
    eligibility: dict[str, list[EligibilityCheck]]
    agreement: dict[str, float | None]
    generated_on: dt.date
    letters: dict[str, str] = field(default_factory=dict)  # juror id -> letter code of the anonymous exports
    deliberation: Deliberation = field(default_factory=Deliberation)  # budget, meeting, tie orders
    government: GovernmentDecision | None = None  # the government's decision, once recorded
    gaps: AdviceGaps = field(default_factory=lambda: AdviceGaps({}, []))  # what is still open (domain/advice.py)
    created: dt.datetime | None = None  # the moment the documents are made (the PDFs' creation date)
    _rows: dict[str, RankedApplication] = field(default_factory=dict, repr=False, compare=False)

    _funded: list[str] = field(default_factory=list, repr=False, compare=False)
    _funded_set: frozenset[str] = field(default=frozenset(), repr=False, compare=False)

    def __post_init__(self) -> None:
        self._rows.update({row.application_id: row for row in self.ranking})
        # Computed once: every table row and page asks whether its application is funded.
        chosen = set(self.selection)
        funded = [row.application_id for row in self.ranking if row.application_id in chosen]
        object.__setattr__(self, "_funded", funded)  # frozen dataclass: set once, here
        object.__setattr__(self, "_funded_set", frozenset(funded))

    # --- selection and amounts ----------------------------------------------------------------
    @property
    def budget(self) -> float:
        """The budget in force: the chair's, else the session's as announced."""
        return self.deliberation.budget_or(self.session.budget)

    @property
    def funded(self) -> list[str]:
        """The applications the advice proposes for funding, in order of rank."""
        return list(self._funded)

    def ranked(self, application_id: str) -> RankedApplication:
        return self._rows[application_id]

    def decision(self, application_id: str) -> ApplicationDecision:
        return self.decisions.get(application_id) or ApplicationDecision(application_id=application_id)

    def advised_amount(self, application_id: str) -> float | None:
        """The amount advised: the chair's amount, or for a funded application the default (the request,
        capped). None for an application that is not funded and has no amount of its own."""
        decision = self.decision(application_id)
        if decision.advised_amount is not None:
            return decision.advised_amount
        if application_id in self._funded_set:
            return self.ranked(application_id).amount
        return None

    def funded_total(self) -> float:
        cents = sum(int(round((self.advised_amount(app_id) or 0.0) * 100)) for app_id in self.funded)
        return cents / 100

    def maximum_total(self) -> float:
        return maximum_total(self.session.criteria)


def build_advice_data(
    session: SessionDefinition,
    submissions: Mapping[str, Submission],
    decisions: Mapping[str, ApplicationDecision],
    *,
    generated_on: dt.date | None = None,
    letters: Mapping[str, str] | None = None,
    deliberation: Deliberation | None = None,
    government: GovernmentDecision | None = None,
    created: dt.datetime | None = None,
) -> AdviceData:
    """The advice data from the jurors' submissions and the chair's decisions (as the chair's store
    gives them): aggregation, ranking, selection and the conditions are computed here, once.
    `letters` are the anonymous jurors' letters kept for the session (jury_tui.store.anonymity);
    without them (a test, a benchmark) letters are dealt at random for this data only. `created`:
    the moment of writing (the PDFs' creation date), now unless given; `generated_on` its date."""
    created = created or dt.datetime.now().astimezone()
    submissions, decisions = dict(submissions), dict(decisions)
    deliberation = deliberation or Deliberation()
    table = ScoreTable(session, submissions.values())
    aggregates = aggregate(session, table)
    eligibility = eligibility_at_advice(session, decisions)
    ranking = rank(session, decisions, {app_id: overall_outcome(checks) for app_id, checks in eligibility.items()},
                   votes=voting_counts(aggregates), tie_orders=deliberation.tie_orders)
    return AdviceData(
        session=session,
        submissions=submissions,
        decisions=decisions,
        selection=selection([application.id for application in session.applications], decisions),
        table=table,
        aggregates=aggregates,
        ranking=ranking,
        eligibility=eligibility,
        agreement=reliability(session, table),
        generated_on=generated_on or created.date(),
        letters=assign_letters([juror.id for juror in session.jurors], letters),
        deliberation=deliberation,
        government=government,
        gaps=advice_gaps(session, decisions, deliberation, ranking, eligibility),
        created=created,
    )


# --- text and number formatting shared by the exports ------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_text(text: str | None) -> str:
    """NFC, Unix line ends, no control characters (a PDF or a spreadsheet cannot show them)."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub("", unicodedata.normalize("NFC", text))


def format_amount(value: float, lang: str | None = None, unit: bool = True) -> str:
    """Euro: '800.000 euro' for a whole amount, '1.024.848,66 euro' otherwise."""
    number = plain_amount(value, lang)
    return t("export.euro", amount=number) if unit else number


def format_score(value: float | None, lang: str | None = None) -> str:
    """A score or total with at most two decimals, trailing zeros dropped: 24 → '24', 24.5 → '24,5'."""
    return format_compact(value, 2, lang)


def format_date(day: dt.date) -> str:
    months = t("export.months").split(",")
    return f"{day.day} {months[day.month - 1]} {day.year}"


def format_datetime(moment: dt.datetime) -> str:
    return t("export.date_time", date=format_date(moment.date()), time=moment.strftime("%H:%M"))


def recommendation_text(recommendation: Recommendation | None) -> str:
    return t(f"export.recommendation.{recommendation.value if recommendation else 'none'}")


def outcome_text(outcome: Outcome) -> str:
    return t(f"export.outcome.{outcome.value}")


def role_text(role: Role) -> str:
    return t(f"role.{role.value}")


# --- the long table ---------------------------------------------------------------------------

SCORE_COLUMNS = (
    "session",
    "juror",
    "role",
    "application_id",
    "municipality",
    "criterion_id",
    "criterion",
    "score",
    "motivation",
    "conflict",
)


def score_header() -> list[str]:
    return [t(f"export.col.{column}") for column in SCORE_COLUMNS]


def score_rows(data: AdviceData, names: bool = False) -> Iterator[list[object]]:
    """One row per juror × application × criterion, for every juror whose submission was imported;
    the role is left empty where it would identify an anonymous juror (`AdviceData.roles_shown`)."""
    session = data.session
    lang = language()
    labels = data.juror_labels(names)
    roles = data.roles_shown(names)
    criteria = session.criteria.criteria
    for juror in data.jurors_with_own_scores(names):
        submission = data.submissions.get(juror.id)
        if submission is None:
            continue
        conflicts = set(submission.conflicts)
        assessed = {
            assessment.application_id: {entry.criterion_id: entry for entry in assessment.scores}
            for assessment in submission.assessments
        }
        for application in session.applications:
            conflicted = application.id in conflicts
            entries = assessed.get(application.id, {})
            for criterion in criteria:
                entry = entries.get(criterion.id)
                yield [
                    session.id,
                    labels[juror.id],
                    role_text(juror.role) if roles else "",
                    application.id,
                    clean_text(application.municipality),
                    criterion.id,
                    criterion.name.get(lang),
                    None if conflicted or entry is None else entry.score,
                    "" if conflicted or entry is None else clean_text(entry.motivation),
                    t("chair.ui.figure.yes") if conflicted else t("chair.ui.figure.no"),
                ]


def write_csv(
    data: AdviceData,
    out: Path,
    names: bool = False,
    *,
    separator: str = DEFAULT_SEPARATOR,
    individual: bool = True,
) -> int:
    """Write the long score table as CSV (without `individual`: the summary per application);
    returns the number of data rows."""
    if individual:
        header, rows = score_header(), list(score_rows(data, names))
    else:
        header, rows = summary_header(data), list(summary_rows(data))
    write_csv_file(Path(out), [header, *rows], separator)
    return len(rows)


# --- the summary per application --------------------------------------------------------------


def summary_header(data: AdviceData) -> list[str]:
    """The summary's columns: rank, the application (and whether its rank is shared ex aequo), the consensus
    score per criterion and the total, the decision (recommendation, amounts, conditions), the
    government's decision when it is recorded, then the motivations (the long texts last)."""
    lang = language()
    names = [criterion.name.get(lang) for criterion in data.session.criteria.criteria]
    government = [t("export.col.government_selected"), t("export.col.government_amount")] if data.government else []
    return [
        t("export.col.rank"),
        t("export.col.application_id"),
        t("export.col.ex_aequo"),
        t("export.col.municipality"),
        t("export.col.neighbourhood"),
        *names,
        t("export.col.total"),
        t("export.col.recommendation"),
        t("export.col.selected"),
        t("export.col.requested"),
        t("export.col.advised"),
        t("export.col.eligibility"),
        *government,
        t("export.col.overall_motivation"),
        *[t("export.col.criterion_motivation", criterion=name) for name in names],
    ]


# The summary's amount columns (formatted as amounts in the workbook), by their header keys.
AMOUNT_COLUMNS = ("export.col.requested", "export.col.advised", "export.col.government_amount")


def summary_rows(data: AdviceData) -> Iterator[list[object]]:
    """Per application, in order of rank, the values of `summary_header`."""
    funded = set(data.funded)
    yes, no = t("chair.ui.figure.yes"), t("chair.ui.figure.no")
    criteria = data.session.criteria.criteria
    for row in data.ranking:
        application = data.session.application(row.application_id)
        decision = data.decision(row.application_id)
        government = []
        if data.government is not None:
            contract = data.government.contract(row.application_id)
            government = [yes if contract is not None else no, contract.amount if contract is not None else None]
        yield [
            row.rank,
            application.id,
            yes if row.ex_aequo else no,
            clean_text(application.municipality),
            clean_text(application.neighbourhood),
            *[decision.get(criterion.id).score for criterion in criteria],
            row.total,
            recommendation_text(decision.recommendation),
            yes if row.application_id in funded else no,
            application.requested_subsidy,
            data.advised_amount(row.application_id),
            outcome_text(overall_outcome(data.eligibility[row.application_id])),
            *government,
            clean_text(decision.overall_motivation),
            *[clean_text(decision.get(criterion.id).motivation) for criterion in criteria],
        ]


def write_xlsx(data: AdviceData, out: Path, names: bool = False, *, individual: bool = True) -> int:
    """Write the workbook: sheet 'Scores' (the long table, unless not `individual`) and
    'Samenvatting' (per application). Returns the number of data rows in the first sheet."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)

    def text_value(value: str) -> str:
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if len(value) > XLSX_CELL_LIMIT:
            note = t("export.xlsx.truncated")
            value = value[: XLSX_CELL_LIMIT - len(note)] + note
        return value

    def put_row(sheet, row_number: int, values: list[object]) -> None:
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row_number, column=column)
            if isinstance(value, str):
                cell.value = text_value(value)
                cell.data_type = "s"  # never a formula, whatever the text starts with
            else:
                cell.value = value

    def finish(sheet, header: list[str], widths: list[float], rows: int) -> None:
        for column, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = width
        for cell in sheet[1]:
            cell.font = bold
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(rows + 1, 1)}"

    workbook = Workbook()
    count = 0
    if individual:
        scores = workbook.active
        scores.title = t("export.sheet.scores")
        header = score_header()
        put_row(scores, 1, header)
        for count, values in enumerate(score_rows(data, names), start=1):
            put_row(scores, count + 1, values)
        finish(scores, header, [18, 26 if names else 13, 15, 13, 18, 15, 34, 7, 80, 16], count)
        summary = workbook.create_sheet(t("export.sheet.summary"))
    else:
        summary = workbook.active
        summary.title = t("export.sheet.summary")
    header = summary_header(data)
    put_row(summary, 1, header)
    criteria_count = len(data.session.criteria.criteria)
    amount_columns = [header.index(t(key)) + 1 for key in AMOUNT_COLUMNS if t(key) in header]
    summary_count = 0
    for summary_count, values in enumerate(summary_rows(data), start=1):
        put_row(summary, summary_count + 1, values)
        for column in amount_columns:
            summary.cell(row=summary_count + 1, column=column).number_format = "#,##0.00"
    widths = [6, 13, 9, 18, 24, *[14] * criteria_count, 8, 16, 12, 16, 18, 15,
              *([14, 18] if data.government else []), 60, *[60] * criteria_count]
    finish(summary, header, widths, summary_count)
    summary.row_dimensions[1].height = 45

    workbook.properties.title = t("export.pdf_title", session=data.session.title)
    workbook.properties.creator = "jury-tui"
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomic(Path(out), buffer.getvalue())
    return count if individual else summary_count


def write_sheets_xlsx(out: Path, sheets: list[tuple[str, list[str], list[list[object]], list[float], list[int]]],
                      title: str) -> None:
    """A workbook of plain sheets (name, header, rows, column widths, indexes of amount columns), as
    the score workbook writes its cells: text never a formula, header bold and frozen, a filter.
    Used by the evaluation report's data export (reports/evaluation_data.py)."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    for index, (name, header, rows, widths, amounts) in enumerate(sheets):
        sheet = workbook.active if index == 0 else workbook.create_sheet(name)
        sheet.title = name
        for number, values in enumerate([header, *rows], start=1):
            for column, value in enumerate(values, start=1):
                cell = sheet.cell(row=number, column=column)
                if isinstance(value, str):
                    value = ILLEGAL_CHARACTERS_RE.sub("", value)
                    if len(value) > XLSX_CELL_LIMIT:
                        note = t("export.xlsx.truncated")
                        value = value[: XLSX_CELL_LIMIT - len(note)] + note
                    cell.value = value
                    cell.data_type = "s"  # never a formula, whatever the text starts with
                else:
                    cell.value = value
                    if number > 1 and column - 1 in amounts:
                        cell.number_format = "#,##0.00"
        for column, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = width
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(len(rows) + 1, 1)}"
    workbook.properties.title = title
    workbook.properties.creator = "jury-tui"
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_atomic(Path(out), buffer.getvalue())
