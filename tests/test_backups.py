"""Rotating backups: a damaged file is reported with the last good copy to restore from."""

from __future__ import annotations

import shutil

import pytest

from jury_tui.errors import StoreError
from jury_tui.formats.atomic_file import BACKUPS_KEPT, backup_path
from jury_tui.store.juror_store import JurorStore
from tests.conftest import tree_snapshot


def test_each_save_keeps_the_previous_versions(small_store):
    for score in range(5):
        small_store.set_score("a1", "inhoud", score)
    path = small_store.applications_folder / "a1.json"
    backups = [backup_path(path, n) for n in range(1, BACKUPS_KEPT + 2)]
    assert [b.exists() for b in backups] == [True] * BACKUPS_KEPT + [False]
    assert backups[0].stat().st_mode & 0o777 == 0o600


def test_damaged_file_points_to_the_last_good_copy_and_restoring_it_works(small_store, small_data_dir, small_session):
    small_store.set_score("a1", "inhoud", 3)
    small_store.set_motivation("a1", "inhoud", "Sterke wijkanalyse")
    path = small_store.applications_folder / "a1.json"
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])  # a torn file, as a bad disk leaves it
    before = tree_snapshot(small_data_dir)
    with pytest.raises(StoreError) as caught:
        JurorStore(small_data_dir, small_session, small_store.juror_id).assessment("a1")
    message = str(caught.value)
    assert "a1.json" in message and ".a1.json.bak1" in message
    assert tree_snapshot(small_data_dir) == before  # nothing touched
    shutil.copyfile(backup_path(path, 1), path)  # what the message tells the user to do
    restored = JurorStore(small_data_dir, small_session, small_store.juror_id).assessment("a1").get("inhoud")
    assert restored.score == 3  # the save before the last one survives in the backup


def test_a_failed_save_is_not_shown_as_saved_and_a_retry_writes(small_store, small_data_dir, small_session, monkeypatch):
    import os

    small_store.set_score("a1", "inhoud", 2)
    real_replace = os.replace

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(StoreError) as caught:
        small_store.set_score("a1", "inhoud", 4)
    assert "a1.json" in str(caught.value)
    assert small_store.assessment("a1").get("inhoud").score == 2  # the screen must not claim 4 is saved
    monkeypatch.setattr(os, "replace", real_replace)
    assert small_store.set_score("a1", "inhoud", 4)  # the retry really writes
    assert JurorStore(small_data_dir, small_session, "j1").assessment("a1").get("inhoud").score == 4
