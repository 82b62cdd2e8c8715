"""The juror's writing on screens of its own: the motivation on the whole screen (e, F2) and the
private note on an application (a). Apart from the main screen, which keeps only the text box
below the scores; this takes the text there and back and says what was saved."""

from __future__ import annotations

from functools import partial
from typing import Protocol

from textual.app import App
from textual.widget import Widget

from jury_tui.domain.applications import Application
from jury_tui.domain.criteria import CriteriaSet
from jury_tui.errors import JuryError, problem_line
from jury_tui.i18n import t
from jury_tui.store.juror_store import JurorStore
from jury_tui.ui.widgets.debounced_save import DebouncedSave
from jury_tui.ui.widgets.scoring_panel import MotivationArea


class WritingScreen(Protocol):
    """What the writing uses of the screen that owns it (ui/screens/assessment.py)."""

    store: JurorStore
    criteria: CriteriaSet
    crit_index: int
    _motivation_target: tuple[str, str] | None
    _motivation: DebouncedSave

    @property
    def app(self) -> App: ...
    @property
    def current(self) -> Application: ...
    def notify(self, message: str, *, severity: str = ..., markup: bool = ..., timeout: float | None = ...) -> object: ...
    def query_one(self, selector: type[MotivationArea]) -> MotivationArea: ...
    def set_focus(self, widget: Widget | None) -> object: ...
    def flush_motivation(self) -> bool: ...
    def _panel_visible(self) -> None: ...
    def _refuse_if_conflicted(self) -> bool: ...
    def _mark_saved(self) -> None: ...
    def _refresh_application(self, application_id: str) -> None: ...
    def _update_heading(self) -> None: ...


class JurorWriting:
    """Opens the full editor and the notes from the main screen, and keeps which applications have a note."""

    def __init__(self, screen: WritingScreen) -> None:
        self.screen = screen
        self._noted: set[str] | None = None  # applications with a private note (read when first shown)

    def _is_on_top(self) -> bool:
        return self.screen.app.screen is self.screen

    # --- the motivation on the whole screen -------------------------------------------------------
    def full_editor(self, resume_typing: bool) -> None:
        """The motivation of this criterion on the whole screen (e; F2 while typing in the box, and
        then back to typing in the box on return: `resume_typing`)."""
        from jury_tui.ui.screens.motivation_editor import MotivationEditor

        screen = self.screen
        screen._panel_visible()
        if screen._refuse_if_conflicted() or not self._is_on_top() or not screen.flush_motivation():
            return
        application, criterion = screen.current, screen.criteria.criteria[screen.crit_index]
        target = (application.id, criterion.id)
        screen.set_focus(None)
        editor = MotivationEditor(
            application, criterion, screen.crit_index + 1, len(screen.criteria.criteria),
            screen.query_one(MotivationArea).text,
            write=lambda text: screen.store.set_motivation(*target, text),
            on_saved=partial(self._editor_saved, target),
        )
        screen.app.push_screen(editor, partial(self._after_full_editor, target, resume_typing))

    def _editor_saved(self, target: tuple[str, str], text: str) -> None:
        """The editor saved `text`: the box below holds it too, and the list and progress show it."""
        screen = self.screen
        screen._mark_saved()
        if screen._motivation_target == target:
            screen._motivation.reset(text)
            screen.query_one(MotivationArea).load_text(text)
        screen._refresh_application(target[0])

    def _after_full_editor(self, target: tuple[str, str], resume_typing: bool, text: str | None) -> None:
        """Back from the editor: the text in the box, shown from its start — or, when the editor was
        opened while typing (F2), the box still typing at the end of the text, as the juror left it.
        A text the editor could not save stays in the box unsaved, so the box's own saving tries again."""
        screen = self.screen
        area = screen.query_one(MotivationArea)
        if text is not None and screen._motivation_target == target and area.text != text:
            area.load_text(text)
        if resume_typing and screen._motivation_target == target and not area.disabled:
            screen.set_focus(area)
            area.move_cursor(area.document.end)
            return
        area.move_cursor((0, 0))
        area.scroll_home(animate=False)

    # --- the private notes ------------------------------------------------------------------------
    def notes(self) -> None:
        """The juror's private note on this application (a): kept on this laptop only."""
        from jury_tui.store.notes import JurorNotes
        from jury_tui.ui.screens.notes import NotesScreen

        screen = self.screen
        if not self._is_on_top() or not screen.flush_motivation():
            return
        application = screen.current
        try:
            notes = JurorNotes(screen.store)
            text = notes.note(application.id)
        except (JuryError, OSError) as error:
            screen.notify(problem_line(error), severity="error", markup=False, timeout=10)
            return
        screen.set_focus(None)
        notes_screen = NotesScreen(application, text, write=lambda text: notes.set_note(application.id, text),
                                   on_saved=partial(self._note_saved, application.id))
        screen.app.push_screen(notes_screen)

    def _note_saved(self, application_id: str, text: str) -> None:
        self.screen._mark_saved()
        self._noted = (self._noted or set()) - {application_id} | ({application_id} if text else set())
        self.screen._update_heading()

    def note_mark(self) -> list:
        """The heading's quiet mark when the current application has a private note."""
        if self._noted is None:
            from jury_tui.store.notes import JurorNotes

            try:
                self._noted = set(JurorNotes(self.screen.store).all())
            except (JuryError, OSError):
                self._noted = set()  # a damaged notes file is reported when the juror opens a note (a)
        return [(t("ui.notes.mark") + " ", "$text-muted")] if self.screen.current.id in self._noted else []
