"""Store: atomic writes, damaged and foreign files, persistence, history, batches and their journal."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import shutil
import stat
from pathlib import Path

import pytest
from conftest import tree_snapshot

from jury_tui.domain.assessment import ScoreChange
from jury_tui.domain.canonical import sha256_hex
from jury_tui.errors import JuryError, StoreError
from jury_tui.formats.atomic_file import TEMP_SUFFIX, write_atomic, write_json_atomic
from jury_tui.store.chair_store import ChairStore
from jury_tui.store.juror_store import JOURNAL_FILE, JurorStore
from jury_tui.store.sessions import (
    SESSION_FILE,
    load_session,
    session_dir,
    write_session,
)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(TEMP_SUFFIX)]


def reopen(store: JurorStore, juror_id: str | None = None) -> JurorStore:
    return JurorStore(store.folder.parents[3], store.session, juror_id or store.juror_id)


def app_file(store: JurorStore, application_id: str) -> Path:
    return store.applications_folder / f"{application_id}.json"


# --- atomic writes ------------------------------------------------------------------------


def test_atomic_write_replaces_content_and_leaves_no_temp_file(tmp_path):
    target = tmp_path / "map" / "bestand.json"
    write_atomic(target, b"eerste")
    write_atomic(target, b"tweede versie")
    assert target.read_bytes() == b"tweede versie"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert temp_files(tmp_path) == []


def test_failed_atomic_write_leaves_target_and_no_temp_file(tmp_path):
    target = tmp_path / "bezet"
    target.mkdir()  # os.replace onto a directory fails
    (target / "inhoud.txt").write_text("blijft")
    with pytest.raises(StoreError) as caught:
        write_atomic(target, b"nieuw")
    assert "bezet" in str(caught.value)
    assert "is een map" in str(caught.value)  # refused before any temp file is made
    assert (target / "inhoud.txt").read_text() == "blijft"
    assert temp_files(tmp_path) == []


def test_every_stored_file_is_private_and_no_temp_files_remain(small_store, small_data_dir):
    small_store.declare_conflicts(["a3"])
    small_store.set_score("a1", "inhoud", 4)
    small_store.set_motivation("a1", "inhoud", "Goed onderbouwd.")
    small_store.apply_batch([ScoreChange("a2", "budget", 3, "")], reason="test")
    files = [p for p in small_data_dir.rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert {SESSION_FILE, "juror.json", "a1.json", "a2.json"} <= names
    assert JOURNAL_FILE not in names
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert temp_files(small_data_dir) == []


def test_stale_temp_files_are_removed_before_the_first_write(small_store, small_data_dir, small_session):
    small_store.set_score("a1", "inhoud", 4)
    stale = [
        small_store.folder / f".juror.json.deadbeef{TEMP_SUFFIX}",
        small_store.applications_folder / f".a1.json.0badf00d{TEMP_SUFFIX}",
    ]
    for path in stale:
        path.write_bytes(b'{"half": ')
    before = sha(app_file(small_store, "a1"))
    store = reopen(small_store)
    assert store.assessment("a1").get("inhoud").score == 4
    assert all(path.exists() for path in stale)  # opening and reading write nothing, remove nothing
    store.set_score("a2", "inhoud", 1)
    assert not any(path.exists() for path in stale)
    assert sha(app_file(small_store, "a1")) == before


def test_stale_temp_files_are_removed_when_the_app_claims_the_store(small_store):
    small_store.set_score("a1", "inhoud", 4)
    stale = small_store.applications_folder / f".a1.json.0badf00d{TEMP_SUFFIX}"
    stale.write_bytes(b"{")
    store = reopen(small_store)
    store.claim()
    try:
        assert not stale.exists()
    finally:
        store.release()


def test_stale_temp_file_in_session_folder_is_left_by_loading_and_removed_by_the_chair(small_data_dir, small_session):
    """Loading a session only reads; the chair's store (a writer, under the lock) cleans up."""
    stale = session_dir(small_data_dir, small_session.id) / f".session.json.12345678{TEMP_SUFFIX}"
    stale.write_text("{")
    assert load_session(small_data_dir, small_session.id).fingerprint == small_session.fingerprint
    assert stale.exists()
    ChairStore(small_data_dir, small_session)
    assert not stale.exists()


