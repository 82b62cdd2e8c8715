"""The juror's key map, defined once: the screen's BINDINGS, the footer, the help screen and the
command palette are all built from it, so they can never disagree.

A spec holds message keys, not texts: BINDINGS are made when a class is defined, before the CLI
has chosen the language. What the footer shows (text, tooltip, key, whether shown) is looked up
from the screen's specs when Textual asks the screen for its active bindings (`SpecBindings`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from textual.binding import ActiveBinding, Binding

from jury_tui.domain.criteria import Scale
from jury_tui.domain.session import SessionDefinition
from jury_tui.i18n import t
from jury_tui.ui.wording import subject_key

# Belgian AZERTY: the digit row gives these characters without Shift.
AZERTY_DIGITS = {1: "ampersand", 2: "é", 3: "quotation_mark", 4: "apostrophe", 5: "left_parenthesis",
                 6: "section_sign", 7: "è", 8: "exclamation_mark", 9: "ç", 0: "à"}
# Every binding on a digit has the id "digit-N"; the apps' keymap adds the AZERTY key to it.
AZERTY_KEYMAP = {f"digit-{digit}": f"{digit},{key}" for digit, key in AZERTY_DIGITS.items()}

NORMAL, EDITING = "normal", "editing"


@dataclass(frozen=True)
class KeySpec:
    """One key of an app's key map (the juror's here, the chair's in ui/chair/keys.py)."""

    action: str  # the action as bound, e.g. "next_application" or "score(3)"
    keys: str  # Textual key names, comma separated ("" = bound by a widget, listed for footer, help and palette)
    display: str  # how the keys are shown in the help ("↓ j"); the footer shows the first word
    label: str | None = None  # message key of the short footer label
    help: str | None = None  # message key of the help line (and the footer's tooltip); None = not in the help
    palette: bool = False  # offered in the command palette
    show: bool | None = None  # in the footer; by default when it has a label
    mode: str = NORMAL  # NORMAL: not while typing a motivation; EDITING: only then
    group: str | None = None  # message key: footer shows the keys of one group under one label
    priority: bool = False
    palette_help: str | None = None  # the palette's text when the help lists this key with another

    @property
    def name(self) -> str:
        """The action without its parameters ("score" for "score(3)")."""
        return self.action.split("(", 1)[0]

    @property
    def shown(self) -> bool:
        return bool(self.label) if self.show is None else self.show

    @property
    def palette_text(self) -> str | None:
        return self.help or self.palette_help


def digits_of(scale: Scale | None) -> list[int]:
    """The digit keys that give a score: those of the scale, or all ten (the BINDINGS, before a scale is known)."""
    if scale is None:
        return list(range(10))
    return [value for value in range(scale.min, scale.max + 1) if 0 <= value <= 9]


def score_keys(scale: Scale | None, label: str, help_key: str) -> list[KeySpec]:
    """A spec per digit of the scale: the first carries the footer's label and the help line ("0–5")."""
    digits = digits_of(scale)
    return [
        KeySpec(f"score({value})", str(value), f"{digits[0]}–{digits[-1]}" if position == 0 else str(value),
                label, help_key if position == 0 else None, show=position == 0)
        for position, value in enumerate(digits)
    ]


def assessment_keys(scale: Scale | None = None) -> list[KeySpec]:
    """Every key of the assessment screen, in the order the footer and the help show them."""
    specs = [
        KeySpec("next_application", "n", "n", "ui.key.next_application", "ui.key.next_application.help", True,
                group="chair.ui.ranking.column_application"),
        KeySpec("previous_application", "p", "p", "ui.key.previous_application", "ui.key.previous_application.help", True,
                group="chair.ui.ranking.column_application"),
        KeySpec("next_criterion", "down,j", "↓ j", "ui.key.next_criterion", "ui.key.next_criterion", True,
                group="ui.key.criterion_group"),
        KeySpec("previous_criterion", "up,k", "↑ k", "ui.key.previous_criterion", "ui.key.previous_criterion", True,
                group="ui.key.criterion_group"),
        *score_keys(scale, "ui.key.score", "ui.key.score.help"),
        KeySpec("raise_score", "right,plus", "→ +", "ui.key.raise_score", "ui.key.raise_score.help", True, show=False),
        KeySpec("lower_score", "left,minus", "← -", "ui.key.lower_score", "ui.key.lower_score.help", True, show=False),
        KeySpec("clear_score", "backspace,delete", "⌫ Del", "ui.key.clear_score", "ui.key.clear_score.help", True, show=False),
        KeySpec("edit_motivation", "m,enter", "m ⏎", "ui.key.edit_motivation", "ui.key.edit_motivation.help", True),
        KeySpec("leave_motivation", "escape", "Esc", "ui.key.leave_motivation", "ui.key.leave_motivation.help", mode=EDITING),
        KeySpec("full_editor", "e,f2", "e F2", "ui.key.full_editor", "ui.key.full_editor.help", True, show=False),
        KeySpec("full_editor_while_editing", "f2", "F2", "ui.key.full_editor", None, mode=EDITING),
        KeySpec("notes", "a", "a", "ui.key.notes", "ui.key.notes.help", True, show=False),
        KeySpec("restore_layout", "escape", "Esc", "ui.key.back", None, show=False),
        KeySpec("toggle_text", "t", "t", "ui.key.toggle_text", "ui.key.toggle_text.help", True, show=False),
        KeySpec("toggle_info", "i", "i", "ui.key.toggle_info", "ui.key.toggle_info.help", True, show=False),
        KeySpec("scroll_text_down", "pagedown", "PgDn PgUp", None, "ui.key.scroll_text.help", show=False),
        KeySpec("scroll_text_up", "pageup", "PgUp", None, None, show=False),
        KeySpec("scroll_text_home", "home", "Home End", None, "ui.key.scroll_text_ends.help", show=False),
        KeySpec("scroll_text_end", "end", "End", None, None, show=False),
        KeySpec("search_open", "slash", "/", "ui.key.search", "ui.key.search.help", True, show=False),
        KeySpec("search_next", "f3", "F3 ⇧F3", None, "ui.key.search_next.help", show=False),
        KeySpec("search_previous", "shift+f3,f15", "⇧F3", None, None, show=False),
        # Bound on the open search field (widgets/text_search.py), listed for its footer.
        KeySpec("match_next", "", "⏎ ↓", "ui.key.search_next", None),
        KeySpec("match_previous", "", "↑", "ui.key.search_previous", None),
        KeySpec("close_search", "", "Esc", "ui.key.close", None),
        KeySpec("conflicts", "c", "c", "ui.key.conflicts", "ui.key.conflicts.help", True, show=False),
        KeySpec("my_scores", "o", "o", "ui.key.my_scores", "ui.key.my_scores.help", True, show=False),
        KeySpec("undo_score", "u,ctrl+z", "u ^z", "ui.key.undo_score", "ui.key.undo_score.help", True, show=False),
        KeySpec("submit", "s", "s", "ui.key.submit", "ui.key.submit.help", True),
        KeySpec("help", "question_mark,f1", "? F1", "ui.key.help", "ui.key.help.help", True),
        KeySpec("help_while_editing", "f1", "F1", "ui.key.help", None, mode=EDITING),
    ]
    return specs


