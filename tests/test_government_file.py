"""The government's decision: its file (formats/government_file.py) and its comparison with the
advice (domain/government.compare), pinned by hand-worked examples at the boundaries. The small
session has three applications a1, a2, a3, each requesting 750,000 euro."""

from __future__ import annotations

import datetime as dt

import pytest

from jury_tui.domain.consensus import ApplicationDecision, Recommendation
from jury_tui.domain.deliberation import GovernmentDecision, GrantedContract
from jury_tui.domain.government import Difference, compare
from jury_tui.errors import JuryError
from jury_tui.formats.government_file import load_government

SELECT, RESERVE, REJECT = Recommendation.SELECT, Recommendation.RESERVE, Recommendation.REJECT


def decided(recommendation, amount=None, application_id="a1") -> ApplicationDecision:
    return ApplicationDecision(application_id=application_id, recommendation=recommendation, advised_amount=amount)


def government(*contracts: GrantedContract) -> GovernmentDecision:
    return GovernmentDecision(decided_on=dt.date(2021, 12, 17), reference="VR 2021 1712", selected=list(contracts))


def row_for(session, decisions, decision, application_id="a1"):
    return next(row for row in compare(session, decisions, decision) if row.application_id == application_id)


# --- compare ------------------------------------------------------------------------------------


def test_one_row_per_application_in_session_order(small_session):
    rows = compare(small_session, {}, government())
    assert [row.application_id for row in rows] == ["a1", "a2", "a3"]
    assert all(row.difference is None and not row.selected for row in rows)  # nothing advised, nothing selected


def test_advised_and_selected_at_the_same_amount_agree(small_session):
    row = row_for(small_session, {"a1": decided(SELECT, 600_000)}, government(GrantedContract(application_id="a1", amount=600_000)))
    assert (row.advised, row.selected, row.difference) == (True, True, None)


def test_an_amount_differs_by_one_cent_not_by_less(small_session):
    decisions = {"a1": decided(SELECT, 600_000)}
    one_cent = row_for(small_session, decisions, government(GrantedContract(application_id="a1", amount=600_000.01)))
    assert one_cent.difference is Difference.AMOUNT
    rounding = row_for(small_session, decisions, government(GrantedContract(application_id="a1", amount=600_000.004)))
    assert rounding.difference is None


def test_selecteren_without_an_amount_is_advised_at_the_request(small_session):
    """No amount of the chair's: the advice proposes the request (750,000), capped by the call."""
    row = row_for(small_session, {"a1": decided(SELECT)}, government(GrantedContract(application_id="a1", amount=700_000)))
    assert row.advised_amount == 750_000 and row.difference is Difference.AMOUNT


def test_a_decision_without_an_amount_is_no_amount_difference(small_session):
    row = row_for(small_session, {"a1": decided(SELECT, 600_000)}, government(GrantedContract(application_id="a1")))
    assert row.selected and row.amount is None and row.difference is None


@pytest.mark.parametrize("recommendation", [RESERVE, REJECT, None])
def test_selected_without_the_advice_selecteren(small_session, recommendation):
    decisions = {} if recommendation is None else {"a1": decided(recommendation)}
    row = row_for(small_session, decisions, government(GrantedContract(application_id="a1", amount=1)))
    assert row.difference is Difference.NOT_ADVISED and row.recommendation is recommendation


def test_advised_but_not_selected(small_session):
    row = row_for(small_session, {"a1": decided(SELECT, 500_000)}, government())
    assert (row.selected, row.amount, row.difference) == (False, None, Difference.NOT_SELECTED)


@pytest.mark.parametrize("recommendation", [RESERVE, REJECT])
def test_not_advised_and_not_selected_agree(small_session, recommendation):
    assert row_for(small_session, {"a1": decided(recommendation)}, government()).difference is None


def test_illustrative_amounts_are_carried(small_session):
    row = row_for(small_session, {}, government(GrantedContract(application_id="a1", amount=5, illustrative=True)))
    assert row.illustrative


# --- the file -----------------------------------------------------------------------------------


def write(tmp_path, text: str):
    path = tmp_path / "regering.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_documented_example_reads(tmp_path, small_session):
    path = write(tmp_path, 'decided_on = 2021-12-17\nreference = " VR 2021 1712 DOC.1234 "\nbudget = 7600000\nnote = "Eerste lijn.\\nTweede."\n'
                           '[[selected]]\napplication = "a2"\namount = 700000\nillustrative = true\n'
                           '[[selected]]\napplication = "a1"\namount = 650000.5\n'
                           '[[selected]]\napplication = "a3"\n')
    decision = load_government(path, small_session)
    assert decision.decided_on == dt.date(2021, 12, 17) and decision.reference == "VR 2021 1712 DOC.1234"
    assert decision.budget == 7_600_000 and decision.note == "Eerste lijn.\nTweede."
    assert [(c.application_id, c.amount, c.illustrative) for c in decision.selected] == [
        ("a2", 700_000, True), ("a1", 650_000.5, False), ("a3", None, False)]
    assert decision.total is None  # one contract without an amount


def test_nothing_selected_is_a_decision_too(tmp_path, small_session):
    decision = load_government(write(tmp_path, 'decided_on = 2021-12-17\nreference = "VR"\n'), small_session)
    assert decision.selected == [] and decision.total == 0


@pytest.mark.parametrize(("text", "expected"), [
    ('decided_on = 2021-12-17\nreference = "  "\n', "veld 'reference'"),
    ('decided_on = 2021-12-17\nreference = "VR"\nbudget = 0\n', "veld 'budget'"),
    ('decided_on = 2021-12-17\nreference = "VR"\nbudget = true\n', "veld 'budget'"),
    ('decided_on = 2021-12-17\nreference = "VR"\nselected = "a1"\n', "veld 'selected'"),
    ('decided_on = 2021-12-17\nreference = "VR"\n[[selected]]\namount = 5\n', "veld 'selected[1].application'"),
    ('decided_on = 2021-12-17\nreference = "VR"\n[[selected]]\napplication = "a1"\namount = 1e14\n', "veld 'selected[1].amount'"),
    ('decided_on = 2021-12-17\nreference = "VR"\nnote = 5\n', "veld 'note'"),
    ('decided_on = 2021-12-17\nreference = "V\\nR"\n', "veld 'reference'"),
    ('decided_on = 12:00:00\nreference = "VR"\n', "veld 'decided_on'"),
])
def test_refusals_name_the_file_and_the_field(tmp_path, small_session, text, expected):
    with pytest.raises(JuryError) as caught:
        load_government(write(tmp_path, text), small_session)
    assert "regering.toml" in caught.value.message and expected in caught.value.message
