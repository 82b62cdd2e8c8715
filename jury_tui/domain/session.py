"""A jury session: one call's criteria, its applications, its jurors and its budget."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field, model_validator

from jury_tui.domain.applications import Application
from jury_tui.domain.canonical import sha256_hex
from jury_tui.domain.criteria import CriteriaSet, Identifier
from jury_tui.i18n import t

SESSION_SCHEMA_VERSION = 1


class Role(StrEnum):
    VOTING = "voting"
    ADVISORY = "advisory"


class Juror(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Identifier
    name: str = Field(min_length=1, max_length=200)
    role: Role


class SessionDefinition(BaseModel):
    """Everything a juror needs to assess; its hash (fingerprint) identifies the session."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Identifier
    title: str = Field(min_length=1)
    created_at: dt.datetime
    budget: float = Field(gt=0, le=1e13)
    criteria: CriteriaSet
    applications: list[Application] = Field(min_length=1)
    jurors: list[Juror] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> SessionDefinition:
        for kind, items in (("applications", self.applications), ("jurors", self.jurors)):
            seen: set[str] = set()
            for item in items:
                if item.id in seen:
                    key = "applications.duplicate_id" if kind == "applications" else "jurors.duplicate_id"
                    raise ValueError(t(key, id=item.id, other=kind))
                seen.add(item.id)
        return self

    def model_copy(self, *, update=None, deep: bool = False) -> SessionDefinition:
        """A copy; values cached from the original (fingerprint, lookup table) are not carried over."""
        copied = super().model_copy(update=update, deep=deep)
        for name in ("fingerprint", "_applications_by_id"):
            copied.__dict__.pop(name, None)
        return copied

    @cached_property
    def fingerprint(self) -> str:
        return sha256_hex(self.model_dump(mode="json"))

    @cached_property
    def _applications_by_id(self) -> dict[str, Application]:
        return {application.id: application for application in self.applications}

    def application(self, application_id: str) -> Application:
        return self._applications_by_id[application_id]

    def has_application(self, application_id: str) -> bool:
        return application_id in self._applications_by_id

    def juror(self, juror_id: str) -> Juror:
        for juror in self.jurors:
            if juror.id == juror_id:
                return juror
        raise KeyError(juror_id)
