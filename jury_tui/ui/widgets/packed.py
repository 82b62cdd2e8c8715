"""A line of items that wraps between items, never inside one ("4 Goed" never splits over two lines)."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

Item = tuple[str, str]  # (text, style)


def pack(items: list[Item], width: int, separator: str) -> list[list[Item]]:
    lines: list[list[Item]] = [[]]
    used = 0
    for text, style in items:
        length = cell_len(text)
        extra = length if not lines[-1] else cell_len(separator) + length
        if lines[-1] and used + extra > width:
            lines.append([])
            used = 0
            extra = length
        lines[-1].append((text, style))
        used += extra
    return lines


class PackedLine(Widget):
    DEFAULT_CSS = """
    PackedLine {
        height: auto;
    }
    """

    def __init__(self, separator: str = "  ", **kwargs) -> None:
        super().__init__(**kwargs)
        self.separator = separator
        self.items: list[Item] = []

    def set_items(self, items: list[Item]) -> None:
        if items != self.items:
            self.items = items
            self.refresh(layout=True)

    @property
    def plain(self) -> str:
        """The text as shown on one line (for tests and screen readers)."""
        return self.separator.join(text for text, _ in self.items)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(pack(self.items, max(1, width), self.separator)))

    def render(self) -> Content:
        width = max(1, self.content_region.width or self.size.width)
        parts: list[Content | str | Item] = []
        for number, line in enumerate(pack(self.items, width, self.separator)):
            if number:
                parts.append("\n")
            for position, item in enumerate(line):
                if position:
                    parts.append(self.separator)
                parts.append(item)
        return Content.assemble(*parts)
