"""What the chair decides for the session as a whole: the budget, the meeting, the order of ties;
and the government's decision, recorded beside the advice.

The budget is a decision of the chair's side, not part of the session's identity: the session's own
budget (as announced in the call) is only the default, so raising it asks no juror to submit again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated, ClassVar

from pydantic import Field

from jury_tui.domain.assessment import StoredId
from jury_tui.domain.criteria import STRICT
from jury_tui.domain.limits import (
    MAX_AMOUNT,
    MAX_APPLICATIONS,
    MAX_JURORS,
    MAX_NAME,
    MAX_TITLE,
)
from jury_tui.domain.text import Line, Motivation

Budget = Annotated[float, Field(gt=0, le=MAX_AMOUNT, allow_inf_nan=False)]
Euros = Annotated[float, Field(ge=0, le=MAX_AMOUNT, allow_inf_nan=False)]
PersonName = Annotated[Line, Field(min_length=1, max_length=MAX_NAME)]
# A date of this century: year 1 or 9999 is a typing error, not a jury meeting or a decision.
EventDate = Annotated[dt.date, Field(ge=dt.date(2000, 1, 1), le=dt.date(2099, 12, 31))]


@dataclass(frozen=True, slots=True, kw_only=True)
class TieOrder:
    """The chair's order for applications with equal totals after the tie-break criteria, and why."""

    __pydantic_config__: ClassVar[dict] = STRICT

    application_ids: Annotated[list[StoredId], Field(min_length=2, max_length=MAX_APPLICATIONS)]
    motivation: Annotated[Motivation, Field(min_length=1)]


@dataclass(frozen=True, slots=True, kw_only=True)
class Meeting:
    """The jury meeting on record: when, who chaired it, which jurors attended and who else was there."""

    __pydantic_config__: ClassVar[dict] = STRICT

    held_on: EventDate | None = None
    chair: Annotated[Line, Field(max_length=MAX_NAME)] = ""
    attendees: Annotated[list[StoredId], Field(max_length=MAX_JURORS)] = field(default_factory=list)  # juror ids
    others: Annotated[list[PersonName], Field(max_length=MAX_JURORS)] = field(default_factory=list)  # e.g. the secretariat
    notes: Motivation = ""

    @property
    def recorded(self) -> bool:
        return self.held_on is not None and bool(self.chair.strip()) and bool(self.attendees)


@dataclass(frozen=True, slots=True, kw_only=True)
class Deliberation:
    """The chair's session-wide decisions (chair/deliberation.json)."""

    __pydantic_config__: ClassVar[dict] = STRICT

    budget: Budget | None = None  # None: the session's own budget
    meeting: Meeting = field(default_factory=Meeting)
    tie_orders: Annotated[list[TieOrder], Field(max_length=MAX_APPLICATIONS)] = field(default_factory=list)

    def budget_or(self, default: float) -> float:
        return default if self.budget is None else self.budget

    def tie_order_for(self, application_ids: set[str]) -> TieOrder | None:
        """The chair's order of exactly this group of tied applications, if set."""
        for order in self.tie_orders:
            if set(order.application_ids) == application_ids:
                return order
        return None


@dataclass(frozen=True, slots=True, kw_only=True)
class GrantedContract:
    __pydantic_config__: ClassVar[dict] = STRICT

    application_id: StoredId
    amount: Euros | None = None  # None: the decision gives no amount for this contract
    illustrative: bool = False  # the amount is not from a source document (the demo's)


@dataclass(frozen=True, slots=True, kw_only=True)
class GovernmentDecision:
    """The government's decision on the advice: which applications, which amounts, when, reference."""

    __pydantic_config__: ClassVar[dict] = STRICT

    decided_on: EventDate
    reference: Annotated[Line, Field(min_length=1, max_length=MAX_TITLE)]
    budget: Budget | None = None  # the total the government released, when it says so
    selected: Annotated[list[GrantedContract], Field(max_length=MAX_APPLICATIONS)] = field(default_factory=list)
    note: Motivation = ""

    def contract(self, application_id: str) -> GrantedContract | None:
        for contract in self.selected:
            if contract.application_id == application_id:
                return contract
        return None

    @property
    def total(self) -> float | None:
        """The sum of the amounts, when every selected contract has one."""
        if any(contract.amount is None for contract in self.selected):
            return None
        return sum(round((contract.amount or 0.0) * 100) for contract in self.selected) / 100
