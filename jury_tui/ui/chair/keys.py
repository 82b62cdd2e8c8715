"""The chair's key map, defined once: bindings, footer, help screen and command palette are all
built from it, so they cannot disagree. Specs hold message keys; texts are looked up when they are
shown (not at import), so the language chosen by the CLI applies.

The keys are the chair's own; KeySpec and the functions that turn specs into bindings, footer
entries and help lines are shared with the juror's key map (jury_tui/ui/keys.py).
"""

from __future__ import annotations

from dataclasses import replace

from jury_tui.domain.criteria import Scale
from jury_tui.ui.keys import (  # noqa: F401 (the chair's screens import them from here)
    AZERTY_KEYMAP,
    KeySpec,
    SpecBindings,
    bindings_for,
    help_rows,
    score_keys,
)

MODES = ("overview", "detail", "ranking", "calibration")

# A follow-up round assesses contracts (their progress reports), not applications: these help
# texts say so there.
FOLLOW_UP_WORDS = {
    "chair.key.overview.help": "follow_up.chair.key.overview.help",
    "chair.key.detail.help": "follow_up.chair.key.detail.help",
    "chair.key.open.help": "follow_up.chair.key.open.help",
    "chair.key.next_application.help": "follow_up.chair.key.next_contract.help",
    "ui.key.previous_application.help": "follow_up.juror.contract.previous_help",
    "chair.key.undo.help": "follow_up.chair.key.undo.help",
    "chair.key.read.help": "follow_up.chair.key.read.help",
    "chair.key.export.help": "follow_up.chair.key.export.help",
    "ui.key.palette.help": "follow_up.juror.contract.palette_help",
}


def in_follow_up_words(specs: list[KeySpec]) -> list[KeySpec]:
    """The specs with a follow-up round's help texts (FOLLOW_UP_WORDS)."""
    return [replace(spec, help=FOLLOW_UP_WORDS.get(spec.help, spec.help) if spec.help else None,
                    palette_help=FOLLOW_UP_WORDS.get(spec.palette_help, spec.palette_help) if spec.palette_help else None)
            for spec in specs]


def global_keys(footer: tuple[str, ...] = (), follow_up: bool = False) -> list[KeySpec]:
    """Keys bound on the app: they work on every screen (letters not while typing in a text box).
    `footer`: the actions a screen shows in its footer (after its own keys). In a follow-up round
    the budget's place (b F4) holds the portfolio of the contracts (no budget, no ranking to fund)."""
    ranking = (KeySpec("show_mode('ranking')", "b,f4", "b F4", "follow_up.chair.key.portfolio",
                       "follow_up.chair.key.portfolio.help", True, show=False) if follow_up else
               KeySpec("show_mode('ranking')", "b,f4", "b F4", None, "chair.key.ranking.help", True))
    specs = [
        KeySpec("show_mode('overview')", "o,f2", "o F2", None, "chair.key.overview.help", True),
        KeySpec("show_mode('detail')", "d,f3", "d F3", None, "chair.key.detail.help", True),
        ranking,
        KeySpec("show_mode('calibration')", "k,f5", "k F5", None, "chair.key.calibration.help", True),
        KeySpec("import", "i", "i", "chair.key.import", "chair.key.import.help", True, show=False),
        KeySpec("export", "x,f6", "x F6", "chair.key.export", "chair.key.export.help", True, show=False),
        KeySpec("help", "question_mark,f1", "? F1", "ui.key.help", "ui.key.help.help", True, show=False),
        KeySpec("command_palette", "ctrl+p", "^p", "ui.key.palette", "ui.key.palette.help",
                priority=True, show=False),
        KeySpec("quit", "ctrl+q", "^q", "ui.key.quit", "ui.key.quit.help", True, priority=True),
    ]
    if follow_up:
        specs = in_follow_up_words(specs)
    return [replace(spec, show=True) if spec.action in footer else spec for spec in specs]


def overview_keys(follow_up: bool = False) -> list[KeySpec]:
    """`follow_up`: with a follow-up round's help texts (contracts)."""
    # Enter is a priority binding of the screen: the focused table's own (hidden) Enter would win otherwise.
    specs = [
        KeySpec("open", "enter", "⏎", "chair.key.open", "chair.key.open.help", True, priority=True),
        KeySpec("toggle_sort", "s", "s", "chair.key.sort", "chair.key.sort.help", True),
        KeySpec("next_flag", "t", "t", "chair.key.next_flag", "chair.key.next_flag.help", True),
    ]
    return in_follow_up_words(specs) if follow_up else specs


