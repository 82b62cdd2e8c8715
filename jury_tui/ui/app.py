"""The juror's Textual apps.

Entry points (called by jury_tui.cli):

- ``JurorApp(data_dir, session, juror_id)`` opens the juror's store itself (on mount) and shows
  the assessment screen; on the first visit the conflicts-of-interest screen comes first. A store
  that cannot be opened is shown as a message; closing it exits with return code 2 and the
  message is printed again after the app has left the terminal. The app holds the store for as
  long as it is open (`JurorStore.claim`): a CLI command that would write it is refused, and a
  second app on the same store does not open (it says the store is open elsewhere).
- ``PickerApp(data_dir, session_id=None)`` is what a bare ``jury-tui`` runs: choose a session, then
  yourself in its jury (name and role); the app then *switches to the assessment screen in the
  same app* (it does not exit in between). It returns None. With ``session_id`` it opens on that
  session's jurors (``jury-tui demo``). Without sessions it says so (``session.none_found``) and
  q / Esc / ctrl+q quit.

Both apps save every change as it happens, so quitting (ctrl+q) is always safe; the motivation
being typed is written before the app exits. Nothing here imports the PDF code.
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.screen import Screen

from jury_tui.domain.session import SessionDefinition
from jury_tui.errors import JuryError, os_problem
from jury_tui.i18n import t
from jury_tui.ui.base_app import JuryBaseApp
from jury_tui.ui.keys import app_keys, bindings_for

CSS_FILE = Path(__file__).with_name("jury.tcss")


class JuryApp(JuryBaseApp):
    """What both apps share: styles, Dutch app-level keys, quitting safely."""

    CSS_PATH = CSS_FILE
    # ctrl+q and ctrl+p replace Textual's own (its texts are English); the screens show them translated.
    BINDINGS = bindings_for(app_keys())
    # Only our own (Dutch) commands: the screen's provider. Textual's English system commands stay out.
    COMMANDS = set()
    NOTIFICATION_TIMEOUT = 4

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self._claimed: list = []  # the juror stores this app holds (see JurorStore.claim)
        self._quit_warned = False
        self.title = t("ui.app_title")

    def flush_all(self) -> bool:
        """Write any text still being typed: a motivation or note on the whole screen first (it passes
        what it saved to the box below), then the motivation box of every assessment screen. False:
        something was not saved."""
        from jury_tui.ui.screens.assessment import AssessmentScreen
        from jury_tui.ui.screens.motivation_editor import WritingScreen

        saved = True
        for screen in reversed(self.screen_stack):
            if isinstance(screen, WritingScreen):
                saved = screen.flush() and saved
            elif isinstance(screen, AssessmentScreen):
                saved = screen.flush_motivation() and saved
        return saved

    async def action_quit(self) -> None:
        if not self.flush_all() and not self._quit_warned:
            # The status line already says why; a second ctrl+q quits anyway.
            self._quit_warned = True
            self.notify(t("ui.quit_unsaved"), severity="error", timeout=10)
            return
        self.exit()

    def on_key(self, event: events.Key) -> None:
        """A printable key that reaches the app while a text field has focus was typed in the same
        instant as the key that opened the field (m, Enter, e, a, /): the terminal delivers them
        together, and Textual routed it before the field took focus. It is text, so it goes into
        the field (keys typed in a field stop there and never reach the app). A writing screen not
        yet shown gets it once it is."""
        if not (event.is_printable and event.character):
            return
        from textual.widgets import Input, TextArea

        from jury_tui.ui.screens.motivation_editor import WritingScreen

        field = self.focused
        if isinstance(field, TextArea) and not field.read_only:
            field.insert(event.character)
        elif isinstance(field, Input):
            field.insert_text_at_cursor(event.character)
        elif isinstance(self.screen, WritingScreen):
            self.screen.post_message(events.Key(event.key, event.character))
        else:
            return
        event.stop()

    def on_unmount(self) -> None:
        # After the screens have closed (and saved what was typed last): let the next writer in.
        for store in self._claimed:
            store.release()
        self._claimed.clear()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "command_palette":
            # Only the assessment screen has commands; elsewhere the palette would be empty.
            return hasattr(self.screen, "palette_commands")
        return True

    def assessment_screen(self, session: SessionDefinition, juror_id: str):
        """The screen a juror starts on, on the juror's own store: the assessment screen, or on the
        first visit the conflicts-of-interest screen, which the assessment screen replaces once the
        conflicts are saved (so it is only built then). Raises JuryError when the store cannot be opened."""
        from jury_tui.store.juror_store import JurorStore

        store = JurorStore(self.data_dir, session, juror_id)
        try:
            store.claim()  # for as long as the app is open; a failed import is rolled back first
            declared = store.conflicts_declared
        except OSError as error:
            store.release()
            raise JuryError(os_problem(error)) from None
        except BaseException:
            store.release()
            raise
        self._claimed.append(store)
        if not declared:
            from jury_tui.ui.screens.conflicts import ConflictsScreen

            return ConflictsScreen(store, first_visit=True, next_screen=lambda: self._assessment(store, conflicts_saved=True))
        return self._assessment(store)

    def _assessment(self, store, conflicts_saved: bool = False):
        from jury_tui.ui.screens.assessment import AssessmentScreen

        return AssessmentScreen(store, self.data_dir, conflicts_saved=conflicts_saved)


class JurorApp(JuryApp):
    """One juror assessing one session."""

    def __init__(self, data_dir: Path, session: SessionDefinition, juror_id: str) -> None:
        super().__init__(data_dir)
        self.session = session
        self.juror_id = juror_id
        self._first_screen: Screen | None = None

    def get_default_screen(self) -> Screen:
        # The juror's screen is the app's first screen itself, not pushed over an empty one: the
        # app builds, styles and lays out one screen before it first paints, not two. Except on
        # the first visit: the conflicts screen is replaced once saved, which Textual only does
        # for a screen pushed over another.
        try:
            self._first_screen = self.assessment_screen(self.session, self.juror_id)
        except JuryError as error:
            from jury_tui.ui.screens.dialogs import ErrorScreen

            self._first_screen = ErrorScreen(str(error))
        from jury_tui.ui.screens.conflicts import ConflictsScreen

        if isinstance(self._first_screen, ConflictsScreen):
            return super().get_default_screen()
        return self._first_screen

    def on_mount(self) -> None:
        if self.screen is not self._first_screen:
            self.push_screen(self._first_screen)


class PickerApp(JuryApp):
    """Choose a session and a juror, then assess in the same app.

    With `session_id` (e.g. `jury-tui demo`) that session is chosen already: the app opens on the
    list of its jurors, and Esc goes back to the list of sessions.
    """

    def __init__(self, data_dir: Path, session_id: str | None = None) -> None:
        super().__init__(data_dir)
        self.session_id = session_id

    def on_mount(self) -> None:
        from jury_tui.ui.screens.picker import PickerScreen

        self.push_screen(PickerScreen(self.data_dir, session_id=self.session_id))
