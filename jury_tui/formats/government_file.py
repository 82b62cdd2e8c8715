"""The government's decision on the advice, as the secretariat writes it down (TOML; docs/file-formats.md).

    decided_on = 2021-12-17                      # a TOML date, not a quoted text
    reference = "Beslissing Vlaamse Regering VR 2021 1712 DOC.1234"
    budget = 7600000                             # optional: the total released
    note = "..."                                 # optional
    [[selected]]
    application = "wvc21-02"
    amount = 700000                              # optional: the decision gives no amount
    illustrative = true                          # optional: the amount is not from a source document

Types are strict (a quoted amount or date is refused, not guessed), unknown keys are refused, and
every application must be one of the session's, once. Read into domain.deliberation.GovernmentDecision.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, ClassVar

from pydantic import Field, Strict, StrictBool

from jury_tui.domain.assessment import StoredId
from jury_tui.domain.consensus import amount_cap
from jury_tui.domain.criteria import STRICT
from jury_tui.domain.deliberation import EventDate, GovernmentDecision, GrantedContract
from jury_tui.domain.limits import MAX_APPLICATIONS, MAX_TITLE
from jury_tui.domain.session import SessionDefinition
from jury_tui.domain.text import Line, Motivation
from jury_tui.errors import JuryError, display_path
from jury_tui.formats.files import read_toml
from jury_tui.formats.validation import validate
from jury_tui.formatting import format_amount
from jury_tui.i18n import t

_Euros = Annotated[float, Strict(), Field(ge=0, le=1e13, allow_inf_nan=False)]


@dataclass(frozen=True, slots=True, kw_only=True)
class _SelectedEntry:
    __pydantic_config__: ClassVar[dict] = STRICT

    application: StoredId
    amount: _Euros | None = None
    illustrative: StrictBool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class _GovernmentFile:
    __pydantic_config__: ClassVar[dict] = STRICT

    decided_on: Annotated[EventDate, Strict()]
    reference: Annotated[Line, Field(min_length=1, max_length=MAX_TITLE)]
    budget: Annotated[float, Strict(), Field(gt=0, le=1e13, allow_inf_nan=False)] | None = None
    note: Motivation = ""
    selected: Annotated[list[_SelectedEntry], Field(max_length=MAX_APPLICATIONS)] = field(default_factory=list)


def _field_problem(path: Path, name: str, problem: str) -> JuryError:
    return JuryError(t("file.field_problem", file=display_path(path), field=name, problem=problem))


def load_government(path: Path, session: SessionDefinition) -> GovernmentDecision:
    """The decision in `path` for `session`, or one JuryError naming the file and the field."""
    data = read_toml(path, "government")
    day = data.get("decided_on")
    if day is not None and (not isinstance(day, dt.date) or isinstance(day, dt.datetime)):  # "2021-12-17" quoted
        raise _field_problem(path, "decided_on", t("government.date"))
    read = validate(_GovernmentFile, data, path)
    if not read.reference.strip():
        raise _field_problem(path, "reference", t("field.too_short"))
    seen: set[str] = set()
    for index, entry in enumerate(read.selected, start=1):
        name = f"selected[{index}].application"
        if not session.has_application(entry.application):
            raise _field_problem(path, name, t("government.unknown_application", application=entry.application))
        if entry.application in seen:
            raise _field_problem(path, name, t("government.duplicate", application=entry.application))
        seen.add(entry.application)
        if entry.amount is not None:
            field = f"selected[{index}].amount"
            if round(entry.amount * 100) != entry.amount * 100:
                raise _field_problem(path, field, t("government.cents"))
            cap = amount_cap(session.application(entry.application), session.criteria)
            if entry.amount > cap:
                raise _field_problem(path, field, t("government.over_cap", amount=format_amount(entry.amount),
                                                    cap=format_amount(cap)))
    amounts = [entry.amount for entry in read.selected if entry.amount is not None]
    if read.budget is not None and sum(round(a * 100) for a in amounts) > round(read.budget * 100):
        raise _field_problem(path, "budget", t("government.over_budget", total=format_amount(sum(amounts)),
                                               budget=format_amount(read.budget)))
    return GovernmentDecision(
        decided_on=read.decided_on,
        reference=read.reference.strip(),
        budget=read.budget,
        selected=[
            GrantedContract(application_id=entry.application, amount=entry.amount, illustrative=entry.illustrative)
            for entry in read.selected
        ],
        note=read.note,
    )
