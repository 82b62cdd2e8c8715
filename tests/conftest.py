"""Shared fixtures: a small session built from files in tmp_path, and the demo session on disk."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from jury_tui.i18n import set_language

REPO = Path(__file__).resolve().parents[1]
WVC_CRITERIA = REPO / "criteria" / "wvc-2021.toml"

# Three criteria on a 0–5 scale; "budget" needs no motivation, so the motivation rule can be tested.
SMALL_CRITERIA_TOML = """\
id = "klein"
title.nl = "Kleine testoproep"
title.en = "Small test call"
disagreement_threshold = 2

[scale]
min = 0
max = 5
steps = [
  { value = 0, label = "Ontbreekt" },
  { value = 1, label = "Zeer zwak" },
  { value = 2, label = "Zwak" },
  { value = 3, label = "Voldoende" },
  { value = 4, label = "Goed" },
  { value = 5, label = "Uitstekend" },
]

[[criteria]]
id = "inhoud"
name.nl = "Inhoud"
name.en = "Content"
description = "Is het voorstel inhoudelijk sterk?"
guidance = ["Onderbouwde analyse"]
motivation_required = true

[[criteria]]
id = "haalbaar"
name = "Haalbaarheid"
description = "Is het voorstel uitvoerbaar?"
motivation_required = true

[[criteria]]
id = "budget"
name = "Begroting"
description = "Is de begroting duidelijk?"
motivation_required = false

[ranking]
tie_break = ["inhoud"]

[[eligibility]]
id = "plafond"
kind = "max_subsidy"
limit = 800000
name = "Ten hoogste 800.000 euro"
"""

SMALL_JURORS_TOML = """\
[[jurors]]
id = "j1"
name = "Extern expert 1"
role = "voting"

[[jurors]]
id = "j2"
name = "Extern expert 2"
role = "voting"

[[jurors]]
id = "adv"
name = "Adviseur 1"
role = "advisory"
"""

SMALL_APPLICATIONS = {
    "a1": ("Gent", "Rabot", "Samen sterker in Rabot"),
    "a2": ("Brugge", "Sint-Pieters", "Een wijk die werkt"),
    "a3": ("Genk", "Waterschei", "Waterschei vooruit"),
}

CREATED_AT = dt.datetime(2021, 9, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
# The tests' sessions get keys derived from this seed (as the demo's from its own), so a test can sign
# as any juror: private_key_of(session, juror_id).
TEST_KEY_SEED = "jury-tui tests"


def private_key_of(session, juror_id: str) -> bytes:
    """The private key of a juror of a test session or of the demo (both derived from a known seed)."""
    from jury_tui.domain.signing import derived_private_key, public_key
    from jury_tui.formats.session_builder import DEMO_KEY_SEED

    for seed in (TEST_KEY_SEED, DEMO_KEY_SEED):
        key = derived_private_key(seed, juror_id)
        if public_key(key).hex() == session.juror(juror_id).public_key:
            return key
    raise LookupError(juror_id)


def private_keys(session) -> dict[str, bytes]:
    return {juror.id: private_key_of(session, juror.id) for juror in session.jurors}


def application_md(
    app_id: str = "a1",
    municipality: str = "Gent",
    neighbourhood: str = "Rabot",
    title: str = "Samen sterker in Rabot",
    extra_front_matter: str = "",
    sections: str | None = None,
) -> str:
    """A valid application file; pass `extra_front_matter`/`sections` to vary it."""
    if sections is None:
        sections = (
            "## 1. Context van de wijk\n\nDe wijk telt veel jonge gezinnen.\n\n"
            "### Cijfers\n\n40 % jonger dan 25.\n\n"
            "## 2. Visie\n\nSamen met de bewoners.\n"
        )
    return (
        "---\n"
        f"id: {app_id}\n"
        f"municipality: {municipality}\n"
        f"neighbourhood: {neighbourhood}\n"
        f"title: {title}\n"
        "requested_subsidy: 750000\n"
        "budgeted_cost: 1000000\n"
        "co_financing: 250000\n"
        "infrastructure_amount: 100000\n"
        "duration_months: 48\n"
        'submitted_at: "2021-07-16T10:00:00+02:00"\n'
        "approved_by: college\n"
        f"{extra_front_matter}"
        "summary: Een korte samenvatting.\n"
        "---\n\n"
        "Inleiding die niet bij een sectie hoort.\n\n"
        f"{sections}"
    )


def write_small_inputs(root: Path) -> SimpleNamespace:
    root.mkdir(parents=True, exist_ok=True)
    criteria = root / "criteria.toml"
    criteria.write_text(SMALL_CRITERIA_TOML, encoding="utf-8")
    applications = root / "aanvragen"
    applications.mkdir(exist_ok=True)
    for app_id, (municipality, neighbourhood, title) in SMALL_APPLICATIONS.items():
        (applications / f"{app_id}.md").write_text(
            application_md(app_id, municipality, neighbourhood, title), encoding="utf-8"
        )
    jurors = root / "jurors.toml"
    jurors.write_text(SMALL_JURORS_TOML, encoding="utf-8")
    return SimpleNamespace(root=root, criteria=criteria, applications=applications, jurors=jurors)


def tree_snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` with the SHA-256 of its bytes: to prove nothing changed. Lock files
    (store/atomic.py) are left out: taking a lock is not a change."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.endswith(".lock")
    }


@pytest.fixture
def small_inputs(tmp_path: Path) -> SimpleNamespace:
    """Criteria, applications folder and jurors file of a small call, as a secretariat writes them."""
    return write_small_inputs(tmp_path / "invoer")


@pytest.fixture
def small_session(small_inputs):
    from jury_tui.formats.session_builder import build_session

    return build_session(
        "klein-2021",
        small_inputs.criteria,
        small_inputs.applications,
        small_inputs.jurors,
        1_500_000,
        created_at=CREATED_AT,
        key_seed=TEST_KEY_SEED,
    )[0]


@pytest.fixture
def small_data_dir(tmp_path: Path, small_session) -> Path:
    """A data directory holding the small session (sessions/klein-2021/session.json)."""
    from jury_tui.store.sessions import write_session

    data_dir = tmp_path / "data"
    write_session(data_dir, small_session, private_keys(small_session))
    return data_dir


@pytest.fixture
def small_store(small_data_dir: Path, small_session):
    """Juror j1's store in the small session."""
    from jury_tui.store.juror_store import JurorStore

    return JurorStore(small_data_dir, small_session, "j1")


