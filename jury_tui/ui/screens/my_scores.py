"""Mijn scores (key o): the juror's own scores, applications × criteria, to compare applications and
keep one scale.

One row per application (status marker, label and as much of the title as fits), one column per
criterion (its abbreviation as the scoring panel's strip shows it), the juror's own total. A score
whose motivation is still required shows a mark ("4!"), a missing score a dash; a conflicted
application shows no scores. The total is the criteria's own rule (domain.aggregation.weighted_total:
the sum of weight × score, unknown while a criterion has no score).

Sorted by the column under the cursor (s, or a click on its header) or by the total (t): the highest
first, again the same key for the lowest first; missing scores and conflicts always last, ties in
the list's order. The label column (s there, or its header) brings back the list's order. Enter on a
cell closes the screen with (application index, criterion index or None) and the assessment screen
goes there. The screen only shows: it reads what the assessment screen hands it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style as RichStyle
from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.style import Style
from textual.widgets import DataTable, Static

from jury_tui.domain.aggregation import weighted_total
from jury_tui.domain.applications import Application
from jury_tui.domain.assessment import (
    ApplicationAssessment,
    Status,
    criterion_is_complete,
    progress,
)
from jury_tui.domain.criteria import CriteriaSet
from jury_tui.domain.session import SessionDefinition
from jury_tui.formatting import DASH, format_compact
from jury_tui.i18n import language, t
from jury_tui.ui.keys import KeySpec, SpecBindings, app_keys, bindings_for, for_session
from jury_tui.ui.layout import TALL_SCREEN
from jury_tui.ui.widgets.key_footer import KeyFooter
from jury_tui.ui.widgets.scoring_panel import criterion_abbreviation
from jury_tui.ui.widgets.status import MARKERS, STYLES
from jury_tui.ui.wording import subject_t

LABEL = "application"
TOTAL = "total"
NO_MOTIVATION = "!"  # after a score whose motivation the criteria still require
CONFLICT = MARKERS[Status.CONFLICT]
DESCENDING, ASCENDING = "▼", "▲"
MIN_LABEL_WIDTH = 12
MAX_LABEL_WIDTH = 60  # wider, and the scores would sit far from their application
CELL_PADDING = 1  # DataTable's default: one column each side of every cell
SCROLLBAR = 1  # see jury.tcss: the table's vertical scroll bar


@dataclass(frozen=True)
class Order:
    """How the rows are sorted: column None is the list's order, else TOTAL or a criterion id."""

    column: str | None = None
    descending: bool = True


def total_of(criteria: CriteriaSet, assessment: ApplicationAssessment) -> float | None:
    return weighted_total(criteria, {criterion.id: assessment.get(criterion.id).score for criterion in criteria.criteria})


def sorted_ids(
    applications: Sequence[Application],
    criteria: CriteriaSet,
    assessments: Mapping[str, ApplicationAssessment],
    conflicts: frozenset[str],
    order: Order,
) -> list[str]:
    """The application ids in `order`: known values first (highest or lowest first), then those
    without a value, then the conflicted ones; within each, the list's order."""
    ids = [application.id for application in applications]
    if order.column is None:
        return ids

    def value(application_id: str) -> float | None:
        assessment = assessments.get(application_id) or ApplicationAssessment(application_id)
        if order.column == TOTAL:
            return total_of(criteria, assessment)
        return assessment.get(order.column).score

    def key(application_id: str) -> tuple[int, float]:
        if application_id in conflicts:
            return 2, 0.0
        known = value(application_id)
        if known is None:
            return 1, 0.0
        return 0, -known if order.descending else known

    return sorted(ids, key=key)  # stable: ties keep the list's order


def _rich(style: str) -> RichStyle:
    """A style of the theme ("bold $warning") as the rich style a DataTable cell takes (the app's
    stylesheet caches what it parsed)."""
    return Style.parse(style).rich_style


