"""Small widgets shared by the chair's screens."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, NamedTuple

from rich.console import Group, RenderableType
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
from jury_tui.ui.chair import messages as _messages  # noqa: F401
from jury_tui.ui.chair.keys import MODES

TAB_KEYS = {"overview": "o", "detail": "d", "ranking": "b", "calibration": "k"}


def tabs_line(active: str) -> Content:
    parts: list[Content | str | tuple[str, str]] = []
    for mode in MODES:
        if parts:
            parts.append(("│", "$text-muted"))
        label = f" {TAB_KEYS[mode]} {t(f'chair.ui.tab.{mode}')} "
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

    def __init__(self, active: str) -> None:
        super().__init__()
        self.active = active

    def compose(self) -> ComposeResult:
        yield Static(tabs_line(self.active), id="tabs")
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


class ChairTable(DataTable):
    """The overview's and the ranking's table. Home/End go to the first and last application (the
    chair looks for applications; DataTable's Home/End go to the first and last column)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "scroll_top", show=False),
        Binding("end", "scroll_bottom", show=False),
    ]


NAME_WIDTH = 18
SCORE_WIDTH = 2


class JurorRow(NamedTuple):
    """One juror's row; the styles name the table's component classes (juror-table--STYLE)."""

    name: str
    score: str
    motivation: str
    score_style: str = "score"
    motivation_style: str = "text"


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

    def show_rows(self, voting: Sequence[JurorRow], advisory: Sequence[JurorRow] = ()) -> None:
        rows = (tuple(voting), tuple(advisory))
        if rows != self.rows:
            self.rows = rows
            self.refresh(layout=True)

    def _style(self, name: str):
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
        voting, advisory = self.rows
        if not advisory:
            return self._table(voting)
        return Group(self._table(voting), Text(), Text(self.advisory_heading, style=self._style("heading")),
                     self._table(advisory))
