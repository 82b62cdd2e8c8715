"""GridTable, the chair's light table, driven by keys and clicks as a user would (Textual Pilot).

What is checked is what shows: the lines the table draws (header, padded cells, justify, ellipsis,
the fixed first column), where the cursor is drawn and in which colours, and the messages Enter
and clicks post."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.color import Color
from textual.coordinate import Coordinate
from textual.widgets import Footer

from jury_tui.ui.widgets.grid_table import CellKey, GridTable, cell_segments

NUMBERS = ("a", "b", "c", "d")
LABEL_WIDTH = 12
NUMBER_WIDTH = 4


def label(row: int) -> str:
    return f"Aanvraag {row}"


def value(row: int, column: int) -> str:
    return str(row * 10 + column)


def row_line(row: int, columns: int = len(NUMBERS)) -> str:
    """A row as the table should draw it: one space either side of each cell, numbers right-justified."""
    return f" {label(row):<{LABEL_WIDTH}} " + "".join(f" {value(row, c):>{NUMBER_WIDTH}} " for c in range(columns))


class TableApp(App[None]):
    CSS = "GridTable { height: 1fr; }"

    def __init__(self, cursor_type: str = "cell", rows: int = 30, columns: int = len(NUMBERS)) -> None:
        super().__init__()
        self.cursor_type = cursor_type
        self.rows = rows
        self.columns = columns
        self.selected: list[tuple] = []

    def compose(self) -> ComposeResult:
        yield GridTable("Open", id="table", cursor_type=self.cursor_type)
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        table = self.table
        table.add_column("Name", key="name", width=LABEL_WIDTH)
        for column in range(self.columns):
            table.add_column(Text(f"N{column}", justify="right"), key=f"n{column}", width=NUMBER_WIDTH)
        for row in range(self.rows):
            numbers = [Text(value(row, column), justify="right") for column in range(self.columns)]
            table.add_row(Text(label(row)), *numbers, key=f"r{row}")
        table.focus()

    @property
    def table(self) -> GridTable:
        return self.query_one(GridTable)

    def on_grid_table_cell_selected(self, event: GridTable.CellSelected) -> None:
        self.selected.append(("cell", event.coordinate, event.cell_key))

    def on_grid_table_row_selected(self, event: GridTable.RowSelected) -> None:
        self.selected.append(("row", event.cursor_row, event.row_key))


def lines(table: GridTable) -> list[str]:
    """The lines shown, without the blanks at their ends."""
    return [table.render_line(y).text.rstrip() for y in range(table.scrollable_content_region.height)]


def highlighted(table: GridTable, y: int) -> str:
    """The characters of screen line y drawn in the cursor's background."""
    cursor = table.get_component_rich_style("grid-table--cursor").bgcolor
    line = table.render_line(y)
    return "".join(segment.text for segment in line if segment.style and segment.style.bgcolor == cursor)


async def test_draws_header_and_padded_rows():
    app = TableApp(rows=3)
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        shown = lines(app.table)
        header = f" {'Name':<{LABEL_WIDTH}} " + "".join(f" {f'N{c}':>{NUMBER_WIDTH}} " for c in range(len(NUMBERS)))
        assert shown[:4] == [header.rstrip(), row_line(0).rstrip(), row_line(1).rstrip(), row_line(2).rstrip()]
        assert shown[4:] == [""] * (len(shown) - 4)


async def test_cells_keep_their_justify_and_style_and_long_text_ends_in_an_ellipsis():
    app = TableApp(rows=1)
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        table = app.table
        table.add_row(Text("Een heel lange naam"), Text("7", style="bold white on red", justify="right"),
                      Text("12345678"), Text("x", justify="center"), key="long")
        await pilot.pause()
        line = table.render_line(2)
        assert line.text.startswith(" Een heel la… " + "    7 " + " 123… " + "  x   ")
        # A right-justified cell with a background fills its whole width, as rich draws it.
        red = [segment.text for segment in line if segment.style.bgcolor and segment.style.bgcolor.name == "red"]
        assert "".join(red) == "   7"
        assert table.get_cell("long", "name").plain == "Een heel lange naam"
        assert table.get_cell("long", "n3").plain == ""  # a short row: the missing cells are empty


