"""Reading input files with one clear message for every way they can be wrong."""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jury_tui.domain.canonical import normalize_text
from jury_tui.errors import (
    JuryError,
    display_path,
    file_error,
    has_lone_surrogate,
    json_problem,
    os_problem,
    parser_problem,
    utf8_line,
)
from jury_tui.i18n import t

# Tab, line feed and carriage return belong in text; other C0 controls and DEL do not. Looked for
# in the bytes first (UTF-8 never uses these bytes inside another character, and deleting bytes is
# much faster than the regex over a submission of megabytes), the regex only to find the line.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


MB = 1 << 20

# The most bytes read from each kind of file: above it a file is refused unread. Sized for a call of
# 1000 applications x 25 criteria with long motivations (a submission with 2000 characters per
# motivation is 51 MB, see docs/security.md) with room to spare, and small enough to read in memory.
SIZE_LIMITS = {
    "criteria": 1 * MB,  # criteria TOML
    "jurors": 1 * MB,  # jurors TOML or CSV
    "application": 2 * MB,  # one application's Markdown
    "progress_report": 2 * MB,  # one progress report's Markdown
    "scores": 128 * MB,  # a juror's scores CSV
    "submission": 128 * MB,  # a juror's submission JSON (also as kept by the chair)
    "package": 192 * MB,  # a juror package: the session and the juror's key
    "session": 128 * MB,  # session.json
    "store": 128 * MB,  # a juror's or the chair's stored files (the journal holds a whole import)
    "key": 1 * MB,  # a juror's private key (65 bytes as written)
    "government": 1 * MB,  # the government's decision TOML
}
_KIND_NAMES = {
    "criteria": "size.kind.criteria",
    "government": "size.kind.government",
    "jurors": "size.kind.jurors",
    "application": "size.kind.application",
    "progress_report": "size.kind.progress_report",
    "scores": "size.kind.scores",
    "submission": "size.kind.submission",
    "package": "size.kind.package",
    "session": "size.kind.session",
    "store": "size.kind.store",
    "key": "size.kind.key",
}
# The kind of an input file when the caller does not name it: by its extension, else the largest.
_KIND_BY_SUFFIX = {".toml": "criteria", ".md": "application", ".csv": "scores", ".json": "submission"}

_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "file.special.fifo"),
    (stat.S_ISSOCK, "file.special.socket"),
    (stat.S_ISCHR, "file.special.device"),
    (stat.S_ISBLK, "file.special.device"),
    (stat.S_ISLNK, "file.special.link"),  # seen by lstat only: a target that is a link is not written through
)
# Not blocking on open: a FIFO put in the file's place after the check cannot make the read hang.
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_CHUNK = 1 * MB


def kind_of(path: Path) -> str:
    return _KIND_BY_SUFFIX.get(path.suffix.lower(), "package")


def not_regular(mode: int) -> str | None:
    """The problem with a file of this mode where a plain file is expected, or None."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return t("file.is_directory")
    what = next((key for test, key in _SPECIAL_KINDS if test(mode)), "file.special.other")
    return t("file.not_regular", what=t(what))


def too_large(kind: str) -> str:
    return t("file.too_large", limit=f"{SIZE_LIMITS[kind] / MB:.3g}", kind=t(_KIND_NAMES[kind]))


class FileRefused(Exception):
    """A file that is not read: `problem` says why (without the path)."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def read_limited(path: Path, kind: str) -> bytes:
    """The bytes of the plain file at `path`, at most the limit for `kind`. Refuses (FileRefused)
    before reading anything a FIFO, socket, device, folder, link loop or a file above the limit; a
    file that grows past the limit while read is refused too. Other OS errors are raised as OSError."""
    limit = SIZE_LIMITS[kind]
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise FileRefused(t("file.not_found")) from None
    problem = not_regular(info.st_mode) or (too_large(kind) if info.st_size > limit else None)
    if problem:
        raise FileRefused(problem)
    fd = os.open(path, _READ_FLAGS)
    try:
        info = os.fstat(fd)  # the file opened, which may not be the one checked
        problem = not_regular(info.st_mode) or (too_large(kind) if info.st_size > limit else None)
        if problem:
            raise FileRefused(problem)
        want = min(info.st_size, limit) + 1  # one byte more than expected: a file that grew is seen
        parts = [os.read(fd, want)]
        got = len(parts[0])
        while got <= limit and parts[-1]:  # short reads, and files whose size says nothing (/proc)
            parts.append(os.read(fd, min(_CHUNK, limit + 1 - got)))
            got += len(parts[-1])
    finally:
        os.close(fd)
    if got > limit:
        raise FileRefused(too_large(kind))
    return parts[0] if not any(parts[1:]) else b"".join(parts)


def read_bytes(path: Path, kind: str | None = None) -> bytes:
    """An input file's bytes; `kind` (a key of SIZE_LIMITS) sets the size limit, by default from
    the file's extension. Every problem is a JuryError naming the file."""
    try:
        return read_limited(path, kind or kind_of(path))
    except FileRefused as refused:
        raise file_error(path, refused.problem) from None
    except OSError as error:
        raise JuryError(os_problem(error, path)) from None


