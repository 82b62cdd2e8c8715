"""The scoring panel: one criterion at a time, its scale, the motivation, and a strip of all criteria.

The panel only shows; the assessment screen decides and saves.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.css.scalar import Unit
from textual.css.styles import StylesBase
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Static, TextArea

from jury_tui.domain.assessment import ApplicationAssessment, criterion_is_complete
from jury_tui.domain.criteria import CriteriaSet, Criterion, Scale
from jury_tui.domain.session import SessionDefinition
from jury_tui.i18n import language, t
from jury_tui.ui.widgets.packed import Item, PackedLine, pack
from jury_tui.ui.wording import subject_t

ABBREVIATION = 3  # letters of a criterion's name on the strip when not even shortened names fit


def criterion_abbreviation(criterion: Criterion, lang: str) -> str:
    return criterion.name.get(lang)[:ABBREVIATION]


def shortened(name: str, letters: int) -> str:
    """The name itself when cutting saves nothing, else its first `letters` and "…"."""
    return name if len(name) <= letters + 1 else name[:letters].rstrip() + "…"


def criteria_strip_tiers(criteria: CriteriaSet, assessment: ApplicationAssessment, current: int, lang: str) -> list[list[Item]]:
    """The strip of every criterion with its score, from the most readable to the shortest: full
    names, names shortened (marked "…") to ever fewer letters, then the three-letter abbreviations
    the help screen explains. The widget shows the first that fits its width on one line."""
    names = [criterion.name.get(lang) for criterion in criteria.criteria]
    longest = max(len(name) for name in names)
    tiers = [criteria_strip(criteria, assessment, current, lang, lambda name: name)]
    tiers += [
        criteria_strip(criteria, assessment, current, lang, lambda name, n=letters: shortened(name, n))
        for letters in range(longest - 1, ABBREVIATION + 1, -1)
    ]
    tiers.append(criteria_strip(criteria, assessment, current, lang))
    return tiers


def criteria_strip(criteria: CriteriaSet, assessment: ApplicationAssessment, current: int, lang: str,
                   name=None) -> list[Item]:
    """'Maa 4  Ver –  …': every criterion with its score; the current one highlighted. `name` turns a
    criterion's name into what the strip shows (default: its abbreviation)."""
    items: list[Item] = []
    for index, criterion in enumerate(criteria.criteria):
        entry = assessment.get(criterion.id)
        score = "–" if entry.score is None else str(entry.score)
        style = strip_style(criterion_is_complete(criteria, entry), entry.is_empty)
        if index == current:
            style = CURRENT_STYLE + style
        label = criterion_abbreviation(criterion, lang) if name is None else name(criterion.name.get(lang))
        items.append((f"{label} {score}", style))
    return items


COMPLETE_STYLE, STARTED_STYLE, EMPTY_STYLE, CURRENT_STYLE = "$text-success", "$text-warning", "$text-muted", "bold reverse "


def strip_style(complete: bool, empty: bool) -> str:
    """The colour of a criterion on the strip (the help screen's legend shows the same)."""
    return COMPLETE_STYLE if complete else EMPTY_STYLE if empty else STARTED_STYLE


class TieredLine(PackedLine):
    """A PackedLine given several versions of its items, most readable first: it shows the first
    version that fits in the lines its max-height allows (jury.tcss; one without), else the last one."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.tiers: list[list[Item]] = []
        self._chosen: tuple[tuple[int, int], list[Item]] | None = None

    def set_tiers(self, tiers: list[list[Item]]) -> None:
        if tiers != self.tiers:
            self.tiers = tiers
            self._chosen = None
            self.set_items(tiers[-1] if tiers else [])
            self.refresh(layout=True)

    def chosen(self, width: int) -> list[Item]:
        key = (width, line_budget(self.styles) or 1)
        if self._chosen is None or self._chosen[0] != key:
            fitting = next((tier for tier in self.tiers if len(pack(tier, width, self.separator)) <= key[1]), None)
            self._chosen = (key, fitting if fitting is not None else (self.tiers[-1] if self.tiers else []))
        return self._chosen[1]

    @property
    def plain(self) -> str:
        width = max(1, self.content_region.width or self.size.width)
        return self.separator.join(text for text, _ in self.chosen(width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        self.items = self.chosen(max(1, width))
        return super().get_content_height(container, viewport, width)

    def render(self) -> Content:
        self.items = self.chosen(max(1, self.content_region.width or self.size.width))
        return super().render()


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


def scale_tiers(scale: Scale, chosen: int | None, lang: str) -> list[list[Item]]:
    """Every step with its label; then the numbers with only the chosen step's label, for when the
    labels do not fit the lines the scale has (one while the motivation is written: no score
    changes then; every label is in `i` when the criteria say what each level means)."""
    numbers: list[Item] = []
    for step in sorted(scale.steps, key=lambda step: step.value):
        if step.value == chosen:
            numbers.append((f"▶{step.value} {step.label.get(lang)}◀", "bold reverse $text-accent"))
        else:
            numbers.append((f" {step.value} ", ""))
    return [scale_items(scale, chosen, lang), numbers]


class Info(NamedTuple):
    """What `i` shows of a criterion: its question, the guidance points and what each level means."""

    description: str
    heading: str = ""  # above the guidance points (none without points)
    points: tuple[str, ...] = ()
    levels_heading: str = ""  # above the levels (none without levels)
    levels: tuple[tuple[str, str], ...] = ()  # ("3 Voldoende", what it means)
    chosen: int = -1  # the index in `levels` of the chosen score, which stands out (-1: none)


def criterion_info(criterion: Criterion, lang: str, scale: Scale | None = None, source: str = "",
                   chosen: int | None = None) -> Info:
    """The description, the guidance heading and points (no heading without points), and the
    meaning of each level of `scale` the criterion describes, headed by whose guidance it is; the
    `chosen` score's level stands out."""
    points = tuple(point.get(lang) for point in criterion.guidance)
    described = [] if scale is None else [
        (step.value, f"{step.value} {step.label.get(lang)}", meaning)
        for step in sorted(scale.steps, key=lambda step: step.value)
        if (meaning := criterion.level(step.value, lang)) is not None
    ]
    levels = tuple((label, meaning) for _, label, meaning in described)
    marked = next((index for index, (value, _, _) in enumerate(described) if value == chosen), -1)
    levels_heading = t("ui.score.levels_heading", source=source) if levels else ""  # criteria with levels name their source
    return Info(criterion.description.get(lang), t("ui.score.guidance_heading") if points else "", points,
                levels_heading, levels, marked)


