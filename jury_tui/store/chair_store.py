"""The chair's side of a session: imported submissions and the consolidation.

Imported submissions are kept verbatim under `submissions/<juror id>.json`, each signed by its juror
(checked against the juror's public key in the session at import and at every read). The order of a
juror's submissions is their sequence number: the chair keeps the highest number seen per juror in
`chair/chair.json` (table `sequences`); a lower one is refused unless the chair takes it back
explicitly, with a reason kept in that file's `take_backs` table. The chair's
decisions live under `chair/`: one TinyDB file per application (consensus, motivations,
recommendation, amount, history; in a follow-up round the verdict instead of recommendation and
amount); the selection is the set recommended 'selecteren'. No import ever writes
into `chair/`, so an import cannot overwrite the consensus.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jury_tui.domain.canonical import json_form
from jury_tui.domain.consensus import (
    ApplicationDecision,
    Recommendation,
    amount_cap,
    selection,
)
from jury_tui.domain.deliberation import (
    Deliberation,
    GovernmentDecision,
    Meeting,
    TieOrder,
)
from jury_tui.domain.session import SessionDefinition
from jury_tui.domain.submission import Submission
from jury_tui.errors import JuryError, StoreError, display_path
from jury_tui.formats.atomic_file import (
    TEMP_SUFFIX,
    remove_stale_temp_files,
    write_atomic,
)
from jury_tui.formats.files import read_limited
from jury_tui.formats.submission_file import (
    content_problem,
    identity_problem,
    read_submission,
    read_submission_for,
)
from jury_tui.formats.validation import validate
from jury_tui.formatting import format_amount
from jury_tui.i18n import t
from jury_tui.store.atomic import folder_lock
from jury_tui.store.juror_store import now
from jury_tui.store.sessions import session_dir, sessions_root
from jury_tui.store.tinyfile import TinyFile, damaged_records, stored_records


def _locked(method):
    """Run a read-modify-write of the consolidation under the chair folder's lock."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with folder_lock(self.chair_folder):
            return method(self, *args, **kwargs)

    return wrapper


@dataclass(frozen=True)
class ImportResult:
    juror_id: str
    status: str  # "new", "replaced", "unchanged", "taken_back"
    changed_scores: int
    sequence: int = 0




def _score_map(submission: Submission) -> dict[tuple[str, str], tuple[int | None, str]]:
    return {
        (a.application_id, s.criterion_id): (s.score, s.motivation) for a in submission.assessments for s in a.scores
    }


def count_changes(old: Submission, new: Submission) -> int:
    before, after = _score_map(old), _score_map(new)
    changed = sum(1 for key in before.keys() | after.keys() if before.get(key) != after.get(key))
    return changed + len(set(old.conflicts) ^ set(new.conflicts))


# The chair's texts of an application besides the motivations (ChairStore.set_text).
DECISION_TEXTS = ("hearing", "conditions", "rank_motivation")
_KEEP = object()  # update_decision: leave this part as it is


def _history_record(old: dict, new: dict, undo_of: int | None) -> dict:
    record = {"at": now().isoformat(), "old": old, "new": new}
    if undo_of is not None:
        record["undo_of"] = undo_of
    return record


def _last_to_undo(history: list[dict]) -> dict | None:
    """The latest change that is neither an undo nor undone yet: undo after undo walks further back."""
    undone = {entry["undo_of"] for entry in history if "undo_of" in entry}
    for entry in reversed(history):
        if "undo_of" not in entry and entry["doc_id"] not in undone:
            return entry
    return None


def _stored_record(decision: ApplicationDecision) -> dict:
    """A decision as its file holds it: the application is the file's, not the record's."""
    record = json_form(decision)
    del record["application_id"]
    return record


def _deliberation_in(file: TinyFile) -> Deliberation:
    record = file.single("deliberation")
    if not record:
        return Deliberation()
    return stored_records(Deliberation, record, file.path, "deliberation")


