"""Time to the first interactive screen of the juror and chair apps, against a bare Textual app
started the same way in the same run.

Run: python benchmarks/bench_startup.py [--sizes 20 200 1000] [--repeat 5]

Each measurement is a fresh process (imports included, as a user experiences it): it starts the
app headless with an auto-pilot that waits until the first screen is complete (composed, its
footer keys in place, painted), notes the moment and the CPU time the process has used, then
exits. Measured: from spawn to that moment (wall), and the process's CPU time up to then; what
the process does after it (closing the app, the interpreter's exit) is not counted, for any app. Reported: median of the repeats,
and the ratio to the bare app as the median of the ratios within each round (the four are run
back to back in a round, so a machine that slows down for a while slows all four alike). "first visit" is the juror app for a juror who has not
declared conflicts of interest yet: the conflicts screen comes first.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import motivation, write_synthetic  # noqa: E402

PILOT = """
import time as _time
_first_screen = []

async def auto_pilot(pilot):
    # The same point for every app: the first screen composed, its footer keys in place (Textual's
    # Footer adds them after the first paint), a Markdown text laid out into its blocks, painted.
    def complete(screen):
        if not screen.query("FooterKey"):
            return False
        return all(markdown.query("MarkdownBlock") for markdown in screen.query("Markdown"))
    for _ in range(200):
        await pilot.pause()
        if complete(pilot.app.screen):
            break
    else:
        raise SystemExit("the first screen never became complete")
    await pilot.pause()
    _first_screen.extend((_time.time(), _time.process_time()))
    pilot.app.exit()

import atexit
atexit.register(lambda: print("first-screen", *_first_screen))
"""

BARE = PILOT + """
from textual.app import App
from textual.widgets import Footer, Header, Static
class Bare(App):
    def compose(self):
        yield Header()
        yield Static("hallo")
        yield Footer()
Bare().run(headless=True, size=(80, 24), auto_pilot=auto_pilot)
"""

# The second baselines: Textual's own widgets in the layout of each app's first screen, holding the
# same text (read from the session file with json, so no jury-tui code runs). They show what such
# a screen costs in Textual itself; the apps' ratio to them is what jury-tui's own code adds.
SESSION_TEXT = """
import json, sys
from pathlib import Path
definition = json.loads((Path(sys.argv[1]) / "sessions" / sys.argv[2] / "session.json").read_text("utf-8"))["definition"]
applications = definition["applications"]
labels = [f"{a['municipality']} – {a['neighbourhood']}" for a in applications]
"""

JUROR_SKELETON = PILOT + SESSION_TEXT + """
from textual.app import App
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Markdown, OptionList, Static, TextArea
first = applications[0]
TEXT = "\\n\\n".join([f"**{first['title']}**", f"*{first['summary']}*"]
                     + [f"## {s['heading']}\\n\\n{s['body']}" for s in first["sections"]])
CRITERION = definition["criteria"]["criteria"][0]
KEYS = (("n", "Aanvraag"), ("p", "Vorige"), ("down", "Criterium"), ("up", "Vorig"), ("0", "Score"),
        ("m", "Motivatie"), ("s", "Indienen"), ("question_mark", "Hulp"), ("ctrl+q", "Stoppen"))
class Skeleton(App):
    CSS = "#top { height: 1; } #side { width: 30; } #info { height: auto; max-height: 3; } TextArea { height: 5; }"
    BINDINGS = [Binding(key, "bell", label) for key, label in KEYS]
    def compose(self):
        with Horizontal(id="top"):
            yield Static(definition["title"])
            yield Static("Alles is bewaard")
        with Horizontal():
            with Vertical(id="side"):
                yield Static(f"0 van {len(labels)} beoordeeld")
                yield OptionList(*[f"○ {label}" for label in labels], compact=True)
            with Vertical():
                yield Static(f"1/{len(labels)} niet begonnen · {labels[0]}")
                with VerticalScroll():
                    yield Markdown(TEXT)
                with Vertical():
                    yield Static("Maa –  Ver –  Geï –  Sta –  Haa –  Mee –  Ken –")
                    yield Static(CRITERION["name"]["nl"])
                    with VerticalScroll(id="info"):
                        yield Static(CRITERION["description"]["nl"])
                    yield Static("0 Ontbreekt  1 Zeer zwak  2 Zwak  3 Voldoende  4 Goed  5 Uitstekend")
                    yield TextArea("")
        yield Footer(compact=True)
Skeleton().run(headless=True, size=(80, 24), auto_pilot=auto_pilot)
"""

CHAIR_SKELETON = PILOT + SESSION_TEXT + """
from textual.app import App
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Static
CRITERIA = [c["name"]["nl"][:4] for c in definition["criteria"]["criteria"]]
KEYS = (("enter", "Openen"), ("s", "Sorteren"), ("t", "Te bespreken"), ("i", "Inlezen"),
        ("question_mark", "Hulp"), ("ctrl+q", "Stoppen"))
class Skeleton(App):
    CSS = "#modes, #summary, #legend { height: 1; }"
    BINDINGS = [Binding(key, "bell", label, priority=key == "enter") for key, label in KEYS]
    def compose(self):
        yield Static("o Overzicht │ d Detail │ b Budget │ k Kalibratie", id="modes")
        yield Static(f"{len(labels)} aanvragen · 0 met consensus", id="summary")
        yield DataTable(fixed_columns=1, cursor_type="cell")
        yield Static("consensus 4✓ · rood: te bespreken", id="legend")
        yield Footer(compact=True)
    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_column("Aanvraag", width=17)
        for name in CRITERIA:
            table.add_column(name, width=5)
        for name, width in (("!", 2), ("Totaal", 6), ("#", 2)):
            table.add_column(name, width=width)
        for index, (application, label) in enumerate(zip(applications, labels)):
            table.add_row(label[:17], *[f"{(index * 7 + c) % 50 / 10:.1f}" for c in range(len(CRITERIA))],
                          "!1", f"{index % 300 / 10:.1f}", str(index + 1), key=application["id"])
        table.focus()
