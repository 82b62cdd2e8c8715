"""Write the files of the bad-input corpus that are awkward to write by hand, and the good files.

Run once from the repository root and commit the output:

    PYTHONPATH=. python tests/data/bad/make_corpus.py

Made here: files in another encoding (Latin-1), with control characters, cut off in the middle of
a character or a quoted field, nested too deeply; submissions sealed with a valid checksum (so the
content checks are reached) or changed by one byte; damaged session and juror files; and the files
in tests/data/good/ that must be accepted (byte-order mark, CRLF line ends, markup characters).
The hand-written files next to this script are not touched. tests/test_bad_input.py runs
`build()` into a temporary folder and checks that the committed files are its output.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import hashlib
import json
import sys
import tempfile
from pathlib import Path

from jury_tui.domain.assessment import ApplicationAssessment, CriterionScore
from jury_tui.domain.signing import derived_private_key
from jury_tui.domain.submission import UNSEALED, build_submission, layout, seal
from jury_tui.formats.session_builder import (
    DEMO_KEY_SEED,
    build_demo_session,
    build_session,
)
from jury_tui.store.sessions import write_session

DATA = Path(__file__).resolve().parents[1]  # tests/data
TZ = dt.timezone(dt.timedelta(hours=2))
SUBMITTED_AT = dt.datetime(2021, 10, 1, 12, 0, tzinfo=TZ)
MARKUP = 'Sterk <b>maatwerk</b> & "goede" analyse; Geïntegreerd'
TEST_KEY_SEED = "jury-tui tests"  # as tests/conftest.py: the session 'mini' has the tests' keys


def demo_key(juror_id: str) -> bytes:
    return derived_private_key(DEMO_KEY_SEED, juror_id)

CRITERIA = """\
# A valid criteria set: the base of the generated criteria files.
id = "proef"
title = "Proefoproep"
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
name = "Inhoud"
description = "Is het voorstel inhoudelijk sterk? Geïntegreerd en samenhangend."

[[criteria]]
id = "haalbaar"
name = "Haalbaarheid"
description = "Is het voorstel uitvoerbaar?"
weight = 2
"""


PROGRESS_REPORT = """\
---
contract: wvc21-10
year: 2024
period_start: 2024-01-01
period_end: 2024-12-31
co_financing_paid: 95000
budget_lines:
  - name: Activering en skills
    planned: 195000
    spent: 120000
  - name: Infrastructuur
    planned: 124000
    spent: 0
    infrastructure: true
obstacles:
  - "Nog geen goedkeuring voor de nieuwbouw aan de Oude Statie"
summary: 'Tekst met <i>opmaak</i> & "aanhalingstekens" blijft letterlijk.'
---

## Stand van zaken

De werking loopt; café en crèche.
"""


def application(app_id: str = "m1", municipality: str = "Gent", neighbourhood: str = "Rabot",
                title: str = "Samen sterker in Rabot", summary: str = "Een korte samenvatting.",
                body: str = "De wijk telt veel jonge gezinnen.") -> str:
    return (
        "---\n"
        f"id: {app_id}\n"
        f"municipality: {municipality}\n"
        f"neighbourhood: {neighbourhood}\n"
        f"title: {title}\n"
        "requested_subsidy: 750000\n"
        "budgeted_cost: 1000000\n"
        "co_financing: 250000\n"
        "duration_months: 48\n"
        'submitted_at: "2021-07-16T10:00:00+02:00"\n'
        "approved_by: college\n"
        f"summary: {summary}\n"
        "---\n\n"
        "## 1. Context van de wijk\n\n"
        f"{body}\n\n"
        "## 2. Visie\n\n"
        "Samen met de bewoners; één plan.\n"
    )


JURORS_TOML = """\
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

SCORES_HEADER = "application_id;criterion_id;score;motivation\n"


def crlf_bom(text: str) -> bytes:
    return b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")


