"""The `jury-tui` command: the app, and every job without the interface for scripting.

Here the parser, the table of commands and `main`; each command in the module of the role that uses it
(juror, secretariat, chair; demo), and what they share in common.

Every failure is one clear line on stderr and exit code 2; never a traceback.
"""

from __future__ import annotations

import argparse
import gettext
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from jury_tui import __version__
from jury_tui.cli.chair import (
    RECOMMENDATION_WORDS,
    cmd_advice,
    cmd_budget,
    cmd_chair,
    cmd_consensus,
    cmd_decide,
    cmd_government,
    cmd_import,
    cmd_letters,
    cmd_meeting,
    cmd_tie,
    cmd_undo,
)
from jury_tui.cli.common import (
    EXIT_USAGE,
    _data_dir,
    _err,
    _named_path,
    _refuse_outputs_in_store,
    _run_app,
)
from jury_tui.cli.demo import cmd_demo
from jury_tui.cli.juror import (
    cmd_conflicts,
    cmd_import_scores,
    cmd_open,
    cmd_submit,
    cmd_template,
    cmd_unpack,
)
from jury_tui.cli.secretariat import (
    cmd_check,
    cmd_export,
    cmd_new,
    cmd_package,
    cmd_show,
)
from jury_tui.errors import JuryError, os_problem, visible
from jury_tui.formats.spreadsheet import DEFAULT_SEPARATOR, SEPARATORS
from jury_tui.i18n import (
    SUPPORTED_LANGUAGES,
    install_global_domain,
    set_language,
    t,
)


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
    path_or_follow_up = demo.add_mutually_exclusive_group()
    path_or_follow_up.add_argument("--path-2021", dest="path_2021", action="store_true", help=t("cli.demo.path_2021"))
    path_or_follow_up.add_argument("--follow-up", dest="follow_up", action="store_true", help=t("cli.demo.follow_up"))
    demo.add_argument("--out", type=_named_path, metavar=t("cli.metavar.folder"), help=t("cli.demo.out"))

    new = command("new")
    new.add_argument("session_id", metavar=session, help=t("cli.new.session_id"))
    new.add_argument("--criteria", type=Path, required=True, metavar=file, help=t("cli.new.criteria"))
    new.add_argument("--applications", type=Path, metavar=t("cli.metavar.folder"), help=t("cli.new.applications"))
    new.add_argument("--jurors", type=Path, metavar=file, help=t("cli.new.jurors"))
    new.add_argument("--budget", type=float, metavar="EURO", help=t("cli.new.budget"))
    new.add_argument("--title", metavar=t("cli.metavar.title"), help=t("cli.new.title"))
    new.add_argument("--follow-up-of", dest="follow_up_of", metavar=session, help=t("cli.new.follow_up_of"))
    new.add_argument("--reports", type=Path, metavar=t("cli.metavar.folder"), help=t("cli.new.reports"))
    new.add_argument("--year", type=int, metavar=t("cli.metavar.year"), help=t("cli.new.year"))

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
    export.add_argument("--final", action="store_true", help=t("evaluation.cli.final"))

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
    decide.add_argument("--verdict", metavar="ID", help=t("follow_up.chair.cli_verdict"))

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
