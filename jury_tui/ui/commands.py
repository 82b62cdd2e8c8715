"""Command palette (ctrl+p) for the assessment screen: the same actions as the keys, plus
"go to application …" and "give score …"."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING


from jury_tui.i18n import t
from jury_tui.ui.palette import ListedCommands

if TYPE_CHECKING:
    from jury_tui.ui.screens.assessment import AssessmentScreen


class JurorCommands(ListedCommands):
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

    def commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        return [(title, help_text, partial(self.screen.run_action, action)) for title, help_text, action in self._commands()]
