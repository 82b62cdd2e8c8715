"""Domain: criteria rules, assessment status and progress, session fingerprint, submission checksum."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import tempfile
import tomllib
from pathlib import Path

import pytest
from conftest import CREATED_AT, SMALL_CRITERIA_TOML, leaf_paths, write_small_inputs
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from jury_tui.domain import limits
from jury_tui.domain.applications import Name
from jury_tui.domain.assessment import (
    ApplicationAssessment,
    CriterionScore,
    Status,
    assessment_status,
    progress,
    statuses_for,
)
from jury_tui.domain.canonical import json_form
from jury_tui.domain.consensus import CriterionConsensus
from jury_tui.domain.criteria import WINDOWS_RESERVED_NAMES, CriteriaSet, Identifier
from jury_tui.domain.session import SessionDefinition
from jury_tui.domain.submission import (
    Submission,
    build_sealed_submission,
    build_submission,
    checksum_of,
    layout,
    signed_by,
)
from jury_tui.domain.text import Line, LocalizedText, Text, control_character
from jury_tui.errors import JuryError, validation_problems
from jury_tui.formats.session_builder import build_session
from jury_tui.formats.submission_file import read_submission
from tests.conftest import TEST_KEY_SEED, private_key_of

SUBMITTED_AT = dt.datetime(2021, 10, 1, 17, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))


# --- criteria -----------------------------------------------------------------------------


def criteria_data() -> dict:
    return tomllib.loads(SMALL_CRITERIA_TOML)


def invalid_reason(data: dict) -> str:
    """What the user reads: the domain names a broken rule, the validation layer words it."""
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(CriteriaSet).validate_python(data)
    return "\n".join(validation_problems("criteria.toml", caught.value))


def test_small_criteria_are_valid():
    criteria = TypeAdapter(CriteriaSet).validate_python(criteria_data())
    assert criteria.criterion_ids == ["inhoud", "haalbaar", "budget"]
    assert criteria.scale.label(4) == "Goed"
    assert criteria.criterion("inhoud").name.get("en") == "Content"
    # no English given: falls back to Dutch
    assert criteria.criterion("haalbaar").name.get("en") == "Haalbaarheid"


@pytest.mark.parametrize("drop_value", [0, 3, 5])
def test_scale_with_a_missing_step_is_refused(drop_value):
    data = criteria_data()
    data["scale"]["steps"] = [step for step in data["scale"]["steps"] if step["value"] != drop_value]
    assert "label zijn per stap van 0 tot 5" in invalid_reason(data)


def test_scale_with_a_step_outside_min_max_is_refused():
    data = criteria_data()
    data["scale"]["steps"].append({"value": 6, "label": "Briljant"})
    assert "label zijn per stap van 0 tot 5" in invalid_reason(data)


def test_scale_with_a_duplicated_step_is_refused():
    data = criteria_data()
    data["scale"]["steps"].append({"value": 2, "label": "Nog eens zwak"})
    assert "label zijn per stap van 0 tot 5" in invalid_reason(data)


def test_scale_max_not_above_min_is_refused():
    data = criteria_data()
    data["scale"] = {"min": 3, "max": 3, "steps": [{"value": 3, "label": "Voldoende"}]}
    assert "max moet groter zijn dan min" in invalid_reason(data)


def test_duplicate_criterion_id_is_refused():
    data = criteria_data()
    data["criteria"].append(dict(data["criteria"][0]))
    assert "criterium-id 'inhoud' komt twee keer voor" in invalid_reason(data)


@pytest.mark.parametrize("weight", [0, -1, -0.5])
def test_weight_zero_or_negative_is_refused(weight):
    data = criteria_data()
    data["criteria"][1]["weight"] = weight
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(CriteriaSet).validate_python(data)
    locations = [error["loc"] for error in caught.value.errors()]
    assert ("criteria", 1, "weight") in locations


def test_tie_break_to_unknown_criterion_is_refused():
    data = criteria_data()
    data["ranking"]["tie_break"] = ["inhoud", "bestaat-niet"]
    assert "onbekend criterium 'bestaat-niet'" in invalid_reason(data)


def test_eligibility_rule_that_needs_a_limit_is_refused_without_one():
    data = criteria_data()
    del data["eligibility"][0]["limit"]
    assert "regel 'plafond' heeft een grens nodig" in invalid_reason(data)


def test_duplicate_eligibility_rule_id_is_refused():
    data = criteria_data()
    data["eligibility"].append(dict(data["eligibility"][0]))
    assert "regel-id 'plafond' komt twee keer voor" in invalid_reason(data)


def test_criteria_set_without_criteria_is_refused():
    data = criteria_data()
    data["criteria"] = []
    data["ranking"]["tie_break"] = []
    with pytest.raises(ValidationError):
        TypeAdapter(CriteriaSet).validate_python(data)


# --- assessment status and progress -------------------------------------------------------


@pytest.fixture
def criteria() -> CriteriaSet:
    return TypeAdapter(CriteriaSet).validate_python(criteria_data())


def assessment(**entries: tuple[int | None, str]) -> ApplicationAssessment:
    return ApplicationAssessment(
        application_id="a1",
        scores={cid: CriterionScore(criterion_id=cid, score=s, motivation=m) for cid, (s, m) in entries.items()},
    )


FULL = {"inhoud": (4, "Sterke analyse."), "haalbaar": (3, "Planning krap."), "budget": (2, "")}


def test_nothing_entered_is_not_started(criteria):
    assert assessment_status(criteria, assessment(), conflicted=False) is Status.NOT_STARTED


def test_only_whitespace_motivation_counts_as_not_started(criteria):
    assert assessment_status(criteria, assessment(inhoud=(None, "  \n ")), conflicted=False) is Status.NOT_STARTED


def test_one_score_is_in_progress(criteria):
    assert assessment_status(criteria, assessment(inhoud=(4, "")), conflicted=False) is Status.IN_PROGRESS


def test_only_a_motivation_is_in_progress(criteria):
    assert assessment_status(criteria, assessment(inhoud=(None, "Nog te lezen")), conflicted=False) is Status.IN_PROGRESS


def test_every_score_with_required_motivations_is_complete(criteria):
    # "budget" needs no motivation
    assert assessment_status(criteria, assessment(**FULL), conflicted=False) is Status.COMPLETE


def test_score_zero_counts_as_a_score(criteria):
    zeros = {cid: (0, "Ontbreekt volledig.") for cid in FULL}
    assert assessment_status(criteria, assessment(**zeros), conflicted=False) is Status.COMPLETE


@pytest.mark.parametrize("missing_motivation", ["", "   ", "\n\t"])
def test_missing_required_motivation_keeps_it_in_progress(criteria, missing_motivation):
    entries = dict(FULL, haalbaar=(3, missing_motivation))
    assert assessment_status(criteria, assessment(**entries), conflicted=False) is Status.IN_PROGRESS


def test_missing_score_with_motivation_keeps_it_in_progress(criteria):
    entries = dict(FULL, budget=(None, "Begroting ontbreekt in het dossier."))
    assert assessment_status(criteria, assessment(**entries), conflicted=False) is Status.IN_PROGRESS


@pytest.mark.parametrize("entries", [{}, FULL, {"inhoud": (1, "")}])
def test_conflict_wins_over_any_score(criteria, entries):
    assert assessment_status(criteria, assessment(**entries), conflicted=True) is Status.CONFLICT


def test_progress_counts_per_status(criteria):
    complete = ApplicationAssessment(
        application_id="a1", scores={cid: CriterionScore(criterion_id=cid, score=s, motivation=m) for cid, (s, m) in FULL.items()}
    )
    started = ApplicationAssessment(application_id="a2", scores={"inhoud": CriterionScore(criterion_id="inhoud", score=2)})
    statuses = statuses_for(criteria, ["a1", "a2", "a3", "a4"], {"a1": complete, "a2": started}, {"a4"})
    assert statuses == {
        "a1": Status.COMPLETE,
        "a2": Status.IN_PROGRESS,
        "a3": Status.NOT_STARTED,
        "a4": Status.CONFLICT,
    }
    summary = progress(statuses.values())
    assert (summary.complete, summary.in_progress, summary.not_started, summary.conflicts) == (1, 1, 1, 1)
    assert summary.to_assess == 3  # a conflicted application is not to be assessed
    assert not summary.is_complete


def test_progress_is_complete_when_all_but_conflicts_are_complete():
    summary = progress([Status.COMPLETE, Status.CONFLICT, Status.COMPLETE])
    assert summary.is_complete
    assert summary.to_assess == 2


# --- session fingerprint ------------------------------------------------------------------


def test_fingerprint_is_stable_across_dump_and_validate(small_session):
    for dumped in (json_form(small_session), json.loads(json.dumps(json_form(small_session)))):
        assert TypeAdapter(SessionDefinition).validate_python(dumped).fingerprint == small_session.fingerprint
    assert len(small_session.fingerprint) == 64


def _get(node, path):
    for key in path:
        node = node[key]
    return node


def _set(node, path, value):
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


def _mutated(value, salt: int):
    """A different value of the same kind (so that the data usually stays valid)."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1 + salt
    if isinstance(value, float):
        return value + 1.0 + salt
    if isinstance(value, str):
        if value and value[-1].isdigit():
            return value[:-1] + str((int(value[-1]) + 1 + salt) % 10)
        return value + "x" * (1 + salt % 3)
    if value is None:
        return "x"
    raise AssertionError(type(value))


