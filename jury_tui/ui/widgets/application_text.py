"""The application as the juror reads it: title, key figures, summary and the form's sections."""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.widget import Widget

from jury_tui.domain.applications import Application
from jury_tui.formatting import format_euro as euro
from jury_tui.i18n import t
from jury_tui.ui import messages as _messages  # noqa: F401
from jury_tui.ui.widgets.light_markdown import Block, Heading, Paragraph, inline, layout, parse


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
    share that one rendering."""

    DEFAULT_CSS = """
    ApplicationText {
        height: auto;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.blocks: list[Block] = []
        self._rendered: tuple[int, list[Strip]] | None = None

    def show(self, application: Application) -> None:
        self.blocks = reading_blocks(application)
        self._rendered = None
        self.refresh(layout=True)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._rendered = None  # colours changed (theme, focus of an ancestor): render again

    def _lines(self, width: int) -> list[Strip]:
        if self._rendered is None or self._rendered[0] != width:
            strips: list[Strip] = []
            if self.blocks and width > 0:
                base = self.visual_style
                get_style = self._get_style
                pad_style = base.rich_style
                for line in layout(self.blocks, width):
                    segments = [
                        Segment(text, (base + style).rich_style)
                        for text, style in line.render(base, end="", parse_style=get_style)
                    ]
                    strips.append(Strip(segments, line.cell_length).extend_cell_length(width, pad_style))
            self._rendered = (width, strips)
        return self._rendered[1]

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._lines(width))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        lines = self._lines(width)
        return lines[y] if 0 <= y < len(lines) else Strip.blank(width, self.rich_style)
