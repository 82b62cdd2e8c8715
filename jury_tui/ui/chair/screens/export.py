"""The export dialog: the motivated advice (PDF) and the score data (CSV, XLSX), with progress.

Opened with x or F6 from any of the chair's screens. The chair chooses what to write (p, c, x; all
three by default), jurors by name or anonymised (n; anonymised by default, with the letters kept
for the session: jury_tui.store.anonymity), with or without each juror's individual scores (i; with
by default) and strict or not (s; not strict by default), and sees beforehand what is still open
in the advice, as `export --strict` counts it (domain/advice.advice_gaps): the consensus per
criterion, the decision per application (recommendation, overall motivation, amount, eligibility
at the advised amount, minimum of votes, ties), the budget and the meeting on record (m puts it on
record from here).
Enter starts; the export runs in a thread worker so the screen stays responsive, the progress bar
follows the PDF's sections. Each output then shows its absolute path (with pages or rows) or the
one-line reason it was not written. Esc closes, and cancels a running export at its next step.

In a follow-up round the dialog exports the klankbordgroep's evaluation report instead
(reports/evaluation_pdf) and its data per contract and criterion; what is open is then what
`domain.advice.advice_gaps` counts for a round (consensus, verdict, motivation, meeting).

In strict mode an incomplete advice refuses every output (with the CLI's line: both call
advice_pdf.refusal): the score data carries the advice too. Files go where the CLI puts them by default:
the data directory's exports/ folder. The export modules (and so reportlab, openpyxl, numpy) are
imported inside the workers only, never when the app starts.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import ProgressBar, Static
from textual.worker import get_current_worker

from jury_tui.domain.session import SessionDefinition
from jury_tui.errors import JuryError, problem_line
from jury_tui.i18n import t
from jury_tui.store.sessions import export_targets, exports_dir
from jury_tui.ui.chair import formatting as fmt
from jury_tui.ui.chair.keys import KeySpec, SpecBindings, bindings_for, export_keys
from jury_tui.ui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from jury_tui.reports.data_export import AdviceData
    from jury_tui.reports.evaluation_data import EvaluationData
    from jury_tui.store.chair_store import ChairStore

KINDS = ("pdf", "csv", "xlsx")
LABEL_WIDTH = 24
FOLDER_WIDTH = 64  # the folder on one line of the 80-column dialog; the results show the full paths


def shorten_left(text: str, width: int) -> str:
    """Keep the end of a long path (the part that tells folders apart): '…/data/exports'."""
    return text if len(text) <= width else "…" + text[-(width - 1):]


# In a follow-up round the dialog speaks of the evaluation report and contracts, not the advice.
EVALUATION_WORDS = {
    "chair.ui.export.title": "evaluation.dialog.title",
    "chair.ui.export.option.pdf": "evaluation.dialog.option.pdf",
    "chair.ui.export.option.csv": "evaluation.dialog.option.csv",
    "chair.ui.export.option.xlsx": "evaluation.dialog.option.xlsx",
    "chair.ui.export.missing": "evaluation.dialog.missing",
    "chair.ui.export.advice_complete": "evaluation.dialog.advice_complete",
    "chair.ui.export.open": "evaluation.dialog.open",
    "chair.ui.export.strict_on": "evaluation.dialog.strict_on",
    "chair.ui.export.strict_off": "evaluation.dialog.strict_off",
}


@dataclass(frozen=True)
class Missing:
    """What is open in the advice: the consensus counts, and a line per application and session point."""

    applications: int  # applications whose consensus (score or required motivation) is incomplete
    total: int
    scores: int
    motivations: int
    open_applications: int = 0  # applications with anything open (consensus or decision)
    points: int = 0  # every open point, the session's included
    lines: tuple[str, ...] = ()  # "Boom (wvc21-03): aanbeveling, algemene motivering", then the session's

    @property
    def complete(self) -> bool:
        return self.points == 0


@dataclass(frozen=True)
class Choices:
    """How the outputs are written, as chosen when the export started."""

    names: bool
    strict: bool
    individual: bool


def open_points(data: AdviceData | EvaluationData) -> Missing:
    """What the dialog says is open, from the advice's gaps (the words of reports/open_points); for
    a follow-up round the evaluation's (no votes, amounts or budget)."""
    from jury_tui.domain.advice import Gap
    from jury_tui.domain.consensus import Recommendation
    from jury_tui.reports.open_points import application_line, session_line

    gaps = data.gaps
    session = data.session
    consensus = {aid for aid, points in gaps.applications.items()
                 if any(point.gap in (Gap.SCORE, Gap.MOTIVATION) for point in points)}
    every = [point for points in gaps.applications.values() for point in points]
    votes: dict[str, int] = {}
    selected = budget = 0.0
    if session.follow_up is None:
        votes = {row.application_id: row.votes for row in data.ranking}
        amounts = {row.application_id: row.amount for row in data.ranking}
        selected = sum(round(amounts.get(aid, 0.0) * 100) for aid, decision in data.decisions.items()
                       if decision.recommendation is Recommendation.SELECT) / 100
        budget = data.budget
    lines = [application_line(session, aid, points, votes.get(aid, 0)) for aid, points in gaps.applications.items()]
    lines += [session_line(session, point, selected, budget)
              + (f" ({t('chair.ui.export.meeting_hint')})" if point.gap is Gap.MEETING else "")
              for point in gaps.session]
    return Missing(
        applications=len(consensus),
        total=len(session.applications),
        scores=sum(1 for point in every if point.gap is Gap.SCORE),
        motivations=sum(1 for point in every if point.gap is Gap.MOTIVATION),
        open_applications=len(gaps.applications),
        points=gaps.count(),
        lines=tuple(lines),
    )


