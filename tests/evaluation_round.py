"""The demo follow-up round of 2024, filled in by the chair: shared by the evaluation report's tests."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

from jury_tui.domain.deliberation import Meeting
from jury_tui.formats.session_builder import (
    DEMO_KEY_SEED,
    build_demo_session,
    build_follow_up_session,
    demo_data_dir,
    shipped_criteria_dir,
)
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.demo_advice import demo_government
from jury_tui.store.sessions import write_session

ROUND = "opv-2024"
HASSELT = "wvc21-10"
VERDICTS = ("op-schema", "aandacht-nodig", "bijsturing-nodig")
MEETING = Meeting(held_on=dt.date(2025, 3, 12), chair="An Voorzitter", attendees=["extern-1", "extern-2", "extern-3", "vlaams-1"],
                  others=["Agentschap Binnenlands Bestuur"])
CREATED = dt.datetime(2025, 3, 20, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
HASSELT_MOTIVATION = "De infrastructuurpijler weegt 23,4 % van het plan: de klankbordgroep vraagt de stuurgroep bij te sturen."


def reports_copy(tmp: Path, final: str | None = None) -> Path:
    """The demo progress reports in `tmp`; with `final`, that contract's latest report marked as its last."""
    folder = tmp / "reports"
    shutil.copytree(demo_data_dir() / "progress", folder)
    if final is not None:
        latest = max(folder.glob(f"{final.split('-')[-1]}-*.md"))  # wvc21-10 -> 10-hasselt-2024.md
        text = latest.read_text(encoding="utf-8")
        assert "final: false" in text
        latest.write_text(text.replace("final: false", "final: true", 1), encoding="utf-8")
    return folder


def set_verdict(store: ChairStore, application_id: str, verdict: str):
    return store.set_verdict(application_id, verdict)


def follow_up_round(data_dir: Path, tmp: Path, *, final: str | None = None, complete: bool = True,
                    edit: Callable[[Path], None] | None = None):
    """The demo follow-up round written to `data_dir`; `complete`: every contract consolidated and
    the meeting on record (else Hasselt's verdict and the meeting stay open); `edit(folder)`: changes
    the copied report files first."""
    selection = build_demo_session()
    government = demo_government(selection)
    reports = reports_copy(tmp, final)
    if edit is not None:
        edit(reports)
    session, keys = build_follow_up_session(
        ROUND, selection, government, reports, shipped_criteria_dir() / "wvc-2021-opvolging.toml",
        key_seed=DEMO_KEY_SEED, created_at=CREATED,
    )
    write_session(data_dir, session, keys)
    store = ChairStore(data_dir, session)
    for index, application in enumerate(session.applications):
        for number, criterion in enumerate(session.criteria.criteria):
            store.set_consensus(application.id, criterion.id, score=2 + (index + number) % 4,
                                motivation=f"{application.municipality}: {criterion.name.nl.lower()} onderbouwd in het rapport.")
        if application.id == HASSELT:
            store.set_overall(application.id, HASSELT_MOTIVATION)
            if complete:
                set_verdict(store, application.id, "bijsturing-nodig")
        else:
            store.set_overall(application.id, f"{application.municipality} loopt volgens de afspraken van het contract.")
            set_verdict(store, application.id, VERDICTS[index % 2])
    if complete:
        store.set_meeting(MEETING)
    return session, store
