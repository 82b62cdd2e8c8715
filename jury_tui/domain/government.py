"""The government's decision beside the jury's advice: one row per application, differences marked.

Pure: the app's view, the advice's annex and the letters all read the same rows.
"""

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
    advised_amount: float | None  # with selecteren or reserve: the advised amount (or the most that may be advised)
    granted: bool  # the government selected it
    granted_amount: float | None  # the amount the decision gives, when it gives one
    illustrative: bool  # the granted amount is not from a source document
    differs: bool  # advice and decision disagree: selected or not, or the amount


def _cents(amount: float | None) -> int | None:
    return None if amount is None else round(amount * 100)


def compare(
    session: SessionDefinition, decisions: Mapping[str, ApplicationDecision], government: GovernmentDecision
) -> list[ComparisonRow]:
    """Per application in session order: the advice and the government's decision. They differ when
    the government funds an application the jury did not advise to select (reserve included) or does
    not fund one it did, or when both give an amount and the amounts are not the same to the cent."""
    rows = []
    for application in session.applications:
        decision = decisions.get(application.id)
        recommendation = decision.recommendation if decision is not None else None
        advised = (
            default_amount(application, session.criteria, decision)
            if recommendation is not None and recommendation.funded
            else None
        )
        contract = government.contract(application.id)
        granted = contract is not None
        granted_amount = contract.amount if contract is not None else None
        differs = granted != (recommendation is Recommendation.SELECT)
        if granted and recommendation is Recommendation.SELECT and granted_amount is not None and advised is not None:
            differs = differs or _cents(granted_amount) != _cents(advised)
        rows.append(
            ComparisonRow(
                application_id=application.id,
                recommendation=recommendation,
                advised_amount=advised,
                granted=granted,
                granted_amount=granted_amount,
                illustrative=contract.illustrative if contract is not None else False,
                differs=differs,
            )
        )
    return rows
