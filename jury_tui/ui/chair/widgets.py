"""Small widgets shared by the chair's screens."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, NamedTuple

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable, Static, TextArea

from jury_tui.i18n import t
from jury_tui.ui.chair.keys import MODES

TAB_KEYS = {"overview": "o", "detail": "d", "ranking": "b", "calibration": "k"}


def tabs_line(active: str, follow_up: bool = False) -> Content:
    """The screens as tabs; in a follow-up round the budget's tab is the portfolio's."""
    parts: list[Content | str | tuple[str, str]] = []
    for mode in MODES:
        if parts:
            parts.append(("│", "$text-muted"))
        name = t("follow_up.chair.key.portfolio") if follow_up and mode == "ranking" else t(f"chair.ui.tab.{mode}")
        label = f" {TAB_KEYS[mode]} {name} "
        parts.append((label, "bold reverse $accent" if mode == active else "$text-muted"))
    return Content.assemble(*parts)


class TopBar(Horizontal):
    """The screens as tabs (with their keys) on the left, the save status on the right."""

    DEFAULT_CSS = """
    TopBar { height: 1; background: $panel; }
    TopBar > #tabs { width: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    TopBar > #save-status { width: auto; max-width: 50%; padding: 0 1; color: $text-success;
                            text-wrap: nowrap; text-overflow: ellipsis; }
    TopBar > #save-status.-error { color: $text-error; text-style: bold; }
    """

    def __init__(self, active: str, follow_up: bool = False) -> None:
        super().__init__()
        self.active = active
        self.follow_up = follow_up

    def compose(self) -> ComposeResult:
        yield Static(tabs_line(self.active, self.follow_up), id="tabs")
        yield Static(id="save-status", markup=False)

    def show_status(self, text: str, error: bool) -> None:
        status = self.query_one("#save-status", Static)
        status.update(text)
        status.set_class(error, "-error")


class EditorArea(TextArea):
    """A text box for a motivation; tells the screen when the chair leaves it (to save at once)."""

    class Left(Message):
        def __init__(self, area: EditorArea) -> None:
            super().__init__()
            self.area = area

    def __init__(self, placeholder: str, **kwargs) -> None:
        super().__init__("", soft_wrap=True, tab_behavior="focus", show_line_numbers=False,
                         placeholder=placeholder, **kwargs)

    def on_blur(self, event: events.Blur) -> None:
        self.post_message(self.Left(self))


class PanelScroll(VerticalScroll, can_focus=False):
    """Scrolled by the screen's PageUp/PageDown; never takes focus, so every key stays the screen's."""


def cell_look(cell: Text) -> tuple:
    """What makes two cells look the same (Text's == compares only the text and spans)."""
    return cell.plain, str(cell.style), cell.justify, tuple(cell.spans)


class ChairTable(DataTable):
    """The overview's and the ranking's table: rows of rich Text cells keyed by application, in
    columns of a fixed width. Home/End go to the first and last application (the chair looks for
    applications; DataTable's Home/End go to the first and last column)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "scroll_top", show=False),
        Binding("end", "scroll_bottom", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown: dict[str, list[Text]] = {}  # the cells of each row, in the table's order

    def show_rows(self, rows: Sequence[tuple[str, list[Text]]]) -> bool:
        """Show these rows (key, cells) in this order. The same keys in the same order (a change
        of the chair's): only the cells that look different are updated, as DataTable measures
        every cell of a new row. Otherwise the table is filled again, and True is returned."""
        shown = dict(rows)
        if list(shown) != list(self._shown):
            self.clear()
            for key, cells in rows:  # add_rows takes no keys; it is this same loop
                self.add_row(*cells, key=key)
            self._shown = shown
            return True
        columns = [column.key for column in self.ordered_columns]
        for key, cells in rows:
            for column, before, after in zip(columns, self._shown[key], cells):
                if cell_look(before) != cell_look(after):
                    self.update_cell(key, column, after)
        self._shown = shown
        return False


NAME_WIDTH = 18
SCORE_WIDTH = 2


class JurorRow(NamedTuple):
    """One juror's row. The styles name the table's component classes (juror-table--STYLE): the
    score "score", "extreme", "muted" or "error"; the motivation "text", "note" or "error"."""

    name: str
    score: str
    motivation: str
    score_style: str = "score"
    motivation_style: str = "text"


class RenderedOnce:
    """A rich renderable that keeps what it rendered at a width: Textual renders a widget's rich
    renderable to find its height, again after it set the widget's size, and again to draw it."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable
        self.width: int | None = None
        self.segments: list[Segment] = []

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width != self.width:
            self.segments = list(console.render(self.renderable, options))
            self.width = options.max_width
        return self.segments


class JurorTable(Widget):
    """Every juror on one criterion: the name, the score and the motivation side by side, each
    wrapped in its own column (a rich Table); the advisory members after a heading of their own.
    Texts are rich Text, so a motivation from a file is shown as written, never read as markup."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "juror-table--name", "juror-table--score", "juror-table--extreme", "juror-table--muted",
        "juror-table--note", "juror-table--error", "juror-table--text", "juror-table--heading",
    }
    DEFAULT_CSS = """
    JurorTable {
        height: auto;
        & > .juror-table--name { color: $text-muted; }
        & > .juror-table--score { text-style: bold; }
        & > .juror-table--extreme { color: $text-error; text-style: bold; }
        & > .juror-table--muted { color: $text-muted; }
        & > .juror-table--note { color: $text-muted; text-style: italic; }
        & > .juror-table--error { color: $text-error; }
        & > .juror-table--heading { color: $text-accent; text-style: bold; }
    }
    """

    def __init__(self, advisory_heading: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.advisory_heading = advisory_heading
        self.rows: tuple[tuple[JurorRow, ...], tuple[JurorRow, ...]] = ((), ())
        self._shown: tuple[object, RenderedOnce] | None = None  # (rows and styles, what shows them)

    def show_rows(self, voting: Sequence[JurorRow], advisory: Sequence[JurorRow] = ()) -> None:
        rows = (tuple(voting), tuple(advisory))
        if rows != self.rows:
            self.rows = rows
            self.refresh(layout=True)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"juror-table--{name}")

    def _table(self, rows: Sequence[JurorRow]) -> Table:
        table = Table.grid(padding=(0, 1, 0, 0), expand=True)
        table.add_column(width=NAME_WIDTH)
        table.add_column(width=SCORE_WIDTH)
        table.add_column(ratio=1)
        name_style = self._style("name")
        for row in rows:
            table.add_row(Text(row.name, style=name_style), Text(row.score, style=self._style(row.score_style)),
                          Text(row.motivation, style=self._style(row.motivation_style)))
        return table

    def render(self) -> RenderableType:
        key = (self.rows, *(self._style(name) for name in ("name", "score", "extreme", "muted", "note", "error",
                                                          "text", "heading")))
        if self._shown is None or self._shown[0] != key:
            voting, advisory = self.rows
            renderable: RenderableType = self._table(voting)
            if advisory:
                renderable = Group(renderable, Text(), Text(self.advisory_heading, style=self._style("heading")),
                                   self._table(advisory))
            self._shown = (key, RenderedOnce(renderable))
        return self._shown[1]
