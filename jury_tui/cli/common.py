"""What every command of `jury-tui` shares: its output lines, the data folder, a juror's store, the app's start."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

from jury_tui.errors import JuryError, display_path, visible
from jury_tui.i18n import t

EXIT_USAGE = 2


def _named_path(text: str) -> Path:
    """A path typed on the command line; an empty one is refused (Path("") would be the current folder)."""
    if not text.strip():
        raise argparse.ArgumentTypeError(t("cli.empty_path"))
    return Path(text)


def _data_dir(args: argparse.Namespace) -> Path:
    from jury_tui.store.sessions import default_data_dir

    return args.data_dir if args.data_dir is not None else default_data_dir()


OUTPUT_OPTIONS = ("out", "pdf", "csv", "xlsx")  # every option naming a file or folder a command writes


def _refuse_outputs_in_store(args: argparse.Namespace) -> None:
    from jury_tui.store.sessions import refuse_output_in_store

    for option in OUTPUT_OPTIONS:
        value = getattr(args, option, None)
        if isinstance(value, Path):
            refuse_output_in_store(_data_dir(args), value)


def _out(line: str) -> None:
    """One line on stdout, shown and never acted on: a text or path may hold control characters."""
    print(visible(line))


def _err(line: str) -> None:
    """One line on stderr, as `_out`."""
    print(visible(line), file=sys.stderr)


def _open_store(data_dir: Path, session_id: str, juror_id: str, read_only: bool = False):
    """The juror's store; `read_only` for a command that only reads it (it then writes nothing at all).
    A writing command is refused at its first write while the juror's app holds the store."""
    from jury_tui.store.juror_store import JurorStore
    from jury_tui.store.sessions import load_session

    session = load_session(data_dir, session_id)
    return JurorStore(data_dir, session, juror_id, read_only=read_only)


@contextlib.contextmanager
def _refused_while_app_open(store, command: str, file: Path) -> Iterator[None]:
    """A write refused because the juror's app holds the store: one line naming the command's file
    (the CSV read, the submission to write, the juror's file) and that nothing changed."""
    from jury_tui.store.juror_store import StoreHeld

    try:
        yield
    except StoreHeld:
        raise JuryError(t("cli.app_open", file=display_path(file), command=command, juror=store.juror_id,
                          session=store.session.id)) from None


def _run_app(app) -> int:
    if not sys.stdout.isatty() or not sys.stdin.isatty():
        raise JuryError(t("cli.no_tty"))
    app.run()
    return app.return_code or 0


def _first_and_more(problems: list[str]) -> str:
    """A list of problems as one line: the first as worded, then how many more there are."""
    more = len(problems) - 1
    if more == 0:
        return problems[0]
    return t("problems.more_one" if more == 1 else "problems.more", first=problems[0], count=more)


def _short(text: str, width: int = 60) -> str:
    """A text on one line, cut to `width` characters, for a summary line."""
    from jury_tui.formatting import DASH

    flat = " ".join(text.split())
    if not flat:
        return DASH
    return flat if len(flat) <= width else flat[: width - 1] + "…"
