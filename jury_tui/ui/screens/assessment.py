"""The juror's main screen: applications on the left, the text and the scoring panel on the right.

Nothing has focus except, while the juror writes, the motivation text box; so every key in the
key map works without clicking anything, and while writing every printable key goes into the text.
Every score change is saved at once; the motivation is saved 0.4 s after the last keystroke and
always when leaving the text box, changing criterion or application, submitting and quitting.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static, TextArea

from jury_tui.domain.applications import Application
from jury_tui.domain.assessment import (
    ApplicationAssessment,
    Progress,
    Status,
    assessment_status,
    criterion_is_complete,
    progress,
)
from jury_tui.errors import JuryError, problem_line
from jury_tui.i18n import language, t
from jury_tui.store.juror_store import JurorStore
from jury_tui.ui.commands import ScreenCommands
from jury_tui.ui.keys import (
    EDITING,
    KeySpec,
    SpecBindings,
    app_keys,
    assessment_keys,
    bindings_for,
    for_session,
    help_rows,
)
from jury_tui.ui.layout import TALL_SCREEN
from jury_tui.ui.screens.juror_submission import JurorSubmission
from jury_tui.ui.screens.juror_writing import JurorWriting
from jury_tui.ui.screens.score_undo import ScoreUndo
from jury_tui.ui.widgets.application_list import ApplicationList
from jury_tui.ui.widgets.application_text import ApplicationText
from jury_tui.ui.widgets.debounced_save import DebouncedSave
from jury_tui.ui.widgets.key_footer import KeyFooter
from jury_tui.ui.widgets.progress_report_text import ProgressReportText
from jury_tui.ui.widgets.scoring_panel import InfoScroll, MotivationArea, ScoringPanel
from jury_tui.ui.widgets.status import MARKERS, STYLES, status_text
from jury_tui.ui.widgets.text_search import SearchBar, SearchInput
from jury_tui.ui.wording import subject_t

# The screen's keys that still work while the search field is open (the field takes the others).
SEARCH_KEEPS = {"search_next", "search_previous", "help"}


class TextScroll(VerticalScroll, can_focus=False):
    """The application text; scrolled by the screen's PageUp/PageDown, never takes focus."""


