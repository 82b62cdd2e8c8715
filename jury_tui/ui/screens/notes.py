"""The juror's private note on one application (`a`): on the whole screen, saved as it is typed in the
juror's own folder (store/notes.py), never part of what the juror sends."""

from __future__ import annotations

from collections.abc import Callable

from textual.content import Content

from jury_tui.domain.applications import Application
from jury_tui.i18n import t
from jury_tui.ui.screens.motivation_editor import WritingScreen, application_line


class NotesScreen(WritingScreen):
    def __init__(self, application: Application, text: str, write: Callable[[str], object],
                 on_saved: Callable[[str], None] | None = None) -> None:
        heading = [
            application_line(application),
            Content.styled(t("ui.notes.title"), "bold"),
            Content.styled(t("ui.notes.private"), "italic $text-muted"),
        ]
        super().__init__(heading, text, write, on_saved)
