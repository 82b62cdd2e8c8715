"""The application as the juror reads it: title, key figures, summary and the form's sections."""

from __future__ import annotations

from rich.markdown import Markdown as RichMarkdown
from textual.widgets import Static

from jury_tui.domain.applications import Application
from jury_tui.formatting import format_euro as euro
from jury_tui.i18n import language, t
from jury_tui.ui import messages as _messages  # noqa: F401


def key_figures(application: Application) -> str:
    figures = [t("ui.facts.subsidy", amount=euro(application.requested_subsidy))]
    if application.budgeted_cost is not None:
        figures.append(t("ui.facts.cost", amount=euro(application.budgeted_cost)))
    if application.co_financing is not None:
        figures.append(t("ui.facts.co_financing", amount=euro(application.co_financing)))
    if application.infrastructure_amount is not None:
        figures.append(t("ui.facts.infrastructure", amount=euro(application.infrastructure_amount)))
    if application.duration_months is not None:
        figures.append(t("ui.facts.duration", months=application.duration_months))
    line = " · ".join(figures)
    if application.illustrative:
        line += " " + t("ui.facts.illustrative")
    return line


def reading_markdown(application: Application) -> str:
    parts = [f"**{application.title}**", key_figures(application)]
    if application.summary:
        parts.append(f"*{application.summary.strip()}*")
    for section in application.sections:
        parts.append(f"## {section.heading}\n\n{section.body}".rstrip())
    return "\n\n".join(parts) + "\n"


class ApplicationText(Static):
    """The text as one widget (a Rich Markdown rendering): switching applications and resizing stay
    fast, where Textual's Markdown widget mounts a widget per block (about 0.2 s per switch here)."""

    def __init__(self, **kwargs) -> None:
        super().__init__("", **kwargs)
        self.source = ""

    def show(self, application: Application) -> None:
        self.source = reading_markdown(application)
        self.update(RichMarkdown(self.source, hyperlinks=False))