def mini_session():
    """A small session of its own ('mini'): the base of the session files and of a submission
    that belongs to another session than the demo."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "criteria.toml").write_text(CRITERIA, encoding="utf-8")
        (root / "aanvragen").mkdir()
        (root / "aanvragen" / "m1.md").write_text(application("m1"), encoding="utf-8")
        (root / "aanvragen" / "m2.md").write_text(
            application("m2", "Genk", "Waterschei", "Waterschei vooruit"), encoding="utf-8")
        (root / "jurors.toml").write_text(JURORS_TOML, encoding="utf-8")
        return build_session("mini", root / "criteria.toml", root / "aanvragen", root / "jurors.toml", 200_000,
                             created_at=dt.datetime(2021, 9, 1, 9, 0, tzinfo=TZ), key_seed=TEST_KEY_SEED)[0]


def session_file_bytes(definition) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return (write_session(Path(folder), definition) / "session.json").read_bytes()


def sealed(content: dict, key: bytes | None = None) -> bytes:
    """A submission file exactly as `jury-tui submit` writes it, sealed over `content` and signed
    (by default with the demo key of extern-1)."""
    return seal(content, key or demo_key("extern-1"))[2]


def demo_submission() -> dict:
    """extern-1 of the demo: a conflict on wvc21-07, two scores on wvc21-01 (one with markup)."""
    demo = build_demo_session()
    assessments = {
        "wvc21-01": ApplicationAssessment(application_id="wvc21-01", scores={
            "maatwerk": CriterionScore(criterion_id="maatwerk", score=4, motivation=MARKUP),
            "vernieuwend": CriterionScore(criterion_id="vernieuwend", score=3, motivation="Voldoende."),
        })
    }
    submission = build_submission(demo, "extern-1", assessments, frozenset({"wvc21-07"}), SUBMITTED_AT, 1, demo_key("extern-1"))
    return submission.to_json_dict()


def juror_file(meta: dict | None = None, conflicts: object = ("wvc21-07",), **tables) -> bytes:
    """A juror.json as the store writes it (TinyDB tables, one-space indent)."""
    data = {
        "juror": {"1": {"conflicts_declared": True, "conflicts": list(conflicts) if isinstance(conflicts, tuple) else conflicts}},
        "history": {"1": {"at": "2021-10-01T10:00:00+02:00", "juror_id": "extern-1", "application_id": None,
                          "criterion_id": None, "field": "conflicts", "old": [], "new": ["wvc21-07"], "reason": ""}},
        "_meta": {"1": meta or {"schema_version": 1, "kind": "juror", "session_id": "wvc-2021-demo", "juror_id": "extern-1"}},
    }
    data.update(tables)
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def application_file(score: object) -> bytes:
    """jurors/extern-1/applications/wvc21-01.json with one score record."""
    data = {
        "scores": {"1": {"criterion_id": "maatwerk", "score": score, "motivation": "Goed.", "updated_at": "2021-10-01T10:00:00+02:00"}},
        "history": {},
        "_meta": {"1": {"schema_version": 1, "kind": "juror-application", "session_id": "wvc-2021-demo",
                        "juror_id": "extern-1", "application_id": "wvc21-01"}},
    }
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def files() -> dict[str, bytes]:
    """Every generated file: path relative to tests/data -> bytes."""
    out: dict[str, bytes] = {}
    bad = "bad/"

    # --- criteria -----------------------------------------------------------------------------
    out[bad + "criteria/latin1.toml"] = CRITERIA.encode("latin-1")
    out[bad + "criteria/stuurtekens.toml"] = CRITERIA.replace("Is het voorstel uitvoerbaar?", "Is het voorstel\x07 uitvoerbaar?").encode()
    out[bad + "criteria/afgekapt.toml"] = CRITERIA.encode()[: CRITERIA.encode().index(b"Zwak")]
    out[bad + "criteria/diep-genest.toml"] = ("id = " + "[" * 5000 + "]" * 5000 + "\n").encode()
    out[bad + "criteria/nul-bytes.toml"] = CRITERIA.encode("utf-16-le")  # "Unicode" in Notepad: NUL after every letter

    # --- applications -------------------------------------------------------------------------
    text = application("proef-01", "Sint-Niklaas", "Kroonmolenwijk", "Één wijk, één plan",
                       body="Geïntegreerde aanpak met café en crèche.")
    out[bad + "applications/latin1.md"] = text.encode("latin-1")
    out[bad + "applications/stuurtekens.md"] = text.replace("café en crèche", "café\x1b[31m en crèche").encode()
    raw = text.encode()
    out[bad + "applications/afgekapt-midden-in-teken.md"] = raw[: raw.index("crèche".encode()) + 3]  # inside the è
    out[bad + "applications/diep-genest.md"] = ("---\nid: " + "[" * 3000 + "]" * 3000 + "\n---\n\n## 1. Context\n\nTekst.\n").encode()
    bomb = "".join(f"l{i}: &l{i} [{', '.join(['*l%d' % (i - 1)] * 9)}]\n" for i in range(1, 10))
    out[bad + "applications/yaml-aliasbom.md"] = (
        "---\nl0: &l0 [x, x, x, x, x, x, x, x, x]\n" + bomb + "id: proef-01\nmunicipality: *l9\nneighbourhood: Rabot\n"
        "title: Titel\nrequested_subsidy: 5\n---\n\n## 1. Context\n\nTekst.\n"
    ).encode()

    # --- progress reports ---------------------------------------------------------------------
    out[bad + "progress/stuurtekens.md"] = PROGRESS_REPORT.replace("aan de Oude Statie", "aan de\x1b[31m Oude Statie").encode()
    out[bad + "progress/latin1.md"] = PROGRESS_REPORT.replace(" & ", " en ").replace("<i>", "").replace("</i>", "").encode(
        "latin-1")

    # --- jurors -------------------------------------------------------------------------------
    out[bad + "jurors/latin1.csv"] = "id;name;role\nj1;René Peeters;voting\nj2;Françoise Dubois;advisory\n".encode("cp1252")
    out[bad + "jurors/stuurtekens.toml"] = JURORS_TOML.replace("Extern expert 2", "Extern\x00expert 2").encode()

    # --- score drafts (the demo session, juror extern-1) ----------------------------------------
    out[bad + "scores/latin1.csv"] = (SCORES_HEADER + "wvc21-01;maatwerk;4;Geïntegreerd en doordacht.\n").encode("cp1252")
    out[bad + "scores/stuurtekens.csv"] = (SCORES_HEADER + "wvc21-01;maatwerk;4;Goed\x0b doordacht.\n").encode()
    cut = (SCORES_HEADER + 'wvc21-01;maatwerk;4;"Goed; doordacht en geïntegreerd."\nwvc21-02;maatwerk;3;Voldoende.\n').encode()
    out[bad + "scores/afgekapt.csv"] = cut[: cut.index(b"doordacht")]
    out[bad + "scores/afgekapt-midden-in-teken.csv"] = cut[: cut.index("ï".encode()) + 1]

    # --- submissions (imported by the chair of the demo session) --------------------------------
    base = demo_submission()
    good = sealed(base)
    out[bad + "submissions/gewijzigd-een-byte.json"] = good.replace(b"analyse", b"annlyse", 1)
    out[bad + "submissions/gewijzigde-score.json"] = good.replace(b'"score": 4', b'"score": 5', 1)
    out[bad + "submissions/gewijzigde-opmaak.json"] = good.replace(b'\n  "applications_total"', b'\n   "applications_total"', 1)
    out[bad + "submissions/bom-opnieuw-verzegeld.json"] = b"\xef\xbb\xbf" + good  # checksum and signature still fit
    # A key twice: pydantic takes the last, a person reading from the top sees the first.
    out[bad + "submissions/dubbele-sleutel.json"] = good.replace(b'\n  "juror_id"', b'\n  "juror_id": "extern-2",\n  "juror_id"', 1)
    out[bad + "submissions/ontsnapte-tekens.json"] = good.replace("Geïntegreerd".encode(), b"Ge\\u00efntegreerd", 1)
    out[bad + "submissions/niet-ondertekend.json"] = layout({**base, "signature": "0" * 128})
    # extern-2 re-seals their own file under extern-1's id: the checksum fits, the key is extern-2's.
    out[bad + "submissions/ander-jurylid-ondertekend.json"] = sealed(base, demo_key("extern-2"))
    v2 = {key: value for key, value in base.items() if key not in ("sequence", "signature")}
    v2_unsealed = layout({**v2, "schema_version": 2, "checksum": UNSEALED})
    out[bad + "submissions/schemaversie-2-niet-ondertekend.json"] = v2_unsealed.replace(
        UNSEALED.encode(), hashlib.sha256(v2_unsealed).hexdigest().encode(), 1)
    out[bad + "submissions/afgekapt.json"] = good[: len(good) // 2]
    out[bad + "submissions/latin1.json"] = good.decode().encode("latin-1")
    mini_key = derived_private_key(TEST_KEY_SEED, "j1")
    out[bad + "submissions/andere-sessie.json"] = sealed(build_submission(
        mini_session(), "j1", {}, frozenset(), SUBMITTED_AT, 1, mini_key).to_json_dict(), mini_key)
    other_version = dataclasses.replace(build_demo_session(), title="Wijkverbeteringscontracten 2021 – tweede ronde")
    out[bad + "submissions/andere-versie-van-de-sessie.json"] = sealed(build_submission(
        other_version, "extern-1", {}, frozenset({"wvc21-07"}), SUBMITTED_AT, 1, demo_key("extern-1")).to_json_dict())

    def variant(name: str, change) -> None:
        content = copy.deepcopy(base)
        change(content)
        out[bad + f"submissions/{name}"] = sealed(content)

    def score(**values):
        return lambda c: c["assessments"][0]["scores"][0].update(values)

    variant("onbekend-jurylid.json", lambda c: c.update(juror_id="extern-9"))
    variant("rol-verschilt.json", lambda c: c.update(juror_role="advisory"))
    variant("score-buiten-schaal.json", score(score=9))
    variant("score-negatief.json", score(score=-1))
    variant("onbekend-criterium.json", score(criterion_id="begroting"))
    variant("onbekende-aanvraag.json", lambda c: c["assessments"][0].update(application_id="wvc21-99"))
    variant("dubbele-aanvraag.json", lambda c: c["assessments"].append(copy.deepcopy(c["assessments"][0])))
    variant("dubbel-criterium.json", lambda c: c["assessments"][0]["scores"].append(copy.deepcopy(c["assessments"][0]["scores"][0])))
    variant("conflict-met-scores.json", lambda c: c["assessments"][1].update(application_id="wvc21-07"))
    variant("aanvraag-ontbreekt.json", lambda c: c["assessments"].pop())
    variant("schemaversie-4.json", lambda c: c.update(schema_version=4))
    variant("zonder-format.json", lambda c: c.pop("format"))
    variant("zonder-schemaversie.json", lambda c: c.pop("schema_version"))
    variant("tijd-zonder-offset.json", lambda c: c.update(submitted_at="2021-10-01T12:00:00"))
    variant("volgnummer-nul.json", lambda c: c.update(sequence=0))
    content = copy.deepcopy(base)
    content["complete"] = "ja"
    out[bad + "submissions/verkeerd-type.json"] = sealed(content)
    content = copy.deepcopy(base)
    del content["checksum"]
    out[bad + "submissions/controlesom-ontbreekt.json"] = json.dumps(content, ensure_ascii=False, indent=2, sort_keys=True).encode() + b"\n"
    out[bad + "submissions/geen-object.json"] = json.dumps([base], ensure_ascii=False).encode()
    content = copy.deepcopy(base)
    content["assessments"][0]["scores"][0]["motivation"] = "\ud800"
    content["checksum"] = "0" * 64
    out[bad + "submissions/losse-surrogaat.json"] = json.dumps(content, ensure_ascii=True, indent=2, sort_keys=True).encode() + b"\n"

    # --- session files ----------------------------------------------------------------------------
    mini = mini_session()
    session_raw = session_file_bytes(mini)
    session_json = json.loads(session_raw)

    def session_variant(name: str, change) -> None:
        data = copy.deepcopy(session_json)
        change(data)
        out[bad + f"sessions/{name}"] = json.dumps(data, ensure_ascii=False, indent=1).encode()

    out[bad + "sessions/session-leeg.json"] = b""
    out[bad + "sessions/session-afgekapt.json"] = session_raw[: len(session_raw) // 3]
    out[bad + "sessions/session-latin1.json"] = session_raw.decode().encode("latin-1")
    session_variant("session-gewijzigde-titel.json", lambda d: d["definition"].update(title="Een andere oproep"))
    session_variant("session-gewijzigde-score-schaal.json", lambda d: d["definition"]["criteria"]["scale"]["steps"][5].update(label={"nl": "Top", "en": None}))
    session_variant("session-vreemd-formaat.json", lambda d: d.update(format="jury-tui/submission"))
    session_variant("session-schemaversie-1.json", lambda d: d.update(schema_version=1))
    session_variant("session-budget-tekst.json", lambda d: d["definition"].update(budget="veel"))
    session_variant("session-schaal-absurd.json", lambda d: d["definition"]["criteria"]["scale"].update(max=10**11))
    session_variant("session-dubbel-jurylid.json", lambda d: d["definition"]["jurors"].append(d["definition"]["jurors"][0]))
    out[bad + "sessions/session-geen-object.json"] = b"[1, 2, 3]\n"

    out[bad + "sessions/juror-afgekapt.json"] = juror_file()[:200]
    out[bad + "sessions/juror-leeg.json"] = b""
    out[bad + "sessions/juror-onleesbaar.json"] = bytes(range(256))
    out[bad + "sessions/juror-andere-sessie.json"] = juror_file(
        {"schema_version": 1, "kind": "juror", "session_id": "wvc-2022", "juror_id": "extern-1"})
    out[bad + "sessions/juror-ander-jurylid.json"] = juror_file(
        {"schema_version": 1, "kind": "juror", "session_id": "wvc-2021-demo", "juror_id": "extern-2"})
    out[bad + "sessions/juror-schemaversie-9.json"] = juror_file(
        {"schema_version": 9, "kind": "juror", "session_id": "wvc-2021-demo", "juror_id": "extern-1"})
    out[bad + "sessions/juror-zonder-meta.json"] = juror_file(_meta={})
    out[bad + "sessions/juror-geen-tabellen.json"] = b"[1, 2, 3]\n"
    out[bad + "sessions/juror-verkeerde-types.json"] = juror_file(conflicts=5)
    out[bad + "sessions/juror-document-id.json"] = juror_file(history={"eerste": {"field": "conflicts"}})
    out[bad + "sessions/aanvraag-score-buiten-schaal.json"] = application_file(9)
    out[bad + "sessions/aanvraag-score-tekst.json"] = application_file("vier")

    # --- good files: accepted as they are ---------------------------------------------------------
    out["good/criteria-bom-crlf.toml"] = crlf_bom(CRITERIA)
    out["good/aanvraag-bom-crlf.md"] = crlf_bom(application("proef-01"))
    out["good/aanvragen/m1.md"] = application("m1").encode()
    out["good/aanvraag-opmaak.md"] = application(
        "proef-02", "Sint-Niklaas", "Kroonmolenwijk", "'Wijk <b>Noord</b> & \"Zuid\"'",
        summary="'Tekst met <i>opmaak</i> & \"aanhalingstekens\" blijft letterlijk.'",
        body="Een <script>alert(1)</script> & &amp; blijven tekst; *geen* nadruk.",
    ).encode()
    out["good/juryleden-bom-crlf.csv"] = crlf_bom('id;name;role\nj1;"Peeters; Jan ""Jef""";voting\nj2;Françoise <Dubois> & co;advisory\n')
    out["good/juryleden-bom-crlf.toml"] = crlf_bom(JURORS_TOML)
    out["good/scores-bom-crlf.csv"] = crlf_bom(
        SCORES_HEADER
        + f'wvc21-01;maatwerk;4;"{MARKUP.replace(chr(34), chr(34) * 2)}"\n'
        + "wvc21-02;maatwerk;3,0;Voldoende.\n"
        + "wvc21-03;vernieuwend;;\n"
    )
    out["good/sessions/mini/session.json"] = session_raw
    out["good/sessions/session-bom-crlf.json"] = b"\xef\xbb\xbf" + session_raw.replace(b"\n", b"\r\n")
    out["good/inzending-extern-1.json"] = good
    out["good/voortgang-bom-crlf.md"] = crlf_bom(PROGRESS_REPORT)
    follow_up_criteria = (DATA.parent.parent / "criteria" / "wvc-2021-opvolging.toml").read_text(encoding="utf-8")
    out["good/opvolgingscriteria-bom-crlf.toml"] = crlf_bom(follow_up_criteria)
    return out


