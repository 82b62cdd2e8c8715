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


def short_names(names: list[str]) -> list[str]:
    """Short forms of the criteria file's verdict names that still tell them apart in a narrow
    column: the words one name shares with another ("nodig", "Needs") are left out, so "Aandacht
    nodig" / "Bijsturing nodig" read "Aandacht" / "Bijsturing"; a name with nothing of its own, or
    whose short form another name has too, stays whole. Words come from the file, never from code."""
    words = [name.split() for name in names]
    counts: dict[str, int] = {}
    for name_words in words:
        for word in {word.casefold() for word in name_words}:
            counts[word] = counts.get(word, 0) + 1
    shorts = []
    for name, name_words in zip(names, words, strict=True):
        own = [word for word in name_words if counts[word.casefold()] == 1]
        shorts.append(" ".join(own)[:1].upper() + " ".join(own)[1:] if own and len(own) < len(name_words) else name)
    return [short if shorts.count(short) == 1 else name for short, name in zip(shorts, names, strict=True)]