def test_cell_segments_fit_the_width_exactly():
    def plain(text: Text, width: int) -> str:
        return "".join(segment.text for segment in cell_segments(text, width))

    assert plain(Text("3,7", justify="right"), 5) == "  3,7"
    assert plain(Text("abc"), 5) == "abc  "
    assert plain(Text("abcdef"), 4) == "abc…"
    assert plain(Text("✓✓✓"), 4) == "✓✓✓ "
    spanned = Text("✓") + Text("▼", style="bold red")
    assert [(segment.text, str(segment.style)) for segment in cell_segments(spanned, 3)] == [
        ("✓", "none"), ("▼", "bold red"), (" ", "None")]


async def test_cursor_moves_by_keys_and_stops_at_the_edges():
    app = TableApp()
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        table = app.table
        await pilot.press("up", "left")
        assert table.cursor_coordinate == Coordinate(0, 0)
        await pilot.press("down", "down", "right")
        assert table.cursor_coordinate == Coordinate(2, 1)
        await pilot.press(*["right"] * 10)
        assert table.cursor_coordinate == Coordinate(2, len(NUMBERS))
        await pilot.press("end")
        assert table.cursor_coordinate == Coordinate(29, len(NUMBERS))
        await pilot.press("down")
        assert table.cursor_row == 29
        await pilot.press("home")
        assert (table.cursor_row, table.cursor_column) == (0, len(NUMBERS))
        await pilot.press("pagedown")
        rows_shown = table.scrollable_content_region.height - 1
        assert table.cursor_row == rows_shown
        await pilot.press("pageup")
        assert table.cursor_row == 0


async def test_the_cursor_is_drawn_bright_with_focus_and_dim_without():
    app = TableApp()
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        table = app.table
        await pilot.press("down", "right")
        await pilot.pause()
        assert highlighted(table, 2) == f" {value(1, 0):>{NUMBER_WIDTH}} "
        assert highlighted(table, 1) == "", "the row the cursor left is drawn again"
        focused = table.get_component_rich_style("grid-table--cursor")
        theme = app.current_theme.to_color_system().generate()
        assert focused.bgcolor == Color.parse(theme["block-cursor-background"]).rich_color
        table.blur()
        await pilot.pause()
        blurred = table.get_component_rich_style("grid-table--cursor")
        assert blurred.bgcolor != focused.bgcolor
        assert highlighted(table, 2) == f" {value(1, 0):>{NUMBER_WIDTH}} "


async def test_a_row_cursor_highlights_the_whole_line():
    app = TableApp(cursor_type="row")
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        table = app.table
        await pilot.press("down", "right")
        await pilot.pause()
        assert table.cursor_row == 1
        width = table.scrollable_content_region.width
        assert highlighted(table, 2) == row_line(1).ljust(width)
        assert highlighted(table, 1) == ""


async def test_header_stays_on_top_and_the_cursor_in_view():
    app = TableApp()
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        table = app.table
        rows_shown = table.scrollable_content_region.height - 1
        await pilot.press(*["down"] * (rows_shown + 4))
        await pilot.pause()
        shown = lines(table)
        assert shown[0].startswith(" Name")
        assert shown[-1] == row_line(rows_shown + 4).rstrip(), "the cursor's row is the last line shown"
        assert shown[1] == row_line(5).rstrip()
        await pilot.press("end")
        await pilot.pause()
        assert lines(table)[-1] == row_line(29).rstrip() and lines(table)[0].startswith(" Name")
        await pilot.press("home")
        await pilot.pause()
        assert lines(table)[1] == row_line(0).rstrip()


