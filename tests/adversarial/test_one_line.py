"""One line per failure, however many problems (issue 12): `import-scores` and `check` name the first
problem and count the rest; and a signed submission's own claims (each status, `complete`,
`applications_total`, `applications_complete`) must be what its scores give."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
import time
from pathlib import Path

import pytest

from jury_tui.domain.assessment import ApplicationAssessment, CriterionScore
from jury_tui.domain.signing import new_private_key
from jury_tui.domain.submission import build_submission, seal
from jury_tui.formats.submission_file import content_problem
from tests.adversarial.conftest import refused, run
from tests.conftest import SMALL_CRITERIA_TOML, application_md

HEADER = "application_id;criterion_id;score;motivation\n"


def _csv(tmp_path: Path, rows: str, name: str = "scores.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


# --- import-scores: one line ---------------------------------------------------------------


def test_2999_duplicate_rows_are_one_line_naming_the_first_and_counting_2998(capsys, session, tmp_path):
    path = _csv(tmp_path, "a1;inhoud;4;ok\n" * 3000)  # line 2 is kept; lines 3 to 3001 repeat it
    line = refused(capsys, "import-scores", "klein", "--as", "j1", path, "--data-dir", session, watch=(session, tmp_path))
    assert line.startswith("scores.csv, rij 3, aanvraag 'a1' (Gent – Rabot), criterium 'inhoud' (Inhoud): ")
    assert "staat al op rij 2" in line  # the first problem as worded: where the row was first
    assert line.endswith("; en nog 2998 andere problemen: niets geïmporteerd")


def test_two_problems_count_one_other_problem_in_the_singular(capsys, session, tmp_path):
    path = _csv(tmp_path, "a9;inhoud;4;x\na1;haalbaar;9;x\n")
    line = refused(capsys, "import-scores", "klein", "--as", "j1", path, "--data-dir", session, watch=(session, tmp_path))
    assert line == ("scores.csv, rij 2, criterium 'inhoud' (Inhoud): onbekende aanvraag 'a9'; "
                    "en nog 1 ander probleem: niets geïmporteerd")


def test_a_single_problem_is_shown_alone(capsys, session, tmp_path):
    path = _csv(tmp_path, "a1;inhoud;4;ok\na1;haalbaar;9;x\n")
    line = refused(capsys, "import-scores", "klein", "--as", "j1", path, "--data-dir", session, watch=(session, tmp_path))
    assert "rij 3" in line and "buiten de schaal" in line
    assert "en nog" not in line


def test_many_problems_in_english_are_one_english_line(capsys, session, tmp_path):
    path = _csv(tmp_path, "a9;inhoud;4;x\na8;inhoud;4;x\na7;inhoud;4;x\n")
    line = refused(capsys, "--lang", "en", "import-scores", "klein", "--as", "j1", path, "--data-dir", session,
                   watch=(session, tmp_path))
    assert line.endswith("; and 2 more problems: nothing imported")


def test_a_problem_in_every_row_after_a_good_one_imports_nothing(capsys, session, tmp_path):
    path = _csv(tmp_path, "a1;inhoud;4;ok\n" + "".join(f"a1;inhoud;{n};x\n" for n in range(6, 106)))
    line = refused(capsys, "import-scores", "klein", "--as", "j1", path, "--data-dir", session, watch=(session, tmp_path))
    assert "en nog 99 andere problemen: niets geïmporteerd" in line


# --- check: one line per file ----------------------------------------------------------------


def test_check_a_criteria_file_with_two_problems_is_one_line(capsys, tmp_path):
    path = tmp_path / "con.toml"
    path.write_text(SMALL_CRITERIA_TOML.replace('id = "inhoud"', 'id = "con"').replace('tie_break = ["inhoud"]', 'tie_break = ["con"]'),
                    encoding="utf-8")
    line = refused(capsys, "check", path, watch=(tmp_path,))
    assert "con.toml" in line and "criteria[1].id" in line
    assert line.endswith("; en nog 1 ander probleem")


def test_check_front_matter_with_ten_unknown_keys_is_one_line(capsys, tmp_path):
    path = tmp_path / "a1.md"
    path.write_text(application_md(extra_front_matter="".join(f"extra{k}: 1\n" for k in range(10))), encoding="utf-8")
    line = refused(capsys, "check", path, watch=(tmp_path,))
    assert "a1.md" in line and "'extra0'" in line and "extra9" not in line
    assert line.endswith("; en nog 9 andere problemen")


def test_check_a_scores_csv_with_2999_problems_is_one_line(capsys, session, tmp_path):
    path = _csv(tmp_path, "a1;inhoud;4;ok\n" * 3000)
    line = refused(capsys, "check", path, "--session", "klein", "--data-dir", session, watch=(session, tmp_path))
    assert "scores.csv, rij 3" in line and line.endswith("; en nog 2998 andere problemen")


def test_check_several_files_gives_one_line_per_failing_file_and_the_summary(capsys, inputs, tmp_path):
    con = tmp_path / "con.toml"
    con.write_text(SMALL_CRITERIA_TOML.replace('id = "inhoud"', 'id = "con"').replace('tie_break = ["inhoud"]', 'tie_break = ["con"]'),
                   encoding="utf-8")
    keys = tmp_path / "a1.md"
    keys.write_text(application_md(extra_front_matter="".join(f"extra{k}: 1\n" for k in range(10))), encoding="utf-8")
    result = run(capsys, "check", con, inputs.criteria, keys)
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 2
    assert "con.toml" in lines[0] and "a1.md" in lines[1]
    assert "1 van 3 bestanden in orde" in result.out


# --- check: what was not checked is said ---------------------------------------------------


def _scored_submission(capsys, session, tmp_path) -> Path:
    """j1 in `klein`: a1 complete, a2 begun, a3 not started; no conflicts; sent incomplete."""
    assert run(capsys, "conflicts", "klein", "--as", "j1", "--none", "--data-dir", session).code == 0
    scores = _csv(tmp_path, "a1;inhoud;4;Sterk\na1;haalbaar;3;Kan\na1;budget;2;\na2;inhoud;3;\n", "ingevuld.csv")
    assert run(capsys, "import-scores", "klein", "--as", "j1", scores, "--data-dir", session).code == 0
    out = tmp_path / "inzending.json"
    assert run(capsys, "submit", "klein", "--as", "j1", "--incomplete", "--out", out, "--data-dir", session).code == 0
    return out


def test_check_without_a_session_says_the_signature_was_not_checked(capsys, session, tmp_path):
    out = _scored_submission(capsys, session, tmp_path)
    result = run(capsys, "check", out)
    assert (result.code, result.err) == (0, "")
    assert result.out.strip() == "inzending.json: in orde (inzending; handtekening en sessie niet nagekeken: geef --session)"
    result = run(capsys, "check", out, "--session", "klein", "--data-dir", session)
    assert (result.code, result.err) == (0, "")
    assert result.out.strip() == "inzending.json: in orde (inzending)"


# --- a submission's claims against its own scores -------------------------------------------


def _resealed(session: Path, path: Path, change) -> Path:
    content = json.loads(path.read_text(encoding="utf-8"))
    change(content)
    key = bytes.fromhex((session / "sessions" / "klein" / "keys" / "j1.key").read_text().strip())
    path.write_bytes(seal(content, key)[2])
    return path


def _assessment(content: dict, application_id: str) -> dict:
    return next(a for a in content["assessments"] if a["application_id"] == application_id)


def test_the_honest_submission_has_the_statuses_the_rule_gives(capsys, session, tmp_path):
    content = json.loads(_scored_submission(capsys, session, tmp_path).read_text(encoding="utf-8"))
    assert [a["status"] for a in content["assessments"]] == ["complete", "in_progress", "not_started"]
    assert (content["complete"], content["applications_total"], content["applications_complete"]) == (False, 3, 1)


def test_complete_true_on_an_incomplete_submission_is_refused_by_check(capsys, session, tmp_path):
    out = _resealed(session, _scored_submission(capsys, session, tmp_path), lambda c: c.update(complete=True))
    assert run(capsys, "check", out).code == 0  # well-formed, sealed and signed …
    line = refused(capsys, "check", out, "--session", "klein", "--data-dir", session, watch=(session, tmp_path))
    assert line == "inzending.json: 'complete' is true, maar de scores geven false; niets gewijzigd"  # … but not true


def test_a_complete_status_with_a_null_score_is_refused_naming_the_application(capsys, session, tmp_path):
    def lie(content):
        _assessment(content, "a2")["status"] = "complete"
    out = _resealed(session, _scored_submission(capsys, session, tmp_path), lie)
    line = refused(capsys, "check", out, "--session", "klein", "--data-dir", session, watch=(session, tmp_path))
    assert line == ("inzending.json: aanvraag 'a2': status 'complete' klopt niet met de scores ('in_progress'); "
                    "niets gewijzigd")


def test_a_complete_status_without_a_required_motivation_is_refused(capsys, session, tmp_path):
    def lie(content):
        _assessment(content, "a1")["scores"][1]["motivation"] = "   "  # haalbaar needs a motivation
    out = _resealed(session, _scored_submission(capsys, session, tmp_path), lie)
    line = refused(capsys, "check", out, "--session", "klein", "--data-dir", session, watch=(session, tmp_path))
    assert "aanvraag 'a1': status 'complete' klopt niet met de scores ('in_progress')" in line


def test_a_not_started_status_over_given_scores_is_refused(capsys, session, tmp_path):
    def lie(content):
        _assessment(content, "a3")["scores"][2]["score"] = 1
    out = _resealed(session, _scored_submission(capsys, session, tmp_path), lie)
    line = refused(capsys, "check", out, "--session", "klein", "--data-dir", session, watch=(session, tmp_path))
    assert "aanvraag 'a3': status 'not_started'" in line and "('in_progress')" in line


def test_a_conflict_status_on_an_assessed_application_is_refused(capsys, session, tmp_path):
    def lie(content):
        _assessment(content, "a3")["status"] = "conflict"
    out = _resealed(session, _scored_submission(capsys, session, tmp_path), lie)
    line = refused(capsys, "check", out, "--session", "klein", "--data-dir", session, watch=(session, tmp_path))
    assert "aanvraag 'a3': status 'conflict'" in line


def test_applications_total_of_ten_to_the_32_is_refused_and_shown_short(capsys, session, tmp_path):
    out = _resealed(session, _scored_submission(capsys, session, tmp_path), lambda c: c.update(applications_total=10**32))
    line = refused(capsys, "check", out, "--session", "klein", "--data-dir", session, watch=(session, tmp_path))
    assert line == "inzending.json: 'applications_total' is 10000000000000000..., maar de scores geven 3; niets gewijzigd"


@pytest.mark.parametrize("stated", [0, 2, -1])
def test_applications_complete_off_by_any_amount_is_refused(capsys, session, tmp_path, stated):
    out = _resealed(session, _scored_submission(capsys, session, tmp_path), lambda c: c.update(applications_complete=stated))
    line = refused(capsys, "check", out, "--session", "klein", "--data-dir", session, watch=(session, tmp_path))
    assert f"'applications_complete' is {stated}, maar de scores geven 1" in line


def test_the_chairs_import_refuses_a_forged_claim_and_keeps_nothing(capsys, session, tmp_path):
    out = _resealed(session, _scored_submission(capsys, session, tmp_path),
                    lambda c: c.update(complete=True, applications_complete=3))
    line = refused(capsys, "import", "klein", out, "--data-dir", session, watch=(session, tmp_path))
    assert "inzending.json" in line and "'complete' is true" in line


def test_statuses_are_checked_in_linear_time_at_1000_applications_by_25_criteria():
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from synthetic import synthetic_session

    session = synthetic_session(1000, 1)
    first = session.criteria.criteria[0]
    extra = [dataclasses.replace(first, id=f"extra{n:02d}") for n in range(25 - len(session.criteria.criteria))]
    session = dataclasses.replace(session, criteria=dataclasses.replace(session.criteria, criteria=[*session.criteria.criteria, *extra]))
    ids = [criterion.id for criterion in session.criteria.criteria]
    assert len(ids) == 25 and len(session.applications) == 1000
    held = {a.id: ApplicationAssessment(a.id, {c: CriterionScore(c, 3, "ok") for c in ids}) for a in session.applications}
    submission = build_submission(session, session.jurors[0].id, held, frozenset(), dt.datetime.now(dt.UTC), 1,
                                  new_private_key())
    started = time.perf_counter()
    assert content_problem(session, submission) is None
    assert time.perf_counter() - started < 1.0  # about 0.03 s; a quadratic check would take minutes
    forged = dataclasses.replace(submission, applications_total=999)
    assert content_problem(session, forged)[0] == ""
    assert "'applications_total' is 999" in content_problem(session, forged)[1]
