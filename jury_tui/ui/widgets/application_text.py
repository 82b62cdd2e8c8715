"""The application as the juror reads it: title, key figures, summary and the form's sections."""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.widget import Widget

from jury_tui.domain.applications import Application
from jury_tui.formatting import format_euro as euro
from jury_tui.i18n import t
from jury_tui.ui.widgets.light_markdown import (
    Block,
    Heading,
    Paragraph,
    inline,
    layout,
    parse,
)


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


def reading_blocks(application: Application) -> list[Block]:
    """The text as the juror reads it: the title (bold), the key figures, the summary (italic),
    then each section under its heading. Only the section bodies are read as Markdown."""
    blocks: list[Block] = [
        Paragraph(Content.styled(application.title, "bold")),
        Paragraph(Content(key_figures(application))),
    ]
    if application.summary.strip():
        summary = " ".join(application.summary.split())
        blocks.append(Paragraph(inline(summary).stylize_before("italic")))
    for section in application.sections:
        blocks.append(Heading(2, Content(section.heading)))
        blocks.extend(parse(section.body))
    return blocks


class ApplicationText(Widget):
    """The text as one widget: switching applications and resizing stay fast, where Textual's
    Markdown widget mounts a widget per block (about 0.2 s per switch here), and the start avoids
    importing Rich's Markdown (markdown-it, pygments: about 50 ms) for the small subset the
    application texts use (see light_markdown).

    The blocks are laid out once per width and the lines kept: measuring the height and painting
    share that one layout. A line is turned into a strip (styles resolved) only when it is painted:
    most of a long text is never on screen."""

    DEFAULT_CSS = """
    ApplicationText {
        height: auto;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.blocks: list[Block] = []
        self._layout: tuple[int, list[Content]] | None = None
        self._strips: dict[int, Strip] = {}

    def show(self, application: Application) -> None:
        self.blocks = reading_blocks(application)
        self._layout = None
        self._strips.clear()
        self.refresh(layout=True)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # colours changed (theme, focus of an ancestor): render again

    def _content_lines(self, width: int) -> list[Content]:
        if self._layout is None or self._layout[0] != width:
            lines = layout(self.blocks, width) if self.blocks and width > 0 else []
            self._layout = (width, lines)
            self._strips.clear()
        return self._layout[1]

    def _strip(self, y: int, width: int) -> Strip:
        lines = self._content_lines(width)
        strip = self._strips.get(y)
        if strip is None:
            base = self.visual_style
            get_style = self._get_style
            segments = [
                Segment(text, (base + style).rich_style)
                for text, style in lines[y].render(base, end="", parse_style=get_style)
            ]
            strip = Strip(segments, lines[y].cell_length).extend_cell_length(width, base.rich_style)
            self._strips[y] = strip
        return strip

    def _lines(self, width: int) -> list[Strip]:
        """Every line as painted at `width`."""
        return [self._strip(y, width) for y in range(len(self._content_lines(width)))]

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._content_lines(width))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if 0 <= y < len(self._content_lines(width)):
            return self._strip(y, width)
        return Strip.blank(width, self.rich_style)
