"""The application as the juror reads it: title, key figures, summary and the form's sections."""

from __future__ import annotations

import re

from textual.await_complete import AwaitComplete
from textual.widgets import Markdown

from jury_tui.domain.applications import Application
from jury_tui.formatting import format_euro as euro
from jury_tui.i18n import t

# CommonMark lets any ASCII punctuation be escaped with a backslash: text that is not Markdown
# (the title, the figures, the headings of the form) is shown as typed.
_PUNCTUATION = re.compile(r"[!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~]")


def literal(text: str) -> str:
    """`text` as Markdown that shows exactly `text` (on one line)."""
    return _PUNCTUATION.sub(lambda match: "\\" + match.group(), " ".join(text.split()))


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
    """The text as the juror reads it: the title (bold), the key figures, the summary (italic),
    then each section under its heading. Only the summary and the section bodies are Markdown."""
    parts = [f"**{literal(application.title)}**", literal(key_figures(application))]
    if application.summary.strip():
        parts.append(f"*{' '.join(application.summary.split())}*")
    for section in application.sections:
        parts.append(f"## {literal(section.heading)}")
        parts.append(section.body)
    return "\n\n".join(parts)


class ApplicationText(Markdown):
    """The application's text, laid out by Textual's Markdown widget (headings, lists, emphasis,
    tables). Text from a file is Markdown at most, never Textual markup; links are not followed."""

    def __init__(self, **kwargs) -> None:
        super().__init__(open_links=False, **kwargs)

    def show(self, application: Application) -> AwaitComplete:
        return self.update(reading_markdown(application))
