"""Issue 15, the juror's side of a follow-up round: the contract's progress report of the year is read
before the original application, with its figures; scoring and submitting work as in a selection.
Built on the demo's follow-up round (the 11 contracts of the government's decision, the shipped
progress reports), driven by keys at 80×24."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import Static
from textual.widgets.markdown import MarkdownBlock

from jury_tui.domain.follow_up import BudgetLine
from jury_tui.formats.session_builder import (
    DEMO_KEY_SEED,
    build_demo_session,
    build_follow_up_session,
    demo_data_dir,
    demo_private_keys,
    shipped_criteria_dir,
)
from jury_tui.formats.submission_file import load_submission
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.demo_advice import demo_government
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import default_submission_path, load_session, write_session
from jury_tui.ui.app import JurorApp
from jury_tui.ui.screens.assessment import AssessmentScreen
from jury_tui.ui.screens.dialogs import MessageDialog
from jury_tui.ui.screens.submit_review import SubmitReview
from jury_tui.ui.widgets.application_text import ApplicationText
from jury_tui.ui.widgets.progress_report_text import (
    ProgressReportText,
    demoted,
    report_markdown,
)

ROUND = "wvc-2021-opvolging-2024"
JUROR = "extern-1"
HASSELT = "wvc21-10"
SIZE = (80, 24)
INFRA_ON_PLAN = "⚠ infrastructuur, volgens plan: 23,4 % (max. 20 %) — € 124.000 van € 531.000"


def write_follow_up_round(data_dir: Path):
    """The demo selection and its follow-up round of 2024 in `data_dir`, as the secretariat makes them."""
    selection = build_demo_session()
    write_session(data_dir, selection, demo_private_keys(selection))
    session, keys = build_follow_up_session(
        ROUND, selection, demo_government(selection), demo_data_dir() / "progress",
        shipped_criteria_dir() / "wvc-2021-opvolging.toml", key_seed=DEMO_KEY_SEED)
    write_session(data_dir, session, keys)
    return load_session(data_dir, ROUND)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("follow-up")
    return data_dir, write_follow_up_round(data_dir)


@pytest.fixture
def round_session(built):
    return built[1]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh copy of the round for a test that writes (scores, submissions)."""
    data = tmp_path / "data"
    write_follow_up_round(data)
    return data


def shown_text(text: ApplicationText) -> str:
    """What the text widget shows: its blocks' and table cells' text, in reading order."""
    widgets = text.query("MarkdownBlock, MarkdownTableCellContents").results(Static)
    return "\n".join(widget.content.plain for widget in widgets if isinstance(widget.content, Content))


# --- the Markdown of a report --------------------------------------------------------------------------


def test_hasselt_reads_report_figures_then_the_original_application(round_session):
    hasselt = round_session.application(HASSELT)
    text = report_markdown(hasselt, round_session.follow_up, round_session.criteria.eligibility)
    order = [
        "Voortgangsrapport 2024 · periode 01\\-01\\-2024 t\\/m 31\\-12\\-2024",
        "toegekende subsidie € 700\\.000 \\(illustratief\\)",
        "⚠ infrastructuur\\, volgens plan\\: 23\\,4 \\% \\(max\\. 20 \\%\\) — € 124\\.000 van € 531\\.000",
        "✓ cofinanciering\\, besteed tot nu\\: 27\\,9 \\%",
        "*Omdat de nieuwbouw",
        "## Budget en bestedingen",
        "| Budgetlijn | Gepland | Besteed 2023 | Besteed 2024 | % van plan |",
        "| Activering en skills | 195 | 60 | 120 | 61,5 % |",
        "| **Totaal** | 531 | 112 | 245 | 46,1 % |",
        "## Indicatoren",
        "| Lopende wijkverbindende activiteiten \\(activiteiten\\) | 0 | 6 | 1 | 4 | 66,7 % |",
        "## Mijlpalen",
        "nog niet gehaald — 184 dagen te laat",  # planned 30-06-2024, still open on 31-12-2024
        "## Gewijzigde doelstellingen",
        "## Knelpunten",
        "## Vragen aan Vlaamse agentschappen",
        "- **Agentschap Wegen en Verkeer**: Akkoord als wegbeheerder",
        "bron\\: Presentatie van stad Hasselt",
        "illustratief \\(niet uit een bron\\)\\: datum van indiening\\, betaalde cofinanciering\\, bestede bedragen\\, mijlpalen",
        "## Stand van zaken",
        "## Oorspronkelijke aanvraag \\(2021\\)",
        "subsidie € 720\\.000",
        "### 1\\. Inhoudelijke omschrijving",
    ]
    positions = [text.find(part) for part in order]
    assert -1 not in positions, [part for part, at in zip(order, positions) if at == -1]
    assert positions == sorted(positions)


