"""`EvaluationData`: everything the klankbordgroep's evaluation report of a follow-up round (call §5
"Rapportage") is made from, and the round's data export (CSV, XLSX).

Like `AdviceData` (reports/data_export.py) it is plain data the caller builds once from the chair's
store (`build_evaluation_data`), so the writers do no store I/O. Per contract: the chair's
consolidation (consensus and motivation per criterion, the verdict and its motivation), the rules of
the call on the report's own figures, spending and indicators over the years, late milestones and
changed objectives. For the round: the portfolio, the obstacles and the asks per Flemish agency.
Jurors are anonymised as in the advice (`ExportJurors`, letters kept for the session).

`final=True`: the final evaluation (within six months after a contract ends), only of the contracts
whose report this year is their last; refused when there is none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from jury_tui.domain.advice import AdviceGaps, advice_gaps
from jury_tui.domain.aggregation import ApplicationAggregate, ScoreTable, aggregate
from jury_tui.domain.anonymity import assign_letters
from jury_tui.domain.consensus import ApplicationDecision
from jury_tui.domain.deliberation import Deliberation
from jury_tui.domain.eligibility import Outcome, overall_outcome
from jury_tui.domain.follow_up import (
    Contract,
    FigureCheck,
    FollowUpRound,
    IndicatorOverYears,
    LineOverYears,
    Milestone,
    PortfolioRow,
    ProgressReport,
    asks_by_agency,
    indicators_over_years,
    obstacles_of_round,
    portfolio,
    report_checks,
    spending_over_years,
)
from jury_tui.domain.session import SessionDefinition
from jury_tui.domain.submission import Submission
from jury_tui.errors import JuryError
from jury_tui.formats.spreadsheet import DEFAULT_SEPARATOR, write_csv_file
from jury_tui.i18n import language, t
from jury_tui.reports.data_export import (
    ExportJurors,
    clean_text,
    outcome_text,
    write_sheets_xlsx,
)
from jury_tui.reports.open_points import figure_check_line, strict_message, verdict_text


def plan_differs(subsidy: float | None, planned: float) -> bool:
    """Whether the report's plan (its budget lines, what the rules on the figures are worked out on)
    is not the subsidy granted: the reader must be told which of the two a share is of."""
    return subsidy is not None and planned > 0 and round(subsidy, 2) != round(planned, 2)


@dataclass(frozen=True)
class ContractEvaluation:
    """One contract in the evaluation report: its figures of this year and over the years, and the
    klankbordgroep's consolidation."""

    application_id: str
    contract: Contract
    report: ProgressReport  # this year's
    history: list[ProgressReport]  # every year's, oldest first
    checks: list[FigureCheck]
    spending: list[LineOverYears]
    indicators: list[IndicatorOverYears]
    late: list[tuple[Milestone, int]]
    decision: ApplicationDecision

    @property
    def outcome(self) -> Outcome:
        return overall_outcome(self.checks)

    @property
    def flagged(self) -> list[FigureCheck]:
        return [check for check in self.checks if check.outcome is Outcome.NOT_MET]

    @property
    def plan_differs(self) -> bool:
        return plan_differs(self.contract.subsidy, self.report.planned_total)


@dataclass(frozen=True)
class EvaluationData(ExportJurors):
    """A follow-up round's evaluation as the report and the data export need it."""

    session: SessionDefinition
    submissions: dict[str, Submission]
    decisions: dict[str, ApplicationDecision]
    contracts: list[ContractEvaluation]
    portfolio: list[PortfolioRow]
    obstacles: list[tuple[str, str]]  # (contract id, obstacle)
    asks: list[tuple[str, list[tuple[str, str]]]]  # (agency, [(contract id, ask)])
    aggregates: dict[str, ApplicationAggregate]
    generated_on: dt.date
    final: bool = False
    letters: dict[str, str] = field(default_factory=dict)
    deliberation: Deliberation = field(default_factory=Deliberation)
    gaps: AdviceGaps = field(default_factory=lambda: AdviceGaps({}, []))
    created: dt.datetime | None = None

    @property
    def round(self) -> FollowUpRound:
        assert self.session.follow_up is not None
        return self.session.follow_up

    @property
    def year(self) -> int:
        return self.round.year

    def decision(self, application_id: str) -> ApplicationDecision:
        return self.decisions.get(application_id) or ApplicationDecision(application_id=application_id)

    def verdict_text(self, application_id: str) -> str:
        """The verdict's name from the criteria file, or that there is none yet."""
        return verdict_text(self.session, self.decision(application_id).verdict, t("evaluation.verdict.none"))


