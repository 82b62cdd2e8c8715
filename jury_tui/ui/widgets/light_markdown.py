"""A small Markdown renderer for application texts, into Textual `Content` lines.

Rich's Markdown costs about 50 ms to import (markdown-it, pygments) before it renders anything;
the application texts only use a small subset, rendered here in a few milliseconds:

- blocks: headings (``#`` … ``######``), paragraphs (consecutive lines joined, a line ending in
  two spaces breaks), bullet (``-``, ``*``, ``+``) and numbered (``1.``, ``1)``) list items with a
  hanging indent, nested by indenting 2 or more spaces, block quotes (``>``), horizontal rules
  (``---``, ``***``, ``___``), fenced code (shown line by line as written), table rows (``|``,
  shown line by line as written);
- inline: ``**bold**``, ``__bold__``, ``*italic*``, ``_italic_`` (only at word boundaries:
  ``snake_case`` and ``2*3*4`` stay as they are), ```code```, and ``\\*``, ``\\_``, ``\\```,
  ``\\\\`` for a literal character.

Anything else (links, images, HTML, …) is shown as its literal text. The text never goes through
Textual markup: ``[``, ``]``, ``<`` and ``&`` show as written.

Two steps: `parse` turns the text into blocks (once per text), `layout` wraps the blocks into
lines for a width (once per width). Widths are counted in terminal cells (CJK, emoji).
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from textual.content import Content, Span

HEADING_STYLES = {
    1: "bold underline $text-accent",
    2: "bold $text-accent",
    3: "bold",
    4: "bold italic",
    5: "bold italic",
    6: "bold italic",
}
BOLD = "bold"
ITALIC = "italic"
BOLD_ITALIC = "bold italic"
CODE_STYLE = "$text-warning"
MARKER_STYLE = "bold $text-accent"
QUOTE_PREFIX = "▌ "
QUOTE_PREFIX_STYLE = "$text-muted"
QUOTE_STYLE = "italic"
RULE_STYLE = "$text-muted"
BULLETS = ("•", "◦", "▪")
MAX_QUOTE_DEPTH = 8
MIN_TEXT_WIDTH = 10  # below this a list item drops its indentation rather than squeeze its text

EMPTY = Content("")


# ---------------------------------------------------------------------------------------- blocks


class _Block:
    """A block: compared by type and fields. (Plain classes: dataclasses cost ~3 ms at start.)"""

    __slots__: tuple[str, ...] = ()

    def __init__(self, *values) -> None:
        for name, value in zip(self.__slots__, values, strict=True):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and all(
            getattr(self, name) == getattr(other, name) for name in self.__slots__)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"


class Heading(_Block):
    __slots__ = ("level", "text")
    level: int
    text: Content


class Paragraph(_Block):
    __slots__ = ("text",)
    text: Content


class Item(_Block):
    """A list item at `depth` (0 = top level); `marker` "" = a further paragraph of the item."""

    __slots__ = ("depth", "marker", "text")
    depth: int
    marker: str
    text: Content


class Quote(_Block):
    __slots__ = ("blocks",)
    blocks: tuple


class Rule(_Block):
    __slots__ = ()


class Literal(_Block):
    """Lines shown as written (fenced code), folded when longer than the width."""

    __slots__ = ("lines",)
    lines: tuple[str, ...]


Block = Heading | Paragraph | Item | Quote | Rule | Literal


# ---------------------------------------------------------------------------------------- inline

_SPECIAL = re.compile(r"[\\`*_]")
_ESCAPABLE = frozenset("\\`*_")
_EMPHASIS = {1: ITALIC, 2: BOLD, 3: BOLD_ITALIC}


def inline(text: str) -> Content:
    """The inline formatting of `text` (bold, italic, code, escapes) as Content."""
    if not _SPECIAL.search(text):
        return Content(text)
    plain, spans = _inline(text, 0, len(text))
    return Content(plain, spans)


def _run_end(text: str, start: int, end: int, char: str) -> int:
    position = start
    while position < end and text[position] == char:
        position += 1
    return position


def _find_closer(text: str, start: int, end: int, char: str, size: int) -> int:
    """Offset of a closing run of exactly `size` × `char` in text[start:end], or -1.

    A closer follows a non-space character and is not followed by a letter or digit."""
    delimiter = char * size
    position = start
    while True:
        found = text.find(delimiter, position, end)
        if found < 0:
            return -1
        run_end = _run_end(text, found, end, char)
        if (
            run_end - found == size
            and not text[found - 1].isspace()
            and (run_end >= len(text) or not text[run_end].isalnum())
        ):
            return found
        position = run_end


def _inline(text: str, start: int, end: int) -> tuple[str, list[Span]]:
    out: list[str] = []
    spans: list[Span] = []
    length = 0  # characters in out
    no_closer: dict[tuple[str, int], int] = {}  # (delimiter, size) -> no closer from this offset on
    plain_from = start
    position = start

    def flush(upto: int) -> None:
        nonlocal length
        if upto > plain_from:
            out.append(text[plain_from:upto])
            length += upto - plain_from

    while True:
        match = _SPECIAL.search(text, position, end)
        if match is None:
            break
        index = match.start()
        char = text[index]
        if char == "\\":
            if index + 1 < end and text[index + 1] in _ESCAPABLE:
                flush(index)
                out.append(text[index + 1])
                length += 1
                position = plain_from = index + 2
            else:
                position = index + 1
            continue
        run_end = _run_end(text, index, end, char)
        size = run_end - index
        if char == "`":
            key = ("`", size)
            closer = -1
            if no_closer.get(key, end + 1) > run_end:
                closer = run_end
                while True:
                    closer = text.find("`" * size, closer, end)
                    if closer < 0:
                        break
                    closer_end = _run_end(text, closer, end, "`")
                    if closer_end - closer == size:
                        break
                    closer = closer_end
                if closer < 0:
                    no_closer[key] = run_end
            if closer < 0:
                position = run_end
                continue
            code = text[run_end:closer]
            if len(code) > 2 and code[0] == code[-1] == " " and code.strip():
                code = code[1:-1]
            flush(index)
            if code:
                out.append(code)
                spans.append(Span(length, length + len(code), CODE_STYLE))
                length += len(code)
            position = plain_from = closer + size
            continue
        # * or _: emphasis when it opens at a word boundary before a non-space character
        if (
            size > 3
            or run_end >= end
            or text[run_end].isspace()
            or (index > 0 and text[index - 1].isalnum())
        ):
            position = run_end
            continue
        key = (char, size)
        closer = -1
        if no_closer.get(key, end + 1) > run_end:
            closer = _find_closer(text, run_end, end, char, size)
            if closer < 0:
                no_closer[key] = run_end
        if closer < 0:
            position = run_end
            continue
        flush(index)
        inner, inner_spans = _inline(text, run_end, closer)
        out.append(inner)
        spans.append(Span(length, length + len(inner), _EMPHASIS[size]))
        spans.extend(Span(s + length, e + length, style) for s, e, style in inner_spans)
        length += len(inner)
        position = plain_from = closer + size
    flush(end)
    return "".join(out), spans


# ---------------------------------------------------------------------------------------- blocks

_HEADING = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*))?$")
_HEADING_CLOSE = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_BULLET = re.compile(r"( *)([-*+])(?:[ \t]+(.*))?$")
_NUMBER = re.compile(r"( *)(\d{1,9})([.)])(?:[ \t]+(.*))?$")
_QUOTE = re.compile(r" {0,3}> ?(.*)$")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_TABLE = re.compile(r" {0,3}\|")


def _join(lines: list[str]) -> str:
    """Paragraph lines joined with a space; a line ending in two spaces breaks the line."""
    parts: list[str] = []
    for number, line in enumerate(lines):
        if number:
            parts.append("\n" if lines[number - 1].endswith("  ") else " ")
        parts.append(line.strip())
    return "".join(parts)


def _starts_block(line: str) -> bool:
    return bool(
        _HEADING.match(line) or _RULE.match(line) or _QUOTE.match(line) or _FENCE.match(line)
        or _BULLET.match(line) or _TABLE.match(line)
    )


def _quote(lines: list[str], depth: int) -> Quote:
    """A block quote; nested ones deeper than MAX_QUOTE_DEPTH keep their '>' as text (bounded
    recursion and a readable width, whatever the input)."""
    if depth >= MAX_QUOTE_DEPTH:
        return Quote((Paragraph(inline(_join(lines))),))
    return Quote(tuple(parse("\n".join(lines), depth + 1)))


def parse(text: str, depth: int = 0) -> list[Block]:
    """The blocks of a Markdown text (see the module's docstring for what is recognised); `depth`
    is the block-quote nesting this text sits in."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4).split("\n")
    blocks: list[Block] = []
    paragraph: list[str] = []
    kind: tuple = ()  # what the open paragraph becomes: ("p",), ("table",), ("item", depth, marker)
    list_indents: list[int] = []  # marker indentation of the open list's levels
    quote: list[str] | None = None
    fence: tuple[str, int, list[str]] | None = None  # closing delimiter, indentation, lines
    blank = False  # a blank line since the last text

    def flush() -> None:
        nonlocal paragraph, kind
        if kind:
            if kind[0] == "item":
                blocks.append(Item(kind[1], kind[2], inline(_join(paragraph))))
            elif kind[0] == "table":
                blocks.append(Paragraph(inline("\n".join(line.strip() for line in paragraph))))
            elif paragraph:
                blocks.append(Paragraph(inline(_join(paragraph))))
        paragraph, kind = [], ()

    for line in lines:
        if fence is not None:
            closing, indent, fenced = fence
            stripped = line.strip()
            if stripped.startswith(closing) and stripped == closing[0] * len(stripped):
                blocks.append(Literal(tuple(fenced)))
                fence = None
            else:
                fenced.append(line[min(indent, len(line) - len(line.lstrip(" "))):].rstrip())
            continue
        if quote is not None:
            if match := _QUOTE.match(line):
                quote.append(match[1])
                continue
            if line.strip() and quote[-1].strip() and not _starts_block(line):
                quote.append(line)  # a lazy continuation of the quote's paragraph
                continue
            blocks.append(_quote(quote, depth))
            quote = None
        if not line.strip():
            flush()
            blank = True
            continue
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        was_blank, blank = blank, False
        if (match := _FENCE.match(line)) is not None:
            flush()
            list_indents = []
            fence = (match[1], indent, [])
            continue
        if (match := _HEADING.match(line)) is not None:
            flush()
            list_indents = []
            heading = _HEADING_CLOSE.sub("", (match[2] or "").strip()).strip()
            blocks.append(Heading(len(match[1]), inline(heading)))
            continue
        if _RULE.match(line):
            flush()
            list_indents = []
            blocks.append(Rule())
            continue
        if (match := _QUOTE.match(line)) is not None:
            flush()
            list_indents = []
            quote = [match[1]]
            continue
        if _TABLE.match(line):
            if kind != ("table",):
                flush()
                list_indents = []
                kind = ("table",)
            paragraph.append(line)
            continue
        bullet = _BULLET.match(line)
        number = None if bullet else _NUMBER.match(line)
        if number is not None and not list_indents and kind and not was_blank and number[2] != "1":
            number = None  # "2021. …" continuing a paragraph is text, as in CommonMark
        if bullet is not None or number is not None:
            flush()
            while list_indents and list_indents[-1] > indent:
                list_indents.pop()
            if not list_indents or indent - list_indents[-1] >= 2:
                list_indents.append(indent)
            depth = len(list_indents) - 1
            if bullet is not None:
                marker, rest = BULLETS[depth % len(BULLETS)], bullet[3]
            else:
                marker, rest = number[2] + number[3], number[4]
            kind = ("item", depth, marker)
            paragraph = [rest or ""]
            continue
        if kind and not was_blank and kind != ("table",):
            paragraph.append(line)  # the paragraph (or list item) goes on
            continue
        flush()
        if list_indents and was_blank and indent >= 2:
            # a further paragraph of the deepest item indented less than this line
            depth = 0
            for level, item_indent in enumerate(list_indents):
                if item_indent < indent:
                    depth = level
            del list_indents[depth + 1:]
            kind = ("item", depth, "")
        else:
            list_indents = []
            kind = ("p",)
        paragraph = [line]
    if fence is not None:
        blocks.append(Literal(tuple(fence[2])))
    if quote is not None:
        blocks.append(_quote(quote, depth))
    flush()
    return blocks


# ---------------------------------------------------------------------------------------- layout


def layout(blocks: list[Block] | tuple, width: int) -> list[Content]:
    """The blocks as lines of at most `width` cells, a blank line between blocks (list items
    follow each other directly)."""
    width = max(width, 1)
    lines: list[Content] = []
    text_columns: list[int] = []  # per depth: where the text of the open list's items starts
    previous: Block | None = None
    for block in blocks:
        if previous is not None and not (isinstance(block, Item) and block.marker and isinstance(previous, Item)):
            lines.append(EMPTY)
        previous = block
        if isinstance(block, Item):
            lines.extend(_item_lines(block, width, text_columns))
            continue
        text_columns.clear()
        if isinstance(block, Paragraph):
            lines.extend(block.text.wrap(width))
        elif isinstance(block, Heading):
            text = block.text.stylize_before(HEADING_STYLES[block.level])
            lines.extend(text.wrap(width))
        elif isinstance(block, Quote):
            prefix = Content.styled(QUOTE_PREFIX, QUOTE_PREFIX_STYLE)
            inner_width = max(width - cell_len(QUOTE_PREFIX), 1)
            for line in layout(block.blocks, inner_width):
                lines.append(prefix + line.stylize_before(QUOTE_STYLE))
        elif isinstance(block, Rule):
            lines.append(Content.styled("─" * width, RULE_STYLE))
        elif isinstance(block, Literal):
            for source in block.lines or ("",):
                lines.extend(Content.styled(source, CODE_STYLE).fold(width) if source else [EMPTY])
    return lines


def _item_lines(item: Item, width: int, text_columns: list[int]) -> list[Content]:
    depth = min(item.depth, len(text_columns) if item.marker else len(text_columns) - 1)
    if item.marker:
        column = text_columns[depth - 1] if depth > 0 else 0
        marker = item.marker + " "
        text_column = column + cell_len(marker)
        del text_columns[depth:]
        text_columns.append(text_column)
    else:
        text_column = text_columns[depth] if depth >= 0 else 0
        column, marker = text_column, ""
    if width - text_column < MIN_TEXT_WIDTH:  # too narrow for the indentation: drop it
        column = 0
        text_column = cell_len(marker)
        if width - text_column < MIN_TEXT_WIDTH:
            text_column = 0
    if not text_column:
        return (Content.styled(marker, MARKER_STYLE) + item.text).wrap(width)
    wrapped = item.text.wrap(width - text_column)
    lines = [Content.assemble(" " * column, (marker, MARKER_STYLE), wrapped[0])]
    indent = " " * text_column
    lines.extend(Content.assemble(indent, line) for line in wrapped[1:])
    return lines


def render(text: str, width: int) -> list[Content]:
    """`text` as lines of at most `width` cells."""
    return layout(parse(text), width)
