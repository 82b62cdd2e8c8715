"""The follow-up of the selected contracts (call §5, "Verdere opvolging" and "Rapportage").

Each contract's steering group sends the jury a yearly progress report; the jury, as klankbordgroep,
assesses it on the follow-up criteria and gives a verdict per contract, and writes an evaluation
report to the minister (and a final evaluation report after a contract's last report).

A follow-up round is a session like any other (domain/session.py): its subjects are the selected
contracts (the selection session's applications, unchanged), and `SessionDefinition.follow_up`
links it to the selection session and the government's decision and carries the progress reports.
The call's rules are checked here on a report's own figures, not on the application's plans.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from enum import StrEnum
from functools import cached_property
from typing import Annotated, ClassVar

from pydantic import AfterValidator, Field, StrictBool

from jury_tui.domain.applications import Section
from jury_tui.domain.criteria import STRICT, EligibilityRule, Identifier, RuleKind
from jury_tui.domain.eligibility import Outcome, at_most, overall_outcome, share
from jury_tui.domain.limits import (
    MAX_APPLICATIONS,
    MAX_ID,
    MAX_NAME,
    MAX_SECTIONS,
    MAX_TEXT,
    MAX_TITLE,
)
from jury_tui.domain.text import InvalidValue, Line, Text

# Figures are read strictly: `true` or "2024" in a report is a slip, never 1 or 2024.
Year = Annotated[int, Field(ge=2000, le=2099, strict=True)]
ReportDate = Annotated[dt.date, Field(ge=dt.date(2000, 1, 1), le=dt.date(2099, 12, 31))]
Figure = Annotated[float, Field(ge=-1e12, le=1e12, allow_inf_nan=False, strict=True)]
Amount = Annotated[float, Field(ge=0, le=1e12, allow_inf_nan=False, strict=True)]
ShortText = Annotated[Line, Field(min_length=1, max_length=MAX_TITLE)]
LongText = Annotated[Text, Field(min_length=1, max_length=MAX_TEXT)]
MAX_REPORT_ITEMS = 100  # budget lines, indicators, milestones, changes, obstacles, asks in one report
MAX_REPORTS = 20_000  # progress reports in one follow-up round (every contract, every year)


def same_name(name: str) -> str:
    """A name as the years are matched on: case and spacing do not count."""
    return " ".join(name.split()).casefold()


def _unique(kind: str):
    def check(items: list) -> list:
        seen: set[str] = set()
        for item in items:
            key = same_name(item.name)
            if key in seen:
                raise InvalidValue("report.duplicate_name", kind=kind, name=item.name)
            seen.add(key)
        return items
    return check


@dataclass(frozen=True, kw_only=True)
class BudgetLine:
    """A pillar or budget line of the subsidy: planned over the whole contract, spent up to the end of
    the report's period (cumulative; None: not reported), and whether it is small-scale infrastructure."""

    __pydantic_config__: ClassVar[dict] = STRICT

    name: Annotated[Line, Field(min_length=1, max_length=MAX_NAME)]
    planned: Amount
    spent: Amount | None = None
    infrastructure: StrictBool = False


@dataclass(frozen=True, kw_only=True)
class Indicator:
    __pydantic_config__: ClassVar[dict] = STRICT

    name: Annotated[Line, Field(min_length=1, max_length=MAX_NAME)]
    unit: Annotated[Line, Field(max_length=MAX_NAME)] = ""
    baseline: Figure | None = None
    target: Figure | None = None
    measured: Figure | None = None

    @property
    def progress(self) -> float | None:
        """How far the measured value has come from the baseline towards the target (0 at the
        baseline, 1 at the target; below 0 or above 1 when it went the other way or past it).
        None when a figure is missing or the target equals the baseline."""
        if self.baseline is None or self.target is None or self.measured is None or self.target == self.baseline:
            return None
        return round((self.measured - self.baseline) / (self.target - self.baseline), 12)


@dataclass(frozen=True, kw_only=True)
class Milestone:
    __pydantic_config__: ClassVar[dict] = STRICT

    name: Annotated[Line, Field(min_length=1, max_length=MAX_NAME)]
    planned: ReportDate
    actual: ReportDate | None = None

    def days_late(self, on: dt.date) -> int | None:
        """Days past the planned date: reached late (actual after planned), or still open on `on`
        while the planned date has passed. None when on time or not yet due."""
        if self.actual is not None:
            late = (self.actual - self.planned).days
        else:
            late = (on - self.planned).days
        return late if late > 0 else None


