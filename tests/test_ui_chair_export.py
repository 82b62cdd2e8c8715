"""The export dialog of the chair's app, driven by keys (Textual Pilot, 80×24 terminal).

Three jurors scored one application of the demo session and the chair set part of its consensus.
x (or F6) opens the dialog; Enter writes the advice PDF, the CSV and the XLSX to the data
directory's exports/ in a worker and shows the absolute paths; strict mode refuses every output
with the Dutch one-line reason; Esc during a running export cancels it before the PDF is written.
"""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import pytest
from conftest import loaded_modules, wait_until
from pypdf import PdfReader
from textual.widgets import OptionList

from jury_tui.cli import main
from jury_tui.domain.assessment import ScoreChange
from jury_tui.domain.session import SessionDefinition
from jury_tui.formats.session_builder import build_demo_session, demo_private_keys
from jury_tui.i18n import t
from jury_tui.store.anonymity import read_letters
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import exports_dir, write_session
from jury_tui.store.submitting import write_submission
from jury_tui.ui.chair.app import ChairApp
from jury_tui.ui.chair.keys import global_keys, help_rows
from jury_tui.ui.chair.screens.dialogs import ChairHelpScreen
from jury_tui.ui.chair.screens.export import ExportDialog
from jury_tui.ui.chair.screens.overview import OverviewScreen

SIZE = (80, 24)
APP = "wvc21-03"  # Boom – KaDRie
JURORS = ("extern-1", "extern-2", "extern-3")


def text_of(widget) -> str:
    return str(widget.render())


def notifications(app) -> list[str]:
    return [notification.message for notification in app._notifications]


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


@pytest.fixture
def export_setup(tmp_path: Path, monkeypatch) -> tuple[Path, SessionDefinition]:
    """The demo session in tmp_path/data, three submissions imported, consensus on two criteria of APP."""
    session = build_demo_session()
    data_dir = tmp_path / "data"
    write_session(data_dir, session, demo_private_keys(session))
    folder = tmp_path / "inz"
    folder.mkdir()
    chair = ChairStore(data_dir, session)
    for number, juror_id in enumerate(JURORS):
        store = JurorStore(data_dir, session, juror_id)
        store.declare_conflicts([])
        store.apply_batch([ScoreChange(APP, criterion.id, 3 + number % 2, f"Motivatie van {juror_id} over {criterion.id}.")
                           for criterion in session.criteria.criteria], "test")
        write_submission(store, folder / f"{juror_id}.json", allow_incomplete=True)
        chair.import_submission(folder / f"{juror_id}.json")
    for criterion in session.criteria.criteria[:2]:
        chair.set_consensus(APP, criterion.id, score=4, motivation=f"Consensus over {criterion.id}: <goed> & 'sterk' – €.")
    monkeypatch.chdir(tmp_path)
    return data_dir, session


def targets(data_dir: Path, session: SessionDefinition) -> dict[str, Path]:
    folder = exports_dir(data_dir)
    return {"pdf": folder / f"advies-{session.id}.pdf", "csv": folder / f"scores-{session.id}.csv",
            "xlsx": folder / f"scores-{session.id}.xlsx"}


async def open_dialog(app, pilot, key: str = "x") -> ExportDialog:
    """From the app's first screen, once it has started: the export dialog, its check done."""
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, ExportDialog)
    await app.workers.wait_for_complete()  # the check of what is missing
    await pilot.pause()
    return dialog


async def run_export(app, pilot) -> None:
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()


def test_opening_the_app_and_the_dialog_imports_no_export_library():
    code = "import jury_tui.ui.chair.app, jury_tui.ui.chair.screens.export"
    assert loaded_modules(code, ("reportlab", "openpyxl", "numpy", "jury_tui.reports.advice_pdf")) == []


def test_the_export_key_is_in_the_key_map_help_and_palette():
    spec = next(spec for spec in global_keys() if spec.action == "export")
    assert spec.keys == "x,f6" and spec.palette
    assert (spec.display, t("chair.key.export.help")) in help_rows(global_keys())


