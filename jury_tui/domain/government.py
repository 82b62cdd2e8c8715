"""The government's decision beside the jury's advice: per application what the advice proposed and
what the government decided, and where the two differ. One rule for the CLI, the app and the
advice's annex."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from jury_tui.domain.consensus import (
    ApplicationDecision,
    Recommendation,
    default_amount,
)
from jury_tui.domain.deliberation import GovernmentDecision
from jury_tui.domain.session import SessionDefinition


class Difference(StrEnum):
    """How the decision differs from the advice for one application."""

    NOT_ADVISED = "not_advised"  # selected by the government, not advised 'selecteren' (reserve or other)
    NOT_SELECTED = "not_selected"  # advised 'selecteren', not selected by the government
    AMOUNT = "amount"  # advised and selected, with another amount


@dataclass(frozen=True, slots=True, kw_only=True)
class ComparisonRow:
    application_id: str
    recommendation: Recommendation | None  # the jury's advice
    advised_amount: float | None  # the amount advised (the chair's, or the request capped for 'selecteren')
    selected: bool  # by the government
    amount: float | None  # the government's amount (None: not selected, or the decision gives none)
    illustrative: bool  # the government's amount is not from a source document
    difference: Difference | None  # None: decision and advice agree

    @property
    def advised(self) -> bool:
        return self.recommendation is Recommendation.SELECT

    @property
    def differs(self) -> bool:
        return self.difference is not None


def _cents(amount: float) -> int:
    return round(amount * 100)


def compare(
    session: SessionDefinition, decisions: Mapping[str, ApplicationDecision], government: GovernmentDecision
) -> list[ComparisonRow]:
    """One row per application of the session, in session order. An amount differs only when the
    government gives one and it is not the advised amount to the cent."""
    rows = []
    for application in session.applications:
        decision = decisions.get(application.id)
        recommendation = decision.recommendation if decision is not None else None
        advised_amount = decision.advised_amount if decision is not None else None
        if advised_amount is None and recommendation is Recommendation.SELECT:
            advised_amount = default_amount(application, session.criteria, decision)
        contract = government.contract(application.id)
        selected = contract is not None
        amount = contract.amount if contract is not None else None
        difference = None
        if selected and recommendation is not Recommendation.SELECT:
            difference = Difference.NOT_ADVISED
        elif not selected and recommendation is Recommendation.SELECT:
            difference = Difference.NOT_SELECTED
        elif selected and amount is not None and advised_amount is not None and _cents(amount) != _cents(advised_amount):
            difference = Difference.AMOUNT
        rows.append(
            ComparisonRow(
                application_id=application.id,
                recommendation=recommendation,
                advised_amount=advised_amount,
                selected=selected,
                amount=amount,
                illustrative=contract.illustrative if contract is not None else False,
                difference=difference,
            )
        )
    return rows
