"""Command palette (ctrl+p) for the assessment screen: the same actions as the keys, plus
"go to application …" and "give score …"."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from jury_tui.i18n import t
from jury_tui.ui import messages as _messages  # noqa: F401

if TYPE_CHECKING:
    from jury_tui.ui.screens.assessment import AssessmentScreen


class JurorCommands(Provider):
    def _commands(self) -> list[tuple[str, str, str]]:
        """(title, help, action) for every command the palette offers."""
        screen: AssessmentScreen = self.screen  # type: ignore[assignment]
        commands = []
        for spec in screen.key_specs:
            if spec.palette and spec.help:
                commands.append((t(spec.help), spec.display, spec.action))
        scale = screen.criteria.scale
        for step in scale.steps:
            title = f"{t('ui.key.score')} {step.value}: {step.label.get(screen.lang)}"
            commands.append((title, str(step.value) if 0 <= step.value <= 9 else "", f"score({step.value})"))
        for index, application in enumerate(screen.applications):
            commands.append((f"→ {application.label}: {application.title}", application.id, f"go_to({index})"))
        return commands

    async def discover(self) -> Hits:
        for title, help_text, action in self._commands():
            yield DiscoveryHit(title, partial(self.screen.run_action, action), help=help_text or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self.screen.run_action, action), text=title, help=help_text or None)
