"""An application (aanvraag) submitted by a municipality."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, ClassVar

from pydantic import Field

from jury_tui.domain.criteria import STRICT, Identifier

Name = Annotated[str, Field(min_length=1, max_length=200)]
Amount = Annotated[float, Field(ge=0, le=1e12)]


class Approval(StrEnum):
    COLLEGE = "college"
    COUNCIL = "gemeenteraad"
    NONE = "none"


@dataclass(frozen=True, kw_only=True)
class Section:
    __pydantic_config__: ClassVar[dict] = STRICT

    heading: Annotated[str, Field(min_length=1)]
    body: str = ""


@dataclass(frozen=True, kw_only=True)
class Application:
    __pydantic_config__: ClassVar[dict] = STRICT

    id: Identifier
    municipality: Name
    neighbourhood: Name
    title: Annotated[str, Field(min_length=1, max_length=500)]
    requested_subsidy: Amount
    budgeted_cost: Amount | None = None
    co_financing: Amount | None = None
    infrastructure_amount: Amount | None = None
    duration_months: Annotated[int, Field(ge=1, le=600)] | None = None
    submitted_at: dt.datetime | None = None
    approved_by: Approval | None = None
    other_flemish_subsidy: bool | None = None
    illustrative: list[str] = field(default_factory=list)
    summary: str = ""
    sections: list[Section] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.municipality} – {self.neighbourhood}"
