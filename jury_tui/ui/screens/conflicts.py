"""Declaring conflicts of interest: asked on the first visit, and again whenever the juror presses c."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from jury_tui.domain.applications import Application
from jury_tui.errors import JuryError
from jury_tui.i18n import t
from jury_tui.store.juror_store import JurorStore
from jury_tui.ui.keys import KeySpec, SpecBindings, app_keys, bindings_for
from jury_tui.ui.widgets.key_footer import KeyFooter


def conflict_prompt(application: Application, marked: bool) -> Content:
    label = f"{application.municipality} – {application.neighbourhood} – {application.title}"
    if marked:
        return Content.assemble(("[⊘] ", "bold $text-error"), (label, "$text-error"), (f"  ({t('status.conflict')})", "bold $text-error"))
    return Content.assemble(("[ ] ", "$text-muted"), label)


class ConflictList(OptionList):
    """Every application with a check box; Space (or a click) marks or unmarks the highlighted one.

    The keys are the list's own, not the screen's: a key the list handles is processed in order with
    the arrows typed before it (a screen's priority binding would overtake them)."""

    KEYS = [
        KeySpec("screen.confirm", "enter", "⏎", "ui.key.confirm"),
        KeySpec("toggle_highlighted", "space", "␣", "ui.key.toggle"),
    ]
    BINDINGS = bindings_for(KEYS)

    def __init__(self, applications: list[Application], marked: frozenset[str], **kwargs) -> None:
        self.applications = applications
        self.marked = set(marked)
        super().__init__(
            *(Option(conflict_prompt(application, application.id in self.marked), id=application.id) for application in applications),
            **kwargs,
        )

    def action_toggle_highlighted(self) -> None:
        self.toggle_highlighted()

    def toggle(self, index: int) -> None:
        application = self.applications[index]
        self.marked ^= {application.id}
        self.replace_option_prompt_at_index(index, conflict_prompt(application, application.id in self.marked))

    def toggle_highlighted(self) -> None:
        if self.highlighted is not None:
            self.toggle(self.highlighted)

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.toggle(event.option_index)


class ConflictsScreen(SpecBindings, Screen[bool]):
    """Dismisses with True when the conflicts were saved, False when cancelled.

    With `next_screen` (the first visit, before the assessment screen exists) it is replaced by
    that screen once the conflicts are saved, instead of being dismissed."""

    AUTO_FOCUS = "ConflictList"
    KEYS = [
        *ConflictList.KEYS,  # bound on the list, listed here so the footer shows them translated
        KeySpec("cancel", "escape", "Esc", "ui.key.cancel"),
    ]
    BINDINGS = bindings_for(KEYS[len(ConflictList.KEYS):])

    def __init__(self, store: JurorStore, first_visit: bool, next_screen: Callable[[], Screen] | None = None) -> None:
        super().__init__()
        self.store = store
        self.first_visit = first_visit
        self.next_screen = next_screen

    def key_specs(self) -> list[KeySpec]:
        return self.KEYS + app_keys()

    def compose(self) -> ComposeResult:
        with Vertical(id="conflicts-box"):
            yield Static(t("ui.conflicts.title"), classes="screen-title")
            yield Static(t("ui.conflicts.intro"), id="conflicts-intro", markup=False)
            list_ = ConflictList(list(self.store.session.applications), self.store.conflicts, id="conflict-list")
            list_.highlighted = 0
            yield list_
        yield KeyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel" and self.first_visit:
            return False
        return True

    def action_confirm(self) -> None:
        marked = self.query_one(ConflictList).marked
        try:
            self.store.declare_conflicts(sorted(marked))
        except JuryError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if self.next_screen is not None:
            try:
                screen = self.next_screen()
            except (JuryError, OSError) as error:  # e.g. a damaged application file of this juror
                from jury_tui.ui.screens.dialogs import ErrorScreen

                screen = ErrorScreen(str(error))
            self.app.switch_screen(screen)
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
