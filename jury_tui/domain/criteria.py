"""The criteria set of a call: scale, scored criteria, eligibility rules, ranking rules."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from jury_tui.domain.text import LocalizedText
from jury_tui.i18n import t

Identifier = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9_-]*$")]
Text = Annotated[LocalizedText, BeforeValidator(LocalizedText.coerce)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ScaleStep(_Model):
    value: int
    label: Text


class Scale(_Model):
    min: int
    max: int
    steps: list[ScaleStep]

    @model_validator(mode="after")
    def _steps_cover_scale(self) -> Scale:
        if self.max <= self.min:
            raise ValueError(t("criteria.scale_order"))
        # Compare the count first: a scale of 10^11 steps must not build a list of them.
        if self.max - self.min + 1 != len(self.steps) or sorted(step.value for step in self.steps) != list(
            range(self.min, self.max + 1)
        ):
            raise ValueError(t("criteria.scale_steps", min=self.min, max=self.max))
        return self

    def label(self, value: int, lang: str = "nl") -> str:
        for step in self.steps:
            if step.value == value:
                return step.label.get(lang)
        raise KeyError(value)

    def contains(self, value: int) -> bool:
        return self.min <= value <= self.max


class Criterion(_Model):
    id: Identifier
    name: Text
    description: Text
    guidance: list[Text] = []
    weight: float = Field(default=1.0, gt=0, allow_inf_nan=False)
    motivation_required: bool = True
    minimum_score: int | None = None


class RuleKind(StrEnum):
    """Kinds of eligibility rule the software knows how to check; limits and texts come from the file."""

    MAX_SUBSIDY = "max_subsidy"
    MIN_CO_FINANCING_SHARE = "min_co_financing_share"
    MAX_INFRASTRUCTURE_SHARE = "max_infrastructure_share"
    MAX_DURATION_MONTHS = "max_duration_months"
    SUBMISSION_DEADLINE = "submission_deadline"
    NO_DOUBLE_SUBSIDY = "no_double_subsidy"
    APPROVED_BY_COUNCIL = "approved_by_council"


class EligibilityRule(_Model):
    id: Identifier
    kind: RuleKind
    name: Text
    description: Text | None = None
    limit: float | None = None
    deadline: dt.datetime | None = None

    @model_validator(mode="after")
    def _has_limit(self) -> EligibilityRule:
        needs_number = self.kind in {
            RuleKind.MAX_SUBSIDY,
            RuleKind.MIN_CO_FINANCING_SHARE,
            RuleKind.MAX_INFRASTRUCTURE_SHARE,
            RuleKind.MAX_DURATION_MONTHS,
        }
        if needs_number and self.limit is None:
            raise ValueError(t("eligibility.needs_limit", id=self.id))
        if self.kind is RuleKind.SUBMISSION_DEADLINE and self.deadline is None:
            raise ValueError(t("eligibility.needs_limit", id=self.id))
        return self


class Ranking(_Model):
    tie_break: list[Identifier] = []
    minimum_total: float | None = None


class CriteriaSet(_Model):
    id: Identifier
    title: Text
    call: Text | None = None
    scale: Scale
    criteria: list[Criterion] = Field(min_length=1)
    eligibility: list[EligibilityRule] = []
    ranking: Ranking = Ranking()
    disagreement_threshold: float = Field(default=2, ge=0)

    @model_validator(mode="after")
    def _consistent(self) -> CriteriaSet:
        seen: set[str] = set()
        for criterion in self.criteria:
            if criterion.id in seen:
                raise ValueError(t("criteria.duplicate_id", id=criterion.id))
            seen.add(criterion.id)
            if criterion.minimum_score is not None and not self.scale.contains(criterion.minimum_score):
                raise ValueError(
                    t("criteria.threshold_scale", value=criterion.minimum_score, min=self.scale.min, max=self.scale.max)
                )
        for criterion_id in self.ranking.tie_break:
            if criterion_id not in seen:
                raise ValueError(t("criteria.tie_break_unknown", id=criterion_id))
        rule_ids: set[str] = set()
        for rule in self.eligibility:
            if rule.id in rule_ids:
                raise ValueError(t("eligibility.duplicate_id", id=rule.id))
            rule_ids.add(rule.id)
        return self

    def criterion(self, criterion_id: str) -> Criterion:
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)

    @property
    def criterion_ids(self) -> list[str]:
        return [criterion.id for criterion in self.criteria]
