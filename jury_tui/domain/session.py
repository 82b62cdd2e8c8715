"""A jury session: one call's criteria, its applications, its jurors and its budget."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Annotated, ClassVar

from pydantic import Field

from jury_tui.domain.applications import Application, Name
from jury_tui.domain.canonical import LEFT_OUT_WHILE_EMPTY, json_form, sha256_hex
from jury_tui.domain.criteria import STRICT, CriteriaSet, Identifier
from jury_tui.domain.follow_up import FollowUpRound
from jury_tui.domain.limits import MAX_APPLICATIONS, MAX_JURORS, MAX_TITLE
from jury_tui.domain.text import InvalidValue, Line

# 2: the budget is no longer part of the fingerprint (the chair's decision, domain/deliberation.py).
SESSION_SCHEMA_VERSION = 2


class Role(StrEnum):
    VOTING = "voting"
    ADVISORY = "advisory"


# An Ed25519 public key: its raw 32 bytes as 64 lowercase hex digits (domain/signing.py).
PublicKey = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


@dataclass(frozen=True, kw_only=True)
class Juror:
    """A juror of the session. `public_key` checks the signature of their submissions; the session
    builder sets it (a jurors file has none), and the fingerprint covers it."""

    __pydantic_config__: ClassVar[dict] = STRICT

    id: Identifier
    name: Name
    role: Role
    public_key: PublicKey | None = None


@dataclass(frozen=True, kw_only=True)
class SessionDefinition:
    """Everything a juror needs to assess; its hash (fingerprint) identifies the session. The budget
    is the one announced in the call: the chair's starting point, outside the fingerprint, so that
    changing it (chair/deliberation.json) asks no juror to submit again."""

    __pydantic_config__: ClassVar[dict] = STRICT

    id: Identifier
    title: Annotated[Line, Field(min_length=1, max_length=MAX_TITLE)]
    created_at: dt.datetime
    budget: Annotated[float, Field(gt=0, le=1e13)]
    criteria: CriteriaSet
    applications: Annotated[list[Application], Field(min_length=1, max_length=MAX_APPLICATIONS)]
    jurors: Annotated[list[Juror], Field(min_length=1, max_length=MAX_JURORS)]
    # A follow-up round (domain/follow_up.py): the applications are the selected contracts. Left out
    # of the JSON form while None: a selection session keeps its fingerprint.
    follow_up: Annotated[FollowUpRound | None, LEFT_OUT_WHILE_EMPTY] = None

    def __post_init__(self) -> None:
        for kind, items in (("applications", self.applications), ("jurors", self.jurors)):
            seen: set[str] = set()
            for item in items:
                if item.id in seen:
                    key = "applications.duplicate_id" if kind == "applications" else "jurors.duplicate_id"
                    raise InvalidValue(key, id=item.id, other=kind)
                seen.add(item.id)
        if self.follow_up is not None:
            if not self.criteria.follow_up:
                raise InvalidValue("follow_up.criteria_not_follow_up", id=self.criteria.id)
            contracts = [contract.application_id for contract in self.follow_up.contracts]
            if contracts != [application.id for application in self.applications]:
                raise InvalidValue("follow_up.contracts_not_applications")
        elif self.criteria.follow_up:
            raise InvalidValue("follow_up.criteria_without_round", id=self.criteria.id)

    @cached_property
    def fingerprint(self) -> str:
        """SHA-256 of the canonical JSON (domain/canonical.py) of the definition's JSON form, without
        the budget."""
        form = json_form(self)
        del form["budget"]
        return sha256_hex(form)

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