def app_keys() -> list[KeySpec]:
    """Keys bound on the app (work on every screen, also while typing)."""
    return [
        KeySpec("command_palette", "ctrl+p", "^p", "ui.key.palette", "ui.key.palette.help", show=False,
                priority=True),
        KeySpec("quit", "ctrl+q", "^q", "ui.key.quit", "ui.key.quit.help", priority=True),
    ]


def for_session(specs: list[KeySpec], session: SessionDefinition | None) -> list[KeySpec]:
    """The specs with the session's words (a follow-up round's footer, help and palette speak of contracts)."""

    def key(message: str | None) -> str | None:
        return subject_key(message, session) if message else message

    return [replace(spec, label=key(spec.label), help=key(spec.help), group=key(spec.group),
                    palette_help=key(spec.palette_help)) for spec in specs]


def bindings_for(specs: list[KeySpec]) -> list[Binding]:
    """BINDINGS for the specs. Their texts are message keys, turned into text by `SpecBindings`.
    Non-priority unless a spec asks: a priority binding runs before keys still queued at the
    focused widget (typed text, arrows), so it could overtake them."""
    return [
        Binding(
            key,
            spec.action,
            spec.label or spec.help or "",
            show=spec.shown,
            key_display=spec.display.split(" ")[0],
            priority=spec.priority,
            id=f"digit-{key}" if key.isdigit() else None,
        )
        for spec in specs
        for key in spec.keys.split(",")
        if key
    ]


def help_rows(specs: list[KeySpec], scale: Scale | None = None) -> list[tuple[str, str]]:
    """(keys, description) for every key with a help text; the score line names the scale."""
    return [(spec.display, help_text(spec, scale)) for spec in specs if spec.help]


def help_text(spec: KeySpec, scale: Scale | None = None, key: str | None = None) -> str:
    key = key or spec.help or ""
    values = {"min": scale.min, "max": scale.max} if scale and key.endswith(".score.help") else {}
    return t(key, **values)


class SpecBindings:
    """Mixin for a screen whose keys come from specs: its active bindings (what the footer shows)
    take their text, tooltip, key display and visibility from `key_specs()` of this screen, in the
    language of the moment. Bindings of no spec (Textual's own) pass unchanged."""

    def key_specs(self) -> list[KeySpec]:
        return []

    def key_scale(self) -> Scale | None:
        return None

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        active = super().active_bindings  # type: ignore[misc]
        specs: dict[str, KeySpec] = {}
        for spec in self.key_specs():
            specs.setdefault(spec.action, spec)
        order = {action: position for position, action in enumerate(specs)}
        nodes: dict[object, int] = {}
        for node, *_ in active.values():
            nodes.setdefault(node, len(nodes))
        # In the order of the specs, per node (a keymap moves the bindings it changes to the end).
        ranked = sorted(active.items(), key=lambda item: (nodes[item[1].node], order.get(item[1].binding.action, -1)))
        scale = self.key_scale()
        shown = {}
        for key, (node, binding, enabled, tooltip) in ranked:
            spec = specs.get(binding.action)
            if spec is not None:
                tooltip = help_text(spec, scale) if spec.help else tooltip
                binding = replace(
                    binding,
                    description=t(spec.label) if spec.label else "",
                    show=spec.shown,
                    key_display=spec.display.split(" ")[0],
                    group=Binding.Group(t(spec.group)) if spec.group else None,
                )
            shown[key] = ActiveBinding(node, binding, enabled, tooltip)
        return shown
