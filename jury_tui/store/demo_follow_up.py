"""The demo's follow-up round: the jury as klankbordgroep reads the 2024 progress reports of the 11
contracts of the selection demo (call §5; docs/demo-data.md, "The follow-up round").

`build_demo_follow_up` builds the round `wvc-2021-opvolging-2024` from the selection demo, the
government's decision on record and the shipped progress reports, with a fixed creation time and the
demo's derived keys: the same fingerprint on every laptop, so its submissions travel.

`fill_demo_follow_up` is `demo --filled` for the round: every juror's illustrative scores on the
follow-up criteria (store/demo_scores.py, the selection demo's mechanism), imported for the chair,
then the chair's consensus per criterion, verdict and overall motivation per contract and the meeting
on record, so the evaluation report can be written at once. The verdicts follow the reports' real
figures only (FOLLOW_UP_PLAN): Hasselt's infrastructure share on its plan and its moved objective,
Denderleeuw's dossiers on hold for lack of budget, Vilvoorde's stopped block-renovation files; the
other contracts are on track. The chair's own work is never touched: a contract with any decision of
the chair keeps it, and so does a meeting already on record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from jury_tui.domain.aggregation import ScoreTable, aggregate
from jury_tui.domain.consensus import ApplicationDecision, suggested_score
from jury_tui.domain.criteria import RuleKind
from jury_tui.domain.deliberation import GovernmentDecision
from jury_tui.domain.follow_up import Basis, FigureCheck, report_checks
from jury_tui.domain.session import SessionDefinition
from jury_tui.formats.session_builder import (
    DEMO_KEY_SEED,
    build_follow_up_session,
    demo_data_dir,
    shipped_criteria_dir,
)
from jury_tui.formatting import format_euro, format_percent
from jury_tui.i18n import language, t
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.demo_advice import record_demo_meeting
from jury_tui.store.demo_scores import FillResult, fill_demo_scores

DEMO_FOLLOW_UP_ID = "wvc-2021-opvolging-2024"
DEMO_FOLLOW_UP_TITLE = "Wijkverbeteringscontracten – opvolging 2024 (demo)"
# Fixed, so every copy of the round has the same fingerprint (with the demo's derived keys): after
# the progress reports of January 2025.
DEMO_FOLLOW_UP_CREATED_AT = dt.datetime(2025, 3, 3, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
FOLLOW_UP_CRITERIA = "wvc-2021-opvolging.toml"
PROGRESS_FOLDER = "progress"
MEETING_DAY = dt.date(2025, 3, 20)
SCORES_SEED = 2024

ON_TRACK, ATTENTION = "op-schema", "aandacht-nodig"
# The illustrative plan per contract: the klankbordgroep's verdict, the centre of the demo jurors'
# scores (0–5) and, where a report's real figures call for it, a lower centre on a criterion with the
# chair's note on it (a catalogue key). Only real figures lower a score (docs/demo-data.md).
FOLLOW_UP_PLAN: dict[str, tuple[str, float, dict[str, tuple[float, str]]]] = {
    "wvc21-02": (ON_TRACK, 4.1, {}),  # Beringen
    "wvc21-04": (ON_TRACK, 4.0, {}),  # Brugge
    "wvc21-05": (ATTENTION, 3.9, {  # Denderleeuw: 19 dossiers on hold, 15 for lack of budget
        "voortgang": (2.8, "demo.follow_up.note.denderleeuw_progress")}),
    "wvc21-06": (ON_TRACK, 4.0, {}),  # Dendermonde
    "wvc21-08": (ON_TRACK, 4.2, {}),  # Genk
    "wvc21-09": (ON_TRACK, 4.1, {}),  # Gent
    "wvc21-10": (ATTENTION, 3.8, {  # Hasselt: objective moved, infrastructure 23.4 % of the plan
        "voortgang": (2.6, "demo.follow_up.note.hasselt_progress"),
        "middelen": (2.5, "demo.follow_up.note.hasselt_means")}),
    "wvc21-15": (ON_TRACK, 4.3, {}),  # Mechelen
    "wvc21-16": (ON_TRACK, 4.0, {}),  # Oostende
    "wvc21-18": (ON_TRACK, 4.1, {}),  # Sint-Niklaas
    "wvc21-20": (ATTENTION, 4.0, {  # Vilvoorde: 21 of 60 block-renovation files stopped
        "voortgang": (2.8, "demo.follow_up.note.vilvoorde_progress")}),
}
# The chair's overall motivation of a contract whose verdict asks for attention (else the on-track text).
OVERALL = {
    "wvc21-05": "demo.follow_up.overall.denderleeuw",
    "wvc21-10": "demo.follow_up.overall.hasselt",
    "wvc21-20": "demo.follow_up.overall.vilvoorde",
}
DEFAULT_CENTRE = 4.0


def build_demo_follow_up(selection: SessionDefinition, government: GovernmentDecision) -> SessionDefinition:
    """The demo's follow-up round of `selection` under `government` (its private keys: demo_private_keys)."""
    return build_follow_up_session(
        DEMO_FOLLOW_UP_ID,
        selection,
        government,
        demo_data_dir() / PROGRESS_FOLDER,
        shipped_criteria_dir() / FOLLOW_UP_CRITERIA,
        title=DEMO_FOLLOW_UP_TITLE,
        created_at=DEMO_FOLLOW_UP_CREATED_AT,
        key_seed=DEMO_KEY_SEED,
        unselected_left_out=True,
    )[0]


