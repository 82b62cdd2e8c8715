"""Synthetic sessions for measuring scale: N applications x J jurors over a real criteria file."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from jury_tui.domain.applications import Application, Section
from jury_tui.domain.session import Juror, Role, SessionDefinition
from jury_tui.domain.signing import derived_private_key, public_key
from jury_tui.formats.criteria_file import load_criteria
from jury_tui.formats.session_builder import shipped_criteria_dir

KEY_SEED = "jury-tui benchmarks"  # derived, public keys: a benchmark signs as every juror

WORDS = (
    "wijk bewoners samenwerking participatie woonkwaliteit jongeren veiligheid armoede "
    "dienstverlening buurtregisseur ontmoeting renovatie monitoring indicator partners "
    "experiment regelluw burgerbudget kinderopvang mobiliteit vergroening"
).split()


def words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count)).capitalize() + "."


def synthetic_session(applications: int, jurors: int, seed: int = 1) -> SessionDefinition:
    rng = random.Random(seed)
    criteria = load_criteria(shipped_criteria_dir() / "wvc-2021.toml")
    apps = [
        Application(
            id=f"app-{i:05d}",
            municipality=f"Gemeente {i}",
            neighbourhood=f"Wijk {i}",
            title=words(rng, 6),
            requested_subsidy=rng.randrange(200_000, 800_001, 1000),
            budgeted_cost=1_000_000,
            co_financing=250_000,
            infrastructure_amount=50_000,
            duration_months=48,
            summary=words(rng, 50),
            sections=[Section(heading=f"{n}. Sectie {n}", body=words(rng, 70)) for n in range(1, 9)],
        )
        for i in range(1, applications + 1)
    ]
    panel = [
        Juror(id=f"juror-{j:02d}", name=f"Jurylid {j}", role=Role.VOTING if j % 5 else Role.ADVISORY,
              public_key=public_key(derived_private_key(KEY_SEED, f"juror-{j:02d}")).hex())
        for j in range(1, jurors + 1)
    ]
    return SessionDefinition(
        id=f"synthetic-{applications}x{jurors}",
        title=f"Synthetische sessie {applications} x {jurors}",
        created_at=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc),
        budget=applications * 200_000,
        criteria=criteria,
        applications=apps,
        jurors=panel,
    )


def motivation(rng: random.Random) -> str:
    return words(rng, rng.randrange(40, 120))


def write_synthetic(data_dir: Path, applications: int, jurors: int) -> SessionDefinition:
    from jury_tui.store.sessions import session_exists, write_session

    session = synthetic_session(applications, jurors)
    if not session_exists(data_dir, session.id):
        write_session(data_dir, session, {j.id: derived_private_key(KEY_SEED, j.id) for j in session.jurors})
    return session
