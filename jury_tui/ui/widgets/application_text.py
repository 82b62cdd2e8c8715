"""The application as the juror reads it: title, key figures, summary and the form's sections."""

from __future__ import annotations

import re
from collections.abc import Sequence

from textual.await_complete import AwaitComplete
from textual.widgets import Markdown

from jury_tui.domain.applications import Application
from jury_tui.domain.criteria import EligibilityRule
from jury_tui.domain.eligibility import Outcome, check_eligibility
from jury_tui.formatting import format_euro as euro
from jury_tui.i18n import t
from jury_tui.reports.open_points import check_line

HARD_BREAK = "\\\n"  # a line break inside a Markdown paragraph

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


def eligibility_lines(application: Application, rules: Sequence[EligibilityRule]) -> list[str]:
    """The session's eligibility rules on the request, as information for the juror, in the chair's
    words: a line per rule not met or unknown ('ℹ niet voldaan: subsidie € 850.000 (max. € 800.000)')
    and a line saying it is information only; one quiet line when every rule is met; none without rules."""
    if not rules:
        return []
    checks = check_eligibility(application, list(rules))
    open_checks = [check for check in checks if check.outcome is not Outcome.MET]
    if not open_checks:
        return ["✓ " + t("ui.eligibility.all_met", count=len(checks))]
    lines = [f"ℹ {t(f'export.outcome.{check.outcome.value}')}: {check_line(check)}" for check in open_checks]
    return [*lines, t("ui.eligibility.info_only")]


def heading_markdown(application: Application, rules: Sequence[EligibilityRule] = ()) -> str:
    """The lines under the title: the key figures, the partner organisations, the eligibility lines."""
    lines = [key_figures(application)]
    if application.partners:
        lines.append(t("ui.facts.partners", names=" · ".join(application.partners)))
    lines += eligibility_lines(application, rules)
    return HARD_BREAK.join(literal(line) for line in lines)


def reading_markdown(application: Application, rules: Sequence[EligibilityRule] = ()) -> str:
    """The text as the juror reads it: the title (bold), the key figures, the partner organisations
    and the eligibility information (with `rules`), the summary (italic), then each section under
    its heading. Only the summary and the section bodies are Markdown."""
    parts = [f"**{literal(application.title)}**", heading_markdown(application, rules)]
    if application.summary.strip():
        parts.append(f"*{' '.join(application.summary.split())}*")
    for section in application.sections:
        parts.append(f"## {literal(section.heading)}")
        parts.append(section.body)
    return "\n\n".join(parts)


class ApplicationText(Markdown):
    """The application's text, laid out by Textual's Markdown widget (headings, lists, emphasis,
    tables). Text from a file is Markdown at most, never Textual markup; links are not followed."""

    def __init__(self, rules: Sequence[EligibilityRule] = (), **kwargs) -> None:
        """`rules`: the session's eligibility rules, shown per application as information (the juror's app)."""
        super().__init__(open_links=False, **kwargs)
        self.rules = tuple(rules)
        self.shown = 0  # how many times a text was shown: a search knows when its matches are stale
        self.rendering: AwaitComplete | None = None  # Markdown lays the text out off the event loop

    def show(self, application: Application) -> AwaitComplete:
        self.shown += 1
        self.rendering = self.update(self.markdown(application))
        return self.rendering

    def markdown(self, application: Application) -> str:
        """The Markdown shown for `application` (a follow-up round shows its report first: ProgressReportText)."""
        return reading_markdown(application, self.rules)

    @property
    def laid_out(self) -> bool:
        """The last text shown is in its blocks (a search can read them)."""
        return self.rendering is None or self.rendering.is_done
