"""Small modal dialogs answered by keys: a yes/no question and a message to acknowledge."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from jury_tui.i18n import t
from jury_tui.ui.widgets.key_bar import KeyBar


class Dialog(ModalScreen):
    """A box in the middle of the screen. Styled here (not in a .tcss file), so any app can use it."""

    DEFAULT_CSS = """
    Dialog {
        align: center middle;
    }
    Dialog .dialog-box {
        width: 72;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    Dialog.-error .dialog-box {
        border: thick $error;
    }
    Dialog .dialog-title {
        text-style: bold;
        color: $text-accent;
        margin-bottom: 1;
    }
    Dialog .dialog-scroll {
        height: auto;
        max-height: 14;
    }
    Dialog .dialog-keys {
        margin-top: 1;
        color: $text-muted;
    }
    """

    AUTO_FOCUS = ""


class ConfirmDialog(Dialog):
    """A question; j (or y) says yes, n or Esc says no. Dismisses with True or False.

    Enter is deliberately not "yes": a reflexive Enter must not confirm something the juror did not read.
    """

    def __init__(self, title: str, body: str) -> None:
        super().__init__()
        self.title_text = title
        self.body_text = body
        for binding in (
            Binding(t("ui.dialog.yes_key"), "answer(True)", t("ui.key.yes")),  # j in Dutch, y in English
            Binding("j", "answer(True)", t("ui.key.yes"), show=False),
            Binding("y", "answer(True)", t("ui.key.yes"), show=False),
            Binding("n", "answer(False)", t("ui.key.no"), key_display="n"),
            Binding("escape", "answer(False)", t("ui.key.no"), show=False),
        ):
            self._bindings._add_binding(binding)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.body_text, classes="dialog-body", markup=False)
            yield Static(t("ui.dialog.keys"), classes="dialog-keys", markup=False)
        yield KeyBar(show_command_palette=False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class MessageDialog(Dialog):
    """A message to read; Enter or Esc closes it."""

    def __init__(self, title: str, body: str, error: bool = False, hint: str | None = None) -> None:
        super().__init__(classes="-error" if error else "")
        self.title_text = title
        self.body_text = body
        self.hint = hint or t("ui.close_hint")
        for binding in (
            Binding("enter", "close", t("ui.key.close"), key_display="⏎"),
            Binding("escape", "close", t("ui.key.close"), show=False),
        ):
            self._bindings._add_binding(binding)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            with VerticalScroll(classes="dialog-scroll"):
                yield Static(self.body_text, classes="dialog-body", markup=False)
            yield Static(self.hint, classes="dialog-keys", markup=False)
        yield KeyBar(show_command_palette=False)

    def action_close(self) -> None:
        self.dismiss(None)


class ErrorScreen(MessageDialog):
    """A problem that stops the app (e.g. a damaged store): show it, then quit on any close key."""

    def __init__(self, message: str) -> None:
        super().__init__(t("ui.error_title"), message, error=True, hint=t("ui.quit_hint"))
        self._bindings.key_to_bindings["enter"] = [Binding("enter", "close", t("ui.key.quit"), key_display="⏎")]
        self._bindings._add_binding(Binding("q", "close", t("ui.key.quit"), show=False))

    def action_close(self) -> None:
        self.app.exit(return_code=2, message=self.body_text)
