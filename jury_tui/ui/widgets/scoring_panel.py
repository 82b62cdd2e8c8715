"""The scoring panel: one criterion at a time, its scale, the motivation, and a strip of all criteria.

The panel only shows; the assessment screen decides and saves.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static, TextArea

from jury_tui.domain.assessment import ApplicationAssessment, criterion_is_complete
from jury_tui.domain.criteria import CriteriaSet, Criterion, Scale
from jury_tui.i18n import language, t
from jury_tui.ui import messages as _messages  # noqa: F401
from jury_tui.ui.widgets.packed import Item, PackedLine


def criterion_abbreviation(criterion: Criterion, lang: str) -> str:
    return criterion.name.get(lang)[:3]


def criteria_strip(criteria: CriteriaSet, assessment: ApplicationAssessment, current: int, lang: str) -> list[Item]:
    """'Maa 4  Ver –  …': every criterion with its score; the current one highlighted."""
    items: list[Item] = []
    for index, criterion in enumerate(criteria.criteria):
        entry = assessment.get(criterion.id)
        score = "–" if entry.score is None else str(entry.score)
        if criterion_is_complete(criteria, entry):
            style = "$text-success"
        elif entry.is_empty:
            style = "$text-muted"
        else:
            style = "$text-warning"
        if index == current:
            style = "bold reverse " + style
        items.append((f"{criterion_abbreviation(criterion, lang)} {score}", style))
    return items


def scale_items(scale: Scale, chosen: int | None, lang: str) -> list[Item]:
    """Every step of the scale with its label; the chosen one stands out."""
    items: list[Item] = []
    for step in sorted(scale.steps, key=lambda step: step.value):
        text = f"{step.value} {step.label.get(lang)}"
        if step.value == chosen:
            items.append((f"▶{text}◀", "bold reverse $text-accent"))
        else:
            items.append((f" {text} ", ""))
    return items


def criterion_info(criterion: Criterion, lang: str) -> Group:
    """The description, then the guidance points as a list whose lines wrap under their own text."""
    parts: list = [Text(criterion.description.get(lang))]
    if criterion.guidance:
        parts.append(Text(t("ui.score.guidance_heading"), style="italic dim"))
        points = Table.grid(padding=(0, 1, 0, 0))
        points.add_column(no_wrap=True)
        points.add_column(ratio=1)
        for point in criterion.guidance:
            points.add_row(Text("•", style="dim"), Text(point.get(lang)))
        parts.append(points)
    return Group(*parts)


class MotivationArea(TextArea):
    """The motivation text box. While it has focus every printable key goes into the text."""

    DEFAULT_CSS = """
    MotivationArea {
        height: 5;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(
            "",
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            placeholder=t("ui.score.motivation_placeholder"),
            **kwargs,
        )
        self.border_subtitle = t("ui.score.motivation_hint")

    def on_focus(self) -> None:
        self.border_subtitle = t("ui.score.motivation_hint_editing")

    def on_blur(self) -> None:
        self.border_subtitle = t("ui.score.motivation_hint")


class InfoScroll(VerticalScroll, can_focus=False):
    """Description and guidance of the criterion; scrolls with the mouse, never takes focus."""


class ScoringPanel(Vertical):
    def __init__(self, criteria: CriteriaSet, **kwargs) -> None:
        super().__init__(**kwargs)
        self.criteria = criteria
        self.lang = language()

    def compose(self) -> ComposeResult:
        yield PackedLine(id="criteria-strip")
        yield Static(id="criterion-heading")
        with InfoScroll(id="criterion-info"):
            yield Static(id="criterion-description")
        yield PackedLine(separator="", id="scale")
        yield MotivationArea(id="motivation")
        yield Static(id="conflict-note")

    @property
    def motivation(self) -> MotivationArea:
        return self.query_one(MotivationArea)

    def show(self, assessment: ApplicationAssessment, index: int, conflicted: bool) -> None:
        """Show criterion `index` of `assessment` (the motivation text box is loaded separately)."""
        self.set_class(conflicted, "-conflict")
        strip = self.query_one("#criteria-strip", PackedLine)
        note = self.query_one("#conflict-note", Static)
        if conflicted:
            note.update(t("ui.score.conflict_panel"))
            strip.set_items([])
            return
        criterion = self.criteria.criteria[index]
        entry = assessment.get(criterion.id)
        strip.set_items(criteria_strip(self.criteria, assessment, index, self.lang))
        heading = Content.assemble(
            (
                t(
                    "ui.score.criterion_heading",
                    number=index + 1,
                    total=len(self.criteria.criteria),
                    name=criterion.name.get(self.lang),
                ),
                "bold",
            )
        )
        self.query_one("#criterion-heading", Static).update(heading)
        description = self.query_one("#criterion-description", Static)
        description.update(criterion_info(criterion, self.lang))
        self.query_one("#criterion-info", InfoScroll).scroll_home(animate=False)
        self.query_one("#scale", PackedLine).set_items(scale_items(self.criteria.scale, entry.score, self.lang))
        area = self.motivation
        area.border_title = t("ui.score.motivation_required" if criterion.motivation_required else "ui.score.motivation_title")
