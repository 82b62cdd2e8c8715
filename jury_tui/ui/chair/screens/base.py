"""What every main screen of the chair's app shares: the tab bar, the footer, the key map,
redrawing when the shared model changed while the screen was away."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from jury_tui.ui.chair.keys import (
    KeySpec,
    bindings_for,
    footer_keys,
    global_keys,
    help_rows,
)
from jury_tui.ui.chair.widgets import TopBar
from jury_tui.ui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from jury_tui.ui.chair.app import ChairApp
    from jury_tui.ui.chair.model import ChairModel


class ChairScreen(Screen[None]):
    MODE = ""
    AUTO_FOCUS = ""
    # Global keys this screen shows in its footer (after its own), and whether ^p is shown at the right.
    FOOTER_GLOBALS: tuple[str, ...] = ("import", "help")
    FOOTER_PALETTE = True

    def __init__(self, model: ChairModel) -> None:
        super().__init__(id=f"screen-{self.MODE}")
        self.model = model
        self.key_specs = self.build_key_specs()
        for binding in bindings_for(self.key_specs + footer_keys(*self.FOOTER_GLOBALS)):
            self._bindings._add_binding(binding)
        self._seen_version = -1

    def build_key_specs(self) -> list[KeySpec]:
        return []

    @property
    def chair_app(self) -> ChairApp:
        return self.app  # type: ignore[return-value]

    def top_bar(self) -> TopBar:
        return TopBar(self.MODE)

    def footer(self) -> KeyBar:
        return KeyBar(show_command_palette=self.FOOTER_PALETTE)

    def help_rows(self) -> list[tuple[str, str]]:
        return help_rows(self.key_specs, self.model.criteria.scale)

    def global_help_rows(self) -> list[tuple[str, str]]:
        return help_rows(global_keys())

    # --- redrawing ---------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.redraw_if_stale()

    def on_screen_resume(self) -> None:
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

    def flush(self) -> None:
        """Save whatever is being typed (text boxes); called before leaving the screen or quitting."""
