"""The government's decision beside the jury's advice (r, from the ranking screen): per application
the advice (recommendation, amount) and the decision (selected, amount), differences marked ≠, the
totals, the decision's date and reference. Recorded with `jury-tui government SESSION FILE`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from jury_tui.domain.consensus import Recommendation
from jury_tui.i18n import t
from jury_tui.ui.chair import formatting as fmt
from jury_tui.ui.chair.keys import KeySpec, SpecBindings, bindings_for, government_keys
from jury_tui.ui.chair.widgets import ChairTable
from jury_tui.ui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from jury_tui.ui.chair.model import ChairModel

LABEL_WIDTH = 20


def _cents(rows, attribute: str, when) -> float:
    return sum(round((getattr(row, attribute) or 0.0) * 100) for row in rows if when(row)) / 100


class GovernmentDialog(SpecBindings, ModalScreen[None]):
    AUTO_FOCUS = "#government-table"
    BINDINGS = bindings_for(government_keys())
    DEFAULT_CSS = """
    GovernmentDialog .wide-box { width: 100%; max-width: 96; height: 1fr; border: thick $primary;
                                 background: $surface; padding: 0 1; }
    GovernmentDialog #government-table { height: 1fr; scrollbar-size-vertical: 1; }
    GovernmentDialog .dialog-title { margin-bottom: 0; }
    GovernmentDialog #government-head, GovernmentDialog #government-totals { height: auto; }
    """

    def __init__(self, model: ChairModel) -> None:
        super().__init__(classes="dialog", id="government-dialog")
        self.model = model

    def key_specs(self) -> list[KeySpec]:
        return government_keys()

    def compose(self) -> ComposeResult:
        decision = self.model.government()
        with Vertical(classes="wide-box"):
            yield Static(t("chair.ui.government.title"), classes="dialog-title")
            if decision is None:
                yield Static(t("chair.ui.government.none", session=self.model.session.id), classes="dialog-body",
                             markup=False, id="government-head")
            else:
                yield Static(id="government-head", markup=False)
                yield ChairTable(id="government-table", cursor_type="row")
                yield Static(id="government-totals", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        decision = self.model.government()
        if decision is None:
            return
        rows = self.model.government_rows()
        head = t("chair.ui.government.head", date=decision.decided_on.strftime(t("format.date")),
                 reference=decision.reference)
        if decision.budget is not None:
            head += " · " + t("chair.ui.government.budget", budget=fmt.euro(decision.budget))
        if decision.note.strip():
            head += "\n" + decision.note.strip()
        self.query_one("#government-head", Static).update(head)
        table = self.query_one("#government-table", ChairTable)
        for key, label, width, right in (
            ("application", "chair.ui.government.column_application", LABEL_WIDTH, False),
            ("advice", "chair.ui.government.column_advice", 6, False),
            ("advised", "chair.ui.government.column_advised", 11, True),
            ("granted", "chair.ui.government.column_granted", 8, False),
            ("granted_amount", "export.gov.granted", 10, True),
            ("differs", "export.gov.differs_mark", 2, False),
        ):
            table.add_column(Text(t(label), justify="right" if right else "left"), key=key, width=width)
        shown = []
        for row in rows:
            recommendation = row.recommendation
            advice = t(f"chair.ui.recommendation.short.{recommendation.value}") if recommendation else fmt.DASH
            amount = fmt.plain_amount(row.amount) if row.amount is not None else ""
            if row.illustrative and amount:
                amount += "*"
            style = "bold yellow" if row.differs else ""
            shown.append((row.application_id, [
                Text(fmt.shorten(self.model.application(row.application_id).label, LABEL_WIDTH), style=style),
                Text(advice, style="bold green" if recommendation is Recommendation.SELECT else ""),
                Text(fmt.plain_amount(row.advised_amount) if row.advised_amount is not None else "", justify="right"),
                Text(t("chair.ui.figure.yes") if row.selected else fmt.DASH, style="bold green" if row.selected else ""),
                Text(amount or (fmt.DASH if row.selected else ""), justify="right"),
                Text("≠" if row.differs else "", style="bold yellow"),
            ]))
        table.show_rows(shown)
        advised = _cents(rows, "advised_amount", lambda row: row.recommendation is Recommendation.SELECT)
        granted = decision.total
        totals = t("chair.ui.government.totals",
                   advised_count=sum(1 for row in rows if row.recommendation is Recommendation.SELECT),
                   advised=fmt.euro(advised), granted_count=len(decision.selected),
                   granted=fmt.euro(granted) if granted is not None else fmt.DASH,
                   differences=sum(1 for row in rows if row.differs))
        if any(row.illustrative for row in rows):
            totals += "\n" + t("chair.ui.government.illustrative")
        self.query_one("#government-totals", Static).update(totals)

    def action_close(self) -> None:
        self.dismiss(None)
