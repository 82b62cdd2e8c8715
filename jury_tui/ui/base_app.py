"""What the juror's and the chair's apps share: no focus at start, AZERTY digits, long-lived
objects out of the collector, the palette and Ctrl+C in the user's language."""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.command import CommandPalette

from jury_tui.domain.text import without_control_characters
from jury_tui.errors import visible
from jury_tui.i18n import t
from jury_tui.ui.keys import AZERTY_KEYMAP
from jury_tui.ui.startup import settle_long_lived_objects


class JuryBaseApp(App[None]):
    AUTO_FOCUS = ""
    PALETTE_PLACEHOLDER = "ui.palette_placeholder"  # message key of the palette's input hint

    def __init__(self) -> None:
        super().__init__()
        self.set_keymap(AZERTY_KEYMAP)

    def on_load(self) -> None:
        settle_long_lived_objects()

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder=t(self.PALETTE_PLACEHOLDER), id="--command-palette"))

    def notify(self, message: str, *, title: str = "", **options) -> None:
        """Textual's notification, its text shown and never acted on: a path or an error it quotes
        may hold control characters (Textual writes them to the terminal as they are), and a name
        from a file ("Gent [oost]") is text, never markup. Every screen's notify comes here."""
        options["markup"] = False
        super().notify(visible(message), title=visible(title), **options)

    async def on_event(self, event: events.Event) -> None:
        """A paste (into a motivation, a path) is text: control characters a terminal passes along
        are left out before any widget sees it, so a store never holds what it would refuse to read."""
        if isinstance(event, events.Paste) and not event.is_forwarded:
            text = without_control_characters(event.text)
            if text != event.text:
                event.stop()
                event = events.Paste(text)
        await super().on_event(event)

    def action_help_quit(self) -> None:
        self.notify(t("ui.ctrl_c"))
