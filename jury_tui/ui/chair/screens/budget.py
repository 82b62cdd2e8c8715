"""The chair's dialogs for the session as a whole, opened from the ranking screen: the budget in force
(g), budgets compared side by side (c, nothing stored) and the order of a tie with its motivation (t).

Amounts are typed as a Flemish reader writes them ("7.600.000", "7600000", "€ 7.600.000,00"): one
parser for the app and the CLI (jury_tui.formatting.parse_amount).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static

from jury_tui.errors import JuryError, problem_line
from jury_tui.formatting import parse_amount
from jury_tui.i18n import t
from jury_tui.ui.chair import formatting as fmt
from jury_tui.ui.chair.keys import (
    KeySpec,
    SpecBindings,
    amount_dialog_keys,
    bindings_for,
    tie_keys,
)
from jury_tui.ui.chair.screens.dialogs import AsksBeforeDiscarding
from jury_tui.ui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from jury_tui.domain.ranking import Proposal, Scenario
    from jury_tui.ui.chair.model import ChairModel

MAX_SCENARIOS = 4


def steady_cursors(screen) -> None:
    """A cursor that does not blink: what the chair types into is always visible, and every picture
    of the dialog is the same (the snapshots)."""
    for widget in screen.query("Input, TextArea"):
        widget.cursor_blink = False


def parse_budget(text: str) -> float | None:
    """A budget as typed; None for an empty text. JuryError (one Dutch line) when it is no amount."""
    try:
        amount = parse_amount(text)
    except ValueError:
        raise JuryError(t("chair.ui.budget.not_an_amount", text=text.strip())) from None
    if amount is not None and amount <= 0:
        raise JuryError(t("chair.ui.budget.not_an_amount", text=text.strip()))
    return amount


def budget_parts(text: str) -> list[str]:
    """The budgets in a typed line: separated by ';' when there is one, else by spaces, where a group
    of exactly three digits continues the number before it ("7 600 000" is one budget, as the budget
    field reads it)."""
    if ";" in text:
        return [part.strip() for part in text.split(";") if part.strip()]
    parts: list[str] = []
    for word in text.split():
        if parts and re.fullmatch(r"\d{3}", word) and re.search(r"\d$", parts[-1]):
            parts[-1] += " " + word
        else:
            parts.append(word)
    return parts


def parse_budgets(text: str) -> list[float]:
    """One or more budgets separated by spaces or ';' ("4000000 7.600.000", "4 000 000; 7 600 000")."""
    budgets = [parse_budget(part) for part in budget_parts(text)]
    found = [budget for budget in budgets if budget is not None]
    if not found:
        raise JuryError(t("chair.ui.scenarios.none"))
    if len(found) > MAX_SCENARIOS:
        raise JuryError(t("chair.ui.scenarios.too_many", count=MAX_SCENARIOS))
    return found


class AmountDialog(SpecBindings, ModalScreen[bool]):
    """Type, Enter applies; a refusal stays in the dialog as one line. Esc closes."""

    AUTO_FOCUS = "Input"
    BINDINGS = bindings_for(amount_dialog_keys())

    def key_specs(self) -> list[KeySpec]:
        return amount_dialog_keys()

    def on_mount(self) -> None:
        steady_cursors(self)

    def show_problem(self, message: str) -> None:
        line = self.query_one(".dialog-problem", Static)
        line.update(Content.styled(message, "bold $text-error"))
        line.display = True

    def action_close(self) -> None:
        self.dismiss(False)


class BudgetDialog(AmountDialog):
    """The budget in force: the chair's, or (left empty) the session's as announced in the call."""

    DEFAULT_CSS = """
    BudgetDialog .dialog-problem { display: none; }
    BudgetDialog Input.-textual-compact { background: $panel; padding: 0 1; }
    BudgetDialog #budget-input { margin-top: 1; }
    """

    def __init__(self, model: ChairModel) -> None:
        super().__init__(classes="dialog", id="budget-dialog")
        self.model = model

    def compose(self) -> ComposeResult:
        model = self.model
        chairs = model.deliberation.budget
        with Vertical(classes="dialog-box"):
            yield Static(t("chair.ui.budget.title"), classes="dialog-title")
            yield Static(t("chair.ui.budget.intro", session=fmt.euro(model.session.budget),
                           current=fmt.euro(model.budget)), classes="dialog-body", markup=False)
            yield Input(value=fmt.plain_amount(chairs) if chairs is not None else "",
                        placeholder=fmt.plain_amount(model.session.budget), id="budget-input", compact=True)
            yield Static(classes="dialog-problem", markup=False)
            yield Static(t("chair.ui.budget.keys"), classes="dialog-keys", markup=False)
        yield KeyFooter()

    @on(Input.Submitted, "#budget-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def action_submit(self) -> None:
        try:
            budget = parse_budget(self.query_one("#budget-input", Input).value)
            if budget is not None and round(budget * 100) == round(self.model.session.budget * 100):
                budget = None  # the session's own budget: nothing of the chair's to keep
            self.model.set_budget(budget)
        except (JuryError, OSError) as error:
            self.show_problem(problem_line(error))
            return
        self.dismiss(True)


def names(model: ChairModel, application_ids: list[str]) -> str:
    return ", ".join(model.application(aid).municipality for aid in application_ids) or fmt.DASH


def proposal_text(model: ChairModel, name_key: str, proposal: Proposal, passed_key: str) -> list[Content | str | tuple[str, str]]:
    parts: list[Content | str | tuple[str, str]] = [
        (t(name_key), "bold"), "\n",
        t("chair.ui.scenarios.totals", count=len(proposal.selected), amount=fmt.euro(proposal.total_amount),
          score=fmt.compact(proposal.total_score), left=fmt.euro(proposal.remaining)), "\n",
        (names(model, proposal.selected), "$text-muted"), "\n",
    ]
    if proposal.passed_over:
        parts += [(t(passed_key, names=names(model, proposal.passed_over)), "$text-warning"), "\n"]
    return parts


def scenario_text(model: ChairModel, scenario: Scenario) -> Content:
    parts: list[Content | str | tuple[str, str]] = [(fmt.euro(scenario.budget), "bold reverse $accent"), "\n"]
    parts += proposal_text(model, "chair.ui.ranking.proposal_rank", scenario.by_rank, "chair.ui.ranking.skips")
    parts += proposal_text(model, "chair.ui.ranking.proposal_best", scenario.best_fit, "proposal.leaves_out")
    parts += [(t("chair.ui.reserve.title"), "bold"), "\n"]
    if not scenario.reserve:
        parts += [fmt.DASH, "\n"]
    for position, entry in enumerate(scenario.reserve, start=1):
        parts += [t("chair.ui.reserve.entry", position=position, name=model.application(entry.application_id).municipality,
                    amount=fmt.plain_amount(entry.amount), cumulative=fmt.plain_amount(entry.cumulative)), "\n"]
    return Content.assemble(*parts)


class ScenarioDialog(AmountDialog):
    """Budgets side by side: both proposals, what each passes over, the reserve list. Nothing stored."""

    DEFAULT_CSS = """
    ScenarioDialog .wide-box { width: 100%; height: 1fr; border: thick $primary; background: $surface; padding: 0 1; }
    ScenarioDialog #scenario-columns { height: 1fr; }
    ScenarioDialog #scenario-row { height: auto; }
    ScenarioDialog .scenario { width: 1fr; height: auto; padding: 0 2 0 0; }
    ScenarioDialog #scenario-input { margin: 1 0; }
    ScenarioDialog .dialog-problem { display: none; }
    ScenarioDialog Input.-textual-compact { background: $panel; padding: 0 1; }
    ScenarioDialog .dialog-title { margin-bottom: 0; }
    """

    def __init__(self, model: ChairModel) -> None:
        super().__init__(classes="dialog", id="scenario-dialog")
        self.model = model
        self.shown: list[Scenario] = []
        self.provisional = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="wide-box"):
            yield Static(t("chair.ui.scenarios.title"), classes="dialog-title")
            yield Static(t("chair.ui.scenarios.intro"), classes="dialog-body", markup=False)
            yield Input(placeholder=t("chair.ui.scenarios.placeholder"), id="scenario-input", compact=True)
            yield Static(classes="dialog-problem", markup=False)
            yield Static(id="scenario-basis", markup=False)
            with VerticalScroll(id="scenario-columns"):
                yield Horizontal(id="scenario-row")
        yield KeyFooter()

    @on(Input.Submitted, "#scenario-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def action_submit(self) -> None:
        try:
            budgets = parse_budgets(self.query_one("#scenario-input", Input).value)
        except JuryError as error:
            self.show_problem(error.message)
            return
        self.query_one(".dialog-problem", Static).display = False
        self.shown, self.provisional = self.model.scenarios(budgets)
        basis = t("chair.ui.scenarios.provisional") if self.provisional else t("chair.ui.scenarios.final")
        self.query_one("#scenario-basis", Static).update(
            Content.styled(basis, "bold $text-warning" if self.provisional else "$text-muted"))
        row = self.query_one("#scenario-row", Horizontal)
        row.remove_children()
        row.mount_all([Static(scenario_text(self.model, scenario), classes="scenario") for scenario in self.shown])

    def scenario_texts(self) -> list[str]:
        """What each column says, as plain text (for tests)."""
        return [scenario_text(self.model, scenario).plain for scenario in self.shown]


class TieDialog(AsksBeforeDiscarding, SpecBindings, ModalScreen[bool]):
    """The order of one tie: ⇧↑ ⇧↓ move the highlighted application, a motivation is required, ^s
    saves; ^o takes an order set before away (they are ex aequo again)."""

    AUTO_FOCUS = "#tie-list"
    BINDINGS = bindings_for(tie_keys())
    DEFAULT_CSS = """
    TieDialog #tie-list { height: auto; max-height: 8; }
    TieDialog .dialog-problem { display: none; }
    TieDialog Input.-textual-compact { background: $panel; padding: 0 1; }
    TieDialog #tie-motivation { margin-top: 1; }
    """

    def __init__(self, model: ChairModel, group: tuple[str, ...]) -> None:
        super().__init__(classes="dialog", id="tie-dialog")
        self.model = model
        self.group = group
        order = model.deliberation.tie_order_for(set(group))
        self.existing = order
        self.order = list(order.application_ids) if order is not None else list(group)

    def key_specs(self) -> list[KeySpec]:
        return tie_keys()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(t("chair.ui.tie.title"), classes="dialog-title")
            yield Static(t("chair.ui.tie.intro"), classes="dialog-body", markup=False)
            yield OptionList(id="tie-list")
            yield Input(value=self.existing.motivation if self.existing else "",
                        placeholder=t("chair.ui.tie.placeholder"), id="tie-motivation", compact=True)
            yield Static(classes="dialog-problem", markup=False)
            yield Static(t("chair.ui.tie.keys"), classes="dialog-keys", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        steady_cursors(self)
        self._draw(0)

    def _draw(self, highlighted: int) -> None:
        options = self.query_one("#tie-list", OptionList)
        options.clear_options()
        options.add_options([f"{position}. {self.model.application(aid).label}"
                             for position, aid in enumerate(self.order, start=1)])
        options.highlighted = highlighted

    def action_move(self, step: int) -> None:
        options = self.query_one("#tie-list", OptionList)
        index = options.highlighted or 0
        target = index + step
        if not 0 <= target < len(self.order):
            return
        self.order[index], self.order[target] = self.order[target], self.order[index]
        self._draw(target)

    @on(Input.Submitted, "#tie-motivation")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def _apply(self, motivation: str | None) -> None:
        try:
            self.model.set_tie_order(self.order if motivation is not None else list(self.group), motivation)
        except JuryError as error:
            self._problem(error.message)
            return
        except OSError as error:
            from jury_tui.errors import os_problem

            self._problem(os_problem(error))
            return
        self.dismiss(True)

    def _problem(self, message: str) -> None:
        line = self.query_one(".dialog-problem", Static)
        line.update(Content.styled(message, "bold $text-error"))
        line.display = True

    def action_save(self) -> None:
        motivation = self.query_one("#tie-motivation", Input).value
        if not motivation.strip():
            self._problem(t("chair.tie_motivation"))
            return
        self._apply(motivation)

    def action_clear_order(self) -> None:
        if self.existing is None:
            self._problem(t("chair.ui.tie.nothing_to_clear"))
            return
        self._apply(None)

    def unsaved(self) -> bool:
        """Whether a typed motivation would be lost by closing (the app asks before quitting too)."""
        return self.query_one("#tie-motivation", Input).value != (self.existing.motivation if self.existing else "")



