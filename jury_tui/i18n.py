"""User-facing texts in Dutch (default) and English: gettext catalogues in jury_tui/locale.

Every text a user reads goes through `t(key, **values)`. The key is the msgid of
`locale/<lang>/LC_MESSAGES/jury_tui.po`, the msgstr a text with `{name}` placeholders
(str.format). The compiled `.mo` files are committed next to the `.po` files; see
docs/translations.md. The language is chosen once per process (CLI option --lang or JURY_LANG).
"""

from __future__ import annotations

import gettext
import os
from functools import cache
from pathlib import Path

SUPPORTED_LANGUAGES = ("nl", "en")
DOMAIN = "jury_tui"
LOCALE_DIR = Path(__file__).with_name("locale")

_language = os.environ["JURY_LANG"] if os.environ.get("JURY_LANG") in SUPPORTED_LANGUAGES else "nl"


def set_language(lang: str) -> None:
    global _language
    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(lang)
    _language = lang
    # For gettext.gettext (argparse's texts, see install_global_domain): LANGUAGE is the first variable
    # it reads, and the one meant for the language of messages only (number formats stay untouched).
    os.environ["LANGUAGE"] = lang


def language() -> str:
    return _language


@cache
def _catalogue(lang: str) -> gettext.GNUTranslations:
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])  # type: ignore[return-value]


def t(key: str, **values: object) -> str:
    text = _catalogue(_language).gettext(key)
    if text is key:  # gettext hands back the msgid itself when the catalogue has no such key
        raise KeyError(key)
    return text.format(**values) if values else text


def install_global_domain() -> None:
    """Let argparse's own texts ("usage: ", "options", its error messages) come from our catalogue.

    argparse takes no translation object: it calls the module-level `gettext.gettext`, which reads
    the global text domain in the language named by the environment. So our domain becomes the
    global one and `set_language` puts the chosen language in LANGUAGE.
    """
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    set_language(_language)
