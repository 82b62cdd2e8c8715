"""Class 12 of issue 12, first half: the documented limits (domain/limits.py, docs/security.md) on
counts and lengths, checked by `check` and `new` with one line; the limit itself is accepted, one
more is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from jury_tui.domain import limits
from tests.adversarial.conftest import refused as refused_by
from tests.adversarial.conftest import run
from tests.conftest import SMALL_CRITERIA_TOML, application_md


def refused(capsys, *argv):
    return refused_by(capsys, *argv, watch=(Path.cwd(),))


def accepted(capsys, *argv) -> str:
    result = run(capsys, *argv)
    assert (result.code, result.err) == (0, ""), result.err
    return result.out


def criteria_toml(count: int) -> str:
    extra = "".join(
        f'\n[[criteria]]\nid = "extra-{n}"\nname = "Extra {n}"\ndescription = "Nog een criterium"\n'
        for n in range(count - 3)
    )
    return SMALL_CRITERIA_TOML + extra


def jurors_toml(count: int, name: str = "Jurylid") -> str:
    return "".join(f'[[jurors]]\nid = "j{n}"\nname = "{name}"\nrole = "voting"\n' for n in range(count))


@pytest.mark.parametrize("count", [limits.MAX_CRITERIA, limits.MAX_CRITERIA + 1])
def test_criteria_up_to_the_limit(capsys, tmp_path, count):
    path = tmp_path / "criteria.toml"
    path.write_text(criteria_toml(count), encoding="utf-8")
    if count <= limits.MAX_CRITERIA:
        accepted(capsys, "check", path)
        return
    line = refused(capsys, "check", path)
    assert "veld 'criteria' heeft 51 elementen, hoogstens 50 toegelaten" in line


@pytest.mark.parametrize("count", [limits.MAX_JURORS, limits.MAX_JURORS + 1])
def test_jurors_up_to_the_limit(capsys, tmp_path, count):
    path = tmp_path / "jurors.toml"
    path.write_text(jurors_toml(count), encoding="utf-8")
    if count <= limits.MAX_JURORS:
        accepted(capsys, "check", path)
        return
    assert refused(capsys, "check", path) == "jurors.toml: bevat 101 juryleden, hoogstens 100 per sessie"


def test_more_applications_than_the_limit_are_refused_before_any_is_read(capsys, tmp_path):
    folder = tmp_path / "aanvragen"
    folder.mkdir()
    for n in range(limits.MAX_APPLICATIONS + 1):
        (folder / f"a{n:04}.md").write_bytes(b"")  # never read: empty files would each be an error
    line = refused(capsys, "check", folder)
    assert line == "aanvragen: bevat 2.001 aanvragen, hoogstens 2.000 per sessie: verdeel ze over meer sessies"


def test_the_limit_of_applications_itself_makes_a_session(capsys, tmp_path, inputs):
    for n in range(limits.MAX_APPLICATIONS - 3):
        (inputs.applications / f"b{n:04}.md").write_text(application_md(f"b{n:04}"), encoding="utf-8")
    accepted(capsys, "new", "groot", "--criteria", inputs.criteria, "--applications", inputs.applications,
             "--jurors", inputs.jurors, "--budget", "1000", "--data-dir", "data")


@pytest.mark.parametrize("length", [limits.MAX_ID, limits.MAX_ID + 1])
def test_an_application_id_up_to_the_limit(capsys, tmp_path, length):
    path = tmp_path / "a1.md"
    path.write_text(application_md("a" * length), encoding="utf-8")
    if length <= limits.MAX_ID:
        accepted(capsys, "check", path)
        return
    assert refused(capsys, "check", path) == "a1.md: veld 'id' is te lang: hoogstens 64 tekens"


@pytest.mark.parametrize("length", [limits.MAX_ID, limits.MAX_ID + 1])
def test_a_session_id_up_to_the_limit(capsys, inputs, length):
    argv = ("new", "s" * length, "--criteria", inputs.criteria, "--applications", inputs.applications,
            "--jurors", inputs.jurors, "--budget", "1000", "--data-dir", "data")
    if length <= limits.MAX_ID:
        accepted(capsys, *argv)
        return
    assert refused(capsys, *argv) == f"sessie-id '{'s' * length}' is te lang: hoogstens 64 tekens"


@pytest.mark.parametrize("length", [limits.MAX_NAME, limits.MAX_NAME + 1])
def test_a_juror_name_up_to_the_limit(capsys, tmp_path, length):
    path = tmp_path / "jurors.toml"
    path.write_text(jurors_toml(1, "n" * length), encoding="utf-8")
    if length <= limits.MAX_NAME:
        accepted(capsys, "check", path)
        return
    assert refused(capsys, "check", path) == "jurors.toml: veld 'jurors[1].name' is te lang: hoogstens 200 tekens"


@pytest.mark.parametrize("length", [limits.MAX_TITLE, limits.MAX_TITLE + 1])
def test_an_application_title_up_to_the_limit(capsys, tmp_path, length):
    path = tmp_path / "a1.md"
    path.write_text(application_md(title="t" * length), encoding="utf-8")
    if length <= limits.MAX_TITLE:
        accepted(capsys, "check", path)
        return
    assert refused(capsys, "check", path) == "a1.md: veld 'title' is te lang: hoogstens 500 tekens"


@pytest.mark.parametrize("length", [limits.MAX_SECTION, limits.MAX_SECTION + 1])
def test_a_section_up_to_the_limit(capsys, tmp_path, length):
    path = tmp_path / "a1.md"
    path.write_text(application_md(sections="## Visie\n\n" + "w" * length + "\n"), encoding="utf-8")
    if length <= limits.MAX_SECTION:
        accepted(capsys, "check", path)
        return
    assert refused(capsys, "check", path) == "a1.md: veld 'sections[1].body' is te lang: hoogstens 100.000 tekens"


@pytest.mark.parametrize("count", [limits.MAX_SECTIONS, limits.MAX_SECTIONS + 1])
def test_sections_up_to_the_limit(capsys, tmp_path, count):
    path = tmp_path / "a1.md"
    path.write_text(application_md(sections="".join(f"## Deel {n}\n\nTekst.\n\n" for n in range(count))),
                    encoding="utf-8")
    if count <= limits.MAX_SECTIONS:
        accepted(capsys, "check", path)
        return
    assert "veld 'sections' heeft 101 elementen, hoogstens 100 toegelaten" in refused(capsys, "check", path)


@pytest.mark.parametrize("length", [limits.MAX_TEXT, limits.MAX_TEXT + 1])
def test_a_criterion_description_up_to_the_limit(capsys, tmp_path, length):
    path = tmp_path / "criteria.toml"
    path.write_text(SMALL_CRITERIA_TOML.replace("Is de begroting duidelijk?", "d" * length), encoding="utf-8")
    if length <= limits.MAX_TEXT:
        accepted(capsys, "check", path)
        return
    line = refused(capsys, "check", path)
    assert line == "criteria.toml: veld 'criteria[3].description.nl' is te lang: hoogstens 10.000 tekens"


@pytest.mark.parametrize("length", [limits.MAX_TITLE, limits.MAX_TITLE + 1])
def test_a_session_title_up_to_the_limit(capsys, inputs, length):
    argv = ("new", "klein", "--title", "T" * length, "--criteria", inputs.criteria, "--applications",
            inputs.applications, "--jurors", inputs.jurors, "--budget", "1000", "--data-dir", "data")
    if length <= limits.MAX_TITLE:
        accepted(capsys, *argv)
        return
    assert refused(capsys, *argv) == "klein: veld 'title' is te lang: hoogstens 500 tekens"


@pytest.mark.parametrize("length", [limits.MAX_MOTIVATION, limits.MAX_MOTIVATION + 1])
def test_a_motivation_in_a_score_csv_up_to_the_limit(capsys, session, length):
    run(capsys, "conflicts", "klein", "--as", "j1", "--none", "--data-dir", session)
    path = Path("scores.csv")
    path.write_text(f"application_id;criterion_id;score;motivation\na1;inhoud;4;{'m' * length}\n", encoding="utf-8")
    argv = ("import-scores", "klein", "--as", "j1", path, "--data-dir", session)
    if length <= limits.MAX_MOTIVATION:
        assert "1 scores en motivaties" in accepted(capsys, *argv)
        return
    assert "rij 2" in refused(capsys, *argv)


def test_the_stored_motivation_limit_is_the_csv_limit():
    """One rule for a motivation, wherever it comes from (the CSV checks it per row, with its line;
    the store checks what the app brings)."""
    from jury_tui.formats.validation import motivation_problem

    assert motivation_problem("x" * limits.MAX_MOTIVATION) is None
    assert "hoogstens 100.000 tekens" in motivation_problem("x" * (limits.MAX_MOTIVATION + 1))