async def test_export_writes_pdf_csv_and_xlsx_by_keys(export_setup):
    data_dir, session = export_setup
    paths = targets(data_dir, session)
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        dialog = await open_dialog(app, pilot)
        # Nothing written yet; the dialog says what is missing before starting.
        assert not any(path.exists() for path in paths.values())
        criteria = len(session.criteria.criteria)
        total = len(session.applications)
        expected = t("chair.ui.export.missing", applications=total, total=total,
                     scores=total * criteria - 2, motivations=total * criteria - 2)
        assert text_of(dialog.query_one("#export-missing")).splitlines()[0] == expected
        options = text_of(dialog.query_one("#export-options"))
        assert t("chair.ui.export.names_off") in options and t("chair.ui.export.strict_off") in options

        await run_export(app, pilot)
        assert app.screen is dialog
        for path in paths.values():
            assert path.is_file(), path
        text = pdf_text(paths["pdf"])
        assert "Gemotiveerd advies" in text and "Boom" in text
        with paths["csv"].open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, delimiter=";"))  # the separator of every CSV we write
        assert all(row[1].startswith("Jurylid ") for row in rows[1:])  # anonymised by default
        # with the letters kept for the session (made by this first export)
        kept = read_letters(data_dir, session)
        assert {f"Jurylid {kept[juror_id]}" for juror_id in JURORS} == {row[1] for row in rows[1:]}
        assert not any("Extern expert 1" in cell for row in rows for cell in row)

        # Every output shows its absolute path, with pages or rows.
        shown = dialog.result_text()
        for path in paths.values():
            assert str(path.resolve()) in shown
        assert all(ok for ok, _ in dialog.results.values())
        pdf_line = text_of(dialog.query_one("#export-result-pdf .export-line"))
        assert str(paths["pdf"].resolve()) in pdf_line and "pagina's" in pdf_line
        assert f"({len(rows) - 1} rijen)" in text_of(dialog.query_one("#export-result-csv .export-line"))
        status = text_of(dialog.query_one("#export-status"))
        assert status.startswith("Klaar in") and "3 van 3 bestanden" in status
        bar = dialog.query_one("#export-progress")
        assert bar.total == 1 + total + 2 and bar.progress == bar.total
        assert not dialog.running

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)


async def test_strict_mode_refuses_every_output_in_dutch(export_setup, capsys):
    data_dir, session = export_setup
    paths = targets(data_dir, session)
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        dialog = await open_dialog(app, pilot, "f6")
        await pilot.press("s")
        assert dialog.strict
        assert t("chair.ui.export.strict_on") in text_of(dialog.query_one("#export-options"))
        await run_export(app, pilot)
        assert not paths["pdf"].exists()
        ok, line = dialog.results["pdf"]
        assert not ok and line.startswith("advies niet geëxporteerd: Antwerpen (wvc21-01): alle criteria")
        assert "Traceback" not in line and "\n" not in line
        assert "✗ PDF advies niet geëxporteerd" in dialog.result_text()
        # The score data carries the advice too (recommendations, amounts, motivations): nothing leaves.
        assert not paths["csv"].exists() and not paths["xlsx"].exists()
        assert dialog.results["csv"] == (False, line) and dialog.results["xlsx"] == (False, line)
    # The same line as `jury-tui export --strict` gives.
    capsys.readouterr()
    assert main(["export", session.id, "--pdf", "--strict", "--data-dir", str(data_dir)]) == 2
    assert capsys.readouterr().err.strip() == line


async def test_a_folder_in_the_way_is_one_line_and_the_rest_is_written(export_setup):
    data_dir, session = export_setup
    paths = targets(data_dir, session)
    paths["pdf"].mkdir(parents=True)
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        await run_export(app, pilot)
        assert dialog.results["pdf"] == (False, t("submission.out_exists_dir", path=str(paths["pdf"].resolve())))
        assert dialog.results["csv"][0] and dialog.results["xlsx"][0]
        assert paths["pdf"].is_dir()


async def test_choices_and_names_by_keys(export_setup):
    data_dir, session = export_setup
    paths = targets(data_dir, session)
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        dialog = await open_dialog(app, pilot)
        await pilot.press("p", "x", "n")  # only the CSV, with names
        assert dialog.chosen == {"pdf": False, "csv": True, "xlsx": False} and dialog.names
        await run_export(app, pilot)
        assert paths["csv"].is_file() and not paths["pdf"].exists() and not paths["xlsx"].exists()
        assert "Extern expert 1" in paths["csv"].read_text(encoding="utf-8-sig")
        assert set(dialog.results) == {"csv"}

        await pilot.press("c")  # nothing chosen: Enter says so and writes nothing
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(dialog.query_one("#export-status")) == t("chair.ui.export.nothing_chosen")
        assert not dialog.running


