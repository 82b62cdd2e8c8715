"""Numbers, amounts and eligibility figures as a Flemish reader expects them (3,4 · € 750.000 · 15,1 %)."""

from __future__ import annotations

import datetime as dt
import re

from jury_tui.domain.criteria import RuleKind
from jury_tui.domain.eligibility import EligibilityCheck
from jury_tui.i18n import language, t
from jury_tui.ui.chair import messages as _messages  # noqa: F401

DASH = "–"


def _localise(text: str) -> str:
    """'1,234.5' (Python) → '1.234,5' in Dutch; unchanged in English."""
    if language() == "en":
        return text
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def number(value: float | None, decimals: int = 1) -> str:
    if value is None:
        return DASH
    return _localise(f"{value:,.{decimals}f}")


def compact(value: float | None, decimals: int = 1) -> str:
    """Whole numbers without decimals (28), others with (27,4)."""
    if value is None:
        return DASH
    if abs(value - round(value)) < 1e-9:
        return _localise(f"{round(value):,d}")
    return number(value, decimals)


def plain_amount(amount: float | None) -> str:
    """750.000 or 750.000,50 (no currency sign: for table columns headed in euro)."""
    if amount is None:
        return DASH
    cents = round(amount * 100)
    if cents % 100:
        return _localise(f"{cents / 100:,.2f}")
    return _localise(f"{cents // 100:,d}")


def euro(amount: float | None) -> str:
    if amount is None:
        return DASH
    sign = "−" if amount < 0 else ""
    return f"{sign}€ {plain_amount(abs(amount))}"


def percent(share: float | None) -> str:
    if share is None:
        return DASH
    return compact(share * 100, 1) + " %"


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


_AMOUNT = re.compile(r"^\d+([.,]\d+)*$")


def parse_amount(text: str) -> float | None:
    """'650.000', '650000', '650 000', '€ 650.000,50', '650000.5' → float; '' → None. ValueError if not an amount.

    With both '.' and ',' the last one is the decimal mark. With one kind only: repeated, or once
    followed by exactly three digits, it separates thousands; otherwise it is the decimal mark.
    """
    cleaned = re.sub(r"(?i)€|euro|eur|[\s\u00a0\u2009']", "", text)
    if not cleaned:
        return None
    if not _AMOUNT.match(cleaned):
        raise ValueError(text)
    marks = set(re.findall(r"[.,]", cleaned))
    if len(marks) == 2:
        decimal = cleaned[max(cleaned.rfind("."), cleaned.rfind(","))]
        thousands = "." if decimal == "," else ","
        whole, _, fraction = cleaned.rpartition(decimal)
        groups = whole.split(thousands)
        if thousands in fraction or len(fraction) > 2 or any(len(group) != 3 for group in groups[1:]):
            raise ValueError(text)
        return float("".join(groups) + "." + fraction)
    if not marks:
        return float(cleaned)
    (mark,) = marks
    groups = cleaned.split(mark)
    if len(groups) > 2 or len(groups[1]) == 3:
        if any(len(group) != 3 for group in groups[1:]):
            raise ValueError(text)
        return float("".join(groups))
    if len(groups[1]) > 2:
        raise ValueError(text)
    return float(groups[0] + "." + groups[1])


# --- eligibility -----------------------------------------------------------------------------


def rule_short_name(check: EligibilityCheck) -> str:
    return t(f"chair.ui.rule.{check.kind.value}")


def _date(value: str | None) -> str:
    if not value:
        return t("chair.ui.figure.unknown")
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    return moment.strftime("%d-%m-%Y %H:%M") if language() == "nl" else moment.strftime("%Y-%m-%d %H:%M")


def check_figures(check: EligibilityCheck) -> str:
    """The figures a check rests on: '15,1 % (min. 20 %)', '€ 850.000 (max. € 800.000)'."""
    kind, value, limit = check.kind, check.value, check.limit
    unknown = t("chair.ui.figure.unknown")
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
    if kind is RuleKind.NO_DOUBLE_SUBSIDY:
        if value is None:
            return unknown
        return t("chair.ui.figure.yes") if value == "ja" else t("chair.ui.figure.no")
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
