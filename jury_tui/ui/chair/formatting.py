"""Numbers, amounts and eligibility figures as a Flemish reader expects them (3,4 · € 750.000 · 15,1 %)."""

from __future__ import annotations

import datetime as dt

from jury_tui.domain.criteria import RuleKind
from jury_tui.domain.eligibility import EligibilityCheck
from jury_tui.formatting import (  # noqa: F401
    DASH,
    format_amount,
    format_compact,
    format_euro,
    format_number,
    format_percent,
    parse_amount,
)
from jury_tui.i18n import t


def number(value: float | None, decimals: int = 1) -> str:
    return format_number(value, decimals)


def compact(value: float | None, decimals: int = 1) -> str:
    """Whole numbers without decimals (28), others with (27,4)."""
    return format_compact(value, decimals)


plain_amount = format_amount
euro = format_euro
percent = format_percent


def signed(value: float | None, decimals: int = 2) -> str:
    """+0,40 / −0,25 (a real minus sign)."""
    if value is None:
        return DASH
    text = number(abs(value), decimals)
    if round(value, decimals) == 0:
        return " " + text
    return ("+" if value > 0 else "−") + text


def clock() -> str:
    return dt.datetime.now().strftime("%H:%M:%S")


# --- eligibility -----------------------------------------------------------------------------


def rule_short_name(check: EligibilityCheck) -> str:
    return t(f"chair.ui.rule.{check.kind.value}")


def _date(value: str | None) -> str:
    if not value:
        return t("export.outcome.unknown")
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if len(value) == 10:  # a date without a time (the contract's end)
        return moment.strftime(t("format.date"))
    return moment.strftime(t("format.datetime"))


def check_figures(check: EligibilityCheck) -> str:
    """The figures a check rests on: '15,1 % (min. 20 %)', '€ 850.000 (max. € 800.000)'."""
    kind, value, limit = check.kind, check.value, check.limit
    unknown = t("export.outcome.unknown")
    if kind is RuleKind.MAX_SUBSIDY:
        shown = euro(value) if isinstance(value, (int, float)) else unknown
        return t("chair.ui.figure.at_most", value=shown, limit=euro(limit if isinstance(limit, (int, float)) else None))
    if kind is RuleKind.MIN_CO_FINANCING_SHARE:
        shown = percent(value) if isinstance(value, (int, float)) else unknown
        return t("chair.ui.figure.at_least", value=shown, limit=percent(limit if isinstance(limit, (int, float)) else None))
    if kind is RuleKind.MAX_INFRASTRUCTURE_SHARE:
        shown = percent(value) if isinstance(value, (int, float)) else unknown
        return t("chair.ui.figure.at_most", value=shown, limit=percent(limit if isinstance(limit, (int, float)) else None))
    if kind is RuleKind.MAX_DURATION_MONTHS:
        shown = t("chair.ui.figure.months", value=compact(value)) if isinstance(value, (int, float)) else unknown
        return t("chair.ui.figure.at_most", value=shown, limit=compact(limit if isinstance(limit, (int, float)) else None))
    if kind is RuleKind.SUBMISSION_DEADLINE:
        return t("chair.ui.figure.deadline", value=_date(value if isinstance(value, str) else None),
                 limit=_date(limit if isinstance(limit, str) else None))
    if kind is RuleKind.CONTRACT_END:
        return t("chair.ui.figure.deadline", value=_date(value if isinstance(value, str) else None),
                 limit=_date(limit if isinstance(limit, str) else None))
    if kind is RuleKind.NO_DOUBLE_SUBSIDY:
        if value is None:
            return unknown
        return t("chair.ui.figure.yes") if value == "yes" else t("chair.ui.figure.no")
    if kind is RuleKind.APPROVED_BY_COUNCIL:
        if value is None:
            return unknown
        key = f"chair.ui.figure.approval.{value}"
        try:
            return t(key)
        except KeyError:
            return str(value)
    return unknown if value is None else str(value)  # pragma: no cover - RuleKind is exhaustive


def check_line(check: EligibilityCheck) -> str:
    """'cofinanciering 15,1 % (min. 20 %)'."""
    return f"{rule_short_name(check)} {check_figures(check)}"


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
