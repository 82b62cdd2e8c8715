"""What the jurors' scores say together: statistics, flags, calibration and agreement.

Only voting jurors who are not conflicted count. Advisory members are reported beside the
statistics, never in them. A missing score is missing, never zero.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from itertools import accumulate
from operator import attrgetter

from jury_tui.domain.criteria import CriteriaSet
from jury_tui.domain.session import Role, SessionDefinition
from jury_tui.domain.submission import Submission, SubmittedAssessment


@dataclass(frozen=True, slots=True)
class JurorScore:
    """One juror's score on one item. A plain dataclass: a large call holds hundreds of thousands,
    all taken from submissions that were validated when read."""

    juror_id: str
    role: Role
    score: int | None
    motivation: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CriterionStats:

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


@dataclass(frozen=True, slots=True, kw_only=True)
class ApplicationAggregate:

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
    # floats are exact enough for scores on a small whole-number scale. The squared deviations
    # are computed once per distinct score and summed in order (scores repeat a lot).
    if count > 1:
        squares = {x: (x - mean) ** 2 for x in set(ordered)}
        stdev = math.sqrt(sum(map(squares.__getitem__, ordered)) / (count - 1))
    else:
        stdev = None
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
    """Every submitted score, indexed by application and criterion, with who gave it.

    Built in one pass into plain lists: per submitting juror one row of A × C cells (application
    index × number of criteria + criterion index, in the session's order) holding the score or
    None. A large call has hundreds of thousands of scores; per-score objects would cost more than
    the statistics. `entries` (the detail screen: who said what, with motivation) reads the
    submissions themselves on demand.
    """

    def __init__(self, session: SessionDefinition, submissions: Iterable[Submission]) -> None:
        self.session = session
        self.submissions = {submission.juror_id: submission for submission in submissions}
        self.conflicts: dict[str, set[str]] = defaultdict(set)  # application -> jurors
        self.application_ids = [application.id for application in session.applications]
        self.criterion_ids = session.criteria.criterion_ids
        roles = {juror.id: juror.role for juror in session.jurors}
        self.juror_ids = list(self.submissions)  # the rows, in submission order
        self.roles = [roles[juror_id] for juror_id in self.juror_ids]  # KeyError: not a juror of this session
        width = len(self.criterion_ids)
        application_index = {application_id: index * width for index, application_id in enumerate(self.application_ids)}
        criterion_index = {criterion_id: index for index, criterion_id in enumerate(self.criterion_ids)}
        in_order = tuple(self.criterion_ids)
        cells = len(self.application_ids) * width
        self.rows: list[list[int | None]] = []
        for submission in self.submissions.values():
            for application_id in submission.conflicts:
                self.conflicts[application_id].add(submission.juror_id)
            row: list[int | None] = [None] * cells
            for assessment in submission.assessments:
                base = application_index.get(assessment.application_id)
                if base is None:
                    continue  # not an application of this session: the store refuses these
                scores = assessment.scores
                if tuple(map(_CRITERION_ID, scores)) == in_order:
                    row[base : base + width] = map(_SCORE, scores)
                else:
                    for entry in scores:
                        index = criterion_index.get(entry.criterion_id)
                        if index is not None:
                            row[base + index] = entry.score
            self.rows.append(row)
        self._voting_columns: list[tuple[int | None, ...]] | None = None
        self._assessments: dict[str, dict[str, SubmittedAssessment]] = {}

    @property
    def width(self) -> int:
        return len(self.criterion_ids)

    def voting_rows(self) -> list[tuple[str, list[int | None]]]:
        """(juror, row) for every voting juror who submitted, in submission order."""
        return [
            (juror_id, row)
            for juror_id, role, row in zip(self.juror_ids, self.roles, self.rows, strict=True)
            if role is Role.VOTING
        ]

    def voting_columns(self) -> list[tuple[int | None, ...]]:
        """Per cell (application index × width + criterion index) the voting jurors' scores, one
        per voting row, None where there is none. Computed once."""
        if self._voting_columns is None:
            rows = [row for _, row in self.voting_rows()]
            cells = len(self.application_ids) * self.width
            self._voting_columns = list(zip(*rows, strict=True)) if rows else [()] * cells
        return self._voting_columns

    def entries(self, application_id: str, criterion_id: str, role: Role | None = None) -> list[JurorScore]:
        found = []
        for juror_id, juror_role in zip(self.juror_ids, self.roles, strict=True):
            if role is not None and juror_role is not role:
                continue
            assessment = self._assessments_of(juror_id).get(application_id)
            if assessment is None:
                continue
            for entry in assessment.scores:
                if entry.criterion_id == criterion_id:
                    found.append(
                        JurorScore(juror_id=juror_id, role=juror_role, score=entry.score, motivation=entry.motivation)
                    )
        return found

    def _assessments_of(self, juror_id: str) -> dict[str, SubmittedAssessment]:
        if juror_id not in self._assessments:
            self._assessments[juror_id] = {a.application_id: a for a in self.submissions[juror_id].assessments}
        return self._assessments[juror_id]


_CRITERION_ID = attrgetter("criterion_id")
_SCORE = attrgetter("score")


def aggregate(session: SessionDefinition, table: ScoreTable) -> dict[str, ApplicationAggregate]:
    criteria = session.criteria
    threshold = criteria.disagreement_threshold
    criterion_ids = criteria.criterion_ids
    width = len(criterion_ids)
    columns = table.voting_columns()
    voting = [juror.id for juror in session.jurors if juror.role is Role.VOTING]
    result = {}
    for index, application in enumerate(session.applications):
        conflicted = table.conflicts.get(application.id)
        expected = len(voting) - (sum(1 for juror_id in voting if juror_id in conflicted) if conflicted else 0)
        per_criterion = {}
        base = index * width
        for offset, criterion_id in enumerate(criterion_ids):
            scores = [score for score in columns[base + offset] if score is not None]
            missing = max(expected - len(scores), 0)
            per_criterion[criterion_id] = criterion_stats(criterion_id, scores, missing, threshold)
        result[application.id] = ApplicationAggregate(
            application_id=application.id,
            criteria=per_criterion,
            weighted_total=weighted_total(criteria, {cid: stats.mean for cid, stats in per_criterion.items()}),
            conflicted_jurors=sorted(conflicted) if conflicted else [],
        )
    return result


# --- calibration ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class JurorCalibration:
    """How lenient (+) or strict (−) a voting juror is against the others on the same items."""

    juror_id: str
    offset: float | None
    shared_items: int


def calibrate(session: SessionDefinition, table: ScoreTable) -> dict[str, JurorCalibration]:
    """Offset = mean over the (application, criterion) pairs this juror shares with at least one other
    voting juror of (own score − mean of the others' scores). Items nobody else scored don't count,
    so a juror who happened to get the weaker applications is not called strict."""
    totals, counts = [], []
    for column in table.voting_columns():
        scored = [score for score in column if score is not None]
        totals.append(sum(scored))
        counts.append(len(scored))
    jurors, differences = [], []
    for juror_id, row in table.voting_rows():
        jurors.append(juror_id)
        differences.append(
            [
                score - (total - score) / (count - 1)  # own score − mean of the others'
                for score, total, count in zip(row, totals, counts, strict=True)
                if score is not None and count > 1
            ]
        )
    by_juror = dict(zip(jurors, differences, strict=True))
    return {
        juror.id: JurorCalibration(
            juror_id=juror.id,
            offset=statistics.fmean(by_juror[juror.id]) if by_juror.get(juror.id) else None,
            shared_items=len(by_juror.get(juror.id, [])),
        )
        for juror in session.jurors
        if juror.role is Role.VOTING
    }


def calibrated_totals(
    session: SessionDefinition, table: ScoreTable, calibration: Mapping[str, JurorCalibration]
) -> dict[str, float | None]:
    """Weighted totals after removing each juror's offset: the ranking without leniency effects."""
    criteria = session.criteria
    criterion_ids = criteria.criterion_ids
    width = len(criterion_ids)
    offsets = [calibration[juror_id].offset or 0.0 for juror_id, _ in table.voting_rows()]
    columns = table.voting_columns()
    totals = {}
    for index, application in enumerate(session.applications):
        means = {}
        base = index * width
        for position, criterion_id in enumerate(criterion_ids):
            adjusted = [score - offset for score, offset in zip(columns[base + position], offsets) if score is not None]
            means[criterion_id] = statistics.fmean(adjusted) if adjusted else None
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
    there is no variation at all to measure agreement against.

    The coincidence of values c and k is the sum over units of n_c · (n_k − [c = k]) / (m − 1),
    with n_c how often the unit holds c and m its number of values: counted per unit from its
    value counts, not per pair of values, and summed exactly in whole numbers per unit size m
    before the one division by m − 1."""
    paired: dict[int, dict[tuple[int, int], int]] = {}  # m -> (c, k) -> whole-number sum
    for unit in units:
        values = list(unit)
        m = len(values)
        if m < 2:
            continue
        counts = list(Counter(values).items())
        sums = paired.setdefault(m, defaultdict(int))
        for c, n_c in counts:
            for k, n_k in counts:
                sums[(c, k)] += n_c * (n_k - 1) if c == k else n_c * n_k
    # The rest is over value pairs only (a handful): exact fractions, rounded once at the end.
    coincidences: dict[tuple[int, int], Fraction] = defaultdict(Fraction)
    for m, sums in paired.items():
        for pair, whole in sums.items():
            if whole:
                coincidences[pair] += Fraction(whole, m - 1)
    if not coincidences:
        return None
    categories = sorted({a for a, _ in coincidences})
    totals = {c: sum((coincidences.get((c, k), Fraction(0)) for k in categories), Fraction(0)) for c in categories}
    n = sum(totals.values(), Fraction(0))
    cumulative = list(accumulate(totals[c] for c in categories))  # totals up to and including each category
    position = {c: i for i, c in enumerate(categories)}

    def delta(c: int, k: int) -> Fraction:
        low, high = sorted((position[c], position[k]))
        between = cumulative[high] - (cumulative[low - 1] if low else 0)
        return (between - (totals[c] + totals[k]) / 2) ** 2

    observed = sum((weight * delta(c, k) for (c, k), weight in coincidences.items()), Fraction(0))
    expected = sum((totals[c] * totals[k] * delta(c, k) for c in categories for k in categories), Fraction(0)) / (n - 1)
    if expected == 0:
        return None
    return float(1 - observed / expected)


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
    columns = table.voting_columns()
    width = len(session.criteria.criteria)
    return {
        criterion.id: krippendorff_alpha_ordinal(
            [[score for score in column if score is not None] for column in columns[position::width]]
        )
        for position, criterion in enumerate(session.criteria.criteria)
    }