Skeleton().run(headless=True, size=(80, 24), auto_pilot=auto_pilot)
"""

JUROR = PILOT + """
import sys
from pathlib import Path
from jury_tui.store.sessions import load_session
from jury_tui.ui.app import JurorApp
data_dir = Path(sys.argv[1])
session = load_session(data_dir, sys.argv[2])
JurorApp(data_dir, session, sys.argv[3]).run(headless=True, size=(80, 24), auto_pilot=auto_pilot)
"""

CHAIR = PILOT + """
import sys
from pathlib import Path
from jury_tui.store.sessions import load_session
from jury_tui.ui.chair.app import ChairApp
data_dir = Path(sys.argv[1])
session = load_session(data_dir, sys.argv[2])
ChairApp(data_dir, session).run(headless=True, size=(80, 24), auto_pilot=auto_pilot)
"""


def timed(code: str, *args: str) -> tuple[float, float]:
    """(wall seconds from spawn to the first complete screen, CPU seconds the process used until
    then). CPU time is the steadier figure on a busy machine: it does not count waiting for a core."""
    start = time.time()
    result = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "TERM": "xterm-256color"},
    )
    reported = [line.split()[1:] for line in result.stdout.splitlines() if line.startswith("first-screen ")]
    if result.returncode != 0 or not reported or len(reported[-1]) != 2:
        raise SystemExit(f"run failed:\n{result.stderr[-2000:]}")
    moment, cpu = (float(value) for value in reported[-1])
    return moment - start, cpu


def prepare(data_dir: Path, applications: int, jurors: int) -> str:
    """A synthetic session where the juror has declared conflicts and scored half, and every
    juror has submitted to the chair."""
    import random

    from jury_tui.domain.assessment import ScoreChange
    from jury_tui.store.chair_store import ChairStore
    from jury_tui.store.juror_store import JurorStore
    from jury_tui.store.submitting import write_submission

    rng = random.Random(5)
    session = write_synthetic(data_dir, applications, jurors)
    chair = ChairStore(data_dir, session)
    for juror in session.jurors:
        store = JurorStore(data_dir, session, juror.id)
        store.declare_conflicts([])
        store.apply_batch(
            [ScoreChange(a.id, c, rng.randint(0, 5), motivation(rng))
             for a in session.applications[: applications // 2] for c in session.criteria.criterion_ids],
            reason="benchmark",
        )
        path = data_dir / f"{juror.id}.json"
        write_submission(store, path, allow_incomplete=True)
        chair.import_submission(path)
    return session.id


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 200, 1000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    jurors_for = {20: 7, 200: 15, 1000: 25}
    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            data_dir = Path(tmp) / "data"
            session_id = prepare(data_dir, size, jurors_for.get(size, 7))
            # The same session without any juror's work: juror-01 opens on the conflicts screen.
            first_dir = Path(tmp) / "first-visit"
            (first_dir / "sessions" / session_id).mkdir(parents=True)
            shutil.copy2(data_dir / "sessions" / session_id / "session.json", first_dir / "sessions" / session_id)
            names = ("bare", "juror skeleton", "juror", "first", "chair skeleton", "chair")
            runs: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
            for _ in range(args.repeat):  # interleaved, so machine noise hits all alike
                runs["bare"].append(timed(BARE))
                runs["juror skeleton"].append(timed(JUROR_SKELETON, str(data_dir), session_id))
                runs["juror"].append(timed(JUROR, str(data_dir), session_id, "juror-01"))
                runs["first"].append(timed(JUROR, str(first_dir), session_id, "juror-01"))
                runs["chair skeleton"].append(timed(CHAIR_SKELETON, str(data_dir), session_id))
                runs["chair"].append(timed(CHAIR, str(data_dir), session_id))
            medians = {name: [statistics.median(r[i] for r in measured) for i in (0, 1)] for name, measured in runs.items()}
            # Each app against its own skeleton (the first visit against the juror's), the
            # skeletons against the bare app; median of the ratios within each round.
            against = {"bare": "bare", "juror skeleton": "bare", "chair skeleton": "bare",
                       "juror": "juror skeleton", "first": "juror skeleton", "chair": "chair skeleton"}
            ratios = {
                name: [statistics.median(m[i] / b[i] for m, b in zip(measured, runs[against[name]])) for i in (0, 1)]
                for name, measured in runs.items()
            }
            rows.append((size, medians, ratios))
    for index, what in ((0, "wall time, spawn to the first complete screen"), (1, "CPU time of the process until then")):
        print(f"\n{what} (median of {args.repeat})\n")
        print("| applications × jurors | bare Textual app | juror skeleton (÷ bare) | juror app (÷ skeleton) "
              "| first visit (÷ skeleton) | chair skeleton (÷ bare) | chair app (÷ skeleton) |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for size, m, r in rows:
            cells = [f"{m['bare'][index]:.2f} s"]
            for name in ("juror skeleton", "juror", "first", "chair skeleton", "chair"):
                cells.append(f"{m[name][index]:.2f} s ({r[name][index]:.2f}×)")
            print(f"| {size} × {jurors_for.get(size, 7)} | " + " | ".join(cells) + " |")

if __name__ == "__main__":
    main()