def _centre(application_id: str, criterion_id: str) -> float:
    _verdict, base, lower = FOLLOW_UP_PLAN.get(application_id, (ON_TRACK, DEFAULT_CENTRE, {}))
    return lower[criterion_id][0] if criterion_id in lower else base


@dataclass(frozen=True)
class FollowUpFillResult:
    scores: FillResult  # the jurors filled and kept
    filled: list[str]  # contracts the demo decided
    kept: list[str]  # contracts with the chair's own work, left as they were
    meeting: bool  # whether the demo recorded the meeting (False: the chair's was kept)


def fill_demo_follow_up(data_dir: Path, session: SessionDefinition) -> FollowUpFillResult:
    """The jurors' scores and the chair's evaluation of the round (see the module); idempotent."""
    scores = fill_demo_scores(data_dir, session, SCORES_SEED, centre=_centre,
                              motivation_key="demo.follow_up.motivation", reason_key="demo.follow_up.reason")
    store = ChairStore(data_dir, session)
    lang = language()
    scale = session.criteria.scale
    round_ = session.follow_up
    year = round_.year if round_ is not None else ""
    aggregates = aggregate(session, ScoreTable(session, store.submissions().values()))
    filled, kept = [], []
    for application in session.applications:
        if store.decision(application.id) != ApplicationDecision(application_id=application.id):
            kept.append(application.id)
            continue
        verdict, _base, lower = FOLLOW_UP_PLAN.get(application.id, (ON_TRACK, DEFAULT_CENTRE, {}))
        figures = _infrastructure_figures(session, application.id)
        stats = aggregates.get(application.id)
        for criterion in session.criteria.criteria:
            score = suggested_score(stats.criteria[criterion.id]) if stats is not None else None
            if score is None:
                score = max(scale.min, min(scale.max, round(_centre(application.id, criterion.id))))
            motivation = t("demo.follow_up.consensus", criterion=criterion.name.get(lang),
                           label=scale.label(score, lang).lower(), municipality=application.municipality, year=year)
            if criterion.id in lower:
                motivation += " " + t(lower[criterion.id][1], **figures)
            store.set_consensus(application.id, criterion.id, score, motivation)
        overall = t(OVERALL.get(application.id, "demo.follow_up.overall.on_track"),
                    municipality=application.municipality, year=year, **figures)
        store.update_decision(application.id, verdict=session.criteria.verdict(verdict).id, overall_motivation=overall)
        filled.append(application.id)
    meeting = record_demo_meeting(store, session, MEETING_DAY,
                                  t("demo.follow_up.meeting_notes", count=len(session.applications), year=year))
    return FollowUpFillResult(scores, filled, kept, meeting)


def _infrastructure_figures(session: SessionDefinition, application_id: str) -> dict[str, str]:
    """The infrastructure share of the contract's plan, from its own report of the round's year
    (domain/follow_up.report_checks): the figures the chair's note on Hasselt cites."""
    if session.follow_up is None:
        return {}
    checks = report_checks(session.follow_up.report(application_id), session.criteria.eligibility)
    plan: FigureCheck | None = next((check for check in checks if check.kind is RuleKind.MAX_INFRASTRUCTURE_SHARE
                                     and check.basis is Basis.PLAN), None)
    if plan is None or not isinstance(plan.value, float) or not isinstance(plan.limit, float):
        return {}
    return {"share": format_percent(plan.value), "limit": format_percent(plan.limit),
            "part": format_euro(plan.part), "whole": format_euro(plan.whole)}
