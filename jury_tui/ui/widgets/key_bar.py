"""The line of keys at the bottom of every screen: the keys the screen offers right now.

One widget that draws the line itself. Textual's Footer builds a widget per key (and per group)
and rebuilds them all when the bindings change; at start that was a sizeable part of the first
screen's cost (benchmarks/RESULTS.md). Keys are shown as the Footer shows them in its compact
form: grouped keys share one label ("n p Aanvraag"), a disabled key is dim, the command palette's
key stands at the right. A click on a key (or its description) presses it.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.widget import Widget

KEY_STYLE = "bold $footer-key-foreground"
DESCRIPTION_STYLE = "$footer-description-foreground"
PALETTE_SEPARATOR = "▏"


class KeyBar(Widget, can_focus=False):
    ALLOW_SELECT = False
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    """

    def __init__(self, show_command_palette: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.show_command_palette = show_command_palette
        # What was drawn, for clicks: (first column, column after the last, key, enabled).
        self._targets: list[tuple[int, int, str, bool]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen) -> None:
        if screen is self.screen:
            self.refresh()

    def items(self) -> list[list[tuple[str, str, bool]]]:
        """What the line shows, in order: per item its keys as (key, shown as, enabled), the last
        entry of each item being (None, description, True). The command palette's key is not here."""
        by_action: dict[str, list] = defaultdict(list)
        for _namespace, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show:
                by_action[binding.action].append((binding, enabled))
        palette = self.app.COMMAND_PALETTE_BINDING
        items = []
        for group, members in groupby(by_action.values(), lambda bindings: bindings[0][0].group):
            members = [bindings[0] for bindings in members]
            if group is not None and len(members) > 1:
                keys = [(binding.key, self.app.get_key_display(binding), enabled) for binding, enabled in members]
                items.append([*keys, (None, group.description, True)])
                continue
            for binding, enabled in members:
                if binding.key == palette:
                    continue
                items.append([(binding.key, self.app.get_key_display(binding), enabled), (None, binding.description, True)])
        return items

    def _palette(self) -> tuple[str, str, str, bool] | None:
        """(key, shown as, description, enabled) of the command palette's key, when it is shown."""
        if not (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE):
            return None
        active = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if active is None:
            return None
        binding = active.binding
        return binding.key, self.app.get_key_display(binding), binding.description, active.enabled

    @property
    def plain(self) -> str:
        """The line as text (for tests and screen readers)."""
        return self.render().plain.rstrip()

    def render(self) -> Content:
        parts: list[tuple[str, str]] = []
        targets: list[tuple[int, int, str, bool]] = []
        column = 0

        def add(text: str, style: str = "", key: str | None = None, enabled: bool = True) -> None:
            nonlocal column
            width = cell_len(text)
            if key is not None:
                targets.append((column, column + width, key, enabled))
            parts.append((text, style if enabled else f"{style} dim"))
            column += width

        for number, item in enumerate(self.items()):
            if number:
                add(" ")
            *keys, (_, description, _) = item
            for position, (key, shown, enabled) in enumerate(keys):
                if position:
                    add(" ")
                add(shown, KEY_STYLE, key, enabled)
            if description:
                # A key's own description is part of its target, as in Textual's Footer; a group's
                # label ("Aanvraag" after "n p") belongs to no one key.
                single = keys[0] if len(keys) == 1 else (None, "", True)
                add(" " + description, DESCRIPTION_STYLE, single[0], single[2])
        palette = self._palette()
        if palette is not None:
            key, shown, description, enabled = palette
            text_width = cell_len(PALETTE_SEPARATOR + shown + " " + description)
            width = self.size.width or column + text_width + 1
            add(" " * max(1, width - column - text_width))
            add(PALETTE_SEPARATOR, "$text-muted")
            add(shown, KEY_STYLE, key, enabled)
            add(" " + description, DESCRIPTION_STYLE, key, enabled)
        self._targets = targets
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        for start, end, key, enabled in self._targets:
            if start <= event.x < end:
                if enabled:
                    self.app.simulate_key(key)
                else:
                    self.app.bell()
                return
