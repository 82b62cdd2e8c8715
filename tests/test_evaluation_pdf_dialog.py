"""The chair's export dialog in a follow-up round: it exports the evaluation report and its data,
says what is open in the evaluation, and refuses in strict mode while anything is."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from evaluation_round import ROUND, follow_up_round

from jury_tui.i18n import t
from jury_tui.ui.chair.app import ChairApp
from jury_tui.ui.chair.screens.export import ExportDialog

SIZE = (100, 40)


def pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", text.replace("\xa0", " "))


def text_of(widget) -> str:
    return str(widget.render())


async def open_dialog(app, pilot) -> ExportDialog:
    await pilot.pause()
    await pilot.press("x")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, ExportDialog)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return dialog


async def test_the_dialog_exports_the_evaluation_report_of_a_follow_up_round(tmp_path):
    data_dir = tmp_path / "data"
    session, _ = follow_up_round(data_dir, tmp_path)
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        dialog = await open_dialog(app, pilot)
        assert t("evaluation.dialog.advice_complete") in text_of(dialog.query_one("#export-missing"))
        assert t("evaluation.dialog.option.pdf") in text_of(dialog.query_one("#export-options"))
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert all(ok for ok, _ in dialog.results.values()), dialog.result_text()
    exports = data_dir / "exports"
    text = pdf_text(exports / f"evaluatieverslag-{ROUND}.pdf")
    assert "Evaluatieverslag 2024" in text and "Bijsturing nodig" in text
    assert (exports / f"evaluatie-{ROUND}.csv").is_file() and (exports / f"evaluatie-{ROUND}.xlsx").is_file()


async def test_strict_refuses_while_the_evaluation_is_open(tmp_path):
    data_dir = tmp_path / "data"
    session, _ = follow_up_round(data_dir, tmp_path, complete=False)
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        dialog = await open_dialog(app, pilot)
        missing = text_of(dialog.query_one("#export-missing"))
        assert t("evaluation.dialog.open", applications=1, total=11, points=2) in missing
        assert "Hasselt (wvc21-10): geen oordeel over het contract" in text_of(dialog.query_one("#export-open-lines"))
        await pilot.press("s")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Strikt: geen export zolang er iets open is in de evaluatie" in text_of(dialog.query_one("#export-options"))
        lines = dialog.result_text().splitlines()
        # the output's name, then a sentence that reads after it, for the report and for the data
        assert [line[:50] for line in lines] == [f"✗ {kind} niet geëxporteerd, de evaluatie is niet af: Hasselt"[:50]
                                                 for kind in ("PDF", "CSV", "XLSX")]
    assert not (data_dir / "exports" / f"evaluatieverslag-{ROUND}.pdf").exists()


async def test_no_individual_scores_key_in_a_follow_up_round(tmp_path):
    """The evaluation report prints no juror's own scores: the dialog shows no key for them."""
    data_dir = tmp_path / "data"
    session, _ = follow_up_round(data_dir, tmp_path)
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        dialog = await open_dialog(app, pilot)
        footer = " ".join(str(key.description) for key in dialog.query("FooterKey"))
        assert t("chair.key.export_names") in footer  # the footer is there, with the other keys
        assert t("chair.key.export_individual") not in footer
        assert all(spec.action != "toggle('individual')" for spec in dialog.key_specs())  # nor in the help
        assert t("chair.ui.export.individual_on") not in text_of(dialog.query_one("#export-options"))
        assert "wat open is in de evaluatie, wordt in het verslag gemarkeerd" in text_of(dialog.query_one("#export-options"))


async def test_the_dialog_offers_the_final_evaluation_when_a_contract_sent_its_last_report(tmp_path):
    """Found by review: the final evaluation report could only be made from the command line."""
    data_dir = tmp_path / "data"
    session, _ = follow_up_round(data_dir, tmp_path, final="wvc21-10")
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        dialog = await open_dialog(app, pilot)
        assert t("evaluation.dialog.final_off") in text_of(dialog.query_one("#export-options"))
        await pilot.press("f")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert t("evaluation.dialog.final_on", count=1) in text_of(dialog.query_one("#export-options"))
        assert dialog.targets["pdf"].name == f"eindevaluatieverslag-{ROUND}.pdf"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert all(ok for ok, _ in dialog.results.values()), dialog.result_text()
    text = pdf_text(data_dir / "exports" / f"eindevaluatieverslag-{ROUND}.pdf")
    assert "Hasselt" in text and "Beringen" not in text


async def test_no_final_key_without_a_last_report(tmp_path):
    data_dir = tmp_path / "data"
    session, _ = follow_up_round(data_dir, tmp_path)
    app = ChairApp(data_dir, session)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        assert all(spec.action != "toggle('final')" for spec in dialog.key_specs())
        await pilot.press("f")
        await pilot.pause()
        assert not dialog.final and dialog.targets["pdf"].name == f"evaluatieverslag-{ROUND}.pdf"
