"""Synthetic follow-up rounds for measuring scale: a selection session of N applications, a
government decision selecting all of them, and per contract 1–3 yearly progress reports written as
files (so that building the round parses them, as `jury-tui new --follow-up-of` does)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import yaml
from synthetic import KEY_SEED, synthetic_session, words

from jury_tui.domain.deliberation import GovernmentDecision, GrantedContract
from jury_tui.domain.session import SessionDefinition
from jury_tui.formats.session_builder import (
    build_follow_up_session,
    shipped_criteria_dir,
)

YEAR = 2024
FOLLOW_UP_CRITERIA = "wvc-2021-opvolging.toml"
AGENCIES = ("Agentschap Wegen en Verkeer", "Agentschap Binnenlands Bestuur", "Vlaamse Maatschappij voor Watervoorziening",
            "Agentschap Opgroeien", "Wonen in Vlaanderen")


def selection_with_decision(applications: int, jurors: int = 7) -> tuple[SessionDefinition, GovernmentDecision]:
    """A synthetic selection session and a decision granting every application its requested subsidy."""
    selection = synthetic_session(applications, jurors)
    government = GovernmentDecision(
        decided_on=dt.date(2021, 12, 17), reference="Synthetisch besluit",
        selected=[GrantedContract(application_id=a.id, amount=a.requested_subsidy) for a in selection.applications],
    )
    return selection, government


def report_data(rng: random.Random, application_id: str, subsidy: float, year: int, first_year: int) -> dict:
    """One year's report of a contract: 5 budget lines (one infrastructure), 4 indicators, 5
    milestones, a couple of obstacles and asks, cumulative spending growing with the years."""
    share = (year - first_year + 1) / 4
    planned = [round(subsidy * part / 100, -3) for part in (30, 25, 15, 12)]
    planned.append(subsidy - sum(planned))
    lines = [
        {"name": f"Pijler {n}: {words(rng, 3)[:-1]}", "planned": int(amount), "spent": int(amount * share * rng.uniform(0.5, 1.1)),
         "infrastructure": n == 5}
        for n, amount in enumerate(planned, start=1)
    ]
    start = dt.date(year, 1, 1)
    milestones = []
    for n in range(1, 6):
        due = start + dt.timedelta(days=rng.randrange(0, 365))
        reached = due + dt.timedelta(days=rng.randrange(-10, 60)) if rng.random() < 0.8 else None
        milestones.append({"name": f"Mijlpaal {n}: {words(rng, 3)[:-1]}", "planned": due,
                           **({"actual": min(reached, dt.date(year, 12, 31))} if reached else {})})
    return {
        "contract": application_id,
        "year": year,
        "period_start": start,
        "period_end": dt.date(year, 12, 31),
        "reported_on": dt.date(year + 1, 1, 31),
        "final": False,
        "ends_on": dt.date(2025, 12, 31) if rng.random() < 0.9 else dt.date(2026, 6, 30),
        "co_financing_paid": int(subsidy * 0.25 * share),
        "budget_lines": lines,
        "indicators": [
            {"name": f"Indicator {n}: {words(rng, 2)[:-1]}", "unit": "deelnemers", "baseline": 0,
             "target": 100, "measured": rng.randrange(0, 120)}
            for n in range(1, 5)
        ],
        "milestones": milestones,
        "obstacles": [words(rng, 9) for _ in range(rng.randint(1, 3))],
        "asks": [{"agency": rng.choice(AGENCIES), "ask": words(rng, 10)} for _ in range(rng.randint(1, 2))],
        "summary": words(rng, 50),
        "sections": [{"heading": "Stand van zaken", "body": words(rng, 120)},
                     {"heading": "Vooruitblik", "body": words(rng, 80)}],
    }


def report_text(data: dict) -> str:
    """The report as a progress report file: YAML front matter, the free sections as '## ' headings."""
    meta = {key: value for key, value in data.items() if key != "sections"}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100)
    body = "\n".join(f"## {section['heading']}\n\n{section['body']}\n" for section in data["sections"])
    return f"---\n{front}---\n\n{body}"


def write_reports(folder: Path, selection: SessionDefinition, government: GovernmentDecision,
                  seed: int = 1, year: int = YEAR) -> list[dict]:
    """Every contract's reports of `year` and 0–2 earlier years as files in `folder`; returns the data."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for granted in government.selected:
        years = rng.randint(1, 3)
        for report_year in range(year - years + 1, year + 1):
            data = report_data(rng, granted.application_id, granted.amount, report_year, year - years + 1)
            (folder / f"{granted.application_id}-{report_year}.md").write_text(report_text(data), encoding="utf-8")
            written.append(data)
    return written


def synthetic_follow_up(folder: Path, applications: int, jurors: int = 7):
    """(selection, government, reports folder, the follow-up session, its keys)."""
    selection, government = selection_with_decision(applications, jurors)
    reports = folder / "reports"
    write_reports(reports, selection, government)
    session, keys = build_follow_up_session(
        f"opv-{applications}", selection, government, reports, shipped_criteria_dir() / FOLLOW_UP_CRITERIA,
        key_seed=KEY_SEED, created_at=dt.datetime(2025, 3, 1, tzinfo=dt.UTC),
    )
    return selection, government, reports, session, keys
