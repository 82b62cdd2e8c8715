"""Anonymous jurors in the advice and the exports: a letter each, given at random, and when a role may be shown.

The letters must not follow any list a reader of the session definition has (the order of the ids
or of the jurors file): they are dealt at random (`secrets`), once per session, and then kept, so
every export of the session uses the same letters (jury_tui.store.anonymity keeps them).

A role is shown next to an anonymous juror only when each role in the jury has at least
`MIN_ROLE_GROUP` members: "Jurylid C (adviserend)" would name the one advisory member outright, and
leaving out only that role would name them by elimination.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable, Mapping

from jury_tui.domain.session import Juror

LETTER_CODE = re.compile(r"[A-Z]{1,3}")
MIN_ROLE_GROUP = 2


def letter_code(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA, … (spreadsheet column style)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def letter_order(code: str) -> tuple[int, str]:
    """Sort key of a letter code: A … Z, AA, AB, …"""
    return (len(code), code)


def assign_letters(juror_ids: Iterable[str], kept: Mapping[str, str] | None = None) -> dict[str, str]:
    """A letter for every juror: those in `kept` keep theirs; the others are dealt the first letters
    not yet used, in a random order."""
    ids = list(dict.fromkeys(juror_ids))
    present = set(ids)
    letters = {juror_id: code for juror_id, code in (kept or {}).items() if juror_id in present}
    used = set(letters.values())
    new = [juror_id for juror_id in ids if juror_id not in letters]
    free: list[str] = []
    index = 0
    while len(free) < len(new):
        code = letter_code(index)
        if code not in used:
            free.append(code)
        index += 1
    secrets.SystemRandom().shuffle(free)
    letters.update(zip(new, free, strict=True))
    return {juror_id: letters[juror_id] for juror_id in ids}


def roles_may_be_shown(jurors: Iterable[Juror]) -> bool:
    """Whether an anonymous export may name each juror's role: every role present has at least
    `MIN_ROLE_GROUP` members (a jury of voting members only is fine: the role tells nothing)."""
    counts: dict[object, int] = {}
    for juror in jurors:
        counts[juror.role] = counts.get(juror.role, 0) + 1
    return all(count >= MIN_ROLE_GROUP for count in counts.values()) or len(counts) == 1