class AssessmentScreen(SpecBindings, Screen[None]):
    AUTO_FOCUS = ""
    BINDINGS = bindings_for(assessment_keys())
    COMMANDS = {ScreenCommands}

    def __init__(self, store: JurorStore, data_dir: Path, conflicts_saved: bool = False) -> None:
        """`conflicts_saved`: the juror has just declared the conflicts (first visit); say so once shown."""
        super().__init__()
        self.store = store
        self.data_dir = data_dir
        self._announce_conflicts = conflicts_saved
        self.session = store.session
        self.criteria = store.session.criteria
        self.applications: list[Application] = list(store.session.applications)
        self.lang = language()
        self.own_keys = for_session(assessment_keys(self.criteria.scale), self.session)
        self._modes = {spec.name: spec.mode for spec in self.own_keys}
        self._assessments: dict[str, ApplicationAssessment] = store.all_assessments()
        self._conflicts: frozenset[str] = store.conflicts
        self._statuses: dict[str, Status] = {
            application.id: self._compute_status(application.id) for application in self.applications
        }
        self.app_index = self._first_unfinished()
        self.crit_index = 0
        # The motivation text box edits (application id, criterion id), None on a conflicted application.
        self._motivation_target: tuple[str, str] | None = None
        self._area: MotivationArea | None = None
        self._motivation = DebouncedSave(self, self._typed_motivation, self._write_motivation,
                                         on_saved=self._motivation_saved, on_failed=self._motivation_failed)
        self._writing = JurorWriting(self)  # the full editor (e) and the private notes (a)
        self._undo = ScoreUndo(self)  # this session's score changes, for undo (u)
        self._submission = JurorSubmission(self, store, data_dir, self.applications, self._assessments,
                                           lambda: self._conflicts)  # the top bar's state, s
        self._edge_said, self._edge_said_at = "", 0.0  # the last "first/last application" toast (not repeated while shown)

    # --- layout ---------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        juror = self.session.juror(self.store.juror_id)
        with Horizontal(id="topbar"):
            yield Static(
                Content(t("ui.juror_line", name=juror.name, role=t(f"role.{juror.role.value}")) + f" · {self.session.title}"),
                id="session-line",
            )
            yield Static(id="submit-status")
            yield Static(t("ui.nothing_saved_yet"), id="save-status")
        with Horizontal(id="body"):
            with Vertical(id="sidebar"):
                yield Static(id="progress")
                yield ApplicationList(self.applications, self._statuses, id="app-list", compact=True)
            with Vertical(id="main"):
                yield Static(id="app-heading")
                yield SearchBar(text="#app-text", scroll="#text-scroll", id="search-bar")
                with TextScroll(id="text-scroll"):
                    if self.session.follow_up is not None:  # the contract's progress report, then its application
                        yield ProgressReportText(self.session.follow_up, self.criteria.eligibility, id="app-text")
                    else:
                        yield ApplicationText(self.criteria.eligibility, id="app-text")
                yield ScoringPanel(self.criteria, session=self.session, id="scoring")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._area = self.query_one(MotivationArea)
        self.crit_index = self._first_incomplete_criterion(self.current.id)
        self._show_application()
        self._update_progress()
        self._submission.show()
        if self._announce_conflicts:
            self._mark_saved()
            self.notify(t("ui.conflicts.saved", count=len(self._conflicts)))
        elif not self.store.conflicts_declared:  # (the app asks first; this screen never opens without them)
            self.app.push_screen(_conflicts_screen(self.store, first_visit=True), self._after_conflicts)

    def on_resize(self, event) -> None:
        # No media queries in Textual CSS: a class for terminals with room to spare.
        self.set_class(self.size.height >= TALL_SCREEN, "-tall")
        self._submission.show()  # its short or long form

    # --- state helpers ----------------------------------------------------------------------------
    @property
    def current(self) -> Application:
        return self.applications[self.app_index]

    @property
    def is_conflicted(self) -> bool:
        return self.current.id in self._conflicts

    @property
    def current_criterion_id(self) -> str:
        return self.criteria.criteria[self.crit_index].id

    @property
    def editing(self) -> bool:
        return isinstance(self.focused, MotivationArea)

    @property
    def progress(self) -> Progress:
        return progress(self._statuses.values())

    def _compute_status(self, application_id: str) -> Status:
        return assessment_status(
            self.criteria,
            self._assessments.get(application_id) or ApplicationAssessment(application_id=application_id),
            application_id in self._conflicts,
        )

    def _first_unfinished(self) -> int:
        for index, application in enumerate(self.applications):
            if self._statuses[application.id] in (Status.NOT_STARTED, Status.IN_PROGRESS):
                return index
        return 0

    def _first_incomplete_criterion(self, application_id: str) -> int:
        assessment = self._assessments[application_id]
        for index, criterion in enumerate(self.criteria.criteria):
            if not criterion_is_complete(self.criteria, assessment.get(criterion.id)):
                return index
        return 0

    # --- showing ----------------------------------------------------------------------------------
    def _show_application(self) -> None:
        application = self.current
        app_list = self.query_one(ApplicationList)
        app_list.highlighted = self.app_index
        self.query_one("#app-text", ApplicationText).show(application)
        self.query_one(TextScroll).scroll_home(animate=False)
        self._update_heading()
        self._show_criterion()

    def _update_heading(self) -> None:
        status = self._statuses[self.current.id]
        parts: list = [
            (f"{self.app_index + 1}/{len(self.applications)} ", "$text-muted"),
            (f"{MARKERS[status]} {status_text(status)}", STYLES[status]),
            " · ",
        ]
        if self.has_class("-text-max") or self.has_class("-info-max"):
            parts.append((t("ui.maximised_hint") + " · ", "$text-muted"))
        parts.extend(self._writing.note_mark())
        parts.append((self.current.label, "bold"))
        self.query_one("#app-heading", Static).update(Content.assemble(*parts))

    def _show_criterion(self) -> None:
        application = self.current
        conflicted = self.is_conflicted
        panel = self.query_one(ScoringPanel)
        panel.show(self._assessments[application.id], self.crit_index, conflicted)
        area = panel.motivation
        if conflicted:
            self._motivation_target = None
            self._motivation.reset("")
            area.load_text("")
            area.disabled = True
            return
        area.disabled = False
        text = self._assessments[application.id].get(self.current_criterion_id).motivation
        self._motivation_target = (application.id, self.current_criterion_id)
        self._motivation.reset(text)
        if area.text != text:
            area.load_text(text)

    def _update_progress(self) -> None:
        summary = self.progress
        text = subject_t(self.session, "progress.summary", done=summary.complete, total=summary.to_assess)
        style = "bold $success" if summary.is_complete else "bold"
        self.query_one("#progress", Static).update(Content.assemble((text, style)))

    def _refresh_application(self, application_id: str) -> None:
        """Re-read one application's assessment after a save and update every place it shows."""
        self._assessments[application_id] = self.store.assessment(application_id)
        status = self._compute_status(application_id)
        became_complete = status is Status.COMPLETE and self._statuses[application_id] is not Status.COMPLETE
        self._statuses[application_id] = status
        self._submission.keep(application_id, self._assessments[application_id])
        self._submission.show()
        application = self.session.application(application_id)
        self.query_one(ApplicationList).set_status(application, status)
        self._update_progress()
        if application_id == self.current.id:
            self._update_heading()
            self.query_one(ScoringPanel).show(self._assessments[application_id], self.crit_index, self.is_conflicted)
        if became_complete:
            if self.progress.is_complete:
                self.notify(subject_t(self.session, "ui.all_complete"), timeout=8)
            else:
                self.notify(subject_t(self.session, "ui.application_complete", label=application.label))

    def _refresh_all(self) -> None:
        self._conflicts = self.store.conflicts
        self._assessments = self.store.all_assessments()
        app_list = self.query_one(ApplicationList)
        for application in self.applications:
            status = self._compute_status(application.id)
            self._statuses[application.id] = status
            self._submission.keep(application.id, self._assessments[application.id])
            app_list.set_status(application, status)
        self._submission.show()
        self._update_progress()
        self._update_heading()
        self._show_criterion()

    # --- saving -----------------------------------------------------------------------------------
    def _save(self, application_id: str, change: Callable[[], object]) -> bool:
        """Run one store change; say on screen whether it was saved."""
        try:
            change()
        except (JuryError, OSError) as error:
            self._save_failed(application_id, error)
            return False
        self._mark_saved()
        self._refresh_application(application_id)
        return True

    def _save_failed(self, application_id: str, error: JuryError | OSError) -> None:
        status = self.query_one("#save-status", Static)
        status.update(Content.assemble((t("ui.not_saved", error=str(error)), "bold $error")))
        status.add_class("-error")
        self.notify(problem_line(error), title=t("ui.not_saved", error="").rstrip(": "), severity="error", markup=False)
        self._show_what_is_on_disk(application_id)

    def _show_what_is_on_disk(self, application_id: str) -> None:
        """After a failed write: the store has forgotten the change (TinyFile.commit), so this shows
        what is really saved, and a retry writes again."""
        try:
            self._refresh_application(application_id)
        except (JuryError, OSError):
            pass

    def _mark_saved(self) -> None:
        status = self.query_one("#save-status", Static)
        status.remove_class("-error")
        status.update(t("ui.saved_at", time=dt.datetime.now().strftime("%H:%M:%S")))

    # --- the motivation box: saved as it is typed (ui/widgets/debounced_save.py) --------------------
    def flush_motivation(self) -> bool:
        """Save the text box now if it differs from what the store has. False: it could not be saved."""
        return self._motivation_target is None or self._motivation.flush()

    def _typed_motivation(self) -> str:
        return (self._area or self.query_one(MotivationArea)).text

    def _write_motivation(self, text: str) -> None:
        if self._motivation_target is not None:
            self.store.set_motivation(*self._motivation_target, text)

    def _motivation_saved(self, text: str) -> None:
        self._mark_saved()
        if self._motivation_target is not None:
            self._refresh_application(self._motivation_target[0])

    def _motivation_failed(self, error: JuryError | OSError) -> None:
        if self._motivation_target is not None:
            self._save_failed(self._motivation_target[0], error)

    @on(TextArea.Changed, "#motivation")
    def _motivation_changed(self) -> None:
        if self._motivation_target is not None:
            self._motivation.changed()

    def on_unmount(self) -> None:
        # Last resort (the app is closing without going through its quit action): store only, no UI.
        if self._motivation_target is not None:
            self._motivation.save_quietly()

    # --- bindings ---------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While typing only the EDITING keys work (the text box takes the rest); otherwise the NORMAL ones."""
        mode = self._modes.get(action)
        if action == "score" and not self.criteria.scale.min <= int(parameters[0]) <= self.criteria.scale.max:  # type: ignore[call-overload]
            return False  # a digit outside the scale: neither shown nor done
        if mode is None:
            return True
        if isinstance(self.focused, SearchInput):  # the search field takes the typing
            return action in SEARCH_KEEPS
        if action == "restore_layout":
            return not self.editing and (self.has_class("-text-max") or self.has_class("-info-max"))
        return (mode == EDITING) == self.editing

    def key_specs(self) -> list[KeySpec]:
        return self.own_keys + for_session(app_keys(), self.session)

    def key_scale(self):
        return self.criteria.scale

    def help_rows(self) -> list[tuple[str, str]]:
        return help_rows(self.key_specs(), self.criteria.scale)

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """(title, keys, callback) for the command palette: the keys' actions, each score, each application."""
        commands = []
        for spec in self.own_keys:
            if spec.palette and spec.help:
                commands.append((t(spec.help), spec.display, partial(self.run_action, spec.action)))
        criterion = self.criteria.criterion(self.current_criterion_id)
        for step in self.criteria.scale.steps:
            title = f"{t('ui.key.score')} {step.value}: {step.label.get(self.lang)}"
            if (meaning := criterion.level(step.value, self.lang)) is not None:  # what it means for this criterion
                title += f" – {meaning}"
            commands.append((title, str(step.value) if 0 <= step.value <= 9 else "", partial(self.run_action, f"score({step.value})")))
        for index, application in enumerate(self.applications):
            commands.append((f"→ {application.label}: {application.title}", application.id, partial(self.action_go_to, index)))
        return commands

    # --- actions: moving --------------------------------------------------------------------------
    def action_go_to(self, index: int) -> None:
        if not 0 <= index < len(self.applications):
            return
        if not self.flush_motivation():
            return  # keep the unsaved text on screen; the status line says why
        if self.editing:
            self.set_focus(None)
        self.app_index = index
        self.crit_index = self._first_incomplete_criterion(self.current.id)
        self._show_application()

    def action_next_application(self) -> None:
        if self.app_index + 1 < len(self.applications):
            self.action_go_to(self.app_index + 1)
        else:
            self._say_at_the_end("ui.edge.last")

    def action_previous_application(self) -> None:
        if self.app_index > 0:
            self.action_go_to(self.app_index - 1)
        else:
            self._say_at_the_end("ui.edge.first")

    @on(OptionList.OptionSelected, "#app-list")
    def _clicked_application(self, event: OptionList.OptionSelected) -> None:
        self.action_go_to(event.option_index)

    def _go_to_criterion(self, index: int) -> None:
        self._panel_visible()
        if not 0 <= index < len(self.criteria.criteria) or index == self.crit_index:
            return
        if not self.flush_motivation():
            return  # keep the unsaved text on screen; the status line says why
        self.crit_index = index
        self._show_criterion()

    def action_next_criterion(self) -> None:
        self._go_to_criterion(self.crit_index + 1)

    def action_previous_criterion(self) -> None:
        self._go_to_criterion(self.crit_index - 1)

    # --- actions: scoring -------------------------------------------------------------------------
    def _refuse_if_conflicted(self) -> bool:
        if self.is_conflicted:
            self.notify(subject_t(self.session, "ui.score.conflict_refused"), severity="warning")
            return True
        return False

    def _set_score(self, value: int | None) -> None:
        self._panel_visible()
        if self._refuse_if_conflicted():
            return
        application_id, criterion_id = self.current.id, self.current_criterion_id
        current = self._assessments[application_id].get(criterion_id).score
        if current == value:
            return
        if self._save(application_id, lambda: self.store.set_score(application_id, criterion_id, value)):
            self._undo.record(application_id, criterion_id, current)

    def action_score(self, value: int) -> None:
        self._set_score(value)

    def action_raise_score(self) -> None:
        scale = self.criteria.scale
        current = self._assessments[self.current.id].get(self.current_criterion_id).score
        self._set_score(scale.min if current is None else min(scale.max, current + 1))

    def action_lower_score(self) -> None:
        scale = self.criteria.scale
        current = self._assessments[self.current.id].get(self.current_criterion_id).score
        self._set_score(scale.min if current is None else max(scale.min, current - 1))

    def action_clear_score(self) -> None:
        self._set_score(None)

    def action_edit_motivation(self) -> None:
        self._panel_visible()
        if self._refuse_if_conflicted():
            return
        if self.app.screen is not self:
            return
        area = self.query_one(MotivationArea)
        # At once, not after the keys already waiting (Widget.focus waits its turn): what the juror
        # types right after m or Enter goes into the text, never to the keys that score.
        self.set_focus(area)
        area.move_cursor(area.document.end)

    def action_leave_motivation(self) -> None:
        self.flush_motivation()
        self.set_focus(None)

    def action_restore_layout(self) -> None:
        self._set_layout(None)

    # --- actions: view ----------------------------------------------------------------------------
    def _set_layout(self, name: str | None) -> None:
        """None: list, text and panel; "-text-max": only the text; "-info-max": the panel without the text."""
        for layout in ("-text-max", "-info-max"):
            self.set_class(layout == name, layout)
        self._update_heading()
        self.refresh_bindings()

    def _panel_visible(self) -> None:
        """Scoring while the text fills the screen: bring the panel back first, so nothing changes unseen."""
        if self.has_class("-text-max"):
            self._set_layout(None)

    def action_toggle_text(self) -> None:
        self._set_layout(None if self.has_class("-text-max") else "-text-max")

    def action_toggle_info(self) -> None:
        self._set_layout(None if self.has_class("-info-max") else "-info-max")

    def _scrolled(self) -> VerticalScroll:
        """What PageUp/PageDown scroll: the text, or the criterion's explanation when that fills the panel (i)."""
        if self.has_class("-info-max"):
            return self.query_one(InfoScroll)
        return self.query_one(TextScroll)

    def action_scroll_text_down(self) -> None:
        self._scrolled().scroll_page_down()

    def action_scroll_text_up(self) -> None:
        self._scrolled().scroll_page_up()

    def action_scroll_text_home(self) -> None:
        self._scrolled().scroll_home()

    def action_scroll_text_end(self) -> None:
        self._scrolled().scroll_end()

    # --- actions: search in the text (widgets/text_search.py) -------------------------------------
    def action_search_open(self) -> None:
        if self.has_class("-info-max"):  # the text is what is searched: show it
            self._set_layout(None)
        self.query_one(SearchBar).open()

    def action_search_next(self) -> None:
        self.query_one(SearchBar).step(1)

    def action_search_previous(self) -> None:
        self.query_one(SearchBar).step(-1)

    def action_help(self) -> None:
        from jury_tui.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.help_rows(), self.criteria, self.session))

    def action_help_while_editing(self) -> None:
        self.flush_motivation()
        self.action_help()

    # --- actions: writing (the motivation on the whole screen, private notes: ui/screens/juror_writing.py)
    def action_full_editor(self, resume_typing: bool = False) -> None:
        self._writing.full_editor(resume_typing)

    def action_full_editor_while_editing(self) -> None:
        self.action_full_editor(resume_typing=True)

    def action_notes(self) -> None:
        self._writing.notes()

    # --- actions: conflicts and submission ------------------------------------------------------
    def action_conflicts(self) -> None:
        if not self.flush_motivation():
            return
        self.app.push_screen(_conflicts_screen(self.store, first_visit=False), self._after_conflicts)

    def _after_conflicts(self, saved: bool | None) -> None:
        if saved:
            self._refresh_all()
            self._mark_saved()
            self.notify(t("ui.conflicts.saved", count=len(self._conflicts)))

    # --- submitting (ui/screens/juror_submission.py) ------------------------------------------------
    def action_submit(self) -> None:
        if self.flush_motivation():
            self._submission.review(self.progress, self._assessments, self._statuses)

    # --- actions: my scores, undo, the ends of the list (issue 14) ------------------------------
    def action_my_scores(self) -> None:
        from jury_tui.ui.screens.my_scores import MyScoresScreen

        if not self.flush_motivation():
            return
        self.app.push_screen(
            MyScoresScreen(self.criteria, self.applications, self._assessments, self._conflicts, self._statuses,
                           start=(self.current.id, self.current_criterion_id), session=self.session),
            self._after_my_scores,
        )

    def _after_my_scores(self, cell: tuple[int, int | None] | None) -> None:
        if cell is not None:
            self._jump_to(*cell)

    def _jump_to(self, app_index: int, crit_index: int | None) -> bool:
        """Show this application at this criterion (None: where the juror would start on it).
        False: the motivation being typed could not be saved, so the screen stayed where it was."""
        self._panel_visible()
        if app_index != self.app_index:
            self.action_go_to(app_index)
            if self.app_index != app_index:
                return False
        if crit_index is not None and crit_index != self.crit_index:
            self._go_to_criterion(crit_index)
            return self.crit_index == crit_index
        return True

    def action_undo_score(self) -> None:
        self._undo.undo()  # ui/screens/score_undo.py

    def _say_at_the_end(self, key: str) -> None:
        """n on the last application, p on the first: say so, and how many are still open."""
        summary = self.progress
        still_open = summary.in_progress + summary.not_started
        where = subject_t(self.session, key, number=self.app_index + 1, total=len(self.applications))
        rest = t("ui.edge.open", count=still_open) if still_open else subject_t(self.session, "ui.edge.none_open")
        message = f"{where} {rest}"
        # Pressed again while it is still shown: one toast, not a stack of the same over the screen.
        now = time.monotonic()
        if self._edge_said == message and now - self._edge_said_at < self.app.NOTIFICATION_TIMEOUT:
            return
        self._edge_said, self._edge_said_at = message, now
        self.notify(message)


def _conflicts_screen(store: JurorStore, first_visit: bool):
    from jury_tui.ui.screens.conflicts import ConflictsScreen

    return ConflictsScreen(store, first_visit=first_visit)
