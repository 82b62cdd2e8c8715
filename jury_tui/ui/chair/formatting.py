"""Numbers, amounts and eligibility figures as a Flemish reader expects them (3,4 · € 750.000 · 15,1 %)."""

from __future__ import annotations

import datetime as dt

from jury_tui.formatting import (  # noqa: F401
    DASH,
    format_amount,
    format_compact,
    format_euro,
    format_number,
    format_percent,
    parse_amount,
)


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


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
