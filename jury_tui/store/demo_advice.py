"""The chair's illustrative consolidation of the demo session, and the government's decision of 2021.

`fill_demo_advice` writes, through the chair's store (so every step is in the history and can be
undone), a complete and consistent advice at the session's budget of 4,000,000 euro: a consensus
score (the median of the voting scores, as the chair's view suggests it) and motivation per
criterion, a recommendation, an amount and an overall motivation per application, a hearing for a
few, conditions for the selected ones, and the meeting on record. The recommendations follow the
illustrative plan below: six applications selected within 4,000,000 euro, the five others the
government selected in December 2021 on reserve, so raising the budget to 7,600,000 funds exactly
the reserve list. The chair's own work is never touched: an application with any decision of the
chair keeps it, and so does a meeting already on record (the same rule as for the jurors' scores).

`demo_government` reads the government's real decision of 2021 (jury_tui/demo_data/government-2021.toml;
what is real and what illustrative: docs/demo-data.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from jury_tui.domain.aggregation import ScoreTable, aggregate
from jury_tui.domain.consensus import (
    ApplicationDecision,
    Recommendation,
    suggested_score,
)
from jury_tui.domain.deliberation import GovernmentDecision, Meeting
from jury_tui.domain.ranking import rank, voting_counts
from jury_tui.domain.session import SessionDefinition
from jury_tui.formats.government_file import load_government
from jury_tui.formats.session_builder import demo_data_dir
from jury_tui.formatting import format_amount
from jury_tui.i18n import language, t
from jury_tui.store.chair_store import ChairStore

SELECT, RESERVE, REJECT = Recommendation.SELECT, Recommendation.RESERVE, Recommendation.REJECT

# The illustrative plan per application: how strong the demo jurors find it (the centre of their
# scores, on the 0–5 scale), the chair's recommendation at 4,000,000 euro and the amount advised.
# Selected and reserve together are the eleven the government selected (seeds/selected-neighbourhoods-2021.txt).
PLAN: dict[str, tuple[float, Recommendation, float | None]] = {
    "wvc21-01": (2.9, REJECT, None),  # Antwerpen
    "wvc21-02": (4.3, SELECT, 760_000),  # Beringen
    "wvc21-03": (2.4, REJECT, None),  # Boom
    "wvc21-04": (3.7, RESERVE, 800_000),  # Brugge
    "wvc21-05": (4.2, SELECT, 500_000),  # Denderleeuw
    "wvc21-06": (4.2, SELECT, 480_000),  # Dendermonde
    "wvc21-07": (2.6, REJECT, None),  # Geraardsbergen
    "wvc21-08": (4.4, SELECT, 700_000),  # Genk
    "wvc21-09": (4.5, SELECT, 760_000),  # Gent
    "wvc21-10": (3.6, RESERVE, 700_000),  # Hasselt
    "wvc21-11": (2.0, REJECT, None),  # Hoeilaart
    "wvc21-12": (2.8, REJECT, None),  # Izegem
    "wvc21-13": (2.7, REJECT, None),  # Kortrijk
    "wvc21-14": (2.5, REJECT, None),  # Maasmechelen
    "wvc21-15": (4.6, SELECT, 800_000),  # Mechelen
    "wvc21-16": (3.8, RESERVE, 760_000),  # Oostende
    "wvc21-17": (2.9, REJECT, None),  # Roeselare
    "wvc21-18": (3.6, RESERVE, 700_000),  # Sint-Niklaas
    "wvc21-19": (2.6, REJECT, None),  # Turnhout
    "wvc21-20": (3.5, RESERVE, 640_000),  # Vilvoorde
}
# The applications heard at the meeting (call §5, "inhoudelijke toelichting").
HEARD = ("wvc21-04", "wvc21-10", "wvc21-15")
MEETING_DAY = dt.date(2021, 9, 23)
GOVERNMENT_FILE = "government-2021.toml"


def demo_quality(application_id: str, default: float) -> float:
    """The centre of the demo jurors' scores for an application (store/demo_scores.py)."""
    plan = PLAN.get(application_id)
    return default if plan is None else plan[0]


@dataclass(frozen=True)
class AdviceFillResult:
    filled: list[str]  # applications the demo decided
    kept: list[str]  # applications with the chair's own work, left as they were
    meeting: bool  # whether the demo recorded the meeting (False: the chair's was kept)