def test_an_infrastructure_line_is_marked_unless_its_name_says_so(round_session):
    round_ = round_session.follow_up
    report = round_.report(HASSELT)
    lines = [dataclasses.replace(line, name="Fietsbrug") if line.infrastructure else line for line in report.budget_lines]
    changed = dataclasses.replace(round_, reports=[dataclasses.replace(report, budget_lines=lines)
                                                   if r is report else r for r in round_.reports])
    text = report_markdown(round_session.application(HASSELT), changed, round_session.criteria.eligibility)
    assert "| Fietsbrug \\(infrastructuur\\) | 124 |" in text
    assert "| Infrastructuur | 124 |" in report_markdown(round_session.application(HASSELT), round_)


def test_names_from_a_report_cannot_make_markdown(round_session):
    round_ = round_session.follow_up
    report = round_.report(HASSELT)
    sneaky = BudgetLine(name="**vet** | [link](http://x) `code`", planned=1000, spent=10)
    changed = dataclasses.replace(round_, reports=[
        dataclasses.replace(report, budget_lines=[*report.budget_lines, sneaky], obstacles=["# kop *schuin*"])
        if r is report else r for r in round_.reports])
    text = report_markdown(round_session.application(HASSELT), changed)
    assert "| \\*\\*vet\\*\\* \\| \\[link\\]\\(http\\:\\/\\/x\\) \\`code\\` |" in text
    assert "- \\# kop \\*schuin\\*" in text


def test_the_applications_sections_go_one_level_down_outside_code():
    body = "Tekst\n## Sub\n###### zes blijft\n```\n## geen kop\n```\n#geen kop"
    assert demoted(body) == "Tekst\n### Sub\n###### zes blijft\n```\n## geen kop\n```\n#geen kop"


# --- the juror's app ------------------------------------------------------------------------------------


async def test_a_juror_reads_hasselts_report_scores_it_and_submits(data_dir):
    session = load_session(data_dir, ROUND)
    criteria = session.criteria.criteria
    app = JurorApp(data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # the first visit: no conflicts
        screen = app.screen
        assert isinstance(screen, AssessmentScreen)
        text = screen.query_one("#app-text", ApplicationText)
        assert isinstance(text, ProgressReportText)
        await pilot.press(*["n"] * 6)  # Beringen … Gent, then Hasselt
        assert screen.current.id == HASSELT
        await text.rendering
        await pilot.pause()
        shown = shown_text(text)
        assert INFRA_ON_PLAN in shown
        assert "Oorspronkelijke aanvraag (2021)" in shown
        assert shown.index("Voortgangsrapport 2024") < shown.index("Oorspronkelijke aanvraag (2021)")

        for number, _criterion in enumerate(criteria):
            await pilot.press(str(number % 5 + 1), "m", *f"motivering{number}", "escape", "down")
        assert "volledig" in str(screen.query_one("#app-heading").render())

        await pilot.press("s")
        assert isinstance(app.screen, SubmitReview)
        await pilot.press("j")  # incomplete (one contract of 11): j submits anyway
        assert isinstance(app.screen, MessageDialog)
        await pilot.press("enter")
    path = default_submission_path(data_dir, ROUND, JUROR)
    submission = load_submission(path)  # the layout and checksum verified
    scored = next(a for a in submission.assessments if a.application_id == HASSELT)
    assert [(c.score, c.motivation) for c in scored.scores] == [
        (number % 5 + 1, f"motivering{number}") for number in range(len(criteria))]
    chair = ChairStore(data_dir, session)
    chair.import_submission(path)  # the signature and the session's fingerprint checked
    assert list(chair.submissions()) == [JUROR]


async def test_search_finds_a_word_in_a_table_cell(built):
    data, session = built
    JurorStore(data, session, JUROR).declare_conflicts([])
    app = JurorApp(data, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*["n"] * 6)
        await pilot.press("slash", *"medisch per", "enter")
        bar = app.screen.query_one("#search-bar")
        assert bar.matches, "no match"
        current = bar.matches[bar.current]
        assert not isinstance(current.block, MarkdownBlock)  # a cell of the budget table: "Medisch personeel"
        assert str(app.screen.query_one("#search-count").render()).startswith("1/")
        scroll = app.screen.query_one("#text-scroll")
        assert scroll.scroll_y > 0  # scrolled down to the table
        assert current.block.region.y >= scroll.region.y and current.block.region.bottom <= scroll.region.bottom


async def test_a_selection_session_still_reads_the_application(demo_data_dir):
    session = load_session(demo_data_dir, "wvc-2021-demo")
    JurorStore(demo_data_dir, session, JUROR).declare_conflicts([])
    app = JurorApp(demo_data_dir, session, JUROR)
    async with app.run_test(size=SIZE):
        text = app.screen.query_one("#app-text", ApplicationText)
        assert type(text) is ApplicationText
