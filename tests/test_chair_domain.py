"""The chair's arithmetic and import rules, against hand-computed examples and properties."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import math
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jury_tui.domain.aggregation import (
    Agreement,
    ScoreTable,
    aggregate,
    agreement_level,
    calibrate,
    calibrated_totals,
    krippendorff_alpha_ordinal,
    reliability,
)
from jury_tui.domain.assessment import ApplicationAssessment, CriterionScore
from jury_tui.domain.consensus import (
    ApplicationDecision,
    CriterionConsensus,
    Recommendation,
    amount_cap,
    suggested_score,
)
from jury_tui.domain.eligibility import Outcome, check_eligibility, overall_outcome
from jury_tui.domain.ranking import (
    RankedApplication,
    propose_best_fit,
    propose_by_rank,
    rank,
)
from jury_tui.domain.session import Role
from jury_tui.domain.submission import build_submission
from jury_tui.errors import JuryError, StoreError
from jury_tui.formats.session_builder import build_demo_session
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.sessions import write_session
from tests.conftest import private_key_of

AT = dt.datetime(2021, 9, 10, 10, 0, tzinfo=dt.timezone.utc)


def assessments(scores: dict[str, dict[str, int | None]]) -> dict[str, ApplicationAssessment]:
    return {
        app: ApplicationAssessment(
            application_id=app,
            scores={c: CriterionScore(criterion_id=c, score=s, motivation=f"{app}/{c}") for c, s in per.items()},
        )
        for app, per in scores.items()
    }


@pytest.fixture
def panel(small_session):
    """j1 (voting, conflict on a3, no budget score on a2), j2 (voting), adv (advisory, harsh)."""
    j1 = build_submission(
        small_session, "j1",
        assessments({"a1": {"inhoud": 4, "haalbaar": 3, "budget": 5}, "a2": {"inhoud": 2, "haalbaar": 3}}),
        frozenset({"a3"}), AT, 1, private_key_of(small_session, "j1"),
    )
    j2 = build_submission(
        small_session, "j2",
        assessments({
            "a1": {"inhoud": 2, "haalbaar": 3, "budget": 4},
            "a2": {"inhoud": 4, "haalbaar": 3, "budget": 3},
            "a3": {"inhoud": 5, "haalbaar": 4, "budget": 4},
        }),
        frozenset(), AT, 1, private_key_of(small_session, "j2"),
    )
    adv = build_submission(
        small_session, "adv",
        assessments({a: {"inhoud": 0, "haalbaar": 0, "budget": 0} for a in ("a1", "a2", "a3")}),
        frozenset(), AT, 1, private_key_of(small_session, "adv"),
    )
    return ScoreTable(small_session, [j1, j2, adv])


def test_statistics_by_hand(small_session, panel):
    result = aggregate(small_session, panel)
    inhoud = result["a1"].criteria["inhoud"]
    assert (inhoud.count, inhoud.missing, inhoud.mean, inhoud.median) == (2, 0, 3.0, 3.0)
    assert (inhoud.min, inhoud.max, inhoud.spread) == (2, 4, 2)
    assert inhoud.stdev == pytest.approx(math.sqrt(2))
    assert inhoud.flagged  # spread 2 reaches the threshold 2: "te bespreken"
    assert not result["a1"].criteria["haalbaar"].flagged
    assert result["a1"].weighted_total == pytest.approx(3 + 3 + 4.5)  # advisory zeros not counted


def test_missing_score_is_missing_not_zero(small_session, panel):
    budget = aggregate(small_session, panel)["a2"].criteria["budget"]
    assert (budget.count, budget.missing, budget.mean) == (1, 1, 3.0)
    assert aggregate(small_session, panel)["a2"].weighted_total == pytest.approx(3 + 3 + 3)


def test_conflicted_juror_abstains(small_session, panel):
    a3 = aggregate(small_session, panel)["a3"]
    assert a3.conflicted_jurors == ["j1"]
    assert (a3.criteria["inhoud"].count, a3.criteria["inhoud"].missing) == (1, 0)
    assert a3.weighted_total == pytest.approx(13)


def test_advisory_members_are_shown_beside_not_counted(panel):
    advisory = panel.entries("a1", "inhoud", Role.ADVISORY)
    assert [(e.juror_id, e.score) for e in advisory] == [("adv", 0)]
    assert {e.juror_id for e in panel.entries("a1", "inhoud", Role.VOTING)} == {"j1", "j2"}


def test_calibration_on_shared_items_only(small_session, panel):
    # Shared items: a1 x3 and a2 inhoud/haalbaar. j1 - j2: +2, 0, +1, -2, 0 -> mean +0.2.
    offsets = calibrate(small_session, panel)
    assert offsets["j1"].offset == pytest.approx(0.2)
    assert offsets["j2"].offset == pytest.approx(-0.2)
    assert offsets["j1"].shared_items == 5  # a3 (j2 alone) and a2 budget (j2 alone) don't count
    calibrated = calibrated_totals(small_session, panel, offsets)
    assert calibrated["a3"] == pytest.approx(13 + 3 * 0.2)  # j2's strictness removed


def test_krippendorff_alpha_known_values():
    assert krippendorff_alpha_ordinal([[3, 3], [4, 4], [1, 1]]) == pytest.approx(1.0)
    assert krippendorff_alpha_ordinal([[2, 2], [2, 2]]) is None  # no variation: undefined
    # Krippendorff (2011), ordinal example of two coders is out of reach here; check a
    # symmetric disagreement against the formula instead: units (1,2),(2,1) -> alpha < 0.
    assert krippendorff_alpha_ordinal([[1, 2], [2, 1]]) < 0
    assert agreement_level(0.85) is Agreement.HIGH
    assert agreement_level(0.5) is Agreement.MODERATE
    assert agreement_level(None) is Agreement.UNDEFINED


def test_reliability_per_criterion(small_session, panel):
    alphas = reliability(small_session, panel)
    assert set(alphas) == {"inhoud", "haalbaar", "budget"}


def test_suggested_score_is_the_median_rounded_half_up(small_session, panel):
    stats = aggregate(small_session, panel)["a1"].criteria
    assert suggested_score(stats["inhoud"]) == 3
    assert suggested_score(stats["budget"]) == 5  # median 4.5 -> 5


def test_demo_eligibility_invents_no_formal_failure_for_a_real_city():
    """The demo's twenty applications are real cities (docs/demo-data.md): none fails a rule of the call."""
    session = build_demo_session()
    failing = {}
    for application in session.applications:
        checks = check_eligibility(application, session.criteria.eligibility)
        failed = [c.rule_id for c in checks if c.outcome is Outcome.NOT_MET]
        if failed:
            failing[application.municipality] = failed
        assert overall_outcome(checks) is (Outcome.NOT_MET if failed else Outcome.MET)
    assert failing == {}


