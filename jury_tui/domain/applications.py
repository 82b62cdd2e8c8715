"""An application (aanvraag) submitted by a municipality."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from jury_tui.domain.criteria import Identifier


class Approval(StrEnum):
    COLLEGE = "college"
    COUNCIL = "gemeenteraad"
    NONE = "none"


class Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    heading: str = Field(min_length=1)
    body: str = ""


class Application(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Identifier
    municipality: str = Field(min_length=1, max_length=200)
    neighbourhood: str = Field(min_length=1, max_length=200)
    title: str = Field(min_length=1, max_length=500)
    requested_subsidy: float = Field(ge=0, le=1e12)
    budgeted_cost: float | None = Field(default=None, ge=0, le=1e12)
    co_financing: float | None = Field(default=None, ge=0, le=1e12)
    infrastructure_amount: float | None = Field(default=None, ge=0, le=1e12)
    duration_months: int | None = Field(default=None, ge=1, le=600)
    submitted_at: dt.datetime | None = None
    approved_by: Approval | None = None
    other_flemish_subsidy: bool | None = None
    illustrative: list[str] = []
    summary: str = ""
    sections: list[Section] = []

    @property
    def label(self) -> str:
        return f"{self.municipality} – {self.neighbourhood}"

    def as_markdown(self) -> str:
        """The application text as the juror reads it (sections as headings)."""
        parts = [f"# {self.title}", f"**{self.municipality}** – {self.neighbourhood}"]
        if self.summary:
            parts.append(f"> {self.summary}")
        for section in self.sections:
            parts.append(f"## {section.heading}\n\n{section.body}".rstrip())
        return "\n\n".join(parts) + "\n"