@dataclass(frozen=True, kw_only=True)
class ObjectiveChange:
    __pydantic_config__: ClassVar[dict] = STRICT

    change: ShortText
    reason: LongText


@dataclass(frozen=True, kw_only=True)
class Ask:
    """What the contract asks of a Flemish agency (the network events gather these)."""

    __pydantic_config__: ClassVar[dict] = STRICT

    agency: Annotated[Line, Field(min_length=1, max_length=MAX_NAME)]
    ask: LongText


@dataclass(frozen=True, kw_only=True)
class ProgressReport:
    """A contract's yearly progress report (docs/file-formats.md, "Progress report")."""

    __pydantic_config__: ClassVar[dict] = STRICT

    contract: Identifier  # the application's id in the selection session
    year: Year
    period_start: ReportDate
    period_end: ReportDate
    reported_on: ReportDate | None = None
    final: StrictBool = False  # the contract's last report: the final evaluation follows
    ends_on: ReportDate | None = None  # the contract's end date as it stands now
    co_financing_paid: Amount | None = None  # cumulative, up to period_end
    source: Annotated[Line, Field(max_length=MAX_TITLE)] = ""
    budget_lines: Annotated[
        list[BudgetLine], Field(max_length=MAX_REPORT_ITEMS), AfterValidator(_unique("budget_lines"))
    ] = field(default_factory=list)
    indicators: Annotated[
        list[Indicator], Field(max_length=MAX_REPORT_ITEMS), AfterValidator(_unique("indicators"))
    ] = field(default_factory=list)
    milestones: Annotated[
        list[Milestone], Field(max_length=MAX_REPORT_ITEMS), AfterValidator(_unique("milestones"))
    ] = field(default_factory=list)
    objective_changes: Annotated[list[ObjectiveChange], Field(max_length=MAX_REPORT_ITEMS)] = field(default_factory=list)
    obstacles: Annotated[list[ShortText], Field(max_length=MAX_REPORT_ITEMS)] = field(default_factory=list)
    asks: Annotated[list[Ask], Field(max_length=MAX_REPORT_ITEMS)] = field(default_factory=list)
    illustrative: Annotated[list[Annotated[Line, Field(max_length=MAX_ID)]], Field(max_length=MAX_SECTIONS)] = field(
        default_factory=list)
    summary: Annotated[Text, Field(max_length=MAX_TEXT)] = ""
    sections: Annotated[list[Section], Field(max_length=MAX_SECTIONS)] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.period_end < self.period_start:
            raise InvalidValue("report.period_order", start=self.period_start.isoformat(), end=self.period_end.isoformat())
        if self.period_end.year != self.year:
            raise InvalidValue("report.year_period", year=self.year, end=self.period_end.isoformat())
        written = self.reported_on or self.period_end
        for milestone in self.milestones:
            if milestone.actual is not None and milestone.actual > max(written, self.period_end):
                raise InvalidValue("report.milestone_future", name=milestone.name, actual=milestone.actual.isoformat(),
                                   written=max(written, self.period_end).isoformat())
        for name in self.illustrative:
            if name not in ILLUSTRATIVE_FIELDS:
                raise InvalidValue("report.illustrative_unknown", name=name)

    @property
    def planned_total(self) -> float:
        return _cents_sum(line.planned for line in self.budget_lines)

    @property
    def spent_total(self) -> float | None:
        """The subsidy spent so far over every line; None when a line's spending is not reported."""
        if not self.budget_lines or any(line.spent is None for line in self.budget_lines):
            return None
        return _cents_sum(line.spent or 0.0 for line in self.budget_lines)

    @property
    def infrastructure_planned(self) -> float:
        return _cents_sum(line.planned for line in self.budget_lines if line.infrastructure)

    @property
    def infrastructure_spent(self) -> float | None:
        if any(line.spent is None for line in self.budget_lines if line.infrastructure):
            return None
        return _cents_sum(line.spent or 0.0 for line in self.budget_lines if line.infrastructure)

    def is_illustrative(self, name: str) -> bool:
        """Whether the figures of `name` (a field, or 'budget_lines.spent') are not from a source."""
        return name in self.illustrative or name.split(".")[0] in self.illustrative

    def check_is_illustrative(self, check: FigureCheck) -> bool:
        """Whether the figures a rule's check rests on are not from a source."""
        if check.kind is RuleKind.CONTRACT_END:
            return self.is_illustrative("ends_on")
        if check.kind is RuleKind.MIN_CO_FINANCING_SHARE:
            return self.is_illustrative("co_financing_paid") or self.is_illustrative("budget_lines.spent")
        return self.is_illustrative("budget_lines.spent" if check.basis is Basis.SPENT else "budget_lines.planned")

    def late_milestones(self) -> list[tuple[Milestone, int]]:
        """The milestones reached late or overdue at the end of the period, with the days late."""
        found = []
        for milestone in self.milestones:
            late = milestone.days_late(self.period_end)
            if late is not None:
                found.append((milestone, late))
        return found


