"""The scoring panel: one criterion at a time, its scale, the motivation, and a strip of all criteria.

The panel only shows; the assessment screen decides and saves.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Static, TextArea

from jury_tui.domain.assessment import ApplicationAssessment, criterion_is_complete
from jury_tui.domain.criteria import CriteriaSet, Criterion, Scale
from jury_tui.i18n import language, t
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


def criterion_info(criterion: Criterion, lang: str) -> tuple[str, str, tuple[str, ...]]:
    """The description, the guidance heading and the guidance points (no heading without points)."""
    points = tuple(point.get(lang) for point in criterion.guidance)
    return criterion.description.get(lang), t("ui.score.guidance_heading") if points else "", points


BULLET = "•"
BULLET_STYLE = "dim"
GUIDANCE_HEADING_STYLE = "italic dim"


def info_lines(info: tuple[str, str, tuple[str, ...]], width: int) -> list[Content]:
    """The description, then the guidance points as a list whose lines wrap under their own text."""
    description, heading, points = info
    width = max(width, 1)
    lines = Content(description).wrap(width)
    if points:
        lines.extend(Content.styled(heading, GUIDANCE_HEADING_STYLE).wrap(width))
        indent = cell_len(BULLET) + 1
        for point in points:
            wrapped = Content(point).wrap(max(width - indent, 1))
            lines.append(Content.assemble((BULLET, BULLET_STYLE), " ", wrapped[0]))
            lines.extend(Content.assemble(" " * indent, line) for line in wrapped[1:])
    return lines


class CriterionInfo(Widget):
    """Description and guidance of one criterion, laid out once per width (Rich's table grid for the
    hanging indent cost several ms per layout and paint)."""

    DEFAULT_CSS = """
    CriterionInfo {
        height: auto;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.info: tuple[str, str, tuple[str, ...]] = ("", "", ())
        self._lines: tuple[int, list[Content]] | None = None

    def update(self, info: tuple[str, str, tuple[str, ...]]) -> None:
        if info != self.info:
            self.info = info
            self._lines = None
            self.refresh(layout=True)

    def lines(self, width: int) -> list[Content]:
        if self._lines is None or self._lines[0] != width:
            self._lines = (width, info_lines(self.info, width))
        return self._lines[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.content_region.width or self.size.width))


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
            yield CriterionInfo(id="criterion-description")
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
        description = self.query_one("#criterion-description", CriterionInfo)
        description.update(criterion_info(criterion, self.lang))
        self.query_one("#criterion-info", InfoScroll).scroll_home(animate=False)
        self.query_one("#scale", PackedLine).set_items(scale_items(self.criteria.scale, entry.score, self.lang))
        area = self.motivation
        area.border_title = t("ui.score.motivation_required" if criterion.motivation_required else "ui.key.edit_motivation")