# --- damaged and foreign files ------------------------------------------------------------


def _valid_bytes(store: JurorStore) -> bytes:
    store.set_score("a1", "inhoud", 4)
    return app_file(store, "a1").read_bytes()


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: raw[: len(raw) // 2], id="truncated"),
        pytest.param(lambda raw: b"", id="empty"),
        pytest.param(lambda raw: b"   \n", id="whitespace"),
        pytest.param(lambda raw: b"\x00\x00\x00\x00" * 8, id="zeros"),
        pytest.param(lambda raw: raw.replace(b"{", b"[", 1), id="garbled"),
        pytest.param(lambda raw: b"\xff\xfe" + raw, id="not-utf8"),
        pytest.param(lambda raw: b"[1, 2, 3]", id="not-tables"),
        pytest.param(lambda raw: b"{}", id="no-meta"),
    ],
)
def test_damaged_application_file_is_reported_and_left_untouched(small_store, damage):
    path = app_file(small_store, "a1")
    path.write_bytes(damage(_valid_bytes(small_store)))
    before = sha(path)
    store = reopen(small_store)
    for action in (
        lambda: store.assessment("a1"),
        lambda: store.all_assessments(),
        lambda: store.set_score("a1", "inhoud", 2),
        lambda: store.set_motivation("a1", "haalbaar", "nieuw"),
        lambda: store.apply_batch([ScoreChange("a1", "budget", 1, "")], reason="x"),
        lambda: store.history("a1"),
    ):
        with pytest.raises(StoreError) as caught:
            action()
        assert "a1.json" in str(caught.value)
        assert "onaangeroerd" in str(caught.value)
    assert sha(path) == before
    # the other applications can still be scored
    store.set_score("a2", "inhoud", 3)
    assert reopen(small_store).assessment("a2").get("inhoud").score == 3
    assert sha(path) == before


def test_batch_refused_over_a_damaged_file_is_not_applied_later(small_store):
    good = _valid_bytes(small_store)  # a1: inhoud = 4
    path = app_file(small_store, "a1")
    path.write_bytes(good[:10])
    store = reopen(small_store)
    with pytest.raises(StoreError, match="a1.json"):
        store.apply_batch([ScoreChange("a2", "inhoud", 5, ""), ScoreChange("a1", "inhoud", 1, "")], reason="CSV-import x.csv")
    assert not (small_store.folder / JOURNAL_FILE).exists()
    path.write_bytes(good)  # the juror restores the file from a backup
    again = reopen(small_store)
    # the import the juror was told had failed does not land behind their back
    assert again.assessment("a1").get("inhoud").score == 4
    assert again.assessment("a2").get("inhoud").score is None


def test_damaged_juror_file_is_reported_at_start_and_left_untouched(small_store):
    small_store.declare_conflicts([])
    path = small_store.folder / "juror.json"
    path.write_bytes(path.read_bytes()[:-5])
    before = sha(path)
    with pytest.raises(StoreError) as caught:
        reopen(small_store)
    assert "juror.json" in str(caught.value)
    assert sha(path) == before


def test_file_of_another_juror_is_refused_as_foreign(small_store, small_data_dir, small_session):
    small_store.set_score("a1", "inhoud", 5)
    other = JurorStore(small_data_dir, small_session, "j2")
    other.applications_folder.mkdir(parents=True, exist_ok=True)
    copied = app_file(other, "a1")
    shutil.copy2(app_file(small_store, "a1"), copied)
    before = sha(copied)
    other = JurorStore(small_data_dir, small_session, "j2")
    with pytest.raises(StoreError) as caught:
        other.assessment("a1")
    message = str(caught.value)
    assert "a1.json" in message and "hoort niet bij" in message and "j1" in message
    with pytest.raises(StoreError):
        other.set_score("a1", "inhoud", 1)
    assert sha(copied) == before


def test_juror_file_of_another_juror_is_refused(small_store, small_data_dir, small_session):
    small_store.declare_conflicts(["a2"])
    folder = small_store.folder.parent / "j2"
    folder.mkdir()
    shutil.copy2(small_store.folder / "juror.json", folder / "juror.json")
    with pytest.raises(StoreError) as caught:
        JurorStore(small_data_dir, small_session, "j2")
    assert "juror.json" in str(caught.value) and "hoort niet bij" in str(caught.value)


