"""The juror's commands: open, unpack, conflicts, template, import-scores, submit."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jury_tui.cli.common import (
    EXIT_USAGE,
    _data_dir,
    _err,
    _first_and_more,
    _open_store,
    _out,
    _refused_while_app_open,
    _run_app,
)
from jury_tui.errors import JuryError, display_path
from jury_tui.i18n import language, t


def _open_juror(data_dir: Path, session_id: str, juror_id: str) -> int:
    store = _open_store(data_dir, session_id, juror_id)  # reports a damaged file before the screen opens
    from jury_tui.ui.app import JurorApp

    return _run_app(JurorApp(data_dir, store.session, juror_id))


def cmd_open(args: argparse.Namespace) -> int:
    if args.juror is not None:
        return _open_juror(_data_dir(args), args.session_id, args.juror)
    from jury_tui.store.packages import unpack
    from jury_tui.store.sessions import session_exists

    path = Path(args.session_id)
    if not path.exists() and session_exists(_data_dir(args), args.session_id):
        raise JuryError(t("package.open_needs_as", id=args.session_id))
    unpack(_data_dir(args), path, write=False)  # the package's problems first, then the terminal's
    if not sys.stdout.isatty() or not sys.stdin.isatty():  # before unpacking: a refused command writes nothing
        raise JuryError(t("cli.no_tty"))
    unpacked = _unpack(_data_dir(args), path)
    return _open_juror(_data_dir(args), unpacked.session.id, unpacked.juror_id)


def _unpack(data_dir: Path, path: Path):
    from jury_tui.store.packages import unpack

    unpacked = unpack(data_dir, path)
    key = "package.unpacked" if unpacked.session_created or unpacked.key_written else "package.already_unpacked"
    _out(t(key, juror=unpacked.juror_id, id=unpacked.session.id, path=display_path(data_dir)))
    return unpacked


def cmd_unpack(args: argparse.Namespace) -> int:
    _unpack(_data_dir(args), args.file)
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    from jury_tui.store.conflicts import hidden_work

    writes = args.set is not None or args.none
    store = _open_store(_data_dir(args), args.session_id, args.juror, read_only=not writes)
    if writes:
        chosen = [] if args.none else args.set
        for application_id in chosen:
            if not store.session.has_application(application_id):
                raise JuryError(t("score.unknown_application", application=application_id))
        before = store.conflicts
        with _refused_while_app_open(store, "conflicts", store.folder / "juror.json"):
            store.declare_conflicts(chosen)
        # The same warning as the app's conflicts screen, for the conflicts declared now (not those already standing).
        for hidden in hidden_work(store, set(chosen) - before):
            _err(hidden.line)
    if not store.conflicts_declared:
        _out(t("conflicts.undeclared", juror=args.juror))
    elif store.conflicts:
        _out(t("conflicts.list", juror=args.juror, ids=", ".join(sorted(store.conflicts))))
    else:
        _out(t("conflicts.none", juror=args.juror))
    return 0


def cmd_submit(args: argparse.Namespace) -> int:
    from jury_tui.store.sessions import default_submission_path
    from jury_tui.store.submitting import write_submission

    data_dir = _data_dir(args)
    store = _open_store(data_dir, args.session_id, args.juror)
    out = args.out or default_submission_path(data_dir, args.session_id, args.juror)
    with _refused_while_app_open(store, "submit", out):
        submission = write_submission(store, out, allow_incomplete=args.incomplete)
    state = t("status.complete") if submission.complete else t("submission.partial")
    _out(t("submission.written", path=display_path(out), state=state, checksum=submission.checksum[:12]))
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from jury_tui.formats.scores_csv import write_template

    store = _open_store(_data_dir(args), args.session_id, args.juror)
    rows = write_template(store.session, store.conflicts, store.assessment, args.out, delimiter=args.sep, lang=language())
    _out(t("csv.template_written", rows=rows, path=display_path(args.out)))
    return 0


def cmd_import_scores(args: argparse.Namespace) -> int:
    from jury_tui.store.juror_store import import_scores

    store = _open_store(_data_dir(args), args.session_id, args.juror)
    try:
        with _refused_while_app_open(store, "import-scores", args.file):
            count, changed = import_scores(store, args.file)
    except JuryError as error:
        if len(error.problems) > 1:  # one line: the first problem and how many more (the list stays on the error)
            _err(t("csv.nothing_imported_more", problems=_first_and_more(error.problems)))
            return EXIT_USAGE
        raise
    _out(t("csv.imported", count=count, juror=args.juror, changed=changed))
    return 0
