"""The juror's scoring panel at 80×24 and wider: what each score means (the criteria file's
levels), nothing cut off without a mark, criterion tabs as readable as the width allows, toasts off
the motivation, and the motivation read back from its start after Esc. Driven by keys with Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import wait_until
from textual.content import Content
from textual.widgets._toast import Toast

from jury_tui.domain.assessment import ApplicationAssessment
from jury_tui.domain.session import SessionDefinition
from jury_tui.i18n import language, set_language
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import load_session
from jury_tui.ui.app import JurorApp
from jury_tui.ui.screens.help import HelpScreen
from jury_tui.ui.widgets.scoring_panel import (
    CriterionInfo,
    LevelMeaning,
    MotivationArea,
    TieredLine,
    clipped,
    criteria_strip_tiers,
    scale_tiers,
)

SESSION_ID = "wvc-2021-demo"
JUROR = "extern-1"
SIZE = (80, 24)
MEANING_3 = "3 Voldoende: Een onderbouwde analyse; de meeste maatregelen volgen er herkenbaar uit."


@pytest.fixture
def session(demo_data_dir: Path) -> SessionDefinition:
    JurorStore(demo_data_dir, load_session(demo_data_dir, SESSION_ID), JUROR).declare_conflicts([])
    return load_session(demo_data_dir, SESSION_ID)


@pytest.fixture
def english():
    previous = language()
    set_language("en")
    yield
    set_language(previous)


def shown(widget) -> list[str]:
    """The lines a CriterionInfo or LevelMeaning shows at its width."""
    return [line.plain for line in widget.lines(widget.content_region.width)]


# --- what each score means ------------------------------------------------------------------------


async def test_a_conflicted_application_shows_no_score_meaning(demo_data_dir, session):
    store = JurorStore(demo_data_dir, session, JUROR)
    store.set_score(session.applications[0].id, "maatwerk", 3)
    store.declare_conflicts([session.applications[0].id])
    async with JurorApp(demo_data_dir, session, JUROR).run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        screen.action_go_to(0)
        await pilot.pause()
        assert screen.is_conflicted
        assert not screen.query_one("#level-meaning", LevelMeaning).display  # only the conflict note, no "3 Voldoende: …"


async def test_the_chosen_score_says_what_it_means_for_this_criterion(demo_data_dir, session):
    async with JurorApp(demo_data_dir, session, JUROR).run_test(size=SIZE) as pilot:
        await pilot.pause()
        meaning = pilot.app.screen.query_one("#level-meaning", LevelMeaning)
        assert " ".join(shown(meaning)) == "Nog geen score · i: wat elke score hier betekent"
        await pilot.press("3")
        await pilot.pause()
        assert " ".join(shown(meaning)) == MEANING_3  # two lines at 52 columns, nothing cut
        await pilot.press("right")  # 4
        await pilot.pause()
        assert shown(meaning)[0].startswith("4 Goed: Cijfers en kwalitatieve inzichten;")
        await pilot.press("down")  # the next criterion has its own meanings, and no score yet
        await pilot.pause()
        assert shown(meaning)[0].startswith("Nog geen score")
        await pilot.press("0")
        await pilot.pause()
        assert " ".join(shown(meaning)) == "0 Ontbreekt: Niets nieuw: het voorstel zet bestaand beleid voort."


async def test_a_long_meaning_ends_in_a_mark_and_the_key_that_shows_it_all(demo_data_dir, session):
    async with JurorApp(demo_data_dir, session, JUROR).run_test(size=SIZE) as pilot:
        await pilot.press("5")  # maatwerk 5: longer than two lines at 52 columns
        await pilot.pause()
        lines = shown(pilot.app.screen.query_one("#level-meaning", LevelMeaning))
        assert lines == [
            "5 Uitstekend: Een scherpe analyse van verweven",
            "problemen en een mix van harde en…   i: alle niveaus",  # 52 columns, a word not cut
        ]


async def test_i_shows_the_whole_question_and_every_level_with_whose_guidance_it_is(demo_data_dir, session):
    async with JurorApp(demo_data_dir, session, JUROR).run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        info = pilot.app.screen.query_one("#criterion-description", CriterionInfo)
        collapsed = shown(info)
        assert collapsed[-1] == "de context van de wijk en elke…  i: volledige vraag"  # 52 columns, a word not cut
        assert collapsed[0] == "Vertrekt de mix van harde en zachte maatregelen uit"
        await pilot.press("i")
        await pilot.pause()
        full = shown(info)
        assert "i: volledige vraag" not in " ".join(full)
        text = "\n".join(full)
        assert "de context van de wijk en elke maatregel duidelijk\ngelegd?" in text  # the question, whole
        assert "Wat elke score hier betekent · Leidraad van de jury" in text
        levels = [line for line in full if line[:1].isdigit()]
        assert [line.split()[0] for line in levels] == ["0", "1", "2", "3", "4", "5"]
        assert levels[0] == "0 Ontbreekt  Geen analyse van de wijk, of de"  # meanings in one column
        # the chosen score stands out as on the scale
        chosen = info.all_lines(info.content_region.width)[full.index(levels[3])]
        assert any("reverse" in str(span.style) for span in chosen.spans)
        assert not pilot.app.screen.query_one("#level-meaning").display or not pilot.app.screen.query_one(
            "#level-meaning").region.area  # the list says it already


async def test_english_meanings_and_marks(demo_data_dir, session, english):
    async with JurorApp(demo_data_dir, session, JUROR).run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        screen = pilot.app.screen
        assert " ".join(shown(screen.query_one("#level-meaning", LevelMeaning))) == (
            "3 Adequate: A substantiated analysis; most measures clearly follow from it."
        )
        assert shown(screen.query_one("#criterion-description", CriterionInfo))[-1].endswith("…       i: full question")


# --- nothing cut off without a mark ---------------------------------------------------------------


def test_clipped_lines_end_in_a_mark_and_the_hint():
    lines = [Content("een twee drie"), Content("vier vijf zes"), Content("zeven")]
    assert [line.plain for line in clipped(lines, 20, 3, "i: meer")] == ["een twee drie", "vier vijf zes", "zeven"]
    assert [line.plain for line in clipped(lines, 20, None, "i: meer")] == ["een twee drie", "vier vijf zes", "zeven"]
    # 20 columns: 7 for the hint, 1 space, 12 for the text and its "…" ("vier vijf z" would cut a
    # word: it ends before it); the hint at the right edge
    assert [line.plain for line in clipped(lines, 20, 2, "i: meer")] == ["een twee drie", "vier vijf…   i: meer"]
    assert [line.plain for line in clipped(lines, 24, 2, "i: meer")] == ["een twee drie", "vier vijf zes…   i: meer"]
    assert [line.plain for line in clipped(lines, 8, 1, "i: meer")] == ["i: meer"]  # too narrow: the hint alone
    assert [line.plain for line in clipped(lines, 5, 1, "i: meer")] == ["i: m…"]


def test_the_strip_shows_full_names_when_they_fit_else_shortened_ones_else_abbreviations(session):
    criteria = session.criteria
    assessment = ApplicationAssessment(application_id=session.applications[0].id)
    tiers = criteria_strip_tiers(criteria, assessment, 0, "nl")

    def strip_at(width: int) -> str:
        line = TieredLine()
        line.set_tiers(tiers)
        return line.separator.join(text for text, _ in line.chosen(width))

    full = "  ".join(f"{c.name.nl} –" for c in criteria.criteria)
    assert strip_at(len(full)) == full
    assert strip_at(len(full) - 1).startswith("Maatwerk –  Vernieuwend instrumentarium –  Geïntegreerd en samenhangend")
    assert "…" in strip_at(len(full) - 1)
    assert strip_at(82).split("  ")[:2] == ["Maatwerk –", "Vernieu… –"]  # 120 columns: names cut at 7 letters
    assert strip_at(52) == "Maa –  Ver –  Geï –  Sta –  Haa –  Mee –  Ken –"  # 80 columns
    assert strip_at(30) == strip_at(52)  # narrower still: the abbreviations, wrapped
    for width in (52, 82, len(full)):
        assert len(strip_at(width)) <= width


def test_the_scale_has_its_labels_and_a_compact_form_with_only_the_chosen_one(session):
    full, compact = scale_tiers(session.criteria.scale, 3, "nl")
    assert "".join(text for text, _ in compact) == " 0  1  2 ▶3 Voldoende◀ 4  5 "
    assert "".join(text for text, _ in full) == " 0 Ontbreekt  1 Zeer zwak  2 Zwak ▶3 Voldoende◀ 4 Goed  5 Uitstekend "


async def test_at_80x24_the_panel_fits_with_and_without_the_motivation_open(demo_data_dir, session):
    async with JurorApp(demo_data_dir, session, JUROR).run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        screen = pilot.app.screen
        panel = screen.query_one("#scoring").region
        for writing in (False, True):
            area = screen.query_one(MotivationArea)
            assert panel.contains_region(area.region) and area.region.height == (7 if writing else 5)
            # every label of the scale while scoring; only the chosen one while writing (no scores then)
            scale = screen.query_one("#scale", TieredLine).plain
            assert ("Ontbreekt" in scale) is not writing and "▶3 Voldoende◀" in scale
            await pilot.press("m")
            await pilot.pause()


# --- the motivation after Esc, toasts -------------------------------------------------------------


async def test_after_esc_the_motivation_shows_from_its_start(demo_data_dir, session):
    text = "Eerste zin van de motivatie. " + "Nog een zin die de motivatie langer maakt. " * 8 + "Laatste zin."
    async with JurorApp(demo_data_dir, session, JUROR).run_test(size=SIZE) as pilot:
        await pilot.press("3", "m")
        area = pilot.app.screen.query_one(MotivationArea)
        area.insert(text)
        await pilot.pause()
        assert area.scroll_offset.y > 0  # typing at the end: the last lines in view
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.focused is None
        assert area.scroll_offset.y == 0 and area.cursor_location == (0, 0)
        assert area.text == text
        await pilot.press("m")  # writing again continues at the end
        await pilot.pause()
        assert area.cursor_location == area.document.end


async def test_a_toast_never_covers_the_motivation_being_written(demo_data_dir, session):
    async with JurorApp(demo_data_dir, session, JUROR).run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("m")
        pilot.app.notify("Een melding die even blijft staan, lang genoeg om twee regels te vullen.")
        await wait_until(pilot, lambda: pilot.app.screen.query(Toast), "a toast")
        toast = pilot.app.screen.query_one(Toast).region
        assert toast.y <= 2 and toast.x >= 36  # top right, under the top bar
        assert not toast.overlaps(pilot.app.screen.query_one(MotivationArea).region)


# --- help --------------------------------------------------------------------------------------


async def test_help_explains_the_strips_colours_and_names(demo_data_dir, session):
    async with JurorApp(demo_data_dir, session, JUROR).run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        legend = pilot.app.screen.query_one("#help-strip-legend").render()
        lines = str(legend).splitlines()
        assert lines[0] == "De criteria onder de tekst, elk met je score:"
        assert lines[1:5] == [
            "Maa 5  volledig: score en motivatie (waar die verplicht is)",
            "Maa 5  begonnen: de score of de motivatie ontbreekt nog",
            "Maa –  nog niets ingevuld",
            "Maa 5  het criterium dat je nu ziet",
        ]
        assert "Ver    Vernieuwend instrumentarium" in lines and "Geï    Geïntegreerd en samenhangend geheel" in lines
        # in the strip's own colours
        styles = {str(span.style) for span in legend.spans}
        assert {"$text-success", "$text-warning", "$text-muted"} <= styles


async def test_a_criteria_file_without_levels_has_no_line_for_them(small_data_dir, small_session):
    JurorStore(small_data_dir, small_session, "j1").declare_conflicts([])
    async with JurorApp(small_data_dir, small_session, "j1").run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        screen = pilot.app.screen
        assert screen.query_one("#level-meaning").region.area == 0
        scale = screen.query_one("#scale", TieredLine).plain
        assert all(f"{step.value} {step.label.nl}" in scale for step in small_session.criteria.scale.steps)
        info = screen.query_one("#criterion-description", CriterionInfo)
        await pilot.press("i")
        await pilot.pause()
        assert not any("betekent" in line for line in shown(info))


async def test_the_palettes_scores_say_what_they_mean_for_the_current_criterion(demo_data_dir, session):
    from textual.widgets import OptionList

    async with JurorApp(demo_data_dir, session, JUROR).run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"voldoende")
        hits = pilot.app.screen.query_one(OptionList)
        wanted = "Score 3: Voldoende – Een onderbouwde analyse; de meeste maatregelen volgen er herkenbaar uit."
        await wait_until(pilot, lambda: hits.option_count and wanted in str(hits.get_option_at_index(0).prompt),
                         "the palette to offer score 3 with its meaning")
        await pilot.press("enter")
        await pilot.pause()
        assert " ".join(shown(pilot.app.screen.query_one("#level-meaning", LevelMeaning))) == MEANING_3
