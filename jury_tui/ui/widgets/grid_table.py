"""A table of one-line rows drawn line by line: the chair's overview and ranking.

Textual's DataTable pushes every cell through rich (Padding, Styled, Console.render_lines); for the
overview's 20 × 11 cells its first drawing alone took about 0.16 s of CPU at the chair's start. This
widget turns each cell into segments once, styles a row's cells into strips once per cursor
position and colour scheme, and draws a line on screen as that row cut to the visible columns (a
few milliseconds for the whole overview).

It offers what the chair used of DataTable, under the same names: columns of a fixed width with one
space either side, cells as rich Text (their own style and justify; too long: cut with an
ellipsis), a header row that stays on top, a first column that stays at the left when scrolled
sideways, a cell or row cursor in the block-cursor colours (dimmer without focus), moved by keys or
a click, and Enter (or a click on the cursor) to select. Enter is the only key shown in the key
line, under the label the screen gives.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import ClassVar, Literal, NamedTuple

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.coordinate import Coordinate
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

CursorType = Literal["cell", "row"]

PADDING = 1  # spaces either side of a cell, as DataTable's cell_padding
HEADER = -1  # the header's row index in the strip cache
WHOLE_ROW = -1  # the highlighted "column" of a row cursor
JUSTIFIED = ("left", "center", "right", "full")  # justify values whose padding takes the text's style


class CellKey(NamedTuple):
    row_key: str
    column_key: str


class Look(NamedTuple):
    """The styles a table is drawn in, from its CSS (they change with focus and theme)."""

    base: Style  # rows
    header: Style
    cursor: Style  # a cursor cell's style under its text
    cursor_post: Style  # ... and over it
    header_fill: Style  # the header beyond the last column
    row_fill: Style  # a row beyond the last column


class Column(NamedTuple):
    key: str
    label: Text
    width: int  # of the text; the column takes width + 2 × PADDING cells


def as_style(style: str | Style) -> Style:
    return style if isinstance(style, Style) else Style.parse(style) if style else Style.null()


def text_segments(text: Text) -> list[Segment]:
    """The text as segments, each with the text's own style plus those of the spans over it."""
    plain = text.plain
    base = as_style(text.style)
    spans = [span for span in text.spans if span.start < span.end]
    if not spans:
        return [Segment(plain, base)] if plain else []
    cuts = sorted({0, len(plain), *(min(edge, len(plain)) for span in spans for edge in (span.start, span.end))})
    segments = []
    for start, end in zip(cuts, cuts[1:]):
        style = base
        for span in spans:  # in order: a later span wins, as in rich
            if span.start <= start and end <= span.end:
                style += as_style(span.style)
        segments.append(Segment(plain[start:end], style))
    return segments


def cell_segments(text: Text, width: int) -> list[Segment]:
    """The cell's text in exactly `width` cells: cut with an ellipsis when too long, padded as its
    justify says. As rich does it, the padding of justified text carries the text's style (a right-
    justified number on red is red over the whole cell), that of unjustified text does not."""
    if width <= 0:
        return []
    if "\n" in text.plain:
        text = text.split("\n")[0]
    length = text.cell_len
    if length > width:
        text = text.copy()
        text.truncate(width, overflow="ellipsis")
        length = text.cell_len
    segments = text_segments(text)
    room = width - length
    if room:
        justify = text.justify
        pad_style = as_style(text.style) if justify in JUSTIFIED else None
        left = room if justify == "right" else room // 2 if justify == "center" else 0
        if left:
            segments.insert(0, Segment(" " * left, pad_style))
        if room - left:
            segments.append(Segment(" " * (room - left), pad_style))
    return segments


