"""What a conflict of interest hides: the juror's work already stored on an application they now
declare a conflict on. Declaring one deletes nothing (JurorStore.declare_conflicts only records the
list): the scores and motivations stay in the juror's files, but every submission leaves a
conflicted application out (domain/submission.build_sealed_submission) for as long as the conflict
stands; lifting it brings them back. The CLI (`jury-tui conflicts --set`) and the app's conflicts
screen warn with the same line."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from jury_tui.i18n import t
from jury_tui.store.juror_store import JurorStore


@dataclass(frozen=True, slots=True)
class HiddenWork:
    """The juror's stored work on one application a conflict keeps out of the submission."""

    application_id: str
    label: str
    scores: int
    motivations: int

    @property
    def line(self) -> str:
        """The warning, one line: the application by id and name, how many scores and motivations."""
        return t("conflicts.scored", application=self.application_id, label=self.label,
                 scores=self.scores, motivations=self.motivations)


def hidden_work(store: JurorStore, conflicts: Iterable[str]) -> list[HiddenWork]:
    """Per application of `conflicts` (in the session's order) on which the juror has a score or a
    motivation: how many of each. Applications without any are left out."""
    chosen = set(conflicts)
    found = []
    for application in store.session.applications:
        if application.id not in chosen:
            continue
        entries = store.assessment(application.id).scores.values()
        scores = sum(1 for entry in entries if entry.score is not None)
        motivations = sum(1 for entry in entries if entry.motivation.strip())
        if scores or motivations:
            found.append(HiddenWork(application.id, application.label, scores, motivations))
    return found
