"""Ranking and budget: the ranking by consensus total, the two proposals side by side (columns V1
and V2), the chair's own selection with its running total against the session budget."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import DataTable, Static

from jury_tui.domain.consensus import Recommendation
from jury_tui.domain.eligibility import Outcome
from jury_tui.errors import JuryError
from jury_tui.i18n import t
from jury_tui.ui.chair import formatting as fmt
from jury_tui.ui.chair.keys import KeySpec, bindings_for, ranking_keys
from jury_tui.ui.chair.screens.base import ChairScreen
from jury_tui.ui.chair.widgets import ChairTable

if TYPE_CHECKING:
    from jury_tui.domain.ranking import Proposal

ELIGIBILITY_MARKS = {Outcome.MET: ("✓", "green"), Outcome.NOT_MET: ("✗", "bold red"), Outcome.UNKNOWN: ("?", "yellow")}
LABEL_WIDTH = 16


class RankingScreen(ChairScreen):
    MODE = "ranking"
    BINDINGS = bindings_for(ranking_keys())

    def build_key_specs(self) -> list[KeySpec]:
        return ranking_keys()

    def compose(self) -> ComposeResult:
        yield self.top_bar()
        yield ChairTable(id="ranking", cursor_type="row", fixed_columns=1)
        yield Static(id="proposal-1", classes="screen-line")
        yield Static(id="proposal-2", classes="screen-line")
        yield Static(id="budget-line", classes="screen-line")
        yield Static(t("chair.ui.ranking.legend"), id="ranking-legend", classes="legend", markup=False)
        yield self.footer()

    @property
    def table(self) -> ChairTable:
        return self.query_one("#ranking", ChairTable)

    def on_mount(self) -> None:
        table = self.table
        for key, width, right in (
            ("rank", 2, True), ("application", LABEL_WIDTH, False), ("total", 5, True), ("eligible", 4, False),
            ("recommendation", 4, False), ("amount", 9, True), ("p1", 2, False), ("p2", 2, False),
            ("selected", 3, False), ("running", 9, True),
        ):
            label = t(f"chair.ui.ranking.column_{key}")
            table.add_column(Text(label, justify="right" if right else "left"), key=key, width=width)
        table.focus()
        super().on_mount()

    # --- drawing -----------------------------------------------------------------------------
    def redraw(self) -> None:
        model = self.model
        table = self.table
        keep = self.current_row_key()
        by_rank, best_fit = model.proposals
        in_p1, in_p2, selected = set(by_rank.selected), set(best_fit.selected), set(model.selection)
        budget_cents = round(model.session.budget * 100)
        running = 0
        order = []
        rows: list[tuple[str, list[Text]]] = []
        for row in model.ranking:
            aid = row.application_id
            order.append(aid)
            application = model.application(aid)
            if row.total is not None:
                total = Text(fmt.compact(row.total), justify="right", style="bold")
            else:
                mean = model.aggregates[aid].weighted_total
                total = Text("~" + fmt.number(mean) if mean is not None else fmt.DASH, justify="right", style="grey50")
            mark, style = ELIGIBILITY_MARKS[row.eligibility]
            eligible = Text(mark, style=style)
            if row.below_threshold:
                eligible.append("▼", style="bold red")
            recommendation = model.decision(aid).recommendation
            advice = Text(
                t(f"chair.ui.recommendation.short.{recommendation.value}") if recommendation else fmt.DASH,
                style="bold green" if recommendation is Recommendation.SELECT else "",
            )
            if aid in selected:
                running += round(row.amount * 100)
                cumulative = Text(fmt.plain_amount(running / 100), justify="right",
                                  style="bold red" if running > budget_cents else "")
            else:
                cumulative = Text("")
            rows.append((aid, [
                Text(str(row.rank) if row.rank else "", justify="right"),
                Text(fmt.shorten(application.label, LABEL_WIDTH)),
                total,
                eligible,
                advice,
                Text(fmt.plain_amount(row.amount), justify="right"),
                Text("●" if aid in in_p1 else "", style="cyan"),
                Text("●" if aid in in_p2 else "", style="magenta"),
                Text("✓" if aid in selected else "", style="bold green"),
                cumulative,
            ]))
        if table.show_rows(rows) and keep in order:
            table.move_cursor(row=order.index(keep), animate=False)
        self.query_one("#proposal-1", Static).update(self._proposal_line("chair.ui.ranking.proposal_rank", by_rank, "$text-accent"))
        self.query_one("#proposal-2", Static).update(self._proposal_line("chair.ui.ranking.proposal_best", best_fit, "$text-secondary"))
        self.query_one("#budget-line", Static).update(self._budget_line())

    def _proposal_line(self, name_key: str, proposal: Proposal, style: str) -> Content:
        return Content.styled(
            t("chair.ui.ranking.proposal_line", name=t(name_key), count=len(proposal.selected),
              amount=fmt.euro(proposal.total_amount), score=fmt.compact(proposal.total_score),
              left=fmt.euro(proposal.remaining)),
            style,
        )

    def _budget_line(self) -> Content:
        model = self.model
        amount = model.selected_amount()
        budget = model.session.budget
        values = {"count": len(model.selection), "amount": fmt.euro(amount), "budget": fmt.euro(budget)}
        if round(amount * 100) > round(budget * 100):
            return Content.styled(t("chair.ui.ranking.budget_over", over=fmt.euro(amount - budget), **values), "bold $text-error")
        return Content.styled(t("chair.ui.ranking.budget_line", left=fmt.euro(budget - amount), **values), "bold")

    def current_row_key(self) -> str | None:
        table = self.table
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    # --- actions -----------------------------------------------------------------------------
    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        application_id = self.current_row_key()
        if application_id:
            self.chair_app.open_detail(application_id, len(self.model.criteria.criteria))

    def action_toggle_selected(self) -> None:
        application_id = self.current_row_key()
        if application_id is None:
            return
        try:
            now_selected = self.model.toggle_selected(application_id)
        except (JuryError, OSError) as error:
            self.chair_app.report_error(str(error))
            return
        label = self.model.application(application_id).label
        self.notify(t("chair.ui.ranking.selected" if now_selected else "chair.ui.ranking.deselected", name=label))
        if now_selected and self.model.eligibility_outcome[application_id] is Outcome.NOT_MET:
            self.notify(t("chair.ui.detail.not_eligible_selected"), severity="warning")
        self.changed()

    def action_adopt(self, number: int) -> None:
        proposal = self.model.proposals[number - 1]
        name = t("chair.ui.ranking.proposal_rank" if number == 1 else "chair.ui.ranking.proposal_best")
        if not proposal.selected:
            self.notify(t("chair.ui.ranking.empty_proposal"), severity="warning")
            return
        if not self.model.selection or set(self.model.selection) == set(proposal.selected):
            self._adopt(proposal, name)
            return
        from jury_tui.ui.screens.dialogs import ConfirmDialog

        self.app.push_screen(
            ConfirmDialog(t("chair.ui.ranking.adopt_title"), t("chair.ui.ranking.adopt_body", name=name, count=len(self.model.selection))),
            lambda confirmed: self._adopt(proposal, name) if confirmed else None,
        )

    def _adopt(self, proposal: Proposal, name: str) -> None:
        try:
            self.model.adopt(proposal.selected)
        except (JuryError, OSError) as error:
            self.chair_app.report_error(str(error))
            return
        self.notify(t("chair.ui.ranking.adopted", name=name, count=len(proposal.selected)))
        self.changed()