def test_the_budget_is_not_part_of_the_fingerprint():
    """Raising the budget (4 M to 7.6 M in 2021) must not ask any juror to submit again."""
    session = _build_small_session()
    assert dataclasses.replace(session, budget=7_600_000).fingerprint == session.fingerprint


def _build_small_session() -> SessionDefinition:
    """The conftest's small session, for module-level use (hypothesis cannot take function fixtures)."""
    with tempfile.TemporaryDirectory() as folder:
        files = write_small_inputs(Path(folder))
        return build_session("klein-2021", files.criteria, files.applications, files.jurors, 1_500_000, created_at=CREATED_AT,
                             key_seed=TEST_KEY_SEED)[0]


@pytest.fixture(scope="module")
def session_dump():
    session = _build_small_session()
    return json_form(session), session.fingerprint


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fingerprint_changes_with_any_content_change(session_dump, data):
    dumped, fingerprint = session_dump
    paths = [path for path in leaf_paths(dumped) if path != ("budget",)]  # the budget is the chair's decision
    path = data.draw(st.sampled_from(paths), label="path")
    salt = data.draw(st.integers(0, 5), label="salt")
    changed = copy.deepcopy(dumped)
    _set(changed, path, _mutated(_get(dumped, path), salt))
    try:
        session = TypeAdapter(SessionDefinition).validate_python(changed)
    except ValidationError:
        assume(False)  # an invalid session is refused anyway
    assume(json_form(session) != dumped)
    assert session.fingerprint != fingerprint