def test_amount_cap_is_request_and_call_cap():
    session = build_demo_session()
    antwerpen = next(a for a in session.applications if a.municipality == "Antwerpen")
    over = dataclasses.replace(antwerpen, requested_subsidy=850_000)
    assert amount_cap(over, session.criteria) == 800_000  # asked 850,000
    boom = next(a for a in session.applications if a.municipality == "Boom")
    assert amount_cap(boom, session.criteria) == boom.requested_subsidy


def _decision(app: str, scores: dict[str, int]) -> ApplicationDecision:
    return ApplicationDecision(
        application_id=app,
        criteria={c: CriterionConsensus(criterion_id=c, score=s, motivation="m") for c, s in scores.items()},
        recommendation=Recommendation.SELECT,
    )


def test_ranking_ties_broken_by_the_criteria_file(small_session):
    decisions = {
        "a1": _decision("a1", {"inhoud": 3, "haalbaar": 4, "budget": 3}),  # 10
        "a2": _decision("a2", {"inhoud": 4, "haalbaar": 3, "budget": 3}),  # 10, higher inhoud
        "a3": _decision("a3", {"inhoud": 5, "haalbaar": 5}),  # incomplete: unranked, last
    }
    ranking = rank(small_session, decisions)
    assert [(r.application_id, r.rank) for r in ranking] == [("a2", 1), ("a1", 2), ("a3", None)]


