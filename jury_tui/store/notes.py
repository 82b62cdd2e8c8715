"""A juror's private notes: one free text per application, for the juror alone.

They live in the juror's folder on the juror's own laptop, in `notes.json` next to `juror.json`
(sessions/<session>/jurors/<juror>/notes.json), and never leave it: the submission is built from
the scores and motivations only (store/submitting.py), a juror package holds the session and the
juror's key (store/packages.py), the chair reads submissions, and every export reads the chair's
copies of those. Like every store file, the notes are written atomically through
`JurorStore.writing()`, keep the previous versions as `.notes.json.bak1`…`bak3` in the same
folder, are read back strictly, and a damaged or foreign file is reported and never written over.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import StrictStr

from jury_tui.domain.text import Motivation
from jury_tui.errors import JuryError
from jury_tui.formats.validation import motivation_problem
from jury_tui.i18n import t
from jury_tui.store.juror_store import JurorStore, now
from jury_tui.store.tinyfile import TinyFile, damaged_records, stored_records

NOTES_FILE = "notes.json"
NOTES_KIND = "juror-notes"
TABLE = "notes"


@dataclass(frozen=True)
class _Note:
    application_id: StrictStr
    text: Motivation
    updated_at: StrictStr = ""  # when the note was last changed: for a person reading notes.json; the app does not read it


class JurorNotes:
    """The notes of the juror of `store`, read and written in that juror's folder."""

    def __init__(self, store: JurorStore) -> None:
        self.store = store
        owner = {"session_id": store.session.id, "juror_id": store.juror_id}
        self._file = TinyFile(store.folder / NOTES_FILE, NOTES_KIND, owner)

    def all(self) -> dict[str, str]:
        """Application id -> note, for every application with a note."""
        records = [dict(record) for record in self._file.table(TABLE).all()]
        notes = stored_records(list[_Note], records, self._file.path, TABLE)
        found = {note.application_id: note.text for note in notes}
        if len(found) != len(notes):  # two notes for one application: not what this program writes
            raise damaged_records(self._file.path, TABLE)
        return found

    def note(self, application_id: str) -> str:
        return self.all().get(application_id, "")

    def set_note(self, application_id: str, text: str) -> bool:
        """Keep `text` as the note of the application (an empty text removes it). False: nothing changed."""
        if not self.store.session.has_application(application_id):
            raise JuryError(t("score.unknown_application", application=application_id))
        if (problem := motivation_problem(text)) is not None:
            raise JuryError(t("notes.refused", problem=problem))
        with self.store.writing():
            current = self.all()  # a damaged file is reported here, before anything is written
            if current.get(application_id, "") == text:
                return False
            table = self._file.table(TABLE)
            table.remove(lambda record: record.get("application_id") == application_id)
            if text:
                updated_at = now().isoformat(timespec="seconds")
                table.insert({"application_id": application_id, "text": text, "updated_at": updated_at})
            self._file.commit()
            return True
