"""How an assessment status looks: a marker (shape, so it reads without colour) plus a colour."""

from __future__ import annotations

from jury_tui.domain.assessment import Status
from jury_tui.i18n import t

MARKERS: dict[Status, str] = {
    Status.NOT_STARTED: "○",
    Status.IN_PROGRESS: "◐",
    Status.COMPLETE: "●",
    Status.CONFLICT: "⊘",
}

STYLES: dict[Status, str] = {
    Status.NOT_STARTED: "$text-muted",
    Status.IN_PROGRESS: "bold $warning",
    Status.COMPLETE: "bold $success",
    Status.CONFLICT: "bold $error",
}


def status_text(status: Status) -> str:
    return t(f"status.{status.value}")
