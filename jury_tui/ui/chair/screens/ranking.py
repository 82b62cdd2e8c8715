"""Ranking and budget: the ranking by consensus total, the two proposals side by side (columns V1
and V2), the chair's own selection with its running total against the budget in force (the chair's,
g; else the session's), the reserve list in rank order with cumulative amounts past the line
(column Sel: R1, R2, …), ties in the open ("3=" ex aequo; t sets their order with a motivation),
what each proposal passes over, and before every consensus is set the provisional funding line on
the suggested medians. c compares budgets side by side (nothing stored), m puts the meeting on
record, r shows the government's decision beside the advice."""

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


def rank_cell(row) -> Text:
    """'3' ranked; '3=' ex aequo (tied, no order of the chair's); '!' too few voting scores."""
    if row.too_few_votes:
        return Text("!", justify="right", style="bold yellow")
    if row.rank is None:
        return Text("")
    return Text(f"{row.rank}=" if row.ex_aequo else str(row.rank), justify="right",
                style="bold yellow" if row.ex_aequo else "")


class RankingScreen(ChairScreen):
    MODE = "ranking"
    FOOTER_GLOBALS = ("help",)  # i (import) still works and is in the help; the footer shows g and c instead
    BINDINGS = bindings_for(ranking_keys())

    def build_key_specs(self) -> list[KeySpec]:
        return ranking_keys()

    def compose(self) -> ComposeResult:
        yield self.top_bar()
        yield ChairTable(id="ranking", cursor_type="row", fixed_columns=1)
        yield Static(id="row-line", classes="screen-line", markup=False)
        yield Static(id="proposal-1", classes="screen-line")
        yield Static(id="proposal-2", classes="screen-line")
        yield Static(id="provisional-line", classes="screen-line")
        yield Static(id="budget-line", classes="screen-line")
        yield Static(t("chair.ui.ranking.legend") + " · " + t("chair.ui.ranking.legend_ties"), id="ranking-legend",
                     classes="legend", markup=False)
        yield self.footer()

    @property
    def table(self) -> ChairTable:
        return self.query_one("#ranking", ChairTable)

    def on_mount(self) -> None:
        table = self.table
        for key, width, right in (
            ("rank", 3, True), ("application", LABEL_WIDTH, False), ("total", 5, True), ("eligible", 4, False),
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
        reserve = {entry.application_id: (position, entry) for position, entry in enumerate(model.reserve(), start=1)}
        budget_cents = round(model.budget * 100)
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
            mark_cell = Text("")
            if aid in selected:
                running += round(row.amount * 100)
                cumulative = Text(fmt.plain_amount(running / 100), justify="right",
                                  style="bold red" if running > budget_cents else "")
                mark_cell = Text("✓", style="bold green")
            elif aid in reserve:
                position, entry = reserve[aid]
                cumulative = Text(fmt.plain_amount(entry.cumulative), justify="right", style="italic grey50")
                mark_cell = Text(f"R{position}", style="yellow")
            else:
                cumulative = Text("")
            rows.append((aid, [
                rank_cell(row),
                Text(fmt.shorten(application.label, LABEL_WIDTH)),
                total,
                eligible,
                advice,
                Text(fmt.plain_amount(row.amount), justify="right"),
                Text("●" if aid in in_p1 else "", style="cyan"),
                Text("●" if aid in in_p2 else "", style="magenta"),
                mark_cell,
                cumulative,
            ]))
        if table.show_rows(rows) and keep in order:
            table.move_cursor(row=order.index(keep), animate=False)
        self.query_one("#proposal-1", Static).update(
            self._proposal_line("chair.ui.ranking.proposal_rank", by_rank, "$text-accent", "chair.ui.ranking.skips"))
        self.query_one("#proposal-2", Static).update(
            self._proposal_line("chair.ui.ranking.proposal_best", best_fit, "$text-secondary", "proposal.leaves_out"))
        provisional = self.query_one("#provisional-line", Static)
        line = model.provisional_line()
        provisional.display = line is not None
        if line is not None:
            provisional.update(self._provisional_line(line))
        self.query_one("#budget-line", Static).update(self._budget_line())
        self._draw_row_line()

    def _proposal_line(self, name_key: str, proposal: Proposal, style: str, passed_key: str) -> Content:
        text = t("chair.ui.ranking.proposal_line", name=t(name_key), count=len(proposal.selected),
                 amount=fmt.euro(proposal.total_amount), score=fmt.compact(proposal.total_score),
                 left=fmt.euro(proposal.remaining))
        line = Content.styled(text, style)
        if proposal.passed_over:
            line += Content.styled(" · " + t(passed_key, names=self._names(proposal.passed_over)), "$text-warning")
        return line

    def _names(self, application_ids: list[str]) -> str:
        return ", ".join(self.model.application(aid).municipality for aid in application_ids)

    def _provisional_line(self, proposal: Proposal) -> Content:
        """Before every consensus is set: the by-rank line on the suggested medians, labelled provisional."""
        last = proposal.selected[-1] if proposal.selected else None
        ranking = self.model.provisional_ranking()
        ids = [row.application_id for row in ranking]
        after = ranking[ids.index(last) + 1:] if last is not None else ranking
        outside = next((row.application_id for row in after if row.selectable and row.application_id not in proposal.selected), None)
        text = t("chair.ui.ranking.provisional", count=len(proposal.selected), amount=fmt.euro(proposal.total_amount),
                 last=self.model.application(last).municipality if last else fmt.DASH,
                 next=self.model.application(outside).municipality if outside else fmt.DASH)
        return Content.styled(text, "italic $text-warning")

    def _budget_line(self) -> Content:
        model = self.model
        amount = model.selected_amount()
        budget = model.budget
        shown = fmt.euro(budget)
        if model.budget_is_chairs():
            shown = t("chair.ui.ranking.budget_chairs", budget=shown, session=fmt.euro(model.session.budget))
        values = {"count": len(model.selection), "amount": fmt.euro(amount), "budget": shown}
        if round(amount * 100) > round(budget * 100):
            return Content.styled(t("chair.ui.ranking.budget_over", over=fmt.euro(amount - budget), **values), "bold $text-error")
        return Content.styled(t("chair.ui.ranking.budget_line", left=fmt.euro(budget - amount), **values), "bold")

    def row_text(self, application_id: str | None) -> str:
        """What the line under the table says about the highlighted application."""
        if application_id is None:
            return ""
        model = self.model
        row = next(r for r in model.ranking if r.application_id == application_id)
        name = model.application(application_id).municipality
        if row.too_few_votes:
            return t("chair.ui.ranking.row_too_few", name=name, votes=row.votes,
                     minimum=model.criteria.ranking.minimum_votes)
        if row.rank is None:
            return t("chair.ui.ranking.row_unranked", name=name)
        parts = [t("chair.ui.ranking.row_rank", name=name, rank=row.rank)]
        others = self._names([aid for aid in row.tied_with if aid != application_id])
        if row.tied_with and row.tie_order is None:
            parts.append(t("chair.ui.ranking.row_ex_aequo", others=others))
        elif row.tie_order is not None:
            parts.append(t("chair.ui.ranking.row_tie_ordered", others=others, motivation=row.tie_order.motivation))
        return " · ".join(parts)

    def _draw_row_line(self) -> None:
        self.query_one("#row-line", Static).update(self.row_text(self.current_row_key()))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._draw_row_line()

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
            self.chair_app.report_error(error)
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
            self.chair_app.report_error(error)
            self.redraw_if_stale()  # a change from elsewhere: show the state it was refused on
            return
        self.notify(t("chair.ui.ranking.adopted", name=name, count=len(proposal.selected)))
        self.changed()

    # --- the session as a whole: budget, scenarios, ties, meeting, government ------------------
    def action_set_budget(self) -> None:
        from jury_tui.ui.chair.screens.budget import BudgetDialog

        def done(changed: bool | None) -> None:
            if changed:
                self.notify(t("chair.ui.budget.saved", budget=fmt.euro(self.model.budget)))
                self.changed()

        self.app.push_screen(BudgetDialog(self.model), done)

    def action_scenarios(self) -> None:
        from jury_tui.ui.chair.screens.budget import ScenarioDialog

        self.app.push_screen(ScenarioDialog(self.model))

    def action_tie_order(self) -> None:
        application_id = self.current_row_key()
        if application_id is None:
            return
        row = next(r for r in self.model.ranking if r.application_id == application_id)
        if not row.tied_with:
            self.notify(t("chair.ui.tie.not_tied", name=self.model.application(application_id).municipality),
                        severity="warning")
            return
        from jury_tui.ui.chair.screens.budget import TieDialog

        def done(changed: bool | None) -> None:
            if changed:
                self.changed()

        self.app.push_screen(TieDialog(self.model, row.tied_with), done)

    def action_government(self) -> None:
        from jury_tui.ui.chair.screens.government import GovernmentDialog

        self.app.push_screen(GovernmentDialog(self.model))
