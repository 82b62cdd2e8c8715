"""The help screen: every key with a Dutch description, built from the same key map as the bindings."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from jury_tui.domain.criteria import CriteriaSet
from jury_tui.domain.session import SessionDefinition
from jury_tui.i18n import language, t
from jury_tui.ui.keys import KeySpec, bindings_for
from jury_tui.ui.screens.dialogs import Dialog
from jury_tui.ui.widgets.key_footer import KeyFooter
from jury_tui.ui.wording import subject_t


class HelpScreen(Dialog):
    DEFAULT_CSS = """
    HelpScreen .help-box {
        width: 78;
        height: 1fr;
    }
    HelpScreen #help-scroll {
        height: 1fr;
    }
    HelpScreen .help-intro {
        margin: 0 0 1 0;
    }
    HelpScreen #help-keys {
        height: auto;
        margin-bottom: 1;
    }
    """
    AUTO_FOCUS = "#help-scroll"
    KEYS = [KeySpec("close", "escape,question_mark,f1,q", "Esc", "ui.key.close")]
    BINDINGS = bindings_for(KEYS)

    def __init__(self, rows: list[tuple[str, str]], criteria: CriteriaSet | None = None,
                 session: SessionDefinition | None = None) -> None:
        super().__init__()
        self.rows = rows
        self.criteria = criteria
        self.session = session  # its words for what is assessed (ui/wording.py)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box help-box"):
            yield Static(t("ui.help.title"), classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(subject_t(self.session, "ui.help.intro"), classes="help-intro", markup=False)
                yield Static(self._table(), id="help-keys")
                yield Static(t("ui.help.in_text"), classes="help-intro", markup=False)
                yield Static(t("ui.help.markers"), classes="help-intro", markup=False)
                if self.criteria is not None:
                    yield Static(strip_legend(self.criteria, language()), id="help-strip-legend", classes="help-intro")
        yield KeyFooter()

    def _table(self) -> Table:
        """One widget for the whole table: opens fast, wraps long descriptions under themselves."""
        table = Table(box=None, expand=True, padding=(0, 1, 0, 0), header_style="bold underline")
        table.add_column(t("ui.help.column_key"), style="bold", no_wrap=True, min_width=10)
        table.add_column(t("ui.help.column_action"), ratio=1)
        for keys, description in self.rows:
            table.add_row(Text(keys), Text(description))
        return table

    def action_close(self) -> None:
        self.dismiss(None)


def strip_legend(criteria: CriteriaSet, lang: str) -> Content:
    """What the criteria strip's colours and names mean, in the strip's own styles."""
    from jury_tui.ui.widgets.scoring_panel import (
        CURRENT_STYLE,
        criterion_abbreviation,
        strip_style,
    )

    first = criteria.criteria[0]
    sample = criterion_abbreviation(first, lang)
    top = criteria.scale.max
    rows = [
        (f"{sample} {top}", strip_style(True, False), "ui.help.strip_complete"),
        (f"{sample} {top}", strip_style(False, False), "ui.help.strip_started"),
        (f"{sample} –", strip_style(False, True), "ui.help.strip_empty"),
        (f"{sample} {top}", CURRENT_STYLE + strip_style(True, False), "ui.help.strip_current"),
    ]
    width = max(len(text) for text, _, _ in rows) + 2
    parts: list = [(t("ui.help.strip_title"), "bold"), "\n"]
    for text, style, key in rows:
        parts += [(text, style), " " * (width - len(text)), t(key), "\n"]
    parts.append(t("ui.help.strip_names"))
    for criterion in criteria.criteria:
        abbreviation = criterion_abbreviation(criterion, lang)
        parts += ["\n", (abbreviation, "bold"), " " * (width - len(abbreviation)), criterion.name.get(lang)]
    return Content.assemble(*parts)