def test_fingerprint_changes_when_an_application_is_added_or_a_juror_removed(small_session):
    dumped = json_form(small_session)
    extra = copy.deepcopy(dumped)
    extra["applications"].append(dict(extra["applications"][0], id="a9"))
    fewer = copy.deepcopy(dumped)
    fewer["jurors"].pop()
    fingerprints = {
        small_session.fingerprint,
        TypeAdapter(SessionDefinition).validate_python(extra).fingerprint,
        TypeAdapter(SessionDefinition).validate_python(fewer).fingerprint,
    }
    assert len(fingerprints) == 3


def test_copy_with_a_change_gets_a_new_fingerprint(small_session):
    # the fingerprint is cached: a changed copy must not inherit the original's value
    original = small_session.fingerprint
    assert small_session.has_application("a3")
    changed = dataclasses.replace(small_session, budget=1.0, applications=small_session.applications[:2])
    assert changed.fingerprint == TypeAdapter(SessionDefinition).validate_python(json_form(changed)).fingerprint
    assert changed.fingerprint != original
    assert not changed.has_application("a3")
    assert dataclasses.replace(small_session).fingerprint == original


def test_a_session_built_in_code_with_whole_numbers_has_the_fingerprint_of_its_file(small_session):
    """Amounts written as floats whatever the code passed: the file read back has the same fingerprint."""
    session = dataclasses.replace(small_session, budget=1_500_000)
    assert json_form(session)["budget"] == 1_500_000.0 and isinstance(json_form(session)["budget"], float)
    assert session.fingerprint == TypeAdapter(SessionDefinition).validate_python(json_form(session)).fingerprint


def test_session_with_duplicate_application_ids_is_refused(small_session):
    dumped = json_form(small_session)
    dumped["applications"].append(dumped["applications"][0])
    with pytest.raises(ValidationError):
        TypeAdapter(SessionDefinition).validate_python(dumped)


# --- submission ---------------------------------------------------------------------------


def _scores(**per_application):
    return {
        app_id: ApplicationAssessment(
            application_id=app_id,
            scores={cid: CriterionScore(criterion_id=cid, score=s, motivation=m) for cid, (s, m) in entries.items()},
        )
        for app_id, entries in per_application.items()
    }


@pytest.fixture
def sealed(small_session) -> Submission:
    secret = {"inhoud": (1, "Geheim: ik ken de projectleider."), "haalbaar": (2, "Geheim 2"), "budget": (0, "")}
    assessments = _scores(a1=FULL, a2={"inhoud": (5, "Heel vernieuwend – €, ë, ő.")}, a3=secret)
    return build_submission(small_session, "j1", assessments, frozenset({"a3"}), SUBMITTED_AT, 1, private_key_of(small_session, "j1"))