def detail_keys(scale: Scale | None = None, follow_up: bool | None = None) -> list[KeySpec]:
    """`scale` None: every digit (the screen's BINDINGS); the screen's own scale picks the shown ones.
    `follow_up` None: the keys of both kinds of session (the BINDINGS); True: a follow-up round's
    (a verdict instead of a recommendation, no amount, hearing, conditions or rank motivation, the
    years' figures); False: a selection's."""
    specs = _detail_keys(scale)
    if follow_up is None:
        return specs
    if not follow_up:
        return [spec for spec in specs if spec.name != "years"]
    changed = {
        "recommend(1)": replace(specs[_index(specs, "recommend(1)")], help="follow_up.chair.key.verdict_direct.help"),
        "cycle_recommendation": replace(specs[_index(specs, "cycle_recommendation")], label="evaluation.col.verdict",
                                        help="follow_up.chair.key.verdict.help"),
    }
    return in_follow_up_words([changed.get(spec.action, spec) for spec in specs
                               if spec.name != "edit_amount" and spec.action not in FOLLOW_UP_REFUSED_TEXTS])


# The selection's texts a follow-up round has none of (the store refuses them there).
FOLLOW_UP_REFUSED_TEXTS = ("edit_text('hearing')", "edit_text('conditions')", "edit_text('rank_motivation')")


def _index(specs: list[KeySpec], action: str) -> int:
    return next(position for position, spec in enumerate(specs) if spec.action == action)


def _detail_keys(scale: Scale | None) -> list[KeySpec]:
    return [
        KeySpec("next_page", "down", "↓", None, "chair.key.next_page.help", True),
        KeySpec("previous_page", "up", "↑", None, "ui.key.previous_criterion", True),
        KeySpec("next_application", "n", "n p", None, "chair.key.next_application.help", True),
        KeySpec("previous_application", "p", "p", None, None, True, palette_help="ui.key.previous_application.help"),
        *score_keys(scale, "ui.key.score", "chair.key.score.help"),
        KeySpec("raise_score", "right,plus", "→ +", None, "chair.key.raise_score.help", True),
        KeySpec("lower_score", "left,minus", "← -", None, "chair.key.lower_score.help", True),
        KeySpec("clear_score", "backspace,delete", "⌫ Del", None, "chair.key.clear_score.help", True),
        KeySpec("accept_suggestion", "a", "a", None, "chair.key.accept.help", True),
        *(KeySpec(f"recommend({value})", str(value), "1–3" if value == 1 else str(value),
                  None, "chair.key.recommend_direct.help" if value == 1 else None) for value in (1, 2, 3)),
        KeySpec("edit_motivation", "m,enter", "m ⏎", "ui.key.edit_motivation", "chair.key.motivation.help", True),
        KeySpec("edit_minority", "v", "v", "chair.key.minority", "chair.key.minority.help", True, show=False),  # its box says (v)
        KeySpec("cycle_recommendation", "r", "r", "chair.key.recommend", "chair.key.recommend.help", True),
        KeySpec("edit_amount", "g", "g", "chair.ui.ranking.column_amount", "chair.key.amount.help", True),
        KeySpec("edit_text('hearing')", "h", "h", None, "chair.key.hearing.help", True),
        KeySpec("edit_text('conditions')", "c", "c", None, "chair.key.conditions.help", True),
        KeySpec("edit_text('rank_motivation')", "w", "w", None, "chair.key.rank_motivation.help", True),
        KeySpec("undo", "u,ctrl+z", "u ^z", "chair.key.undo", "chair.key.undo.help", True),
        KeySpec("read_application", "l", "l", "chair.key.read", "chair.key.read.help", True),
        KeySpec("toggle_eligibility", "e", "e", None, "chair.key.eligibility.help", True),
        KeySpec("years", "j", "j", "follow_up.chair.key.years", "follow_up.chair.key.years.help", True),
        KeySpec("scroll_down", "pagedown", "PgDn PgUp", None, "chair.key.scroll.help"),
        KeySpec("scroll_up", "pageup", "PgUp", None, None),
        KeySpec("leave", "escape", "Esc", "ui.key.leave_motivation", None),
        KeySpec("back", "escape", "Esc", None, "chair.key.back.help"),
    ]


def ranking_keys() -> list[KeySpec]:
    return [
        KeySpec("open", "enter", "⏎", "chair.key.open", "chair.key.open.help", False, priority=True),
        KeySpec("toggle_selected", "space", "␣", "chair.key.toggle_selected", "chair.key.toggle_selected.help", True),
        KeySpec("adopt(1)", "1", "1", "chair.ui.ranking.column_p1", "chair.key.adopt_rank.help", True),
        KeySpec("adopt(2)", "2", "2", "chair.ui.ranking.column_p2", "chair.key.adopt_best.help", True),
        KeySpec("set_budget", "g", "g", "chair.key.budget", "chair.key.budget.help", True),
        KeySpec("scenarios", "c", "c", "chair.key.scenarios", "chair.key.scenarios.help", True, show=False),
        KeySpec("tie_order", "t", "t", "chair.key.tie", "chair.key.tie.help", True, show=False),
        KeySpec("meeting", "m", "m", "chair.key.meeting", "chair.key.meeting.help", True, show=False),
        KeySpec("government", "r", "r", "chair.key.government", "chair.key.government.help", True, show=False),
    ]