class LabelCell(Text):
    """The label cell (marker and name), knowing which application it is: the key DataTable.sort
    sorts by."""

    def __init__(self, application_id: str) -> None:
        super().__init__()
        self.application_id = application_id


class MyScoresScreen(SpecBindings, Screen[tuple[int, int | None] | None]):
    """Dismisses with (application index, criterion index, or None for the label and total
    columns) when the juror opens a cell, None when closed."""

    AUTO_FOCUS = "#my-scores-table"
    KEYS = [
        # Enter is the table's own (select_cursor): listed so the footer shows it translated.
        KeySpec("select_cursor", "", "⏎", "ui.my_scores.key.open", "ui.my_scores.key.open.help"),
        KeySpec("sort_column", "s", "s", "ui.my_scores.key.sort", "ui.my_scores.key.sort.help"),
        KeySpec("sort_total", "t", "t", "ui.my_scores.key.sort_total", "ui.my_scores.key.sort_total.help"),
        KeySpec("close", "escape,o,q", "Esc", "ui.key.back", "ui.key.close"),
    ]
    BINDINGS = bindings_for(KEYS)

    def __init__(
        self,
        criteria: CriteriaSet,
        applications: Sequence[Application],
        assessments: Mapping[str, ApplicationAssessment],
        conflicts: frozenset[str],
        statuses: Mapping[str, Status],
        start: tuple[str, str] | None = None,
        session: SessionDefinition | None = None,
    ) -> None:
        """`start`: (application id, criterion id) where the cursor starts (the juror's current cell)."""
        super().__init__()
        self.criteria = criteria
        self.applications = list(applications)
        self.assessments = assessments
        self.conflicts = conflicts
        self.statuses = statuses
        self.session = session  # its words for what is assessed (ui/wording.py)
        self.lang = language()
        self.order = Order()
        self._index = {application.id: index for index, application in enumerate(self.applications)}
        self._abbreviations = {
            criterion.id: criterion_abbreviation(criterion, self.lang) for criterion in criteria.criteria
        }
        self._start = start
        self._label_width = 0

    def key_specs(self) -> list[KeySpec]:
        return for_session(self.KEYS + app_keys(), self.session)

    # --- layout --------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static(id="my-scores-title", classes="screen-title", markup=False)
        yield DataTable(id="my-scores-table", cursor_type="cell", fixed_columns=1, zebra_stripes=True)
        yield Static(id="my-scores-cell", markup=False)
        yield Static(id="my-scores-legend", markup=False)
        yield Static(id="my-scores-status", markup=False)
        yield KeyFooter()

    @property
    def table(self) -> DataTable:
        return self.query_one("#my-scores-table", DataTable)

    def on_mount(self) -> None:
        self._build()
        if self._start is not None:
            application_id, criterion_id = self._start
            self._move_to(application_id, self._column_keys().index(criterion_id))
        self._draw_lines()

    def on_resize(self) -> None:
        self.set_class(self.size.height >= TALL_SCREEN, "-tall")  # room for the criteria's full names
        if self._label_width_for(self.size.width) != self._label_width:
            cursor = self._cursor_cell()
            self._build()
            if cursor is not None:
                self._move_to(*cursor)

    # --- the table -----------------------------------------------------------------------------
    def _column_keys(self) -> list[str]:
        return [LABEL, *self.criteria.criterion_ids, TOTAL]

    def _score_width(self, criterion_id: str) -> int:
        """Room for the abbreviation and the sort arrow, and for the widest cell ("10!")."""
        widest = len(str(self.criteria.scale.max)) + len(NO_MOTIVATION)
        return max(cell_len(self._abbreviations[criterion_id]) + 1, widest)

    def _total_width(self) -> int:
        widest = len(format_compact(sum(c.weight for c in self.criteria.criteria) * self.criteria.scale.max, 2, self.lang))
        return max(cell_len(t("chair.ui.overview.column_total")) + 1, widest)

    def _label_width_for(self, width: int) -> int:
        others = sum(self._score_width(cid) for cid in self.criteria.criterion_ids) + self._total_width()
        padding = 2 * CELL_PADDING * (len(self.criteria.criteria) + 2)
        return max(MIN_LABEL_WIDTH, min(MAX_LABEL_WIDTH, width - others - padding - SCROLLBAR))

    def _column_names(self) -> dict[str, str]:
        return {LABEL: subject_t(self.session, "chair.ui.ranking.column_application"), **self._abbreviations,
                TOTAL: t("chair.ui.overview.column_total")}

    def _header(self, column: str, text: str) -> Text:
        if self.order.column == column or (column == LABEL and self.order.column is None):
            arrow = "" if column == LABEL else (DESCENDING if self.order.descending else ASCENDING)
            return Text(text + arrow, style="bold underline")
        return Text(text)

    def _build(self) -> None:
        """(Re)make the columns for the screen's width and fill the rows in the current order."""
        table = self.table
        self._label_width = self._label_width_for(self.size.width or 80)
        table.clear(columns=True)
        names = self._column_names()
        table.add_column(self._header(LABEL, names[LABEL]), key=LABEL, width=self._label_width)
        for criterion in self.criteria.criteria:
            table.add_column(self._header(criterion.id, names[criterion.id]), key=criterion.id,
                             width=self._score_width(criterion.id))
        table.add_column(self._header(TOTAL, names[TOTAL]), key=TOTAL, width=self._total_width())
        for application in self.applications:  # the list's order: DataTable.sort keeps it for ties
            table.add_row(*self._row(application.id), key=application.id)
        self._sort_rows()

    def _sort_rows(self) -> None:
        """The rows and the headers' marks in the current order (the cursor stays on its cell)."""
        table = self.table
        names = self._column_names()
        for key, column in table.columns.items():
            column.label = self._header(str(key.value), names[str(key.value)])
        rank = {application_id: index for index, application_id in enumerate(
            sorted_ids(self.applications, self.criteria, self.assessments, self.conflicts, self.order))}
        table.sort(LABEL, key=lambda label: rank[label.application_id])

    def _assessment(self, application_id: str) -> ApplicationAssessment:
        return self.assessments.get(application_id) or ApplicationAssessment(application_id)

    def _row(self, application_id: str) -> list[Text]:
        application = self.applications[self._index[application_id]]
        status = self.statuses[application_id]
        marker = MARKERS[status] + " "
        name = application.label if application.title in application.label else f"{application.label} · {application.title}"
        label = LabelCell(application_id)
        label.append(marker, _rich(STYLES[status]))
        label.append(name)
        if label.cell_len > self._label_width:  # cut where the column ends, marked "…" (no space before it)
            label.truncate(self._label_width - 1)
            label.rstrip()
            label.append("…")
        if application_id in self.conflicts:
            muted = _rich("$text-muted")
            return [label, *(Text("", style=muted) for _ in self.criteria.criteria), Text(CONFLICT, style=_rich("bold $text-error"), justify="right")]
        assessment = self._assessment(application_id)
        cells = [label]
        for criterion in self.criteria.criteria:
            entry = assessment.get(criterion.id)
            if entry.score is None:
                cells.append(Text(DASH, style=_rich("$text-muted")))
            elif criterion_is_complete(self.criteria, entry):
                cells.append(Text(str(entry.score)))
            else:
                cells.append(Text(f"{entry.score}{NO_MOTIVATION}", style=_rich("bold $text-warning")))
        total = total_of(self.criteria, assessment)
        cells.append(Text(format_compact(total, 2, self.lang), justify="right",
                          style=_rich("bold") if total is not None else _rich("$text-muted")))
        return cells

    # --- the lines under the table -------------------------------------------------------------
    def _draw_lines(self) -> None:
        summary = progress(self.statuses[application.id] for application in self.applications)
        if self.order.column is None:
            order = t("ui.my_scores.order_list")
        else:
            name = t("chair.ui.overview.column_total") if self.order.column == TOTAL else self.criteria.criterion(self.order.column).name.get(self.lang)
            key = "ui.my_scores.order_highest" if self.order.descending else "ui.my_scores.order_lowest"
            order = t(key, column=name)
        self.query_one("#my-scores-title", Static).update(f"{t('ui.key.my_scores')} · {order}")
        self.query_one("#my-scores-status", Static).update(
            subject_t(self.session, "progress.summary", done=summary.complete, total=summary.to_assess) + " · " + t("ui.my_scores.marks")
        )
        legend = " · ".join(f"{self._abbreviations[c.id]} {c.name.get(self.lang)}" for c in self.criteria.criteria)
        self.query_one("#my-scores-legend", Static).update(legend)
        self._draw_cell_line()

    def _draw_cell_line(self) -> None:
        self.query_one("#my-scores-cell", Static).update(self.cell_words())

    def cell_words(self) -> str:
        """The highlighted cell in words: the application in full, the criterion's full name, what is missing."""
        cell = self._cursor_cell()
        if cell is None:
            return ""
        application_id, column = cell
        application = self.applications[self._index[application_id]]
        head = f"{application.label}: {application.title}"
        keys = self._column_keys()
        key = keys[column]
        if application_id in self.conflicts:
            return f"{head} · {t('status.conflict')}"
        if key == LABEL:
            return head
        if key == TOTAL:
            weighted = any(criterion.weight != 1 for criterion in self.criteria.criteria)
            return f"{head} · {t('ui.my_scores.total_weighted' if weighted else 'ui.my_scores.total_sum')}"
        criterion = self.criteria.criterion(key)
        entry = self._assessment(application_id).get(key)
        if entry.score is None:
            what = t("ui.my_scores.cell_no_score")
        else:
            what = f"{entry.score} ({self.criteria.scale.label(entry.score, self.lang)})"
            if not criterion_is_complete(self.criteria, entry):
                what += " · " + t("ui.my_scores.cell_no_motivation")
        return f"{head} · {criterion.name.get(self.lang)}: {what}"

    # --- the cursor ----------------------------------------------------------------------------
    def _cursor_cell(self) -> tuple[str, int] | None:
        """(application id, column index) under the cursor."""
        table = self.table
        if not table.row_count:
            return None
        row_key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return str(row_key), table.cursor_column

    def _move_to(self, application_id: str, column: int) -> None:
        table = self.table
        table.move_cursor(row=table.get_row_index(application_id), column=column, animate=False)

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        self._draw_cell_line()

    # --- sorting ---------------------------------------------------------------------------------
    def sort_by(self, column: str | None) -> None:
        """Sort by a column: the highest first; the same column again: the lowest first. None or the
        label column: the list's order. The cursor goes to the top of its column."""
        column = None if column == LABEL else column
        if column is None:
            self.order = Order()
        elif self.order.column == column:
            self.order = Order(column, not self.order.descending)
        else:
            self.order = Order(column)
        self._sort_rows()
        self.table.move_cursor(row=0, column=self.table.cursor_column, animate=False)
        self._draw_lines()

    def action_sort_column(self) -> None:
        self.sort_by(self._column_keys()[self.table.cursor_column])

    def action_sort_total(self) -> None:
        self.sort_by(TOTAL)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        self.sort_by(str(event.column_key.value))

    # --- leaving -------------------------------------------------------------------------------
    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        application_id = str(event.cell_key.row_key.value)
        column = str(event.cell_key.column_key.value)
        criterion = self.criteria.criterion_ids.index(column) if column in self.criteria.criterion_ids else None
        self.dismiss((self._index[application_id], criterion))

    def action_close(self) -> None:
        self.dismiss(None)
