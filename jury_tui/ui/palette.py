"""What both apps' command palettes share: Textual's fuzzy matching over a list of commands, and
a "no matches" line in the chosen language.

Textual's own line for an empty result ("No matches found") is English and has no public
setting; it only appears when no provider yields a hit, so our provider yields that hit itself.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from jury_tui.i18n import t


def _nothing() -> None:
    """Choosing the "no matches" line just closes the palette."""


class ListedCommands(Provider):
    def commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """(title, help, callback) for every command the palette offers."""
        raise NotImplementedError

    async def discover(self) -> Hits:
        for title, help_text, callback in self.commands():
            yield DiscoveryHit(title, callback, help=help_text or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        found = False
        for title, help_text, callback in self.commands():
            score = matcher.match(title)
            if score > 0:
                found = True
                yield Hit(score, matcher.highlight(title), callback, text=title, help=help_text or None)
        if not found:
            yield Hit(0.0, Content.styled(t("ui.palette.no_matches"), "dim"), _nothing)
