"""Issue 15: in a follow-up round the juror assesses a contract's progress report, so the juror's app
speaks of contracts, not of applications (footer, toasts, conflicts, submit review, My scores, help),
in Dutch and English; a selection keeps its own words. Driven by keys at 80×24 on the demo's rounds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from test_ui_follow_up_juror import JUROR, ROUND, SIZE, write_follow_up_round
from textual.widgets import DataTable, Static
from textual.widgets._footer import FooterKey, FooterLabel

from jury_tui.formats.session_builder import DEMO_SESSION_ID as SELECTION
from jury_tui.i18n import (
    DOMAIN,
    LOCALE_DIR,
    SUPPORTED_LANGUAGES,
    language,
    set_language,
)
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import load_session
from jury_tui.ui.app import JurorApp
from jury_tui.ui.screens.dialogs import ConfirmDialog
from jury_tui.ui.screens.help import HelpScreen
from jury_tui.ui.screens.my_scores import MyScoresScreen
from jury_tui.ui.screens.submit_review import SubmitReview
from jury_tui.ui.wording import CONTRACT_WORDING

# "aanvraag"/"application" where the original application of 2021 is meant is right in a follow-up round.
APPLICATION_WORD = re.compile(r"(?<!oorspronkelijke )aanvra|(?<!original )application", re.IGNORECASE)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    write_follow_up_round(data)
    return data


@pytest.fixture
def in_language():
    previous = language()
    yield set_language
    set_language(previous)


def footer_text(screen) -> str:
    return " ".join(str(widget.render()) for widget in screen.query("FooterKey, FooterLabel")
                    if isinstance(widget, FooterKey | FooterLabel))


def statics(screen) -> str:
    return "\n".join(str(widget.render()) for widget in screen.query(Static))


def toasts(app) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def walk(data: Path, session_id: str, expect: dict[str, str]) -> None:
    """Score one application/contract fully, then look at every place that names it; `expect` holds
    the words per place (Dutch), each checked as shown."""
    session = load_session(data, session_id)
    store = JurorStore(data, session, JUROR)
    store.declare_conflicts([])
    app = JurorApp(data, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert expect["footer"] in footer_text(screen)
        assert expect["progress"] in str(screen.query_one("#progress").render())
        await pilot.press("p")  # on the first: said so
        assert any(expect["first"] in toast for toast in toasts(app))
        for number, _criterion in enumerate(session.criteria.criteria):
            await pilot.press(str(number % 3 + 2), "m", *"goed", "escape", "down")
        await pilot.pause()
        assert any(expect["complete"] in toast for toast in toasts(app)), toasts(app)

        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        shown = statics(help_screen) + "\n" + "\n".join(text for _keys, text in help_screen.rows)
        for words in expect["help"]:
            assert words in shown
        await pilot.press("escape")

        await pilot.press("o")
        scores = app.screen
        assert isinstance(scores, MyScoresScreen)
        assert str(scores.query_one(DataTable).ordered_columns[0].label).startswith(expect["column"])
        assert expect["scored"] in statics(scores)
        await pilot.press("escape")

        await pilot.press("s")
        assert isinstance(app.screen, SubmitReview)
        assert expect["review"] in statics(app.screen)
        await pilot.press("escape")

        await pilot.press("c")
        assert expect["conflicts"] in statics(app.screen)
        await pilot.press("space", "enter")  # the first (highlighted), just scored
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert re.search(expect["hides"], statics(app.screen)), statics(app.screen)
        await pilot.press("n")


async def test_a_follow_up_round_speaks_of_contracts(data_dir):
    await walk(data_dir, ROUND, {
        "footer": "n p Contract",
        "progress": "0/11 contracten af",
        "first": "Dit is het eerste contract (1/11).",
        "complete": "n: volgend contract",
        "help": ["een contract is volledig", "Volgend contract", "Voortgangsrapport op het hele scherm",
                 "Zoeken in het voortgangsrapport en de oorspronkelijke aanvraag",
                 "Eigen aantekening bij dit contract"],
        "column": "Contract",
        "scored": "1/11 contracten af",
        "review": "1 van 11 contracten af; 10 nog niet af.",
        "conflicts": "Duid met Spatie de contracten aan",
        "hides": r"contract wvc21-\d+ \(.+\) heeft al scores",
    })


async def test_a_selection_still_speaks_of_applications(data_dir):
    await walk(data_dir, SELECTION, {
        "footer": "n p Aanvraag",
        "progress": "0 van 20 beoordeeld",
        "first": "Dit is de eerste aanvraag (1/20).",
        "complete": "n: volgende aanvraag",
        "help": ["een aanvraag is volledig", "Volgende aanvraag", "Aanvraagtekst op het hele scherm",
                 "Zoeken in de tekst van de aanvraag", "Eigen aantekening bij deze aanvraag"],
        "column": "Aanvraag",
        "scored": "1 van 20 beoordeeld",
        "review": "1 van 20 aanvragen af; 19 nog niet af.",
        "conflicts": "Duid met Spatie de aanvragen aan",
        "hides": r"aanvraag wvc21-\d+ \(.+\) heeft al scores",
    })


async def test_in_english_the_footer_and_help_say_contract(data_dir, in_language):
    in_language("en")
    session = load_session(data_dir, ROUND)
    JurorStore(data_dir, session, JUROR).declare_conflicts([])
    app = JurorApp(data_dir, session, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "n p Contract" in footer_text(app.screen)
        assert "0/11 contracts done" in str(app.screen.query_one("#progress").render())
        await pilot.press("question_mark")
        rows = dict(app.screen.rows)
        assert rows["n"] == "Next contract"
        assert rows["t"] == "Progress report full screen (again: back)"
        assert "a contract is complete" in statics(app.screen)


def catalogue(lang: str) -> dict[str, str]:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as file:
        return {message.id: message.string for message in read_po(file, locale=lang, domain=DOMAIN) if message.id}


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_every_contract_variant_names_the_contract_and_keeps_the_placeholders(lang):
    texts = catalogue(lang)
    for key, variant in CONTRACT_WORDING.items():
        assert re.search("contract|voortgangsrapport|progress report", texts[variant], re.IGNORECASE), variant
        assert not APPLICATION_WORD.search(re.sub(r"\{\w+\}", "", texts[variant])), variant
        assert set(re.findall(r"\{(\w+)\}", texts[key])) == set(re.findall(r"\{(\w+)\}", texts[variant])), variant