def portfolio_keys() -> list[KeySpec]:
    """The portfolio of a follow-up round: every contract's figures, the obstacles and the asks."""
    return [
        KeySpec("open", "enter", "⏎", "chair.key.open", "follow_up.chair.key.open_contract.help", False, priority=True),
        KeySpec("years", "j", "j", "follow_up.chair.key.years", "follow_up.chair.key.years.help", True),
        KeySpec("toggle_network", "t", "t", "follow_up.chair.key.network", "follow_up.chair.key.network.help", True),
        KeySpec("scroll_down", "pagedown", "PgDn PgUp", "follow_up.chair.key.read_on", "follow_up.chair.key.scroll.help"),
        KeySpec("scroll_up", "pageup", "PgUp", None, None),
        KeySpec("meeting", "m", "m", "chair.key.meeting", "chair.key.meeting.help", True),
    ]


def years_keys() -> list[KeySpec]:
    """The contract across the years: its tables scroll, Esc goes back."""
    return [
        KeySpec("app.focus_next", "tab", "Tab", "follow_up.chair.key.next_table", "follow_up.chair.key.next_table.help"),
        KeySpec("scroll_down", "pagedown", "PgDn PgUp", None, "follow_up.chair.key.years_scroll.help"),
        KeySpec("scroll_up", "pageup", "PgUp", None, None),
        KeySpec("back", "escape", "Esc", "ui.key.back", "follow_up.chair.key.years_back.help"),
    ]


def amount_dialog_keys() -> list[KeySpec]:
    """The budget dialog and the scenarios dialog: type, Enter, Esc."""
    return [
        KeySpec("submit", "", "⏎", "chair.key.dialog_apply", None),
        KeySpec("close", "escape", "Esc", "ui.key.close", None),
    ]


def tie_keys() -> list[KeySpec]:
    return [
        KeySpec("move(-1)", "shift+up,ctrl+up", "⇧↑", "chair.key.tie_up", None),
        KeySpec("move(1)", "shift+down,ctrl+down", "⇧↓", "chair.key.tie_down", None),
        KeySpec("save", "ctrl+s", "^s", "chair.key.dialog_save", None, priority=True),
        KeySpec("clear_order", "ctrl+o", "^o", "chair.key.tie_clear", None, priority=True),
        KeySpec("close", "escape", "Esc", "ui.key.close", None),
    ]


def meeting_keys() -> list[KeySpec]:
    return [
        KeySpec("save", "ctrl+s", "^s", "chair.key.dialog_save", None, priority=True),
        KeySpec("close", "escape", "Esc", "ui.key.close", None),
    ]


def government_keys() -> list[KeySpec]:
    return [KeySpec("close", "escape,r", "Esc", "ui.key.close", None)]


def calibration_keys() -> list[KeySpec]:
    return [KeySpec("noop", "", "↑↓ PgDn PgUp", None, "chair.key.scroll_page.help")]


def export_keys() -> list[KeySpec]:
    """The export dialog: what to write, how, and go. Shown in its footer and next to each option."""
    return [
        KeySpec("toggle('pdf')", "p", "p", "chair.key.export_pdf", "chair.key.export_pdf.help"),
        KeySpec("toggle('csv')", "c", "c", "chair.key.export_csv", "chair.key.export_csv.help"),
        KeySpec("toggle('xlsx')", "x", "x", "chair.key.export_xlsx", "chair.key.export_xlsx.help"),
        KeySpec("toggle('names')", "n", "n", "chair.key.export_names", "chair.key.export_names.help"),
        KeySpec("toggle('individual')", "i", "i", "chair.key.export_individual", "chair.key.export_individual.help"),
        KeySpec("toggle('final')", "f", "f", "evaluation.key.final", "evaluation.key.final.help"),
        KeySpec("toggle('strict')", "s", "s", "chair.key.export_strict", "chair.key.export_strict.help"),
        KeySpec("meeting", "m", "m", "chair.key.meeting", "chair.key.meeting.help", show=False),
        KeySpec("scroll_open(1)", "pagedown", "PgDn PgUp", None, "chair.key.export_scroll.help", show=False),
        KeySpec("scroll_open(-1)", "pageup", "PgUp", None, None, show=False),
        KeySpec("start", "enter", "⏎", "chair.key.export_start", "chair.key.export_start.help"),
        KeySpec("close", "escape", "Esc", "ui.key.close", "chair.key.export_close.help"),
    ]
