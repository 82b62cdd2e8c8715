"""Declaring conflicts of interest: asked on the first visit, and again whenever the juror presses c."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from jury_tui.domain.applications import Application
from jury_tui.errors import JuryError, problem_line
from jury_tui.i18n import t
from jury_tui.store.juror_store import JurorStore
from jury_tui.ui.keys import KeySpec, SpecBindings, app_keys, bindings_for, for_session
from jury_tui.ui.widgets.key_footer import KeyFooter
from jury_tui.ui.wording import subject_t

MAX_WARNED = 3  # applications named in the warning; the rest are counted (the dialog fits 80×24)


INDENT = "    "  # under the check box: the rest of the title and the partner organisations


def _lines(text: str, width: int | None, first: str, rest: str) -> list[str]:
    """`text` wrapped to `width` columns with a hanging indent (one line when the width is not known yet)."""
    if width is None:
        return [first + text]
    return textwrap.wrap(text, max(width, 20), initial_indent=first, subsequent_indent=rest,
                         break_on_hyphens=False) or [first]


def conflict_prompt(application: Application, marked: bool, width: int | None = None) -> Content:
    """The application with its check box and, under it, its partner organisations (what a conflict
    of interest is about), wrapped to `width` with the box's indent kept."""
    label = f"{application.municipality} – {application.neighbourhood} – {application.title}"
    box, box_style, label_style = ("[ ] ", "$text-muted", "")
    if marked:
        label += f"  ({t('status.conflict')})"
        box, box_style, label_style = ("[⊘] ", "bold $text-error", "$text-error")
    lines = _lines(label, width, box, INDENT)
    parts: list[tuple[str, str] | str] = [(box, box_style), (lines[0][len(box):], label_style)]
    parts += [("\n" + line, label_style) for line in lines[1:]]
    if application.partners:
        partners = t("ui.facts.partners", names=" · ".join(application.partners))
        parts += [("\n" + line, "$text-muted") for line in _lines(partners, width, INDENT, INDENT + "  ")]
    return Content.assemble(*parts)


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
        self.wrap_width: int | None = None  # the prompts' width, once the list knows its size
        super().__init__(
            *(Option(conflict_prompt(application, application.id in self.marked), id=application.id) for application in applications),
            **kwargs,
        )

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width
        if width and width != self.wrap_width:
            self.wrap_width = width
            for index in range(len(self.applications)):
                self._show_prompt(index)

    def _show_prompt(self, index: int) -> None:
        application = self.applications[index]
        self.replace_option_prompt_at_index(index, conflict_prompt(application, application.id in self.marked, self.wrap_width))

    def action_toggle_highlighted(self) -> None:
        self.toggle_highlighted()

    def toggle(self, index: int) -> None:
        self.marked ^= {self.applications[index].id}
        self._show_prompt(index)

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
        return for_session(self.KEYS + app_keys(), self.store.session)

    def compose(self) -> ComposeResult:
        with Vertical(id="conflicts-box"):
            yield Static(t("ui.conflicts.title"), classes="screen-title")
            yield Static(subject_t(self.store.session, "ui.conflicts.intro"), id="conflicts-intro", markup=False)
            list_ = ConflictList(list(self.store.session.applications), self.store.conflicts, id="conflict-list")
            list_.highlighted = 0
            yield list_
        yield KeyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel" and self.first_visit:
            return False
        return True

    def action_confirm(self) -> None:
        """Save the marks; first, when a newly marked application already has the juror's scores or
        motivations, say which and how many stay out of the submission, and ask (the CLI's warning)."""
        from jury_tui.store.conflicts import hidden_work
        from jury_tui.ui.screens.dialogs import ConfirmDialog

        marked = frozenset(self.query_one(ConflictList).marked)
        try:
            hidden = hidden_work(self.store, marked - self.store.conflicts)
        except (JuryError, OSError) as error:
            self.notify(problem_line(error), severity="error", markup=False)
            return
        if not hidden:
            self._save(marked)
            return
        # HiddenWork.line says "aanvraag": worded here for the session (a contract in a follow-up round).
        lines = [subject_t(self.store.session, "conflicts.scored", application=item.application_id, label=item.label,
                           scores=item.scores, motivations=item.motivations) for item in hidden[:MAX_WARNED]]
        if len(hidden) > MAX_WARNED:
            lines.append(subject_t(self.store.session, "ui.conflicts.hides_more", count=len(hidden) - MAX_WARNED))
        body = "\n".join(lines) + "\n\n" + t("ui.conflicts.hides_question")
        self.app.push_screen(ConfirmDialog(t("ui.conflicts.hides_title"), body),
                             lambda confirmed: self._save(marked) if confirmed else None)

    def _save(self, marked: frozenset[str]) -> None:
        try:
            self.store.declare_conflicts(sorted(marked))
        except (JuryError, OSError) as error:
            self.notify(problem_line(error), severity="error", markup=False)
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