def _untouched(decision: ApplicationDecision) -> bool:
    return decision == ApplicationDecision(application_id=decision.application_id)


def fill_demo_advice(data_dir: Path, session: SessionDefinition) -> AdviceFillResult:
    """The chair's illustrative consolidation (see the module); idempotent."""
    store = ChairStore(data_dir, session)
    lang = language()
    scale = session.criteria.scale
    aggregates = aggregate(session, ScoreTable(session, store.submissions().values()))
    rank_order = {application_id: index for index, application_id in enumerate(
        sorted(PLAN, key=lambda aid: (-PLAN[aid][0], aid)))}
    filled, kept = [], []
    for application in session.applications:
        if not _untouched(store.decision(application.id)):
            kept.append(application.id)
            continue
        quality, recommendation, amount = PLAN.get(application.id, (scale.min, REJECT, None))
        stats = aggregates.get(application.id)
        for criterion in session.criteria.criteria:
            score = suggested_score(stats.criteria[criterion.id]) if stats is not None else None
            if score is None:
                score = max(scale.min, min(scale.max, round(quality)))
            motivation = t("demo.advice.consensus", criterion=criterion.name.get(lang),
                           label=scale.label(score, lang).lower(), municipality=application.municipality)
            store.set_consensus(application.id, criterion.id, score, motivation)
        store.set_recommendation(application.id, recommendation)
        if amount is not None:
            store.set_amount(application.id, min(amount, application.requested_subsidy))
        overall = {
            SELECT: "demo.advice.overall_select",
            RESERVE: "demo.advice.overall_reserve",
            REJECT: "demo.advice.overall_reject",
        }[recommendation]
        store.set_overall(application.id, t(overall, municipality=application.municipality,
                                            amount=format_amount(amount or 0)))
        if application.id in HEARD:
            store.set_text(application.id, "hearing", t("demo.advice.hearing", municipality=application.municipality))
        if recommendation is SELECT:
            store.set_text(application.id, "conditions", t("demo.advice.conditions", municipality=application.municipality))
        filled.append(application.id)
    _settle_ranking(store, session, aggregates, rank_order, filled)
    meeting = record_demo_meeting(store, session, MEETING_DAY, t("demo.advice.meeting_notes"))
    return AdviceFillResult(filled, kept, meeting)


def record_demo_meeting(store: ChairStore, session: SessionDefinition, held_on: dt.date, notes: str) -> bool:
    """The demo's meeting on record (every juror present, the demo chair and secretariat), unless the
    chair recorded one already: whether it was recorded now."""
    if store.deliberation().meeting.recorded:
        return False
    store.set_meeting(Meeting(held_on=held_on, chair=t("demo.advice.chair"),
                              attendees=[juror.id for juror in session.jurors],
                              others=[t("demo.advice.secretariat")], notes=notes))
    return True


def _settle_ranking(store: ChairStore, session: SessionDefinition, aggregates, rank_order: dict[str, int],
                    filled: list[str]) -> None:
    """What the ranking asks of the applications the demo decided: the chair's motivated choice to
    rank one with too few voting scores (a juror who kept real work submitted nothing), and the
    chair's order of a tie whose order decides an outcome (different recommendations, or reserves)."""
    decisions = store.decisions()
    ranking = rank(session, decisions, votes=voting_counts(aggregates))
    mine = set(filled)
    for row in ranking:
        if row.too_few_votes and row.application_id in mine:
            store.set_text(row.application_id, "rank_motivation", t("demo.advice.rank_motivation"))
    decisions = store.decisions()
    ranking = rank(session, decisions, votes=voting_counts(aggregates), tie_orders=store.deliberation().tie_orders)
    for row in ranking:
        if not row.ex_aequo or not set(row.tied_with) <= mine or row.application_id != min(row.tied_with):
            continue
        recommendations = {decisions[aid].recommendation for aid in row.tied_with}
        if len(recommendations) > 1 or recommendations == {Recommendation.RESERVE}:  # domain/advice.py: the order matters
            order = sorted(row.tied_with, key=lambda aid: rank_order.get(aid, len(rank_order)))
            store.set_tie_order(order, t("demo.advice.tie"))


def demo_government(session: SessionDefinition, path: Path | None = None) -> GovernmentDecision:
    """The government's decision of 2021 as the demo records it (the TOML beside the demo data), read
    as `jury-tui government` reads any decision file."""
    return load_government(path or demo_data_dir() / GOVERNMENT_FILE, session)