def test_file_of_another_application_is_refused(small_store):
    small_store.set_score("a1", "inhoud", 5)
    shutil.copy2(app_file(small_store, "a1"), app_file(small_store, "a2"))
    with pytest.raises(StoreError) as caught:
        reopen(small_store).assessment("a2")
    assert "a2.json" in str(caught.value) and "hoort niet bij" in str(caught.value)


def test_file_of_another_session_is_refused(small_store, small_data_dir, small_session):
    small_store.set_score("a1", "inhoud", 5)
    data = json.loads(app_file(small_store, "a1").read_text())
    data["_meta"]["1"]["session_id"] = "andere-sessie"
    app_file(small_store, "a1").write_text(json.dumps(data))
    with pytest.raises(StoreError) as caught:
        reopen(small_store).assessment("a1")
    assert "andere-sessie" in str(caught.value)


def test_file_with_unknown_schema_version_is_refused(small_store):
    small_store.set_score("a1", "inhoud", 5)
    data = json.loads(app_file(small_store, "a1").read_text())
    data["_meta"]["1"]["schema_version"] = 99
    app_file(small_store, "a1").write_text(json.dumps(data))
    with pytest.raises(StoreError) as caught:
        reopen(small_store).assessment("a1")
    assert "schemaversie 99" in str(caught.value)


def test_every_stored_file_carries_a_schema_version(small_store):
    small_store.declare_conflicts([])
    small_store.set_score("a1", "inhoud", 5)
    for path in (small_store.folder / "juror.json", app_file(small_store, "a1")):
        meta = json.loads(path.read_text())["_meta"]
        assert [record["schema_version"] for record in meta.values()] == [1]
    session = json.loads((small_store.folder.parents[1] / SESSION_FILE).read_text())
    assert session["schema_version"] == 2


# --- scores, motivations, conflicts, history ----------------------------------------------


def test_scores_motivations_and_conflicts_persist_across_instances(small_store):
    small_store.declare_conflicts(["a3"])
    assert small_store.set_score("a1", "inhoud", 4) is True  # "saved" is shown only when something changed
    small_store.set_motivation("a1", "inhoud", "Sterke analyse van de wijk.\nMet cijfers.")
    small_store.set_score("a1", "budget", 0)
    small_store.set_motivation("a2", "haalbaar", "Nog te bekijken")

    again = reopen(small_store)
    assert again.conflicts == frozenset({"a3"})
    assert again.conflicts_declared
    a1 = again.assessment("a1")
    assert (a1.get("inhoud").score, a1.get("inhoud").motivation) == (4, "Sterke analyse van de wijk.\nMet cijfers.")
    assert a1.get("budget").score == 0
    assert a1.get("haalbaar").score is None
    assert again.assessment("a2").get("haalbaar").motivation == "Nog te bekijken"
    assert again.assessment("a2").get("haalbaar").score is None


def test_setting_the_same_value_again_changes_nothing(small_store):
    small_store.set_score("a1", "inhoud", 4)
    before = sha(app_file(small_store, "a1"))
    assert small_store.set_score("a1", "inhoud", 4) is False
    assert sha(app_file(small_store, "a1")) == before
    assert len(small_store.history("a1")) == 1


def test_clearing_a_score_is_kept(small_store):
    small_store.set_score("a1", "inhoud", 4)
    small_store.set_score("a1", "inhoud", None)
    assert reopen(small_store).assessment("a1").get("inhoud").score is None


def test_jurors_do_not_see_each_others_scores(small_store, small_data_dir, small_session):
    small_store.set_score("a1", "inhoud", 5)
    other = JurorStore(small_data_dir, small_session, "j2")
    assert other.assessment("a1").get("inhoud").score is None
    other.set_score("a1", "inhoud", 1)
    assert reopen(small_store).assessment("a1").get("inhoud").score == 5


