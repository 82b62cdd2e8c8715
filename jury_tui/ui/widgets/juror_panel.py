"""The jurors on one criterion, in the chair's detail screen: per juror a row with the name, the
score and the motivation side by side, the advisory members under a heading of their own.

One widget that draws its lines itself. The panel used to be a row of three Statics per juror (and
a heading Static); with 25 jurors Textual laid out 75 wrapped Statics on every change of application
or criterion, which made each such key press take about twice as long as with 7 jurors. Here the
screen hands over all rows at once. The widget lays them out once per content and width: names and
scores are wrapped then (and kept: they seldom change), motivations only counted, and a row's
motivation is wrapped the first time the row comes into view; only the lines in view are drawn.

It looks as the Statics did: the name in 18 cells and a space (muted, wrapped when long), the score
in 3 (bold), the motivation wrapped in the rest of the width; a blank line and the heading before
the advisory members, no heading when there are none. Texts are textual Content whose styles may
use theme variables ("$text-muted"); they resolve as in a Static, the columns' own colours come from
the component classes below. It never takes focus (every key stays the screen's); the screen
scrolls it (PageUp/PageDown), and the mouse wheel does. Text can be selected with the mouse and
copied as in a Static: lines as drawn, a motivation wrapped over several lines as one line again.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions

NAME_WIDTH = 19  # 18 cells of name and one space, as the old row's name column with its padding
SCORE_WIDTH = 3
MOTIVATION_START = NAME_WIDTH + SCORE_WIDTH

# Wrapping rules: those of a Static without text-wrap / text-overflow / text-align rules.
DEFAULT_RULES: dict[str, object] = {}


class JurorLine(NamedTuple):
    """One juror's row as the screen wants it shown."""

    name: str
    score: Content
    motivation: Content


class Look(NamedTuple):
    """The styles the panel is drawn in, from its CSS (they change with the theme)."""

    text: Style  # the motivation, and the base of the others
    name: Style
    score: Style
    heading: Style
    pad: RichStyle  # what fills a column beyond its text: the background only


def content_key(content: Content) -> tuple:
    """What makes two contents draw the same (Content's == compares the text only)."""
    return content.plain, tuple(content.spans)


class Block:
    """A juror's row, or the advisory heading with its margin: its first line in the panel, its
    number of lines, and the lines themselves once drawn. A juror's name and score are wrapped when
    the panel is laid out, the motivation only counted: it is wrapped when the row comes into view."""

    __slots__ = ("start", "height", "row", "name", "score", "lines", "plain")

    def __init__(self, start: int, height: int, row: JurorLine | None = None, name: list[Strip] | None = None,
                 score: list[Strip] | None = None) -> None:
        self.start = start
        self.height = height
        self.row = row
        self.name = name or []
        self.score = score or []
        self.lines: list[Strip] | None = None
        self.plain: list[str] = []


