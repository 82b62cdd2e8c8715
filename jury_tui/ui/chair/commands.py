"""Command palette (ctrl+p) of the chair's app: the current screen's actions, the actions that work
everywhere, the consensus scores and advice on the detail screen, and "go to application …"."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from jury_tui.i18n import language, t
from jury_tui.ui.chair.keys import global_keys
from jury_tui.ui.palette import ListedCommands


class ChairCommands(ListedCommands):
    def commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """(title, help, callback) for every command the palette offers."""
        from jury_tui.ui.chair.screens.base import ChairScreen
        from jury_tui.ui.chair.screens.detail import (
            RECOMMENDATIONS,
            DetailScreen,
            recommendation_text,
        )

        screen = self.screen
        app = self.app
        commands: list[tuple[str, str, Callable[[], object]]] = []
        if isinstance(screen, ChairScreen):
            scale = screen.model.criteria.scale
            for spec in screen.key_specs:
                if spec.palette and spec.palette_text:
                    values = {"min": scale.min, "max": scale.max}
                    title = t(spec.palette_text, **values) if spec.palette_text == "chair.key.score.help" else t(spec.palette_text)
                    commands.append((title, spec.display, partial(screen.run_action, spec.action)))
            if isinstance(screen, DetailScreen):
                lang = language()
                for step in sorted(scale.steps, key=lambda step: step.value):
                    commands.append((f"{t('ui.key.score')} {step.value}: {step.label.get(lang)}", str(step.value),
                                     partial(screen.run_action, f"score({step.value})")))
                for number, recommendation in enumerate(RECOMMENDATIONS, start=1):
                    commands.append((t("chair.palette.recommend", value=recommendation_text(recommendation)), str(number),
                                     partial(screen._recommend, recommendation)))
        for spec in global_keys():
            if spec.palette and spec.help:
                commands.append((t(spec.help), spec.display, partial(app.run_action, spec.action)))
        model = getattr(app, "model", None)
        if model is not None:
            for application in model.session.applications:
                commands.append((t("chair.palette.go_to", label=application.label, title=application.title), application.id,
                                 partial(app.open_detail, application.id, 0)))  # type: ignore[attr-defined]
        return commands