def test_history_records_old_and_new_with_juror(small_store):
    small_store.set_score("a1", "inhoud", 3)
    small_store.set_score("a1", "inhoud", 4)
    small_store.set_motivation("a1", "inhoud", "Eerste versie")
    small_store.set_motivation("a1", "inhoud", "Tweede versie")
    history = reopen(small_store).history("a1")
    changes = [(h.field, h.old, h.new) for h in history]
    assert changes == [
        ("score", None, 3),
        ("score", 3, 4),
        ("motivation", "", "Eerste versie"),
        ("motivation", "Eerste versie", "Tweede versie"),
    ]
    assert {h.juror_id for h in history} == {"j1"}
    assert {(h.application_id, h.criterion_id) for h in history} == {("a1", "inhoud")}
    assert all(h.at.tzinfo is not None for h in history)
    assert [h.at for h in history] == sorted(h.at for h in history)


def test_history_records_conflict_declarations(small_store):
    small_store.declare_conflicts(["a2"])
    small_store.declare_conflicts(["a2", "a3"])
    history = reopen(small_store).history()
    assert [(h.field, h.old, h.new, h.juror_id) for h in history] == [
        ("conflicts", [], ["a2"], "j1"),
        ("conflicts", ["a2"], ["a2", "a3"], "j1"),
    ]


def test_conflicted_application_refuses_scores(small_store):
    small_store.declare_conflicts(["a2"])
    with pytest.raises(JuryError) as caught:
        small_store.set_score("a2", "inhoud", 3)
    assert "belangenconflict" in str(caught.value) and "a2" in str(caught.value)
    with pytest.raises(JuryError):
        small_store.set_motivation("a2", "inhoud", "toch iets")
    with pytest.raises(JuryError):
        small_store.apply_batch([ScoreChange("a2", "inhoud", 3, "")], reason="x")
    assert not app_file(small_store, "a2").exists()


@pytest.mark.parametrize("score", [-1, 6, 100])
def test_score_off_the_scale_is_refused(small_store, score):
    small_store.set_score("a1", "inhoud", 2)
    before = sha(app_file(small_store, "a1"))
    with pytest.raises(JuryError) as caught:
        small_store.set_score("a1", "inhoud", score)
    assert f"score {score} ligt buiten de schaal 0–5" in str(caught.value)
    assert sha(app_file(small_store, "a1")) == before
    assert reopen(small_store).assessment("a1").get("inhoud").score == 2


def test_unknown_application_or_criterion_is_refused(small_store):
    with pytest.raises(JuryError, match="onbekende aanvraag 'a9'"):
        small_store.set_score("a9", "inhoud", 3)
    with pytest.raises(JuryError, match="onbekend criterium 'schoonheid'"):
        small_store.set_score("a1", "schoonheid", 3)
    with pytest.raises(JuryError, match="onbekende aanvraag"):
        small_store.declare_conflicts(["a9"])
    assert not small_store.applications_folder.exists() or list(small_store.applications_folder.iterdir()) == []


def test_unknown_juror_is_refused(small_data_dir, small_session):
    with pytest.raises(JuryError) as caught:
        JurorStore(small_data_dir, small_session, "j9")
    assert "jurylid 'j9' bestaat niet" in str(caught.value)
    assert "j1" in str(caught.value)  # the known ids are listed
    assert not (session_dir(small_data_dir, small_session.id) / "jurors" / "j9").exists()


# --- batches and the journal --------------------------------------------------------------


def test_apply_batch_applies_everything_and_returns_changed_count(small_store):
    small_store.set_score("a1", "inhoud", 4)
    changes = [
        ScoreChange("a1", "inhoud", 4, ""),  # unchanged
        ScoreChange("a1", "haalbaar", 2, "Krappe planning"),
        ScoreChange("a2", "inhoud", 5, "Sterk"),
    ]
    assert small_store.apply_batch(changes, reason="CSV-import x.csv") == 2
    again = reopen(small_store)
    assert again.assessment("a1").get("haalbaar").score == 2
    assert again.assessment("a2").get("inhoud").motivation == "Sterk"
    assert not (small_store.folder / JOURNAL_FILE).exists()
    assert {h.reason for h in again.history("a2")} == {"CSV-import x.csv"}