class ExportCancelled(Exception):
    """Raised in the worker (also from the PDF's progress callback) when the chair closed the dialog."""


class ExportDialog(SpecBindings, ModalScreen[None]):
    DEFAULT_CSS = """
    ExportDialog #export-missing { margin-bottom: 0; }
    ExportDialog #export-open { height: auto; max-height: 20vh; margin-bottom: 1; scrollbar-size-vertical: 1; }
    """
    AUTO_FOCUS = "#export-results"  # the only focusable: ↑↓ PgUp PgDn scroll long results; the letters stay ours
    BINDINGS = bindings_for(export_keys())

    def __init__(self, data_dir: Path, session: SessionDefinition, store: ChairStore) -> None:
        super().__init__(classes="dialog", id="export-dialog")
        self.data_dir = Path(data_dir)
        self.session = session
        self.store = store
        self.follow_up = session.follow_up is not None  # the evaluation report instead of the advice
        # The final evaluation report, of the contracts whose last report is in (call §5): offered when any is.
        self.final = False
        self.final_offered = self.follow_up and bool(session.follow_up.final_contracts)
        self.targets = export_targets(self.data_dir, session)
        self.chosen = dict.fromkeys(KINDS, True)
        self.names = False
        self.individual = True
        self.strict = False
        self.missing: Missing | None = None
        self.check_error: str | None = None
        self.running = False
        self.results: dict[str, tuple[bool, str]] = {}  # kind -> (written, the line to show)
        self._cancel_event = threading.Event()
        self._reading = threading.Lock()  # the two workers read the store one at a time
        self._dialog_closed = False
        # the evaluation report prints no juror's own scores: no individual-scores key to show
        self.keys: list[KeySpec] = [spec for spec in export_keys()
                                    if not (self.follow_up and spec.action == "toggle('individual')")
                                    and (self.final_offered or spec.action != "toggle('final')")]

    def key_specs(self) -> list[KeySpec]:
        return self.keys

    # --- layout ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box export-box"):
            yield Static(t(self._key("chair.ui.export.title")), classes="dialog-title")
            yield Static(id="export-options")
            yield Static(t("chair.ui.export.folder", folder=shorten_left(str(exports_dir(self.data_dir).resolve()), FOLDER_WIDTH)),
                         id="export-folder", markup=False)
            yield Static(t("chair.ui.export.checking"), id="export-missing", markup=False)
            with VerticalScroll(id="export-open"):
                yield Static(id="export-open-lines", markup=False)
            yield ProgressBar(total=1, show_eta=False, id="export-progress")
            yield Static(t("chair.ui.export.ready"), id="export-status", markup=False)
            with VerticalScroll(id="export-results", classes="dialog-scroll"):
                for kind in KINDS:
                    with Horizontal(id=f"export-result-{kind}", classes="export-result"):
                        yield Static(classes="export-mark")
                        yield Static(classes="export-line", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self._draw_options()
        self._draw_results()
        self._check_missing()

    def _key(self, key: str) -> str:
        """The text's key: in a follow-up round the evaluation's own words."""
        return EVALUATION_WORDS.get(key, key) if self.follow_up else key

    def _display(self, spec_action: str) -> str:
        return next(spec.display for spec in self.keys if spec.action == spec_action)

    def _draw_options(self) -> None:
        parts: list[Content | str | tuple[str, str]] = []
        muted = "$text-muted"
        for kind in KINDS:
            on = self.chosen[kind]
            parts += [("[✓]" if on else "[ ]", "bold $text-success" if on else muted), " ",
                      (self._display(f"toggle({kind!r})") + "  ", "bold $text-accent"),
                      (f"{t(self._key(f'chair.ui.export.option.{kind}')):<{LABEL_WIDTH}}", "" if on else muted), " ",
                      (self.targets[kind].name, muted if not on else ""), "\n"]
        parts += ["    ", (self._display("toggle('names')") + "  ", "bold $text-accent"),
                  t("chair.ui.export.names_on" if self.names else "chair.ui.export.names_off"), "\n"]
        if not self.follow_up:  # the evaluation report prints no juror's own scores
            parts += ["    ", (self._display("toggle('individual')") + "  ", "bold $text-accent"),
                      t("chair.ui.export.individual_on" if self.individual else "chair.ui.export.individual_off"), "\n"]
        if self.final_offered:
            parts += ["    ", (self._display("toggle('final')") + "  ", "bold $text-accent"),
                      t("evaluation.dialog.final_on", count=len(self.session.follow_up.final_contracts)) if self.final
                      else t("evaluation.dialog.final_off"), "\n"]
        parts += ["    ", (self._display("toggle('strict')") + "  ", "bold $text-accent"),
                  (t(self._key("chair.ui.export.strict_on" if self.strict else "chair.ui.export.strict_off")),
                   "bold" if self.strict else "")]
        self.query_one("#export-options", Static).update(Content.assemble(*parts))
        self._draw_missing()

    def action_scroll_open(self, direction: int) -> None:
        """PgDn/PgUp: the list of what is still open, when it is longer than its room."""
        scroll = self.query_one("#export-open", VerticalScroll)
        if direction > 0:
            scroll.scroll_page_down(animate=False)
        else:
            scroll.scroll_page_up(animate=False)

    def _draw_missing(self) -> None:
        widget = self.query_one("#export-missing", Static)
        if self.check_error is not None:
            widget.update(Content.styled(t("chair.ui.export.check_failed", error=self.check_error), "$text-error"))
        elif self.missing is None:
            widget.update(Content.styled(t("chair.ui.export.checking"), "$text-muted"))
        else:
            missing = self.missing
            refused = self.strict
            parts: list[Content | str | tuple[str, str]] = []
            if not missing.applications:
                parts.append((t("chair.ui.export.complete"), "$text-success"))
            else:
                parts.append((t(self._key("chair.ui.export.missing"), applications=missing.applications, total=missing.total,
                                scores=missing.scores, motivations=missing.motivations),
                              "bold $text-error" if refused else "$text-warning"))
            if missing.complete:
                parts += ["\n", (t(self._key("chair.ui.export.advice_complete")), "bold $text-success")]
            else:
                parts += ["\n", (t(self._key("chair.ui.export.open"), applications=missing.open_applications, total=missing.total,
                                  points=missing.points), "bold $text-error" if refused else "bold $text-warning")]
            widget.update(Content.assemble(*parts))
        lines = self.missing.lines if self.missing is not None else ()
        self.query_one("#export-open", VerticalScroll).display = bool(lines)
        self.query_one("#export-open-lines", Static).update("\n".join(f"· {line}" for line in lines))

    def _draw_results(self) -> None:
        for kind in KINDS:
            row = self.query_one(f"#export-result-{kind}", Horizontal)
            row.display = kind in self.results
            if kind not in self.results:
                continue
            ok, line = self.results[kind]
            row.query_one(".export-mark", Static).update(Content.assemble(
                ("✓ " if ok else "✗ ", "bold $text-success" if ok else "bold $text-error"), (kind.upper(), "bold")))
            row.query_one(".export-line", Static).update(Content.styled(line, "" if ok else "$text-error"))
            row.set_class(not ok, "-error")

    def result_text(self) -> str:
        """What the results say, as plain text (for tests and screen readers)."""
        lines = []
        for kind in KINDS:
            if kind in self.results:
                ok, line = self.results[kind]
                lines.append(f"{'✓' if ok else '✗'} {kind.upper()} {line}")
        return "\n".join(lines)

    def _status(self, text: str, style: str = "") -> None:
        self.query_one("#export-status", Static).update(Content.styled(text, style) if style else text)

    # --- what is missing (read once, in a thread: the export modules import numpy) -------------
    @work(thread=True, group="export-check", exit_on_error=False)
    def _check_missing(self) -> None:
        found: Missing | None = None
        error_line: str | None = None
        try:
            with self._reading:
                data = self._advice_data(names=False)
            found = open_points(data)
        except Exception as error:  # noqa: BLE001 - shown in one line, never a traceback
            error_line = problem_line(error)
        try:
            self._to_ui(self._show_missing, found, error_line)
        except ExportCancelled:
            return

    def _advice_data(self, names: bool) -> AdviceData | EvaluationData:
        """The advice as the CLI builds it: the chair's decisions, the session's (budget, meeting,
        ties) and the government's decision; in a follow-up round the evaluation. Called in a
        worker, under `_reading`."""
        from jury_tui.reports.data_export import build_advice_data
        from jury_tui.store.anonymity import letters_for_export

        letters = letters_for_export(self.data_dir, self.session, names)
        if self.follow_up:
            from jury_tui.reports.evaluation_data import build_evaluation_data

            return build_evaluation_data(self.session, self.store.submissions(), self.store.decisions(),
                                         self.store.deliberation(), letters=letters, final=self.final)
        return build_advice_data(self.session, self.store.submissions(), self.store.decisions(), letters=letters,
                                 deliberation=self.store.deliberation(), government=self.store.government())

    def _show_missing(self, missing: Missing | None, error: str | None) -> None:
        if self._dialog_closed:
            return
        self.missing, self.check_error = missing, error
        self._draw_missing()

    # --- the keys ----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.follow_up and action == "toggle" and parameters == ("individual",):
            return False  # no individual scores in the evaluation report: the key does nothing
        if not self.final_offered and action == "toggle" and parameters == ("final",):
            return False
        if self.running and action in ("toggle", "start"):
            return None  # shown, but not while the export runs
        return True

    def action_toggle(self, what: str) -> None:
        if self.running:
            return
        if what in self.chosen:
            self.chosen[what] = not self.chosen[what]
        elif what == "names":
            self.names = not self.names
        elif what == "individual":
            self.individual = not self.individual
        elif what == "strict":
            self.strict = not self.strict
        elif what == "final" and self.final_offered:
            self.final = not self.final
            self.targets = export_targets(self.data_dir, self.session, self.final)
            self.missing = None  # what is open depends on which contracts the report covers
            self._draw_options()
            self._check_missing()
            return
        self._draw_options()

    def action_start(self) -> None:
        if self.running:
            return
        kinds = [kind for kind in KINDS if self.chosen[kind]]
        if not kinds:
            self._status(t("chair.ui.export.nothing_chosen"), "$text-warning")
            return
        self.running = True
        self.results = {}
        self._draw_results()
        self._cancel_event.clear()
        count = len(self.session.applications)
        steps = 1 + (count if "pdf" in kinds else 0) + sum(1 for kind in kinds if kind != "pdf")
        self.query_one("#export-progress", ProgressBar).update(total=steps, progress=0)
        self._status(t("chair.ui.export.step.read") + t("chair.ui.export.running_hint"))
        self.refresh_bindings()
        self._export(kinds, Choices(self.names, self.strict, self.individual))

    def action_meeting(self) -> None:
        """The meeting on record, from here too; what is open is counted again after it is saved."""
        if self.running:
            return
        from jury_tui.ui.chair.screens.meeting import MeetingDialog

        model = getattr(self.app, "model", None)
        save = model.set_meeting if model is not None else self.store.set_meeting
        meeting = (model.deliberation if model is not None else self.store.deliberation()).meeting

        def done(saved: bool | None) -> None:
            if saved:
                self.missing = None
                self._draw_missing()
                self._check_missing()

        self.app.push_screen(MeetingDialog(self.session, meeting, save), done)

    def action_close(self) -> None:
        self._dialog_closed = True
        if self.running:
            self._cancel_event.set()
            self.app.notify(t("chair.ui.export.cancelled"), severity="warning")
        self.dismiss(None)

    # --- the export (a thread worker) ----------------------------------------------------------
    def _check_cancelled(self) -> None:
        worker = get_current_worker()
        if self._cancel_event.is_set() or worker.is_cancelled:
            raise ExportCancelled

    def _to_ui(self, callback: Callable[..., Any], *args: Any) -> None:
        """Run `callback` on the app's thread; stop the worker if the dialog was closed."""
        self._check_cancelled()
        try:
            self.app.call_from_thread(callback, *args)
        except RuntimeError as error:  # the app is no longer running
            raise ExportCancelled from error

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, kinds: list[str], choices: Choices) -> None:
        started = time.perf_counter()
        try:
            with self._reading:
                data = self._advice_data(choices.names)
        except ExportCancelled:
            return
        except Exception as error:  # noqa: BLE001 - one line, never a traceback
            self._finish_safely(None, problem_line(error), started)
            return
        done = 1
        try:
            self._to_ui(self._progress, done, None)
            for kind in kinds:
                self._check_cancelled()
                result, done = self._write_one(kind, data, choices, done)
                self._to_ui(self._show_result, kind, result)
        except ExportCancelled:
            return
        self._finish_safely(kinds, None, started)

    def _write_one(self, kind: str, data: AdviceData | EvaluationData, choices: Choices, done: int
                   ) -> tuple[tuple[bool, str], int]:
        """Write one output; returns (written, the line to show) and the progress reached."""
        path = self.targets[kind]
        shown = str(path.resolve())
        try:
            if path.is_dir():
                raise JuryError(t("submission.out_exists_dir", path=shown))
            if self.follow_up:
                return self._write_evaluation(kind, data, choices, done)
            if choices.strict:
                from jury_tui.reports.advice_pdf import refusal

                if (message := refusal(data)) is not None:
                    raise JuryError(message)
            if kind == "pdf":
                from jury_tui.reports.advice_pdf import write_advice_pdf

                start = done

                def progress(section: int, total: int) -> None:
                    self._to_ui(self._progress, start + section, t("chair.ui.export.step.pdf", done=section, total=total))

                summary = write_advice_pdf(data, path, names=choices.names, strict=choices.strict,
                                           individual=choices.individual, progress=progress)
                done = start + len(self.session.applications)
                key = "chair.ui.export.pdf_written_missing" if summary.missing else "chair.ui.export.pdf_written"
                return (True, t(key, path=str(summary.path.resolve()), pages=summary.pages, missing=summary.missing)), done
            from jury_tui.reports.data_export import write_csv, write_xlsx

            self._to_ui(self._progress, done, t(f"chair.ui.export.step.{kind}"))
            if kind == "csv":
                rows = write_csv(data, path, names=choices.names, individual=choices.individual)
            else:
                rows = write_xlsx(data, path, names=choices.names, individual=choices.individual)
            return (True, t("chair.ui.export.rows_written", path=shown, rows=rows)), done + 1
        except ExportCancelled:
            raise
        except Exception as error:  # noqa: BLE001 - JuryError (strict), OSError, anything: one line
            if kind == "pdf":
                done += len(self.session.applications)
            else:
                done += 1
            return (False, problem_line(error)), done

    def _write_evaluation(self, kind: str, data: EvaluationData, choices: Choices, done: int
                          ) -> tuple[tuple[bool, str], int]:
        """One output of a follow-up round: the evaluation report or its data (as `jury-tui export`)."""
        from jury_tui.reports.evaluation_data import (
            evaluation_refusal,
            write_evaluation_csv,
            write_evaluation_xlsx,
        )

        path, shown = self.targets[kind], str(self.targets[kind].resolve())
        # "✗ CSV niet geëxporteerd: …": the line follows the output's name, whichever it is
        if choices.strict and (message := evaluation_refusal(data, key="evaluation.dialog.refused")) is not None:
            raise JuryError(message)
        if kind == "pdf":
            from jury_tui.reports.evaluation_pdf import write_evaluation_pdf

            self._to_ui(self._progress, done, t("evaluation.dialog.step.pdf"))
            summary = write_evaluation_pdf(data, path, names=choices.names, strict=choices.strict)
            key = "evaluation.dialog.pdf_written_missing" if summary.missing else "chair.ui.export.pdf_written"
            written = t(key, path=str(summary.path.resolve()), pages=summary.pages, missing=summary.missing)
            return (True, written), done + len(self.session.applications)
        self._to_ui(self._progress, done, t(f"chair.ui.export.step.{kind}"))
        rows = write_evaluation_csv(data, path) if kind == "csv" else write_evaluation_xlsx(data, path)
        return (True, t("chair.ui.export.rows_written", path=shown, rows=rows)), done + 1

    def _finish_safely(self, kinds: list[str] | None, error: str | None, started: float) -> None:
        try:
            self._to_ui(self._finish, kinds, error, time.perf_counter() - started)
        except ExportCancelled:
            return

    # --- shown on the app's thread -------------------------------------------------------------
    def _progress(self, done: int, step: str | None) -> None:
        if self._dialog_closed:
            return
        bar = self.query_one("#export-progress", ProgressBar)
        bar.update(progress=max(done, bar.progress))
        if step:
            self._status(step + t("chair.ui.export.running_hint"))

    def _show_result(self, kind: str, result: tuple[bool, str]) -> None:
        if self._dialog_closed:
            return
        self.results[kind] = result
        self._draw_results()

    def _finish(self, kinds: list[str] | None, error: str | None, seconds: float) -> None:
        if self._dialog_closed:
            return
        self.running = False
        bar = self.query_one("#export-progress", ProgressBar)
        if bar.total is not None:
            bar.update(progress=bar.total)
        if error is not None:
            self._status(t("chair.ui.export.failed", error=error), "bold $text-error")
        else:
            ok = sum(1 for written, _ in self.results.values() if written)
            self._status(t("chair.ui.export.done", seconds=fmt.number(seconds), ok=ok, count=len(kinds or [])),
                         "$text-success" if ok == len(kinds or []) else "bold $text-warning")
        self.refresh_bindings()
