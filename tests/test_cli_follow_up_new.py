"""`jury-tui new ID --follow-up-of SELECTION --reports DIR --criteria FILE`, end to end in tmp data dirs:
the round built from the demo's government decision and progress reports, every refusal one Dutch
line with exit 2 and nothing written, `show` of a round, and the juror's package → unpack → submit →
import flow of a follow-up session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import tree_snapshot

from jury_tui.cli import main
from jury_tui.errors import display_path
from jury_tui.formats.session_builder import (
    build_demo_session,
    demo_data_dir,
    shipped_criteria_dir,
)
from jury_tui.i18n import set_language
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import load_session, session_dir, write_session

REPO = Path(__file__).resolve().parents[1]
REPORTS = demo_data_dir() / "progress"
FOLLOW_UP = shipped_criteria_dir() / "wvc-2021-opvolging.toml"
SELECTION_CRITERIA = shipped_criteria_dir() / "wvc-2021.toml"
DEMO = "wvc-2021-demo"
# The contracts the demo's government decision selects, in its order.
SELECTED = ["wvc21-02", "wvc21-04", "wvc21-05", "wvc21-06", "wvc21-08", "wvc21-09", "wvc21-10", "wvc21-15",
            "wvc21-16", "wvc21-18", "wvc21-20"]


def demo_dir(root: Path, *extra: str) -> Path:
    env = {key: value for key, value in os.environ.items() if key not in {"JURY_DATA_DIR", "JURY_LANG"}}
    done = subprocess.run([sys.executable, "-m", "jury_tui", "demo", "--no-open", *extra, "--data-dir", str(root / "data")],
                          cwd=root, env={**env, "PYTHONPATH": str(REPO)}, capture_output=True, text=True, timeout=600,
                          check=False)
    assert done.returncode == 0, done.stderr
    return root / "data"


@pytest.fixture(scope="module")
def decided(tmp_path_factory) -> Path:
    """A data dir with the demo whose government decision is on record (demo --path-2021)."""
    root = tmp_path_factory.mktemp("decided")
    return demo_dir(root, "--path-2021", "--out", str(root / "out"))


@pytest.fixture(scope="module")
def undecided(tmp_path_factory) -> Path:
    """A data dir with the demo as it starts: no government decision yet."""
    return demo_dir(tmp_path_factory.mktemp("undecided"))


@pytest.fixture
def data(decided, tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JURY_DATA_DIR", raising=False)
    set_language("nl")
    shutil.copytree(decided, tmp_path / "data")
    return tmp_path / "data"


def run(capsys, data_dir: Path, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    return code, out, err


def new_round(capsys, data_dir: Path, session_id: str = "opv-2024", *extra: str) -> tuple[int, str, str]:
    return run(capsys, data_dir, "new", session_id, "--follow-up-of", DEMO, "--reports", str(REPORTS),
               "--criteria", str(FOLLOW_UP), *extra)


def refused(capsys, data_dir: Path, *argv: str) -> str:
    """Run `argv`: exit 2, one line, no traceback, nothing written in the data dir; the line."""
    before = tree_snapshot(data_dir)
    code, out, err = run(capsys, data_dir, *argv)
    lines = err.strip().splitlines()
    assert code == 2, (out, err)
    assert len(lines) == 1 and "Traceback" not in err, err
    assert tree_snapshot(data_dir) == before
    return lines[0]


# --- the round ----------------------------------------------------------------------------------


def test_new_follow_up_round_from_the_demo(capsys, data):
    code, out, err = new_round(capsys, data)
    assert (code, err) == (0, "")
    assert "sessie 'opv-2024' aangemaakt" in out
    selection, round_ = load_session(data, DEMO), load_session(data, "opv-2024")
    follow_up = round_.follow_up
    assert (follow_up.selection_session, follow_up.selection_fingerprint, follow_up.year) == (
        DEMO, selection.fingerprint, 2024)
    assert [contract.application_id for contract in follow_up.contracts] == SELECTED
    assert follow_up.contract("wvc21-10").subsidy == 700_000
    # The contracts' application records are the selection's, unchanged; every report is kept, 2023 too.
    assert round_.applications == [selection.application(aid) for aid in SELECTED]
    assert len(follow_up.reports) == len(list(REPORTS.glob("*.md"))) == 14
    assert [report.year for report in follow_up.history("wvc21-10")] == [2023, 2024]
    assert round_.criteria.follow_up and round_.title == "Opvolging wijkverbeteringscontracten 2024"
    # The jurors are the selection's, with new keys.
    assert [juror.id for juror in round_.jurors] == [juror.id for juror in selection.jurors]
    old_keys = {juror.id: juror.public_key for juror in selection.jurors}
    assert all(juror.public_key and juror.public_key != old_keys[juror.id] for juror in round_.jurors)
    assert round_.criteria.verdict("op-schema").only_when_rules_met


def test_new_follow_up_round_with_its_own_jurors_year_and_title(capsys, data, tmp_path):
    jurors = tmp_path / "klankbord.toml"
    jurors.write_text('[[jurors]]\nid = "kb-1"\nname = "Klankbord Een"\nrole = "voting"\n', encoding="utf-8")
    code, _, err = new_round(capsys, data, "opv", "--jurors", str(jurors), "--year", "2024", "--title", "Opvolging 2024")
    assert (code, err) == (0, "")
    made = load_session(data, "opv")
    assert ([juror.id for juror in made.jurors], made.title) == (["kb-1"], "Opvolging 2024")


def test_the_session_file_round_trips_with_a_stable_fingerprint(capsys, data, tmp_path):
    assert new_round(capsys, data)[0] == 0
    made = load_session(data, "opv-2024")
    raw = json.loads((session_dir(data, "opv-2024") / "session.json").read_text(encoding="utf-8"))
    assert raw["definition"]["follow_up"]["selection_session"] == DEMO
    write_session(tmp_path / "again", made, {})
    assert load_session(tmp_path / "again", "opv-2024").fingerprint == made.fingerprint


def test_a_selection_sessions_fingerprint_does_not_change_with_the_follow_up_fields():
    # The demo as built on main before issue 15's foundation was hardened (90778d0): the new optional
    # fields (follow_up, a verdict's only_when_rules_met) are left out while empty.
    assert build_demo_session().fingerprint == "9df978a5c085a323476c453efd9c7c114f9d384d20dce0539341ab2bd908cc95"


# --- refusals -------------------------------------------------------------------------------------


def test_refused_without_the_government_decision(capsys, undecided, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    line = refused(capsys, undecided, "new", "opv", "--follow-up-of", DEMO, "--reports", str(REPORTS),
                   "--criteria", str(FOLLOW_UP))
    assert line == f"in sessie '{DEMO}' is de beslissing van de regering nog niet vastgelegd (jury-tui government {DEMO} ...)"


def test_refused_as_follow_up_of_a_follow_up(capsys, data):
    assert new_round(capsys, data)[0] == 0
    line = refused(capsys, data, "new", "opv-2", "--follow-up-of", "opv-2024", "--reports", str(REPORTS),
                   "--criteria", str(FOLLOW_UP))
    assert line == "sessie 'opv-2024' is zelf een opvolgingsronde: geef de selectiesessie"


def test_refused_with_the_selection_criteria(capsys, data):
    line = refused(capsys, data, "new", "opv", "--follow-up-of", DEMO, "--reports", str(REPORTS),
                   "--criteria", str(SELECTION_CRITERIA))
    assert line.startswith(f"{display_path(SELECTION_CRITERIA)}: geeft geen oordelen per contract ([[verdicts]])")


def test_follow_up_criteria_refused_without_follow_up_of(capsys, data):
    line = refused(capsys, data, "new", "x", "--criteria", str(FOLLOW_UP))
    assert line.startswith(f"{display_path(FOLLOW_UP)}: zijn opvolgingscriteria (met [[verdicts]]): maak een opvolgingsronde met --follow-up-of")
    line = refused(capsys, data, "new", "x", "--criteria", str(FOLLOW_UP), "--applications",
                   str(demo_data_dir() / "applications"), "--jurors", str(demo_data_dir() / "jurors.toml"), "--budget", "5")
    assert "zijn opvolgingscriteria" in line


@pytest.mark.parametrize("extra", [("--applications", "ergens"), ("--budget", "1000")])
def test_applications_or_budget_refused_with_follow_up_of(capsys, data, extra):
    line = refused(capsys, data, "new", "opv", "--follow-up-of", DEMO, "--reports", str(REPORTS),
                   "--criteria", str(FOLLOW_UP), *extra)
    assert line == ("een opvolgingsronde neemt de contracten en bedragen uit de beslissing van de regering: "
                    "laat --applications en --budget weg")


@pytest.mark.parametrize("extra", [("--reports", str(REPORTS)), ("--year", "2024")])
def test_reports_or_year_refused_without_follow_up_of(capsys, data, extra):
    line = refused(capsys, data, "new", "x", "--criteria", str(SELECTION_CRITERIA), *extra)
    assert line == "--reports en --year horen bij een opvolgingsronde: geef ook --follow-up-of"


def test_follow_up_of_needs_reports(capsys, data):
    assert refused(capsys, data, "new", "opv", "--follow-up-of", DEMO, "--criteria", str(FOLLOW_UP)) == \
        "ontbreekt: --reports"


def test_a_missing_report_names_the_contract(capsys, data, tmp_path):
    reports = tmp_path / "rapporten"
    shutil.copytree(REPORTS, reports)
    (reports / "10-hasselt-2024.md").unlink()
    line = refused(capsys, data, "new", "opv", "--follow-up-of", DEMO, "--reports", str(reports), "--criteria", str(FOLLOW_UP))
    assert line == (f"{display_path(reports)}: het voortgangsrapport 2024 ontbreekt bij 1 van de 11 contracten: "
                    "wvc21-10 (Hasselt – Oude Statie-Runkst)")


def test_a_report_of_a_contract_not_selected_names_file_and_contract(capsys, data, tmp_path):
    reports = tmp_path / "rapporten"
    shutil.copytree(REPORTS, reports)
    text = (reports / "10-hasselt-2024.md").read_text(encoding="utf-8").replace("contract: wvc21-10", "contract: wvc21-01")
    (reports / "01-antwerpen-2024.md").write_text(text, encoding="utf-8")
    line = refused(capsys, data, "new", "opv", "--follow-up-of", DEMO, "--reports", str(reports), "--criteria", str(FOLLOW_UP))
    assert line == (f"{display_path(reports / '01-antwerpen-2024.md')}: rapport van wvc21-01 (Antwerpen – Deurne-Noord), "
                    "maar dat contract is niet geselecteerd in de beslissing van de regering")


def test_year_2023_is_refused_naming_the_contracts_without_a_2023_report(capsys, data):
    line = refused(capsys, data, "new", "opv", "--follow-up-of", DEMO, "--reports", str(REPORTS),
                   "--criteria", str(FOLLOW_UP), "--year", "2023")
    assert line.startswith(f"{display_path(REPORTS)}: het voortgangsrapport 2023 ontbreekt bij 8 van de 11 contracten: "
                           "wvc21-02 (Beringen – ")
    # Hasselt, Denderleeuw and Vilvoorde have a 2023 report; the later 2024 reports are no reason to refuse.
    assert "wvc21-10" not in line and "wvc21-05" not in line and "wvc21-20" not in line


def test_a_round_of_2023_leaves_the_later_reports_out(capsys, data, tmp_path):
    reports = tmp_path / "rapporten"
    reports.mkdir()
    for name in ("05-denderleeuw-2023.md", "10-hasselt-2023.md", "10-hasselt-2024.md"):
        shutil.copyfile(REPORTS / name, reports / name)
    # Only two contracts report: the other nine are named as missing, not the 2024 report as too late.
    line = refused(capsys, data, "new", "opv", "--follow-up-of", DEMO, "--reports", str(reports),
                   "--criteria", str(FOLLOW_UP), "--year", "2023")
    assert "ontbreekt bij 9 van de 11 contracten" in line


def test_an_existing_session_id_is_refused(capsys, data):
    assert new_round(capsys, data)[0] == 0
    line = refused(capsys, data, "new", "opv-2024", "--follow-up-of", DEMO, "--reports", str(REPORTS),
                   "--criteria", str(FOLLOW_UP))
    assert line.startswith("sessie 'opv-2024' bestaat al in ")


def test_a_broken_report_is_refused_before_the_selection_is_looked_at(capsys, undecided, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    reports = tmp_path / "rapporten"
    shutil.copytree(REPORTS, reports)
    path = reports / "09-gent-2024.md"
    path.write_text(path.read_text(encoding="utf-8").replace("period_end: 2024-12-31", "period_end: 2024-12-32"),
                    encoding="utf-8")
    line = refused(capsys, undecided, "new", "opv", "--follow-up-of", DEMO, "--reports", str(reports),
                   "--criteria", str(FOLLOW_UP))
    assert line.startswith(f"{display_path(path)}: regel ") and "veld 'period_end' is geen geldige datum of getal (2024-12-32)" in line


# --- show -------------------------------------------------------------------------------------------


def test_show_a_follow_up_round(capsys, data):
    assert new_round(capsys, data)[0] == 0
    code, out, err = run(capsys, data, "show", "opv-2024")
    assert (code, err) == (0, "")
    assert ("Opvolgingsronde 2024 van selectiesessie wvc-2021-demo "
            "(beslissing van de regering: DEMO-WVC-2021 (illustratieve referentie))") in out
    assert "Contracten (11), met de toegekende subsidie:" in out
    hasselt = next(line for line in out.splitlines() if "wvc21-10" in line)
    assert "Hasselt" in hasselt and "€ 700.000" in hasselt
    code, out, err = run(capsys, data, "show", "opv-2024", "--json")
    payload = json.loads(out)
    assert payload["follow_up"]["selection_session"] == DEMO
    assert (payload["follow_up"]["year"], payload["follow_up"]["decision_reference"]) == (
        2024, "DEMO-WVC-2021 (illustratieve referentie)")
    assert [c["id"] for c in payload["follow_up"]["contracts"]] == SELECTED
    assert payload["follow_up"]["contracts"][6] == {"id": "wvc21-10", "subsidy": 700000.0, "report_final": False}


def test_show_of_a_selection_session_has_no_follow_up(capsys, data):
    code, out, _ = run(capsys, data, "show", DEMO, "--json")
    assert code == 0 and "follow_up" not in json.loads(out)
    assert "Opvolgingsronde" not in run(capsys, data, "show", DEMO)[1]


# --- the juror's flow ---------------------------------------------------------------------------


def test_package_unpack_submit_and_import_of_a_follow_up_round(capsys, data, tmp_path):
    assert new_round(capsys, data)[0] == 0
    package = tmp_path / "extern-1.jurypakket"
    assert run(capsys, data, "package", "opv-2024", "--for", "extern-1", "--out", str(package))[0] == 0
    laptop = tmp_path / "laptop"
    assert run(capsys, laptop, "unpack", str(package))[0] == 0
    unpacked = load_session(laptop, "opv-2024")
    assert unpacked.fingerprint == load_session(data, "opv-2024").fingerprint
    assert unpacked.follow_up is not None and unpacked.follow_up.report("wvc21-10").co_financing_paid == 95_000
    store = JurorStore(laptop, unpacked, "extern-1")
    assert store is not None
    assert run(capsys, laptop, "conflicts", "opv-2024", "--as", "extern-1", "--none")[0] == 0
    submission = tmp_path / "extern-1.json"
    code, _, err = run(capsys, laptop, "submit", "opv-2024", "--as", "extern-1", "--incomplete", "--out", str(submission))
    assert (code, err) == (0, "")
    code, out, err = run(capsys, data, "import", "opv-2024", str(submission))
    assert (code, err) == (0, "") and "inzending van extern-1 ingelezen" in out