# --- budget proposals -----------------------------------------------------------------------

rows_strategy = st.lists(
    st.tuples(st.integers(0, 35), st.integers(1, 20), st.booleans()), min_size=0, max_size=9
)


def _rows(spec):
    return [
        RankedApplication(
            application_id=f"x{i}", rank=i + 1, total=float(total), below_threshold=[] if ok else ["total"],
            eligibility=Outcome.MET, amount=amount * 50_000.0,
        )
        for i, (total, amount, ok) in enumerate(spec)
    ]


@settings(max_examples=300, deadline=None)
@given(rows_strategy, st.integers(0, 60))
def test_best_fit_equals_brute_force_and_fits(spec, budget_units):
    rows = _rows(spec)
    budget = budget_units * 50_000.0
    proposal = propose_best_fit(rows, budget, [1.0] * 7)
    selectable = [r for r in rows if r.selectable]
    best = max(
        (sum(r.total for r in combo) for k in range(len(selectable) + 1)
         for combo in itertools.combinations(selectable, k) if sum(r.amount for r in combo) <= budget),
        default=0.0,
    )
    assert proposal.total_score == pytest.approx(best)
    assert proposal.total_amount <= budget
    assert set(proposal.selected) <= {r.application_id for r in selectable}
    greedy = propose_by_rank(rows, budget)
    assert greedy.total_amount <= budget and greedy.total_score <= proposal.total_score + 1e-9


def test_best_fit_with_uneven_weights():
    rows = _rows([(10, 4, True), (7, 2, True), (7, 2, True)])
    rows = [dataclasses.replace(r, total=t) for r, t in zip(rows, (10.5, 7.25, 7.25))]
    proposal = propose_best_fit(rows, 200_000.0, [1.5, 0.25, 1.0])
    assert proposal.selected == ["x1", "x2"] and proposal.total_score == pytest.approx(14.5)


# --- import ---------------------------------------------------------------------------------


def _demo_submissions(tmp: Path):
    """Two submissions (an older and a newer) for three demo jurors, written to tmp."""
    session = build_demo_session()
    files = {}
    for j, juror in enumerate(("extern-1", "extern-2", "vlaams-1")):
        for version in (0, 1):
            scores = {a.id: {c: (j + version + i) % 6 for c in session.criteria.criterion_ids}
                      for i, a in enumerate(session.applications[:4])}
            submission = build_submission(session, juror, assessments(scores), frozenset(), AT + dt.timedelta(hours=version),
                                          version + 1, private_key_of(session, juror))
            path = tmp / f"{juror}-{version}.json"
            path.write_bytes(submission.file_bytes())
            files[(juror, version)] = path
    return session, files


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory):
    return _demo_submissions(tmp_path_factory.mktemp("subs"))


def _import_all(session, paths) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as data:
        write_session(Path(data), session)
        store = ChairStore(Path(data), session)
        for path in paths:
            try:
                store.import_submission(path)
            except JuryError as error:
                assert "niet nieuwer" in error.message
        return {j: s.checksum for j, s in ChairStore(Path(data), session).submissions().items()}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_import_is_idempotent_and_order_independent(demo_files, data):
    session, files = demo_files
    sequence = data.draw(st.lists(st.sampled_from(sorted(files.values())), min_size=6, max_size=12))
    sequence += list(files.values())  # every file at least once, duplicates and any order
    sequence = data.draw(st.permutations(sequence))
    result = _import_all(session, sequence)
    newest = {juror: json.loads(files[(juror, 1)].read_text())["checksum"] for juror, _ in files}
    assert result == newest


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_any_changed_byte_is_refused(demo_files, tmp_path, data):
    session, files = demo_files
    raw = bytearray(files[("extern-1", 0)].read_bytes())
    position = data.draw(st.integers(0, len(raw) - 1))
    new = data.draw(st.integers(0, 255).filter(lambda b: b != raw[position]))
    raw[position] = new
    tampered = tmp_path / f"tampered-{position}-{new}.json"
    tampered.write_bytes(bytes(raw))
    with tempfile.TemporaryDirectory() as folder:
        write_session(Path(folder), session)
        with pytest.raises(JuryError):
            ChairStore(Path(folder), session).import_submission(tampered)
        assert ChairStore(Path(folder), session).submissions() == {}


