"""The juror package: one file that sets a juror up — the session and that juror's private key.

`jury-tui package SESSION --for JUROR --out FILE` writes it on the secretariat's machine;
`jury-tui unpack FILE` (or `jury-tui open FILE`) reads it on the juror's. It holds a private key:
whoever has a copy can sign as that juror (docs/security.md).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, ClassVar

from pydantic import Field

from jury_tui.domain.criteria import STRICT, Identifier
from jury_tui.errors import file_error
from jury_tui.formats.files import read_json
from jury_tui.formats.validation import validate
from jury_tui.i18n import t

PACKAGE_FORMAT = "jury-tui/juror-package"
PACKAGE_SCHEMA_VERSION = 1


@dataclass(frozen=True, kw_only=True)
class JurorPackage:
    """`session` is session.json's content as it is; the store checks it as it checks session.json."""

    __pydantic_config__: ClassVar[dict] = STRICT

    format: Annotated[str, Field(pattern=f"^{PACKAGE_FORMAT}$")]
    schema_version: int
    juror_id: Identifier
    private_key: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]  # raw 32 bytes, hex
    session: dict[str, Any]


def package_bytes(session_content: dict, juror_id: str, private_key: bytes) -> bytes:
    data = {
        "format": PACKAGE_FORMAT,
        "schema_version": PACKAGE_SCHEMA_VERSION,
        "juror_id": juror_id,
        "private_key": private_key.hex(),
        "session": session_content,
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def read_package(path: Path) -> JurorPackage:
    data = read_json(path, kind="package")
    if not isinstance(data, dict) or data.get("format") != PACKAGE_FORMAT:
        raise file_error(path, t("package.not_a_package", expected=PACKAGE_FORMAT))
    if data.get("schema_version") != PACKAGE_SCHEMA_VERSION:
        raise file_error(path, t("package.version", found=f"{data.get('schema_version')!r:.20}", expected=PACKAGE_SCHEMA_VERSION))
    return validate(JurorPackage, data, path)
