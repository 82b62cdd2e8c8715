"""The chair's dialogs: importing jurors' submissions, reading an application, and the help screen.
(The yes/no question before a key throws work away is the juror app's ConfirmDialog.)"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from jury_tui.domain.applications import Application
from jury_tui.domain.session import SessionDefinition
from jury_tui.errors import JuryError, display_path, os_problem, visible
from jury_tui.i18n import t
from jury_tui.store.chair_store import ImportResult
from jury_tui.ui.chair.keys import KeySpec, SpecBindings, bindings_for
from jury_tui.ui.widgets.application_text import ApplicationText
from jury_tui.ui.widgets.key_footer import KeyFooter
from jury_tui.ui.widgets.progress_report_text import ProgressReportText


def split_paths(text: str) -> list[str]:
    """Paths separated by spaces or commas; quotes keep a path with spaces together."""
    lexer = shlex.shlex(text, posix=True)
    lexer.whitespace += ","
    lexer.whitespace_split = True
    lexer.commenters = ""
    return [part for part in lexer if part]


def expand(paths: list[str]) -> tuple[list[Path], list[str]]:
    """Files to import (a folder gives its *.json files, sorted) and a problem line per empty folder."""
    files: list[Path] = []
    problems: list[str] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            found = sorted(p for p in path.glob("*.json") if p.is_file())
            if not found:
                problems.append(t("chair.ui.import.empty_folder", folder=display_path(path)))
            files.extend(found)
        else:
            files.append(path)
    return files, problems


class AsksBeforeDiscarding:
    """A dialog whose typed text is never thrown away without asking: Esc (`action_close`) asks when
    `unsaved()`, and the app asks before quitting over it (ChairApp.action_quit)."""

    def unsaved(self) -> bool:
        raise NotImplementedError

    def action_close(self) -> None:
        if not self.unsaved():
            self.dismiss(False)
            return
        from jury_tui.ui.screens.dialogs import ConfirmDialog

        self.app.push_screen(ConfirmDialog(t("chair.ui.meeting.discard_title"), t("chair.ui.meeting.discard_body")),
                             lambda confirmed: self.dismiss(False) if confirmed else None)


class ImportDialog(SpecBindings, ModalScreen[bool]):
    """Type paths, Enter imports them: one result line per file. Esc closes; dismissed with whether
    anything was imported (new or replaced), so the app knows to recompute."""

    AUTO_FOCUS = "#import-paths"
    KEYS = [KeySpec("close", "escape", "Esc", "ui.key.close")]
    BINDINGS = bindings_for(KEYS)

    def __init__(self, import_file: Callable[[Path], ImportResult], juror_names: dict[str, str] | None = None) -> None:
        super().__init__(classes="dialog", id="import-dialog")
        self.import_file = import_file
        self.juror_names = juror_names or {}
        self.imported_any = False
        self.lines: list[tuple[str, bool]] = []

    def key_specs(self) -> list[KeySpec]:
        return self.KEYS

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box import-box"):
            yield Static(t("chair.ui.import.title"), classes="dialog-title")
            yield Static(t("chair.ui.import.intro"), classes="dialog-body", markup=False)
            yield Input(placeholder=t("chair.ui.import.placeholder"), id="import-paths")
            with VerticalScroll(id="import-results", classes="dialog-scroll"):
                yield Static(id="import-log")
            yield Static(t("chair.ui.import.keys"), classes="dialog-keys")
        yield KeyFooter()

    @on(Input.Submitted, "#import-paths")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self._log([(t("chair.ui.import.nothing"), False)])
            return
        try:
            files, problems = expand(split_paths(text))
        except ValueError as error:
            self._log([(t("chair.ui.import.unreadable_input", detail=str(error)), False)])
            return
        lines = [(problem, False) for problem in problems]
        ok = 0
        for path in files:
            try:
                result = self.import_file(path)
            except JuryError as error:
                lines.append((error.message, False))
                continue
            except OSError as error:
                lines.append((os_problem(error, path), False))
                continue
            ok += 1
            if result.status in ("new", "replaced"):
                self.imported_any = True
            juror = self.juror_names.get(result.juror_id, result.juror_id)
            lines.append((t(f"import.{result.status}", file=display_path(path), juror=juror, count=result.changed_scores), True))
        if len(files) > 1:
            lines.append((t("chair.ui.import.summary", ok=ok, total=len(files)), ok == len(files)))
        self._log(lines)
        self.query_one("#import-paths", Input).value = ""
        if self.imported_any:
            self.app.call_later(self.app.after_import)  # type: ignore[attr-defined]

    def _log(self, lines: list[tuple[str, bool]]) -> None:
        self.lines.extend(lines)
        parts: list[Content | str | tuple[str, str]] = []
        for text, ok in self.lines:
            if parts:
                parts.append("\n")
            # visible: a file name in the folder imported may hold control characters
            parts += [("✓ " if ok else "✗ ", "bold $text-success" if ok else "bold $text-error"), visible(text)]
        self.query_one("#import-log", Static).update(Content.assemble(*parts))
        self.query_one("#import-results", VerticalScroll).scroll_end(animate=False)

    def action_close(self) -> None:
        self.dismiss(self.imported_any)


class ChairHelpScreen(SpecBindings, ModalScreen[None]):
    """Every key of the current screen and every key that works everywhere, with a Dutch description."""

    AUTO_FOCUS = "#help-scroll"
    KEYS = [KeySpec("close", "escape,question_mark,f1,q", "Esc", "ui.key.close")]
    BINDINGS = bindings_for(KEYS)

    def __init__(self, screen_title: str, screen_rows: list[tuple[str, str]], global_rows: list[tuple[str, str]],
                 closing: str | None = None) -> None:
        """`closing`: the last paragraph (default: how advice and selection belong together)."""
        super().__init__(classes="dialog", id="chair-help")
        self.closing = closing if closing is not None else t("chair.ui.help.selection")
        self.screen_title = screen_title
        self.screen_rows = screen_rows
        self.global_rows = global_rows

    def key_specs(self) -> list[KeySpec]:
        return self.KEYS

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box help-box"):
            yield Static(t("chair.ui.help.title"), classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(t("chair.ui.help.intro"), classes="help-intro", markup=False)
                for title, rows in ((f"{t('chair.ui.help.screen_keys')} – {self.screen_title}", self.screen_rows),
                                    (t("chair.ui.help.global_keys"), self.global_rows)):
                    if not rows:
                        continue
                    yield Static(title, classes="help-section")
                    for keys, description in rows:
                        with Horizontal(classes="help-row"):
                            yield Static(keys, classes="help-key", markup=False)
                            yield Static(description, classes="help-text", markup=False)
                yield Static(t("chair.ui.help.in_text"), classes="help-intro help-note", markup=False)
                yield Static(self.closing, classes="help-intro", markup=False)
            yield Static(t("chair.ui.help.close"), classes="dialog-keys")
        yield KeyFooter()

    def action_close(self) -> None:
        self.dismiss(None)


class ApplicationReader(SpecBindings, ModalScreen[None]):
    """The application itself as the jurors read it (summary, key figures, the form's sections), over
    the whole screen, scrolled by the arrows and PgUp/PgDn; Esc (or l) goes back to the detail."""

    AUTO_FOCUS = "#reader-scroll"
    KEYS = [KeySpec("close", "escape,l,q", "Esc", "ui.key.close")]
    BINDINGS = bindings_for(KEYS)
    DEFAULT_CSS = """
    ApplicationReader { background: $background; }
    ApplicationReader #reader-title { background: $boost; text-style: bold; padding: 0 1; height: 1;
                                      text-wrap: nowrap; text-overflow: ellipsis; }
    ApplicationReader #reader-scroll { height: 1fr; padding: 0 1; }
    """

    def __init__(self, application: Application, session: SessionDefinition | None = None) -> None:
        """`session`: in a follow-up round the reader shows the contract's progress report first."""
        super().__init__(id="application-reader")
        self.application = application
        self.follow_up = session.follow_up if session is not None else None
        self.rules = session.criteria.eligibility if session is not None else ()

    def key_specs(self) -> list[KeySpec]:
        return self.KEYS

    def compose(self) -> ComposeResult:
        if self.follow_up is not None:  # the contract's progress report first, then its application
            title = t("follow_up.chair.reader.title", year=self.follow_up.year, label=self.application.label)
        else:
            title = t("chair.ui.reader.title", label=self.application.label)
        yield Static(title, id="reader-title", markup=False)
        with VerticalScroll(id="reader-scroll"):
            if self.follow_up is not None:
                yield ProgressReportText(self.follow_up, self.rules, id="reader-text")
            else:
                yield ApplicationText(id="reader-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#reader-text", ApplicationText).show(self.application)

    def action_close(self) -> None:
        self.dismiss(None)
