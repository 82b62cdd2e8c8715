"""Illustrative scores for the demo sessions (the selection demo and its follow-up round), so the
chair's views have something to show.

Every juror who has not scored anything yet gets deterministic, clearly labelled demo scores
and motivations, a submission, and that submission is imported for the chair. Real work is
never touched: a juror with any score keeps it, and an import of the same file changes nothing.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jury_tui.domain.assessment import ScoreChange
from jury_tui.domain.session import SessionDefinition
from jury_tui.i18n import language, t
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.demo_advice import demo_quality
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import session_dir
from jury_tui.store.submitting import write_submission


@dataclass(frozen=True)
class FillResult:
    filled: list[str]
    kept: list[str]


def _clip(value: float, low: int, high: int) -> int:
    return max(low, min(high, int(round(value))))


def fill_demo_scores(data_dir: Path, session: SessionDefinition, seed: int = 2021, *,
                     centre: Callable[[str, str], float] | None = None, motivation_key: str = "demo.motivation",
                     reason_key: str = "demo.reason") -> FillResult:
    """`centre(application id, criterion id)`: the centre of every juror's scores there (default: the
    selection demo's plan per application); `motivation_key` (criterion, label, municipality) and
    `reason_key`: the texts of the scores (the follow-up round's: store/demo_follow_up.py)."""
    scale = session.criteria.scale
    lang = language()  # the illustrative motivations are written in the user's language
    rng = random.Random(seed)
    # The centre of every juror's scores per application: the illustrative plan of the demo's advice
    # (store/demo_advice.py), so the chair's consolidation follows from the scores.
    quality = {a.id: demo_quality(a.id, rng.uniform(scale.min + 1.5, scale.max - 0.5)) for a in session.applications}

    def plan_centre(application_id: str, criterion_id: str) -> float:
        return quality[application_id]

    centre_of = centre or plan_centre
    application_ids = [a.id for a in session.applications]
    outbox = session_dir(data_dir, session.id) / "demo-inzendingen"
    chair = ChairStore(data_dir, session)
    filled, kept = [], []
    for index, juror in enumerate(session.jurors):
        store = JurorStore(data_dir, session, juror.id)
        if any(assessment.scores for assessment in store.all_assessments().values()):
            kept.append(juror.id)
            continue
        juror_rng = random.Random(f"{seed}-{juror.id}")
        leniency = juror_rng.uniform(-0.4, 0.4)
        conflicts = [application_ids[(index * 7) % len(application_ids)]] if index % 3 == 1 else []
        store.declare_conflicts(conflicts)
        changes = []
        for application in session.applications:
            if application.id in conflicts:
                continue
            for criterion in session.criteria.criteria:
                centre_here = centre_of(application.id, criterion.id)
                score = _clip(centre_here + leniency + juror_rng.gauss(0, 0.55), scale.min, scale.max)
                motivation = t(
                    motivation_key,
                    criterion=criterion.name.get(lang),
                    label=scale.label(score, lang).lower(),
                    municipality=application.municipality,
                )
                changes.append(ScoreChange(application.id, criterion.id, score, motivation))
        store.apply_batch(changes, reason=t(reason_key))
        path = outbox / f"{juror.id}.json"
        write_submission(store, path, allow_incomplete=False)
        chair.import_submission(path)
        filled.append(juror.id)
    return FillResult(filled, kept)
