"""The juror's word for what they assess: an application in a selection, a contract (and its
progress report) in a follow-up round. Every juror text that names it has a contract variant here;
the juror's screens look their texts up through `subject_key`/`subject_t`, so a selection's texts
stay exactly as they are and a follow-up round never says "aanvraag" where it means the contract."""

from __future__ import annotations

from jury_tui.domain.session import SessionDefinition
from jury_tui.i18n import t

# Selection text key -> the follow-up round's key for the same place.
CONTRACT_WORDING = {
    "chair.ui.ranking.column_application": "evaluation.col.contract",
    "progress.summary": "follow_up.juror.contract.progress",
    "conflicts.scored": "follow_up.juror.contract.conflict_scored",
    "ui.all_complete": "follow_up.juror.contract.all_complete",
    "ui.application_complete": "follow_up.juror.contract.complete",
    "ui.conflicts.hides_more": "follow_up.juror.contract.hides_more",
    "ui.conflicts.intro": "follow_up.juror.contract.conflicts_intro",
    "ui.edge.first": "follow_up.juror.contract.edge_first",
    "ui.edge.last": "follow_up.juror.contract.edge_last",
    "ui.edge.none_open": "follow_up.juror.contract.edge_none_open",
    "ui.help.intro": "follow_up.juror.contract.help_intro",
    "ui.key.my_scores.help": "follow_up.juror.contract.my_scores_help",
    "ui.key.next_application.help": "follow_up.juror.contract.next_help",
    "ui.key.previous_application.help": "follow_up.juror.contract.previous_help",
    "ui.key.notes.help": "follow_up.juror.contract.notes_help",
    "ui.key.palette.help": "follow_up.juror.contract.palette_help",
    "ui.key.scroll_text.help": "follow_up.juror.contract.scroll_help",
    "ui.key.scroll_text_ends.help": "follow_up.juror.contract.scroll_ends_help",
    "ui.key.search.help": "follow_up.juror.contract.search_help",
    "ui.key.toggle_text.help": "follow_up.juror.contract.toggle_text_help",
    "ui.my_scores.key.open.help": "follow_up.juror.contract.open_help",
    "ui.my_scores.key.sort.help": "follow_up.juror.contract.sort_help",
    "ui.review.complete": "follow_up.juror.contract.review_complete",
    "ui.review.incomplete": "follow_up.juror.contract.review_incomplete",
    "ui.score.conflict_panel": "follow_up.juror.contract.conflict_panel",
    "ui.score.conflict_refused": "follow_up.juror.contract.conflict_refused",
}


def is_follow_up(session: SessionDefinition | None) -> bool:
    return session is not None and session.follow_up is not None


def subject_key(key: str, session: SessionDefinition | None) -> str:
    """The key to show for `key` in this session: its contract variant in a follow-up round."""
    return CONTRACT_WORDING.get(key, key) if is_follow_up(session) else key


def subject_t(session: SessionDefinition | None, key: str, **values: object) -> str:
    return t(subject_key(key, session), **values)
