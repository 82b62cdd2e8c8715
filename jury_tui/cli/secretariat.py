"""The secretariat's commands: new, show, package, check, export."""

from __future__ import annotations

import argparse
import json

from jury_tui.cli.common import (
    EXIT_USAGE,
    _data_dir,
    _err,
    _first_and_more,
    _out,
    _short,
)
from jury_tui.errors import JuryError, display_path, visible
from jury_tui.formatting import format_amount, format_euro
from jury_tui.i18n import language, t


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
    if args.follow_up_of is not None:
        definition, private_keys = _follow_up_definition(data_dir, args)
    else:
        from jury_tui.errors import file_error
        from jury_tui.formats.criteria_file import load_criteria

        if args.reports is not None or args.year is not None:
            raise JuryError(t("cli.new.reports_without_follow_up"))
        if load_criteria(args.criteria).follow_up:  # said before asking for applications it does not need
            raise file_error(args.criteria, t("cli.new.follow_up_criteria_without_round"))
        missing = [option for option, value in (("--applications", args.applications), ("--jurors", args.jurors),
                                                ("--budget", args.budget)) if value is None]
        if missing:
            raise JuryError(t("cli.new.needs", options=", ".join(missing)))
        if args.budget <= 0:
            raise JuryError(t("session.budget"))
        if session_exists(data_dir, args.session_id):
            raise JuryError(t("session.exists", id=args.session_id, path=display_path(session_dir(data_dir, args.session_id))))
        definition, private_keys = build_session(args.session_id, args.criteria, args.applications, args.jurors, args.budget,
                                                 args.title)
    folder = write_session(data_dir, definition, private_keys)
    _out(t("cli.created", id=args.session_id, path=display_path(folder)))
    return 0


def _follow_up_definition(data_dir, args: argparse.Namespace):
    """`new --follow-up-of`: a follow-up round of a selection session whose government decision is
    on record (domain/follow_up.py)."""
    from jury_tui.errors import file_error
    from jury_tui.formats.criteria_file import load_criteria
    from jury_tui.formats.progress_report_file import load_progress_report_files
    from jury_tui.formats.session_builder import build_follow_up_session
    from jury_tui.store.chair_store import ChairStore
    from jury_tui.store.sessions import load_session, session_dir, session_exists

    if args.applications is not None or args.budget is not None:
        raise JuryError(t("cli.new.follow_up_no_applications"))
    if args.reports is None:
        raise JuryError(t("cli.new.needs", options="--reports"))
    if session_exists(data_dir, args.session_id):
        raise JuryError(t("session.exists", id=args.session_id, path=display_path(session_dir(data_dir, args.session_id))))
    # The files first: what is wrong in them is said whatever the state of the selection session.
    if not load_criteria(args.criteria).follow_up:
        raise file_error(args.criteria, t("follow_up.criteria_not_follow_up_file"))
    load_progress_report_files(args.reports)
    selection = load_session(data_dir, args.follow_up_of)
    if selection.follow_up is not None:
        raise JuryError(t("cli.new.follow_up_of_follow_up", id=selection.id))
    government = ChairStore(data_dir, selection).government()
    if government is None:
        raise JuryError(t("cli.new.no_government", id=selection.id))
    return build_follow_up_session(args.session_id, selection, government, args.reports, args.criteria, args.jurors,
                                   args.year, args.title)


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
        if session.follow_up is not None:
            payload["follow_up"] = {
                "selection_session": session.follow_up.selection_session,
                "year": session.follow_up.year,
                "decision_reference": session.follow_up.decision_reference,
                "contracts": [
                    {"id": contract.application_id, "subsidy": contract.subsidy,
                     "report_final": session.follow_up.report(contract.application_id).final}
                    for contract in session.follow_up.contracts
                ],
            }
        print(visible(json.dumps(payload, ensure_ascii=False, indent=2), lines=True, for_json=True))
        return _report_problems(problems)
    _out(f"{session.title} ({session.id})")
    in_force = chair_budget if chair_budget is not None else session.budget
    label = (t("cli.show.budget_chair", session=format_amount(session.budget)) if chair_budget is not None
             else t("cli.show.budget_session"))
    _out(t("cli.show.summary", fingerprint=session.fingerprint[:16], budget=format_amount(in_force)) + "  " + label)
    if session.follow_up is not None:
        _out(t("cli.show.follow_up", selection=session.follow_up.selection_session, year=session.follow_up.year,
               reference=session.follow_up.decision_reference))
    _out("")
    _out(t("cli.show.criteria", count=len(session.criteria.criteria), min=session.criteria.scale.min,
           max=session.criteria.scale.max))
    for c in session.criteria.criteria:
        _out(f"  {c.id:<16} {c.name.get(lang)}")
    _out("")
    if session.follow_up is not None:  # the contracts with the subsidy the government granted
        _out(t("cli.show.contracts", count=len(session.follow_up.contracts)))
        for contract in session.follow_up.contracts:
            a = session.application(contract.application_id)
            subsidy = format_euro(contract.subsidy)
            final = "  " + t("cli.show.final_report") if session.follow_up.report(a.id).final else ""
            _out(f"  {a.id:<12} {a.municipality:<16} {subsidy:>14}  {_short(a.title)}{final}")
    else:
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