def _outcomes(results) -> list[tuple]:
    return [(type(r).__name__, r.message) if isinstance(r, JuryError) else (r.juror_id, r.status, r.changed_scores)
            for r in results]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_a_batch_imports_as_the_files_one_by_one(demo_files, data):
    """`jury-tui import` hands all files over at once: each file's result, and what is kept, are
    those of importing them one by one."""
    session, files = demo_files
    sequence = data.draw(st.lists(st.sampled_from(sorted(files.values())), min_size=1, max_size=10))
    kept = []
    for batch in (False, True):
        with tempfile.TemporaryDirectory() as folder:
            write_session(Path(folder), session)
            store = ChairStore(Path(folder), session)
            if batch:
                results = store.import_submissions(sequence)
            else:
                results = []
                for path in sequence:
                    try:
                        results.append(store.import_submission(path))
                    except JuryError as error:
                        results.append(error)
            stored = {j: s.checksum for j, s in ChairStore(Path(folder), session).submissions().items()}
            kept.append((_outcomes(results), stored, {j: s.checksum for j, s in store.submissions().items()}))
    assert kept[0] == kept[1]
    assert kept[1][1] == kept[1][2]  # what the store shows is what is on disk


def test_a_copy_that_cannot_be_written_fails_alone(demo_files, tmp_path, monkeypatch):
    import jury_tui.store.chair_store as chair_store

    session, files = demo_files
    write_session(tmp_path, session)
    real_write = chair_store.write_atomic

    def disk_full_for_extern_2(path, data, **kwargs):
        if path.name == "extern-2.json":
            raise StoreError(f"{path.name}: kon niet schrijven (schijf vol)")
        return real_write(path, data, **kwargs)

    monkeypatch.setattr(chair_store, "write_atomic", disk_full_for_extern_2)
    paths = [files[("extern-1", 0)], files[("extern-2", 0)], files[("vlaams-1", 0)]]
    results = ChairStore(tmp_path, session).import_submissions(paths)
    assert [getattr(r, "status", None) for r in results] == ["new", None, "new"]
    assert "schijf vol" in results[1].message
    assert sorted(ChairStore(tmp_path, session).submissions()) == ["extern-1", "vlaams-1"]


def test_replacing_submission_reports_changed_scores(demo_files, tmp_path):
    session, files = demo_files
    write_session(tmp_path, session)
    store = ChairStore(tmp_path, session)
    assert store.import_submission(files[("extern-1", 0)]).status == "new"
    result = store.import_submission(files[("extern-1", 1)])
    assert result.status == "replaced" and result.changed_scores == 4 * 7  # every score moved by one
    with pytest.raises(JuryError) as older:
        store.import_submission(files[("extern-1", 0)])
    assert "niet nieuwer" in str(older.value)


def test_submission_of_another_session_is_refused(demo_files, small_data_dir, small_session):
    _, files = demo_files
    with pytest.raises(JuryError) as caught:
        ChairStore(small_data_dir, small_session).import_submission(files[("extern-1", 0)])
    assert "andere sessie" in str(caught.value)