# What a report's `illustrative` list may name: a field, or a field of its budget lines, indicators
# or milestones ('budget_lines.spent').
ILLUSTRATIVE_FIELDS = frozenset(
    {item.name for item in dataclass_fields(ProgressReport)}
    | {f"{kind}.{item.name}" for kind, record in (("budget_lines", BudgetLine), ("indicators", Indicator),
                                                  ("milestones", Milestone)) for item in dataclass_fields(record)}
)


def _cents_sum(amounts: Iterable[float]) -> float:
    """A sum of euro amounts, counted in cents: 0.1 + 0.2 is 0.3."""
    return sum(round(amount * 100) for amount in amounts) / 100


@dataclass(frozen=True, kw_only=True)
class Contract:
    """A selected contract as the government's decision grants it."""

    __pydantic_config__: ClassVar[dict] = STRICT

    application_id: Identifier
    subsidy: Amount | None = None  # None: the decision gives no amount
    illustrative: bool = False  # the amount is not from a source document (the demo's)


@dataclass(frozen=True, kw_only=True)
class FollowUpRound:
    """What makes a session a follow-up round: the selection session and decision it follows, the
    year under review, the contracts and every progress report given (this year's and earlier)."""

    __pydantic_config__: ClassVar[dict] = STRICT

    selection_session: Identifier
    selection_fingerprint: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    decision_reference: Annotated[Line, Field(min_length=1, max_length=MAX_TITLE)]
    decided_on: ReportDate
    year: Year
    contracts: Annotated[list[Contract], Field(min_length=1, max_length=MAX_APPLICATIONS)]
    reports: Annotated[list[ProgressReport], Field(min_length=1, max_length=MAX_REPORTS)]

    def __post_init__(self) -> None:
        contract_ids = {contract.application_id for contract in self.contracts}
        seen: set[tuple[str, int]] = set()
        for report in self.reports:
            if report.contract not in contract_ids:
                raise InvalidValue("follow_up.report_not_selected", contract=report.contract)
            if report.year > self.year:
                raise InvalidValue("follow_up.report_after_year", contract=report.contract, year=report.year,
                                   round=self.year)
            key = (report.contract, report.year)
            if key in seen:
                raise InvalidValue("follow_up.report_twice", contract=report.contract, year=report.year)
            seen.add(key)
        for contract_id in sorted(contract_ids):
            reports = self.history(contract_id)
            for earlier, later in zip(reports, reports[1:]):
                if earlier.final:
                    raise InvalidValue("follow_up.final_not_last", contract=contract_id, year=earlier.year,
                                       later=later.year)
                if later.period_start <= earlier.period_end:
                    raise InvalidValue("follow_up.periods_overlap", contract=contract_id, year=earlier.year,
                                       later=later.year)
        for contract_id in sorted(contract_ids):
            if (contract_id, self.year) not in seen:
                raise InvalidValue("follow_up.report_missing", contract=contract_id, year=self.year)

    # Looked up once per contract by every view: dicts, so a round of 1000 contracts is not quadratic.
    @cached_property
    def _contracts_by_id(self) -> dict[str, Contract]:
        return {contract.application_id: contract for contract in self.contracts}

    @cached_property
    def _histories(self) -> dict[str, list[ProgressReport]]:
        histories: dict[str, list[ProgressReport]] = {}
        for report in sorted(self.reports, key=lambda report: report.year):
            histories.setdefault(report.contract, []).append(report)
        return histories

    def contract(self, application_id: str) -> Contract:
        return self._contracts_by_id[application_id]

    def history(self, application_id: str) -> list[ProgressReport]:
        """The contract's reports, oldest first."""
        return list(self._histories.get(application_id, []))

    def report(self, application_id: str) -> ProgressReport:
        """The contract's report of the round's year (there is always one)."""
        history = self._histories.get(application_id, [])
        if not history or history[-1].year != self.year:
            raise KeyError(application_id)
        return history[-1]

    @property
    def final_contracts(self) -> list[str]:
        """The contracts whose report of this year is their last: their final evaluation is due."""
        return [contract.application_id for contract in self.contracts if self.report(contract.application_id).final]