BULLET = "•"
BULLET_STYLE = "dim"
GUIDANCE_HEADING_STYLE = "italic dim"


LEVEL_STYLE = "bold"
CHOSEN_LEVEL_STYLE = "bold reverse $text-accent"  # as the chosen step on the scale
HINT_STYLE = "italic $text-muted"


def info_lines(info: tuple, width: int) -> list[Content]:
    """The description, then the guidance points as a list whose lines wrap under their own text,
    then each level ("3 Voldoende") with what it means, wrapped under the meaning."""
    description, heading, points, levels_heading, levels, chosen = Info(*info)
    width = max(width, 1)
    lines = Content(description).wrap(width)
    if points:
        lines.extend(Content.styled(heading, GUIDANCE_HEADING_STYLE).wrap(width))
        indent = cell_len(BULLET) + 1
        for point in points:
            wrapped = Content(point).wrap(max(width - indent, 1))
            lines.append(Content.assemble((BULLET, BULLET_STYLE), " ", wrapped[0]))
            lines.extend(Content.assemble(" " * indent, line) for line in wrapped[1:])
    if levels:
        lines.extend(Content.styled(levels_heading, GUIDANCE_HEADING_STYLE).wrap(width))
        indent = min(max(cell_len(label) for label, _ in levels) + 1, width // 2)
        for index, (label, meaning) in enumerate(levels):
            style = CHOSEN_LEVEL_STYLE if index == chosen else LEVEL_STYLE
            wrapped = Content(meaning).wrap(max(width - indent, 1))
            if cell_len(label) >= indent:  # a label too long for the column: the meaning under it
                lines.extend(Content.styled(label, style).wrap(width))
                lines.extend(Content.assemble(" " * indent, line) for line in wrapped)
                continue
            lines.append(Content.assemble((label, style), " " * (indent - cell_len(label)), wrapped[0]))
            lines.extend(Content.assemble(" " * indent, line) for line in wrapped[1:])
    return lines


def line_budget(styles: StylesBase) -> int | None:
    """The lines a `max-height` in cells allows; None when it is no number of cells (e.g. 100%)."""
    scalar = styles.max_height
    if scalar is None or scalar.unit is not Unit.CELLS:
        return None
    return max(int(scalar.value), 1)


def clipped(lines: list[Content], width: int, budget: int | None, hint: str) -> list[Content]:
    """At most `budget` lines; when some are left out, the last one shown ends in "…" and `hint`
    (the key that shows the rest), so nothing is cut off without a mark."""
    if budget is None or len(lines) <= budget:
        return lines
    kept = lines[:budget]
    mark = Content.styled(hint, HINT_STYLE)
    room = width - mark.cell_length - 1
    if room < 2:  # too narrow for text and hint: the hint alone
        kept[-1] = mark.truncate(width, ellipsis=True)
        return kept
    # The last line shown runs on into the next one (without its indent), so it is filled to the hint.
    following = lines[budget]
    indent = len(following.plain) - len(following.plain.lstrip(" "))
    last = Content.assemble(kept[-1].rstrip(), " ", following[indent:]).truncate(room - 1)
    space = last.plain.rfind(" ")
    if space > (room - 1) // 2 and last.cell_length == room - 1:  # a word cut in two: end before it
        last = last.truncate(space)
    last = last.rstrip() + "…"
    kept[-1] = Content.assemble(last, " " * (width - last.cell_length - mark.cell_length), mark)
    return kept


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
        self.info: tuple = Info("")
        self._lines: tuple[int, list[Content]] | None = None

    def update(self, info: tuple) -> None:
        if info != self.info:
            self.info = info
            self._lines = None
            self.refresh(layout=True)

    def all_lines(self, width: int) -> list[Content]:
        if self._lines is None or self._lines[0] != width:
            self._lines = (width, info_lines(self.info, width))
        return self._lines[1]

    def lines(self, width: int) -> list[Content]:
        """As many lines as the panel gives the explanation (InfoScroll's max-height, jury.tcss); cut
        off, they end in "…" and "i: volledige vraag"; with `i` (max-height 100%) all of them."""
        budget = line_budget(self.parent.styles) if self.parent is not None else None
        return clipped(self.all_lines(width), width, budget, t("ui.score.info_more"))

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
        self._writing(True)

    def on_blur(self) -> None:
        self.border_subtitle = t("ui.score.motivation_hint")
        self._writing(False)
        # Read back from its start, not at the last line typed (m or Enter puts the cursor at the end again).
        self.move_cursor((0, 0), record_width=False)
        self.scroll_home(animate=False, immediate=True)

    def _writing(self, writing: bool) -> None:
        """A class on the panel while the box has focus (jury.tcss gives the box more rows and the
        rest fewer; Textual restyles descendants on a class, not on :focus-within)."""
        if self.parent is not None:
            self.parent.set_class(writing, "-writing")


class LevelMeaning(Widget):
    """What the chosen score means for this criterion (the criteria file's `levels`), under the
    scale; as many lines as its max-height allows (jury.tcss), cut off with "…" and "i: alle niveaus"."""

    DEFAULT_CSS = """
    LevelMeaning {
        height: auto;
    }
    LevelMeaning.-none {
        display: none;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.text = Content("")

    def update(self, text: Content) -> None:
        if not text.is_same(self.text):
            self.text = text
            self.refresh(layout=True)

    def lines(self, width: int) -> list[Content]:
        width = max(width, 1)
        return clipped(self.text.wrap(width), width, line_budget(self.styles), t("ui.score.levels_more"))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.content_region.width or self.size.width))


def level_meaning(criterion: Criterion, scale: Scale, chosen: int | None, lang: str) -> Content:
    """'3 Voldoende: <what 3 means here>'; without a score, where to find every meaning."""
    if chosen is None:
        return Content.styled(t("ui.score.level_none"), HINT_STYLE)
    meaning = criterion.level(chosen, lang)
    if meaning is None:
        return Content("")
    return Content.assemble((f"{chosen} {scale.label(chosen, lang)}: ", LEVEL_STYLE), meaning)


class InfoScroll(VerticalScroll, can_focus=False):
    """Description and guidance of the criterion; scrolls with the mouse, never takes focus."""


class ScoringPanel(Vertical):
    def __init__(self, criteria: CriteriaSet, session: SessionDefinition | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.criteria = criteria
        self.session = session  # its words for what is assessed (ui/wording.py)
        self.lang = language()
        # Whether the criteria say what each level means: then the panel shows the chosen one's meaning.
        self.has_levels = any(criterion.levels for criterion in criteria.criteria)
        self.levels_source = criteria.levels_source.get(self.lang) if criteria.levels_source else ""

    def compose(self) -> ComposeResult:
        yield TieredLine(id="criteria-strip")
        yield Static(id="criterion-heading")
        with InfoScroll(id="criterion-info"):
            yield CriterionInfo(id="criterion-description")
        yield TieredLine(separator="", id="scale")
        # (a criteria file without levels: no line for them)
        yield LevelMeaning(id="level-meaning", classes="" if self.has_levels else "-none")
        yield MotivationArea(id="motivation")
        yield Static(id="conflict-note")

    @property
    def motivation(self) -> MotivationArea:
        return self.query_one(MotivationArea)

    def show(self, assessment: ApplicationAssessment, index: int, conflicted: bool) -> None:
        """Show criterion `index` of `assessment` (the motivation text box is loaded separately)."""
        self.set_class(conflicted, "-conflict")
        strip = self.query_one("#criteria-strip", TieredLine)
        note = self.query_one("#conflict-note", Static)
        if conflicted:
            note.update(subject_t(self.session, "ui.score.conflict_panel"))
            strip.set_tiers([])
            return
        criterion = self.criteria.criteria[index]
        entry = assessment.get(criterion.id)
        strip.set_tiers(criteria_strip_tiers(self.criteria, assessment, index, self.lang))
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
        description.update(criterion_info(criterion, self.lang, self.criteria.scale, self.levels_source, entry.score))
        self.query_one("#criterion-info", InfoScroll).scroll_home(animate=False)
        scale = self.criteria.scale
        self.query_one("#scale", TieredLine).set_tiers(scale_tiers(scale, entry.score, self.lang))
        meaning = self.query_one("#level-meaning", LevelMeaning)
        meaning.update(level_meaning(criterion, scale, entry.score, self.lang))
        area = self.motivation
        area.border_title = t("ui.score.motivation_required" if criterion.motivation_required else "ui.key.edit_motivation")