def test_selection_is_the_set_recommended_for_selection(small_data_dir, small_session):
    chair = ChairStore(small_data_dir, small_session)
    chair.set_recommendation("a2", Recommendation.SELECT)
    chair.set_selection(["a1", "a2"])
    assert chair.selection() == ["a1", "a2"]
    chair.set_recommendation("a1", Recommendation.RESERVE)
    assert chair.selection() == ["a2"]  # advice and selection can never disagree
    chair.set_selection(["a3"])
    assert ChairStore(small_data_dir, small_session).selection() == ["a3"]
    assert chair.decision("a2").recommendation is None


def test_an_import_by_another_process_is_seen_and_a_changed_stored_copy_is_checked(demo_files, tmp_path):
    session, files = demo_files
    write_session(tmp_path, session)
    app_side = ChairStore(tmp_path, session)  # the chair's app, open
    assert app_side.submissions() == {}
    ChairStore(tmp_path, session).import_submission(files[("extern-1", 0)])  # `jury-tui import` elsewhere
    assert set(app_side.submissions()) == {"extern-1"}

    stored = tmp_path / "sessions" / session.id / "submissions" / "extern-1.json"
    content = json.loads(stored.read_bytes())
    content["assessments"][0]["scores"][0]["score"] = 9  # off the scale, re-sealed so the checksum fits
    from jury_tui.domain.submission import seal

    stored.write_bytes(seal(content, private_key_of(session, "extern-1"))[2])
    with pytest.raises(JuryError) as caught:
        ChairStore(tmp_path, session).submissions()
    assert "extern-1.json" in str(caught.value)


def _edit_decision(data_dir: Path, session, application_id: str, change) -> Path:
    path = data_dir / "sessions" / session.id / "chair" / "decisions" / f"{application_id}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    (record,) = data["decision"].values()
    change(record)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_decision_in_another_valid_form_is_read(small_data_dir, small_session):
    ChairStore(small_data_dir, small_session).set_recommendation("a1", Recommendation.SELECT)
    ChairStore(small_data_dir, small_session).set_amount("a1", 150_000)
    _edit_decision(small_data_dir, small_session, "a1", lambda record: record.update(advised_amount=150000))
    assert ChairStore(small_data_dir, small_session).decision("a1").advised_amount == 150_000.0


@pytest.mark.parametrize("amount", [math.inf, math.nan, -1.0, "veel"])
def test_a_decision_with_an_impossible_amount_is_reported_and_left_untouched(small_data_dir, small_session, amount):
    ChairStore(small_data_dir, small_session).set_recommendation("a1", Recommendation.SELECT)
    ChairStore(small_data_dir, small_session).set_amount("a1", 150_000)
    path = _edit_decision(small_data_dir, small_session, "a1", lambda record: record.update(advised_amount=amount))
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        ChairStore(small_data_dir, small_session).decision("a1")
    assert "a1.json" in str(caught.value) and "beschadigd" in str(caught.value)
    assert path.read_bytes() == before


@pytest.mark.parametrize("value", ["4", True, 4.0])
def test_a_consensus_score_of_another_type_is_a_damaged_decision(small_data_dir, small_session, value):
    """Read as written: a score of "4", true or 4.0 is not taken as 4 (or 1)."""
    ChairStore(small_data_dir, small_session).set_consensus("a1", "inhoud", 4, "Sterk.")
    path = _edit_decision(small_data_dir, small_session, "a1", lambda record: record["criteria"]["inhoud"].update(score=value))
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        ChairStore(small_data_dir, small_session).decision("a1")
    assert "a1.json" in str(caught.value) and "beschadigd" in str(caught.value)
    assert path.read_bytes() == before


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 5), min_size=1, max_size=40), st.integers(0, 5))
def test_statistics_agree_with_the_statistics_module(scores, missing):
    import statistics

    from jury_tui.domain.aggregation import criterion_stats

    stats = criterion_stats("c", scores, missing, 2)
    assert stats.mean == pytest.approx(statistics.fmean(scores))
    assert stats.median == statistics.median(scores)
    assert (stats.min, stats.max, stats.spread, stats.count, stats.missing) == (
        min(scores), max(scores), max(scores) - min(scores), len(scores), missing)
    if len(scores) > 1:
        assert stats.stdev == pytest.approx(statistics.stdev(scores))
    else:
        assert stats.stdev is None