def read_deliberation(data_dir: Path, session: SessionDefinition) -> Deliberation:
    """The chair's session decisions (budget, meeting, tie orders) read without opening the chair's
    store, which tidies what a crash left behind: for a command that changes nothing on disk (`show`)."""
    path = session_dir(data_dir, session.id) / "chair" / "deliberation.json"
    return _deliberation_in(TinyFile(path, "chair-deliberation", {"session_id": session.id}))


class ChairStore:
    def __init__(self, data_dir: Path, session: SessionDefinition) -> None:
        self.session = session
        self.folder = session_dir(data_dir, session.id)
        self.submissions_folder = self.folder / "submissions"
        self.chair_folder = self.folder / "chair"
        self._owner = {"session_id": session.id}
        # The folders are made by the first write: opening the store, or a refused import, creates nothing.
        if any(self.folder.glob(f".*{TEMP_SUFFIX}")):
            with folder_lock(sessions_root(data_dir)):  # the lock write_session holds
                remove_stale_temp_files(self.folder, recursive=False)
        if self.chair_folder.is_dir():
            with folder_lock(self.chair_folder):
                remove_stale_temp_files(self.submissions_folder)
                remove_stale_temp_files(self.chair_folder)
        self._chair_file = TinyFile(self.chair_folder / "chair.json", "chair", self._owner)
        self._deliberation_file = TinyFile(self.chair_folder / "deliberation.json", "chair-deliberation", self._owner)
        self._government_file = TinyFile(self.chair_folder / "government.json", "government-decision", self._owner)
        self._files: dict[str, TinyFile] = {}
        self._submissions: dict[str, Submission] | None = None
        self._signature: tuple = ()

    # --- submissions -----------------------------------------------------------------------
    def submissions(self) -> dict[str, Submission]:
        """The imported submissions, re-read when the folder changed (e.g. an import from the CLI
        while the app is open). Each stored copy's seal and signature are verified at every read; one
        whose checksum is not the one recorded at import is checked against the session again, as an
        import would. A stored copy older than the highest number read in for that juror, without the
        chair's take-back on record (a copy restored by hand, or a take-back cut off half-way), is
        refused: the chair decides with `--take-back --reason`, never a file left in place."""
        found = self._stored_submissions()
        for submission in found.values():
            if self._unrecorded_older(submission):
                path = self.submissions_folder / f"{submission.juror_id}.json"
                raise StoreError(t("import.stored_older", file=display_path(path), juror=submission.juror_id,
                                   sequence=submission.sequence, highest=self.highest_sequences()[submission.juror_id]))
        return found

    def _stored_submissions(self) -> dict[str, Submission]:
        """The stored copies, verified, without the take-back check (the import needs to see them to
        complete a take-back cut off half-way). Reading writes nothing."""
        signature = self._submissions_signature()
        if self._submissions is not None and signature == self._signature:
            return self._submissions
        verified = self._chair_file.single("verified")
        found = {}
        for path in sorted(self.submissions_folder.glob("*.json")):
            submission, _ = read_submission(path, checked=verified.get(path.stem))
            identity = identity_problem(self.session, submission)  # the signature too, at every read
            problem = (identity[1], t(f"import.{identity[0]}_short")) if identity else None
            if problem is None and verified.get(path.stem) != submission.checksum:
                problem = content_problem(self.session, submission)
            if problem is not None:
                raise StoreError(t("store.foreign", file=display_path(path), detail=" ".join(filter(None, problem))))
            if path.stem != submission.juror_id or submission.session_fingerprint != self.session.fingerprint:
                raise StoreError(t("store.foreign", file=display_path(path), detail=submission.juror_id))
            found[submission.juror_id] = submission
        self._submissions, self._signature = found, signature
        return found

    def _unrecorded_older(self, submission: Submission) -> bool:
        """Whether `submission` is older than the highest number read in for its juror while no
        take-back of it is on record."""
        if submission.sequence >= self.highest_sequences().get(submission.juror_id, 0):
            return False
        return not any(record.get("juror_id") == submission.juror_id and record.get("checksum") == submission.checksum
                       for record in self.take_backs())

    def _submissions_signature(self) -> tuple:
        return tuple(
            (path.name, stat.st_size, stat.st_mtime_ns)
            for path in sorted(self.submissions_folder.glob("*.json"))
            for stat in [path.stat()]
        )

    def import_submission(self, path: Path, take_back: str | None = None) -> ImportResult:
        """Verify and keep a juror's submission. Idempotent; one whose sequence number is not higher
        than the highest seen for that juror is refused, unless `take_back` gives the chair's reason
        to take that earlier submission back (kept in chair.json's `take_backs`)."""
        result = self.import_submissions([path], take_back)[0]
        if isinstance(result, JuryError):
            raise result
        return result

    def import_submissions(self, paths: Sequence[Path], take_back: str | None = None) -> list[ImportResult | JuryError]:
        """Verify and keep several submissions, one after another, each as `import_submission` does:
        a result or the error per file."""
        checked: list[tuple[Submission, bytes] | JuryError] = []
        for path in paths:  # read and verified once, without a lock: a file's own problems depend on no state
            try:
                checked.append(read_submission_for(path, self.session))
            except JuryError as error:
                checked.append(error)
        if not any(self._would_write(found, path, take_back) for found, path in zip(checked, paths, strict=True)):
            return [self._outcome(found, path, take_back) for found, path in zip(checked, paths, strict=True)]
        with folder_lock(self.chair_folder):  # decided again under the lock, against what is stored now
            return [self._outcome(found, path, take_back, write=True) for found, path in zip(checked, paths, strict=True)]

    def _would_write(self, found, path: Path, take_back: str | None) -> bool:
        if isinstance(found, JuryError):
            return False
        try:
            return self._imported(*found, path, take_back, write=False) is None
        except JuryError:
            return False

    def _outcome(self, found, path: Path, take_back: str | None, write: bool = False) -> ImportResult | JuryError:
        if isinstance(found, JuryError):
            return found
        try:
            result = self._imported(*found, path, take_back, write=write)
        except JuryError as error:
            return error
        assert result is not None
        return result

    def highest_sequences(self) -> dict[str, int]:
        """The highest sequence number seen per juror (kept even when the chair took one back)."""
        return {juror: number for juror, number in self._chair_file.single("sequences").items() if type(number) is int}

    def take_backs(self) -> list[dict]:
        """The chair's take-backs of earlier submissions, oldest first: at, juror_id, sequence,
        highest (the number seen before), checksum, reason."""
        return [dict(record) for record in self._chair_file.table("take_backs").all()]

    def _imported(self, submission: Submission, raw: bytes, path: Path, take_back: str | None, write: bool) -> ImportResult | None:
        """The outcome of keeping `submission` now; None when it needs a write and `write` is False.

        The stored copy is written first, then chair.json in one write (its checksum, the highest
        number, the take-back with its reason): cut off in between, a newer submission is already in
        place (its record follows at the next import) and a take-back is refused at every read until
        the same take-back is given again, which then only records its reason."""
        juror_id = submission.juror_id
        existing = self._stored_submissions().get(juror_id)
        highest = max(self.highest_sequences().get(juror_id, 0), existing.sequence if existing else 0)
        if existing is not None and existing.checksum == submission.checksum and not self._unrecorded_older(existing):
            return ImportResult(juror_id, "unchanged", 0, submission.sequence)
        taken_back = submission.sequence <= highest
        if taken_back and take_back is None:
            shown = display_path(path)
            if existing is not None and existing.sequence == submission.sequence and existing.checksum != submission.checksum:
                raise JuryError(t("import.same_sequence", file=shown, juror=juror_id, sequence=submission.sequence))
            raise JuryError(t("import.older_sequence", file=shown, juror=juror_id, new=submission.sequence, old=highest))
        if not write:
            return None
        completing = existing is not None and existing.checksum == submission.checksum  # a take-back cut off half-way
        stored_path = self.submissions_folder / f"{juror_id}.json"
        before = read_limited(stored_path, "submission") if existing is not None and not completing else None
        if not completing:
            # No backups of stored copies: the juror's files are the source, and a failed import puts
            # the earlier copy back below, leaving the folder as it was.
            write_atomic(stored_path, raw)
        try:
            self._chair_file.set_single("verified", {**self._chair_file.single("verified"), juror_id: submission.checksum})
            self._chair_file.set_single("sequences", {**self.highest_sequences(), juror_id: max(highest, submission.sequence)})
            if taken_back:
                self._chair_file.table("take_backs").insert(
                    {"at": now().isoformat(), "juror_id": juror_id, "sequence": submission.sequence, "highest": highest,
                     "checksum": submission.checksum, "reason": take_back}
                )
            self._chair_file.commit()
        except JuryError:
            if not completing:  # an import reported as failed must not be in force
                if before is None:
                    stored_path.unlink(missing_ok=True)
                else:
                    write_atomic(stored_path, before)
            self._submissions = None
            raise
        if self._submissions is not None:  # read (and verified) above; the copy just written joins it
            self._submissions[juror_id] = submission
            self._signature = self._submissions_signature()
        if taken_back:
            changed = 0 if completing or existing is None else count_changes(existing, submission)
            return ImportResult(juror_id, "taken_back", changed, submission.sequence)
        if existing is None:
            return ImportResult(juror_id, "new", 0, submission.sequence)
        return ImportResult(juror_id, "replaced", count_changes(existing, submission), submission.sequence)

    # --- decisions -------------------------------------------------------------------------
    def decision(self, application_id: str) -> ApplicationDecision:
        self._require_application(application_id)
        path = self._decision_path(application_id)
        if application_id not in self._files and not path.exists():
            return ApplicationDecision(application_id=application_id)
        record = self._file(application_id).single("decision")
        if not record:
            return ApplicationDecision(application_id=application_id)
        decision = stored_records(ApplicationDecision, {"application_id": application_id, **record}, path, "decision")
        scale = self.session.criteria.scale
        if any(entry.score is not None and not scale.contains(entry.score) for entry in decision.criteria.values()):
            raise damaged_records(path, "decision")
        return decision

    def decisions(self) -> dict[str, ApplicationDecision]:
        return {application.id: self.decision(application.id) for application in self.session.applications}

    @_locked
    def set_consensus(self, application_id: str, criterion_id: str, score: int | None = None, motivation: str | None = None,
                      minority_view: str | None = None) -> ApplicationDecision:
        criteria = self.session.criteria
        if criterion_id not in criteria.criterion_ids:
            raise JuryError(t("score.unknown_criterion_of", criterion=criterion_id, choices=", ".join(criteria.criterion_ids)))
        if score is not None and not criteria.scale.contains(score):
            raise JuryError(t("score.off_scale", score=score, min=criteria.scale.min, max=criteria.scale.max))
        decision = self.decision(application_id)
        current = decision.get(criterion_id)
        updated = dataclasses.replace(
            current,
            **{
                key: value
                for key, value in {"score": score, "motivation": motivation, "minority_view": minority_view}.items()
                if value is not None  # None leaves a field as it is; clear_consensus_score clears the score
            },
        )
        return self._save(dataclasses.replace(decision, criteria={**decision.criteria, criterion_id: updated}), decision)

    @_locked
    def clear_consensus_score(self, application_id: str, criterion_id: str) -> ApplicationDecision:
        decision = self.decision(application_id)
        current = dataclasses.replace(decision.get(criterion_id), score=None)
        return self._save(dataclasses.replace(decision, criteria={**decision.criteria, criterion_id: current}), decision)

    @_locked
    def set_overall(self, application_id: str, motivation: str) -> ApplicationDecision:
        """The overall motivation, written for the recommendation in force now (domain/advice.py)."""
        decision = self.decision(application_id)
        return self._save(
            dataclasses.replace(decision, overall_motivation=motivation, motivation_for=decision.recommendation,
                                motivation_verdict=decision.verdict), decision
        )

    @_locked
    def set_text(self, application_id: str, field: str, text: str) -> ApplicationDecision:
        """One of the chair's texts of an application: `hearing`, `conditions` or `rank_motivation`."""
        if field not in DECISION_TEXTS:
            raise ValueError(field)
        decision = self.decision(application_id)
        return self._save(self._with_text(decision, field, text), decision)

    def _with_text(self, decision: ApplicationDecision, field: str, text: str) -> ApplicationDecision:
        # The hearing, conditions and the choice to rank belong to the selection: a follow-up round's
        # evaluation report has no place for them, so they are not kept where no one would read them.
        if self.session.follow_up is not None and text.strip():
            raise JuryError(t("follow_up.chair.no_selection_text", session=self.session.id,
                              field=t(f"follow_up.chair.text.{field}")))
        return dataclasses.replace(decision, **{field: text})

    @_locked
    def set_recommendation(self, application_id: str, recommendation: Recommendation | None) -> ApplicationDecision:
        """The recommendation; an advised amount is cleared when the new one funds nothing (the caller
        compares before and after to say so)."""
        decision = self.decision(application_id)
        return self._save(self._with_recommendation(decision, recommendation), decision)

    @_locked
    def set_amount(self, application_id: str, amount: float | None) -> ApplicationDecision:
        """The advised amount: only with selecteren or reserve, above 0, never above the request or the cap."""
        self._require_application(application_id)
        decision = self.decision(application_id)
        return self._save(self._with_amount(decision, amount), decision)

    @_locked
    def set_verdict(self, application_id: str, verdict: str | None) -> ApplicationDecision:
        """The klankbordgroep's verdict on a contract (an id of the criteria file's verdicts; None
        takes it away): only in a follow-up round."""
        self._require_application(application_id)
        decision = self.decision(application_id)
        return self._save(self._with_verdict(decision, verdict), decision)

    @_locked
    def update_decision(self, application_id: str, *, recommendation: Recommendation | None | object = _KEEP,
                        amount: float | None | object = _KEEP, verdict: str | None | object = _KEEP,
                        **texts: str) -> ApplicationDecision:
        """Several parts of one decision in ONE change (one undo step): the recommendation first (its
        rules: an amount cleared when it funds nothing), then the amount, then the verdict (a
        follow-up round's), then the texts (`overall_motivation`, written for the recommendation in
        force, and DECISION_TEXTS)."""
        self._require_application(application_id)
        decision = self.decision(application_id)
        updated = decision
        if recommendation is not _KEEP:
            updated = self._with_recommendation(updated, recommendation)
        if amount is not _KEEP:
            updated = self._with_amount(updated, amount)
        if verdict is not _KEEP:
            updated = self._with_verdict(updated, verdict)
        for field, text in texts.items():
            if field == "overall_motivation":
                updated = dataclasses.replace(updated, overall_motivation=text, motivation_for=updated.recommendation,
                                              motivation_verdict=updated.verdict)
            elif field in DECISION_TEXTS:
                updated = self._with_text(updated, field, text)
            else:
                raise ValueError(field)
        return self._save(updated, decision)

    def _with_verdict(self, decision: ApplicationDecision, verdict: str | None) -> ApplicationDecision:
        criteria = self.session.criteria
        if self.session.follow_up is None:
            raise JuryError(t("follow_up.chair.verdict_in_selection", session=self.session.id))
        if verdict is not None and verdict not in {known.id for known in criteria.verdicts}:
            raise JuryError(t("follow_up.chair.unknown_verdict", verdict=verdict,
                              choices=", ".join(known.id for known in criteria.verdicts)))
        changes: dict = {"verdict": verdict}
        if decision.motivation_verdict is None and decision.verdict is None and decision.overall_motivation.strip():
            changes["motivation_verdict"] = verdict  # written before any verdict: the first verdict adopts it
        return dataclasses.replace(decision, **changes)

    def _with_recommendation(self, decision: ApplicationDecision, recommendation: Recommendation | None) -> ApplicationDecision:
        if recommendation is not None and self.session.follow_up is not None:
            raise JuryError(t("follow_up.chair.no_recommendation", session=self.session.id))
        changes: dict = {"recommendation": recommendation}
        if recommendation is None or not recommendation.funded:
            changes["advised_amount"] = None
        if decision.motivation_for is None and decision.recommendation is None and decision.overall_motivation.strip():
            changes["motivation_for"] = recommendation  # written before any choice: the first choice adopts it
        return dataclasses.replace(decision, **changes)

    def _with_amount(self, decision: ApplicationDecision, amount: float | None) -> ApplicationDecision:
        if amount is not None and self.session.follow_up is not None:
            raise JuryError(t("follow_up.chair.no_amount", session=self.session.id))
        if amount is not None:
            if not math.isfinite(amount):
                raise JuryError(t("chair.amount_not_number"))
            if decision.recommendation is None or not decision.recommendation.funded:
                raise JuryError(t("chair.amount_without_funding", application=decision.application_id))
            if amount <= 0:
                raise JuryError(t("chair.amount_zero", application=decision.application_id))
            cap = amount_cap(self.session.application(decision.application_id), self.session.criteria)
            if amount > cap:
                raise JuryError(t("chair.amount_cap", amount=format_amount(amount), cap=format_amount(cap)))
        return dataclasses.replace(decision, advised_amount=amount)

    @_locked
    def undo(self, application_id: str) -> ApplicationDecision | None:
        """Put back what the last change of this application replaced; pressed again, the change before
        that (an undo is never itself undone). None when there is nothing left. Kept in the history."""
        self._require_application(application_id)
        entry = _last_to_undo(self.history(application_id))
        if entry is None:
            return None
        decision = self.decision(application_id)
        restored = stored_records(ApplicationDecision, {"application_id": application_id, **entry["old"]},
                                  self._decision_path(application_id), "history")
        return self._save(restored, decision, undo_of=entry["doc_id"])

    def history(self, application_id: str) -> list[dict]:
        """Every change of an application's decision, oldest first: at, old, new (and undo_of, the
        doc_id of the change an undo reverted); each with its `doc_id`."""
        self._require_application(application_id)
        if application_id not in self._files and not self._decision_path(application_id).exists():
            return []
        return [{**record, "doc_id": record.doc_id} for record in self._file(application_id).table("history").all()]

    # --- the session as a whole: budget, meeting, ties ---------------------------------------
    def deliberation(self) -> Deliberation:
        return _deliberation_in(self._deliberation_file)

    def budget(self) -> float:
        """The budget in force: the chair's, else the session's as announced."""
        return self.deliberation().budget_or(self.session.budget)

    @_locked
    def set_budget(self, budget: float | None) -> Deliberation:
        """The chair's budget (None: back to the session's). No juror submits again for it."""
        if budget is not None and (not math.isfinite(budget) or budget <= 0):
            raise JuryError(t("session.budget"))
        smallest = min(application.requested_subsidy for application in self.session.applications)
        if budget is not None and budget < smallest:  # "7,6" read as 7,60 euro: meant 7.6 million?
            raise JuryError(t("chair.budget_too_small", budget=format_amount(budget), smallest=format_amount(smallest)))
        current = self.deliberation()
        return self._save_deliberation(dataclasses.replace(current, budget=budget), current)

    @_locked
    def set_meeting(self, meeting: Meeting) -> Deliberation:
        known = {juror.id for juror in self.session.jurors}
        for juror_id in meeting.attendees:
            if juror_id not in known:
                raise JuryError(t("chair.unknown_juror", juror=juror_id))
        current = self.deliberation()
        return self._save_deliberation(dataclasses.replace(current, meeting=meeting), current)

    @_locked
    def set_tie_order(self, application_ids: list[str], motivation: str | None) -> Deliberation:
        """The chair's order of a tie (the group is the set of `application_ids`), with its motivation;
        `motivation` None takes the order away."""
        for application_id in application_ids:
            self._require_application(application_id)
        if len(set(application_ids)) != len(application_ids) or len(application_ids) < 2:
            raise JuryError(t("chair.tie_group"))
        current = self.deliberation()
        others = [order for order in current.tie_orders if set(order.application_ids) != set(application_ids)]
        if motivation is not None:
            if not motivation.strip():
                raise JuryError(t("chair.tie_motivation"))
            others.append(TieOrder(application_ids=list(application_ids), motivation=motivation))
        return self._save_deliberation(dataclasses.replace(current, tie_orders=others), current)

    @_locked
    def undo_deliberation(self) -> Deliberation | None:
        """Put back what the last change of the session's decisions replaced; None when there is none."""
        entry = _last_to_undo(self.deliberation_history())
        if entry is None:
            return None
        restored = stored_records(Deliberation, entry["old"], self._deliberation_file.path, "history")
        return self._save_deliberation(restored, self.deliberation(), undo_of=entry["doc_id"])

    def deliberation_history(self) -> list[dict]:
        return [{**record, "doc_id": record.doc_id} for record in self._deliberation_file.table("history").all()]

    # --- the government's decision -----------------------------------------------------------
    def government(self) -> GovernmentDecision | None:
        record = self._government_file.single("decision")
        if not record:
            return None
        return stored_records(GovernmentDecision, record, self._government_file.path, "decision")

    @_locked
    def set_government(self, decision: GovernmentDecision) -> GovernmentDecision:
        """Record the government's decision (replacing an earlier record; the earlier one stays in
        the history)."""
        for contract in decision.selected:
            self._require_application(contract.application_id)
        held_on = self.deliberation().meeting.held_on
        if held_on is not None and decision.decided_on < held_on:  # a decision on an advice not yet given
            raise JuryError(t("government.before_meeting", decided=decision.decided_on.isoformat(), held=held_on.isoformat()))
        record = json_form(decision)
        validate(GovernmentDecision, record, self._government_file.path)  # what is stored must read back
        previous = self._government_file.single("decision")
        if record == previous:
            return decision
        self._government_file.set_single("decision", record)
        self._government_file.table("history").insert({"at": now().isoformat(), "old": previous or None, "new": record})
        self._government_file.commit()
        return decision

    # --- selection -------------------------------------------------------------------------
    def selection(self) -> list[str]:
        """The applications recommended 'selecteren', in session order (see consensus.selection)."""
        return selection([a.id for a in self.session.applications], self.decisions())

    @_locked
    def set_selection(self, application_ids: list[str]) -> None:
        """Recommend exactly these for selection; others that were selected lose that advice."""
        chosen = set(application_ids)
        for application_id in chosen:
            self._require_application(application_id)
        for application in self.session.applications:
            decision = self.decision(application.id)
            selected = decision.recommendation is Recommendation.SELECT
            if application.id in chosen and not selected:
                self._save(self._with_recommendation(decision, Recommendation.SELECT), decision)
            elif application.id not in chosen and selected:  # its amount goes with the advice
                self._save(self._with_recommendation(decision, None), decision)

    # --- internals -------------------------------------------------------------------------
    def _save(self, decision: ApplicationDecision, previous: ApplicationDecision, undo_of: int | None = None) -> ApplicationDecision:
        if decision == previous:
            return decision
        file = self._file(decision.application_id)
        record = _stored_record(decision)
        # What the chair typed is held to the rules every read applies (no control characters, lengths):
        # a store must never hold what it would refuse to read back.
        validate(ApplicationDecision, {"application_id": decision.application_id, **record}, file.path)
        file.set_single("decision", record)
        file.table("history").insert(_history_record(_stored_record(previous), record, undo_of))
        file.commit()
        return decision

    def _save_deliberation(self, deliberation: Deliberation, previous: Deliberation, undo_of: int | None = None) -> Deliberation:
        if deliberation == previous:
            return deliberation
        record = json_form(deliberation)
        validate(Deliberation, record, self._deliberation_file.path)  # what is stored must read back
        self._deliberation_file.set_single("deliberation", record)
        self._deliberation_file.table("history").insert(_history_record(json_form(previous), record, undo_of))
        self._deliberation_file.commit()
        return deliberation

    def _require_application(self, application_id: str) -> None:
        if not self.session.has_application(application_id):
            raise JuryError(t("score.unknown_application", application=application_id))

    def _decision_path(self, application_id: str) -> Path:
        return self.chair_folder / "decisions" / f"{application_id}.json"

    def _file(self, application_id: str) -> TinyFile:
        file = self._files.get(application_id)
        if file is None:
            file = TinyFile(self._decision_path(application_id), "chair-decision", {**self._owner, "application_id": application_id})
            self._files[application_id] = file
        return file