class Basis(StrEnum):
    """What a rule's figure is taken from."""

    PLAN = "plan"  # the budget lines as planned over the whole contract
    SPENT = "spent"  # what is spent so far
    REPORT = "report"  # a date the report gives


@dataclass(frozen=True, slots=True, kw_only=True)
class FigureCheck:
    """One rule of the call on one report's own figures: the outcome and the figures it rests on."""

    rule_id: str
    kind: RuleKind
    basis: Basis
    outcome: Outcome
    value: float | str | None = None
    limit: float | str | None = None
    part: float | None = None  # the amounts the share is made of, for the reader
    whole: float | None = None


def report_checks(report: ProgressReport, rules: Sequence[EligibilityRule]) -> list[FigureCheck]:
    """The rules a report's figures can answer: the infrastructure share (on the plan and on what is
    spent so far), the co-financing share of what is spent, the end date. Other kinds of rule (the
    deadline of the application, the cap on the request) concern the selection and are skipped."""
    checks: list[FigureCheck] = []
    for rule in rules:
        if rule.kind is RuleKind.MAX_INFRASTRUCTURE_SHARE and rule.limit is not None:
            planned = report.planned_total
            value = share(report.infrastructure_planned, planned) if report.budget_lines else None
            checks.append(FigureCheck(rule_id=rule.id, kind=rule.kind, basis=Basis.PLAN, outcome=at_most(value, rule.limit),
                                      value=value, limit=rule.limit, part=report.infrastructure_planned, whole=planned))
            # Unknown while a line's spending is missing or nothing is spent yet (no share of nothing).
            spent, infrastructure = report.spent_total, report.infrastructure_spent
            value = share(infrastructure, spent)
            checks.append(FigureCheck(rule_id=rule.id, kind=rule.kind, basis=Basis.SPENT, outcome=at_most(value, rule.limit),
                                      value=value, limit=rule.limit, part=infrastructure, whole=spent))
        elif rule.kind is RuleKind.MIN_CO_FINANCING_SHARE and rule.limit is not None:
            spent, paid = report.spent_total, report.co_financing_paid
            whole = None if spent is None or paid is None else _cents_sum((spent, paid))
            value = share(paid, whole)
            outcome = Outcome.UNKNOWN if value is None else (Outcome.MET if value >= rule.limit else Outcome.NOT_MET)
            checks.append(FigureCheck(rule_id=rule.id, kind=rule.kind, basis=Basis.SPENT, outcome=outcome, value=value,
                                      limit=rule.limit, part=paid, whole=whole))
        elif rule.kind is RuleKind.CONTRACT_END and rule.ends_by is not None:
            ends_on = report.ends_on
            outcome = Outcome.UNKNOWN if ends_on is None else (Outcome.MET if ends_on <= rule.ends_by else Outcome.NOT_MET)
            checks.append(FigureCheck(rule_id=rule.id, kind=rule.kind, basis=Basis.REPORT, outcome=outcome,
                                      value=ends_on.isoformat() if ends_on else None, limit=rule.ends_by.isoformat()))
    return checks


@dataclass(frozen=True, slots=True, kw_only=True)
class LineOverYears:
    """One budget line across a contract's reports: planned (as the latest report has it) and spent
    so far at the end of each year (None where that year's report does not give it)."""

    name: str
    infrastructure: bool
    planned: float
    spent: dict[int, float | None]

    def share(self, year: int) -> float | None:
        """What is spent at the end of `year` as a part of the plan."""
        return share(self.spent.get(year), self.planned)


@dataclass(frozen=True, slots=True, kw_only=True)
class SpendingTotals:
    """A contract's plan (as its latest report has it) and what is spent at the end of each year
    (None where that year's report does not give every line): the total row under the lines."""

    planned: float
    spent: dict[int, float | None]

    def share(self, year: int) -> float | None:
        return share(self.spent.get(year), self.planned)


def spending_totals(reports: Sequence[ProgressReport]) -> SpendingTotals:
    """The totals of `spending_over_years`: from each report's own totals, never by adding the rows
    (a line renamed or dropped in a later year is a row of its own, not a second plan)."""
    ordered = sorted(reports, key=lambda report: report.year)
    return SpendingTotals(planned=ordered[-1].planned_total if ordered else 0.0,
                          spent={report.year: report.spent_total for report in ordered})