async def test_first_column_stays_when_scrolled_sideways():
    app = TableApp(columns=8)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        table = app.table
        assert table.render_line(1).text.startswith(row_line(0, 8)[:40 - 3])
        await pilot.press(*["right"] * 8)
        await pilot.pause()
        assert table.scroll_offset.x > 0
        header, first = table.render_line(0).text, table.render_line(1).text
        assert header.startswith(" Name      ") and header.rstrip().endswith("N7")
        assert first.startswith(f" {label(0):<{LABEL_WIDTH}} ") and first.rstrip().endswith(value(0, 7))
        assert highlighted(table, 1) == f" {value(0, 7):>{NUMBER_WIDTH}} "
        await pilot.press(*["left"] * 8)
        await pilot.pause()
        assert table.scroll_offset.x == 0 and table.render_line(1).text.startswith(row_line(0, 8)[:37])


async def test_enter_selects_the_cell_under_the_cursor_and_is_the_only_key_shown():
    app = TableApp()
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        assert [(key.key_display, key.description) for key in app.query("FooterKey")] == [("⏎", "Open")]
        await pilot.press("down", "down", "right", "right", "enter")
        await pilot.pause()
        assert app.selected == [("cell", Coordinate(2, 2), CellKey("r2", "n1"))]
        assert app.table.coordinate_to_cell_key(app.table.cursor_coordinate).row_key == "r2"


async def test_enter_selects_the_row_with_a_row_cursor():
    app = TableApp(cursor_type="row")
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.selected == [("row", 1, "r1")]


async def test_a_click_moves_the_cursor_and_a_click_on_it_selects():
    app = TableApp()
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        table = app.table
        x = 1 + LABEL_WIDTH + 1 + (NUMBER_WIDTH + 2) + 2  # inside column n1
        await pilot.click(GridTable, offset=(x, 0))  # the header: nothing happens
        await pilot.pause()
        assert table.cursor_coordinate == Coordinate(0, 0) and app.selected == []
        await pilot.click(GridTable, offset=(x, 3))
        await pilot.pause()
        assert table.cursor_coordinate == Coordinate(2, 2) and app.selected == []
        await pilot.click(GridTable, offset=(x, 3))
        await pilot.pause()
        assert app.selected == [("cell", Coordinate(2, 2), CellKey("r2", "n1"))]
        await pilot.press("pagedown")
        await pilot.pause()
        top = table.scroll_offset.y
        assert top > 0
        await pilot.click(GridTable, offset=(2, 1))  # the first row shown, after scrolling
        await pilot.pause()
        assert table.cursor_coordinate == Coordinate(top, 0)


async def test_clear_keeps_the_columns():
    app = TableApp(rows=5)
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        table = app.table
        await pilot.press("down", "down")
        table.clear()
        assert table.row_count == 0 and table.cursor_coordinate == Coordinate(0, 0)
        await pilot.press("enter")
        await pilot.pause()
        assert app.selected == []
        table.add_row(Text(label(7)), *[Text(value(7, c), justify="right") for c in range(len(NUMBERS))], key="r7")
        await pilot.pause()
        shown = lines(table)
        assert shown[0].startswith(" Name") and shown[1:3] == [row_line(7).rstrip(), ""]


async def test_rows_added_at_once_are_all_reachable():
    """A screen fills the table in one call (add_rows): the size is set once, and every row is
    shown and reachable by keys; a key used twice is refused."""
    app = TableApp(rows=0)
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        table = app.table
        table.add_rows((f"r{row}", [Text(label(row)), *[Text(value(row, c), justify="right") for c in range(len(NUMBERS))]])
                       for row in range(40))
        await pilot.pause()
        assert table.row_count == 40 and lines(table)[1] == row_line(0).rstrip()
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == 39 and row_line(39).rstrip() in lines(table)
        try:
            table.add_rows([("r3", [Text("again")])])
        except ValueError:
            pass
        else:
            raise AssertionError("a duplicate row key was accepted")
        assert table.row_count == 40
