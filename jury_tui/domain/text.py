"""Texts that exist in Dutch and, optionally, English."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

SUPPORTED_LANGUAGES = ("nl", "en")


class LocalizedText(BaseModel):
    """A user-facing text; Dutch is required, English falls back to Dutch."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    nl: str = Field(min_length=1)
    en: str | None = None

    @field_validator("nl", "en")
    @classmethod
    def _strip(cls, value: str | None) -> str | None:
        return value.strip() if isinstance(value, str) else value

    def get(self, lang: str = "nl") -> str:
        if lang == "en" and self.en:
            return self.en
        return self.nl

    @classmethod
    def coerce(cls, value: object) -> object:
        """Allow a plain string in data files where no translation is given."""
        if isinstance(value, str):
            return {"nl": value}
        return value
