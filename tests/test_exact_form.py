"""The exact stored form (domain/exact_form.py): the juror's and the chair's apps read their own files
(session, submissions, decisions) without pydantic, so that reader must never accept what pydantic
refuses, must give what pydantic gives, and must take every file this program writes."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import math

import pytest
from conftest import data_paths
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from jury_tui.domain.assessment import (
    ApplicationAssessment,
    CriterionScore,
    HistoryEntry,
)
from jury_tui.domain.canonical import canonical_json, sha256_hex
from jury_tui.domain.consensus import (
    ApplicationDecision,
    CriterionConsensus,
    Recommendation,
)
from jury_tui.domain.exact_form import from_stored_form, iso_datetime, stored_form
from jury_tui.domain.session import SessionDefinition
from jury_tui.domain.submission import Submission, build_submission
from jury_tui.formats.session_builder import build_demo_session
from jury_tui.store.sessions import (
    SESSION_FILE,
    load_session,
    session_dir,
    write_session,
)

ADAPTER = TypeAdapter(SessionDefinition)
DEMO = build_demo_session()
DEMO_FORM = stored_form(DEMO)


# A small part of the demo, so that hypothesis reaches every kind of field often.
SMALL_FORM = {**DEMO_FORM, "applications": DEMO_FORM["applications"][:2], "jurors": DEMO_FORM["jurors"][:3]}
PATHS = [path for path in data_paths(SMALL_FORM) if path]


def _submission_form() -> dict:
    first, second = (application.id for application in DEMO.applications[:2])
    scores = {cid: CriterionScore(criterion_id=cid, score=3, motivation="Goed – ë.") for cid in DEMO.criteria.criterion_ids}
    submission = build_submission(
        DEMO, DEMO.jurors[0].id, {first: ApplicationAssessment(application_id=first, scores=scores)},
        frozenset({second}), dt.datetime(2021, 9, 1, 10, 0, tzinfo=dt.timezone.utc),
    )
    form = stored_form(submission)
    return {**form, "assessments": form["assessments"][:2]}


# The chair's records: a submission (two of its assessments) and a decision.
OTHER_FORMS = {
    Submission: _submission_form(),
    ApplicationDecision: stored_form(
        ApplicationDecision(
            application_id="a1",
            criteria={"maatwerk": CriterionConsensus(criterion_id="maatwerk", score=3, motivation="m", minority_view="")},
            overall_motivation="Sterk dossier.",
            recommendation=Recommendation.SELECT,
            advised_amount=150_000.0,
        )
    ),
}

# Values of other kinds and spellings: what a hand-edited or foreign file may hold.
REPLACEMENTS = st.one_of(
    st.sampled_from([
        None, True, False, 0, 1, -1, 2, 5, 0.0, 1.0, -1.0, 2.5, 1e13, 1e300, math.inf, -math.inf, math.nan,
        "", " ", "x", "5", "1.0", "true", "a1", "A1", "a1\n", " a1", "nl", "voting", "advisory", "college", "max_subsidy",
        "2021-07-19T12:00:00+02:00", "2021-07-19T12:00:00Z", "2021-07-19T12:00:00+00:00", "2021-07-19T12:00:00",
        "2021-07-19 12:00:00+02:00", "2021-07-19T12:00:00.5+02:00", "2021-07-19", "2021-W29-1T12:00:00+02:00",
        [], [1], ["x"], {}, {"nl": "x"}, {"nl": " x "}, {"nl": "x", "en": None}, {"nl": "", "en": "y"},
    ]),
    st.text(max_size=8),
    st.integers(-10**15, 10**15),
    st.floats(allow_nan=True, allow_infinity=True),
)


def _set(data, path, value):
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


def _mutate(data, path, how, value):
    changed = copy.deepcopy(data)
    node = changed
    for key in path[:-1]:
        node = node[key]
    last = path[-1]
    if how == "replace":
        node[last] = value
    elif how == "drop" and isinstance(node, dict):
        del node[last]
    elif how == "drop":
        node.pop(last)
    elif how == "pad" and isinstance(node[last], str):
        node[last] = f" {node[last]} "
    elif how == "int" and isinstance(node[last], float) and node[last].is_integer():
        node[last] = int(node[last])
    elif how == "extra" and isinstance(node[last], dict):
        node[last]["onbekend"] = 1
    elif how == "duplicate" and isinstance(node[last], list) and node[last]:
        node[last].append(copy.deepcopy(node[last][0]))
    return changed


def _pydantic(data):
    try:
        return ADAPTER.validate_python(data)
    except ValidationError:
        return None


@settings(max_examples=400, deadline=None)
@given(
    path=st.sampled_from(PATHS),
    how=st.sampled_from(["replace", "replace", "drop", "pad", "int", "extra", "duplicate"]),
    value=REPLACEMENTS,
)
def test_exact_reader_accepts_only_what_pydantic_accepts_and_gives_the_same(path, how, value):
    data = _mutate(SMALL_FORM, path, how, value)
    exact = SessionDefinition.from_stored(data)  # as a session file is opened: the fingerprint from the data
    validated = _pydantic(data)
    if exact is not None:
        assert validated is not None, "the exact reader took data pydantic refuses"
        assert exact == validated
        assert canonical_json(stored_form(exact)) == canonical_json(stored_form(validated)) == canonical_json(data)
        assert exact.fingerprint == validated.fingerprint == sha256_hex(stored_form(exact))
    elif validated is not None:
        # Refused only because the data is not in the form this program writes.
        assert canonical_json(stored_form(validated)) != canonical_json(data)


@pytest.mark.parametrize("kind", list(OTHER_FORMS), ids=lambda kind: kind.__name__)
@settings(max_examples=300, deadline=None)
@given(
    choice=st.data(),
    how=st.sampled_from(["replace", "replace", "drop", "pad", "int", "extra", "duplicate"]),
    value=REPLACEMENTS,
)
def test_the_chairs_records_too(kind, choice, how, value):
    form = OTHER_FORMS[kind]
    data = _mutate(form, choice.draw(st.sampled_from([path for path in data_paths(form) if path])), how, value)
    exact = from_stored_form(kind, data)
    try:
        validated = TypeAdapter(kind).validate_python(data)
    except ValidationError:
        validated = None
    if exact is not None:
        assert validated is not None, "the exact reader took data pydantic refuses"
        assert exact == validated
        assert canonical_json(stored_form(exact)) == canonical_json(stored_form(validated)) == canonical_json(data)
    elif validated is not None:
        assert canonical_json(stored_form(validated)) != canonical_json(data)


def test_the_chairs_records_reach_both_outcomes():
    for kind, form in OTHER_FORMS.items():
        assert from_stored_form(kind, json.loads(json.dumps(form))) == TypeAdapter(kind).validate_python(form)
    score = OTHER_FORMS[Submission]["assessments"][0]["scores"][0]
    assert score["score"] == 3
    refused = _mutate(OTHER_FORMS[Submission], ("checksum",), "replace", "0" * 63 + "g")
    assert from_stored_form(Submission, refused) is None
    coerced = _mutate(OTHER_FORMS[ApplicationDecision], ("advised_amount",), "int", None)
    assert from_stored_form(ApplicationDecision, coerced) is None and TypeAdapter(ApplicationDecision).validate_python(coerced)
    negative = _mutate(OTHER_FORMS[ApplicationDecision], ("advised_amount",), "replace", -1.0)
    assert from_stored_form(ApplicationDecision, negative) is None


def test_mutations_reach_both_outcomes():
    """The property above can fail: it sees data both readers take and data both refuse."""
    taken = _mutate(SMALL_FORM, ("budget",), "replace", 3_000_000.0)
    assert from_stored_form(SessionDefinition, taken) is not None and _pydantic(taken) is not None
    refused = _mutate(SMALL_FORM, ("jurors", 0, "id"), "replace", "a1\n")
    assert from_stored_form(SessionDefinition, refused) is None and _pydantic(refused) is None
    coerced = _mutate(SMALL_FORM, ("budget",), "int", None)
    assert from_stored_form(SessionDefinition, coerced) is None and _pydantic(coerced) is not None


def test_what_this_program_writes_is_what_pydantic_writes_and_reads_back_exactly(small_session):
    for session in (DEMO, small_session):
        form = stored_form(session)
        assert form == ADAPTER.dump_python(session, mode="json")
        assert from_stored_form(SessionDefinition, json.loads(json.dumps(form))) == session


def test_floats_are_written_as_floats_whatever_the_code_passed(small_session):
    # A session built in code with an integer budget is written, hashed and read back as 1500000.0.
    session = dataclasses.replace(small_session, budget=1_500_000)
    assert stored_form(session)["budget"] == 1_500_000.0 and isinstance(stored_form(session)["budget"], float)
    assert session.fingerprint == ADAPTER.validate_python(stored_form(session)).fingerprint


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(2021, 7, 19, 12, 0, tzinfo=dt.timezone.utc),
        dt.datetime(2021, 7, 19, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        dt.datetime(2021, 7, 19, 12, 0, 0, 500, tzinfo=dt.timezone(dt.timedelta(hours=-5, minutes=-30))),
        dt.datetime(2021, 7, 19, 12, 0),
    ],
)
def test_datetimes_are_written_as_pydantic_writes_them(moment):
    assert iso_datetime(moment) == TypeAdapter(dt.datetime).dump_python(moment, mode="json")
    entry = HistoryEntry(at=moment, juror_id="j1", field="score", old=None, new=3)
    assert stored_form(entry) == TypeAdapter(HistoryEntry).dump_python(entry, mode="json")


def test_a_session_file_in_another_valid_form_still_opens_through_pydantic(tmp_path):
    """Written by hand or by another tool: the budget as a whole number. Not the exact form, so
    pydantic reads it; the content, and so the fingerprint, is the same."""
    write_session(tmp_path, DEMO)
    path = session_dir(tmp_path, DEMO.id) / SESSION_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    definition = data["definition"]
    definition["budget"] = int(definition["budget"])
    path.write_text(json.dumps(data), encoding="utf-8")
    assert from_stored_form(SessionDefinition, definition) is None
    loaded = load_session(tmp_path, DEMO.id)
    assert loaded == DEMO and loaded.fingerprint == DEMO.fingerprint