def test_submission_checksum_seals_the_file_as_written(sealed, small_session):
    raw = sealed.file_bytes()
    key = private_key_of(small_session, "j1")
    again, written = build_sealed_submission(small_session, "j1", _scores(a1=FULL), frozenset(), SUBMITTED_AT, 2, key)
    assert written == again.file_bytes() and read_submission(Path("inzending.json"), written)[0] == again
    assert checksum_of(sealed) == sealed.checksum == json.loads(raw)["checksum"]
    assert signed_by(sealed, small_session.juror("j1").public_key)
    assert not signed_by(sealed, small_session.juror("j2").public_key)
    assert TypeAdapter(Submission).validate_json(raw) == sealed


def _breaks_seal(raw: bytes) -> bool:
    """The file is refused as read (layout, checksum), or its signature is not j1's."""
    try:
        submission, _ = read_submission(Path("inzending.json"), raw)
    except JuryError:
        return True
    return not signed_by(submission, _SESSION.juror("j1").public_key)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_changing_any_single_byte_of_the_file_breaks_the_seal(data):
    raw = bytearray(_SEALED_CONTENT_BYTES)
    position = data.draw(st.integers(0, len(raw) - 1), label="position")
    replacement = data.draw(st.integers(0, 255).filter(lambda byte: byte != raw[position]), label="byte")
    raw[position] = replacement
    assert _breaks_seal(bytes(raw))


def test_submission_contents(sealed, small_session):
    content = sealed.to_json_dict()
    assert content["session_fingerprint"] == small_session.fingerprint
    assert content["juror_id"] == "j1"
    assert content["juror_role"] == "voting"
    assert content["complete"] is False  # a2 is in progress
    assert content["applications_total"] == 2
    assert content["applications_complete"] == 1
    by_id = {item["application_id"]: item for item in content["assessments"]}
    assert by_id["a1"]["status"] == "complete"
    assert {s["criterion_id"]: (s["score"], s["motivation"]) for s in by_id["a1"]["scores"]} == FULL
    assert by_id["a2"]["status"] == "in_progress"


def test_conflicted_application_carries_no_scores(sealed):
    content = sealed.to_json_dict()
    assert content["conflicts"] == ["a3"]
    assert "a3" not in {item["application_id"] for item in content["assessments"]}
    # what was entered for a3 before the conflict was declared leaks nowhere into the file
    assert "Geheim" not in json.dumps(content, ensure_ascii=False)


def test_complete_submission_says_so(small_session):
    submission = build_submission(small_session, "j2", _scores(a1=FULL, a2=FULL), frozenset({"a3"}), SUBMITTED_AT, 1,
                                  private_key_of(small_session, "j2"))
    assert submission.complete is True
    assert submission.applications_complete == submission.applications_total == 2


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_changing_any_single_value_breaks_the_checksum(data):
    content = _SEALED_CONTENT
    paths = list(leaf_paths(content))
    path = data.draw(st.sampled_from(paths), label="path")
    salt = data.draw(st.integers(0, 5), label="salt")
    tampered = copy.deepcopy(content)
    original = _get(content, path)
    _set(tampered, path, _mutated(original, salt))
    assert _get(tampered, path) != original
    assert _breaks_seal(layout(tampered))


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_dropping_or_adding_an_entry_breaks_the_checksum(data):
    content = _SEALED_CONTENT
    containers = [(), ("assessments",), ("conflicts",), ("assessments", 0), ("assessments", 0, "scores"), ("assessments", 1, "scores", 0)]
    where = data.draw(st.sampled_from(containers))
    tampered = copy.deepcopy(content)
    node = _get(tampered, where)
    if isinstance(node, list):
        if node and data.draw(st.booleans()):
            node.pop(data.draw(st.integers(0, len(node) - 1)))
        else:
            node.append("extra")
    else:
        keys = [key for key in node if key != "checksum"]
        if data.draw(st.booleans()):
            del node[data.draw(st.sampled_from(keys))]
        else:
            node["extra"] = 1
    assert _breaks_seal(layout(tampered))


_SESSION = _build_small_session()


def _sealed_content() -> dict:
    assessments = _scores(a1=FULL, a2={"inhoud": (5, "Heel vernieuwend.")})
    submission = build_submission(_SESSION, "j1", assessments, frozenset({"a3"}), SUBMITTED_AT, 1, private_key_of(_SESSION, "j1"))
    return json.loads(json.dumps(submission.to_json_dict()))


_SEALED_CONTENT = _sealed_content()
_SEALED_CONTENT_BYTES = layout(_SEALED_CONTENT)


