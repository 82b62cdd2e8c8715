"""Textual's Footer, but with the keys built at once and rebuilt only when they change."""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyFooter(Footer):
    """Textual's Footer composes empty, then rebuilds all its keys (a widget each) after the first
    refresh and again on every bindings signal (focus change, layout toggle...), even when the keys
    shown stay the same. This one composes the keys straight away and only rebuilds when what
    the footer shows has changed."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.set_reactive(Footer._bindings_ready, True)
        self._shown: tuple | None = None

    def _signature(self) -> tuple:
        return tuple(
            (key, binding.action, binding.description, binding.group, enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show
        )

    def compose(self):
        self._shown = self._signature()
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # The class its `compact` watcher would add at mount, one style update per key.
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen) -> None:
        if self.is_attached and screen is self.screen and self._signature() == self._shown:
            return
        super().bindings_changed(screen)
