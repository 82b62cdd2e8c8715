"""The juror's key map, defined once: the screen's bindings, the footer, the help screen and the
command palette are all built from it, so they can never disagree.

Texts are looked up with `t()` when the screen is built (not at import), so the language chosen
by the CLI applies.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

from jury_tui.domain.criteria import Scale
from jury_tui.i18n import t

# Belgian AZERTY: the digit row gives these characters without Shift.
AZERTY_DIGITS = {1: "ampersand", 2: "é", 3: "quotation_mark", 4: "apostrophe", 5: "left_parenthesis",
                 6: "section_sign", 7: "è", 8: "exclamation_mark", 9: "ç", 0: "à"}

NORMAL, EDITING, ALWAYS = "normal", "editing", "always"


@dataclass(frozen=True)
class KeySpec:
    """One key of an app's key map (the juror's here, the chair's in ui/chair/keys.py)."""

    action: str  # the screen's action, e.g. "next_application" or "score(3)"
    keys: str  # Textual key names, comma separated ("" = handled by a widget, listed for help and palette)
    display: str  # how the keys are shown in the help ("↓ j"); the footer shows the first word
    label: str | None = None  # message key of the short footer label
    help: str | None = None  # message key of the help line; None = not in the help (an alias)
    palette: bool = False  # offered in the command palette
    show: bool | None = None  # in the footer; by default when it has a label
    mode: str = NORMAL  # NORMAL: not while typing a motivation; EDITING: only then; ALWAYS
    group: str | None = None  # message key: footer shows the keys of one group under one label
    priority: bool = False
    palette_help: str | None = None  # the palette's text when the help lists this key with another

    @property
    def name(self) -> str:
        """The action without its parameters ("score" for "score(3)")."""
        return self.action.split("(", 1)[0]

    @property
    def palette_text(self) -> str | None:
        return self.help or self.palette_help


def assessment_keys(scale: Scale) -> list[KeySpec]:
    """Every key of the assessment screen, in the order the footer and the help show them."""
    low, high = scale.min, scale.max
    specs = [
        KeySpec("next_application", "n", "n", "ui.key.next_application", "ui.key.next_application.help", True,
                group="chair.ui.ranking.column_application"),
        KeySpec("previous_application", "p", "p", "ui.key.previous_application", "ui.key.previous_application.help", True,
                group="chair.ui.ranking.column_application"),
        KeySpec("next_criterion", "down,j", "↓ j", "ui.key.next_criterion", "ui.key.next_criterion", True,
                group="ui.key.criterion_group"),
        KeySpec("previous_criterion", "up,k", "↑ k", "ui.key.previous_criterion", "ui.key.previous_criterion", True,
                group="ui.key.criterion_group"),
    ]
    digits = [value for value in range(low, high + 1) if 0 <= value <= 9]
    for position, value in enumerate(digits):
        keys = str(value) + (f",{AZERTY_DIGITS[value]}" if value in AZERTY_DIGITS else "")
        first = position == 0
        specs.append(
            KeySpec(
                f"score({value})",
                keys,
                f"{digits[0]}–{digits[-1]}" if first else str(value),
                "ui.key.score",
                "ui.key.score.help" if first else None,
                show=first,
            )
        )
    specs += [
        KeySpec("raise_score", "right,plus", "→ +", "ui.key.raise_score", "ui.key.raise_score.help", True, show=False),
        KeySpec("lower_score", "left,minus", "← -", "ui.key.lower_score", "ui.key.lower_score.help", True, show=False),
        KeySpec("clear_score", "backspace,delete", "⌫ Del", "ui.key.clear_score", "ui.key.clear_score.help", True, show=False),
        KeySpec("edit_motivation", "m,enter", "m ⏎", "ui.key.edit_motivation", "ui.key.edit_motivation.help", True),
        KeySpec("leave_motivation", "escape", "Esc", "ui.key.leave_motivation", "ui.key.leave_motivation.help", mode=EDITING),
        KeySpec("restore_layout", "escape", "Esc", "ui.key.back", None, show=False),
        KeySpec("toggle_text", "t", "t", "ui.key.toggle_text", "ui.key.toggle_text.help", True, show=False),
        KeySpec("toggle_info", "i", "i", "ui.key.toggle_info", "ui.key.toggle_info.help", True, show=False),
        KeySpec("scroll_text_down", "pagedown", "PgDn PgUp", None, "ui.key.scroll_text.help", show=False),
        KeySpec("scroll_text_up", "pageup", "PgUp", None, None, show=False),
        KeySpec("scroll_text_home", "home", "Home End", None, "ui.key.scroll_text_ends.help", show=False),
        KeySpec("scroll_text_end", "end", "End", None, None, show=False),
        KeySpec("conflicts", "c", "c", "ui.key.conflicts", "ui.key.conflicts.help", True, show=False),
        KeySpec("submit", "s", "s", "ui.key.submit", "ui.key.submit.help", True),
        KeySpec("help", "question_mark,f1", "? F1", "ui.key.help", "ui.key.help.help", True),
        KeySpec("help_while_editing", "f1", "F1", "ui.key.help", None, mode=EDITING),
    ]
    return specs


def app_keys() -> list[KeySpec]:
    """Keys bound on the app (work on every screen, also while typing)."""
    return [
        KeySpec("command_palette", "ctrl+p", "^p", "ui.key.palette", "ui.key.palette.help", show=False, mode=ALWAYS),
        KeySpec("quit", "ctrl+q", "^q", "ui.key.quit", "ui.key.quit.help", mode=ALWAYS),
    ]


def bindings_for(specs: list[KeySpec], priority: bool = False) -> list[Binding]:
    """Bindings for the specs. Keep them non-priority unless a spec asks: a priority binding runs
    before keys still queued at the focused widget (typed text, arrows), so it could overtake them."""
    bindings = []
    for spec in specs:
        if not spec.keys:
            continue
        description = t(spec.label) if spec.label else (t(spec.help) if spec.help else "")
        group = Binding.Group(t(spec.group), compact=False) if spec.group else None
        for key in spec.keys.split(","):
            bindings.append(
                Binding(
                    key.strip(),
                    spec.action,
                    description,
                    show=bool(spec.label) if spec.show is None else spec.show,
                    key_display=spec.display.split(" ")[0],
                    priority=priority or spec.priority,
                    group=group,
                )
            )
    return bindings


def help_rows(specs: list[KeySpec], scale: Scale | None = None) -> list[tuple[str, str]]:
    """(keys, description) for every key with a help text; the score line names the scale."""
    values = {"min": scale.min, "max": scale.max} if scale else {}
    return [
        (spec.display, t(spec.help, **values) if spec.help.endswith(".score.help") else t(spec.help))
        for spec in specs
        if spec.help
    ]


def rebind(widget, binding: Binding) -> None:
    """Give `widget` this binding for its key, replacing the widget's own (e.g. OptionList's enter)."""
    widget._bindings.key_to_bindings[binding.key] = [binding]
