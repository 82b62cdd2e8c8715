"""A juror's assessment: scores and motivations per application and criterion."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, ClassVar

from pydantic import Field, StrictInt, StrictStr

from jury_tui.domain.criteria import STRICT, CriteriaSet
from jury_tui.domain.limits import MAX_ID, MAX_MOTIVATION
from jury_tui.domain.text import LINE_PATTERN, TEXT_PATTERN, Motivation

# An id as a stored record names it: checked against the session where it is used, here only one
# short line without control characters.
StoredId = Annotated[StrictStr, Field(max_length=MAX_ID, pattern=LINE_PATTERN)]

# CriterionScore, ApplicationAssessment and Progress are internal records: built by the store from
# what pydantic read from its own files (store/juror_store.py) or computed here. Plain dataclasses:
# cheaper to build by the thousand than models.


@dataclass(frozen=True)
class ScoreChange:
    """One score and motivation a juror sets, as a batch carries it. Strict types: a stored batch
    (the journal) is read back exactly as written, nothing converted."""

    __pydantic_config__: ClassVar[dict] = STRICT

    application_id: StoredId
    criterion_id: StoredId
    score: StrictInt | None
    motivation: Motivation


@dataclass(frozen=True, slots=True)
class CriterionScore:
    """A juror's score and motivation on one criterion; read back from the juror's files as written."""

    criterion_id: StoredId
    score: StrictInt | None = None
    motivation: Motivation = ""

    @property
    def is_empty(self) -> bool:
        return self.score is None and not self.motivation.strip()


@dataclass(frozen=True, slots=True)
class ApplicationAssessment:
    application_id: str
    scores: dict[str, CriterionScore] = field(default_factory=dict)

    def get(self, criterion_id: str) -> CriterionScore:
        return self.scores.get(criterion_id) or CriterionScore(criterion_id=criterion_id)


@dataclass(frozen=True, kw_only=True)
class HistoryEntry:
    """One change, kept for the audit trail: who changed what, when, from what to what. Records read
    back from the audit trail are validated by pydantic (formats/validation.py)."""

    __pydantic_config__: ClassVar[dict] = STRICT

    at: dt.datetime
    juror_id: StoredId
    application_id: StoredId | None = None
    criterion_id: StoredId | None = None
    field: StoredId
    old: object = None
    new: object = None
    # A CSV's file name is quoted through errors.visible: like every stored text, no control characters.
    reason: Annotated[str, Field(max_length=MAX_MOTIVATION, pattern=TEXT_PATTERN)] = ""


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"
    CONFLICT = "conflict"


def criterion_is_complete(criteria: CriteriaSet, entry: CriterionScore) -> bool:
    if entry.score is None:
        return False
    return not criteria.criterion(entry.criterion_id).motivation_required or bool(entry.motivation.strip())


def assessment_status(criteria: CriteriaSet, assessment: ApplicationAssessment, conflicted: bool) -> Status:
    if conflicted:
        return Status.CONFLICT
    entries = [assessment.get(criterion.id) for criterion in criteria.criteria]
    if all(criterion_is_complete(criteria, entry) for entry in entries):
        return Status.COMPLETE
    if all(entry.is_empty for entry in entries):
        return Status.NOT_STARTED
    return Status.IN_PROGRESS


@dataclass(frozen=True, slots=True)
class Progress:
    complete: int
    in_progress: int
    not_started: int
    conflicts: int

    @property
    def to_assess(self) -> int:
        """Applications the juror must assess: all but the conflicted ones."""
        return self.complete + self.in_progress + self.not_started

    @property
    def is_complete(self) -> bool:
        return self.in_progress == 0 and self.not_started == 0


def progress(statuses: Iterable[Status]) -> Progress:
    counts = {status: 0 for status in Status}
    for status in statuses:
        counts[status] += 1
    return Progress(
        complete=counts[Status.COMPLETE],
        in_progress=counts[Status.IN_PROGRESS],
        not_started=counts[Status.NOT_STARTED],
        conflicts=counts[Status.CONFLICT],
    )


def statuses_for(
    criteria: CriteriaSet,
    application_ids: Iterable[str],
    assessments: Mapping[str, ApplicationAssessment],
    conflicts: frozenset[str] | set[str],
) -> dict[str, Status]:
    return {
        application_id: assessment_status(
            criteria,
            assessments.get(application_id) or ApplicationAssessment(application_id=application_id),
            application_id in conflicts,
        )
        for application_id in application_ids
    }
