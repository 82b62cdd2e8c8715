"""An application (aanvraag) submitted by a municipality."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, ClassVar

from pydantic import Field

from jury_tui.domain.criteria import STRICT, Identifier
from jury_tui.domain.limits import (
    MAX_ID,
    MAX_NAME,
    MAX_PARTNERS,
    MAX_SECTION,
    MAX_SECTIONS,
    MAX_TEXT,
    MAX_TITLE,
)
from jury_tui.domain.text import Line, Text

Name = Annotated[Line, Field(min_length=1, max_length=MAX_NAME)]  # also a juror's name
Amount = Annotated[float, Field(ge=0, le=1e12)]


class Approval(StrEnum):
    COLLEGE = "college"
    COUNCIL = "gemeenteraad"
    NONE = "none"


@dataclass(frozen=True, kw_only=True)
class Section:
    __pydantic_config__: ClassVar[dict] = STRICT

    heading: Annotated[Line, Field(min_length=1, max_length=MAX_NAME)]
    body: Annotated[Text, Field(max_length=MAX_SECTION)] = ""


@dataclass(frozen=True, kw_only=True)
class Application:
    __pydantic_config__: ClassVar[dict] = STRICT

    id: Identifier
    municipality: Name
    neighbourhood: Name
    title: Annotated[Line, Field(min_length=1, max_length=MAX_TITLE)]
    requested_subsidy: Amount
    budgeted_cost: Amount | None = None
    co_financing: Amount | None = None
    infrastructure_amount: Amount | None = None
    duration_months: Annotated[int, Field(ge=1, le=600)] | None = None
    ends_on: dt.date | None = None  # the last day the contract would run, as the application plans it
    submitted_at: dt.datetime | None = None
    approved_by: Approval | None = None
    other_flemish_subsidy: bool | None = None
    # Partner organisations named in the application: what a juror checks their conflicts of interest against.
    partners: Annotated[list[Annotated[Line, Field(min_length=1, max_length=MAX_NAME)]], Field(max_length=MAX_PARTNERS)] = field(
        default_factory=list)
    illustrative: Annotated[list[Annotated[Line, Field(max_length=MAX_ID)]], Field(max_length=MAX_SECTIONS)] = field(
        default_factory=list)
    summary: Annotated[Text, Field(max_length=MAX_TEXT)] = ""
    sections: Annotated[list[Section], Field(max_length=MAX_SECTIONS)] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.municipality} – {self.neighbourhood}"
