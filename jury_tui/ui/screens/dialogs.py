"""Small modal dialogs answered by keys: a yes/no question and a message to acknowledge."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from jury_tui.i18n import t
from jury_tui.ui.keys import KeySpec, SpecBindings, bindings_for
from jury_tui.ui.widgets.key_footer import KeyFooter


class Dialog(SpecBindings, ModalScreen):
    """A box in the middle of the screen, answered by the keys of its KEYS (shown in its footer).
    Styled here (not in a .tcss file), so any app can use it."""

    KEYS: list[KeySpec] = []

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

    def key_specs(self) -> list[KeySpec]:
        return self.KEYS


class ConfirmDialog(Dialog):
    """A question; j (or y) says yes, n or Esc says no. Dismisses with True or False.

    Enter is deliberately not "yes": a reflexive Enter must not confirm something the juror did not read.
    """

    KEYS = [KeySpec("answer(True)", "j,y", "j", "ui.key.yes"), KeySpec("answer(False)", "n,escape", "n", "ui.key.no")]
    BINDINGS = bindings_for(KEYS)

    def __init__(self, title: str, body: str) -> None:
        super().__init__()
        self.title_text = title
        self.body_text = body

    def key_specs(self) -> list[KeySpec]:
        yes, no = self.KEYS
        return [replace(yes, display=t("ui.dialog.yes_key")), no]  # j in Dutch, y in English; both work

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.body_text, classes="dialog-body", markup=False)
            yield Static(t("ui.dialog.keys"), classes="dialog-keys", markup=False)
        yield KeyFooter()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class MessageDialog(Dialog):
    """A message to read; Enter or Esc closes it."""

    KEYS = [KeySpec("close", "enter,escape", "⏎", "ui.key.close")]
    BINDINGS = bindings_for(KEYS)

    def __init__(self, title: str, body: str, error: bool = False, hint: str | None = None) -> None:
        super().__init__(classes="-error" if error else "")
        self.title_text = title
        self.body_text = body
        self.hint = hint or t("ui.close_hint")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            with VerticalScroll(classes="dialog-scroll"):
                yield Static(self.body_text, classes="dialog-body", markup=False)
            yield Static(self.hint, classes="dialog-keys", markup=False)
        yield KeyFooter()

    def action_close(self) -> None:
        self.dismiss(None)


class ErrorScreen(MessageDialog):
    """A problem that stops the app (e.g. a damaged store): show it, then quit on any close key."""

    KEYS = [KeySpec("close", "enter,escape,q", "⏎", "ui.key.quit")]
    BINDINGS = bindings_for(KEYS)

    def __init__(self, message: str) -> None:
        super().__init__(t("ui.error_title"), message, error=True, hint=t("ui.quit_hint"))

    def action_close(self) -> None:
        self.app.exit(return_code=2, message=self.body_text)
