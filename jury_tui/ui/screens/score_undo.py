"""Undo of the juror's score changes (u): the changes made in this app, newest last, and how one
is taken back. Apart from the main screen, which only records a change when a score is saved."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from jury_tui.domain.applications import Application
from jury_tui.domain.assessment import ApplicationAssessment
from jury_tui.domain.criteria import CriteriaSet
from jury_tui.formatting import DASH
from jury_tui.i18n import t
from jury_tui.store.juror_store import JurorStore

UNDO_LEVELS = 100


@dataclass(frozen=True)
class ScoreChangeMade:
    """A score the juror changed in this app; `before` is what undo puts back (None: no score)."""

    application_id: str
    criterion_id: str
    before: int | None


class ScoringScreen(Protocol):
    """What undo uses of the screen that owns it (ui/screens/assessment.py)."""

    store: JurorStore
    criteria: CriteriaSet
    applications: list[Application]
    lang: str
    _assessments: Mapping[str, ApplicationAssessment]

    @property
    def current(self) -> Application: ...
    def notify(self, message: str) -> object: ...
    def _jump_to(self, app_index: int, crit_index: int | None) -> bool: ...
    def _refuse_if_conflicted(self) -> bool: ...
    def _save(self, application_id: str, change: Callable[[], object]) -> bool: ...


class ScoreUndo:
    """This session's score changes (at most UNDO_LEVELS), for undo."""

    def __init__(self, screen: ScoringScreen) -> None:
        self.screen = screen
        self.changes: list[ScoreChangeMade] = []

    def record(self, application_id: str, criterion_id: str, before: int | None) -> None:
        self.changes.append(ScoreChangeMade(application_id, criterion_id, before))
        del self.changes[:-UNDO_LEVELS]

    def undo(self) -> None:
        """Put back the score as it was before the juror's last score change in this app (several
        levels); the screen goes to that application and criterion first. Motivations are not
        undone here: while typing, the text box's own ctrl+z undoes the text."""
        screen = self.screen
        if not self.changes:
            screen.notify(t("ui.undo.nothing"))
            return
        change = self.changes[-1]
        app_index = next(index for index, app in enumerate(screen.applications) if app.id == change.application_id)
        if not screen._jump_to(app_index, screen.criteria.criterion_ids.index(change.criterion_id)):
            return
        if screen._refuse_if_conflicted():  # the change stays: undone once the conflict is lifted
            return
        self.changes.pop()
        now = screen._assessments[change.application_id].get(change.criterion_id).score
        if now == change.before:  # already back (an import in another terminal): the change before it
            self.undo()
            return
        if not screen._save(change.application_id,
                            lambda: screen.store.set_score(change.application_id, change.criterion_id, change.before)):
            self.changes.append(change)
            return
        screen.notify(t("ui.undo.done",
                        criterion=screen.criteria.criterion(change.criterion_id).name.get(screen.lang),
                        application=screen.current.label,
                        now=DASH if now is None else now,
                        before=DASH if change.before is None else change.before))