class JurorPanel(ScrollView, can_focus=False):
    """Jurors' names, scores and motivations, voting members first, then the advisory ones."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"juror-panel--name", "juror-panel--score", "juror-panel--heading"}
    DEFAULT_CSS = """
    JurorPanel {
        overflow-x: hidden;
        overflow-y: auto;
        & > .juror-panel--name { color: $text-muted; }
        & > .juror-panel--score { text-style: bold; }
        & > .juror-panel--heading { color: $text-accent; text-style: bold; }
    }
    """

    def __init__(self, advisory_heading: str, *, name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.advisory_heading = advisory_heading
        self._voting: tuple[JurorLine, ...] = ()
        self._advisory: tuple[JurorLine, ...] = ()
        self._shown: tuple | None = None  # keys of what is shown, to skip the same rows again
        self._width: int | None = None  # the width the blocks were laid out for; None: to lay out
        self._blocks: list[Block] = []
        self._starts: list[int] = []  # each block's first line, to find the block of a line
        # Names, scores and heading wrapped in the last layout, by (style name, width, content
        # key): the next layout takes what did not change from here.
        self._pieces: dict[tuple, list[Strip]] = {}
        self._look: Look | None = None

    # --- content -----------------------------------------------------------------------------
    def show_rows(self, voting: Sequence[JurorLine], advisory: Sequence[JurorLine] = ()) -> None:
        """Show these rows (in this order) in place of the ones shown; the same rows again cost nothing."""
        shown = (len(voting), *((row.name, content_key(row.score), content_key(row.motivation)) for row in (*voting, *advisory)))
        if shown == self._shown:
            return
        self._shown = shown
        self._voting, self._advisory = tuple(voting), tuple(advisory)
        self._width = None
        self._fit()
        self.refresh()

    @property
    def plain_lines(self) -> list[str]:
        """Every line of the panel as text, without trailing spaces (for tests and screen readers)."""
        self._ensure_layout()
        return [line.rstrip() for block in self._blocks[:-1] for line in self._drawn(block).plain]

    # --- layout ------------------------------------------------------------------------------
    def _fit(self) -> None:
        """Lay the rows out for the width they will have: the whole width if they fit in the height,
        else beside the scrollbar (wrapping narrower gives no fewer lines, so this settles at once)."""
        region = self.scrollable_content_region
        if region.width <= 0:
            return  # not laid out yet: on_resize comes back here
        full = region.width + self.scrollbar_size_vertical
        narrow = full - self.styles.scrollbar_size_vertical
        overflow = self.styles.overflow_y
        if overflow == "scroll":
            self._layout(narrow)
        elif overflow != "auto":
            self._layout(full)
        elif self.show_vertical_scrollbar:
            # Most likely the rows still need the scrollbar: try that width first.
            if self._layout(narrow) <= region.height:
                self._layout(full)
        elif self._layout(full) > region.height:
            self._layout(narrow)

    def _ensure_layout(self) -> None:
        width = self.scrollable_content_region.width
        if width > 0 and width != self._width:
            self._layout(width)

    def _wrap(self, content: Content, width: int, style_name: str) -> list[Strip]:
        """The content wrapped in `width` cells as a Static draws it, in one of the look's styles,
        each line filled to the width with the background."""
        if width <= 0:
            return []
        look = self._current_look()
        options = RenderOptions(self._get_style, DEFAULT_RULES)
        return [strip.adjust_cell_length(width, look.pad)
                for strip in content.render_strips(width, None, getattr(look, style_name), options)]

    def _layout(self, width: int) -> int:
        """Split the panel into blocks for this width; the number of lines. Names and scores are
        wrapped now (short, and mostly the same as last time), motivations only counted."""
        pieces: dict[tuple, list[Strip]] = {}

        def piece(content: Content, column_width: int, style_name: str) -> list[Strip]:
            key = (style_name, column_width, content_key(content))
            strips = pieces.get(key) or self._pieces.get(key)
            if strips is None:
                # The name keeps one cell free after it, as the old name column's padding.
                strips = self._wrap(content, column_width - 1 if style_name == "name" else column_width, style_name)
                if style_name == "name":
                    strips = [strip.extend_cell_length(column_width, self._current_look().pad) for strip in strips]
            pieces[key] = strips
            return strips

        self._width = width
        motivation_width = width - MOTIVATION_START
        blocks: list[Block] = []
        line = 0

        def add_rows(rows: Sequence[JurorLine]) -> None:
            nonlocal line
            for row in rows:
                name = piece(Content(row.name), NAME_WIDTH, "name")
                score = piece(row.score, SCORE_WIDTH, "score")
                text = row.motivation.get_height(DEFAULT_RULES, motivation_width) if motivation_width > 0 else 0
                height = max(1, len(name), len(score), text)
                blocks.append(Block(line, height, row, name, score))
                line += height

        add_rows(self._voting)
        if self._advisory:
            heading = self._set_lines(Block(line, 0), [Strip.blank(width, self._current_look().pad),  # its margin
                                                       *piece(Content(self.advisory_heading), width, "heading")])
            heading.height = len(heading.lines or ())
            blocks.append(heading)
            line += heading.height
            add_rows(self._advisory)
        blocks.append(self._set_lines(Block(line, 0), []))  # after the last line: every line finds its block
        self._pieces = pieces
        self._blocks = blocks
        self._starts = [block.start for block in blocks]
        self.virtual_size = Size(width, line)
        return line

    def _set_lines(self, block: Block, lines: list[Strip]) -> Block:
        width = self._width or 0
        # Narrower than the name and score columns: cut, as the old row was.
        block.lines = [line.crop(0, width) if line.cell_length > width else line for line in lines]
        block.plain = ["".join(segment.text for segment in line) for line in block.lines]
        return block

    def _drawn(self, block: Block) -> Block:
        """The block with its lines and their text (a juror's row is drawn the first time it is needed)."""
        if block.lines is None:
            assert block.row is not None
            width, look = self._width or 0, self._current_look()
            columns = (block.name, block.score, self._wrap(block.row.motivation, width - MOTIVATION_START, "text"))
            widths = (NAME_WIDTH, SCORE_WIDTH, max(0, width - MOTIVATION_START))
            self._set_lines(block, [Strip.join([column[index] if index < len(column) else Strip.blank(column_width, look.pad)
                                                for column, column_width in zip(columns, widths)])
                                    for index in range(block.height)])
        return block

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    # --- drawing -----------------------------------------------------------------------------
    def notify_style_update(self) -> None:
        super().notify_style_update()
        # The theme or CSS may have changed the colours: lay out again on the next draw.
        self._look = None
        self._pieces = {}
        self._width = None
        self.refresh()

    def _current_look(self) -> Look:
        if self._look is None:
            # The same styles a Static would get as a child here, with the column's CSS.
            text = self.visual_style
            self._look = Look(text, self.get_visual_style("juror-panel--name"), self.get_visual_style("juror-panel--score"),
                              self.get_visual_style("juror-panel--heading"), text.background_style.rich_style)
        return self._look

    def _line(self, index: int) -> tuple[Strip, str] | None:
        """Line `index` of the panel and its text; None past the end."""
        if not 0 <= index < (self._starts[-1] if self._starts else 0):
            return None
        block = self._drawn(self._blocks[bisect_right(self._starts, index) - 1])
        offset = index - block.start
        return block.lines[offset], block.plain[offset]

    def render_line(self, y: int) -> Strip:
        self._ensure_layout()
        index = self.scroll_offset.y + y
        found = self._line(index)
        if found is None:
            return Strip.blank(self.scrollable_content_region.width, self._current_look().pad)
        line, plain = found
        selection = self.text_selection
        if selection is not None and (span := selection.get_span(index)) is not None:
            line = self._select(line, plain, *span)
        return line.apply_offsets(0, index)

    # --- selection ---------------------------------------------------------------------------
    def _select(self, line: Strip, plain: str, start: int, end: int) -> Strip:
        """The line with characters start..end (end -1: to the end) in the screen's selection style."""
        end = len(plain) if end == -1 else min(end, len(plain))
        if start >= end:
            return line
        first, last = cell_len(plain[:start]), cell_len(plain[:end])
        before, selected, after = line.divide([first, last, line.cell_length])
        style = self.screen.get_component_rich_style("screen--selection")
        selected = Strip(Segment.apply_style(selected, post_style=style), selected.cell_length)
        return Strip.join([before, selected, after])

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected text as drawn, except that a motivation wrapped over several lines comes out
        as one line again (as it was written, and as a Static gave it)."""
        self._ensure_layout()
        parts: list[str] = []
        for block in self._blocks[:-1]:
            block = self._drawn(block)
            for offset, plain in enumerate(block.plain):
                span = selection.get_span(block.start + offset)
                if span is None:
                    continue
                start, end = span
                text = (plain[start:] if end == -1 else plain[start:end]).rstrip()
                # A juror's line under the first with only motivation text: the same motivation goes on.
                if parts and offset and block.row is not None and not plain[:MOTIVATION_START].strip():
                    parts[-1] = f"{parts[-1]} {text.lstrip()}".rstrip()
                else:
                    parts.append(text)
        return "\n".join(parts), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()
