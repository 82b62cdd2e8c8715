"""The chair's data and what is computed from it, shared by every screen of the chair's app.

Computed once when the app starts, again after an import (scores) and after each change of the
chair (decisions). One source for every screen: the budget in force (the chair's, else the
session's), the eligibility at the advised amount, the ranking with the voting scores and the
chair's tie orders, and what is still open in the advice (`gaps`, domain/advice.py) behind the ✓
marks and status lines. The ranking and the gaps are computed when first asked for after a change;
the proposals and the calibration only when their screen asks. Every change goes through the
store, which saves at once; `undo` walks back an application's history.

The selection is the set of applications recommended "selecteren" (the store keeps one truth):
toggling the selection sets the advice to "selecteren" or back to none; adopting a proposal
sets it for every application.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jury_tui.domain.advice import (
    AdviceGaps,
    OpenPoint,
    advice_gaps,
    eligibility_at_advice,
    granted_amount,
)
from jury_tui.domain.aggregation import (
    ApplicationAggregate,
    JurorCalibration,
    ScoreTable,
    aggregate,
    calibrate,
    calibrated_totals,
    maximum_total,
    reliability,
)
from jury_tui.domain.applications import Application
from jury_tui.domain.consensus import (
    ApplicationDecision,
    Recommendation,
    amount_cap,
    default_amount,
    rejected,
    selection,
)
from jury_tui.domain.deliberation import Deliberation
from jury_tui.domain.eligibility import (
    EligibilityCheck,
    Outcome,
    check_eligibility,
    overall_outcome,
)
from jury_tui.domain.follow_up import (
    FigureCheck,
    FollowUpRound,
    PortfolioRow,
    portfolio,
)
from jury_tui.domain.ranking import RankedApplication, rank, voting_counts
from jury_tui.domain.session import SessionDefinition
from jury_tui.errors import JuryError
from jury_tui.i18n import language, t
from jury_tui.reports.open_points import verdict_text
from jury_tui.store.chair_store import DECISION_TEXTS, ChairStore, ImportResult
from jury_tui.ui.chair import formatting as fmt

if TYPE_CHECKING:
    from jury_tui.domain.ranking import Proposal


@dataclass(frozen=True)
class Calibration:
    offsets: dict[str, JurorCalibration]
    reliability: dict[str, float | None]
    plain_totals: dict[str, float | None]
    calibrated_totals: dict[str, float | None]
    plain_rank: dict[str, int | None]
    calibrated_rank: dict[str, int | None]


def positions(totals: dict[str, float | None], order: list[str]) -> dict[str, int | None]:
    """Rank 1 = highest total; ties keep the file order; no total, no rank."""
    index = {application_id: position for position, application_id in enumerate(order)}
    scored = sorted((aid for aid in order if totals.get(aid) is not None), key=lambda aid: (-totals[aid], index[aid]))
    ranks: dict[str, int | None] = {aid: None for aid in order}
    ranks.update({aid: position + 1 for position, aid in enumerate(scored)})
    return ranks


class ChairModel:
    def __init__(self, data_dir: Path, session: SessionDefinition, store: ChairStore | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.session = session
        self.criteria = session.criteria
        self.store = store or ChairStore(self.data_dir, session)
        self.file_order: list[str] = [application.id for application in session.applications]
        self.maximum_total = maximum_total(self.criteria)
        self.version = 0  # bumped on every change; a screen redraws when it sees a newer version
        self.sort_by_total = False
        self.current_application = self.file_order[0]
        self.current_page = 0  # criterion index; len(criteria) = the decision page
        self._portfolio: dict[str, PortfolioRow] | None = None
        self.reload()

    # --- loading and derived values -----------------------------------------------------------
    def reload(self) -> None:
        """Read the submissions and the decisions again and recompute everything."""
        self.submissions = self.store.submissions()
        self.table = ScoreTable(self.session, self.submissions.values())
        self.aggregates: dict[str, ApplicationAggregate] = aggregate(self.session, self.table)
        self.votes: dict[str, int] = voting_counts(self.aggregates)
        self.decisions: dict[str, ApplicationDecision] = self.store.decisions()
        self.deliberation: Deliberation = self.store.deliberation()
        self.selection: list[str] = selection(self.file_order, self.decisions)
        # The call's rules at the advised amount (domain/advice.py): recomputed per application on a change.
        self.eligibility: dict[str, list[EligibilityCheck]] = eligibility_at_advice(self.session, self.decisions)
        self.eligibility_outcome: dict[str, Outcome] = {aid: overall_outcome(checks) for aid, checks in self.eligibility.items()}
        self._calibration: Calibration | None = None
        self._seen_on_disk = self._chair_files_signature()
        self._decisions_changed()

    def _chair_files_signature(self) -> tuple:
        """Size and time of every file holding the chair's decisions: another process (a `jury-tui
        decide`, `budget` or `government` in another terminal) changes it."""
        folder = self.store.chair_folder
        found = []
        for path in [folder / "deliberation.json", folder / "government.json", *sorted((folder / "decisions").glob("*.json"))]:
            try:
                stat = path.stat()
            except OSError:
                continue
            found.append((path.name, stat.st_size, stat.st_mtime_ns))
        return tuple(found)

    def refresh_if_changed(self) -> bool:
        """Read the chair's decisions again when another process changed them since we last read or
        wrote: the app never shows, nor writes over, a state that is no longer on disk."""
        signature = self._chair_files_signature()
        if signature == self._seen_on_disk:
            return False
        self.decisions = self.store.decisions()
        self.deliberation = self.store.deliberation()
        self.selection = selection(self.file_order, self.decisions)
        self.eligibility = eligibility_at_advice(self.session, self.decisions)
        self.eligibility_outcome = {aid: overall_outcome(checks) for aid, checks in self.eligibility.items()}
        self._seen_on_disk = signature
        self._decisions_changed()
        return True

    def deliberation_changed(self) -> None:
        """The session's decisions (budget, meeting, tie orders) changed in the store: read them again."""
        self.deliberation = self.store.deliberation()
        self._decisions_changed()

    def _decisions_changed(self) -> None:
        self._ranking: list[RankedApplication] | None = None
        self._gaps: AdviceGaps | None = None
        self._proposals: tuple[Proposal, Proposal] | None = None
        self._display_rank: dict[str, int | None] | None = None
        self.version += 1

    def application(self, application_id: str) -> Application:
        return self.session.application(application_id)

    def decision(self, application_id: str) -> ApplicationDecision:
        return self.decisions.get(application_id) or ApplicationDecision(application_id=application_id)

    def display_total(self, application_id: str) -> tuple[float | None, bool]:
        """The consensus total when every criterion has a consensus score, else the mean total."""
        consensus = self.decision(application_id).consensus_total(self.criteria)
        if consensus is not None:
            return consensus, True
        return self.aggregates[application_id].weighted_total, False

    @property
    def display_rank(self) -> dict[str, int | None]:
        """The rank the overview shows: the advice's (domain/ranking.rank: tie-break criteria, ex aequo,
        the chair's tie orders, the minimum of votes) once any application has its consensus; before
        that, the position by mean total, as a guide."""
        if self._display_rank is None:
            ranked = {row.application_id: row.rank for row in self.ranking}
            if any(rank is not None for rank in ranked.values()):
                self._display_rank = ranked
            else:
                self._display_rank = positions({aid: self.display_total(aid)[0] for aid in self.file_order}, self.file_order)
        return self._display_rank

    def rank_label(self, application_id: str) -> str:
        """'4', '4=' for ex aequo (the advice's mark), '' when unranked."""
        rank = self.display_rank.get(application_id)
        if rank is None:
            return ""
        row = self.ranked(application_id)
        return f"{rank}=" if row is not None and row.rank == rank and row.ex_aequo else str(rank)

    def order(self) -> list[str]:
        """The overview's order: the file's, or by displayed total (highest first)."""
        if not self.sort_by_total:
            return list(self.file_order)
        ranks = self.display_rank
        index = {row.application_id: position for position, row in enumerate(self.ranking)}  # ties: as the advice lists them
        return sorted(self.file_order, key=lambda aid: (ranks[aid] is None, ranks[aid] or 0, index[aid]))

    def open_flags(self, application_id: str) -> list[str]:
        """Criteria flagged "te bespreken" that have no consensus score yet."""
        decision = self.decision(application_id)
        return [cid for cid in self.aggregates[application_id].flagged_criteria if decision.get(cid).score is None]

    def consensus_done(self, application_id: str) -> int:
        decision = self.decision(application_id)
        return sum(1 for cid in self.criteria.criterion_ids if decision.get(cid).score is not None)

    def amount(self, application_id: str) -> float:
        """The advised amount, or by default the most that may be advised."""
        return default_amount(self.application(application_id), self.criteria, self.decisions.get(application_id))

    def amount_cap(self, application_id: str) -> float:
        return amount_cap(self.application(application_id), self.criteria)

    @property
    def budget(self) -> float:
        """The budget in force: the chair's, else the session's as announced (ChairStore.budget)."""
        return self.deliberation.budget_or(self.session.budget)

    @property
    def ranking(self) -> list[RankedApplication]:
        """By consensus total, with the voting scores per application and the chair's tie orders."""
        if self._ranking is None:
            self._ranking = rank(self.session, self.decisions, self.eligibility_outcome, votes=self.votes,
                                 tie_orders=self.deliberation.tie_orders)
        return self._ranking

    def ranked(self, application_id: str) -> RankedApplication | None:
        rows = self._cached("ranked_by_id", lambda: {row.application_id: row for row in self.ranking})
        return rows.get(application_id)

    @property
    def gaps(self) -> AdviceGaps:
        """What is still open in the advice: one source for the ✓ marks, the status lines and the export."""
        if self._gaps is None:
            self._gaps = advice_gaps(self.session, self.decisions, self.deliberation, self.ranking, self.eligibility)
        return self._gaps

    def open_points(self, application_id: str) -> list[OpenPoint]:
        return self.gaps.applications.get(application_id, [])

    def complete(self, application_id: str) -> bool:
        """Nothing open for this application: consensus, recommendation, its motivation, consistency."""
        return application_id not in self.gaps.applications

    def below_minimum_votes(self, application_id: str) -> bool:
        """Fewer voting scores than the criteria file's minimum (ranked only by the chair's motivated choice)."""
        return self.votes.get(application_id, 0) < self.criteria.ranking.minimum_votes

    @property
    def proposals(self) -> tuple[Proposal, Proposal]:
        """(by rank, best fit) within the budget in force, without what the chair advised not to select."""
        if self._proposals is None:
            from jury_tui.domain.ranking import proposals

            self._proposals = proposals(self.ranking, self.budget, self.weights(), self.rejected())
        return self._proposals

    @property
    def calibration(self) -> Calibration:
        if self._calibration is None:
            offsets = calibrate(self.session, self.table)
            plain = {aid: self.aggregates[aid].weighted_total for aid in self.file_order}
            calibrated = calibrated_totals(self.session, self.table, offsets)
            self._calibration = Calibration(
                offsets=offsets,
                reliability=reliability(self.session, self.table),
                plain_totals=plain,
                calibrated_totals=calibrated,
                plain_rank=positions(plain, self.file_order),
                calibrated_rank=positions(calibrated, self.file_order),
            )
        return self._calibration

    def selected_amount(self) -> float:
        return sum(round(self.amount(aid) * 100) for aid in self.selection) / 100

    # --- changes (each saved at once by the store; JuryError when refused) -------------------
    def _decided(self, decision: ApplicationDecision) -> None:
        self._seen_on_disk = self._chair_files_signature()  # our own write
        aid = decision.application_id
        self.decisions[aid] = decision
        application = self.application(aid)
        granted = granted_amount(application, self.criteria, decision)
        self.eligibility[aid] = check_eligibility(application, self.criteria.eligibility, granted)
        self.eligibility_outcome[aid] = overall_outcome(self.eligibility[aid])
        self._decisions_changed()

    def set_score(self, application_id: str, criterion_id: str, score: int | None) -> None:
        self.refresh_if_changed()  # never a change on top of a state that is no longer on disk
        if score is None:
            self._decided(self.store.clear_consensus_score(application_id, criterion_id))
        else:
            self._decided(self.store.set_consensus(application_id, criterion_id, score=score))

    def set_text(self, application_id: str, criterion_id: str | None, field: str, text: str) -> None:
        """field: 'motivation' or 'minority_view' of a criterion; 'overall', 'hearing', 'conditions' or
        'rank_motivation' (criterion None)."""
        self.refresh_if_changed()  # never a change on top of a state that is no longer on disk
        if field == "overall":
            self._decided(self.store.set_overall(application_id, text))
        elif field in DECISION_TEXTS:
            self._decided(self.store.set_text(application_id, field, text))
        elif field == "motivation":
            self._decided(self.store.set_consensus(application_id, criterion_id, motivation=text))
        elif field == "minority_view":
            self._decided(self.store.set_consensus(application_id, criterion_id, minority_view=text))
        else:  # pragma: no cover - programming error
            raise ValueError(field)

    def stored_text(self, application_id: str, criterion_id: str | None, field: str) -> str:
        decision = self.decision(application_id)
        if field == "overall":
            return decision.overall_motivation
        if field in DECISION_TEXTS:
            return getattr(decision, field)
        return getattr(decision.get(criterion_id), field)

    def set_amount(self, application_id: str, amount: float | None) -> None:
        self.refresh_if_changed()  # never a change on top of a state that is no longer on disk
        self._decided(self.store.set_amount(application_id, amount))

    def _selection_changed(self) -> None:
        selected = selection(self.file_order, self.decisions)
        if selected != self.selection:
            self.selection = selected
            self._decisions_changed()

    def set_recommendation(self, application_id: str, recommendation: Recommendation | None) -> None:
        self.refresh_if_changed()  # never a change on top of a state that is no longer on disk
        self._decided(self.store.set_recommendation(application_id, recommendation))
        self._selection_changed()

    def toggle_selected(self, application_id: str) -> bool:
        """Put in or take out of the selection; returns whether it is selected now."""
        selected = application_id not in self.selection
        self.set_recommendation(application_id, Recommendation.SELECT if selected else None)
        return selected

    def undo(self, application_id: str) -> tuple[ApplicationDecision, ApplicationDecision] | None:
        """Undo the last change of this application (again: the one before); (before, after), or None
        when there is nothing left to undo."""
        self.refresh_if_changed()  # never a change on top of a state that is no longer on disk
        before = self.decision(application_id)
        restored = self.store.undo(application_id)
        if restored is None:
            return None
        self._decided(restored)
        self._selection_changed()
        return before, restored

    def adopt(self, selected: list[str]) -> None:
        """Make a proposal the chair's selection; the advice follows. Refused when the decisions changed
        on disk since the proposal was shown (it may no longer be the proposal)."""
        if self.refresh_if_changed():
            raise JuryError(t("chair.changed_on_disk"))
        self.store.set_selection(selected)
        for aid in self.file_order:
            self._decided(self.store.decision(aid))
        self._selection_changed()

    # --- a follow-up round (call §5): verdicts per contract, the reports' figures ---
    @property
    def follow_up(self) -> FollowUpRound | None:
        """The follow-up round this session is, or None for a selection."""
        return self.session.follow_up

    def report_checks(self, application_id: str) -> list[FigureCheck]:
        """The call's rules on the figures of the contract's report of this year (domain/follow_up)."""
        return list(self.portfolio_row(application_id).checks)

    def portfolio_rows(self) -> list[PortfolioRow]:
        """Every contract with its figures of the round's year (the reports never change in a session)."""
        assert self.follow_up is not None
        if self._portfolio is None:
            self._portfolio = {row.application_id: row for row in portfolio(self.follow_up, self.criteria.eligibility)}
        return list(self._portfolio.values())

    def portfolio_row(self, application_id: str) -> PortfolioRow:
        self.portfolio_rows()
        return self._portfolio[application_id]

    def verdict_short_name(self, verdict: str | None) -> str | None:
        """The verdict's short form for a narrow column (formatting.short_names: the words that tell
        it apart from the other verdicts of the criteria file). None: no verdict yet."""
        if verdict is None:
            return None
        verdicts = self.criteria.verdicts
        ids = [item.id for item in verdicts]
        if verdict not in ids:  # not one of the criteria file's (edited by hand): as stored
            return verdict_text(self.session, verdict)
        shorts = fmt.short_names([item.name.get(language()) for item in verdicts])
        return shorts[ids.index(verdict)]

    def set_verdict(self, application_id: str, verdict: str | None) -> None:
        self.refresh_if_changed()  # never a change on top of a state that is no longer on disk
        self._decided(self.store.set_verdict(application_id, verdict))

    def import_file(self, path: Path) -> ImportResult:
        return self.store.import_submission(path)

    # --- budget, scenarios, ties, government ---
    # The session as a whole: the budget in force (the chair's, else the session's), the ranking with
    # the minimum of votes and the chair's tie orders, proposals and reserve list at that budget,
    # scenarios at other budgets (nothing stored), the provisional line before every consensus is
    # set, the meeting, the government's decision beside the advice, and what is still open.
    def _deliberated(self, deliberation: Deliberation) -> None:
        self._seen_on_disk = self._chair_files_signature()  # our own write
        self.deliberation = deliberation
        self._decisions_changed()

    def _cached(self, name: str, compute):
        """A value computed once per version of the model (any change bumps the version)."""
        key = ("_session_cache", name)
        found = getattr(self, "_session_values", {})
        if found.get("version") != self.version:
            found = {"version": self.version}
            self._session_values = found
        if key not in found:
            found[key] = compute()
        return found[key]

    def budget_is_chairs(self) -> bool:
        return self.deliberation.budget is not None

    def weights(self) -> list[float]:
        return [criterion.weight for criterion in self.criteria.criteria]

    def rejected(self) -> list[str]:
        """The applications the chair advised not to select (never on a reserve list)."""
        return rejected(self.decisions)

    def reserve(self):
        """The reserve list past the chair's selection (past the by-rank proposal while nothing is selected),
        without the applications the chair advised not to select."""
        def compute():
            from jury_tui.domain.ranking import reserve_list

            ranking = self.ranking
            selected = self.selection or self.proposals[0].selected
            return reserve_list(ranking, selected, {row.application_id: row.amount for row in ranking}, self.rejected())
        return self._cached("reserve", compute)

    def consensus_complete(self) -> bool:
        """Every criterion of every application has its consensus score."""
        return all(self.consensus_done(aid) == len(self.criteria.criteria) for aid in self.file_order)

    def provisional_ranking(self) -> list[RankedApplication]:
        """The ranking with every missing consensus score filled by the suggested median: the base of
        the provisional funding line (never stored)."""
        def compute():
            from jury_tui.domain.ranking import provisional_decisions

            filled = provisional_decisions(self.criteria, self.decisions, self.aggregates)
            return rank(self.session, filled, self.eligibility_outcome, votes=self.votes,
                        tie_orders=self.deliberation.tie_orders)
        return self._cached("provisional", compute)

    def provisional_line(self) -> Proposal | None:
        """The by-rank proposal on the provisional ranking, while a consensus score is missing; else None."""
        if self.consensus_complete():
            return None

        def compute():
            from jury_tui.domain.ranking import propose_by_rank

            return propose_by_rank([row for row in self.provisional_ranking() if row.application_id not in self.rejected()],
                                   self.budget)
        return self._cached("provisional_line", compute)

    def scenarios(self, budgets: list[float]):
        """Both proposals and the reserve list at each budget, side by side; nothing stored. On the
        provisional ranking while a consensus score is missing (second value True)."""
        from jury_tui.domain.ranking import scenario

        provisional = not self.consensus_complete()
        ranking = self.provisional_ranking() if provisional else self.ranking
        return [scenario(ranking, budget, self.weights(), self.rejected()) for budget in budgets], provisional

    def set_budget(self, budget: float | None) -> None:
        """The chair's budget (None: the session's again). No juror submits again."""
        self.refresh_if_changed()  # never a change on top of a state that is no longer on disk
        self._deliberated(self.store.set_budget(budget))

    def set_tie_order(self, application_ids: list[str], motivation: str | None) -> None:
        self.refresh_if_changed()  # never a change on top of a state that is no longer on disk
        self._deliberated(self.store.set_tie_order(application_ids, motivation))

    def set_meeting(self, meeting) -> None:
        self.refresh_if_changed()  # never a change on top of a state that is no longer on disk
        self._deliberated(self.store.set_meeting(meeting))

    def government(self):
        return self._cached("government", self.store.government)

    def government_rows(self):
        from jury_tui.domain.government import compare

        decision = self.government()
        return compare(self.session, self.decisions, decision) if decision is not None else []

