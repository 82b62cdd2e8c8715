"""The criteria set of a call: scale, scored criteria, eligibility rules, ranking rules."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, ClassVar

from pydantic import AfterValidator, AwareDatetime, BeforeValidator, Field

from jury_tui.domain.canonical import LEFT_OUT_WHILE_EMPTY
from jury_tui.domain.limits import (
    MAX_CRITERIA,
    MAX_ELIGIBILITY_RULES,
    MAX_GUIDANCE,
    MAX_ID,
    MAX_SCALE_STEPS,
)
from jury_tui.domain.text import InvalidValue, LocalizedText

# Records of the session definition are frozen dataclasses; pydantic validates them where input is
# read (formats/validation.py), `__post_init__` keeps the rules that span fields.

# Names Windows keeps for devices, with or without an extension, in any case: a folder or file named
# after such an id (a juror's folder, an application's file) cannot be made on most jurors' laptops.
# Ids have lowercase letters only (no two ids differ by case alone: one file name on any disk), and
# no dots or spaces (so no extension and no trailing dot or space, which Windows drops).
WINDOWS_RESERVED_NAMES = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}
)
ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"


def _storable_on_windows(value: str) -> str:
    if value in WINDOWS_RESERVED_NAMES:
        raise InvalidValue("id.windows_reserved", id=value)
    return value


Identifier = Annotated[
    str, Field(min_length=1, max_length=MAX_ID, pattern=ID_PATTERN), AfterValidator(_storable_on_windows)
]


def _plain_text(value: object) -> object:
    """A data file may give a plain string for a text that has translations: {"nl": string}."""
    return {"nl": value} if isinstance(value, str) else value


Text = Annotated[LocalizedText, BeforeValidator(_plain_text)]
_LEVEL = re.compile(r"0|-?[1-9][0-9]{0,5}")  # a level of the scale as a TOML key: "0", "5", "-1" (no "05", "+5" or "-0")


def _level_key(value: str) -> str:
    if not _LEVEL.fullmatch(value):
        raise InvalidValue("criteria.level_key", level=value[:20])
    return value


LevelKey = Annotated[str, AfterValidator(_level_key)]
STRICT: dict = {"extra": "forbid"}  # pydantic's settings for every record: unknown fields are an error


@dataclass(frozen=True, kw_only=True)
class ScaleStep:
    __pydantic_config__: ClassVar[dict] = STRICT

    value: int
    label: Text


@dataclass(frozen=True, kw_only=True)
class Scale:
    __pydantic_config__: ClassVar[dict] = STRICT

    min: int
    max: int
    steps: Annotated[list[ScaleStep], Field(max_length=MAX_SCALE_STEPS)]

    def __post_init__(self) -> None:
        if self.max <= self.min:
            raise InvalidValue("criteria.scale_order")
        # Compare the count first: a scale of 10^11 steps must not build a list of them.
        if self.max - self.min + 1 != len(self.steps) or sorted(step.value for step in self.steps) != list(
            range(self.min, self.max + 1)
        ):
            raise InvalidValue("criteria.scale_steps", min=self.min, max=self.max)

    def label(self, value: int, lang: str = "nl") -> str:
        for step in self.steps:
            if step.value == value:
                return step.label.get(lang)
        raise KeyError(value)

    def contains(self, value: int) -> bool:
        return self.min <= value <= self.max


@dataclass(frozen=True, kw_only=True)
class Criterion:
    __pydantic_config__: ClassVar[dict] = STRICT

    id: Identifier
    name: Text
    description: Text
    guidance: Annotated[list[Text], Field(max_length=MAX_GUIDANCE)] = field(default_factory=list)
    weight: Annotated[float, Field(gt=0, allow_inf_nan=False)] = 1.0
    motivation_required: bool = True
    minimum_score: int | None = None
    # What a score means for this criterion, per level of the scale ("0", "1", ...): the jury's own
    # guidance (CriteriaSet.levels_source says whose). Not every level needs one.
    levels: Annotated[
        dict[LevelKey, Text],
        Field(max_length=MAX_SCALE_STEPS),
        LEFT_OUT_WHILE_EMPTY,
    ] = field(default_factory=dict)

    def level(self, value: int, lang: str = "nl") -> str | None:
        """What `value` means for this criterion, or None when the criteria file does not say."""
        text = self.levels.get(str(value))
        return None if text is None else text.get(lang)


class RuleKind(StrEnum):
    """Kinds of eligibility rule the software knows how to check; limits and texts come from the file."""

    MAX_SUBSIDY = "max_subsidy"
    MIN_CO_FINANCING_SHARE = "min_co_financing_share"
    MAX_INFRASTRUCTURE_SHARE = "max_infrastructure_share"
    MAX_DURATION_MONTHS = "max_duration_months"
    SUBMISSION_DEADLINE = "submission_deadline"
    NO_DOUBLE_SUBSIDY = "no_double_subsidy"
    APPROVED_BY_COUNCIL = "approved_by_council"
    CONTRACT_END = "contract_end"  # the contract ends on or before the rule's `ends_by` date (call §5)



@dataclass(frozen=True, kw_only=True)
class EligibilityRule:
    __pydantic_config__: ClassVar[dict] = STRICT

    id: Identifier
    kind: RuleKind
    name: Text
    description: Text | None = None
    limit: Annotated[float, Field(allow_inf_nan=False)] | None = None
    deadline: AwareDatetime | None = None  # with its offset: compared with dates from anywhere
    ends_by: dt.date | None = None  # contract_end: the last day a contract may run

    def __post_init__(self) -> None:
        needs_number = self.kind in {
            RuleKind.MAX_SUBSIDY,
            RuleKind.MIN_CO_FINANCING_SHARE,
            RuleKind.MAX_INFRASTRUCTURE_SHARE,
            RuleKind.MAX_DURATION_MONTHS,
        }
        if needs_number and self.limit is None:
            raise InvalidValue("eligibility.needs_limit", id=self.id)
        if self.kind is RuleKind.SUBMISSION_DEADLINE and self.deadline is None:
            raise InvalidValue("eligibility.needs_limit", id=self.id)
        if self.kind is RuleKind.CONTRACT_END and self.ends_by is None:
            raise InvalidValue("eligibility.needs_limit", id=self.id)


@dataclass(frozen=True, kw_only=True)
class Verdict:
    """A verdict the klankbordgroep can give a contract in a follow-up round (e.g. "op schema"):
    its words come from the criteria file."""

    __pydantic_config__: ClassVar[dict] = STRICT

    id: Identifier
    name: Text
    description: Text | None = None
    # True: the verdict says the contract keeps to the call's rules (e.g. "op schema"), so it may not
    # be given while a rule is not met on the report's figures (domain/advice.evaluation_gaps).
    only_when_rules_met: Annotated[bool, LEFT_OUT_WHILE_EMPTY] = False


@dataclass(frozen=True, kw_only=True)
class Ranking:
    __pydantic_config__: ClassVar[dict] = STRICT

    tie_break: Annotated[list[Identifier], Field(max_length=MAX_CRITERIA)] = field(default_factory=list)
    minimum_total: Annotated[float, Field(allow_inf_nan=False)] | None = None
    # The fewest voting jurors who must have scored an application before it is ranked; below it,
    # only the chair's motivated choice ranks it (ApplicationDecision.rank_motivation).
    minimum_votes: Annotated[int, Field(ge=0, le=1000)] = 0


@dataclass(frozen=True, kw_only=True)
class CriteriaSet:
    __pydantic_config__: ClassVar[dict] = STRICT

    id: Identifier
    title: Text
    call: Text | None = None
    scale: Scale
    criteria: Annotated[list[Criterion], Field(min_length=1, max_length=MAX_CRITERIA)]
    eligibility: Annotated[list[EligibilityRule], Field(max_length=MAX_ELIGIBILITY_RULES)] = field(default_factory=list)
    ranking: Ranking = field(default_factory=Ranking)
    disagreement_threshold: Annotated[float, Field(ge=0, allow_inf_nan=False)] = 2.0
    addressee: Text | None = None  # to whom the advice is addressed, e.g. "de Vlaamse Regering"
    # Whose guidance the criteria's `levels` are (e.g. "Leidraad van de jury, geen tekst uit de oproep"):
    # required as soon as one criterion describes its levels.
    levels_source: Annotated[Text | None, LEFT_OUT_WHILE_EMPTY] = None
    # A follow-up criteria set (call §5) gives verdicts per contract instead of a selection; its
    # eligibility rules are then checked on the progress reports' figures (domain/follow_up.py).
    verdicts: Annotated[list[Verdict], Field(max_length=MAX_CRITERIA), LEFT_OUT_WHILE_EMPTY] = field(
        default_factory=list)

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for criterion in self.criteria:
            if criterion.id in seen:
                raise InvalidValue("criteria.duplicate_id", id=criterion.id)
            seen.add(criterion.id)
            if criterion.minimum_score is not None and not self.scale.contains(criterion.minimum_score):
                raise InvalidValue("criteria.threshold_scale", value=criterion.minimum_score, min=self.scale.min,
                                   max=self.scale.max)
            for level in criterion.levels:
                if not self.scale.contains(int(level)):
                    raise InvalidValue("criteria.level_off_scale", id=criterion.id, level=level, min=self.scale.min,
                                       max=self.scale.max)
        if self.levels_source is None and any(criterion.levels for criterion in self.criteria):
            raise InvalidValue("criteria.levels_source_missing")
        for criterion_id in self.ranking.tie_break:
            if criterion_id not in seen:
                raise InvalidValue("criteria.tie_break_unknown", id=criterion_id)
        verdict_ids: set[str] = set()
        for verdict in self.verdicts:
            if verdict.id in verdict_ids:
                raise InvalidValue("criteria.duplicate_verdict", id=verdict.id)
            verdict_ids.add(verdict.id)
        rule_ids: set[str] = set()
        for rule in self.eligibility:
            if rule.id in rule_ids:
                raise InvalidValue("eligibility.duplicate_id", id=rule.id)
            rule_ids.add(rule.id)

    def criterion(self, criterion_id: str) -> Criterion:
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)

    @property
    def follow_up(self) -> bool:
        """Whether this set assesses the progress of contracts (verdicts) rather than selects them."""
        return bool(self.verdicts)

    def verdict(self, verdict_id: str) -> Verdict:
        for verdict in self.verdicts:
            if verdict.id == verdict_id:
                return verdict
        raise KeyError(verdict_id)

    @property
    def criterion_ids(self) -> list[str]:
        return [criterion.id for criterion in self.criteria]
