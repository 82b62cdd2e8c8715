"""The portfolio of a follow-up round (in the budget's place, b F4): every contract's figures of the
year under review in one table (domain/follow_up.portfolio): granted subsidy, planned total, spent so
far and its share of the plan, the call's rules on the report (infrastructure on plan and on
spending, co-financing), late milestones, objective changes, obstacles, asks and the jury's verdict.
t switches to what the network events are about: the round's obstacles per contract beside the asks
gathered per agency (PgDn/PgUp read on in both). Enter opens a contract in detail, j shows it across the years, m puts the meeting on record."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import ContentSwitcher, DataTable, Static

from jury_tui.domain.criteria import RuleKind
from jury_tui.domain.eligibility import Outcome
from jury_tui.domain.follow_up import (
    Basis,
    FigureCheck,
    PortfolioRow,
    ProgressReport,
    asks_by_agency,
    obstacles_of_round,
)
from jury_tui.i18n import t
from jury_tui.reports.open_points import application_name, figure_check_line
from jury_tui.ui.chair import detail_view as view
from jury_tui.ui.chair import formatting as fmt
from jury_tui.ui.chair.keys import KeySpec, bindings_for, portfolio_keys
from jury_tui.ui.chair.screens.base import ChairScreen
from jury_tui.ui.chair.screens.overview import RULE_MARKS, STYLE_FLAGGED, STYLE_MUTED
from jury_tui.ui.chair.widgets import ChairTable, PanelScroll

LABEL_WIDTH = 17
AMOUNT_WIDTH = 10  # "Toegekend" and "9.999.999" with a space before them
SHARE_WIDTH = 8  # "23,4 %", and the headings "Inf.bst" with a space before them
COUNT_WIDTH = 5
VERDICT_WIDTH = 12  # "  " and the short form (model.verdict_short_name)
ILLUSTRATIVE_MARK = "*"


def _share_check(checks: tuple[FigureCheck, ...], kind: RuleKind, basis: Basis) -> FigureCheck | None:
    return next((check for check in checks if check.kind is kind and check.basis is basis), None)


def _share_cell(check: FigureCheck | None) -> Text:
    """A share a rule checks, red where the rule is not met, a dash where it is unknown."""
    if check is None or not isinstance(check.value, float):
        return Text(fmt.DASH, style=STYLE_MUTED, justify="right")
    return Text(fmt.percent(check.value), style=STYLE_FLAGGED if check.outcome is Outcome.NOT_MET else "", justify="right")


def _starred(cell: Text, illustrative: bool) -> Text:
    """A figure not from a source (the report's `illustrative`) carries a star."""
    if illustrative:
        cell.append(ILLUSTRATIVE_MARK)
    return cell


def _rule_cell(report: ProgressReport, checks: tuple[FigureCheck, ...], kind: RuleKind, basis: Basis) -> Text:
    """A rule's share, starred when a figure it rests on is not from a source (the report decides which)."""
    check = _share_check(checks, kind, basis)
    return _starred(_share_cell(check), check is not None and report.check_is_illustrative(check))


def _count_cell(count: int, warn: bool = False) -> Text:
    if not count:
        return Text("0", style=STYLE_MUTED, justify="right")
    return Text(str(count), style="bold yellow3" if warn else "", justify="right")


class PortfolioScreen(ChairScreen):
    MODE = "ranking"  # the budget's place in a follow-up round
    BINDINGS = bindings_for(portfolio_keys())
    FOOTER_GLOBALS = ("help",)

    def build_key_specs(self) -> list[KeySpec]:
        return portfolio_keys()

    def help_title(self) -> str:
        return t("follow_up.chair.key.portfolio.help")

    def key_specs(self) -> list[KeySpec]:
        """While the obstacles and asks show, t is labelled as the way back to the figures."""
        specs = super().key_specs()
        if not self.is_mounted or not self.showing_network:
            return specs
        return [replace(spec, label="follow_up.chair.key.figures") if spec.action == "toggle_network" else spec
                for spec in specs]

    def compose(self) -> ComposeResult:
        yield self.top_bar()
        yield Static(id="portfolio-summary", classes="screen-line", markup=False)
        with ContentSwitcher(initial="portfolio", id="portfolio-switcher"):
            yield ChairTable(id="portfolio", cursor_type="row", fixed_columns=1, cell_padding=0)
            with Horizontal(id="portfolio-network"):
                with PanelScroll(id="portfolio-obstacles"):
                    yield Static(id="portfolio-obstacles-text")
                with PanelScroll(id="portfolio-asks"):
                    yield Static(id="portfolio-asks-text")
        yield Static(id="portfolio-rules", classes="screen-line")
        yield Static(t("follow_up.chair.portfolio.legend"), id="portfolio-legend", classes="legend", markup=False)
        yield self.footer()

    @property
    def table(self) -> ChairTable:
        return self.query_one("#portfolio", ChairTable)

    def on_mount(self) -> None:
        table = self.table
        columns = [
            # What a chair must see at 80 columns first: the rules flag, the verdict and the counts.
            ("application", "evaluation.col.contract", LABEL_WIDTH, False),
            ("rules", "follow_up.chair.portfolio.rules", 3, True),
            ("verdict", "evaluation.col.verdict", VERDICT_WIDTH, False),
            ("late", "follow_up.chair.portfolio.late", COUNT_WIDTH, True),
            ("changes", "follow_up.chair.portfolio.changes", COUNT_WIDTH, True),
            ("obstacles", "follow_up.chair.portfolio.obstacles", COUNT_WIDTH, True),
            ("asks", "follow_up.chair.portfolio.asks", COUNT_WIDTH, True),
            ("subsidy", "export.gov.granted", AMOUNT_WIDTH, True),
            ("planned", "evaluation.col.planned", AMOUNT_WIDTH, True),
            ("spent", "evaluation.col.spending", AMOUNT_WIDTH, True),
            ("spent_share", "follow_up.chair.portfolio.spent_share", SHARE_WIDTH, True),
            ("infra_plan", "follow_up.chair.portfolio.infra_plan", SHARE_WIDTH, True),
            ("infra_spent", "follow_up.chair.portfolio.infra_spent", SHARE_WIDTH, True),
            ("co_financing", "follow_up.chair.portfolio.co_financing", SHARE_WIDTH, True),
        ]
        for key, label, width, right in columns:
            # No cell padding (14 columns in 120): the right-aligned figures keep a space on their left.
            heading = t(label) if right else " " + t(label)
            table.add_column(Text(heading, justify="right" if right else "left"), key=key, width=width)
        table.focus()
        super().on_mount()

    # --- drawing -----------------------------------------------------------------------------
    def _row(self, row: PortfolioRow) -> list[Text]:
        model = self.model
        aid = row.application_id
        verdict = model.verdict_short_name(model.decision(aid).verdict)
        mark, style = RULE_MARKS[row.outcome]
        report = model.follow_up.report(aid)
        planned, spent = report.is_illustrative("budget_lines.planned"), report.is_illustrative("budget_lines.spent")
        return [
            Text(" " + fmt.shorten(model.application(aid).label, LABEL_WIDTH - 1)),
            Text(" " + mark, style=style, justify="center"),
            Text("  " + fmt.shorten(verdict, VERDICT_WIDTH - 2), style="bold") if verdict
            else Text("  " + fmt.DASH, style=STYLE_MUTED),
            _starred(_count_cell(row.late_milestones, warn=True), report.is_illustrative("milestones")),
            _count_cell(row.objective_changes),
            _count_cell(row.obstacles, warn=True),
            _count_cell(row.asks),
            _starred(Text(fmt.plain_amount(row.subsidy) if row.subsidy is not None else fmt.DASH, justify="right"),
                     model.follow_up.contract(aid).illustrative),
            _starred(Text(fmt.plain_amount(row.planned), justify="right"), planned),
            _starred(Text(fmt.plain_amount(row.spent) if row.spent is not None else fmt.DASH, justify="right"), spent),
            _starred(Text(fmt.percent(row.spent_share), justify="right"), planned or spent),
            _rule_cell(report, row.checks, RuleKind.MAX_INFRASTRUCTURE_SHARE, Basis.PLAN),
            _rule_cell(report, row.checks, RuleKind.MAX_INFRASTRUCTURE_SHARE, Basis.SPENT),
            _rule_cell(report, row.checks, RuleKind.MIN_CO_FINANCING_SHARE, Basis.SPENT),
        ]

    def redraw(self) -> None:
        rows = self.model.portfolio_rows()
        self.table.show_rows([(row.application_id, self._row(row)) for row in rows])
        round_ = self.model.follow_up
        granted = sum(round((row.subsidy or 0) * 100) for row in rows) / 100
        outside = sum(1 for row in rows if row.outcome is Outcome.NOT_MET)
        decided = sum(1 for row in rows if self.model.decision(row.application_id).verdict is not None)
        self.query_one("#portfolio-summary", Static).update(t(
            "follow_up.chair.portfolio.summary", year=round_.year, count=len(rows), granted=fmt.euro(granted),
            outside=outside, decided=decided))
        self.query_one("#portfolio-obstacles-text", Static).update(self._obstacles())
        self.query_one("#portfolio-asks-text", Static).update(self._asks())
        self._draw_rules_line()

    def _obstacles(self) -> Content:
        """The round's obstacles per contract: half of what the network events are about."""
        session = self.model.session
        round_ = self.model.follow_up
        obstacles = obstacles_of_round(round_)
        parts: list[Content | str | tuple[str, str]] = [
            (t("follow_up.chair.portfolio.obstacles_counted", year=round_.year, count=len(obstacles),
               contracts=len({aid for aid, _ in obstacles})), "bold underline")]
        shown = None
        for aid, obstacle in obstacles:
            if aid != shown:
                parts += ["\n", (application_name(session, aid), "bold $accent")]
                shown = aid
            parts += ["\n• ", obstacle]
        return Content.assemble(*parts)

    def _asks(self) -> Content:
        """The asks of Flemish agencies gathered per agency (domain/follow_up.asks_by_agency)."""
        session = self.model.session
        gathered = asks_by_agency(self.model.follow_up)
        parts: list[Content | str | tuple[str, str]] = [
            (t("follow_up.chair.portfolio.asks_counted", agencies=len(gathered),
               count=sum(len(asks) for _, asks in gathered)), "bold underline")]
        for agency, asks in gathered:
            contracts = len({aid for aid, _ in asks})
            parts += ["\n", (agency, "bold $accent"), (" " + t("follow_up.chair.portfolio.asks_count", count=contracts), "$text-muted")]
            for aid, ask in asks:
                parts += ["\n• ", (application_name(session, aid), "bold"), ": ", " ".join(ask.split())]
        return Content.assemble(*parts)

    def _draw_rules_line(self) -> None:
        aid = self.current_row_key()
        line = self.query_one("#portfolio-rules", Static)
        if aid is None:
            line.update("")
            return
        label = self.model.application(aid).label
        checks = self.model.report_checks(aid)
        parts: list[Content | str | tuple[str, str]] = [(label + ":", "bold")]
        if all(check.outcome is Outcome.MET for check in checks):
            parts += [" ", view.report_checks_summary(checks)]
        for check in checks:  # the rules not met or unknown, in the one wording
            if check.outcome is not Outcome.MET:
                mark, style = view.OUTCOME_MARKS[check.outcome]
                parts += [" ", (mark, style), " ", figure_check_line(check)]
        line.update(Content.assemble(*parts))

    def current_row_key(self) -> str | None:
        table = self.table
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._draw_rules_line()

    # --- actions -----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("scroll_down", "scroll_up"):
            return self.showing_network
        if action in ("open", "years"):
            return not self.showing_network
        return True

    @property
    def showing_network(self) -> bool:
        return self.query_one("#portfolio-switcher", ContentSwitcher).current == "portfolio-network"

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        aid = self.current_row_key()
        if aid is not None:
            self.chair_app.open_detail(aid, 0)

    def action_years(self) -> None:
        aid = self.current_row_key()
        if aid is not None:
            self.chair_app.open_years(aid)

    def action_toggle_network(self) -> None:
        switcher = self.query_one("#portfolio-switcher", ContentSwitcher)
        switcher.current = "portfolio" if self.showing_network else "portfolio-network"
        # The contract's rules and the table's legend belong to the table.
        self.query_one("#portfolio-rules").display = not self.showing_network
        self.query_one("#portfolio-legend").display = not self.showing_network
        if not self.showing_network:
            self.table.focus()
        self.refresh_bindings()

    def action_scroll_down(self) -> None:
        for panel in self.query(PanelScroll):
            panel.scroll_page_down()

    def action_scroll_up(self) -> None:
        for panel in self.query(PanelScroll):
            panel.scroll_page_up()
