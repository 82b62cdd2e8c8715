"""The score table and calibration where they feed what the chair sees (domain/aggregation.py),
by hand-worked examples: each juror's offset with three voting jurors on an item, the calibrated
totals, who said what (entries) and the aggregate's identity."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from jury_tui.domain.aggregation import ScoreTable, aggregate, calibrate, calibrated_totals
from jury_tui.domain.assessment import ApplicationAssessment, CriterionScore
from jury_tui.domain.session import Juror, Role
from jury_tui.domain.submission import build_submission
from tests.conftest import private_key_of
from tests.rules_builders import application, criteria, session

AT = dt.datetime(2021, 9, 10, 10, 0, tzinfo=dt.timezone.utc)


class _Table:
    """What calibration reads of a score table: the voting rows and the columns they make."""

    def __init__(self, rows):
        self.rows = rows

    def voting_rows(self):
        return self.rows

    def voting_columns(self):
        return list(zip(*(row for _, row in self.rows), strict=True))


def _three_voting():
    s = session([application("a1")], criteria({"c1": 1.0, "c2": 1.0}))
    jurors = [Juror(id=j, name=j, role=Role.VOTING) for j in ("j1", "j2", "j3", "j4")]
    return dataclasses.replace(s, jurors=[*jurors, Juror(id="adv", name="adv", role=Role.ADVISORY)])


def test_offsets_with_three_voting_jurors_by_hand():
    s = _three_voting()
    # c1: j1 5, j2 3, j3 1.  j1: 5 − (3 + 1) / 2 = +3;  j2: 3 − (5 + 1) / 2 = 0;  j3: 1 − (5 + 3) / 2 = −3.
    # c2: j1 4, j3 2 (j2 gave none). j1: 4 − 2 = +2;  j3: 2 − 4 = −2.
    # Offsets: j1 (3 + 2) / 2 = +2.5; j2 0 on one item; j3 (−3 − 2) / 2 = −2.5; j4 scored nothing.
    table = _Table([("j1", [5, 4]), ("j2", [3, None]), ("j3", [1, 2]), ("j4", [None, None])])
    offsets = calibrate(s, table)
    assert {j: (o.juror_id, o.offset, o.shared_items) for j, o in offsets.items()} == {
        "j1": ("j1", 2.5, 2), "j2": ("j2", 0.0, 1), "j3": ("j3", -2.5, 2), "j4": ("j4", None, 0)}
    # Calibrated: c1 5 − 2.5, 3 − 0, 1 + 2.5 -> mean 3; c2 4 − 2.5, 2 + 2.5 -> mean 3; total 6.
    assert calibrated_totals(s, table, offsets) == {"a1": pytest.approx(6.0)}


def _assessment(application_id: str, scores: dict[str, int]) -> ApplicationAssessment:
    return ApplicationAssessment(
        application_id=application_id,
        scores={c: CriterionScore(criterion_id=c, score=v, motivation=f"{application_id}/{c}") for c, v in scores.items()},
    )


def test_table_entries_and_aggregates_name_who_and_what(small_session):
    full = {"inhoud": 4, "haalbaar": 3, "budget": 5}
    j1 = build_submission(small_session, "j1", {"a1": _assessment("a1", full), "a2": _assessment("a2", full)},
                          frozenset(), AT, 1, private_key_of(small_session, "j1"))
    # An assessment of an application the session does not have, before the real ones: skipped,
    # and the ones after it still count.
    stray = dataclasses.replace(j1.assessments[0], application_id="zz")
    j1 = dataclasses.replace(j1, assessments=[stray, *j1.assessments])
    adv = build_submission(small_session, "adv", {"a1": _assessment("a1", {"inhoud": 0})},
                           frozenset(), AT, 1, private_key_of(small_session, "adv"))
    table = ScoreTable(small_session, [j1, adv])
    entries = table.entries("a1", "inhoud")
    assert [(e.juror_id, e.role, e.score, e.motivation) for e in entries] == [
        ("j1", Role.VOTING, 4, "a1/inhoud"), ("adv", Role.ADVISORY, 0, "a1/inhoud")]
    aggregates = aggregate(small_session, table)
    assert {aid: a.application_id for aid, a in aggregates.items()} == {"a1": "a1", "a2": "a2", "a3": "a3"}
    assert aggregates["a2"].criteria["inhoud"].median == 4.0  # after the stray assessment
    assert aggregates["a1"].criteria["inhoud"].count == 1  # the advisory member's 0 is not counted
