"""What the jurors' scores say together: statistics, flags, calibration and agreement.

Only voting jurors who are not conflicted count. Advisory members are reported beside the
statistics, never in them. A missing score is missing, never zero.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from jury_tui.domain.criteria import CriteriaSet
from jury_tui.domain.session import Role, SessionDefinition
from jury_tui.domain.submission import Submission


@dataclass(frozen=True, slots=True)
class JurorScore:
    """One juror's score on one item. A plain dataclass: a large call holds hundreds of thousands,
    all taken from submissions that were validated when read."""

    juror_id: str
    role: Role
    score: int | None
    motivation: str


class CriterionStats(BaseModel):
    model_config = ConfigDict(frozen=True)

    criterion_id: str
    count: int
    missing: int
    mean: float | None
    median: float | None
    min: int | None
    max: int | None
    spread: int | None
    stdev: float | None
    flagged: bool


class ApplicationAggregate(BaseModel):
    model_config = ConfigDict(frozen=True)

    application_id: str
    criteria: dict[str, CriterionStats]
    weighted_total: float | None
    conflicted_jurors: list[str]

    @property
    def flagged_criteria(self) -> list[str]:
        return [cid for cid, stats in self.criteria.items() if stats.flagged]


def criterion_stats(criterion_id: str, scores: list[int], missing: int, threshold: float) -> CriterionStats:
    if not scores:
        return CriterionStats(
            criterion_id=criterion_id, count=0, missing=missing, mean=None, median=None,
            min=None, max=None, spread=None, stdev=None, flagged=False,
        )
    ordered = sorted(scores)
    count, low, high = len(ordered), ordered[0], ordered[-1]
    mean = sum(ordered) / count  # whole-number scores: the sum is exact
    middle = count // 2
    median = float(ordered[middle]) if count % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    # statistics.stdev computes with Fractions: exact but slow over thousands of items; plain
    # floats are exact enough for scores on a small whole-number scale.
    stdev = math.sqrt(sum((x - mean) ** 2 for x in ordered) / (count - 1)) if count > 1 else None
    return CriterionStats(
        criterion_id=criterion_id,
        count=count,
        missing=missing,
        mean=mean,
        median=median,
        min=low,
        max=high,
        spread=high - low,
        stdev=stdev,
        flagged=count > 1 and (high - low) >= threshold,
    )


def weighted_total(criteria: CriteriaSet, values: Mapping[str, float | None]) -> float | None:
    """Sum of weight × value over all criteria; unknown when any criterion has no value."""
    total = 0.0
    for criterion in criteria.criteria:
        value = values.get(criterion.id)
        if value is None:
            return None
        total += criterion.weight * value
    return total


def maximum_total(criteria: CriteriaSet) -> float:
    return sum(criterion.weight for criterion in criteria.criteria) * criteria.scale.max


class ScoreTable:
    """Every submitted score, indexed by application and criterion, with who gave it."""

    def __init__(self, session: SessionDefinition, submissions: Iterable[Submission]) -> None:
        self.session = session
        self.submissions = {submission.juror_id: submission for submission in submissions}
        self.conflicts: dict[str, set[str]] = defaultdict(set)  # application -> jurors
        self._entries: dict[tuple[str, str], list[JurorScore]] = defaultdict(list)
        for submission in self.submissions.values():
            role = session.juror(submission.juror_id).role
            for application_id in submission.conflicts:
                self.conflicts[application_id].add(submission.juror_id)
            for assessment in submission.assessments:
                for entry in assessment.scores:
                    self._entries[(assessment.application_id, entry.criterion_id)].append(
                        JurorScore(juror_id=submission.juror_id, role=role, score=entry.score, motivation=entry.motivation)
                    )

    def entries(self, application_id: str, criterion_id: str, role: Role | None = None) -> list[JurorScore]:
        found = self._entries.get((application_id, criterion_id), [])
        return [entry for entry in found if role is None or entry.role is role]

    def voting_jurors(self, application_id: str) -> list[str]:
        """Voting jurors expected to score this application: all but the conflicted."""
        return [
            juror.id
            for juror in self.session.jurors
            if juror.role is Role.VOTING and juror.id not in self.conflicts.get(application_id, set())
        ]


def aggregate(session: SessionDefinition, table: ScoreTable) -> dict[str, ApplicationAggregate]:
    criteria = session.criteria
    result = {}
    for application in session.applications:
        expected = len(table.voting_jurors(application.id))
        per_criterion = {}
        for criterion in criteria.criteria:
            scores = [
                entry.score
                for entry in table.entries(application.id, criterion.id, Role.VOTING)
                if entry.score is not None
            ]
            per_criterion[criterion.id] = criterion_stats(
                criterion.id, scores, max(expected - len(scores), 0), criteria.disagreement_threshold
            )
        result[application.id] = ApplicationAggregate(
            application_id=application.id,
            criteria=per_criterion,
            weighted_total=weighted_total(criteria, {cid: stats.mean for cid, stats in per_criterion.items()}),
            conflicted_jurors=sorted(table.conflicts.get(application.id, set())),
        )
    return result


# --- calibration ---------------------------------------------------------------------------


class JurorCalibration(BaseModel):
    """How lenient (+) or strict (−) a voting juror is against the others on the same items."""

    model_config = ConfigDict(frozen=True)

    juror_id: str
    offset: float | None
    shared_items: int


def calibrate(session: SessionDefinition, table: ScoreTable) -> dict[str, JurorCalibration]:
    """Offset = mean over the (application, criterion) pairs this juror shares with at least one other
    voting juror of (own score − mean of the others' scores). Items nobody else scored don't count,
    so a juror who happened to get the weaker applications is not called strict."""
    differences: dict[str, list[float]] = defaultdict(list)
    for application in session.applications:
        for criterion in session.criteria.criteria:
            scored = [e for e in table.entries(application.id, criterion.id, Role.VOTING) if e.score is not None]
            if len(scored) < 2:
                continue
            total = sum(e.score for e in scored)
            for entry in scored:
                others = (total - entry.score) / (len(scored) - 1)
                differences[entry.juror_id].append(entry.score - others)
    return {
        juror.id: JurorCalibration(
            juror_id=juror.id,
            offset=statistics.fmean(differences[juror.id]) if differences.get(juror.id) else None,
            shared_items=len(differences.get(juror.id, [])),
        )
        for juror in session.jurors
        if juror.role is Role.VOTING
    }


def calibrated_totals(
    session: SessionDefinition, table: ScoreTable, calibration: Mapping[str, JurorCalibration]
) -> dict[str, float | None]:
    """Weighted totals after removing each juror's offset: the ranking without leniency effects."""
    criteria = session.criteria
    totals = {}
    for application in session.applications:
        means = {}
        for criterion in criteria.criteria:
            adjusted = [
                e.score - (calibration[e.juror_id].offset or 0.0)
                for e in table.entries(application.id, criterion.id, Role.VOTING)
                if e.score is not None
            ]
            means[criterion.id] = statistics.fmean(adjusted) if adjusted else None
        totals[application.id] = weighted_total(criteria, means)
    return totals


# --- inter-rater reliability ---------------------------------------------------------------


class Agreement(StrEnum):
    HIGH = "high"
    ACCEPTABLE = "acceptable"
    MODERATE = "moderate"
    LOW = "low"
    UNDEFINED = "undefined"


def krippendorff_alpha_ordinal(units: Iterable[Iterable[int]]) -> float | None:
    """Krippendorff's alpha for ordinal data. `units` holds, per application, the scores given
    (missing ones left out). Units with fewer than two scores carry no information. None when
    there is no variation at all to measure agreement against."""
    coincidences: dict[tuple[int, int], float] = defaultdict(float)
    for unit in units:
        values = list(unit)
        m = len(values)
        if m < 2:
            continue
        for i, a in enumerate(values):
            for j, b in enumerate(values):
                if i != j:
                    coincidences[(a, b)] += 1 / (m - 1)
    if not coincidences:
        return None
    categories = sorted({a for a, _ in coincidences})
    totals = {c: sum(coincidences.get((c, k), 0.0) for k in categories) for c in categories}
    n = sum(totals.values())
    position = {c: i for i, c in enumerate(categories)}

    def delta(c: int, k: int) -> float:
        low, high = sorted((position[c], position[k]))
        between = sum(totals[categories[g]] for g in range(low, high + 1))
        return (between - (totals[c] + totals[k]) / 2) ** 2

    observed = sum(weight * delta(c, k) for (c, k), weight in coincidences.items())
    expected = sum(totals[c] * totals[k] * delta(c, k) for c in categories for k in categories) / (n - 1)
    if expected == 0:
        return None
    return 1 - observed / expected


def agreement_level(alpha: float | None) -> Agreement:
    """Krippendorff's customary cut-offs: 0.8 reliable, 0.667 tentative."""
    if alpha is None or math.isnan(alpha):
        return Agreement.UNDEFINED
    if alpha >= 0.8:
        return Agreement.HIGH
    if alpha >= 0.667:
        return Agreement.ACCEPTABLE
    if alpha >= 0.4:
        return Agreement.MODERATE
    return Agreement.LOW


def reliability(session: SessionDefinition, table: ScoreTable) -> dict[str, float | None]:
    """Krippendorff's ordinal alpha per criterion, over applications, among voting jurors."""
    return {
        criterion.id: krippendorff_alpha_ordinal(
            [
                [e.score for e in table.entries(application.id, criterion.id, Role.VOTING) if e.score is not None]
                for application in session.applications
            ]
        )
        for criterion in session.criteria.criteria
    }
