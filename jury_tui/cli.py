"""The `jury-tui` command: the app, and every job without the interface for scripting.

Every failure is one clear line on stderr and exit code 2; never a traceback.
"""

from __future__ import annotations

import argparse
import gettext
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from jury_tui import __version__
from jury_tui.errors import JuryError, display_path, os_problem, visible
from jury_tui.formats.spreadsheet import DEFAULT_SEPARATOR, SEPARATORS
from jury_tui.formatting import format_amount
from jury_tui.i18n import (
    SUPPORTED_LANGUAGES,
    install_global_domain,
    language,
    set_language,
    t,
)

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line without the usage, exit 2; argparse's own (translated) format
        line = gettext.gettext("%(prog)s: error: %(message)s\n") % {"prog": self.prog, "message": message}
        self.exit(EXIT_USAGE, visible(line.rstrip("\n")) + "\n")  # an argument may hold control characters


def _common(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument("--data-dir", type=Path, default=default, metavar=t("cli.metavar.folder"), help=t("cli.help.data_dir"))
    parser.add_argument("--lang", choices=SUPPORTED_LANGUAGES, default=default, help=t("cli.help.lang"))


def build_parser() -> argparse.ArgumentParser:
    install_global_domain()  # argparse's own texts ("usage: ", its errors) come from our catalogue
    session, juror, file = t("cli.metavar.session"), t("cli.metavar.juror"), t("cli.metavar.file")
    csv_file = t("cli.metavar.csv_file")
    top = _Parser(add_help=False)
    _common(top)
    # After the subcommand the same options may be given again; SUPPRESS keeps a value given before it.
    common = _Parser(add_help=False)
    _common(common, default=argparse.SUPPRESS)
    parser = _Parser(prog="jury-tui", description=t("cli.description"), parents=[top])
    parser.add_argument("--version", action="version", version=f"jury-tui {__version__}", help=t("cli.help.version"))
    sub = parser.add_subparsers(dest="command", metavar=t("cli.metavar.command"), parser_class=_Parser)

    def command(name: str) -> argparse.ArgumentParser:
        key = name.replace("-", "_")
        return sub.add_parser(name, parents=[common], help=t(f"cli.{key}.help"), description=t(f"cli.{key}.description"))

    demo = command("demo")
    demo.add_argument("--no-open", action="store_true", help=t("cli.demo.no_open"))
    demo.add_argument("--as", dest="juror", metavar=juror, help=t("cli.demo.as"))
    demo.add_argument("--filled", action="store_true", help=f"{t('cli.demo.filled')} {t('cli.demo.filled_advice')}")
    demo.add_argument("--chair", action="store_true", help=t("cli.demo.chair"))
    demo.add_argument("--path-2021", dest="path_2021", action="store_true", help=t("cli.demo.path_2021"))
    demo.add_argument("--out", type=Path, metavar=t("cli.metavar.folder"), help=t("cli.demo.out"))

    new = command("new")
    new.add_argument("session_id", metavar=session, help=t("cli.new.session_id"))
    new.add_argument("--criteria", type=Path, required=True, metavar=file, help=t("cli.new.criteria"))
    new.add_argument("--applications", type=Path, required=True, metavar=t("cli.metavar.folder"), help=t("cli.new.applications"))
    new.add_argument("--jurors", type=Path, required=True, metavar=file, help=t("cli.new.jurors"))
    new.add_argument("--budget", type=float, required=True, metavar="EURO", help=t("cli.new.budget"))
    new.add_argument("--title", metavar=t("cli.metavar.title"), help=t("cli.new.title"))

    show = command("show")
    show.add_argument("session_id", metavar=session)
    show.add_argument("--json", action="store_true", help=t("cli.show.json"))

    open_ = command("open")
    open_.add_argument("session_id", metavar=session, help=t("cli.open.session_or_package"))
    open_.add_argument("--as", dest="juror", metavar=juror, help=t("cli.open.as"))

    package = command("package")
    package.add_argument("session_id", metavar=session)
    package.add_argument("--for", dest="juror", required=True, metavar=juror, help=t("cli.open.as"))
    package.add_argument("--out", type=Path, required=True, metavar=file, help=t("cli.package.out"))

    unpack = command("unpack")
    unpack.add_argument("file", type=Path, metavar=file, help=t("cli.unpack.file"))

    conflicts = command("conflicts")
    conflicts.add_argument("session_id", metavar=session)
    conflicts.add_argument("--as", dest="juror", required=True, metavar=juror)
    group = conflicts.add_mutually_exclusive_group()
    group.add_argument("--set", nargs="+", metavar=t("cli.metavar.application"), help=t("cli.conflicts.set"))
    group.add_argument("--none", action="store_true", help=t("cli.conflicts.none"))

    submit = command("submit")
    submit.add_argument("session_id", metavar=session)
    submit.add_argument("--as", dest="juror", required=True, metavar=juror)
    submit.add_argument("--out", type=Path, metavar=file, help=t("cli.submit.out"))
    submit.add_argument("--incomplete", action="store_true", help=t("cli.submit.incomplete"))

    template = command("template")
    template.add_argument("session_id", metavar=session)
    template.add_argument("--as", dest="juror", required=True, metavar=juror)
    template.add_argument("--out", type=Path, required=True, metavar=csv_file)
    template.add_argument("--sep", choices=SEPARATORS, default=DEFAULT_SEPARATOR, help=t("cli.template.sep"))

    imp = command("import-scores")
    imp.add_argument("session_id", metavar=session)
    imp.add_argument("--as", dest="juror", required=True, metavar=juror)
    imp.add_argument("file", type=Path, metavar=csv_file)

    imp_sub = command("import")
    imp_sub.add_argument("session_id", metavar=session)
    imp_sub.add_argument("files", type=Path, nargs="+", metavar=file, help=t("cli.import.files"))
    imp_sub.add_argument("--take-back", action="store_true", help=t("cli.import.take_back"))
    imp_sub.add_argument("--reason", metavar=t("cli.metavar.reason"), help=t("cli.import.reason"))

    chair = command("chair")
    chair.add_argument("session_id", metavar=session)

    export = command("export")
    export.add_argument("session_id", metavar=session)
    export.add_argument("--pdf", type=Path, nargs="?", const=True, metavar=file, help=t("cli.export.pdf"))
    export.add_argument("--csv", type=Path, nargs="?", const=True, metavar=file, help=t("cli.export.csv"))
    export.add_argument("--xlsx", type=Path, nargs="?", const=True, metavar=file, help=t("cli.export.xlsx"))
    export.add_argument("--names", action="store_true", help=t("cli.export.names"))
    export.add_argument("--strict", action="store_true", help=t("cli.export.strict"))
    export.add_argument("--sep", choices=SEPARATORS, default=DEFAULT_SEPARATOR, help=t("cli.export.sep"))
    export.add_argument("--without-individual", dest="individual", action="store_false", help=t("cli.export.without_individual"))

    letters = command("letters")
    letters.add_argument("session_id", metavar=session)
    letters.add_argument("--out", type=Path, metavar=t("cli.metavar.folder"), help=t("cli.letters.out"))

    check = command("check")
    check.add_argument("files", type=Path, nargs="+", metavar=file)
    check.add_argument("--session", metavar=session, help=t("cli.check.session"))
    return parser


def _data_dir(args: argparse.Namespace) -> Path:
    from jury_tui.store.sessions import default_data_dir

    return args.data_dir if args.data_dir is not None else default_data_dir()


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


def _run_app(app) -> int:
    if not sys.stdout.isatty() or not sys.stdin.isatty():
        raise JuryError(t("cli.no_tty"))
    app.run()
    return app.return_code or 0


def cmd_demo(args: argparse.Namespace) -> int:
    from jury_tui.formats.session_builder import (
        DEMO_SESSION_ID,
        build_demo_session,
        demo_private_keys,
    )
    from jury_tui.store.sessions import (
        load_session,
        session_dir,
        session_exists,
        write_session,
    )

    data_dir = _data_dir(args)
    if args.path_2021 and args.out is not None and args.out.exists() and not args.out.is_dir():
        raise JuryError(t("file.problem", file=display_path(args.out), problem=t("os.not_directory")))
    demo = build_demo_session()
    folder = session_dir(data_dir, DEMO_SESSION_ID)
    if session_exists(data_dir, DEMO_SESSION_ID):
        existing = load_session(data_dir, DEMO_SESSION_ID)
        if existing.fingerprint != demo.fingerprint:
            _err(t("session.demo_changed", id=DEMO_SESSION_ID))
        _out(t("cli.kept", id=DEMO_SESSION_ID, path=display_path(folder)))
    else:
        write_session(data_dir, demo, demo_private_keys(demo))
        _out(t("cli.created", id=DEMO_SESSION_ID, path=display_path(folder)))
    if args.filled or args.path_2021:
        from jury_tui.store.demo_advice import fill_demo_advice
        from jury_tui.store.demo_scores import fill_demo_scores

        session = load_session(data_dir, DEMO_SESSION_ID)
        result = fill_demo_scores(data_dir, session)
        if result.filled:
            _out(t("demo.filled", jurors=", ".join(result.filled)))
        if result.kept:
            _out(t("demo.kept", jurors=", ".join(result.kept)))
        advice = fill_demo_advice(data_dir, session)
        if advice.filled:
            _out(t("demo.advice_filled", count=len(advice.filled), budget=format_amount(session.budget)))
        if advice.kept:
            _out(t("demo.advice_kept", applications=", ".join(advice.kept)))
        if not advice.meeting:
            _out(t("demo.meeting_kept"))
    if args.path_2021:
        return _demo_path_2021(data_dir, load_session(data_dir, DEMO_SESSION_ID), args.out)
    if args.no_open:
        return 0
    if args.chair:
        return cmd_chair(argparse.Namespace(**{**vars(args), "session_id": DEMO_SESSION_ID}))
    if args.juror:
        return _open_juror(data_dir, DEMO_SESSION_ID, args.juror)
    from jury_tui.ui.app import PickerApp

    return _run_app(PickerApp(data_dir, session_id=DEMO_SESSION_ID))


# The budget the Flemish government released for the call in the end (seeds: selected-neighbourhoods-2021.txt).
BUDGET_2021 = 7_600_000


def _demo_path_2021(data_dir: Path, session, out: Path | None) -> int:
    """`demo --path-2021`: the illustrative advice at the call's 4,000,000 euro as the jury sent it
    (PDF), the budget raised to 7,600,000 (the chair's decision; no juror submits again), the
    government's real decision of December 2021 recorded beside it, the advice again with that
    decision, and a letter per application. One line per step. The chair's own budget or
    government record, when different, is kept (docs/demo-data.md)."""
    import dataclasses

    from jury_tui.formats.atomic_file import check_target
    from jury_tui.reports.advice_pdf import write_advice_pdf
    from jury_tui.reports.data_export import build_advice_data, format_date
    from jury_tui.store.anonymity import letters_for_export
    from jury_tui.store.chair_store import ChairStore
    from jury_tui.store.demo_advice import demo_government
    from jury_tui.store.sessions import exports_dir

    folder = out if out is not None else exports_dir(data_dir)
    first = folder / f"advies-{session.id}-budget-{session.budget:.0f}.pdf"
    second = folder / f"advies-{session.id}-budget-{BUDGET_2021}-regering.pdf"
    letters_folder = folder / f"brieven-{session.id}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise JuryError(os_problem(error, folder)) from None
    for path in (first, second):
        check_target(path)  # a target that cannot be written is refused before anything is
    store = ChairStore(data_dir, session)
    government = demo_government()
    letters = letters_for_export(data_dir, session, False)

    def advice(deliberation, decision):
        return build_advice_data(session, store.submissions(), store.decisions(), letters=letters,
                                 deliberation=deliberation, government=decision)

    # 1. The advice as the jury sent it in September 2021: at the call's budget, before any decision.
    sent = advice(dataclasses.replace(store.deliberation(), budget=None), None)
    summary = write_advice_pdf(sent, first)
    _out(t("demo.path.advice", budget=format_amount(sent.budget), path=display_path(first), pages=summary.pages))
    # 2. The budget raised to what the government released.
    current = store.deliberation().budget
    if current is None:
        store.set_budget(BUDGET_2021)
        _out(t("demo.path.budget", old=format_amount(session.budget), new=format_amount(BUDGET_2021)))
    elif current == BUDGET_2021:
        _out(t("demo.path.budget_same", budget=format_amount(current)))
    else:
        _out(t("demo.path.budget_kept", budget=format_amount(current), new=format_amount(BUDGET_2021)))
    # 3. The government's decision of December 2021.
    recorded = store.government()
    if recorded is None or recorded == government:
        store.set_government(government)
        _out(t("demo.path.government", date=format_date(government.decided_on), count=len(government.selected),
               total=format_amount(government.total)))
    else:
        _out(t("demo.path.government_kept"))
    # 4. The advice again, with the government's decision beside it.
    final = advice(store.deliberation(), store.government())
    summary = write_advice_pdf(final, second)
    _out(t("demo.path.advice", budget=format_amount(final.budget), path=display_path(second), pages=summary.pages))
    # 5. A letter per application.
    from jury_tui.reports.letters_pdf import write_letters

    written = write_letters(final, letters_folder)
    _out(t("demo.path.letters", count=len(written), folder=display_path(letters_folder)))
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from jury_tui.domain.canonical import adapter
    from jury_tui.domain.criteria import Identifier
    from jury_tui.errors import value_problem
    from jury_tui.formats.session_builder import build_session
    from jury_tui.store.sessions import session_dir, session_exists, write_session

    data_dir = _data_dir(args)
    try:  # the rule for every id (domain/criteria.py): also a folder name on any laptop
        adapter(Identifier).validate_python(args.session_id)
    except ValidationError as error:
        raise JuryError(t("session.id_problem", id=args.session_id, problem=value_problem(error))) from None
    if args.budget <= 0:
        raise JuryError(t("session.budget"))
    if session_exists(data_dir, args.session_id):
        raise JuryError(t("session.exists", id=args.session_id, path=display_path(session_dir(data_dir, args.session_id))))
    definition, private_keys = build_session(args.session_id, args.criteria, args.applications, args.jurors, args.budget, args.title)
    folder = write_session(data_dir, definition, private_keys)
    _out(t("cli.created", id=args.session_id, path=display_path(folder)))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    import dataclasses

    from jury_tui.store.progress import jurors_progress
    from jury_tui.store.sessions import load_session

    data_dir = _data_dir(args)
    session = load_session(data_dir, args.session_id)
    lang = language()
    progress, problems = jurors_progress(data_dir, session)  # writes nothing
    jurors = [dataclasses.asdict(juror) for juror in progress]
    if args.json:
        payload = {
            "id": session.id,
            "title": session.title,
            "fingerprint": session.fingerprint,
            "budget": session.budget,
            "criteria": [{"id": c.id, "name": c.name.get(lang), "weight": c.weight} for c in session.criteria.criteria],
            "scale": {"min": session.criteria.scale.min, "max": session.criteria.scale.max},
            "applications": [
                {"id": a.id, "municipality": a.municipality, "neighbourhood": a.neighbourhood, "title": a.title,
                 "requested_subsidy": a.requested_subsidy}
                for a in session.applications
            ],
            "jurors": jurors,
        }
        print(visible(json.dumps(payload, ensure_ascii=False, indent=2), lines=True, for_json=True))
        return _report_problems(problems)
    _out(f"{session.title} ({session.id})")
    _out(t("cli.show.summary", fingerprint=session.fingerprint[:16], budget=format_amount(session.budget)))
    _out("")
    _out(t("cli.show.criteria", count=len(session.criteria.criteria), min=session.criteria.scale.min,
           max=session.criteria.scale.max))
    for c in session.criteria.criteria:
        _out(f"  {c.id:<16} {c.name.get(lang)}")
    _out("")
    _out(t("cli.show.applications", count=len(session.applications)))
    for a in session.applications:
        _out(f"  {a.id:<12} {a.municipality:<16} {a.title[:60]}")
    _out("")
    _out(t("cli.show.jurors"))
    for j in jurors:
        role = t(f"role.{j['role']}")
        state = t("progress.summary", done=j["complete"], total=j["to_assess"])
        extra = []
        if j["conflicts"]:
            extra.append(t("cli.show.conflicts", count=len(j["conflicts"])))
        if not j["conflicts_declared"]:
            extra.append(t("cli.show.undeclared"))
        mark = "✓" if j["finished"] and j["conflicts_declared"] else " "
        _out(f" {mark} {j['id']:<12} {role:<15} {state}" + (f"  ({'; '.join(extra)})" if extra else ""))
    return _report_problems(problems)


def _report_problems(problems: list[str]) -> int:
    for line in problems:
        _err(line)
    return EXIT_USAGE if problems else 0


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


def cmd_package(args: argparse.Namespace) -> int:
    from jury_tui.store.packages import write_package

    write_package(_data_dir(args), args.session_id, args.juror, args.out)
    _out(t("package.written", path=display_path(args.out), juror=args.juror))
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    writes = args.set is not None or args.none
    store = _open_store(_data_dir(args), args.session_id, args.juror, read_only=not writes)
    if writes:
        chosen = [] if args.none else args.set
        for application_id in chosen:
            if not store.session.has_application(application_id):
                raise JuryError(t("score.unknown_application", application=application_id))
        store.declare_conflicts(chosen)
        for application_id in chosen:
            if not store.assessment(application_id).scores == {}:
                _err(t("conflicts.scored", application=application_id))
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


def _first_and_more(problems: list[str]) -> str:
    """A list of problems as one line: the first as worded, then how many more there are."""
    more = len(problems) - 1
    if more == 0:
        return problems[0]
    return t("problems.more_one" if more == 1 else "problems.more", first=problems[0], count=more)


def cmd_import_scores(args: argparse.Namespace) -> int:
    from jury_tui.store.juror_store import import_scores

    store = _open_store(_data_dir(args), args.session_id, args.juror)
    try:
        count, changed = import_scores(store, args.file)
    except JuryError as error:
        if len(error.problems) > 1:  # one line: the first problem and how many more (the list stays on the error)
            _err(t("csv.nothing_imported_more", problems=_first_and_more(error.problems)))
            return EXIT_USAGE
        raise
    _out(t("csv.imported", count=count, juror=args.juror, changed=changed))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from jury_tui.formats.checks import check_file

    session = None
    if args.session:
        from jury_tui.store.sessions import load_session

        session = load_session(_data_dir(args), args.session)
    ok = 0
    for path in args.files:
        try:
            kind = check_file(path, session)
        except JuryError as error:
            _err(_first_and_more(error.problems))  # one line per file, however many problems it has
            continue
        ok += 1
        if kind == "submission" and session is None:  # nothing here can say who signed it
            _out(t("check.ok_unverified", file=display_path(path), kind=t(f"check.kind.{kind}")))
        else:
            _out(t("check.ok", file=display_path(path), kind=t(f"check.kind.{kind}")))
    if len(args.files) > 1:
        _out(t("check.summary", ok=ok, total=len(args.files)))
    return 0 if ok == len(args.files) else EXIT_USAGE


def _submission_files(paths: list[Path]) -> list[Path]:
    from jury_tui.formats.files import list_folder

    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = list_folder(path, ".json")  # each file is checked as it is read: a FIFO in it is refused then
            if not found:
                raise JuryError(t("import.none_found", path=display_path(path)))
            files.extend(found)
        else:
            files.append(path)
    return files


def cmd_import(args: argparse.Namespace) -> int:
    from jury_tui.domain.limits import MAX_MOTIVATION
    from jury_tui.domain.text import control_character
    from jury_tui.formatting import format_number
    from jury_tui.store.chair_store import ChairStore
    from jury_tui.store.sessions import load_session

    data_dir = _data_dir(args)
    reason = (args.reason or "").strip()
    if args.take_back and not reason:
        raise JuryError(t("import.take_back_reason"))
    if args.reason is not None and not args.take_back:
        raise JuryError(t("import.reason_without_take_back"))
    if args.take_back:  # the reason is kept in the chair's history: held to the rules of every stored line
        if len(reason) > MAX_MOTIVATION:
            raise JuryError(t("import.reason_refused", problem=t("field.too_long_text", limit=format_number(MAX_MOTIVATION))))
        if (found := control_character(reason, line=True)) is not None:
            raise JuryError(t("import.reason_refused",
                              problem=t("field.control_character", position=found[0], character=found[1])))
    store = ChairStore(data_dir, load_session(data_dir, args.session_id))
    failed = 0
    paths = _submission_files(args.files)
    if args.take_back and len(paths) != 1:
        raise JuryError(t("import.take_back_one"))
    for path, result in zip(paths, store.import_submissions(paths, reason if args.take_back else None), strict=True):
        if isinstance(result, JuryError):
            _err(result.message)
            failed += 1
            continue
        _out(t(f"import.{result.status}", file=display_path(path), juror=result.juror_id, count=result.changed_scores,
               sequence=result.sequence))
    return EXIT_USAGE if failed else 0


def cmd_chair(args: argparse.Namespace) -> int:
    from jury_tui.store.chair_store import ChairStore
    from jury_tui.store.sessions import load_session

    data_dir = _data_dir(args)
    session = load_session(data_dir, args.session_id)
    store = ChairStore(data_dir, session)
    store.submissions()  # reports a damaged file before the screen opens; the app keeps what it read
    from jury_tui.ui.chair.app import ChairApp

    return _run_app(ChairApp(data_dir, session, store))


def cmd_export(args: argparse.Namespace) -> int:
    from jury_tui.formats.atomic_file import check_target
    from jury_tui.reports.advice_pdf import write_advice_pdf
    from jury_tui.reports.data_export import build_advice_data, write_csv, write_xlsx
    from jury_tui.store.anonymity import letters_for_export
    from jury_tui.store.chair_store import ChairStore
    from jury_tui.store.sessions import exports_dir, load_session

    data_dir = _data_dir(args)
    session = load_session(data_dir, args.session_id)
    wanted = {"pdf": args.pdf, "csv": args.csv, "xlsx": args.xlsx}
    if not any(wanted.values()):
        wanted = dict.fromkeys(wanted, True)
    defaults = {
        "pdf": exports_dir(data_dir) / f"advies-{session.id}.pdf",
        "csv": exports_dir(data_dir) / f"scores-{session.id}.csv",
        "xlsx": exports_dir(data_dir) / f"scores-{session.id}.xlsx",
    }
    targets = {kind: (defaults[kind] if value is True else value) for kind, value in wanted.items() if value}
    for path in targets.values():
        if path.is_dir():
            raise JuryError(t("submission.out_exists_dir", path=display_path(path)))
        check_target(path)  # a target that cannot be written is refused before anything is
    store = ChairStore(data_dir, session)
    submissions, decisions = store.submissions(), store.decisions()
    letters = letters_for_export(data_dir, session, args.names)  # the same in every export of the session
    data = build_advice_data(session, submissions, decisions, letters=letters,
                             deliberation=store.deliberation(), government=store.government())
    refused = None
    if "pdf" in targets:
        try:
            summary = write_advice_pdf(data, targets["pdf"], names=args.names, strict=args.strict, individual=args.individual)
            _out(t("export.pdf_written", path=display_path(targets["pdf"]), pages=summary.pages, missing=summary.missing))
        except JuryError as error:  # as in the app: the data files hold no consensus, so they still follow
            refused = error
    if "csv" in targets:
        rows = write_csv(data, targets["csv"], names=args.names, separator=args.sep, individual=args.individual)
        _out(t("export.data_written", path=display_path(targets["csv"]), rows=rows))
    if "xlsx" in targets:
        rows = write_xlsx(data, targets["xlsx"], names=args.names, individual=args.individual)
        _out(t("export.data_written", path=display_path(targets["xlsx"]), rows=rows))
    if refused is not None:
        _err(refused.message)
        return EXIT_USAGE
    return 0


def cmd_letters(args: argparse.Namespace) -> int:
    """One letter per applicant (reports/letters_pdf.py); refused while the advice is incomplete."""
    from jury_tui.reports.data_export import build_advice_data
    from jury_tui.reports.letters_pdf import write_letters
    from jury_tui.store.chair_store import ChairStore
    from jury_tui.store.sessions import exports_dir, load_session

    data_dir = _data_dir(args)
    session = load_session(data_dir, args.session_id)
    out = args.out if args.out is not None else exports_dir(data_dir) / f"brieven-{session.id}"
    if out.exists() and not out.is_dir():
        raise JuryError(t("cli.letters.not_a_folder", path=display_path(out)))
    store = ChairStore(data_dir, session)
    # Anonymous letters are dealt but never printed: the letters name no juror at all.
    data = build_advice_data(session, store.submissions(), store.decisions(),
                             deliberation=store.deliberation(), government=store.government())
    paths = write_letters(data, out)
    _out(t("cli.letters.written", count=len(paths), path=display_path(out)))
    return 0


def cmd_picker(args: argparse.Namespace) -> int:
    from jury_tui.ui.app import PickerApp

    return _run_app(PickerApp(_data_dir(args)))


COMMANDS = {
    None: cmd_picker,
    "demo": cmd_demo,
    "new": cmd_new,
    "show": cmd_show,
    "open": cmd_open,
    "package": cmd_package,
    "unpack": cmd_unpack,
    "conflicts": cmd_conflicts,
    "submit": cmd_submit,
    "template": cmd_template,
    "import-scores": cmd_import_scores,
    "check": cmd_check,
    "import": cmd_import,
    "export": cmd_export,
    "letters": cmd_letters,
    "chair": cmd_chair,
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    for position, token in enumerate(argv):  # early, so that --help is already in that language
        value = token.split("=", 1)[1] if token.startswith("--lang=") else (
            argv[position + 1] if token == "--lang" and position + 1 < len(argv) else None)
        if value in SUPPORTED_LANGUAGES:
            set_language(value)
    args = build_parser().parse_args(argv)
    if getattr(args, "lang", None):  # --lang=en, or --lang after the subcommand
        set_language(args.lang)
    try:
        return COMMANDS[args.command](args)
    except JuryError as error:
        _err(error.message)
        return EXIT_USAGE
    except KeyboardInterrupt:
        _err(t("cli.interrupted"))
        return 130
    except BrokenPipeError:  # `jury-tui show … | head`: the reader left, nothing to report
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as error:  # no access, disk full, read-only, a file where a folder belongs: the user's to fix
        _err(os_problem(error))
        return EXIT_USAGE
    except Exception as error:  # last resort: one line, never a traceback
        _err(t("cli.unexpected", detail=f"{type(error).__name__}: {error}"))
        return 1


if __name__ == "__main__":
    sys.exit(main())
