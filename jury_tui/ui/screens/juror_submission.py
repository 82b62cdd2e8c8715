"""The juror's submission as the main screen keeps it: the top bar's state, the review before
`s` writes the file, and the writing. Apart from the screen so that the digests it keeps per
application (one to recompute per save) stay out of the scoring and moving code."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from textual.screen import Screen
from textual.widgets import Static

from jury_tui.domain.applications import Application
from jury_tui.domain.assessment import ApplicationAssessment, Progress, Status
from jury_tui.domain.submission import assessment_digest, kept_work_digest
from jury_tui.errors import JuryError, display_path, problem_line
from jury_tui.i18n import t
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.submitting import SubmissionState, submission_state
from jury_tui.ui.screens.submit_review import (
    SubmitReview,
    missing_work,
    review_rows,
    state_line,
)

WIDE_TOPBAR = 100  # columns from which the top bar says "changed since submitting" in full


class JurorSubmission:
    """The last submission and, per application, the digest of the work as it would be submitted:
    "changed since submitting" costs one application's digest per save (see `show`)."""

    def __init__(self, screen: Screen, store: JurorStore, data_dir: Path, applications: list[Application],
                 assessments: Mapping[str, ApplicationAssessment], conflicts: Callable[[], frozenset[str]]) -> None:
        """`conflicts`: the conflicts as the screen shows them now."""
        self.screen = screen
        self.store = store
        self.data_dir = data_dir
        self.criteria = store.session.criteria
        self.applications = applications
        self._conflicts = conflicts
        self._digests = {a.id: assessment_digest(self.criteria, assessments[a.id]) for a in applications}
        self.problem: str | None = None
        self.state = self.read()
        self._shown: tuple[str, bool, bool] | None = None

    def keep(self, application_id: str, assessment: ApplicationAssessment) -> None:
        """This application's work as saved now."""
        self._digests[application_id] = assessment_digest(self.criteria, assessment)

    def work_digest(self) -> str:
        """The digest of the work as shown (domain.submission.work_digest, from the kept per-application digests)."""
        return kept_work_digest((a.id for a in self.applications), self._conflicts(), self._digests.__getitem__)

    def read(self) -> SubmissionState | None:
        """The last submission; a register that cannot be read is kept as its problem (shown as
        unknown, never as "not submitted"), and the work goes on."""
        self.problem = None
        try:
            return submission_state(self.store, self.work_digest())
        except (JuryError, OSError) as error:
            self.problem = problem_line(error)
            return None

    def show(self) -> None:
        """'ingediend om 14:32 (nr. 2)', or in the warning colour that the work changed since (short at 80 columns)."""
        screen = self.screen
        if not screen.is_mounted:
            return
        widget = screen.query_one("#submit-status", Static)
        state = self.state
        if state is not None and state.work_digest is not None:
            state = self.state = state.against(self.work_digest())
        wide = screen.size.width >= WIDE_TOPBAR
        if state is None and self.problem:
            text = t("ui.submitted.unknown")
        elif state is None:
            text = ""
        elif state.changed:
            text = t("ui.submitted.changed" if wide else "ui.submitted.changed_short")
        else:
            text = state_line(state, short=not wide)
        shown = (text, not text, bool(state and state.changed) or bool(self.problem))
        if shown == self._shown:
            return  # most saves change nothing here: leave the top bar's layout alone
        self._shown = shown
        widget.set_class(shown[1], "-none")
        widget.set_class(shown[2], "-changed")
        widget.update(text)

    def review(self, summary: Progress, assessments: Mapping[str, ApplicationAssessment],
               statuses: Mapping[str, Status]) -> None:
        """Always a review first (ui/screens/submit_review.py); the file is written only on its yes."""
        from jury_tui.store.sessions import default_submission_path

        missing = missing_work(self.criteria, self.applications, assessments, statuses)
        conflicts = [a for a in self.applications if a.id in self._conflicts()]
        path = display_path(default_submission_path(self.data_dir, self.store.session.id, self.store.juror_id))
        self.show()
        rows = review_rows(summary.complete, summary.to_assess, missing, conflicts, self.state, path,
                           unknown=self.problem, session=self.store.session)
        self.screen.app.push_screen(
            SubmitReview(rows, summary.is_complete),
            lambda confirmed: self.write(allow_incomplete=True) if confirmed else None,
        )

    def write(self, allow_incomplete: bool) -> None:
        from jury_tui.store.sessions import default_submission_path
        from jury_tui.store.submitting import write_submission
        from jury_tui.ui.screens.dialogs import MessageDialog

        path = default_submission_path(self.data_dir, self.store.session.id, self.store.juror_id)
        try:
            submission = write_submission(self.store, path, allow_incomplete=allow_incomplete)
        except (JuryError, OSError) as error:
            self.screen.notify(t("ui.submit.failed", error=str(error)), severity="error", markup=False)
            self.state = self.read()
            self.show()
            return
        self.state = self.read()
        self.show()
        state = t("status.complete" if submission.complete else "submission.partial")
        checksum = submission.checksum[:12]
        self.screen.app.push_screen(
            MessageDialog(
                t("ui.submit.done_title"),
                t("ui.submit.done_body", state=state, path=str(path.resolve()), checksum=checksum),
            )
        )