def cmd_package(args: argparse.Namespace) -> int:
    from jury_tui.store.packages import write_package

    write_package(_data_dir(args), args.session_id, args.juror, args.out)
    _out(t("package.written", path=display_path(args.out), juror=args.juror))
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


def cmd_export(args: argparse.Namespace) -> int:
    import dataclasses

    from jury_tui.formats.atomic_file import check_target
    from jury_tui.store.anonymity import letters_for_export
    from jury_tui.store.chair_store import ChairStore
    from jury_tui.store.sessions import export_targets, load_session

    data_dir = _data_dir(args)
    session = load_session(data_dir, args.session_id)
    final = getattr(args, "final", False)
    if final and session.follow_up is None:
        raise JuryError(t("evaluation.final_selection", id=session.id))
    wanted = {"pdf": args.pdf, "csv": args.csv, "xlsx": args.xlsx}
    if not any(wanted.values()):
        wanted = dict.fromkeys(wanted, True)
    defaults = export_targets(data_dir, session, final)
    targets = {kind: (defaults[kind] if value is True else value) for kind, value in wanted.items() if value}
    for path in targets.values():
        if path.is_dir():
            raise JuryError(t("submission.out_exists_dir", path=display_path(path)))
        check_target(path)  # a target that cannot be written is refused before anything is
    store = ChairStore(data_dir, session)
    submissions, decisions = store.submissions(), store.decisions()
    if session.follow_up is not None:
        return _export_evaluation(args, data_dir, session, store, submissions, decisions, targets, final)
    from jury_tui.reports.advice_pdf import refusal, write_advice_pdf
    from jury_tui.reports.data_export import build_advice_data, write_csv, write_xlsx

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


def _export_evaluation(args, data_dir, session, store, submissions, decisions, targets, final: bool) -> int:
    """`export` on a follow-up round: the klankbordgroep's evaluation report (with `--final` the final
    evaluation of the contracts whose last report is in) and its data per contract and criterion."""
    import dataclasses

    from jury_tui.reports.evaluation_data import (
        build_evaluation_data,
        evaluation_refusal,
        write_evaluation_csv,
        write_evaluation_xlsx,
    )
    from jury_tui.reports.evaluation_pdf import write_evaluation_pdf
    from jury_tui.store.anonymity import letters_for_export

    data = build_evaluation_data(session, submissions, decisions, store.deliberation(), final=final)
    if args.strict and (message := evaluation_refusal(data)) is not None:
        raise JuryError(message)  # nothing leaves, as for the advice
    if (letters := letters_for_export(data_dir, session, args.names)) is not None:
        data = dataclasses.replace(data, letters=letters)
    if "pdf" in targets:
        summary = write_evaluation_pdf(data, targets["pdf"], names=args.names)
        _out(t("evaluation.pdf_written", path=display_path(targets["pdf"]), pages=summary.pages, missing=summary.missing))
    if "csv" in targets:
        rows = write_evaluation_csv(data, targets["csv"], separator=args.sep)
        _out(t("export.data_written", path=display_path(targets["csv"]), rows=rows))
    if "xlsx" in targets:
        rows = write_evaluation_xlsx(data, targets["xlsx"])
        _out(t("export.data_written", path=display_path(targets["xlsx"]), rows=rows))
    return 0
