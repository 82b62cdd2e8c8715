"""One contract of a follow-up round across the years (j from the detail and the portfolio): its
budget lines spent at the end of each year against the plan (domain/follow_up.spending_over_years),
its indicators moving from the baseline towards the target (indicators_over_years), the milestones
late in this year's report and every objective change with its reason. Keyboard only: Tab moves
between the tables, PgDn/PgUp read the milestones and changes, Esc goes back."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import DataTable, Static

from jury_tui.domain.follow_up import (
    indicators_over_years,
    spending_over_years,
    spending_totals,
)
from jury_tui.i18n import t
from jury_tui.reports.open_points import budget_line_label
from jury_tui.ui.chair import formatting as fmt
from jury_tui.ui.chair.keys import KeySpec, bindings_for, years_keys
from jury_tui.ui.chair.screens.base import ChairScreen
from jury_tui.ui.chair.screens.overview import STYLE_MUTED
from jury_tui.ui.chair.screens.portfolio import ILLUSTRATIVE_MARK
from jury_tui.ui.chair.widgets import PanelScroll

NAME_WIDTH = 36  # budget lines and indicators are named in full where they fit


def _right(text: str, style: str = "") -> Text:
    return Text(text, justify="right", style=style)


def _figure(value: float | None) -> Text:
    return _right(fmt.compact(value), "") if value is not None else _right(fmt.DASH, STYLE_MUTED)


def _star(illustrative: bool) -> str:
    """A figure not from a source (the report's `illustrative`) is marked, as in the portfolio."""
    return ILLUSTRATIVE_MARK if illustrative else ""


def _line_name(name: str, infrastructure: bool) -> str:
    """A budget line's label (reports/open_points.budget_line_label) in the column: a long name is
    shortened, never the infrastructure mark."""
    label = budget_line_label(name, infrastructure)
    if len(label) <= NAME_WIDTH:
        return label
    mark = len(budget_line_label("", True)) if label != name else 0
    return budget_line_label(fmt.shorten(name, NAME_WIDTH - mark), infrastructure)


class YearsScreen(ChairScreen):
    MODE = "years"
    BINDINGS = bindings_for(years_keys())
    FOOTER_GLOBALS = ("help",)
    FOOTER_PALETTE = False

    def __init__(self, model, application_id: str) -> None:
        super().__init__(model)
        self.application_id = application_id

    def build_key_specs(self) -> list[KeySpec]:
        return years_keys()

    def help_title(self) -> str:
        return t("follow_up.chair.key.years.help")

    def compose(self) -> ComposeResult:
        yield self.top_bar()
        yield Static(id="years-heading", classes="screen-line")
        yield Static(id="years-source", classes="legend")
        yield Static(t("follow_up.chair.years.spending_heading"), classes="screen-line years-title")
        yield DataTable(id="years-budget", cursor_type="row", zebra_stripes=True)
        yield Static(t("follow_up.chair.years.indicators_heading"), classes="screen-line years-title")
        yield DataTable(id="years-indicators", cursor_type="row", zebra_stripes=True)
        with PanelScroll(id="years-notes"):
            yield Static(id="years-notes-text")
        yield self.footer()

    def on_mount(self) -> None:
        self.query_one("#years-budget", DataTable).focus()
        super().on_mount()

    def redraw(self) -> None:
        model = self.model
        aid = self.application_id
        round_ = model.follow_up
        reports = round_.history(aid)
        years = [report.year for report in reports]
        contract = round_.contract(aid)
        subsidy = contract.subsidy
        self.query_one("#years-heading", Static).update(Content.assemble(
            (model.application(aid).label, "bold"), " · ",
            t("follow_up.chair.years.reports", years=", ".join(str(year) for year in years)), " · ",
            t("follow_up.chair.detail.granted", value=fmt.euro(subsidy) if subsidy is not None else fmt.DASH)
            + _star(contract.illustrative)))
        latest = reports[-1]
        source = t("follow_up.chair.years.source", source=latest.source) if latest.source else ""
        starred = any(report.illustrative for report in reports)
        self.query_one("#years-source", Static).update(
            " · ".join(filter(None, [source, t("follow_up.chair.years.illustrative") if starred else ""])))
        self._fill_budget(reports, years)
        self._fill_indicators(reports, years)
        self.query_one("#years-notes-text", Static).update(self._notes(reports))

    def _fill_budget(self, reports, years: list[int]) -> None:
        table = self.query_one("#years-budget", DataTable)
        table.clear(columns=True)
        table.add_column(t("follow_up.chair.years.line"), key="line", width=NAME_WIDTH)
        planned_star = _star(reports[-1].is_illustrative("budget_lines.planned"))
        table.add_column(_right(t("evaluation.col.planned") + planned_star), key="planned", width=10)
        for report in reports:
            year = report.year
            table.add_column(_right(f"{year}{_star(report.is_illustrative('budget_lines.spent'))}"), key=f"spent-{year}", width=10)
            table.add_column(_right(t("follow_up.chair.portfolio.spent_share")), key=f"share-{year}", width=7)
        for row in spending_over_years(reports):
            cells: list[Text] = [Text(_line_name(row.name, row.infrastructure)), _right(fmt.plain_amount(row.planned))]
            for year in years:
                spent = row.spent[year]
                cells += [_right(fmt.plain_amount(spent)) if spent is not None else _right(fmt.DASH, STYLE_MUTED),
                          _right(fmt.percent(row.share(year)))]
            table.add_row(*cells, key=row.name)
        totals = spending_totals(reports)  # the latest plan, never the rows added (a renamed line is a row of its own)
        total: list[Text] = [Text(t("chair.ui.overview.column_total"), style="bold"),
                             _right(fmt.plain_amount(totals.planned), "bold")]
        for year in years:
            spent = totals.spent[year]
            total += [_right(fmt.plain_amount(spent), "bold") if spent is not None else _right(fmt.DASH, STYLE_MUTED),
                      _right(fmt.percent(totals.share(year)), "bold")]
        table.add_row(*total, key="total")

    def _fill_indicators(self, reports, years: list[int]) -> None:
        table = self.query_one("#years-indicators", DataTable)
        table.clear(columns=True)
        table.add_column(t("evaluation.col.indicator"), key="indicator", width=NAME_WIDTH + 8)
        table.add_column(_right(t("evaluation.col.baseline")), key="baseline", width=9)
        table.add_column(_right(t("follow_up.chair.years.target")), key="target", width=9)
        for report in reports:
            year = report.year
            table.add_column(_right(f"{year}{_star(report.is_illustrative('indicators'))}"), key=f"measured-{year}", width=7)
        table.add_column(_right(t("follow_up.chair.years.progress")), key="progress", width=9)
        rows = indicators_over_years(reports)
        for row in rows:
            name = fmt.shorten(row.name + (f" ({row.unit})" if row.unit else ""), NAME_WIDTH + 8)
            cells = [Text(name), _figure(row.baseline), _figure(row.target)]
            cells += [_figure(row.measured[year]) for year in years]
            cells.append(_right(fmt.percent(row.progress)))
            table.add_row(*cells, key=row.name)
        table.display = bool(rows)

    def _notes(self, reports) -> Content:
        """This year's late milestones, then every objective change with its reason (by year)."""
        latest = reports[-1]
        parts: list[Content | str | tuple[str, str]] = []
        late = latest.late_milestones()
        parts.append((t("follow_up.chair.years.late_heading", year=latest.year, count=len(late))
                      + _star(latest.is_illustrative("milestones")), "bold underline"))
        for milestone, days in late:
            reached = (t("follow_up.chair.years.reached", date=milestone.actual.strftime(t("format.date"))) if milestone.actual
                       else t("follow_up.chair.years.not_reached"))
            parts += ["\n• ", (milestone.name, "bold"), " ",
                      t("follow_up.chair.years.milestone", planned=milestone.planned.strftime(t("format.date")), reached=reached, days=days)]
        changes = [(report.year, change) for report in reports for change in report.objective_changes]
        parts += ["\n\n", (t("follow_up.chair.years.changes_heading", count=len(changes)), "bold underline")]
        for year, change in changes:
            parts += ["\n• ", (f"{year}: ", "$text-muted"), (change.change, "bold"), "\n  ", " ".join(change.reason.split())]
        return Content.assemble(*parts)

    # --- actions -----------------------------------------------------------------------------
    def action_back(self) -> None:
        self.app.pop_screen()

    def action_scroll_down(self) -> None:
        self.query_one("#years-notes", PanelScroll).scroll_page_down()

    def action_scroll_up(self) -> None:
        self.query_one("#years-notes", PanelScroll).scroll_page_up()
