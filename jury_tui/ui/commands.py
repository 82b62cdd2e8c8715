"""The command palette (ctrl+p) of both apps: the entries the current screen offers through its
`palette_commands()` (title, keys shown as help, callback): the same actions as its keys, plus
"go to application …" and, where a score can be given, each score."""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider


class ScreenCommands(Provider):
    def _commands(self) -> list:
        commands = getattr(self.screen, "palette_commands", None)
        return commands() if commands is not None else []

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, text=title, help=help_text or None)