# --- the fast table and statistics against plain reference computations -----------------------


def _reference_stdev(scores: list[int]) -> float | None:
    """The formula as it stood before the squared deviations were shared per distinct score."""
    ordered = sorted(scores)
    mean = sum(ordered) / len(ordered)
    return math.sqrt(sum((x - mean) ** 2 for x in ordered) / (len(ordered) - 1)) if len(ordered) > 1 else None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(-3, 12), min_size=1, max_size=60))
def test_stdev_is_bit_for_bit_the_plain_formula(scores):
    from jury_tui.domain.aggregation import criterion_stats

    assert criterion_stats("c", scores, 0, 2).stdev == _reference_stdev(scores)


cell = st.one_of(st.none(), st.just("absent"), st.integers(0, 5))
juror_spec = st.tuples(
    st.booleans(),  # submitted at all
    st.sets(st.sampled_from(["a1", "a2", "a3"]), max_size=2),  # conflicts
    st.lists(cell, min_size=9, max_size=9),  # a1..a3 x inhoud, haalbaar, budget
    st.booleans(),  # criteria listed in reverse order in the file
)


def _submissions(session, specs):
    criteria = session.criteria.criterion_ids
    found = []
    for juror_id, (submitted, conflicts, cells, reverse) in zip(("j1", "j2", "adv"), specs, strict=True):
        if not submitted:
            continue
        scores = {
            app: {c: cells[3 * a + i] for i, c in enumerate(criteria) if cells[3 * a + i] != "absent"}
            for a, app in enumerate(("a1", "a2", "a3"))
            if app not in conflicts
        }
        submission = build_submission(session, juror_id, assessments(scores), frozenset(conflicts), AT, 1,
                                      private_key_of(session, juror_id))
        if reverse:
            submission = dataclasses.replace(
                submission,
                assessments=[dataclasses.replace(a, scores=a.scores[::-1]) for a in submission.assessments],
            )
        found.append(submission)
    return found


def _voting_scores(session, submissions, application_id, criterion_id) -> list[tuple[str, int]]:
    """Straight from the submissions: (juror, score) of the voting jurors, None left out."""
    found = []
    for submission in submissions:
        if session.juror(submission.juror_id).role is not Role.VOTING:
            continue
        for assessment in submission.assessments:
            if assessment.application_id == application_id:
                found += [(submission.juror_id, e.score) for e in assessment.scores
                          if e.criterion_id == criterion_id and e.score is not None]
    return found


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.tuples(juror_spec, juror_spec, juror_spec))
def test_table_and_aggregation_agree_with_the_submissions(small_session, specs):
    import statistics

    from jury_tui.domain.aggregation import criterion_stats, weighted_total

    session = small_session
    submissions = _submissions(session, specs)
    table = ScoreTable(session, submissions)
    result = aggregate(session, table)
    offsets = calibrate(session, table)
    calibrated = calibrated_totals(session, table, offsets)
    differences: dict[str, list[float]] = {"j1": [], "j2": []}
    for application in session.applications:
        conflicted = {s.juror_id for s in submissions if application.id in s.conflicts}
        expected = len([j for j in session.jurors if j.role is Role.VOTING and j.id not in conflicted])
        assert result[application.id].conflicted_jurors == sorted(conflicted)
        means, adjusted_means = {}, {}
        for criterion in session.criteria.criteria:
            pairs = _voting_scores(session, submissions, application.id, criterion.id)
            scores = [score for _, score in pairs]
            assert result[application.id].criteria[criterion.id] == criterion_stats(
                criterion.id, scores, max(expected - len(scores), 0), session.criteria.disagreement_threshold
            )
            means[criterion.id] = statistics.fmean(scores) if scores else None
            adjusted = [score - (offsets[juror].offset or 0.0) for juror, score in pairs]
            adjusted_means[criterion.id] = statistics.fmean(adjusted) if adjusted else None
            if len(pairs) > 1:
                for juror, score in pairs:
                    differences[juror].append(score - (sum(scores) - score) / (len(scores) - 1))
            # entries: every juror who assessed the application, in submission order, with motivation
            listed = [(e.juror_id, e.score, e.motivation) for e in table.entries(application.id, criterion.id)]
            assert listed == [
                (s.juror_id, e.score, e.motivation)
                for s in submissions
                for a in s.assessments
                if a.application_id == application.id
                for e in a.scores
                if e.criterion_id == criterion.id
            ]
        assert result[application.id].weighted_total == weighted_total(session.criteria, means)
        assert calibrated[application.id] == weighted_total(session.criteria, adjusted_means)
    for juror_id, found in differences.items():
        assert offsets[juror_id].shared_items == len(found)
        assert offsets[juror_id].offset == (statistics.fmean(found) if found else None)