def large_files() -> dict[str, bytes]:
    """Files with a 100,000-character field: not committed (the repository stays small), written by
    the test into its temporary copy of the corpus. Listed in MANIFEST.toml with `generated = true`."""
    long = "Lang " * 20_000  # 100,000 characters
    content = demo_submission()
    content["assessments"][0]["scores"][0]["motivation"] = long + "x"
    return {
        "bad/applications/titel-100000-tekens.md": application("proef-01", title=long.strip() + "x" * 5).encode(),
        "bad/criteria/id-100000-tekens.toml": CRITERIA.replace('id = "inhoud"', f'id = "{"a" * 100_000}"').encode(),
        "bad/jurors/naam-100000-tekens.csv": f"id,name,role\nj1,{long},voting\n".encode(),
        "bad/scores/motivatie-100001-tekens.csv": (SCORES_HEADER + f"wvc21-01;maatwerk;4;{long}x\n").encode(),
        "bad/submissions/motivatie-te-lang.json": sealed(content),
        "good/scores-motivatie-100000-tekens.csv": (SCORES_HEADER + f"wvc21-01;maatwerk;4;{long}\n").encode(),
    }


def build(root: Path = DATA) -> list[Path]:
    written = []
    for relative, content in files().items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
    return written


if __name__ == "__main__":
    paths = build(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)
    print(f"{len(paths)} files written")
