"""The application as the juror reads it: title, key figures, summary and the form's sections."""

from __future__ import annotations

from textual.strip import Strip
from textual.widget import Widget

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


class ApplicationText(Widget):
    """The text as one widget (a Rich Markdown rendering): switching applications and resizing stay
    fast, where Textual's Markdown widget mounts a widget per block (about 0.2 s per switch here).

    The Markdown is rendered once per width and the lines kept: measuring the height and painting
    share that one rendering (a Static would render the whole text for each)."""

    DEFAULT_CSS = """
    ApplicationText {
        height: auto;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.source = ""
        self._markdown = None
        self._rendered: tuple[int, list[Strip]] | None = None

    def show(self, application: Application) -> None:
        from rich.markdown import Markdown

        self.source = reading_markdown(application)
        self._markdown = Markdown(self.source, hyperlinks=False)
        self._rendered = None
        self.refresh(layout=True)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._rendered = None  # colours changed (theme, focus of an ancestor): render again

    def _lines(self, width: int) -> list[Strip]:
        if self._rendered is None or self._rendered[0] != width:
            lines: list[Strip] = []
            if self._markdown is not None and width > 0:
                console = self.app.console
                options = self.app.console_options.update(width=width, height=None, highlight=False)
                rendered = console.render_lines(self._markdown, options, style=self.rich_style, pad=True)
                lines = [Strip(line, width) for line in rendered]
            self._rendered = (width, lines)
        return self._rendered[1]

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._lines(width))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        lines = self._lines(width)
        return lines[y] if 0 <= y < len(lines) else Strip.blank(width, self.rich_style)
