"""What `s` shows before a submission is written: the whole of the juror's work in a few lines
(what is complete, what is missing where, the conflicts declared, the last submission and where
the file goes), then one deliberate key to submit.

Keys: j (y in English) submits; Enter submits too, but only when nothing is missing: an
incomplete submission takes the letter, so a reflexive Enter (or a second `s`) never sends
unfinished work. n or Esc goes back. The arrows and PageUp/PageDown scroll a long summary.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from jury_tui.domain.applications import Application
from jury_tui.domain.assessment import (
    ApplicationAssessment,
    Status,
    criterion_is_complete,
)
from jury_tui.domain.criteria import CriteriaSet
from jury_tui.domain.session import SessionDefinition
from jury_tui.i18n import language, t
from jury_tui.store.submitting import SubmissionState
from jury_tui.ui.keys import KeySpec, bindings_for
from jury_tui.ui.screens.dialogs import Dialog
from jury_tui.ui.widgets.key_footer import KeyFooter
from jury_tui.ui.wording import subject_t


@dataclass(frozen=True)
class Missing:
    """An application not complete: the criteria without a score, and those without the motivation they require."""

    application: Application
    scores: list[str]
    motivations: list[str]
    application_criteria: int  # how many criteria it has (all of them without a score: nothing done yet)


def missing_work(
    criteria: CriteriaSet,
    applications: list[Application],
    assessments: Mapping[str, ApplicationAssessment],
    statuses: Mapping[str, Status],
) -> list[Missing]:
    """What is missing, by criterion name, in each application the juror must still finish (session order)."""
    lang = language()
    found = []
    for application in applications:
        if statuses[application.id] not in (Status.NOT_STARTED, Status.IN_PROGRESS):
            continue
        assessment = assessments.get(application.id) or ApplicationAssessment(application_id=application.id)
        scores, motivations = [], []
        for criterion in criteria.criteria:
            entry = assessment.get(criterion.id)
            if entry.score is None:
                scores.append(criterion.name.get(lang))
            elif not criterion_is_complete(criteria, entry):
                motivations.append(criterion.name.get(lang))
        found.append(Missing(application, scores, motivations, len(criteria.criteria)))
    return found


def state_line(state: SubmissionState | None, today: dt.date | None = None, short: bool = False) -> str:
    """'ingediend om 14:32 (nr. 2)' — the juror's last submission, as the top bar and the review say it.
    On another day the date and time; `short` (a narrow top bar): the date only."""
    if state is None:
        return t("ui.submitted.never")
    if state.submitted_at is None:
        return t("ui.submitted.number", sequence=state.sequence)
    local = state.submitted_at.astimezone()
    if local.date() == (today or dt.date.today()):
        return t("ui.submitted.at", time=local.strftime("%H:%M"), sequence=state.sequence)
    if short:
        return t("ui.submitted.on_date", date=local.strftime(t("format.date")), sequence=state.sequence)
    return t("ui.submitted.on", time=local.strftime(t("format.datetime")), sequence=state.sequence)


# One row of the review: its text, its style, how far a wrapped line is indented.
Row = tuple[str, str, int]


def review_rows(
    done: int,
    total: int,
    missing: list[Missing],
    conflicts: list[Application],
    state: SubmissionState | None,
    path: str,
    unknown: str | None = None,
    session: SessionDefinition | None = None,
) -> list[Row]:
    """The review's rows: the counts, the last submission, the file and the conflicts first (short,
    always in view), then what is missing by name (it can be long: the review scrolls)."""
    rows: list[Row] = []
    if missing:
        rows.append((subject_t(session, "ui.review.incomplete", done=done, total=total, missing=len(missing)), "bold $text-warning", 0))
    else:
        rows.append((subject_t(session, "ui.review.complete", total=total), "bold $text-success", 0))
    last = state_line(state)
    if state is not None and state.changed:
        last += " · " + t("ui.review.changed_since")
    elif state is not None and state.changed is False:
        last += " · " + t("ui.review.unchanged_since")
    if unknown:  # the register could not be read: unknown, not "not submitted yet"
        rows.append((t("ui.review.last", state=t("ui.submitted.unknown")), "bold $text-warning", 0))
        rows.append((unknown, "$text-warning", 2))
    else:
        rows.append((t("ui.review.last", state=last), "", 0))
    rows.append((t("ui.review.file"), "", 0))
    rows.append((path, "", 2))
    if conflicts:
        rows.append((t("ui.review.conflicts", count=len(conflicts)), "", 0))
        rows.extend((f"• {application.label}", "", 2) for application in conflicts)
    else:
        rows.append((t("ui.review.no_conflicts"), "", 0))
    if missing:
        rows.append(("", "", 0))
        rows.append((t("ui.review.missing_title"), "bold", 0))
    for item in missing:
        if not item.motivations and len(item.scores) == item.application_criteria:
            rows.append((f"• {item.application.label}: {t('ui.review.nothing_yet')}", "", 2))
            continue
        rows.append((f"• {item.application.label}", "bold", 2))
        if item.scores:
            rows.append((t("ui.review.missing_score", criteria=", ".join(item.scores)), "", 4))
        if item.motivations:
            rows.append((t("ui.review.missing_motivation", criteria=", ".join(item.motivations)), "", 4))
    return rows


class SubmitReview(Dialog):
    """The summary before submitting. Dismisses with True (submit) or False (back)."""

    KEYS: ClassVar[list[KeySpec]] = [
        # Only the yes of the juror's language: in English `j` is "next criterion" to a juror's fingers.
        KeySpec("submit('j')", "j", "j", "ui.key.submit_now"),
        KeySpec("submit('y')", "y", "y", "ui.key.submit_now"),
        KeySpec("submit_enter", "enter", "⏎", None, show=False),
        KeySpec("back", "n,escape", "n", "ui.key.back"),
    ]
    BINDINGS = bindings_for(KEYS)
    AUTO_FOCUS = ".dialog-scroll"  # the arrows scroll a long summary

    DEFAULT_CSS = """
    SubmitReview .dialog-box {
        width: 76;
        max-height: 100%;
    }
    SubmitReview .dialog-scroll {
        height: auto;
    }
    SubmitReview .review-row {
        height: auto;
    }
    """
    # Rows of the screen the box needs besides the summary: footer, border, title and keys with their margins.
    FRAME_ROWS = 8

    def __init__(self, rows: list[Row], complete: bool) -> None:
        super().__init__()
        self.rows = rows
        self.complete = complete

    def key_specs(self) -> list[KeySpec]:
        yes_nl, yes_en, enter, back = self.KEYS
        return [yes_nl, yes_en, enter, replace(back, display="n Esc")]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "submit":
            return parameters[0] == t("ui.dialog.yes_key")
        return True

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(t("ui.review.title"), classes="dialog-title", markup=False)
            with VerticalScroll(classes="dialog-scroll", id="review-body"):
                for text, style, indent in self.rows:
                    row = Static(Content.styled(text, style) if style else Content(text), classes="review-row")
                    row.styles.padding = (0, 0, 0, indent)  # a wrapped line stays under its own start
                    yield row
            keys = "ui.review.keys" if self.complete else "ui.review.keys_incomplete"
            yield Static(t(keys, yes=t("ui.dialog.yes_key")), classes="dialog-keys", id="review-keys", markup=False)
        yield KeyFooter()

    def on_resize(self) -> None:
        # The summary scrolls when it is longer than the screen leaves it (Textual CSS has no calc()).
        self.query_one(".dialog-scroll").styles.max_height = max(3, self.size.height - self.FRAME_ROWS)

    def action_submit(self, key: str) -> None:
        self.dismiss(True)

    def action_submit_enter(self) -> None:
        if self.complete:
            self.dismiss(True)
        else:
            self.notify(t("ui.review.enter_incomplete", yes=t("ui.dialog.yes_key")), severity="warning")

    def action_back(self) -> None:
        self.dismiss(False)