@pytest.mark.parametrize(
    "bad",
    [
        ScoreChange("a2", "inhoud", 9, ""),
        ScoreChange("a2", "bestaat-niet", 3, ""),
        ScoreChange("a9", "inhoud", 3, ""),
        ScoreChange("a3", "inhoud", 3, ""),  # conflicted
    ],
)
def test_apply_batch_is_all_or_nothing(small_store, small_data_dir, bad):
    small_store.declare_conflicts(["a3"])
    small_store.set_score("a1", "inhoud", 1)
    before = tree_snapshot(small_data_dir)
    changes = [ScoreChange("a1", "inhoud", 5, "Beter dan gedacht"), ScoreChange("a2", "haalbaar", 4, "Ok"), bad]
    with pytest.raises(JuryError):
        small_store.apply_batch(changes, reason="x")
    assert tree_snapshot(small_data_dir) == before
    assert small_store.assessment("a1").get("inhoud").score == 1
    assert reopen(small_store).assessment("a2").get("haalbaar").score is None


class Killed(BaseException):
    """Stands in for SIGKILL: raised from inside the batch, and nothing of the store runs after it."""


def _kill_batch_at_commit(monkeypatch, store: JurorStore, number: int) -> None:
    """The `number`-th file write of the next batch kills the process: the files before it are
    written, the journal stays, no rollback runs."""
    from jury_tui.store import tinyfile

    original = tinyfile.TinyFile.commit
    calls = {"n": 0}

    def commit_then_die(self):
        calls["n"] += 1
        if calls["n"] == number:
            raise Killed()
        original(self)

    monkeypatch.setattr(tinyfile.TinyFile, "commit", commit_then_die)
    monkeypatch.setattr(JurorStore, "_undo_failed_batch", lambda self, images, error: None)  # a dead process rolls nothing back


def _killed_batch(monkeypatch, store: JurorStore, changes: list[ScoreChange], number: int = 2) -> None:
    with monkeypatch.context() as patch:
        _kill_batch_at_commit(patch, store, number)
        with pytest.raises(Killed):
            store.apply_batch(changes, reason="CSV-import onderbroken.csv")
    assert (store.folder / JOURNAL_FILE).exists()


def _write_journal(store: JurorStore, data: object) -> Path:
    path = store.folder / JOURNAL_FILE
    write_json_atomic(path, data)
    return path


def test_batch_killed_halfway_never_lands_and_the_next_write_rolls_it_back(small_store, monkeypatch):
    small_store.set_score("a1", "inhoud", 2)
    small_store.set_motivation("a1", "inhoud", "Eigen oordeel")
    a1_before = app_file(small_store, "a1").read_bytes()
    changes = [ScoreChange(app, "inhoud", 5, f"Uit Excel {app}") for app in ("a1", "a2", "a3")]
    _killed_batch(monkeypatch, small_store, changes)
    assert json.loads(app_file(small_store, "a1").read_bytes())["scores"]["1"]["score"] == 5  # a1 was written before the kill

    # A reader shows the files as they were before the batch and writes nothing.
    snapshot = tree_snapshot(small_store.folder)
    reader = JurorStore(small_store.folder.parents[3], small_store.session, "j1", read_only=True)
    assert reader.assessment("a1").get("inhoud").score == 2
    assert reader.assessment("a2").get("inhoud").score is None
    assert [h.new for h in reader.history("a1")] == [2, "Eigen oordeel"]
    assert tree_snapshot(small_store.folder) == snapshot

    # The app's next save rolls the batch back first, then saves.
    app = reopen(small_store)
    assert app.set_score("a2", "haalbaar", 4) is True
    assert not (small_store.folder / JOURNAL_FILE).exists()
    assert app_file(small_store, "a1").read_bytes() == a1_before
    again = reopen(small_store)
    assert again.assessment("a1").get("inhoud") == small_store.assessment("a1").get("inhoud")
    assert (again.assessment("a1").get("inhoud").score, again.assessment("a1").get("inhoud").motivation) == (2, "Eigen oordeel")
    assert again.assessment("a2").get("haalbaar").score == 4
    assert again.assessment("a2").get("inhoud").score is None
    assert "CSV-import onderbroken.csv" not in {h.reason for app_id in ("a1", "a2", "a3") for h in again.history(app_id)}