def test_documented_submission_schema_is_current():
    """docs/submission.schema.json is what other tools validate against: it must match the model.
    Regenerate with: python -c "import json; from pydantic import TypeAdapter; from jury_tui.domain.submission import Submission;
    print(json.dumps(TypeAdapter(Submission).json_schema(), indent=2, ensure_ascii=False))" > docs/submission.schema.json"""
    import json
    from pathlib import Path

    documented = json.loads((Path(__file__).resolve().parents[1] / "docs" / "submission.schema.json").read_text(encoding="utf-8"))
    assert documented == TypeAdapter(Submission).json_schema()


# --- texts, ids and limits (issue 12) -----------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "line", "found"),
    [
        ("gewoon", False, None),
        ("twee\nregels\tmet tab", False, None),
        ("twee\nregels", True, (5, "U+000A")),
        ("tab\there", True, (4, "U+0009")),
        ("\x1b[31m", False, (1, "U+001B")),
        ("cr\r\n", False, (3, "U+000D")),
        ("del\x7f", False, (4, "U+007F")),
        ("c1\x85", False, (3, "U+0085")),
        ("csi\x9b", False, (4, "U+009B")),
        ("abc\u202e", False, (4, "U+202E")),
        ("isoleer\u2069", False, (8, "U+2069")),
        ("net ernaast\u2029\u202f\u2065\u206a é €", False, None),
    ],
)
def test_control_characters_text_and_line_refuse(text, line, found):
    assert control_character(text, line=line) == found
    kind = Line if line else Text
    if found is None:
        assert TypeAdapter(kind).validate_python(text) == text
    else:
        with pytest.raises(ValidationError, match="string_pattern_mismatch"):
            TypeAdapter(kind).validate_python(text)


def test_a_localized_text_refuses_control_characters_in_either_language():
    adapter = TypeAdapter(LocalizedText)
    assert adapter.validate_python({"nl": "Titel\nover twee regels"}).nl == "Titel\nover twee regels"
    for data in ({"nl": "a\x1bb"}, {"nl": "a", "en": "b\u202ec"}):
        with pytest.raises(ValidationError):
            adapter.validate_python(data)


@pytest.mark.parametrize("value", sorted(WINDOWS_RESERVED_NAMES))
def test_ids_windows_keeps_for_devices_are_refused(value):
    with pytest.raises(ValidationError, match="id.windows_reserved"):
        TypeAdapter(Identifier).validate_python(value)


@pytest.mark.parametrize("value", ["con-x", "nul1", "com10", "lpt", "aux_2", "a" * limits.MAX_ID])
def test_ids_that_only_look_like_a_device_are_ids(value):
    assert TypeAdapter(Identifier).validate_python(value) == value


@pytest.mark.parametrize("value", ["CON", "Aux", "j1.", "j1 ", "con.txt", "a" * (limits.MAX_ID + 1), ""])
def test_ids_with_capitals_dots_spaces_or_too_long_are_refused(value):
    with pytest.raises(ValidationError):
        TypeAdapter(Identifier).validate_python(value)


def test_a_name_is_one_line_up_to_its_limit():
    adapter = TypeAdapter(Name)
    assert adapter.validate_python("n" * limits.MAX_NAME)
    for value in ("n" * (limits.MAX_NAME + 1), "twee\nregels", ""):
        with pytest.raises(ValidationError):
            adapter.validate_python(value)


def test_stored_motivations_are_texts_up_to_the_limit():
    """A juror's and the chair's motivations, read back from their files: newlines yes, controls no."""
    for kind in (CriterionScore, CriterionConsensus):
        adapter = TypeAdapter(kind)
        assert adapter.validate_python({"criterion_id": "c", "motivation": "m\n" * (limits.MAX_MOTIVATION // 2)})
        for motivation in ("m" * (limits.MAX_MOTIVATION + 1), "goed\x1b[2J", "goed\u202e"):
            with pytest.raises(ValidationError):
                adapter.validate_python({"criterion_id": "c", "motivation": motivation})


def test_a_session_holds_at_most_the_documented_number_of_jurors(small_session):
    data = json_form(small_session)
    data["jurors"] = [{"id": f"j{n}", "name": f"Jurylid {n}", "role": "voting"} for n in range(limits.MAX_JURORS)]
    assert len(TypeAdapter(SessionDefinition).validate_python(data).jurors) == limits.MAX_JURORS
    data["jurors"].append({"id": "een-te-veel", "name": "Te veel", "role": "voting"})
    with pytest.raises(ValidationError, match="too_long"):
        TypeAdapter(SessionDefinition).validate_python(data)
