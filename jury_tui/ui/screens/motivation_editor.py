"""Writing a long text on the whole screen: the motivation of one criterion (`e`, or F2 while typing
in the motivation box), and, built on the same screen, the juror's private note (ui/screens/notes.py).

The text is saved as in the scoring panel (ui/widgets/debounced_save.py): SAVE_DELAY after the last
keystroke, and always when the juror leaves (Esc or F2) or quits (ctrl+q: JuryApp.flush_all). The
screen only edits: what it writes goes through the `write` callable it is given (a store call), and
`on_saved` tells the screen below that it was saved. A write that fails is said at once, and the
text stays on screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static, TextArea

from jury_tui.domain.applications import Application
from jury_tui.domain.criteria import Criterion
from jury_tui.domain.limits import MAX_MOTIVATION
from jury_tui.errors import JuryError, problem_line
from jury_tui.formatting import format_number
from jury_tui.i18n import language, t
from jury_tui.ui.keys import KeySpec, SpecBindings, app_keys, bindings_for
from jury_tui.ui.widgets.debounced_save import DebouncedSave
from jury_tui.ui.widgets.key_footer import KeyFooter


class WritingHeading(VerticalScroll, can_focus=False):
    """What is being written: scrolls with the mouse when a long question does not fit, never takes focus."""


class WritingScreen(SpecBindings, Screen[str]):
    """A TextArea on the whole screen under a heading, with a line counting the characters and
    saying whether the text is saved. Dismissed with the text as it stands."""

    AUTO_FOCUS = "#writing-text"
    KEYS: ClassVar[list[KeySpec]] = [KeySpec("close", "escape,f2", "Esc F2", "ui.key.back", "ui.writing.key.close.help")]
    BINDINGS = bindings_for(KEYS)
    # After a failed write the first Esc stays and warns; the second leaves (the screen below keeps the text, or not).
    WARN_BEFORE_LEAVING_UNSAVED = True

    def __init__(self, heading: list[Content], text: str, write: Callable[[str], object],
                 on_saved: Callable[[str], None] | None = None, required: bool = False) -> None:
        super().__init__()
        self.heading = heading
        self.initial_text = text
        self.on_saved = on_saved
        self.required = required
        self.saving = DebouncedSave(self, lambda: self.area.text, write, self._saved, self._failed, baseline=text)
        self._saved_at: str | None = None
        self._error: str | None = None
        self._warned = False

    def key_specs(self) -> list[KeySpec]:
        return self.KEYS + app_keys()

    def compose(self) -> ComposeResult:
        with WritingHeading(id="writing-heading"):
            for number, line in enumerate(self.heading):
                yield Static(line, classes="writing-heading-line" + (" -first" if number == 0 else ""))
        yield TextArea(self.initial_text, soft_wrap=True, tab_behavior="focus", show_line_numbers=False, id="writing-text")
        yield Static(id="writing-status")
        yield KeyFooter()

    @property
    def area(self) -> TextArea:
        return self.query_one("#writing-text", TextArea)

    def on_mount(self) -> None:
        self.area.move_cursor(self.area.document.end)
        self._update_status()

    def on_key(self, event: events.Key) -> None:
        """Keys typed in the same instant as the key that opened this screen reach the screen itself
        (nothing had focus when the terminal sent them): they belong in the text, not on the floor."""
        area = self.area
        if event.is_printable and event.character:  # (keys typed in the text box stop there)
            if self.focused is not area:
                self.set_focus(area)
            area.insert(event.character)
            event.stop()

    # --- saving ---------------------------------------------------------------------------------
    @on(TextArea.Changed, "#writing-text")
    def _changed(self) -> None:
        self.saving.changed()
        self._update_status()

    def flush(self) -> bool:
        """Save the text now if it differs from what is saved. False: it could not be saved."""
        return self.saving.flush()

    def _saved(self, text: str) -> None:
        self._error = None
        self._warned = False
        self._saved_at = dt.datetime.now().strftime("%H:%M:%S")
        if self.on_saved is not None:
            self.on_saved(text)
        self._update_status()

    def _failed(self, error: JuryError | OSError) -> None:
        self._error = problem_line(error)
        self.notify(self._error, title=t("ui.not_saved", error="").rstrip(": "), severity="error", markup=False)
        self._update_status()

    def on_unmount(self) -> None:
        self.saving.save_quietly()  # the app closes without its quit action: write what is typed, say nothing

    def action_close(self) -> None:
        if not self.flush() and self.WARN_BEFORE_LEAVING_UNSAVED and not self._warned:
            self._warned = True
            self.notify(t("ui.writing.leave_unsaved"), severity="error", timeout=10)
            return
        self.dismiss(self.area.text)

    # --- the status line ----------------------------------------------------------------------------
    def _update_status(self) -> None:
        text = self.area.text
        count = t("ui.writing.count", count=format_number(len(text)), limit=format_number(MAX_MOTIVATION))
        parts: list = [(count, "bold $text-error" if len(text) > MAX_MOTIVATION else "")]
        if self.required and not text.strip():
            parts += [" · ", (t("ui.writing.required"), "$text-warning")]
        parts.append(" · ")
        if self._error is not None:
            parts.append((t("ui.not_saved", error=self._error), "bold $text-error"))
        elif text != self.saving.baseline:
            parts.append((t("ui.writing.unsaved"), "$text-muted"))
        elif self._saved_at is not None:
            parts.append((t("ui.saved_at", time=self._saved_at), "$text-success"))
        else:
            parts.append((t("ui.writing.unchanged"), "$text-muted"))
        self.query_one("#writing-status", Static).update(Content.assemble(*parts))


def application_line(application: Application) -> Content:
    return Content.assemble((application.label, "bold"), " · ", application.title)


class MotivationEditor(WritingScreen):
    """The motivation of one criterion of one application, on the whole screen."""

    WARN_BEFORE_LEAVING_UNSAVED = False  # the scoring panel gets the text and keeps trying to save it

    def __init__(self, application: Application, criterion: Criterion, number: int, total: int, text: str,
                 write: Callable[[str], object], on_saved: Callable[[str], None] | None = None) -> None:
        lang = language()
        title = t("ui.score.criterion_heading", number=number, total=total, name=criterion.name.get(lang))
        if criterion.motivation_required:
            title += " · " + t("ui.writing.motivation_required")
        heading = [
            application_line(application),
            Content.styled(title, "bold"),
            Content.styled(criterion.description.get(lang), "italic"),
        ]
        super().__init__(heading, text, write, on_saved, required=criterion.motivation_required)