def test_batch_that_fails_is_rolled_back_before_the_error_is_reported(small_store, monkeypatch):
    from jury_tui.store import tinyfile

    small_store.set_score("a1", "inhoud", 2)
    before = {app: _file_or_none(app_file(small_store, app)) for app in ("a1", "a2", "a3")}
    original = tinyfile.TinyFile.commit
    calls = {"n": 0}

    def commit_disk_full(self):
        calls["n"] += 1
        if calls["n"] == 3:
            raise StoreError(f"{self.path.name}: opslaan mislukt (No space left on device)")
        original(self)

    monkeypatch.setattr(tinyfile.TinyFile, "commit", commit_disk_full)
    with pytest.raises(StoreError) as caught:
        small_store.apply_batch([ScoreChange(app, "inhoud", 5, "x") for app in ("a1", "a2", "a3")], reason="CSV-import vol.csv")
    assert str(caught.value) == "a3.json: opslaan mislukt (No space left on device) De import is teruggedraaid: er is niets van bewaard."
    assert {app: _file_or_none(app_file(small_store, app)) for app in ("a1", "a2", "a3")} == before
    assert not (small_store.folder / JOURNAL_FILE).exists()
    monkeypatch.setattr(tinyfile.TinyFile, "commit", original)
    assert small_store.assessment("a1").get("inhoud").score == 2  # the store object itself shows the truth too
    assert small_store.assessment("a2").get("inhoud").score is None


