"""Search in the application's text: `/` opens a field above the text; Enter (or ↓, F3) finds the
next match after the current position, ↑ (shift+Enter, shift+F3) the previous one, wrapping at the
ends; every match is highlighted, the current one more strongly, and the text scrolls to it.
Case and accents do not count ("molenbeek" finds "Molenbeek", "creche" finds "crèche"), nor
hyphens against spaces ("deurne noord" finds "Deurne-Noord").

The field is the only place the search types into: it is hidden and unfocused once closed (Esc),
so the juror's keys are theirs again, and it never writes into the motivation."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, ScrollableContainer
from textual.content import Content
from textual.widgets import Input, Static

from jury_tui.i18n import t
from jury_tui.ui.keys import KeySpec, bindings_for
from jury_tui.ui.widgets.application_text import ApplicationText

CURRENT_STYLE = "bold reverse $warning"  # the match the text is scrolled to
OTHER_STYLE = "underline $warning"  # the other matches, less strongly
CONTEXT_LINES = 2  # lines of text shown above the match


SPACES = set("-‐‑‒–—")  # a hyphen or dash matches a space: "deurne noord" finds "Deurne-Noord"


def folded(text: str) -> tuple[str, list[int]]:
    """`text` without case and accents ('Crèche' -> 'creche'), every run of whitespace, hyphens and
    dashes as one space, and for each character of the result the position in `text` it comes from."""
    chars: list[str] = []
    origin: list[int] = []
    for position, char in enumerate(text):
        if char.isspace() or char in SPACES:
            if chars and chars[-1] == " ":
                continue
            char = " "
        for part in unicodedata.normalize("NFD", char):
            if unicodedata.combining(part):
                continue
            for folded_char in part.casefold():
                chars.append(folded_char)
                origin.append(position)
    return "".join(chars), origin


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """(start, end) in `text` of every match of `query`, ignoring case and accents; not overlapping."""
    needle = folded(query)[0].strip()
    if not needle:
        return []
    haystack, origin = folded(text)
    found = []
    at = haystack.find(needle)
    while at != -1:
        found.append((origin[at], origin[at + len(needle) - 1] + 1))
        at = haystack.find(needle, at + len(needle))
    return found


@dataclass(frozen=True, slots=True)
class Match:
    block: Static
    start: int
    end: int


class SearchInput(Input):
    """The search field. Its keys are its own, so the screen's never see them while it is open."""

    BINDINGS = bindings_for([
        KeySpec("match_next", "enter,down,f3", "⏎", None),  # Enter: not the Input's "submit" (the screen's s)
        KeySpec("match_previous", "up,shift+enter,shift+f3,f15", "↑", None),
        KeySpec("close_search", "escape", "Esc", None),
        KeySpec("page_text(1)", "pagedown", "PgDn", None),  # the text, not the one-line field
        KeySpec("page_text(-1)", "pageup", "PgUp", None),
    ])

    def action_match_next(self) -> None:
        self.parent_bar.step(1)

    def action_match_previous(self) -> None:
        self.parent_bar.step(-1)

    def action_close_search(self) -> None:
        self.parent_bar.close()

    def action_page_text(self, direction: int) -> None:
        scroll = self.parent_bar.scroll
        if direction > 0:
            scroll.scroll_page_down()
        else:
            scroll.scroll_page_up()

    @property
    def parent_bar(self) -> SearchBar:
        return self.query_ancestor(SearchBar)


