"""Small widgets shared by the chair's screens."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static, TextArea

from jury_tui.i18n import t
from jury_tui.ui.chair.keys import MODES

TAB_KEYS = {"overview": "o", "detail": "d", "ranking": "b", "calibration": "k"}


def tabs_line(active: str) -> Content:
    parts: list[Content | str | tuple[str, str]] = []
    for mode in MODES:
        if parts:
            parts.append(("│", "$text-muted"))
        label = f" {TAB_KEYS[mode]} {t(f'chair.ui.tab.{mode}')} "
        parts.append((label, "bold reverse $accent" if mode == active else "$text-muted"))
    return Content.assemble(*parts)


class TopBar(Horizontal):
    """The screens as tabs (with their keys) on the left, the save status on the right."""

    DEFAULT_CSS = """
    TopBar { height: 1; background: $panel; }
    TopBar > #tabs { width: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    TopBar > #save-status { width: auto; max-width: 50%; padding: 0 1; color: $text-success;
                            text-wrap: nowrap; text-overflow: ellipsis; }
    TopBar > #save-status.-error { color: $text-error; text-style: bold; }
    """

    def __init__(self, active: str) -> None:
        super().__init__()
        self.active = active

    def compose(self) -> ComposeResult:
        yield Static(tabs_line(self.active), id="tabs")
        yield Static(id="save-status", markup=False)

    def show_status(self, text: str, error: bool) -> None:
        status = self.query_one("#save-status", Static)
        status.update(text)
        status.set_class(error, "-error")


class EditorArea(TextArea):
    """A text box for a motivation; tells the screen when the chair leaves it (to save at once)."""

    class Left(Message):
        def __init__(self, area: EditorArea) -> None:
            super().__init__()
            self.area = area

    def __init__(self, placeholder: str, **kwargs) -> None:
        super().__init__("", soft_wrap=True, tab_behavior="focus", show_line_numbers=False,
                         placeholder=placeholder, **kwargs)

    def on_blur(self, event: events.Blur) -> None:
        self.post_message(self.Left(self))


class PanelScroll(VerticalScroll, can_focus=False):
    """Scrolled by the screen's PageUp/PageDown; never takes focus, so every key stays the screen's."""