class GridTable(ScrollView, can_focus=True):
    """Rows of rich Text cells under a fixed header, with a cell or row cursor."""

    ALLOW_SELECT = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", show=False),
        Binding("down", "cursor_down", show=False),
        Binding("left", "cursor_left", show=False),
        Binding("right", "cursor_right", show=False),
        Binding("pageup", "page_up", show=False),
        Binding("pagedown", "page_down", show=False),
        # Home/End: the first and last row (DataTable's go to the first and last column; the chair
        # looks for applications, and Ctrl+Home/End still work as in DataTable).
        Binding("home,ctrl+home", "first_row", show=False),
        Binding("end,ctrl+end", "last_row", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"grid-table--header", "grid-table--cursor"}
    # DataTable's colours (Textual 8), so the screens look as they did.
    DEFAULT_CSS = """
    GridTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;
        &:focus {
            background-tint: $foreground 5%;
            & > .grid-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .grid-table--header {
                background-tint: $foreground 5%;
            }
        }
        & > .grid-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .grid-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .grid-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    class CellSelected(Message):
        """Enter on the cell cursor, or a click on it."""

        def __init__(self, table: GridTable, coordinate: Coordinate, cell_key: CellKey) -> None:
            super().__init__()
            self.table = table
            self.coordinate = coordinate
            self.cell_key = cell_key

        @property
        def control(self) -> GridTable:
            return self.table

    class RowSelected(Message):
        """Enter on the row cursor, or a click on it."""

        def __init__(self, table: GridTable, cursor_row: int, row_key: str) -> None:
            super().__init__()
            self.table = table
            self.cursor_row = cursor_row
            self.row_key = row_key

        @property
        def control(self) -> GridTable:
            return self.table

    def __init__(self, enter_label: str | None = None, *, cursor_type: CursorType = "cell", name: str | None = None,
                 id: str | None = None, classes: str | None = None, disabled: bool = False) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.cursor_type: CursorType = cursor_type
        if enter_label is not None:
            # Per instance (the bindings map is the widget's own copy): the screen names what Enter does.
            self._bindings._add_binding(Binding("enter", "select_cursor", enter_label, key_display="⏎"))
        else:
            self._bindings._add_binding(Binding("enter", "select_cursor", show=False))
        self._columns: list[Column] = []
        self._starts: list[int] = []  # each column's first cell, from the table's left edge
        self._column_index: dict[str, int] = {}
        self._rows: list[tuple[str, list[Text]]] = []
        self._row_index: dict[str, int] = {}
        self._cursor = Coordinate(0, 0)
        # Per row (HEADER for the header): its cells as segments, then the row drawn as (what the
        # cursor highlights in it, first column, the other columns, style of the line beyond).
        # The latter is checked against the cursor on use, so moving it redraws only two rows.
        self._cells: dict[int, list[list[Segment]]] = {}
        self._strips: dict[int, tuple[int | None, Strip, Strip, Style]] = {}
        self._look: Look | None = None  # the styles now; None after a style update
        self._drawn_look: Look | None = None  # the styles the strips were drawn in

    # --- content -----------------------------------------------------------------------------
    def add_column(self, label: str | Text, key: str, width: int) -> str:
        self._column_index[key] = len(self._columns)
        self._starts.append(self._table_width)
        self._columns.append(Column(key, Text(label) if isinstance(label, str) else label, width))
        self._cells.clear()
        self._strips.clear()
        self._update_size()
        return key

    def add_row(self, *cells: Text | str, key: str) -> str:
        self.add_rows([(key, cells)])
        return key

    def add_rows(self, rows: Iterable[tuple[str, Sequence[Text | str]]]) -> None:
        """Rows of (key, cells) at the end; the table's size is set once (setting it lays the
        widget out again: row by row, 1000 rows took 0.16 s)."""
        added = [(key, [Text(cell) if isinstance(cell, str) else cell for cell in cells]) for key, cells in rows]
        keys = [key for key, _ in added]
        if len(set(keys)) < len(keys) or not self._row_index.keys().isdisjoint(keys):
            raise ValueError("a row key is already in the table")
        for key, cells in added:
            self._row_index[key] = len(self._rows)
            self._rows.append((key, cells))
        if added:
            self._update_size()
            self.refresh()

    def clear(self) -> None:
        """Remove every row (the columns stay); the cursor goes back to the first cell."""
        self._rows.clear()
        self._row_index.clear()
        self._cells = {HEADER: self._cells[HEADER]} if HEADER in self._cells else {}
        self._strips = {HEADER: self._strips[HEADER]} if HEADER in self._strips else {}
        self._cursor = Coordinate(0, 0)
        self._update_size()
        self.refresh()

    @property
    def _table_width(self) -> int:
        return sum(column.width + 2 * PADDING for column in self._columns)

    @property
    def _fixed_width(self) -> int:
        """Width of the first column, which stays when the others scroll sideways."""
        return self._columns[0].width + 2 * PADDING if self._columns else 0

    def _update_size(self) -> None:
        self.virtual_size = Size(self._table_width, len(self._rows) + 1)

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def get_cell(self, row_key: str, column_key: str) -> Text:
        cells = self._rows[self._row_index[row_key]][1]
        column = self._column_index[column_key]
        return cells[column] if column < len(cells) else Text()

    def coordinate_to_cell_key(self, coordinate: Coordinate) -> CellKey:
        row, column = coordinate
        if not (0 <= row < len(self._rows) and 0 <= column < len(self._columns)):
            raise IndexError(f"no cell at {coordinate}")
        return CellKey(self._rows[row][0], self._columns[column].key)

    # --- cursor ------------------------------------------------------------------------------
    @property
    def cursor_coordinate(self) -> Coordinate:
        return self._cursor

    @cursor_coordinate.setter
    def cursor_coordinate(self, coordinate: Coordinate) -> None:
        self.move_cursor(row=coordinate.row, column=coordinate.column)

    @property
    def cursor_row(self) -> int:
        return self._cursor.row

    @property
    def cursor_column(self) -> int:
        return self._cursor.column

    def move_cursor(self, row: int | None = None, column: int | None = None, animate: bool = False,
                    scroll: bool = True) -> None:
        """Put the cursor on (row, column), kept inside the table; None keeps that part as it is.
        `animate` is accepted for DataTable's callers: the table scrolls at once."""
        old = self._cursor
        row = old.row if row is None else row
        column = old.column if column is None else column
        new = Coordinate(max(0, min(row, len(self._rows) - 1)), max(0, min(column, len(self._columns) - 1)))
        self._cursor = new
        if new != old:
            self.refresh_line(old.row + 1)
            self.refresh_line(new.row + 1)
        if scroll:
            self._scroll_to_cursor()

    def _page_height(self) -> int:
        """Rows visible under the header."""
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_to_cursor(self) -> None:
        region = self.scrollable_content_region
        if not self._rows or region.height < 2:
            return  # not laid out yet: on_resize comes back here
        row, column = self._cursor
        x, y = self.scroll_offset
        rows = region.height - 1
        if row < y:
            y = row
        elif row >= y + rows:
            y = row - rows + 1
        if self.cursor_type == "cell" and column > 0:
            # Positions in the part that scrolls sideways, right of the fixed first column.
            fixed = self._fixed_width
            start = self._starts[column] - fixed
            end = start + self._columns[column].width + 2 * PADDING
            room = region.width - fixed
            if end > x + room:
                x = end - room
            if start < x:
                x = start
        self.scroll_to(x=x, y=y, animate=False, force=True)

    def on_resize(self, event: events.Resize) -> None:
        self._scroll_to_cursor()

    # --- drawing -----------------------------------------------------------------------------
    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Focus, theme or CSS may have changed the colours; _current_look tells on the next draw.
        self._look = None
        self.refresh()

    def _current_look(self) -> Look:
        if self._look is None:
            base = self.rich_style
            header = self.get_component_rich_style("grid-table--header")
            cursor = self.get_component_rich_style("grid-table--cursor")
            if self.cursor_type == "row":
                fills = (header, base)
            else:
                fills = (self._faded(header), self._faded(base))
            # On the cursor its colour wins over the cell's own; a cell's background stays.
            look = Look(base, header, base + cursor, Style.from_color(cursor.color), *fills)
            if look != self._drawn_look:
                self._strips.clear()
            self._look = self._drawn_look = look
        return self._look

    def _faded(self, style: Style) -> Style:
        """Right of the last column, with a cell cursor: the row's colours without text style, its
        background a quarter of the way to the table's (as DataTable draws it)."""
        if style.bgcolor is None:
            return Style.from_color(style.color)
        faded = Color.from_rich_color(style.bgcolor).blend(self.background_colors[1], factor=0.25)
        return Style.from_color(style.color, faded.rich_color)

    def _highlight(self, row: int) -> int | None:
        """What the cursor highlights in this row: a column, WHOLE_ROW, or None."""
        if row == HEADER or row != self._cursor.row:
            return None
        return WHOLE_ROW if self.cursor_type == "row" else self._cursor.column

    def _cell_segments(self, row: int) -> list[list[Segment]]:
        """Each cell of the row as segments with its padding, in the cell's own styles only: kept
        until the row goes, so the cursor or the focus moving only restyles them."""
        cells = self._cells.get(row)
        if cells is None:
            texts = [column.label for column in self._columns] if row == HEADER else self._rows[row][1]
            pad = Segment(" " * PADDING)
            cells = [[pad, *cell_segments(texts[index] if index < len(texts) else Text(), column.width), pad]
                     for index, column in enumerate(self._columns)]
            self._cells[row] = cells
        return cells

    def _row_strips(self, row: int) -> tuple[Strip, Strip, Style]:
        """The row as two strips (the first column, the others) and the style of the line beyond."""
        look = self._current_look()
        highlight = self._highlight(row)
        cached = self._strips.get(row)
        if cached is not None and cached[0] == highlight:
            return cached[1], cached[2], cached[3]
        base, fill = (look.header, look.header_fill) if row == HEADER else (look.base, look.row_fill)
        apply_style = Segment.apply_style
        parts = []
        for index, cell in enumerate(self._cell_segments(row)):
            if highlight in (index, WHOLE_ROW):
                parts.append(list(apply_style(cell, look.cursor, look.cursor_post)))
            else:
                parts.append(list(apply_style(cell, base)))
        if highlight == WHOLE_ROW:
            fill = look.cursor
        fixed_width = self._fixed_width
        fixed = Strip(parts[0] if parts else [], fixed_width)
        rest = Strip([segment for part in parts[1:] for segment in part], self._table_width - fixed_width)
        self._strips[row] = (highlight, fixed, rest, fill)
        return fixed, rest, fill

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        scroll_x, scroll_y = self.scroll_offset
        row = HEADER if y == 0 else y - 1 + scroll_y
        if not self._columns or row >= len(self._rows):
            return Strip.blank(width, self._current_look().base)
        fixed, rest, fill = self._row_strips(row)
        shown = rest.crop(scroll_x, scroll_x + max(0, width - fixed.cell_length))
        return Strip.join([fixed, shown]).adjust_cell_length(width, fill)

    # --- keys and mouse ----------------------------------------------------------------------
    def action_cursor_up(self) -> None:
        self.move_cursor(row=self._cursor.row - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(row=self._cursor.row + 1)

    def action_cursor_left(self) -> None:
        if self.cursor_type == "row":
            self.action_scroll_left()
        else:
            self.move_cursor(column=self._cursor.column - 1)

    def action_cursor_right(self) -> None:
        if self.cursor_type == "row":
            self.action_scroll_right()
        else:
            self.move_cursor(column=self._cursor.column + 1)

    def action_page_up(self) -> None:
        page = self._page_height()
        self.scroll_to(y=self.scroll_offset.y - page, animate=False, force=True)
        self.move_cursor(row=self._cursor.row - page)

    def action_page_down(self) -> None:
        page = self._page_height()
        self.scroll_to(y=self.scroll_offset.y + page, animate=False, force=True)
        self.move_cursor(row=self._cursor.row + page)

    def action_first_row(self) -> None:
        self.move_cursor(row=0)

    def action_last_row(self) -> None:
        self.move_cursor(row=len(self._rows) - 1)

    def action_select_cursor(self) -> None:
        if not self._rows or not self._columns:
            return
        key = self.coordinate_to_cell_key(self._cursor)
        if self.cursor_type == "row":
            self.post_message(self.RowSelected(self, self._cursor.row, key.row_key))
        else:
            self.post_message(self.CellSelected(self, self._cursor, key))

    def _coordinate_at(self, x: int, y: int) -> Coordinate | None:
        """The cell under a point of the content area; None on the header or outside the table (a
        row cursor takes the whole line)."""
        scroll_x, scroll_y = self.scroll_offset
        row = y - 1 + scroll_y
        if y < 1 or row >= len(self._rows) or not self._columns:
            return None
        fixed = self._fixed_width
        table_x = x if x < fixed else x + scroll_x
        if table_x >= self._table_width:
            return Coordinate(row, self._cursor.column) if self.cursor_type == "row" else None
        return Coordinate(row, bisect_right(self._starts, table_x) - 1)

    def on_click(self, event: events.Click) -> None:
        """As DataTable: a click moves the cursor there; a click on the cursor selects it."""
        offset = event.get_content_offset(self)
        coordinate = None if offset is None else self._coordinate_at(offset.x, offset.y)
        if coordinate is None:
            return
        event.stop()
        on_cursor = coordinate.row == self._cursor.row if self.cursor_type == "row" else coordinate == self._cursor
        if on_cursor:
            self.action_select_cursor()
        else:
            self.move_cursor(row=coordinate.row, column=coordinate.column)
