"""An application (aanvraag) submitted by a municipality."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, ClassVar

from pydantic import AfterValidator, Field

from jury_tui.domain.canonical import LEFT_OUT_WHILE_EMPTY
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
from jury_tui.domain.text import InvalidValue, Line, Text

Name = Annotated[Line, Field(min_length=1, max_length=MAX_NAME)]  # also a juror's name
Amount = Annotated[float, Field(ge=0, le=1e12)]


def _trimmed(name: str) -> str:
    """A partner's name without surrounding blanks; a name of blanks only is no name."""
    name = name.strip()
    if not name:
        raise InvalidValue("application.partner_blank")
    return name


def _distinct(names: list[str]) -> list[str]:
    """A partner named twice is a slip in the file, said rather than kept."""
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise InvalidValue("application.partner_twice", name=name)
        seen.add(name)
    return names


Partner = Annotated[Line, Field(min_length=1, max_length=MAX_NAME), AfterValidator(_trimmed)]


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
    # Left out of the JSON form while empty: sessions made before partners existed keep their fingerprint.
    partners: Annotated[list[Partner], Field(max_length=MAX_PARTNERS), AfterValidator(_distinct), LEFT_OUT_WHILE_EMPTY] = field(
        default_factory=list)
    illustrative: Annotated[list[Annotated[Line, Field(max_length=MAX_ID)]], Field(max_length=MAX_SECTIONS)] = field(
        default_factory=list)
    summary: Annotated[Text, Field(max_length=MAX_TEXT)] = ""
    sections: Annotated[list[Section], Field(max_length=MAX_SECTIONS)] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.municipality} – {self.neighbourhood}"
