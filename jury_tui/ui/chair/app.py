"""The jury chair's Textual app: `ChairApp(data_dir, session)`.

Four screens, each a Textual mode so it keeps its state while the chair looks elsewhere:
overview (o/F2), detail (d/F3), ranking & budget (b/F4), calibration (k/F5). The data and what is
computed from it live in one ChairModel shared by the screens (see model.py); a screen redraws
when it sees that the model changed while it was away. Every change is saved at once by the
ChairStore; what is being typed is saved before leaving a screen and before quitting (ctrl+q).
Nothing here imports the PDF code; numpy (ranking) is imported when the budget screen opens.
The export dialog (x/F6) imports the export modules (reportlab, openpyxl) in its worker only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.command import CommandPalette
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, TextArea

from jury_tui.domain.session import SessionDefinition
from jury_tui.errors import JuryError, problem_line
from jury_tui.i18n import t
from jury_tui.ui.base_app import JuryBaseApp
from jury_tui.ui.chair import formatting as fmt
from jury_tui.ui.chair.keys import MODES, bindings_for, global_keys
from jury_tui.ui.chair.model import ChairModel
from jury_tui.ui.chair.screens.base import ChairScreen
from jury_tui.ui.commands import ScreenCommands
from jury_tui.ui.startup import settle_long_lived_objects

if TYPE_CHECKING:
    from jury_tui.store.chair_store import ChairStore

CSS_FILE = Path(__file__).with_name("chair.tcss")

# App actions that open something over the current screen or leave it: not while a dialog is open.
SCREEN_ACTIONS = {"show_mode", "import", "export", "help"}


def _screen_class(mode: str, follow_up: bool = False) -> type[ChairScreen]:
    if mode == "overview":
        from jury_tui.ui.chair.screens.overview import OverviewScreen

        return OverviewScreen
    if mode == "detail":
        from jury_tui.ui.chair.screens.detail import DetailScreen

        return DetailScreen
    if mode == "ranking" and follow_up:  # a follow-up round has no budget to rank in: its portfolio
        from jury_tui.ui.chair.screens.portfolio import PortfolioScreen

        return PortfolioScreen
    if mode == "ranking":
        from jury_tui.ui.chair.screens.ranking import RankingScreen

        return RankingScreen
    from jury_tui.ui.chair.screens.calibration import CalibrationScreen

    return CalibrationScreen


DISK_CHECK_SECONDS = 2.0  # how often the app looks whether the chair's files changed elsewhere


class ChairApp(JuryBaseApp):
    # The overview is the app's first screen itself, not switched to over an empty one: the app
    # builds, styles and lays out one screen before it first paints, not two.
    DEFAULT_MODE = "overview"
    CSS_PATH = CSS_FILE
    PALETTE_PLACEHOLDER = "chair.ui.palette_placeholder"
    # Keys of every screen; ctrl+q and ctrl+p replace Textual's own (its texts are English).
    BINDINGS = bindings_for(global_keys())
    # Only our own (Dutch) commands; Textual's English system commands stay out.
    COMMANDS = {ScreenCommands}
    NOTIFICATION_TIMEOUT = 5

    def __init__(self, data_dir: Path, session: SessionDefinition, store: ChairStore | None = None) -> None:
        """`store`: the session's ChairStore when the caller has one open already (it keeps the
        submissions it has read, so a call of 1000 applications does not parse them twice)."""
        super().__init__()
        self.data_dir = Path(data_dir)
        self.session = session
        self._store = store
        self.model: ChairModel | None = None
        self.title = t("chair.ui.title", session=session.title)
        if session.follow_up is not None:  # a search for a command or a contract
            self.PALETTE_PLACEHOLDER = "follow_up.chair.palette_placeholder"
        self._status = (t("ui.nothing_saved_yet"), False)
        self._chair_screens: list[ChairScreen] = []
        for mode in MODES:
            self.add_mode(mode, lambda mode=mode: self._mode_screen(mode))

    def _mode_screen(self, mode: str) -> Screen:
        """A mode's screen, made when the mode is first shown. The first (the overview, as the app
        composes) reads the session's files; if they cannot be read, it is the error instead."""
        if self.model is None:
            try:
                self.model = ChairModel(self.data_dir, self.session, self._store)
            except (JuryError, OSError) as error:
                from jury_tui.ui.screens.dialogs import ErrorScreen

                return ErrorScreen(str(error))
            settle_long_lived_objects()  # the submissions read: 175,000 scores at 1000 × 25
        screen = _screen_class(mode, self.session.follow_up is not None)(self.model)
        self._chair_screens.append(screen)
        return screen

    def on_mount(self) -> None:
        # A `jury-tui decide`, `budget` or `government` in another terminal shows within seconds.
        self.set_interval(DISK_CHECK_SECONDS, self._check_disk)

    def _check_disk(self) -> None:
        if self.model is None:
            return
        try:
            changed = self.model.refresh_if_changed()
        except (JuryError, OSError) as error:
            self.report_error(error)
            return
        if changed:
            for screen in self.screen_stack:
                if isinstance(screen, ChairScreen):
                    screen.redraw_if_stale()

    # --- the screens ---------------------------------------------------------------------------
    def chair_screens(self) -> list[ChairScreen]:
        """Every mode's screen made so far."""
        return list(self._chair_screens)

    def _leave_current(self) -> None:
        screen = self.screen
        if isinstance(screen, ChairScreen):
            screen.flush()
            if isinstance(screen.focused, (TextArea, Input)):
                screen.set_focus(None)

    def action_show_mode(self, mode: str) -> None:
        if self.model is None or mode not in MODES:
            return
        if self.current_mode == mode:
            return
        self._leave_current()
        self.switch_mode(mode)

    def open_years(self, application_id: str) -> None:
        """A contract of a follow-up round across the years, over the current screen (Esc: back)."""
        if self.model is None or self.session.follow_up is None:
            return
        from jury_tui.ui.chair.screens.years import YearsScreen

        self._leave_current()
        self.push_screen(YearsScreen(self.model, application_id))

    def open_detail(self, application_id: str, page: int) -> None:
        """Show one application in the detail screen, at a criterion (or the decision page)."""
        if self.model is None:
            return
        self.model.current_application = application_id
        self.model.current_page = page
        self.action_show_mode("detail")
        screen = self.screen
        if isinstance(screen, ChairScreen) and screen.MODE == "detail" and screen.is_mounted:
            screen.go_to(application_id, page)  # type: ignore[attr-defined]

    # --- saving status -------------------------------------------------------------------------
    def report_saved(self) -> None:
        self._status = (t("ui.saved_at", time=fmt.clock()), False)
        self.show_status_on(self.screen)

    def report_error(self, problem: str | BaseException) -> None:
        """A change that failed: in the status line and a notification, in one Dutch line."""
        message = problem if isinstance(problem, str) else problem_line(problem)
        self._status = (t("ui.not_saved", error=message), True)
        self.show_status_on(self.screen)
        self.notify(message, title=t("chair.ui.not_saved_title"), severity="error", markup=False)

    def show_status_on(self, screen: Screen) -> None:
        from jury_tui.ui.chair.widgets import TopBar

        for bar in screen.query(TopBar):
            bar.show_status(*self._status)

    # --- import, export, help, palette, quit ---------------------------------------------------
    def action_import(self) -> None:
        if self.model is None:
            return
        from jury_tui.ui.chair.screens.dialogs import ImportDialog

        self._leave_current()
        names = {juror.id: juror.name for juror in self.session.jurors}
        self.push_screen(ImportDialog(self.model.import_file, names))

    def action_export(self) -> None:
        """The export dialog (advice PDF, CSV, XLSX); the export modules are imported when it starts."""
        if self.model is None:
            return
        from jury_tui.ui.chair.screens.export import ExportDialog

        if any(isinstance(screen, ExportDialog) for screen in self.screen_stack):
            return
        self._leave_current()
        self.push_screen(ExportDialog(self.data_dir, self.session, self.model.store))

    def after_import(self) -> None:
        """Submissions changed: recompute once and redraw what is showing."""
        if self.model is None:
            return
        try:
            self.model.reload()
        except (JuryError, OSError) as error:
            self.report_error(error)
            return
        for screen in self.screen_stack:
            if isinstance(screen, ChairScreen):
                screen.redraw_if_stale()

    def action_help(self) -> None:
        screen = self.screen
        if not isinstance(screen, ChairScreen):
            return
        from jury_tui.ui.chair.keys import help_rows
        from jury_tui.ui.chair.screens.dialogs import ChairHelpScreen

        screen.flush()
        rows = screen.help_rows()
        global_rows = help_rows(screen.global_keys())
        closing = t("follow_up.chair.help.evaluation") if self.session.follow_up is not None else None
        self.push_screen(ChairHelpScreen(screen.help_title(), rows, global_rows, closing))

    async def action_quit(self) -> None:
        """Save what is being typed and stop; when something typed cannot be saved (the reason is
        shown), ask first: stopping throws it away."""
        unsaved = bool(getattr(self.screen, "unsaved", lambda: False)())  # a dialog with typed text (meeting, tie)
        for screen in self.chair_screens():
            try:
                unsaved = screen.flush() is False or unsaved
            except Exception:  # noqa: BLE001 - quitting must not fail; the screen's unmount tries again
                pass
        if not unsaved:
            self.exit()
            return
        from jury_tui.ui.screens.dialogs import ConfirmDialog

        if any(isinstance(screen, ConfirmDialog) for screen in self.screen_stack):
            return
        self.push_screen(ConfirmDialog(t("chair.ui.confirm.quit_title"), t("chair.ui.confirm.quit_body")),
                         lambda answer: self.exit() if answer else None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in SCREEN_ACTIONS:
            if self.model is None:
                return False
            screen = self.screen
            if isinstance(screen, ModalScreen) and not CommandPalette.is_open(self):
                return False
        return True
