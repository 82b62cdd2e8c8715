"""The jury meeting on record (m, from the ranking screen and the export dialog): the date, the
chair's name, which of the session's jurors attended (space ticks), who else was present, notes.
^s (or Enter in a one-line field) saves; Esc closes, asking first when something typed would be lost.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, SelectionList, Static, TextArea

from jury_tui.domain.deliberation import Meeting
from jury_tui.errors import JuryError, problem_line
from jury_tui.i18n import t
from jury_tui.ui.chair.keys import KeySpec, SpecBindings, bindings_for, meeting_keys
from jury_tui.ui.chair.screens.dialogs import AsksBeforeDiscarding
from jury_tui.ui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from collections.abc import Callable

    from jury_tui.domain.session import SessionDefinition

DATE_FORMATS = ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d")


def parse_date(text: str) -> dt.date | None:
    """'12-05-2021', '12/05/2021', '2021-05-12' → a date; '' → None. JuryError when it is no date."""
    text = text.strip()
    if not text:
        return None
    for pattern in DATE_FORMATS:
        try:
            day = dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
        if 2000 <= day.year <= 2099:  # domain/deliberation.EventDate: year 1 or 9999 is a typing error
            return day
        break
    raise JuryError(t("chair.ui.meeting.bad_date", text=text))


def split_names(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;\n]", text) if part.strip()]


class MeetingDialog(AsksBeforeDiscarding, SpecBindings, ModalScreen[bool]):
    AUTO_FOCUS = "#meeting-date"
    BINDINGS = bindings_for(meeting_keys())
    DEFAULT_CSS = """
    MeetingDialog .meeting-box { width: 78; height: 1fr; max-height: 30; }
    MeetingDialog #meeting-scroll { height: 1fr; }
    MeetingDialog .meeting-label { text-style: bold; }
    MeetingDialog Input.-textual-compact, MeetingDialog TextArea.-textual-compact { background: $panel; padding: 0 1; }
    MeetingDialog Input, MeetingDialog SelectionList, MeetingDialog TextArea { margin-bottom: 1; }
    MeetingDialog #meeting-attendees { height: auto; max-height: 8; }
    MeetingDialog #meeting-notes { height: 4; }
    MeetingDialog .dialog-problem { display: none; }
    MeetingDialog .dialog-title { margin-bottom: 0; }
    """

    def __init__(self, session: SessionDefinition, meeting: Meeting, save: Callable[[Meeting], object]) -> None:
        """`save`: stores the meeting (the chair's model, so every screen sees it; JuryError when refused)."""
        super().__init__(classes="dialog", id="meeting-dialog")
        self.session = session
        self.meeting = meeting
        self.save = save

    def key_specs(self) -> list[KeySpec]:
        return meeting_keys()

    def compose(self) -> ComposeResult:
        meeting = self.meeting
        date_text = meeting.held_on.strftime(t("format.date")) if meeting.held_on else ""
        with Vertical(classes="dialog-box meeting-box"):
            yield Static(t("chair.ui.meeting.title"), classes="dialog-title")
            with VerticalScroll(id="meeting-scroll"):
                yield Static(t("chair.ui.meeting.date"), classes="meeting-label")
                yield Input(value=date_text, placeholder=t("chair.ui.meeting.date_placeholder"), id="meeting-date", compact=True)
                yield Static(t("chair.ui.meeting.chair"), classes="meeting-label")
                yield Input(value=meeting.chair, id="meeting-chair", compact=True)
                yield Static(t("chair.ui.meeting.attendees"), classes="meeting-label")
                yield SelectionList[str](
                    *((juror.name, juror.id, juror.id in meeting.attendees) for juror in self.session.jurors),
                    id="meeting-attendees", compact=True,
                )
                yield Static(t("chair.ui.meeting.others"), classes="meeting-label")
                yield Input(value=", ".join(meeting.others), placeholder=t("chair.ui.meeting.others_placeholder"),
                            id="meeting-others", compact=True)
                yield Static(t("chair.ui.meeting.notes"), classes="meeting-label")
                yield TextArea(meeting.notes, id="meeting-notes", compact=True)
            yield Static(classes="dialog-problem", markup=False)
            yield Static(t("chair.ui.meeting.keys"), classes="dialog-keys", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        from jury_tui.ui.chair.screens.budget import steady_cursors

        steady_cursors(self)
        # Focusing the date scrolls its margin into view and its label out of it: show the top.
        scroll = self.query_one("#meeting-scroll", VerticalScroll)
        self.call_after_refresh(scroll.scroll_home, animate=False)

    def typed(self) -> Meeting:
        """The meeting as the fields hold it now (JuryError for a date that is none)."""
        return Meeting(
            held_on=parse_date(self.query_one("#meeting-date", Input).value),
            chair=self.query_one("#meeting-chair", Input).value.strip(),
            attendees=[juror.id for juror in self.session.jurors
                       if juror.id in self.query_one("#meeting-attendees", SelectionList).selected],
            others=split_names(self.query_one("#meeting-others", Input).value),
            notes=self.query_one("#meeting-notes", TextArea).text,
        )

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def _problem(self, message: str) -> None:
        line = self.query_one(".dialog-problem", Static)
        line.update(Content.styled(message, "bold $text-error"))
        line.display = True

    def action_save(self) -> None:
        try:
            meeting = self.typed()
            self.save(meeting)
        except (JuryError, OSError) as error:
            self._problem(problem_line(error))
            return
        except ValueError as error:  # a field over its limit (the record's own rules)
            self._problem(t("chair.ui.meeting.invalid", detail=str(error).splitlines()[0]))
            return
        self.app.notify(t("chair.ui.meeting.saved"))
        self.dismiss(True)

    def unsaved(self) -> bool:
        """Whether something typed here would be lost by closing (the app asks before quitting too)."""
        try:
            return self.typed() != self.meeting
        except JuryError:
            return True

