"""The command palette (ctrl+p) of both apps: the entries the current screen offers through its
`palette_commands()` (title, keys shown as help, callback): the same actions as its keys, plus
"go to application …" and, where a score can be given, each score.

Textual's own line for an empty result ("No matches found") is English and has no public
setting; it only appears when no provider yields a hit, so this provider yields that line itself,
in the user's language.
"""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from jury_tui.i18n import t


def _nothing() -> None:
    """Choosing the "no matches" line just closes the palette."""


class ScreenCommands(Provider):
    async def startup(self) -> None:
        # Once per opening of the palette, not per keystroke (1000 applications: 1000 entries).
        commands = getattr(self.screen, "palette_commands", None)
        self._entries = commands() if commands is not None else []

    def _commands(self) -> list:
        return self._entries

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        found = False
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                found = True
                yield Hit(score, matcher.highlight(title), callback, text=title, help=help_text or None)
        if not found:
            yield Hit(0.0, Content.styled(t("ui.palette.no_matches"), "dim"), _nothing)