def read_text(path: Path, kind: str | None = None) -> str:
    """UTF-8 text (a BOM is allowed), with Unix line ends and NFC normalisation."""
    return decode_text(read_bytes(path, kind), path)


def decode_text(raw: bytes, path: Path) -> str:
    """`raw` (read from `path`) as text, with the same checks and messages as read_text."""
    return normalize_text(checked_text(raw, path))


def checked_text(raw: bytes, path: Path) -> str:
    """`raw` as text as it is (without a BOM): UTF-8, not empty, no control characters."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise line_error(path, utf8_line(raw, error), t("file.not_utf8")) from None
    if not text.strip():
        raise file_error(path, t("file.empty"))
    control = _CONTROL_CHARS.search(text) if len(raw.translate(None, _CONTROL_BYTES)) != len(raw) else None
    if control:
        line = normalize_text(text[: control.start()]).count("\n") + 1
        raise line_error(path, line, t("file.control_chars"))
    return text


def text_fault(raw: bytes) -> tuple[str, str] | None:
    """The first thing checked_text refuses in `raw`: (the text before it, what is wrong), for a
    reader that names the place in its own terms (a spreadsheet's row); None when there is none."""
    body = raw[len(codecs.BOM_UTF8):] if raw.startswith(codecs.BOM_UTF8) else raw
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        return body[: error.start].decode("utf-8"), t("file.not_utf8")
    control = _CONTROL_CHARS.search(text)
    if control:
        return text[: control.start()], t("file.control_chars")
    return None


def line_error(path: Path, line: int, problem: str) -> JuryError:
    return JuryError(t("file.line_problem", file=display_path(path), line=line, problem=problem))


# tomllib ends its messages with "(at line 3, column 7)" or "(at end of document)".
_TOML_POSITION = re.compile(r"^(.*) \(at (?:line (\d+), column (\d+)|end of document)\)$", re.DOTALL)


def _toml_detail(error: tomllib.TOMLDecodeError) -> str:
    match = _TOML_POSITION.match(str(error))
    if not match:
        return parser_problem(error)
    problem = parser_problem(match.group(1))
    if match.group(2) is None:
        return t("parse.end", problem=problem)
    return t("parse.at", line=match.group(2), column=match.group(3), problem=problem)


def _parsed(path: Path, text: str, parse: Callable[[str], Any], kind: str, decode_error: type[ValueError],
            detail: Callable[[Any], str]) -> Any:
    """`parse(text)`, or a JuryError naming `path` with the parser's problem in the user's language."""
    try:
        return parse(text)
    except decode_error as error:
        problem = detail(error)
    except RecursionError:
        problem = t("parse.too_deep")
    except ValueError:  # Python's limit on the digits of a whole number
        problem = t("parse.number_too_long")
    raise file_error(path, t(kind, detail=problem))


def read_toml(path: Path, kind: str | None = None) -> dict[str, Any]:
    return _parsed(path, read_text(path, kind), tomllib.loads, "file.toml", tomllib.TOMLDecodeError, _toml_detail)


class DuplicateKey(json.JSONDecodeError):
    """An object with a key twice: a person reading the file and the program (the last one wins)
    would read it differently."""

    def __init__(self, key: str) -> None:
        super().__init__(key, "", 0)
        self.key = key


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        raise DuplicateKey(next(key for key, _ in pairs if key in seen or seen.add(key)))
    return found


def _json_detail(error: json.JSONDecodeError) -> str:
    if isinstance(error, DuplicateKey):
        return t("file.duplicate_key", name=repr(error.key)[:60])
    return json_problem(error)


def read_json(path: Path, raw: bytes | None = None, kind: str | None = None) -> Any:
    """JSON from `path`; pass `raw` when the bytes were already read, to read the file once. An object
    with a key twice is refused."""
    text = read_text(path, kind) if raw is None else decode_text(raw, path)
    data = _parsed(path, text, lambda text: json.loads(text, object_pairs_hook=unique_keys), "file.json",
                   json.JSONDecodeError, _json_detail)
    if has_lone_surrogate(text, data):
        raise file_error(path, t("file.lone_surrogate"))
    return data


def require_directory(path: Path) -> Path:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise file_error(path, t("file.not_found")) from None
    except OSError as error:
        raise JuryError(os_problem(error, path)) from None
    if not stat.S_ISDIR(info.st_mode):
        raise file_error(path, t("file.not_directory"))
    return path


def list_folder(folder: Path, suffix: str) -> list[Path]:
    """The entries of `folder` whose name ends in `suffix` (any case), hidden ones left out, sorted
    by name. Entries are not opened here: reading each one refuses what is not a plain file, with
    its own line. A folder that cannot be listed is one line naming it."""
    require_directory(folder)
    try:
        with os.scandir(folder) as entries:
            names = [entry.name for entry in entries]
    except OSError as error:
        raise JuryError(os_problem(error, folder)) from None
    return [folder / name for name in sorted(names) if name.lower().endswith(suffix) and not name.startswith(".")]


__all__ = ["SIZE_LIMITS", "JuryError", "list_folder", "read_bytes", "read_json", "read_limited", "read_text", "read_toml",
           "require_directory"]
