"""The list of applications with a status marker each. It never takes focus: the screen's keys
(n / p) move through it, so up/down stay free for the criteria; a mouse click also works."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from jury_tui.domain.applications import Application
from jury_tui.domain.assessment import Status
from jury_tui.ui.widgets.status import MARKERS, STYLES


def application_prompt(application: Application, status: Status) -> Content:
    label_style = "$text-muted strike" if status is Status.CONFLICT else ""
    return Content.assemble((MARKERS[status], STYLES[status]), " ", (application.label, label_style))


class ApplicationList(OptionList, can_focus=False):
    DEFAULT_CSS = """
    ApplicationList {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, applications: list[Application], statuses: dict[str, Status], **kwargs) -> None:
        self._applications = applications
        options = [
            Option(application_prompt(application, statuses[application.id]), id=application.id)
            for application in applications
        ]
        super().__init__(*options, **kwargs)
        self._statuses = dict(statuses)

    def set_status(self, application: Application, status: Status) -> None:
        if self._statuses.get(application.id) == status:
            return
        self._statuses[application.id] = status
        self.replace_option_prompt(application.id, application_prompt(application, status))

    def status_of(self, application_id: str) -> Status:
        return self._statuses[application_id]