@pytest.fixture
def demo_data_dir(tmp_path: Path) -> Path:
    """A data directory holding the shipped demo session (wvc-2021-demo), as `jury-tui demo --no-open` makes it."""
    from jury_tui.formats.session_builder import build_demo_session, demo_private_keys
    from jury_tui.store.sessions import write_session

    data_dir = tmp_path / "demo-data"
    demo = build_demo_session()
    write_session(data_dir, demo, demo_private_keys(demo))
    return data_dir


@pytest.fixture(autouse=True)
def _dutch(monkeypatch):
    """Every test runs in Dutch, whatever JURY_LANG the developer's shell holds; so do the CLI
    processes a test starts."""
    monkeypatch.setenv("JURY_LANG", "nl")
    set_language("nl")
    yield
    set_language("nl")


@pytest.fixture(autouse=True)
def _release_frozen_objects():
    """The apps keep what is alive at their start out of the garbage collector for the rest of the
    process (jury_tui/ui/startup.py). The test process runs hundreds of apps: let each test's go."""
    yield
    gc.unfreeze()


def data_paths(node, prefix=()):
    """Every place in parsed JSON data, as a path of keys and indexes: the root, mappings, lists
    and leaves alike (for tests that change the data at one place)."""
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from data_paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from data_paths(value, (*prefix, index))


def leaf_paths(node):
    """The paths of data_paths that lead to a single value (not a mapping or a list)."""
    for path in data_paths(node):
        value = node
        for key in path:
            value = value[key]
        if not isinstance(value, (dict, list)):
            yield path


def loaded_modules(code: str, candidates: tuple[str, ...], *args: str) -> list[str]:
    """Which of `candidates` a fresh Python process has loaded once `code` has run (with `args` as
    its arguments): how the tests keep heavy libraries off a start path."""
    probe = f"{code}\nimport sys as _sys\nprint(' '.join(n for n in {list(candidates)!r} if n in _sys.modules))\n"
    result = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=60,
                            cwd=Path(__file__).resolve().parents[1])
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.split()


# --- waiting for a condition in a Pilot test ----------------------------------------------------

WAIT_STEP = 0.02  # seconds between two looks at the condition
WAIT_STEPS = 500  # at least 10 s: generous for a loaded machine, never reached when the app works


async def wait_until(pilot, condition, what: str) -> None:
    """Let the app run until `condition()` holds (a debounced save, the palette's search, a worker's
    result): tests wait for what they need, never for a fixed time. Fails naming `what`."""
    await pilot.pause()
    for _ in range(WAIT_STEPS):
        if condition():
            await pilot.pause()  # let what the condition announced (a redraw, a message) be handled too
            return
        await pilot.pause(WAIT_STEP)
    pytest.fail(f"waited {WAIT_STEP * WAIT_STEPS:g} s or more for {what}")