def _alpha_by_pairs(units) -> float | None:
    """Krippendorff's ordinal alpha straight from the definition, pair by pair, in exact fractions."""
    from collections import defaultdict
    from fractions import Fraction

    coincidences = defaultdict(Fraction)
    for values in units:
        m = len(values)
        if m < 2:
            continue
        for i, a in enumerate(values):
            for j, b in enumerate(values):
                if i != j:
                    coincidences[(a, b)] += Fraction(1, m - 1)
    if not coincidences:
        return None
    categories = sorted({a for a, _ in coincidences})
    totals = {c: sum((coincidences[(c, k)] for k in categories), Fraction(0)) for c in categories}
    n = sum(totals.values())

    def delta(c, k):
        low, high = sorted((categories.index(c), categories.index(k)))
        return (sum(totals[categories[g]] for g in range(low, high + 1)) - (totals[c] + totals[k]) / 2) ** 2

    observed = sum(w * delta(c, k) for (c, k), w in coincidences.items())
    expected = sum(totals[c] * totals[k] * delta(c, k) for c in categories for k in categories) / (n - 1)
    return None if expected == 0 else float(1 - observed / expected)


units_strategy = st.lists(st.lists(st.integers(0, 5), max_size=8), min_size=1, max_size=25)


@settings(max_examples=200, deadline=None)
@given(units_strategy)
def test_krippendorff_alpha_is_the_exact_value_of_the_definition(units):
    assert krippendorff_alpha_ordinal(units) == _alpha_by_pairs(units)


@settings(max_examples=100, deadline=None)
@given(units_strategy)
def test_krippendorff_alpha_agrees_with_the_krippendorff_package(units):
    krippendorff = pytest.importorskip("krippendorff")
    import numpy as np

    ours = krippendorff_alpha_ordinal(units)
    pairable = [unit for unit in units if len(unit) > 1]
    if ours is None or len({v for unit in pairable for v in unit}) < 2:
        return  # undefined here; the package raises or divides by zero
    width = max(len(unit) for unit in pairable)
    data = np.full((width, len(pairable)), np.nan)
    for column, unit in enumerate(pairable):
        data[: len(unit), column] = unit
    assert ours == pytest.approx(krippendorff.alpha(reliability_data=data, level_of_measurement="ordinal"), abs=1e-9)


def test_rank_takes_eligibility_already_checked(small_session):
    decisions = {
        "a1": _decision("a1", {"inhoud": 3, "haalbaar": 4, "budget": 3}),
        "a2": _decision("a2", {"inhoud": 4, "haalbaar": 3, "budget": 3}),
    }
    outcomes = {
        a.id: overall_outcome(check_eligibility(a, small_session.criteria.eligibility)) for a in small_session.applications
    }
    assert rank(small_session, decisions, outcomes) == rank(small_session, decisions)
    forced = {**outcomes, "a2": Outcome.NOT_MET}
    by_id = {r.application_id: r for r in rank(small_session, decisions, forced)}
    assert by_id["a2"].eligibility is Outcome.NOT_MET and not by_id["a2"].selectable