class SearchBar(Horizontal):
    """The search field and what it found ("3/7", "geen treffer"), above the text it searches.

    `text` and `scroll`: selectors of the ApplicationText searched and of the container it scrolls
    in. The field's keys are listed with the assessment screen's (ui/keys.py, keys "")."""

    def __init__(self, text: str, scroll: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self._text_selector = text
        self._scroll_selector = scroll
        self.query_text = ""  # what was searched for last (F3 goes on with it after Esc)
        self.matches: list[Match] = []
        self.current: int | None = None
        self._shown = -1  # the text's `shown` count the matches were found in
        self._originals: dict[Static, Content] = {}  # each highlighted block as it was

    @property
    def text(self) -> ApplicationText:
        return self.screen.query_one(self._text_selector, ApplicationText)

    @property
    def scroll(self) -> ScrollableContainer:
        return self.screen.query_one(self._scroll_selector, ScrollableContainer)

    def compose(self) -> ComposeResult:
        yield Static("/", id="search-label")
        yield SearchInput(placeholder=t("ui.search.placeholder"), compact=True, id="search-input")
        yield Static(id="search-count", markup=False)

    def open(self) -> None:
        self._forget_if_changed()
        self.display = True
        field = self.query_one(SearchInput)
        # At once, not after the keys already waiting (Widget.focus waits its turn): what the juror
        # types right after / is the search, never a score.
        self.screen.set_focus(field)
        field.select_all()

    def close(self) -> None:
        """Hide the field and give the keys back; the text stays where it is, the matches stay marked."""
        self.display = False
        self.screen.set_focus(None)

    def _forget_if_changed(self) -> None:
        """When the text shows another application: its matches are gone (the search text stays)."""
        if self.text.shown == self._shown:
            return
        self.matches = []
        self.current = None
        self._originals.clear()
        self._say("")

    # --- finding ----------------------------------------------------------------------------------
    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self._unmark()
        self.matches = []
        self.current = None
        self._say("")

    def step(self, direction: int) -> None:
        """To the next (1) or previous (-1) match, searching first when the text or the words changed."""
        field = self.query_one(SearchInput)
        if field.value.strip():
            self.query_text = field.value
        if not self.query_text.strip():
            return
        self._forget_if_changed()
        if not self.matches:
            if not self.text.laid_out:  # the text is still being laid out: search once it is
                self.call_after_refresh(self.step, direction)
                return
            self._find()
            if not self.matches:
                self._say(t("ui.search.none", query=self.query_text.strip()), "$text-warning")
                return
            index, wrapped = self._first_from_view(direction)
        else:
            index = (self.current if self.current is not None else -1) + direction
            wrapped = not 0 <= index < len(self.matches)
            index %= len(self.matches)
        self._go(index, wrapped, direction)

    def _blocks(self) -> list[tuple[Static, Content]]:
        """The text's blocks that hold text (paragraphs, headings, list items, table cells), in reading order."""
        blocks = []
        # A table's cells are not Markdown blocks but Statics in a grid (MarkdownTableCellContents, not exported):
        # queried by type name only, so no private import; textual is pinned below 9 and a Pilot test searches a cell.
        for block in self.text.query("MarkdownBlock, MarkdownTableCellContents").results(Static):
            content = self._originals.get(block, block.content)
            if isinstance(content, Content) and content.plain.strip():
                blocks.append((block, content))
        return blocks

    def _find(self) -> None:
        self._unmark()
        self._shown = self.text.shown
        self.matches = [
            Match(block, start, end)
            for block, content in self._blocks()
            for start, end in find_all(content.plain, self.query_text)
        ]
        self.current = None

    def _first_from_view(self, direction: int) -> tuple[int, bool]:
        """The first match from the top of what the juror sees (going back: the last one above it)."""
        top = self.scroll.scroll_y
        lines = [self._line_of(match) for match in self.matches]
        if direction > 0:
            after = [index for index, line in enumerate(lines) if line >= top]
            return (after[0], False) if after else (0, True)
        before = [index for index, line in enumerate(lines) if line < top]
        return (before[-1], False) if before else (len(self.matches) - 1, True)

    def _line_of(self, match: Match) -> int:
        """The line of the scrolled text the match is on."""
        block = match.block
        top = block.region.y - self.scroll.content_region.y + int(self.scroll.scroll_y)
        width = block.content_region.width
        content = self._originals.get(block, block.content)
        if width <= 0 or not isinstance(content, Content):
            return top
        return top + max(0, len(content[: match.end].wrap(width)) - 1)

    def _go(self, index: int, wrapped: bool, direction: int) -> None:
        self.current = index
        self._mark()
        self.scroll.scroll_to(y=max(0, self._line_of(self.matches[index]) - CONTEXT_LINES), animate=False)
        where = f"{index + 1}/{len(self.matches)}"
        if wrapped:
            where += " · " + t("ui.search.wrapped_start" if direction > 0 else "ui.search.wrapped_end")
        self._say(where)

    # --- showing ----------------------------------------------------------------------------------
    def _mark(self) -> None:
        """Every match highlighted in its block, the current one more strongly."""
        by_block: dict[Static, list[tuple[int, Match]]] = {}
        for index, match in enumerate(self.matches):
            by_block.setdefault(match.block, []).append((index, match))
        for block, found in by_block.items():
            content = self._originals.setdefault(block, block.content)
            for index, match in found:
                content = content.stylize(CURRENT_STYLE if index == self.current else OTHER_STYLE, match.start, match.end)
            block.update(content)

    def _unmark(self) -> None:
        for block, content in self._originals.items():
            if block.is_attached:
                block.update(content)
        self._originals.clear()

    def _say(self, text: str, style: str = "$text-muted") -> None:
        self.query_one("#search-count", Static).update(Content.styled(text, style) if text else "")
