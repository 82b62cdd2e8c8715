"""Authorship, order without clocks, one layout (issue 12, classes 2, 3 and 11): hostile submissions.

Every juror of the session `klein` (tests/adversarial/conftest.py) has a key pair; the secretariat's
machine (./data) holds the private keys, so `submit` signs there. A juror who wants to pass as
another juror has only their own key: that is what these cases forge with.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from jury_tui.domain.signing import new_private_key
from jury_tui.domain.submission import UNSEALED, layout, seal
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.juror_store import JurorStore
from jury_tui.store.sessions import load_session, read_private_key, secretariat_key_path
from jury_tui.store.submitting import write_submission
from tests.adversarial.conftest import refused, run


def submit(capsys, data: Path, juror: str, out: str, *, score: int | None = None) -> Path:
    """`jury-tui submit` for `juror` (no conflicts, a1/inhoud scored if `score`), to `out`."""
    assert run(capsys, "conflicts", "klein", "--as", juror, "--none", "--data-dir", data).code == 0
    if score is not None:
        store = JurorStore(data, load_session(data, "klein"), juror)
        store.set_score("a1", "inhoud", score)
    result = run(capsys, "submit", "klein", "--as", juror, "--incomplete", "--out", out, "--data-dir", data)
    assert result.code == 0, result.err
    return Path(out)


def key_of(data: Path, juror: str) -> bytes:
    key = read_private_key(secretariat_key_path(data, "klein", juror))
    assert key is not None
    return key


def content_of(path: Path) -> dict:
    return json.loads(path.read_bytes())


def imported(capsys, data: Path, *files, extra=()) -> str:
    result = run(capsys, "import", "klein", *files, *extra, "--data-dir", data)
    assert result.code == 0, result.err
    return result.out


def test_a_juror_resealing_their_file_under_another_jurors_id_is_refused(capsys, session):
    mine = submit(capsys, session, "j2", "j2.json")
    forged = {**content_of(mine), "juror_id": "j1"}
    Path("vals.json").write_bytes(seal(forged, key_of(session, "j2"))[2])  # the checksum fits, the key is j2's
    line = refused(capsys, "import", "klein", "vals.json", "--data-dir", session, watch=(session,))
    assert "vals.json" in line and "ondertekend met de sleutel van jurylid 'j2'" in line and "'j1'" in line


def test_a_file_signed_with_a_key_outside_the_session_is_refused(capsys, session):
    content = content_of(submit(capsys, session, "j1", "j1.json"))
    Path("vreemd.json").write_bytes(seal(content, new_private_key())[2])
    line = refused(capsys, "import", "klein", "vreemd.json", "--data-dir", session, watch=(session,))
    assert "handtekening van 'j1' klopt niet" in line


def test_an_unsigned_version_2_file_is_refused_as_an_older_format(capsys, session):
    content = content_of(submit(capsys, session, "j1", "j1.json"))
    v2 = {key: value for key, value in content.items() if key not in ("sequence", "signature")}
    unsealed = layout({**v2, "schema_version": 2, "checksum": UNSEALED})
    import hashlib

    Path("v2.json").write_bytes(unsealed.replace(UNSEALED.encode(), hashlib.sha256(unsealed).hexdigest().encode(), 1))
    line = refused(capsys, "import", "klein", "v2.json", "--data-dir", session, watch=(session,))
    assert "schemaversie 2, niet ondertekend" in line and "opnieuw in te dienen met deze versie" in line


def test_a_file_without_signature_is_refused(capsys, session):
    content = content_of(submit(capsys, session, "j1", "j1.json"))
    Path("kaal.json").write_bytes(layout({**content, "signature": "0" * 128}))
    line = refused(capsys, "import", "klein", "kaal.json", "--data-dir", session, watch=(session,))
    assert "is niet ondertekend" in line


def test_a_changed_byte_in_a_motivation_or_in_the_signature_is_refused(capsys, session):
    path = submit(capsys, session, "j1", "j1.json", score=4)
    raw = path.read_bytes()
    Path("score.json").write_bytes(raw.replace(b'"score": 4', b'"score": 5', 1))
    assert "controlesom klopt niet" in refused(capsys, "import", "klein", "score.json", "--data-dir", session, watch=(session,))
    signature = content_of(path)["signature"]
    other = ("1" if signature[0] != "1" else "2") + signature[1:]
    Path("handtekening.json").write_bytes(raw.replace(signature.encode(), other.encode(), 1))
    line = refused(capsys, "import", "klein", "handtekening.json", "--data-dir", session, watch=(session,))
    assert "handtekening van 'j1' klopt niet" in line


def test_a_submission_dated_far_in_the_future_locks_no_one_out(capsys, session):
    store = JurorStore(session, load_session(session, "klein"), "j1")
    store.declare_conflicts([])
    write_submission(store, Path("toekomst.json"), True, submitted_at=dt.datetime(2999, 1, 1, tzinfo=dt.UTC))
    assert "ingelezen" in imported(capsys, session, "toekomst.json")
    store.set_score("a1", "inhoud", 3)
    write_submission(store, Path("vandaag.json"), True)  # sequence 2, dated today
    assert "vervangt de vorige" in imported(capsys, session, "vandaag.json")
    kept = ChairStore(session, load_session(session, "klein")).submissions()["j1"]
    assert kept.sequence == 2 and kept.submitted_at.year < 2999


def test_a_lower_sequence_is_refused_and_a_take_back_keeps_its_reason(capsys, session):
    first = submit(capsys, session, "j1", "eerste.json", score=2)
    second = submit(capsys, session, "j1", "tweede.json", score=4)
    imported(capsys, session, second)
    line = refused(capsys, "import", "klein", str(first), "--data-dir", session, watch=(session,))
    assert "nr. 1 van j1 is niet nieuwer dan nr. 2" in line and "--take-back" in line
    out = imported(capsys, session, first, extra=("--take-back", "--reason", "tweede inzending per vergissing"))
    assert "teruggenomen" in out
    chair = ChairStore(session, load_session(session, "klein"))
    assert chair.submissions()["j1"].sequence == 1
    (entry,) = chair.take_backs()
    assert (entry["juror_id"], entry["sequence"], entry["highest"], entry["reason"]) == ("j1", 1, 2, "tweede inzending per vergissing")
    assert chair.highest_sequences()["j1"] == 2
    # the newer file again is not silently taken over the chair's decision
    assert "niet nieuwer" in refused(capsys, "import", "klein", str(second), "--data-dir", session, watch=(session,))
    third = submit(capsys, session, "j1", "derde.json", score=5)
    assert "vervangt de vorige" in imported(capsys, session, third)


def test_the_same_sequence_with_other_content_is_refused_naming_two_laptops(capsys, session):
    folder = session / "sessions" / "klein" / "jurors" / "j1"
    assert run(capsys, "conflicts", "klein", "--as", "j1", "--none", "--data-dir", session).code == 0
    shutil.copytree(folder, Path("kopie-j1"))  # a restored store, or the same juror on a second laptop
    submit(capsys, session, "j1", "laptop-a.json", score=1)
    imported(capsys, session, "laptop-a.json")
    shutil.rmtree(folder)
    shutil.copytree(Path("kopie-j1"), folder)
    submit(capsys, session, "j1", "laptop-b.json", score=5)
    line = refused(capsys, "import", "klein", "laptop-b.json", "--data-dir", session, watch=(session,))
    assert "nr. 1 van j1 verschilt" in line and "twee computers" in line


def test_take_back_needs_a_reason_and_a_reason_needs_take_back(capsys, session):
    path = submit(capsys, session, "j1", "j1.json")
    assert "--reason" in refused(capsys, "import", "klein", str(path), "--take-back", "--data-dir", session, watch=(session,))
    assert "--take-back" in refused(capsys, "import", "klein", str(path), "--reason", "x", "--data-dir", session, watch=(session,))
    line = refused(capsys, "import", "klein", str(path), "--take-back", "--reason", "a\x1b[31mb", "--data-dir", session,
                   watch=(session,))
    assert "--reason" in line


def test_a_duplicate_key_is_refused(capsys, session):
    raw = submit(capsys, session, "j1", "j1.json").read_bytes()
    Path("dubbel.json").write_bytes(raw.replace(b'\n  "juror_id"', b'\n  "juror_id": "j2",\n  "juror_id"', 1))
    line = refused(capsys, "import", "klein", "dubbel.json", "--data-dir", session, watch=(session,))
    assert "sleutel 'juror_id' komt twee keer voor" in line


def test_other_whitespace_key_order_or_escapes_are_refused(capsys, session):
    path = submit(capsys, session, "j1", "j1.json")
    content = content_of(path)
    variants = {
        "spaties.json": path.read_bytes().replace(b'\n  "complete"', b'\n    "complete"', 1),
        "crlf.json": path.read_bytes().replace(b"\n", b"\r\n"),
        "compact.json": json.dumps(content, ensure_ascii=False, sort_keys=True).encode(),
        "ontsnapt.json": json.dumps(content, ensure_ascii=True, indent=2, sort_keys=True).encode() + b"\n",
        "volgorde.json": json.dumps(dict(reversed(list(content.items()))), ensure_ascii=False, indent=2).encode() + b"\n",
    }
    for name, raw in variants.items():
        Path(name).write_bytes(raw)
        line = refused(capsys, "import", "klein", name, "--data-dir", session, watch=(session,))
        assert name in line and "niet in de ene vorm waarin jury-tui het schrijft" in line, line


def test_another_encoding_is_refused(capsys, session):
    path = submit(capsys, session, "j1", "j1.json")
    Path("utf16.json").write_bytes(path.read_bytes().decode().encode("utf-16"))
    refused(capsys, "import", "klein", "utf16.json", "--data-dir", session, watch=(session,))


def test_missing_format_or_schema_version_has_no_default(capsys, session):
    content = content_of(submit(capsys, session, "j1", "j1.json"))
    for field in ("format", "schema_version"):
        resealed = {key: value for key, value in content.items() if key != field}
        Path(f"zonder-{field}.json").write_bytes(seal(resealed, key_of(session, "j1"))[2])
        line = refused(capsys, "import", "klein", f"zonder-{field}.json", "--data-dir", session, watch=(session,))
        assert f"veld '{field}' ontbreekt" in line


def test_a_submission_time_without_offset_is_a_clear_error_at_read_time(capsys, session):
    content = content_of(submit(capsys, session, "j1", "j1.json"))
    Path("naief.json").write_bytes(seal({**content, "submitted_at": "2021-10-01T12:00:00"}, key_of(session, "j1"))[2])
    line = refused(capsys, "import", "klein", "naief.json", "--data-dir", session, watch=(session,))
    assert "naief.json" in line and "veld 'submitted_at'" in line
    assert "veld 'submitted_at'" in refused(capsys, "check", "naief.json", watch=(session, Path.cwd()))


def test_submitting_without_a_key_says_where_to_get_it(capsys, session):
    shutil.rmtree(session / "sessions" / "klein" / "keys")  # a juror's laptop with a copied folder, no package
    assert run(capsys, "conflicts", "klein", "--as", "j1", "--none", "--data-dir", session).code == 0
    line = refused(capsys, "submit", "klein", "--as", "j1", "--incomplete", "--out", "j1.json", "--data-dir", session,
                   watch=(session, Path.cwd()))
    assert "geen sleutel" in line and "jury-tui unpack" in line
    assert not Path("j1.json").exists()


def test_a_damaged_key_file_is_one_line(capsys, session):
    secretariat_key_path(session, "klein", "j1").write_text("geen sleutel\n")
    assert run(capsys, "conflicts", "klein", "--as", "j1", "--none", "--data-dir", session).code == 0
    line = refused(capsys, "submit", "klein", "--as", "j1", "--incomplete", "--out", "j1.json", "--data-dir", session,
                   watch=(session, Path.cwd()))
    assert "j1.key" in line and "beschadigd" in line


def test_a_stored_copy_replaced_by_another_jurors_signature_is_refused_at_read(capsys, session):
    imported(capsys, session, submit(capsys, session, "j1", "j1.json"))
    stored = session / "sessions" / "klein" / "submissions" / "j1.json"
    forged = {**content_of(submit(capsys, session, "j2", "j2.json")), "juror_id": "j1"}
    stored.write_bytes(seal(forged, key_of(session, "j2"))[2])
    line = refused(capsys, "export", "klein", "--csv", "uit.csv", "--data-dir", session, watch=(session, Path.cwd()))
    assert "j1.json" in line and "ander jurylid" in line
