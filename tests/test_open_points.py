"""What is open in an advice, in the user's words (reports/open_points.py): one line per application
that stays readable, whatever is missing."""

from __future__ import annotations

from jury_tui.domain.advice import Gap, OpenPoint
from jury_tui.i18n import set_language
from jury_tui.reports.open_points import application_line
from tests.rules_builders import application, criteria, session

WEIGHTS = {f"c{index}": 1.0 for index in range(1, 6)}  # five criteria c1 … c5


def line(points):
    set_language("nl")
    s = session([application("a1")], criteria(WEIGHTS))
    return application_line(s, "a1", points)


def test_up_to_three_criteria_are_named_one_by_one():
    points = [OpenPoint(Gap.SCORE, "c1"), OpenPoint(Gap.MOTIVATION, "c2"), OpenPoint(Gap.RECOMMENDATION)]
    assert line(points) == "Gemeente (a1): consensusscore c1, motivering c2, geen aanbeveling"


def test_more_than_three_criteria_are_counted():
    points = [OpenPoint(Gap.SCORE, f"c{index}") for index in (1, 2, 3, 4)] + [OpenPoint(Gap.MOTIVATION, "c1")]
    assert line(points) == "Gemeente (a1): consensus onvolledig bij 4 van de 5 criteria"


def test_nothing_consolidated_is_said_once():
    points = [OpenPoint(gap, f"c{index}") for index in range(1, 6) for gap in (Gap.SCORE, Gap.MOTIVATION)]
    assert line(points + [OpenPoint(Gap.OVERALL_MOTIVATION)]) == (
        "Gemeente (a1): alle criteria (score, motivering), geen algemene motivering")
