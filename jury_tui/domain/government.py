"""The government's decision beside the jury's advice: one row per application, differences marked."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from jury_tui.domain.consensus import (
    ApplicationDecision,
    Recommendation,
    default_amount,
)
from jury_tui.domain.deliberation import GovernmentDecision
from jury_tui.domain.session import SessionDefinition


@dataclass(frozen=True, slots=True, kw_only=True)
class ComparisonRow:
    application_id: str
    recommendation: Recommendation | None  # the jury's advice
    advised_amount: float | None  # the amount advised (for selecteren without the chair's amount: the default)
    granted: bool  # the government selected it
    granted_amount: float | None  # None: not selected, or the decision gives no amount
    illustrative: bool  # the granted amount is illustrative, not from a source document
    differs: bool  # advice and decision differ: selected or not, or the amount


def _cents(amount: float | None) -> int | None:
    return None if amount is None else int(round(amount * 100))


def compare(
    session: SessionDefinition, decisions: Mapping[str, ApplicationDecision], government: GovernmentDecision
) -> list[ComparisonRow]:
    """Per application in session order: the jury's advice and the government's decision. They differ
    when one selects and the other does not, or when both give an amount and the amounts differ."""
    rows = []
    for application in session.applications:
        decision = decisions.get(application.id) or ApplicationDecision(application_id=application.id)
        recommendation = decision.recommendation
        advised = decision.advised_amount
        if advised is None and recommendation is Recommendation.SELECT:
            advised = default_amount(application, session.criteria, decision)
        contract = government.contract(application.id)
        granted = contract is not None
        granted_amount = contract.amount if contract is not None else None
        differs = granted != (recommendation is Recommendation.SELECT)
        if granted and not differs and advised is not None and granted_amount is not None:
            differs = _cents(advised) != _cents(granted_amount)
        rows.append(ComparisonRow(
            application_id=application.id,
            recommendation=recommendation,
            advised_amount=advised,
            granted=granted,
            granted_amount=granted_amount,
            illustrative=bool(contract is not None and contract.illustrative),
            differs=differs,
        ))
    return rows
