"""What the juror reads under the application's title: the key figures, the partner organisations and
the session's eligibility rules as information (in the chair's words), never in the way of scoring."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from conftest import wait_until
from pydantic import TypeAdapter

from jury_tui.domain.canonical import json_form
from jury_tui.domain.session import SessionDefinition
from jury_tui.formats.session_builder import build_demo_session
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import load_session, write_session
from jury_tui.ui.app import JurorApp
from jury_tui.ui.widgets.application_text import ApplicationText, eligibility_lines

SIZE = (80, 24)
JUROR = "extern-1"


def test_every_rule_met_is_one_quiet_line():
    session = build_demo_session()
    for application in session.applications:  # the demo invents no failure (docs/demo-data.md)
        assert eligibility_lines(application, session.criteria.eligibility) == ["✓ ontvankelijk: alle 8 voorwaarden voldaan"]
    assert eligibility_lines(session.applications[0], []) == []  # no rules, nothing said


def test_a_rule_not_met_or_unknown_gets_a_line_with_its_figures():
    session = build_demo_session()
    antwerpen = dataclasses.replace(session.applications[0], requested_subsidy=850_000, infrastructure_amount=250_000,
                                    duration_months=None)
    assert eligibility_lines(antwerpen, session.criteria.eligibility) == [
        "ℹ niet voldaan: subsidie € 850.000 (max. € 800.000)",
        "ℹ niet voldaan: infrastructuur 29,4 % (max. 20 %)",  # 250.000 / 850.000
        "ℹ onbekend: looptijd onbekend (max. 48)",
        "ter informatie: de voorzitter beslist over de ontvankelijkheid, je scoort gewoon",
    ]
    # exactly at the limits: met
    at_limits = dataclasses.replace(antwerpen, requested_subsidy=800_000, infrastructure_amount=160_000, duration_months=48)
    assert eligibility_lines(at_limits, session.criteria.eligibility) == ["✓ ontvankelijk: alle 8 voorwaarden voldaan"]


async def text_paragraphs(pilot) -> list[str]:
    text = pilot.app.screen.query_one("#app-text", ApplicationText)
    await wait_until(pilot, lambda: text.laid_out and text.query("MarkdownH2"), "the application's text laid out")
    return [str(block.content) for block in text.query("MarkdownParagraph")]


async def test_the_juror_reads_partners_and_a_failed_rule_and_still_scores(demo_data_dir: Path):
    session = load_session(demo_data_dir, "wvc-2021-demo")
    data = json_form(session)
    data["id"] = "te-veel-gevraagd"
    data["applications"][0]["requested_subsidy"] = 850_000
    changed = TypeAdapter(SessionDefinition).validate_python(data)
    write_session(demo_data_dir, changed)
    JurorStore(demo_data_dir, changed, JUROR).declare_conflicts([])
    app = JurorApp(demo_data_dir, changed, JUROR)
    async with app.run_test(size=SIZE) as pilot:
        paragraphs = await text_paragraphs(pilot)
        assert paragraphs[0] == changed.applications[0].title
        lines = paragraphs[1].split("\n")
        assert lines[0].startswith("subsidie € 850.000 · kost € 1.300.000")
        assert lines[1] == "partners: " + " · ".join(changed.applications[0].partners)
        assert lines[2:] == [
            "ℹ niet voldaan: subsidie € 850.000 (max. € 800.000)",
            "ter informatie: de voorzitter beslist over de ontvankelijkheid, je scoort gewoon",
        ]
        await pilot.press("3")  # information only: the juror scores as usual
        store = JurorStore(demo_data_dir, changed, JUROR)
        assert store.assessment(changed.applications[0].id).get(changed.criteria.criteria[0].id).score == 3
        await pilot.press("n")  # the next application meets every rule
        paragraphs = await text_paragraphs(pilot)
        assert paragraphs[1].split("\n")[-1] == "✓ ontvankelijk: alle 8 voorwaarden voldaan"
