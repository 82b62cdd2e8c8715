"""The overview: applications × criteria with the mean (or the consensus once set), flags, what is
still open in the advice per application (✓ only when nothing is), total and rank. The line under
the table says in words what is open for the highlighted application (reports/open_points)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Static

from jury_tui.domain.advice import Gap
from jury_tui.domain.criteria import Criterion
from jury_tui.domain.eligibility import Outcome
from jury_tui.i18n import language, t
from jury_tui.reports.open_points import application_line, application_name
from jury_tui.ui.chair import formatting as fmt
from jury_tui.ui.chair.keys import KeySpec, bindings_for, overview_keys
from jury_tui.ui.chair.screens.base import ChairScreen
from jury_tui.ui.chair.widgets import ChairTable

LABEL_WIDTH = 14
# A follow-up round: the report's rules (⚑) and the verdict come right after the name, so a chair
# sees both at 80 columns; the verdict in its short form (model.verdict_short_name).
FOLLOW_UP_LABEL_WIDTH = 15
VERDICT_WIDTH = 10
CELL_WIDTH = 4

STYLE_FLAGGED = "bold white on dark_red"
STYLE_MISSING = "black on yellow3"
STYLE_CONSENSUS = "bold green"
STYLE_MUTED = "grey50"
STYLE_OPEN = "yellow3"
STYLE_TOO_FEW = "bold red"
# What is open for the session as a whole, in the status line (short; the export says it in full).
# The worst outcome of the call's rules on a contract's report (domain/eligibility.overall_outcome).
RULE_MARKS = {Outcome.MET: ("✓", STYLE_CONSENSUS), Outcome.NOT_MET: ("⚑", STYLE_FLAGGED), Outcome.UNKNOWN: ("?", STYLE_OPEN)}
SESSION_POINTS = {Gap.OVER_BUDGET: "chair.ui.overview.over_budget", Gap.MEETING: "chair.ui.overview.meeting"}


def short_name(criterion: Criterion, lang: str) -> str:
    return criterion.name.get(lang)[:CELL_WIDTH]


class OverviewScreen(ChairScreen):
    MODE = "overview"
    BINDINGS = bindings_for(overview_keys())

    def build_key_specs(self) -> list[KeySpec]:
        return overview_keys(follow_up=self.model.follow_up is not None)

    @property
    def follow_up(self) -> bool:
        return self.model.follow_up is not None

    def key_specs(self) -> list[KeySpec]:
        if not self.follow_up:
            return super().key_specs()
        # A follow-up round: the portfolio (b) in the footer, where a selection has none of its budget.
        return self.own_keys + self.global_keys((*self.FOOTER_GLOBALS[:-1], "show_mode('ranking')", *self.FOOTER_GLOBALS[-1:]))

    def compose(self) -> ComposeResult:
        yield self.top_bar()
        yield Static(id="overview-summary", classes="screen-line", markup=False)
        yield ChairTable(id="matrix", cursor_type="cell", fixed_columns=1)
        yield Static(id="overview-open", classes="screen-line", markup=False)
        yield Static(id="overview-legend", classes="legend", markup=False)
        yield self.footer()

    @property
    def table(self) -> ChairTable:
        return self.query_one("#matrix", ChairTable)

    def on_mount(self) -> None:
        table = self.table
        lang = language()
        label = t("evaluation.col.contract") if self.follow_up else t("chair.ui.ranking.column_application")
        table.add_column(Text(label), key="application", width=self.label_width)
        if self.follow_up:  # a verdict per contract and its report's rules, no rank: nothing is selected
            table.add_column(Text(t("follow_up.chair.overview.column_rules")), key="rules", width=1)
            table.add_column(Text(t("evaluation.col.verdict")), key="verdict", width=VERDICT_WIDTH)
        for criterion in self.model.criteria.criteria:
            table.add_column(Text(short_name(criterion, lang)), key=criterion.id, width=CELL_WIDTH)
        table.add_column(Text(t("chair.ui.overview.column_open")), key="open", width=2)
        advice = "follow_up.chair.overview.column_evaluation" if self.follow_up else "chair.ui.overview.column_advice"
        table.add_column(Text(t(advice)), key="advice", width=4 if self.follow_up else 3)
        table.add_column(Text(t("chair.ui.overview.column_total")), key="total", width=6)
        if not self.follow_up:
            table.add_column(Text(t("chair.ui.ranking.column_rank")), key="rank", width=3)  # "15=": ex aequo
        table.focus()
        super().on_mount()

    # --- drawing -----------------------------------------------------------------------------
    def _cell(self, application_id: str, criterion_id: str) -> Text:
        stats = self.model.aggregates[application_id].criteria[criterion_id]
        consensus = self.model.decision(application_id).get(criterion_id).score
        if consensus is not None:
            criterion = self.model.criteria.criterion(criterion_id)
            if criterion.motivation_required and not self.model.decision(application_id).get(criterion_id).motivation.strip():
                return Text(f"{consensus}·", style=STYLE_OPEN, justify="right")  # the motivation is still open
            return Text(f"{consensus}✓", style=STYLE_CONSENSUS, justify="right")
        if stats.mean is None:
            return Text(fmt.DASH, style=STYLE_MUTED, justify="right")
        style = STYLE_FLAGGED if stats.flagged else (STYLE_MISSING if stats.missing else "")
        return Text(fmt.number(stats.mean), style=style, justify="right")

    @property
    def label_width(self) -> int:
        return FOLLOW_UP_LABEL_WIDTH if self.follow_up else LABEL_WIDTH

    def _row(self, application_id: str) -> list[Text]:
        application = self.model.application(application_id)
        cells = [Text(fmt.shorten(application.label, self.label_width))]
        if self.follow_up:
            mark, style = RULE_MARKS[self.model.portfolio_row(application_id).outcome]
            cells.append(Text(mark, style=style, justify="center"))
            verdict = self.model.verdict_short_name(self.model.decision(application_id).verdict)
            cells.append(Text(fmt.shorten(verdict, VERDICT_WIDTH), style="bold") if verdict
                         else Text(fmt.DASH, style=STYLE_MUTED))
        cells += [self._cell(application_id, cid) for cid in self.model.criteria.criterion_ids]
        open_flags = len(self.model.open_flags(application_id))
        cells.append(Text(f"!{open_flags}" if open_flags else "", style="bold red"))
        cells.append(self._advice_cell(application_id))
        total, is_consensus = self.model.display_total(application_id)
        if is_consensus:
            cells.append(Text(fmt.compact(total), style=STYLE_CONSENSUS, justify="right"))
        else:
            cells.append(Text(fmt.number(total), justify="right"))
        if not self.follow_up:
            cells.append(Text(self.model.rank_label(application_id), justify="right"))
        return cells

    def _advice_cell(self, application_id: str) -> Text:
        """✓ when nothing is open; "2/3" (voting scores of the minimum) when too few jurors voted and
        the chair has not motivated ranking it anyway; else how many points are open."""
        model = self.model
        if model.below_minimum_votes(application_id) and not model.decision(application_id).rank_motivation.strip():
            votes = f"{model.votes.get(application_id, 0)}/{model.criteria.ranking.minimum_votes}"
            return Text(votes, style=STYLE_TOO_FEW, justify="right")
        if model.complete(application_id):
            return Text("✓", style=STYLE_CONSENSUS, justify="right")
        return Text(str(len(model.open_points(application_id))), style=STYLE_OPEN, justify="right")

    def redraw(self) -> None:
        table = self.table
        keep_row = self.current_row_key()
        keep_column = table.cursor_column
        order = self.model.order()
        refilled = table.show_rows([(application_id, self._row(application_id)) for application_id in order])
        if refilled and keep_row in order:
            table.move_cursor(row=order.index(keep_row), column=keep_column, animate=False)
        self._draw_lines()

    def _draw_lines(self) -> None:
        model = self.model
        open_total = sum(len(model.open_flags(aid)) for aid in model.file_order)
        done = sum(1 for aid in model.file_order if model.complete(aid))
        summary = self.query_one("#overview-summary", Static)
        if not model.submissions:
            summary.update(t("chair.ui.overview.no_submissions"))
        else:
            summary.update(
                t(
                    "chair.ui.overview.summary",
                    imported=len(model.submissions),
                    jurors=len(model.session.jurors),
                    open=open_total,
                    done=done,
                    total=len(model.file_order),
                    order=t("chair.ui.overview.order_total" if model.sort_by_total else "chair.ui.overview.order_file"),
                    session="".join(" · " + t(SESSION_POINTS[point.gap]) for point in model.gaps.session if point.gap in SESSION_POINTS),
                )
            )
        self._draw_open_line()
        threshold = fmt.compact(model.criteria.disagreement_threshold)
        if self.follow_up:  # the evaluation, not the advice; no ranking, so no "too few votes"
            legend = t("follow_up.chair.overview.legend_evaluation", threshold=threshold) + " · " + t("follow_up.chair.overview.legend")
        else:
            legend = t("chair.ui.overview.legend", threshold=threshold)
        self.query_one("#overview-legend", Static).update(legend)

    def open_words(self, application_id: str) -> str:
        """What is open for one application, in words: the advice's gaps, and too few votes."""
        model = self.model
        points = model.open_points(application_id)
        votes = model.votes.get(application_id, 0)
        words = application_line(model.session, application_id, points, votes) if points else ""
        if (model.below_minimum_votes(application_id) and not model.decision(application_id).rank_motivation.strip()
                and not any(point.gap is Gap.TOO_FEW_VOTES for point in points)):
            too_few = t("chair.ui.too_few_votes", votes=votes, minimum=model.criteria.ranking.minimum_votes)
            words = f"{words}, {too_few}" if words else f"{application_name(model.session, application_id)}: {too_few}"
        return words or t("chair.ui.overview.application_complete", application=application_name(model.session, application_id))

    def _draw_open_line(self) -> None:
        key = self.current_row_key()
        line = self.query_one("#overview-open", Static)
        line.update(self.open_words(key) if key else "")
        line.set_class(bool(key) and not self.model.complete(key), "-open")

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        self._draw_open_line()

    def current_row_key(self) -> str | None:
        table = self.table
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    # --- actions -----------------------------------------------------------------------------
    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        self.open_cell(event.coordinate)

    def open_cell(self, coordinate: Coordinate) -> None:
        cell = self.table.coordinate_to_cell_key(coordinate)
        application_id = cell.row_key.value
        criterion_ids = self.model.criteria.criterion_ids
        column = cell.column_key.value
        if column in criterion_ids:
            page = criterion_ids.index(column)
        else:
            flags = self.model.open_flags(application_id)
            page = criterion_ids.index(flags[0]) if flags else 0
        self.chair_app.open_detail(application_id, page)

    def action_open(self) -> None:
        if self.table.row_count:
            self.open_cell(self.table.cursor_coordinate)

    def action_toggle_sort(self) -> None:
        self.model.sort_by_total = not self.model.sort_by_total
        self.redraw()

    def action_next_flag(self) -> None:
        """Move the cursor to the next cell still to discuss (reading order, wrapping around)."""
        table = self.table
        order = self.model.order()
        cells = [(row, aid, cid) for row, aid in enumerate(order) for cid in self.model.open_flags(aid)]
        if not cells:
            self.notify(t("chair.ui.overview.no_flag_left"))
            return
        here = (table.cursor_row, table.cursor_column)
        positions = [(row, table.get_column_index(cid)) for row, _, cid in cells]
        later = [position for position in positions if position > here]
        row, column = (later or positions)[0]
        table.move_cursor(row=row, column=column, animate=False)