def _across_years(reports: Sequence[ProgressReport], items) -> tuple[list[ProgressReport], list]:
    """The reports oldest first, and per item (a budget line, an indicator; matched on its name,
    case and spacing aside) its latest version and its version in each report: the latest
    report's items in its order, then items only earlier reports have."""
    ordered = sorted(reports, key=lambda report: report.year)
    latest: dict[str, object] = {}
    for report in reversed(ordered):
        for item in items(report):
            latest.setdefault(same_name(item.name), item)
    rows = []
    for key, newest in latest.items():
        per_year = {report.year: next((item for item in items(report) if same_name(item.name) == key), None)
                    for report in ordered}
        rows.append((newest, per_year))
    return ordered, rows


def spending_over_years(reports: Sequence[ProgressReport]) -> list[LineOverYears]:
    """A contract's budget lines side by side over its reports (oldest first): planned as the latest
    report has it, spent so far at the end of each year."""
    _, rows = _across_years(reports, lambda report: report.budget_lines)
    return [LineOverYears(name=newest.name, infrastructure=newest.infrastructure, planned=newest.planned,
                          spent={year: None if line is None else line.spent for year, line in per_year.items()})
            for newest, per_year in rows]


@dataclass(frozen=True, slots=True, kw_only=True)
class IndicatorOverYears:
    name: str
    unit: str
    baseline: float | None
    target: float | None
    measured: dict[int, float | None]
    progress: float | None  # of the latest measurement (Indicator.progress)


def indicators_over_years(reports: Sequence[ProgressReport]) -> list[IndicatorOverYears]:
    """A contract's indicators side by side over its reports: baseline and target as the latest
    report has them, the measured value per year."""
    _, rows = _across_years(reports, lambda report: report.indicators)
    return [IndicatorOverYears(name=newest.name, unit=newest.unit, baseline=newest.baseline, target=newest.target,
                               measured={year: None if item is None else item.measured
                                         for year, item in per_year.items()},
                               progress=newest.progress)
            for newest, per_year in rows]


@dataclass(frozen=True, slots=True, kw_only=True)
class PortfolioRow:
    """One contract in the portfolio overview of a round."""

    application_id: str
    subsidy: float | None
    planned: float
    spent: float | None
    spent_share: float | None  # spent so far / planned
    checks: tuple[FigureCheck, ...]
    outcome: Outcome
    late_milestones: int
    objective_changes: int
    obstacles: int
    asks: int
    final: bool


def portfolio(round_: FollowUpRound, rules: Sequence[EligibilityRule]) -> list[PortfolioRow]:
    """Every contract of the round with its figures of the round's year, in the round's order."""
    rows = []
    for contract in round_.contracts:
        report = round_.report(contract.application_id)
        checks = tuple(report_checks(report, rules))
        spent = report.spent_total
        rows.append(PortfolioRow(
            application_id=contract.application_id, subsidy=contract.subsidy, planned=report.planned_total,
            spent=spent, spent_share=share(spent, report.planned_total), checks=checks, outcome=overall_outcome(checks),
            late_milestones=len(report.late_milestones()), objective_changes=len(report.objective_changes),
            obstacles=len(report.obstacles), asks=len(report.asks), final=report.final,
        ))
    return rows


def asks_by_agency(round_: FollowUpRound) -> list[tuple[str, list[tuple[str, str]]]]:
    """What the contracts ask of Flemish agencies this year, gathered per agency (agencies by how many
    contracts ask something of them, then by name): [(agency, [(contract id, ask), ...]), ...]."""
    gathered: dict[str, list[tuple[str, str]]] = {}
    names: dict[str, str] = {}
    for contract in round_.contracts:
        for ask in round_.report(contract.application_id).asks:
            key = " ".join(ask.agency.split()).casefold()
            names.setdefault(key, ask.agency)
            gathered.setdefault(key, []).append((contract.application_id, ask.ask))
    order = sorted(gathered, key=lambda key: (-len({aid for aid, _ in gathered[key]}), names[key].casefold()))
    return [(names[key], gathered[key]) for key in order]


def obstacles_of_round(round_: FollowUpRound) -> list[tuple[str, str]]:
    """Every obstacle reported this year, as (contract id, obstacle), in the round's order."""
    return [(contract.application_id, obstacle) for contract in round_.contracts
            for obstacle in round_.report(contract.application_id).obstacles]
