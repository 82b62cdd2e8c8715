"""Numbers as a Flemish reader writes them (1.024.848,66 · 15,1 %), or as an English one does.

One place for the interface, the PDF and the messages. Pure functions; the language defaults
to the one chosen for the process (jury_tui.i18n).
"""

from __future__ import annotations

import math
import re

from jury_tui.domain.limits import MAX_AMOUNT
from jury_tui.i18n import language

DASH = "–"


def _group(digits: str, separator: str) -> str:
    parts = []
    while len(digits) > 3:
        parts.insert(0, digits[-3:])
        digits = digits[:-3]
    parts.insert(0, digits)
    return separator.join(parts)


def format_number(value: float | None, decimals: int = 0, lang: str | None = None) -> str:
    """1024848.66 → '1.024.848,66' (nl) or '1,024,848.66' (en); None → '–'."""
    if value is None:
        return DASH
    lang = lang or language()
    thousands, point = (".", ",") if lang == "nl" else (",", ".")
    sign = "-" if value < 0 and round(abs(value), decimals) != 0 else ""
    text = f"{abs(value):.{decimals}f}"
    whole, _, fraction = text.partition(".")
    return sign + _group(whole, thousands) + (point + fraction if fraction else "")


def format_compact(value: float | None, decimals: int = 2, lang: str | None = None) -> str:
    """At most `decimals` decimals, trailing zeros dropped: 24 → '24', 24.5 → '24,5'."""
    if value is None:
        return DASH
    text = format_number(value, decimals, lang)
    separator = "," if (lang or language()) == "nl" else "."
    if separator in text:
        text = text.rstrip("0").rstrip(separator)
    return text


def format_amount(value: float | None, lang: str | None = None) -> str:
    """An amount in euro without unit: '800.000' when whole, '1.024.848,66' otherwise."""
    if value is None:
        return DASH
    cents = int(round(value * 100))
    return format_number(cents / 100, 0 if cents % 100 == 0 else 2, lang)


def format_euro(value: float | None, lang: str | None = None) -> str:
    """'€ 800.000' (a real minus sign for negative amounts)."""
    if value is None:
        return DASH
    sign = "−" if value < 0 else ""
    return f"{sign}€ {format_amount(abs(value), lang)}"


def format_percent(share: float | None, lang: str | None = None) -> str:
    """0.151 → '15,1 %', 0.2 → '20 %'."""
    if share is None:
        return DASH
    return f"{format_compact(share * 100, 1, lang)} %"


_AMOUNT = re.compile(r"^[0-9]+([.,][0-9]+)*$")  # ASCII digits only: \d would take ٧ or ７ as well


def parse_amount(text: str) -> float | None:
    """'650.000', '650000', '650 000', '€ 650.000,50', '650000.5' → float; '' → None. ValueError if not an amount.

    With both '.' and ',' the last one is the decimal mark. With one kind only: repeated, or once
    followed by exactly three digits, it separates thousands; otherwise it is the decimal mark.
    Separated thousands start with one to three digits: '750000.000' is refused, not guessed.
    """
    amount = _amount_as_typed(text)
    if amount is not None and not (math.isfinite(amount) and amount <= MAX_AMOUNT):
        raise ValueError(text)  # 400 digits, or more than any budget: a typing error
    return amount


def _amount_as_typed(text: str) -> float | None:
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
        if (thousands in fraction or len(fraction) > 2 or any(len(group) != 3 for group in groups[1:])
                or (len(groups) > 1 and len(groups[0]) > 3)):
            raise ValueError(text)
        return float("".join(groups) + "." + fraction)
    if not marks:
        return float(cleaned)
    (mark,) = marks
    groups = cleaned.split(mark)
    if len(groups) > 2 or len(groups[1]) == 3:
        if any(len(group) != 3 for group in groups[1:]) or len(groups[0]) > 3:  # 750000.000: which was meant?
            raise ValueError(text)
        if groups[0].startswith("0"):  # 0,001 or 0.500: a decimal mark, not a thousand
            raise ValueError(text)
        return float("".join(groups))
    if len(groups[1]) > 2:
        raise ValueError(text)
    return float(groups[0] + "." + groups[1])