async def test_escape_cancels_a_running_export(export_setup, monkeypatch):
    import jury_tui.reports.advice_pdf as advice_pdf

    data_dir, session = export_setup
    paths = targets(data_dir, session)
    started, release = threading.Event(), threading.Event()
    real = advice_pdf.write_advice_pdf

    def held(data, out, **options):
        progress = options["progress"]

        def slow(done: int, total: int) -> None:
            if done == 1:
                started.set()
                release.wait(10)
            progress(done, total)

        return real(data, out, **{**options, "progress": slow})

    monkeypatch.setattr(advice_pdf, "write_advice_pdf", held)
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        dialog = await open_dialog(app, pilot)
        await pilot.press("enter")
        assert started.wait(10)
        assert dialog.running
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert t("chair.ui.export.cancelled") in notifications(app)
    assert not any(path.exists() for path in paths.values())


async def test_help_lists_the_export_key_and_the_palette_opens_it(export_setup):
    data_dir, session = export_setup
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, ChairHelpScreen)
        assert any(t("chair.key.export.help") == text_of(widget) for widget in app.screen.query(".help-text"))
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        for char in "Exporteren":
            await pilot.press(char)
        hits = app.screen.query_one(OptionList)
        await wait_until(pilot, lambda: hits.option_count and "Exporteren" in str(hits.get_option_at_index(0).prompt),
                         "the palette to offer the export first")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await app.workers.wait_for_complete()
        await pilot.press("x")  # in the dialog x toggles the XLSX; it does not open a second dialog
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog) and not app.screen.chosen["xlsx"]
        assert sum(isinstance(screen, ExportDialog) for screen in app.screen_stack) == 1


async def test_individual_scores_are_left_out_by_key(export_setup):
    from openpyxl import load_workbook

    data_dir, session = export_setup
    paths = targets(data_dir, session)
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        assert dialog.individual and t("chair.ui.export.individual_on") in text_of(dialog.query_one("#export-options"))
        await pilot.press("i")
        assert not dialog.individual
        assert t("chair.ui.export.individual_off") in text_of(dialog.query_one("#export-options"))
        await run_export(app, pilot)
        assert all(ok for ok, _ in dialog.results.values())
    text = pdf_text(paths["pdf"])
    assert "Individuele scores per jurylid" not in text and "Bijlage A. Overeenstemming" in text
    with paths["csv"].open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][0] == "rang" and len(rows) == 1 + len(session.applications)
    assert load_workbook(paths["xlsx"]).sheetnames == ["Samenvatting"]


# --- what is open in the advice ------------------------------------------------------------------


async def test_the_dialog_lists_what_is_open_per_application_and_for_the_session(export_setup):
    """The check counts the consensus, the decision per application and the session's points, in the
    words of reports/open_points; the meeting can be put on record from the dialog (m)."""
    import datetime as dt

    from jury_tui.domain.consensus import Recommendation
    from jury_tui.ui.chair.screens.meeting import MeetingDialog

    data_dir, session = export_setup
    chair = ChairStore(data_dir, session)
    for criterion in session.criteria.criteria[2:]:
        chair.set_consensus(APP, criterion.id, score=4, motivation="Eens.")
    chair.set_recommendation(APP, Recommendation.REJECT)  # no overall motivation yet
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        dialog = await open_dialog(app, pilot)
        missing = dialog.missing
        total = len(session.applications)
        assert missing.applications == total - 1  # Boom's consensus is complete ...
        assert missing.open_applications == total  # ... its decision is not
        boom = next(line for line in missing.lines if line.startswith("Boom (wvc21-03): "))
        assert boom == f"Boom (wvc21-03): {t('advice.gap.overall_motivation')}"
        assert missing.lines[-1] == f"{t('advice.gap.meeting')} ({t('chair.ui.export.meeting_hint')})"
        shown = text_of(dialog.query_one("#export-open-lines"))
        assert f"· {boom}" in shown
        assert t("chair.ui.export.open", applications=total, total=total, points=missing.points) in text_of(
            dialog.query_one("#export-missing"))

        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MeetingDialog)
        await pilot.press(*"12-05-2021", "tab", *"Voorzitter", "tab", "space", "ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not any(line.startswith(t("advice.gap.meeting")) for line in dialog.missing.lines)
        assert chair.deliberation().meeting.held_on == dt.date(2021, 5, 12)
