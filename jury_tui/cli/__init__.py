"""The `jury-tui` command: the app, and every job without the interface for scripting.

Every failure is one clear line on stderr and exit code 2; never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import gettext
import json
import os
import sys
from collections.abc import Iterator, Sequence
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
from jury_tui.reports.open_points import amount_text, score_text

EXIT_USAGE = 2

# The chair's recommendation as typed on the command line (`decide --recommendation`).
RECOMMENDATION_WORDS = {"selecteren": "select", "reserve": "reserve", "niet-selecteren": "reject"}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line without the usage, exit 2; argparse's own (translated) format
        line = gettext.gettext("%(prog)s: error: %(message)s\n") % {"prog": self.prog, "message": message}
        self.exit(EXIT_USAGE, visible(line.rstrip("\n")) + "\n")  # an argument may hold control characters


def _named_path(text: str) -> Path:
    """A path typed on the command line; an empty one is refused (Path("") would be the current folder)."""
    if not text.strip():
        raise argparse.ArgumentTypeError(t("cli.empty_path"))
    return Path(text)


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
    demo.add_argument("--out", type=_named_path, metavar=t("cli.metavar.folder"), help=t("cli.demo.out"))

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
    package.add_argument("--out", type=_named_path, required=True, metavar=file, help=t("cli.package.out"))

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
    submit.add_argument("--out", type=_named_path, metavar=file, help=t("cli.submit.out"))
    submit.add_argument("--incomplete", action="store_true", help=t("cli.submit.incomplete"))

    template = command("template")
    template.add_argument("session_id", metavar=session)
    template.add_argument("--as", dest="juror", required=True, metavar=juror)
    template.add_argument("--out", type=_named_path, required=True, metavar=csv_file)
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
    letters.add_argument("--out", type=_named_path, metavar=t("cli.metavar.folder"), help=t("cli.letters.out"))

    check = command("check")
    check.add_argument("files", type=Path, nargs="+", metavar=file)
    check.add_argument("--session", metavar=session, help=t("cli.check.session"))

    # --- the chair from the command line (issue 13): same rules and errors as the app -----------
    application, text = t("cli.metavar.application"), t("cli.metavar.text")

    def chair_command(name: str, help_text: str, description: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[common], help=help_text, description=description)

    consensus = chair_command("consensus", t("cli.consensus.help"), t("cli.consensus.description"))
    consensus.add_argument("session_id", metavar=session)
    consensus.add_argument("application_id", metavar=application)
    consensus.add_argument("criterion_id", metavar=t("cli.metavar.criterion"))
    score = consensus.add_mutually_exclusive_group()
    score.add_argument("--score", type=int, metavar="N", help=t("cli.consensus.score"))
    score.add_argument("--clear-score", action="store_true", help=t("cli.consensus.clear_score"))
    consensus.add_argument("--motivation", metavar=text, help=t("cli.consensus.motivation"))
    consensus.add_argument("--minority", metavar=text, help=t("cli.consensus.minority"))

    decide = chair_command("decide", t("cli.decide.help"), t("cli.decide.description"))
    decide.add_argument("session_id", metavar=session)
    decide.add_argument("application_id", metavar=application)
    decide.add_argument("--recommendation", choices=list(RECOMMENDATION_WORDS), help=t("cli.decide.recommendation"))
    amount = decide.add_mutually_exclusive_group()
    amount.add_argument("--amount", metavar="EURO", help=t("cli.decide.amount"))
    amount.add_argument("--no-amount", action="store_true", help=t("cli.decide.no_amount"))
    decide.add_argument("--motivation", metavar=text, help=t("cli.decide.motivation"))
    decide.add_argument("--hearing", metavar=text, help=t("cli.decide.hearing"))
    decide.add_argument("--conditions", metavar=text, help=t("cli.decide.conditions"))
    decide.add_argument("--rank-motivation", metavar=text, help=t("cli.decide.rank_motivation"))

    budget = chair_command("budget", t("cli.budget.help"), t("cli.budget.description"))
    budget.add_argument("session_id", metavar=session)
    setting = budget.add_mutually_exclusive_group()
    setting.add_argument("euros", nargs="?", metavar="EURO", help=t("cli.budget.euros"))
    setting.add_argument("--reset", action="store_true", help=t("cli.budget.reset"))
    setting.add_argument("--compare", nargs="+", metavar="EURO", help=t("cli.budget.compare"))

    tie = chair_command("tie", t("cli.tie.help"), t("cli.tie.description"))
    tie.add_argument("session_id", metavar=session)
    tie.add_argument("application_ids", nargs="+", metavar=application, help=t("cli.tie.applications"))
    order = tie.add_mutually_exclusive_group(required=True)
    order.add_argument("--motivation", metavar=text, help=t("cli.tie.motivation"))
    order.add_argument("--clear", action="store_true", help=t("cli.tie.clear"))

    meeting = chair_command("meeting", t("cli.meeting.help"), t("cli.meeting.description"))
    meeting.add_argument("session_id", metavar=session)
    meeting.add_argument("--date", metavar=t("cli.metavar.date"), help=t("cli.meeting.date"))
    meeting.add_argument("--chair", metavar=t("cli.metavar.name"), help=t("cli.meeting.chair"))
    meeting.add_argument("--attended", metavar="ID,ID", help=t("cli.meeting.attended"))
    meeting.add_argument("--others", nargs="*", metavar=t("cli.metavar.name"), help=t("cli.meeting.others"))
    meeting.add_argument("--notes", metavar=text, help=t("cli.meeting.notes"))

    undo = chair_command("undo", t("cli.undo.help"), t("cli.undo.description"))
    undo.add_argument("session_id", metavar=session)
    undo.add_argument("application_id", nargs="?", metavar=application, help=t("cli.undo.application"))

    advice = chair_command("advice", t("cli.advice.help"), t("cli.advice.description"))
    advice.add_argument("session_id", metavar=session)
    advice.add_argument("--json", action="store_true", help=t("cli.advice.json"))

    government = chair_command("government", t("cli.government.help"), t("cli.government.description"))
    government.add_argument("session_id", metavar=session)
    government.add_argument("file", type=Path, metavar=file, help=t("cli.government.file"))
    # --- end of the chair from the command line ---------------------------------------------------
    return parser


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
    store = ChairStore(data_dir, session)
    raised = store.deliberation().budget or BUDGET_2021  # a budget the chair set differently is kept (step 2)
    first = folder / f"advies-{session.id}-budget-{session.budget:.0f}.pdf"
    second = folder / f"advies-{session.id}-budget-{raised:.0f}-regering.pdf"
    letters_folder = folder / f"brieven-{session.id}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise JuryError(os_problem(error, folder)) from None
    for path in (first, second):
        check_target(path)  # a target that cannot be written is refused before anything is
    government = demo_government(session)
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

    from jury_tui.store.chair_store import read_deliberation
    from jury_tui.store.progress import jurors_progress
    from jury_tui.store.sessions import load_session

    data_dir = _data_dir(args)
    session = load_session(data_dir, args.session_id)
    lang = language()
    progress, problems = jurors_progress(data_dir, session)  # writes nothing
    jurors = [dataclasses.asdict(juror) for juror in progress]
    chair_budget = read_deliberation(data_dir, session).budget  # the budget in force: the chair's when set
    if args.json:
        payload = {
            "id": session.id,
            "title": session.title,
            "fingerprint": session.fingerprint,
            "budget": session.budget,
            "budget_in_force": chair_budget if chair_budget is not None else session.budget,
            "budget_set_by": "chair" if chair_budget is not None else "session",
            "criteria": [{"id": c.id, "name": c.name.get(lang), "weight": c.weight} for c in session.criteria.criteria],
            "scale": {"min": session.criteria.scale.min, "max": session.criteria.scale.max},
            "applications": [
                {"id": a.id, "municipality": a.municipality, "neighbourhood": a.neighbourhood, "title": a.title,
                 "requested_subsidy": a.requested_subsidy, "partners": list(a.partners)}
                for a in session.applications
            ],
            "jurors": jurors,
        }
        print(visible(json.dumps(payload, ensure_ascii=False, indent=2), lines=True, for_json=True))
        return _report_problems(problems)
    _out(f"{session.title} ({session.id})")
    in_force = chair_budget if chair_budget is not None else session.budget
    label = (t("cli.show.budget_chair", session=format_amount(session.budget)) if chair_budget is not None
             else t("cli.show.budget_session"))
    _out(t("cli.show.summary", fingerprint=session.fingerprint[:16], budget=format_amount(in_force)) + "  " + label)
    _out("")
    _out(t("cli.show.criteria", count=len(session.criteria.criteria), min=session.criteria.scale.min,
           max=session.criteria.scale.max))
    for c in session.criteria.criteria:
        _out(f"  {c.id:<16} {c.name.get(lang)}")
    _out("")
    _out(t("cli.show.applications", count=len(session.applications)))
    for a in session.applications:
        _out(f"  {a.id:<12} {a.municipality:<16} {_short(a.title)}")
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
        if j["submission_unknown"]:
            extra.append(t("cli.show.submission_unknown"))
        elif j["submitted_sequence"] is not None:
            extra.append(_submitted_text(j["submitted_sequence"], j["submitted_at"]))
            if j["changed_since_submitted"]:
                extra.append(t("cli.show.changed_since"))
        mark = "✓" if j["finished"] and j["conflicts_declared"] else " "
        _out(f" {mark} {j['id']:<12} {role:<15} {state}" + (f"  ({'; '.join(extra)})" if extra else ""))
    return _report_problems(problems)


def _submitted_text(sequence: int, submitted_at: str | None) -> str:
    """'ingediend 05-12-2026 14:32 (nr. 2)', in the local time."""
    import datetime as dt

    if submitted_at is None:
        return t("cli.show.submitted_number", sequence=sequence)
    moment = dt.datetime.fromisoformat(submitted_at).astimezone()
    return t("cli.show.submitted", time=moment.strftime(t("format.datetime")), sequence=sequence)


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
        with _refused_while_app_open(store, "import-scores", args.file):
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
    import dataclasses

    from jury_tui.formats.atomic_file import check_target
    from jury_tui.reports.advice_pdf import refusal, write_advice_pdf
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
    data = build_advice_data(session, submissions, decisions, deliberation=store.deliberation(), government=store.government())
    if args.strict and (message := refusal(data)) is not None:
        raise JuryError(message)  # nothing leaves (the data files carry the advice too), and nothing is written
    # The letters are dealt and kept by the first export that is written: the same in every later one.
    if (letters := letters_for_export(data_dir, session, args.names)) is not None:
        data = dataclasses.replace(data, letters=letters)
    if "pdf" in targets:
        summary = write_advice_pdf(data, targets["pdf"], names=args.names, individual=args.individual)
        _out(t("export.pdf_written", path=display_path(targets["pdf"]), pages=summary.pages, missing=summary.missing))
    if "csv" in targets:
        rows = write_csv(data, targets["csv"], names=args.names, separator=args.sep, individual=args.individual)
        _out(t("export.data_written", path=display_path(targets["csv"]), rows=rows))
    if "xlsx" in targets:
        rows = write_xlsx(data, targets["xlsx"], names=args.names, individual=args.individual)
        _out(t("export.data_written", path=display_path(targets["xlsx"]), rows=rows))
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


# --- the chair from the command line (issue 13) ---------------------------------------------------
# Every change goes through the chair's store, as in the app: the store refuses what the app refuses
# and holds every text to the rules of a stored text. Options are checked before the first write, so
# a refused command changes nothing.


def _chair_store(args: argparse.Namespace):
    from jury_tui.store.chair_store import ChairStore
    from jury_tui.store.sessions import load_session

    data_dir = _data_dir(args)
    return ChairStore(data_dir, load_session(data_dir, args.session_id))


def _advice_data(store):
    """Everything the advice is made of, as the export builds it (no juror letters: nothing here names jurors)."""
    from jury_tui.reports.data_export import build_advice_data

    return build_advice_data(store.session, store.submissions(), store.decisions(), deliberation=store.deliberation(),
                             government=store.government())


def _option_problem(option: str, problem: str) -> JuryError:
    return JuryError(t("cli.option_problem", option=option, problem=problem))


def _motivation(option: str, value: str | None) -> str | None:
    """A text option held to the rules of a stored motivation before anything is written."""
    from jury_tui.formats.validation import motivation_problem

    if value is not None and (problem := motivation_problem(value)) is not None:
        raise _option_problem(option, problem)
    if value is not None and not value.strip():
        return ""  # only spaces: the text is cleared, never stored as if something were written
    return value


def _name(option: str, value: str) -> str:
    """A name on one line (the meeting's chair, others present), held to the rules of a stored name."""
    from jury_tui.domain.limits import MAX_NAME
    from jury_tui.domain.text import control_character
    from jury_tui.formatting import format_number

    value = value.strip()
    if len(value) > MAX_NAME:
        raise _option_problem(option, t("field.too_long_text", limit=format_number(MAX_NAME)))
    if (found := control_character(value, line=True)) is not None:
        raise _option_problem(option, t("field.control_character", position=found[0], character=found[1]))
    return value


def _euros(option: str, text: str) -> float:
    """An amount as typed: 750000, 750.000 or 750 000 (thousands), 750000,50 (cents); see formatting.parse_amount."""
    from jury_tui.formatting import parse_amount

    try:
        amount = parse_amount(text)
    except ValueError:
        amount = None
    if amount is None:
        raise _option_problem(option, t("cli.amount_invalid", text=text))
    return amount


def _application_name(session, application_id: str) -> str:
    from jury_tui.reports.open_points import application_name

    return application_name(session, application_id)


def _short(text: str, width: int = 60) -> str:
    """A text on one line, cut to `width` characters, for a summary line."""
    from jury_tui.formatting import DASH

    flat = " ".join(text.split())
    if not flat:
        return DASH
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _open_points_line(store, data, application_id: str) -> None:
    """What is still open for one application, or that nothing is."""
    from jury_tui.reports.open_points import application_line

    points = data.gaps.applications.get(application_id)
    if points:
        _out(t("cli.still_open", what=application_line(store.session, application_id, points, data.ranked(application_id).votes)))
    else:
        _out(t("cli.nothing_open", application=_application_name(store.session, application_id)))


def cmd_consensus(args: argparse.Namespace) -> int:
    store = _chair_store(args)
    session = store.session
    if not session.has_application(args.application_id):
        raise JuryError(t("score.unknown_application", application=args.application_id))
    if args.criterion_id not in session.criteria.criterion_ids:
        raise JuryError(t("score.unknown_criterion_of", criterion=args.criterion_id,
                          choices=", ".join(session.criteria.criterion_ids)))
    scale = session.criteria.scale
    if args.score is not None and not scale.contains(args.score):
        raise JuryError(t("score.off_scale", score=args.score, min=scale.min, max=scale.max))
    motivation = _motivation("--motivation", args.motivation)
    minority = _motivation("--minority", args.minority)
    if args.clear_score:
        store.clear_consensus_score(args.application_id, args.criterion_id)
    if args.score is not None or motivation is not None or minority is not None:
        store.set_consensus(args.application_id, args.criterion_id, score=args.score, motivation=motivation,
                            minority_view=minority)
    consensus = store.decision(args.application_id).get(args.criterion_id)
    _out(t("cli.consensus.state", application=_application_name(session, args.application_id),
           criterion=session.criteria.criterion(args.criterion_id).name.get(language()),
           score=score_text(consensus.score), motivation=_short(consensus.motivation),
           minority=_short(consensus.minority_view)))
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    from jury_tui.domain.consensus import Recommendation
    from jury_tui.reports.data_export import recommendation_text
    from jury_tui.reports.open_points import amount_cleared_note

    store = _chair_store(args)
    session = store.session
    application_id = args.application_id
    before = store.decision(application_id)  # refuses an unknown application
    changes: dict = {}
    if args.recommendation is not None:
        changes["recommendation"] = Recommendation(RECOMMENDATION_WORDS[args.recommendation])
    if args.amount is not None:
        changes["amount"] = _euros("--amount", args.amount)
    elif args.no_amount:
        changes["amount"] = None
    for option, field, value in (("--motivation", "overall_motivation", args.motivation), ("--hearing", "hearing", args.hearing),
                                 ("--conditions", "conditions", args.conditions),
                                 ("--rank-motivation", "rank_motivation", args.rank_motivation)):
        if (text := _motivation(option, value)) is not None:
            changes[field] = text
    decision = store.update_decision(application_id, **changes)  # one change: one step for `undo`
    if (note := amount_cleared_note(before, decision)) is not None:
        _out(note)
    _out(t("cli.decide.state", application=_application_name(session, application_id),
           recommendation=recommendation_text(decision.recommendation), amount=amount_text(decision.advised_amount)))
    _open_points_line(store, _advice_data(store), application_id)
    return 0


def _budget_line(store) -> str:
    chair = store.deliberation().budget
    if chair is None:
        return t("cli.budget.of_session", budget=format_amount(store.session.budget))
    return t("cli.budget.of_chair", budget=format_amount(chair), session=format_amount(store.session.budget))


def _scenario_ranking(data):
    """The ranking the scenarios are drawn from, and whether it is provisional: before every consensus
    score is set, the missing ones are filled in with the suggested scores (never stored)."""
    from jury_tui.domain.advice import eligibility_at_advice
    from jury_tui.domain.eligibility import overall_outcome
    from jury_tui.domain.ranking import provisional_decisions, rank, voting_counts

    session = data.session
    if not any(data.decision(a.id).get(cid).score is None for a in session.applications for cid in session.criteria.criterion_ids):
        return data.ranking, False
    filled = provisional_decisions(session.criteria, data.decisions, data.aggregates)
    outcomes = {aid: overall_outcome(checks) for aid, checks in eligibility_at_advice(session, filled).items()}
    ranking = rank(session, filled, outcomes, votes=voting_counts(data.aggregates), tie_orders=data.deliberation.tie_orders)
    return ranking, True


def _names(session, application_ids) -> str:
    from jury_tui.formatting import DASH

    return ", ".join(_application_name(session, aid) for aid in application_ids) or DASH


def _print_scenarios(store, budgets: list[float]) -> None:
    from jury_tui.domain.ranking import scenario

    data = _advice_data(store)
    session = store.session
    ranking, provisional = _scenario_ranking(data)
    if provisional:
        _out(t("cli.budget.provisional"))
    weights = [criterion.weight for criterion in session.criteria.criteria]
    from jury_tui.domain.consensus import rejected

    scenarios = [scenario(ranking, budget, weights, rejected(data.decisions)) for budget in budgets]
    # Side by side first: one column per budget.
    width = max(16, *(len(format_amount(s.budget)) + 2 for s in scenarios))
    label_width = max(len(t("cli.budget.row_by_rank")), len(t("cli.budget.row_best_fit")), len(t("cli.budget.row_reserve")))
    _out(" " * label_width + "".join(f"{format_amount(s.budget):>{width}}" for s in scenarios))
    for label, values in (
        (t("cli.budget.row_by_rank"), [f"{len(s.by_rank.selected)} · {format_amount(s.by_rank.total_amount)}" for s in scenarios]),
        (t("cli.budget.row_best_fit"), [f"{len(s.best_fit.selected)} · {format_amount(s.best_fit.total_amount)}" for s in scenarios]),
        (t("cli.budget.row_reserve"), [str(len(s.reserve)) for s in scenarios]),
    ):
        _out(f"{label:<{label_width}}" + "".join(f"{value:>{width}}" for value in values))
    for found in scenarios:
        _out("")
        _out(t("cli.budget.scenario", budget=format_amount(found.budget)))
        for key, proposal, passed_key in (("cli.budget.by_rank", found.by_rank, "cli.budget.skips"),
                                          ("cli.budget.best_fit", found.best_fit, "proposal.leaves_out")):
            _out("  " + t(key, count=len(proposal.selected), total=format_amount(proposal.total_amount),
                          rest=format_amount(proposal.remaining), names=_names(session, proposal.selected)))
            if proposal.passed_over:
                _out("    " + t(passed_key, names=_names(session, proposal.passed_over)))
        if not found.reserve:
            _out("  " + t("cli.budget.no_reserve"))
            continue
        _out("  " + t("cli.budget.reserve"))
        for position, entry in enumerate(found.reserve, start=1):
            _out("    " + t("cli.budget.reserve_entry", position=position, name=_application_name(session, entry.application_id),
                            amount=format_amount(entry.amount), cumulative=format_amount(entry.cumulative)))


def cmd_budget(args: argparse.Namespace) -> int:
    store = _chair_store(args)
    if args.compare:
        budgets = [_euros("--compare", text) for text in args.compare]
        if any(budget <= 0 for budget in budgets):
            raise JuryError(t("session.budget"))
        _print_scenarios(store, budgets)
        return 0
    if args.reset:
        store.set_budget(None)
    elif args.euros is not None:
        store.set_budget(_euros("EURO", args.euros))
    _out(_budget_line(store))
    return 0


def cmd_tie(args: argparse.Namespace) -> int:
    from jury_tui.domain.ranking import ties

    store = _chair_store(args)
    session = store.session
    for application_id in args.application_ids:
        if not session.has_application(application_id):
            raise JuryError(t("score.unknown_application", application=application_id))
    if len(set(args.application_ids)) != len(args.application_ids) or len(args.application_ids) < 2:
        raise JuryError(t("chair.tie_group"))
    motivation = _motivation("--motivation", args.motivation)
    groups = ties(_advice_data(store).ranking)
    wanted = set(args.application_ids)
    if not any(set(group) == wanted for group in groups):
        from jury_tui.formatting import DASH

        found = "; ".join(", ".join(group) for group in groups) or DASH
        raise JuryError(t("cli.tie.not_tied", ids=", ".join(args.application_ids), groups=found))
    if args.clear:
        if store.deliberation().tie_order_for(wanted) is None:
            _out(t("cli.tie.none_set", ids=", ".join(args.application_ids)))
            return 0
        store.set_tie_order(args.application_ids, None)
        _out(t("cli.tie.cleared", ids=", ".join(args.application_ids)))
        return 0
    store.set_tie_order(args.application_ids, motivation)
    _out(t("cli.tie.set", order=" > ".join(_application_name(session, aid) for aid in args.application_ids)))
    return 0


def cmd_meeting(args: argparse.Namespace) -> int:
    import dataclasses
    import datetime as dt

    from jury_tui.formatting import DASH
    from jury_tui.reports.data_export import format_date

    store = _chair_store(args)
    current = store.deliberation().meeting
    changes: dict = {}
    if args.date is not None:
        if not args.date.strip():
            changes["held_on"] = None
        else:
            try:
                changes["held_on"] = dt.date.fromisoformat(args.date.strip())
            except ValueError:
                raise _option_problem("--date", t("cli.date_invalid", text=args.date)) from None
            if len(args.date.strip()) != 10:  # 20211130 is read as a date too: only the written-out form
                raise _option_problem("--date", t("cli.date_invalid", text=args.date))
            if not 2000 <= changes["held_on"].year <= 2099:  # domain/deliberation.EventDate: a typing error
                raise _option_problem("--date", t("cli.date_invalid", text=args.date))
    if args.chair is not None:
        changes["chair"] = _name("--chair", args.chair)
    if args.attended is not None:
        attendees = []
        for juror_id in (part.strip() for part in args.attended.split(",")):
            if juror_id and juror_id not in attendees:
                attendees.append(juror_id)
        known = {juror.id for juror in store.session.jurors}
        for juror_id in attendees:
            if juror_id not in known:
                raise JuryError(t("chair.unknown_juror", juror=juror_id))
        changes["attendees"] = attendees
    if args.others is not None:
        changes["others"] = [name for name in (_name("--others", value) for value in args.others) if name]
    if args.notes is not None:
        changes["notes"] = _motivation("--notes", args.notes)
    if changes:
        store.set_meeting(dataclasses.replace(current, **changes))
    meeting = store.deliberation().meeting
    _out(t("cli.meeting.held_on", date=format_date(meeting.held_on) if meeting.held_on else DASH))
    _out(t("cli.meeting.chair_line", name=meeting.chair or DASH))
    _out(t("cli.meeting.attendees", ids=", ".join(meeting.attendees) or DASH))
    _out(t("cli.meeting.others_line", names=", ".join(meeting.others) or DASH))
    _out(t("cli.meeting.notes_line", notes=_short(meeting.notes)))
    _out(t("cli.meeting.recorded") if meeting.recorded else t("advice.gap.meeting"))
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    from jury_tui.reports.open_points import decision_changes, deliberation_changes

    store = _chair_store(args)
    if args.application_id is not None:
        before = store.decision(args.application_id)  # refuses an unknown application
        after = store.undo(args.application_id)
        name = _application_name(store.session, args.application_id)
        if after is None:
            _out(t("cli.undo.nothing_application", application=name))
            return 0
        what = decision_changes(store.session, before, after)
        _out(t("cli.undo.done_application", application=name, what="; ".join(what) or t("cli.undo.no_difference")))
        return 0
    before = store.deliberation()
    after = store.undo_deliberation()
    if after is None:
        _out(t("cli.undo.nothing_session"))
        return 0
    _out(t("cli.undo.done_session", what="; ".join(deliberation_changes(before, after)) or t("cli.undo.no_difference")))
    return 0


def _unranked_reason(session, row) -> str | None:
    if row.rank is not None:
        return None
    if row.total is None:
        return t("cli.advice.unranked_consensus")
    return t("cli.advice.unranked_votes", votes=row.votes, minimum=session.criteria.ranking.minimum_votes)


def cmd_advice(args: argparse.Namespace) -> int:
    """The state of the advice. A report: exit 0 whether or not something is open (`export --strict` refuses)."""
    from jury_tui.reports.data_export import format_score, recommendation_text
    from jury_tui.reports.open_points import application_line, session_line

    store = _chair_store(args)
    session = store.session
    data = _advice_data(store)
    selected_total = sum(round((data.advised_amount(aid) or 0.0) * 100) for aid in data.selection) / 100

    def open_lines(application_id: str) -> list[str]:
        points = data.gaps.applications.get(application_id, [])
        return [application_line(session, application_id, points, data.ranked(application_id).votes)] if points else []

    session_lines = [session_line(session, point, selected_total, data.budget) for point in data.gaps.session]
    if args.json:
        payload = {
            "id": session.id,
            "budget": {"in_force": data.budget, "session": session.budget, "chair": data.deliberation.budget},
            "selected": {"count": len(data.selection), "total": selected_total},
            "complete": data.gaps.complete,
            "applications": [
                {
                    "id": row.application_id,
                    "municipality": session.application(row.application_id).municipality,
                    "rank": row.rank,
                    "ex_aequo": row.ex_aequo,
                    "tied_with": list(row.tied_with),
                    "tie_ordered": row.tie_order is not None,
                    "total": row.total,
                    "votes": row.votes,
                    "unranked_reason": _unranked_reason(session, row),
                    "recommendation": data.decision(row.application_id).recommendation,
                    "advised_amount": data.decision(row.application_id).advised_amount,
                    "open": open_lines(row.application_id),
                }
                for row in data.ranking
            ],
            "session_open": session_lines,
        }
        print(visible(json.dumps(payload, ensure_ascii=False, indent=2), lines=True, for_json=True))
        return 0
    _out(f"{session.title} ({session.id})")
    _out(_budget_line(store))
    _out(t("cli.advice.selected", count=len(data.selection), total=format_amount(selected_total)))
    ranking, provisional = _scenario_ranking(data)
    if provisional:  # before every consensus is set: where the line would fall on the suggested scores
        from jury_tui.domain.consensus import rejected
        from jury_tui.domain.ranking import propose_by_rank

        excluded = set(rejected(data.decisions))
        line = propose_by_rank([row for row in ranking if row.application_id not in excluded], data.budget)
        _out(t("cli.advice.provisional_line", count=len(line.selected), total=format_amount(line.total_amount),
               names=_names(session, line.selected)))
    _out("")
    columns = t("cli.advice.columns").split("|")
    name_width = max(len(_application_name(session, a.id)) for a in session.applications)
    widths = [10, name_width, 7, 8, 16, 12]
    _out("  ".join(f"{column:<{width}}" for column, width in zip(columns, widths)).rstrip())
    for row in data.ranking:
        decision = data.decision(row.application_id)
        position = "–" if row.rank is None else str(row.rank)
        if row.ex_aequo:
            position += " " + t("cli.advice.ex_aequo")
        elif row.tie_order is not None:
            position += " *"
        values = [position, _application_name(session, row.application_id), format_score(row.total), str(row.votes),
                  recommendation_text(decision.recommendation),
                  format_amount(decision.advised_amount) if decision.advised_amount is not None else "–"]
        line = "  ".join(f"{value:<{width}}" for value, width in zip(values, widths)).rstrip()
        if (reason := _unranked_reason(session, row)) is not None:
            line += f"  ({reason})"
        _out(line)
    for order in data.deliberation.tie_orders:  # only the orders in force: one whose tie changed is ignored
        if any(row.tie_order == order for row in data.ranking):
            _out(t("cli.advice.tie_order", order=" > ".join(order.application_ids), motivation=_short(order.motivation)))
    _out("")
    if data.gaps.complete:
        _out(t("cli.advice.complete"))
        return 0
    _out(t("cli.advice.open", count=data.gaps.count()))
    for row in data.ranking:
        for line in open_lines(row.application_id):
            _out("  " + line)
    for line in session_lines:
        _out("  " + t("cli.advice.session_point", what=line))
    return 0


def cmd_government(args: argparse.Namespace) -> int:
    from jury_tui.domain.government import Difference, compare
    from jury_tui.formats.government_file import load_government
    from jury_tui.reports.data_export import format_date

    store = _chair_store(args)
    session = store.session
    decision = load_government(args.file, session)
    store.set_government(decision)
    total = decision.total
    without = sum(1 for contract in decision.selected if contract.amount is None)
    _out(t("cli.government.saved", date=format_date(decision.decided_on), reference=decision.reference,
           count=len(decision.selected),
           total=amount_text(total) if total is not None else t("cli.government.total_unknown", count=without)))
    if decision.budget is not None:
        _out(t("cli.government.budget", budget=format_amount(decision.budget)))
    illustrative = sum(1 for contract in decision.selected if contract.illustrative)
    if illustrative:
        _out(t("cli.government.illustrative", count=illustrative))
    rows = compare(session, store.decisions(), decision)
    differing = [row for row in rows if row.difference is not None]
    if not differing:
        _out(t("cli.government.no_differences"))
        return 0
    not_advised = [row.application_id for row in differing if row.difference is Difference.NOT_ADVISED]
    not_selected = [row.application_id for row in differing if row.difference is Difference.NOT_SELECTED]
    if not_advised:
        _out(t("cli.government.not_advised", names=_names(session, not_advised)))
    if not_selected:
        _out(t("cli.government.not_selected", names=_names(session, not_selected)))
    for row in differing:
        if row.difference is Difference.AMOUNT:
            _out(t("cli.government.amount", name=_application_name(session, row.application_id),
                   advised=amount_text(row.advised_amount), amount=amount_text(row.amount)))
    return 0


# --- end of the chair from the command line -------------------------------------------------------


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
    # the chair from the command line
    "consensus": cmd_consensus,
    "decide": cmd_decide,
    "budget": cmd_budget,
    "tie": cmd_tie,
    "meeting": cmd_meeting,
    "undo": cmd_undo,
    "advice": cmd_advice,
    "government": cmd_government,
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
        _refuse_outputs_in_store(args)
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