def _file_or_none(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


def test_a_batch_without_failure_leaves_no_journal_and_lands_whole(small_store):
    changes = [ScoreChange(app, "inhoud", 3, f"Motivatie {app}") for app in ("a1", "a2", "a3")]
    assert small_store.apply_batch(changes, reason="CSV-import x.csv") == 3
    assert not (small_store.folder / JOURNAL_FILE).exists()
    store = reopen(small_store)
    assert {app: store.assessment(app).get("inhoud").score for app in ("a1", "a2", "a3")} == {"a1": 3, "a2": 3, "a3": 3}


def test_same_cell_twice_in_a_batch_the_last_one_stays(small_store):
    changes = [ScoreChange("a1", "inhoud", 1, "eerst"), ScoreChange("a1", "budget", 2, ""), ScoreChange("a1", "inhoud", 4, "daarna")]
    assert small_store.apply_batch(changes, reason="x") == 3
    store = reopen(small_store)
    assert (store.assessment("a1").get("inhoud").score, store.assessment("a1").get("inhoud").motivation) == (4, "daarna")
    assert [(h.field, h.old, h.new) for h in store.history("a1") if h.criterion_id == "inhoud"] == [
        ("score", None, 1), ("motivation", "", "eerst"), ("score", 1, 4), ("motivation", "eerst", "daarna")]


def test_a_batch_of_3000_changes_to_one_application_lands_whole(small_store):
    """Linear cost: each application's file is read and written once per batch (it took 14 s)."""
    criteria = ["inhoud", "haalbaar", "budget"]
    changes = [ScoreChange("a1", criteria[number % 3], number % 6, f"rij {number}") for number in range(3000)]
    assert small_store.apply_batch(changes, reason="CSV-import groot.csv") == 3000
    store = reopen(small_store)
    assert {c: (store.assessment("a1").get(c).score, store.assessment("a1").get(c).motivation) for c in criteria} == {
        "inhoud": (2997 % 6, "rij 2997"), "haalbaar": (2998 % 6, "rij 2998"), "budget": (2999 % 6, "rij 2999")}
    assert len(store.history("a1")) == 6000


def _owner_journal(store: JurorStore, **change) -> dict:
    data = {"kind": "score-batch-undo", "session_id": store.session.id, "juror_id": store.juror_id, "reason": "x",
            "files": {"a1": None}}
    return {**data, **change}


@pytest.mark.parametrize(
    ("journal", "detail"),
    [
        (lambda store: _owner_journal(store, juror_id="j2"), "juror_id = 'j2', verwacht 'j1'"),
        (lambda store: _owner_journal(store, session_id="andere"), "session_id = 'andere', verwacht 'klein-2021'"),
        (lambda store: _owner_journal(store, files={"../../../sessie": None}), "onbekende aanvraag '../../../sessie'"),
        (lambda store: _owner_journal(store, files={"a1": "geen base64!"}), "geen logboek dat jury-tui schreef"),
        (lambda store: {"kind": "score-batch", "juror_id": "j1", "changes": []}, "geen logboek dat jury-tui schreef"),
        (lambda store: [1, 2], "geen logboek dat jury-tui schreef"),
    ],
    ids=["other-juror", "other-session", "path-outside", "bad-image", "old-redo-journal", "not-a-journal"],
)
def test_a_journal_this_store_cannot_trust_is_refused_and_nothing_is_written(small_store, journal, detail):
    small_store.set_score("a1", "inhoud", 2)
    path = _write_journal(small_store, journal(small_store))
    before = tree_snapshot(small_store.folder.parents[2])
    with pytest.raises(StoreError) as caught:
        reopen(small_store)
    message = str(caught.value)
    assert JOURNAL_FILE in message and "het logboek van een onderbroken import kan niet gebruikt worden" in message
    assert detail in message and "\n" not in message
    with pytest.raises(StoreError):  # a writer that opened before the journal appeared is refused too
        small_store.set_score("a1", "inhoud", 3)
    assert tree_snapshot(small_store.folder.parents[2]) == before
    assert path.exists()


def test_a_damaged_journal_is_refused_naming_it(small_store):
    small_store.set_score("a1", "inhoud", 2)
    (small_store.folder / JOURNAL_FILE).write_bytes(b'{"kind": "score-batch-undo", "fil')
    before = tree_snapshot(small_store.folder)
    with pytest.raises(StoreError) as caught:
        small_store.set_score("a1", "inhoud", 3)
    assert JOURNAL_FILE in str(caught.value) and "kan niet gebruikt worden (regel 1, kolom 30" in str(caught.value)
    assert tree_snapshot(small_store.folder) == before


def test_a_second_writer_does_not_silently_undo_saved_changes(small_store):
    small_store.set_score("a1", "inhoud", 1)  # the app is open and has read a1
    try:
        other = reopen(small_store)  # e.g. import-scores in a second terminal
    except StoreError:
        return  # refusing a second writer is a fine answer
    other.apply_batch([ScoreChange("a1", "haalbaar", 5, "uit Excel")], reason="CSV-import concept.csv")
    try:
        small_store.set_score("a1", "budget", 2)  # the juror presses a key in the app
    except StoreError:
        pass  # refusing the stale save is a fine answer too
    after = reopen(small_store)
    assert after.assessment("a1").get("haalbaar").score == 5
    assert "CSV-import concept.csv" in {h.reason for h in after.history("a1")}


# --- the session definition on disk -------------------------------------------------------


def test_session_round_trips_through_disk(small_data_dir, small_session):
    loaded = load_session(small_data_dir, small_session.id)
    assert loaded == small_session
    assert loaded.fingerprint == small_session.fingerprint


def test_session_edited_on_disk_is_refused(small_data_dir, small_session):
    path = session_dir(small_data_dir, small_session.id) / SESSION_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    data["definition"]["applications"][0]["title"] = "Een andere titel"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = sha(path)
    with pytest.raises(StoreError) as caught:
        load_session(small_data_dir, small_session.id)
    assert "gewijzigd" in str(caught.value)
    assert SESSION_FILE in str(caught.value)
    assert sha(path) == before


def test_damaged_session_file_is_refused(small_data_dir, small_session):
    path = session_dir(small_data_dir, small_session.id) / SESSION_FILE
    path.write_bytes(path.read_bytes()[:100])
    with pytest.raises(StoreError) as caught:
        load_session(small_data_dir, small_session.id)
    assert SESSION_FILE in str(caught.value) and "beschadigd" in str(caught.value)


def test_existing_session_is_never_overwritten(small_data_dir, small_session):
    path = session_dir(small_data_dir, small_session.id) / SESSION_FILE
    before = sha(path)
    other = dataclasses.replace(small_session, title="Overschreven?")
    with pytest.raises(JuryError, match="bestaat al"):
        write_session(small_data_dir, other)
    assert sha(path) == before


def test_unknown_session_is_reported(small_data_dir):
    with pytest.raises(JuryError, match="sessie 'bestaat-niet' niet gevonden"):
        load_session(small_data_dir, "bestaat-niet")


def _rewrite_definition(data_dir: Path, session_id: str, change, refingerprint: bool = True) -> Path:
    """Change the stored definition and give it the fingerprint of the changed content, as a tool
    that rewrites session.json would."""
    path = session_dir(data_dir, session_id) / SESSION_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data["definition"])
    if refingerprint:
        data["fingerprint"] = sha256_hex(data["definition"])
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    return path


