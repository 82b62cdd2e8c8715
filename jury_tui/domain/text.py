"""Texts that exist in Dutch and, optionally, English."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, ClassVar

from pydantic import Field, StrictStr

from jury_tui.domain.limits import MAX_MOTIVATION, MAX_TEXT


class InvalidValue(ValueError):
    """A broken rule, named by the key of its message in the catalogue and the values it needs.

    The domain speaks no language: the validation layer (jury_tui.errors) words it for the user.
    """

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


# Characters a terminal or an editor would act on instead of showing: C0 controls, DEL, the C1 range
# (0x9b is an 8-bit CSI) and the bidirectional overrides. Refused in every text read, whatever its
# spelling in the file (raw, YAML "\e", TOML/JSON "\u001b"), because every input passes pydantic.
# Checked by pydantic's own (Rust) pattern matcher: a submission holds 175,000 texts at 1000 × 25.
_CONTROL_CLASS = r"\x00-\x08\x0b-\x1f\x7f-\x9f\u{202a}-\u{202e}\u{2066}-\u{2069}"
TEXT_PATTERN = rf"^[^{_CONTROL_CLASS}]*$"  # text over several lines: newline and tab allowed
LINE_PATTERN = rf"^[^\t\n{_CONTROL_CLASS}]*$"  # one line: no newline or tab either

Text = Annotated[str, Field(pattern=TEXT_PATTERN)]
Line = Annotated[str, Field(pattern=LINE_PATTERN)]


def control_character(text: str, *, line: bool = False) -> tuple[int, str] | None:
    """The first character of `text` a Text (or, with `line`, a Line) refuses: (its position from 1,
    its code point as 'U+001B'); None when there is none. For messages, after pydantic said no."""
    found = (_LINE_REFUSES if line else _TEXT_REFUSES).search(text)
    return None if found is None else (found.start() + 1, f"U+{ord(found.group()):04X}")


# The same classes for Python's re (which spells a code point \u202a, not \u{202a}).
CONTROL_CHARACTERS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_TEXT_REFUSES = re.compile(f"[{CONTROL_CHARACTERS}]")
_LINE_REFUSES = re.compile(f"[\t\n{CONTROL_CHARACTERS}]")

def without_control_characters(text: str) -> str:
    """`text` as a Text accepts it: line ends as newlines, every other control character left out.
    For text that is typed or pasted, not read: what a file holds is refused, never changed."""
    return _TEXT_REFUSES.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


Motivation = Annotated[StrictStr, Field(pattern=TEXT_PATTERN, max_length=MAX_MOTIVATION)]
"""A juror's or the chair's motivation (or minority view, or reason), read back as written."""


@dataclass(frozen=True, kw_only=True)
class LocalizedText:
    """A user-facing text; Dutch is required, English falls back to Dutch."""

    __pydantic_config__: ClassVar[dict] = {"extra": "forbid"}

    nl: Annotated[Text, Field(min_length=1, max_length=MAX_TEXT)]
    en: Annotated[Text, Field(max_length=MAX_TEXT)] | None = None

    def __post_init__(self) -> None:
        # Surrounding blanks are no part of a text; a Dutch text of only blanks is no text.
        object.__setattr__(self, "nl", self.nl.strip())
        if self.en is not None:
            object.__setattr__(self, "en", self.en.strip())
        if not self.nl:
            raise InvalidValue("text.blank")

    def get(self, lang: str = "nl") -> str:
        if lang == "en" and self.en:
            return self.en
        return self.nl
