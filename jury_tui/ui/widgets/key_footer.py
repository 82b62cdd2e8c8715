"""The line of keys at the bottom of every screen: Textual's Footer in its compact form."""

from __future__ import annotations

from textual.widgets import Footer


class KeyFooter(Footer):
    """Compact, without the palette key unless asked; the keys of a group (n p, ↓ ↑) and the group's
    label are spaced like the other keys ("n p Aanvraag ↓ ↑ Criterium m Motivatie")."""

    DEFAULT_CSS = """
    KeyFooter.-compact KeyGroup FooterKey.-grouped {
        margin: 0 1 0 0;
    }
    KeyFooter.-compact FooterLabel {
        margin: 0 1 0 0;
    }
    """

    def __init__(self, *, show_command_palette: bool = False) -> None:
        super().__init__(show_command_palette=show_command_palette, compact=True)
