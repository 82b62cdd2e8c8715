"""What every main screen of the chair's app shares: the tab bar, the footer, the key map, the
command palette's entries, redrawing when the shared model changed while the screen was away."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Protocol

from textual.screen import Screen

from jury_tui.i18n import t
from jury_tui.ui.chair.keys import (
    FOLLOW_UP_WORDS,
    KeySpec,
    SpecBindings,
    global_keys,
    help_rows,
)
from jury_tui.ui.chair.screens.meeting import MeetingDialog
from jury_tui.ui.chair.widgets import TopBar
from jury_tui.ui.keys import help_text
from jury_tui.ui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from jury_tui.domain.criteria import Scale
    from jury_tui.ui.chair.model import ChairModel

Command = tuple[str, str, Callable[[], object]]  # (title, keys shown as help, what it does)


class ChairAppLike(Protocol):
    """What the screens use of the chair's app (ChairApp implements it)."""

    def show_status_on(self, screen: Screen) -> None: ...
    def report_saved(self) -> None: ...
    def report_error(self, message: str) -> None: ...
    def action_show_mode(self, mode: str) -> None: ...
    def open_detail(self, application_id: str, page: int) -> None: ...
    def open_years(self, application_id: str) -> None: ...


class ChairScreen(SpecBindings, Screen[None]):
    MODE = ""
    AUTO_FOCUS = ""
    # Global keys this screen shows in its footer (after its own), and whether ^p is shown at the right.
    FOOTER_GLOBALS: tuple[str, ...] = ("import", "help")
    FOOTER_PALETTE = True

    def __init__(self, model: ChairModel) -> None:
        super().__init__(id=f"screen-{self.MODE}")
        self.model = model
        self.own_keys = self.build_key_specs()
        self._seen_version = -1

    def build_key_specs(self) -> list[KeySpec]:
        return []

    def key_specs(self) -> list[KeySpec]:
        return self.own_keys + self.global_keys(self.FOOTER_GLOBALS)

    def global_keys(self, footer: tuple[str, ...] = ()) -> list[KeySpec]:
        """The app's keys as this session has them (a follow-up round: the portfolio for the budget)."""
        return global_keys(footer, follow_up=self.model.follow_up is not None)

    def help_title(self) -> str:
        key = f"chair.key.{self.MODE}.help"
        return t(FOLLOW_UP_WORDS.get(key, key) if self.model.follow_up is not None else key)

    def key_scale(self) -> Scale:
        return self.model.criteria.scale

    @property
    def chair_app(self) -> ChairAppLike:
        return self.app  # type: ignore[return-value]

    def top_bar(self) -> TopBar:
        return TopBar(self.MODE, follow_up=self.model.follow_up is not None)

    def footer(self) -> KeyFooter:
        return KeyFooter(show_command_palette=self.FOOTER_PALETTE)

    def help_rows(self) -> list[tuple[str, str]]:
        return help_rows(self.own_keys, self.model.criteria.scale)

    def palette_commands(self) -> list[Command]:
        """The command palette's entries: this screen's keys, the keys of every screen, "go to application …"."""
        scale = self.model.criteria.scale
        commands: list[Command] = []
        for spec in self.own_keys:
            if spec.palette and spec.palette_text:
                commands.append((help_text(spec, scale, spec.palette_text), spec.display, partial(self.run_action, spec.action)))
        for spec in self.global_keys():
            if spec.palette and spec.help:
                commands.append((t(spec.help), spec.display, partial(self.app.run_action, spec.action)))
        go_to = "follow_up.chair.palette.go_to" if self.model.follow_up is not None else "chair.palette.go_to"
        for application in self.model.session.applications:
            commands.append((t(go_to, label=application.label, title=application.title), application.id,
                             partial(self.chair_app.open_detail, application.id, 0)))
        return commands

    # --- redrawing ---------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.redraw_if_stale()

    def on_screen_resume(self) -> None:
        self.model.refresh_if_changed()  # a change from another terminal shows when the screen does
        self.redraw_if_stale()
        self.chair_app.show_status_on(self)

    def redraw_if_stale(self) -> None:
        if self._seen_version != self.model.version:
            self._seen_version = self.model.version
            self.redraw()

    def redraw(self) -> None:
        """Show the model as it is now."""

    def changed(self) -> None:
        """After a change made on this screen: redraw now and say it was saved."""
        self._seen_version = self.model.version
        self.redraw()
        self.chair_app.report_saved()

    def flush(self) -> bool:
        """Save whatever is being typed (text boxes); called before leaving the screen or quitting.
        False when something typed could not be saved (the reason was shown)."""
        return True

    def confirm(self, title: str, body: str, then: Callable[[], object], otherwise: Callable[[], object] | None = None) -> None:
        """Ask before a key throws work away: j/y does `then`, n/Esc does `otherwise` (or nothing)."""
        from jury_tui.ui.screens.dialogs import ConfirmDialog

        def answered(answer: bool | None) -> None:
            if answer:
                then()
            elif otherwise is not None:
                otherwise()

        self.app.push_screen(ConfirmDialog(title, body), answered)

    def action_meeting(self) -> None:
        """m: put the meeting on record (date, jurors present, minutes), from the ranking of a
        selection and from the portfolio of a follow-up round."""

        def done(saved: bool | None) -> None:
            if saved:
                self.changed()

        self.app.push_screen(MeetingDialog(self.model.session, self.model.deliberation.meeting,
                                           self.model.set_meeting), done)