def test_a_session_file_in_another_valid_form_opens_with_the_same_fingerprint(small_data_dir, small_session):
    """Written by hand or by another tool: the budget as a whole number. The content, and so the
    fingerprint, is the same."""
    _rewrite_definition(small_data_dir, small_session.id, lambda definition: definition.update(budget=int(definition["budget"])),
                        refingerprint=False)
    loaded = load_session(small_data_dir, small_session.id)
    assert loaded == small_session and loaded.fingerprint == small_session.fingerprint


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        # '$' in a pattern is the end of the text, not 'before a final newline' as in Python's re
        (lambda d: d["jurors"][0].update(id=d["jurors"][0]["id"] + "\n"), "definition.jurors[1].id", "kleine letters"),
        (lambda d: d["criteria"]["criteria"][0].update(weight=math.inf), "definition.criteria.criteria[1].weight", "eindig getal"),
        (lambda d: d["criteria"].update(disagreement_threshold=math.nan), "definition.criteria.disagreement_threshold", "eindig getal"),
        (lambda d: d.update(budget=math.inf), "definition.budget", "hoogstens"),
    ],
    ids=["newline-after-id", "inf-weight", "nan-threshold", "inf-budget"],
)
def test_a_refingerprinted_session_with_an_impossible_value_is_refused(small_data_dir, small_session, change, field, problem):
    path = _rewrite_definition(small_data_dir, small_session.id, change)
    before = sha(path)
    with pytest.raises(JuryError) as caught:
        load_session(small_data_dir, small_session.id)
    assert f"veld '{field}'" in str(caught.value) and problem in str(caught.value)
    assert sha(path) == before


def test_a_session_file_with_a_lone_surrogate_is_refused(small_data_dir, small_session):
    _rewrite_definition(small_data_dir, small_session.id, lambda definition: definition.update(title="Oproep \ud800"),
                        refingerprint=False)  # no hash: not UTF-8
    with pytest.raises(StoreError) as caught:
        load_session(small_data_dir, small_session.id)
    assert SESSION_FILE in str(caught.value) and "D800" in str(caught.value)


def test_a_csv_of_3000_distinct_rows_imports_every_row(tmp_path, monkeypatch):
    """Issue 12, class 12: importing N rows costs O(N). 430 applications x 7 criteria, 3,000 rows,
    each with its own score and motivation; every one lands, the history records each once."""
    import os

    from benchmarks.synthetic import synthetic_session
    from jury_tui.store.juror_store import import_scores

    monkeypatch.setattr(os, "fsync", lambda fd: None)  # 860 fsyncs are most of the time here, and not the point
    session = synthetic_session(430, 1)
    write_session(tmp_path, session)
    juror = session.jurors[0].id
    cells = [(a.id, c) for a in session.applications for c in session.criteria.criterion_ids][:3000]
    rows = [f"{app};{criterion};{n % 6};rij {n}: {app} over {criterion}" for n, (app, criterion) in enumerate(cells)]
    csv = tmp_path / "groot.csv"
    csv.write_text("application_id;criterion_id;score;motivation\n" + "\n".join(rows) + "\n", encoding="utf-8")
    store = JurorStore(tmp_path, load_session(tmp_path, session.id), juror)
    assert import_scores(store, csv) == (3000, 3000)
    again = JurorStore(tmp_path, session, juror, read_only=True)
    assessments = again.all_assessments()
    for n, (app, criterion) in enumerate(cells):
        assert (assessments[app].get(criterion).score, assessments[app].get(criterion).motivation) == (n % 6, f"rij {n}: {app} over {criterion}")
    assert sum(len(again.history(a.id)) for a in session.applications) == 6000
    assert not (store.folder / JOURNAL_FILE).exists()