def build_evaluation_data(
    session: SessionDefinition,
    submissions: Mapping[str, Submission],
    decisions: Mapping[str, ApplicationDecision],
    deliberation: Deliberation | None = None,
    *,
    final: bool = False,
    letters: Mapping[str, str] | None = None,
    generated_on: dt.date | None = None,
    created: dt.datetime | None = None,
) -> EvaluationData:
    """The evaluation data of a follow-up round from the chair's store. With `final`, only the
    contracts whose report this year is their last (JuryError when there is none)."""
    round_ = session.follow_up
    if round_ is None:
        raise JuryError(t("evaluation.not_follow_up", id=session.id))
    created = created or dt.datetime.now().astimezone()
    submissions, decisions = dict(submissions), dict(decisions)
    deliberation = deliberation or Deliberation()
    rules = session.criteria.eligibility
    chosen = [contract.application_id for contract in round_.contracts]
    if final:
        chosen = round_.final_contracts
        if not chosen:
            raise JuryError(t("evaluation.no_final", id=session.id, year=round_.year))
    contracts = []
    for application_id in chosen:
        report = round_.report(application_id)
        history = sorted(round_.history(application_id), key=lambda item: item.year)
        contracts.append(ContractEvaluation(
            application_id=application_id,
            contract=round_.contract(application_id),
            report=report,
            history=history,
            checks=report_checks(report, rules),
            spending=spending_over_years(history),
            indicators=indicators_over_years(history),
            late=report.late_milestones(),
            decision=decisions.get(application_id) or ApplicationDecision(application_id=application_id),
        ))
    gaps = advice_gaps(session, decisions, deliberation, [], {})
    if final:  # only what is open in the contracts this report covers
        gaps = AdviceGaps({aid: points for aid, points in gaps.applications.items() if aid in chosen}, gaps.session)
    wanted = set(chosen)
    obstacles = [(aid, text) for aid, text in obstacles_of_round(round_) if aid in wanted]
    asks = []
    for agency, items in asks_by_agency(round_):
        kept = [(aid, text) for aid, text in items if aid in wanted]
        if kept:
            asks.append((agency, kept))
    return EvaluationData(
        session=session,
        submissions=submissions,
        decisions=decisions,
        contracts=contracts,
        portfolio=[row for row in portfolio(round_, rules) if row.application_id in wanted],
        obstacles=obstacles,
        asks=asks,
        aggregates=aggregate(session, ScoreTable(session, submissions.values())),
        generated_on=generated_on or created.date(),
        final=final,
        letters=assign_letters([juror.id for juror in session.jurors], letters),
        deliberation=deliberation,
        gaps=gaps,
        created=created,
    )


def evaluation_refusal(data: EvaluationData, key: str = "evaluation.strict_missing") -> str | None:
    """The one line refusing an incomplete evaluation (`export --strict`, the chair's dialog), in the
    words of reports/open_points.py; None when it is complete. `key`: the sentence around the points
    (the dialog puts the output's name in front of it)."""
    return strict_message(data.session, data.gaps, {}, 0.0, 0.0, key=key)


# --- the data export: one row per contract and criterion ------------------------------------------

COLUMNS = (
    "export.col.session", "evaluation.col.year", "export.col.application_id", "export.col.municipality",
    "export.col.neighbourhood", "evaluation.col.verdict_data", "export.col.criterion_id", "export.col.criterion",
    "evaluation.col.consensus", "evaluation.col.consensus_motivation", "evaluation.col.planned_data", "evaluation.col.spent",
    "evaluation.col.spent_share", "evaluation.col.rules_data", "evaluation.col.flags", "evaluation.col.late_milestones",
    "evaluation.col.objective_changes", "evaluation.col.final", "export.col.overall_motivation",
)
AMOUNT_KEYS = ("evaluation.col.planned_data", "evaluation.col.spent")


def evaluation_header() -> list[str]:
    return [t(key) for key in COLUMNS]


def evaluation_rows(data: EvaluationData) -> Iterator[list[object]]:
    """Per contract (in the round's order) and criterion: the consensus, the verdict and the figures."""
    lang = language()
    yes, no = t("chair.ui.figure.yes"), t("chair.ui.figure.no")
    rows = {row.application_id: row for row in data.portfolio}
    for item in data.contracts:
        application = data.session.application(item.application_id)
        decision = item.decision
        row = rows[item.application_id]
        flags = "; ".join(figure_check_line(check) for check in item.flagged)
        for criterion in data.session.criteria.criteria:
            consensus = decision.get(criterion.id)
            yield [
                data.session.id,
                data.year,
                application.id,
                clean_text(application.municipality),
                clean_text(application.neighbourhood),
                data.verdict_text(item.application_id),
                criterion.id,
                criterion.name.get(lang),
                consensus.score,
                clean_text(consensus.motivation),
                row.planned,
                row.spent,
                None if row.spent_share is None else round(row.spent_share, 4),
                outcome_text(item.outcome),
                flags,
                len(item.late),
                len(item.report.objective_changes),
                yes if item.report.final else no,
                clean_text(decision.overall_motivation),
            ]


def write_evaluation_csv(data: EvaluationData, out: Path, *, separator: str = DEFAULT_SEPARATOR) -> int:
    rows = list(evaluation_rows(data))
    write_csv_file(Path(out), [evaluation_header(), *rows], separator)
    return len(rows)


def write_evaluation_xlsx(data: EvaluationData, out: Path) -> int:
    header = evaluation_header()
    rows = list(evaluation_rows(data))
    amounts = [header.index(t(key)) for key in AMOUNT_KEYS]
    widths = [18, 7, 13, 16, 22, 18, 14, 30, 10, 60, 12, 12, 10, 14, 60, 10, 10, 8, 60]
    write_sheets_xlsx(Path(out), [(t("evaluation.sheet"), header, rows, widths, amounts)],
                      t("evaluation.pdf_title", session=data.session.title))
    return len(rows)
