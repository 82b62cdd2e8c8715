"""`jury-tui demo`: the demo session, filled in and opened, its 2021 path, or its follow-up round of 2024."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from jury_tui.cli.chair import cmd_chair
from jury_tui.cli.common import _data_dir, _err, _out, _run_app
from jury_tui.cli.juror import _open_juror
from jury_tui.errors import JuryError, display_path, os_problem
from jury_tui.formatting import format_amount
from jury_tui.i18n import t

if TYPE_CHECKING:
    from jury_tui.domain.session import SessionDefinition
    from jury_tui.store.demo_scores import FillResult


def cmd_demo(args: argparse.Namespace) -> int:
    from jury_tui.formats.session_builder import DEMO_SESSION_ID
    from jury_tui.store.sessions import load_session

    data_dir = _data_dir(args)
    if args.path_2021 and args.out is not None and args.out.exists() and not args.out.is_dir():
        raise JuryError(t("file.problem", file=display_path(args.out), problem=t("os.not_directory")))
    _selection_demo(data_dir)
    if args.follow_up:
        return _demo_follow_up(data_dir, args, load_session(data_dir, DEMO_SESSION_ID))
    if args.filled or args.path_2021:
        from jury_tui.store.demo_advice import fill_demo_advice
        from jury_tui.store.demo_scores import fill_demo_scores

        session = load_session(data_dir, DEMO_SESSION_ID)
        result = fill_demo_scores(data_dir, session)
        _say_scores(result)
        advice = fill_demo_advice(data_dir, session)
        if advice.filled:
            _out(t("demo.advice_filled", count=len(advice.filled), budget=format_amount(session.budget)))
        if advice.kept:
            _out(t("demo.advice_kept", applications=", ".join(advice.kept)))
        if not advice.meeting:
            _out(t("demo.meeting_kept"))
    if args.path_2021:
        return _demo_path_2021(data_dir, load_session(data_dir, DEMO_SESSION_ID), args.out)
    return _open(data_dir, args, DEMO_SESSION_ID)


def _selection_demo(data_dir: Path) -> None:
    """The selection demo on disk: written when absent, else kept (a warning when it differs)."""
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


def _say_scores(result: FillResult) -> None:
    if result.filled:
        _out(t("demo.filled", jurors=", ".join(result.filled)))
    if result.kept:
        _out(t("demo.kept", jurors=", ".join(result.kept)))


def _open(data_dir: Path, args: argparse.Namespace, session_id: str) -> int:
    """Open the session as `demo` does: the picker, the juror app (--as) or the chair app (--chair)."""
    if args.no_open:
        return 0
    if args.chair:
        return cmd_chair(argparse.Namespace(**{**vars(args), "session_id": session_id}))
    if args.juror:
        return _open_juror(data_dir, session_id, args.juror)
    from jury_tui.ui.app import PickerApp

    return _run_app(PickerApp(data_dir, session_id=session_id))


def _demo_follow_up(data_dir: Path, args: argparse.Namespace, selection: SessionDefinition) -> int:
    """`demo --follow-up`: the government's decision recorded in the selection demo when none is (a
    different one the chair recorded is kept, and the round follows it), the follow-up round of 2024
    written when absent (else kept), with --filled the jurors' scores and the chair's evaluation,
    then the round opened."""
    from jury_tui.formats.session_builder import demo_private_keys
    from jury_tui.reports.data_export import format_date
    from jury_tui.store.chair_store import ChairStore
    from jury_tui.store.demo_advice import demo_government
    from jury_tui.store.demo_follow_up import (
        DEMO_FOLLOW_UP_ID,
        build_demo_follow_up,
        fill_demo_follow_up,
    )
    from jury_tui.store.sessions import (
        load_session,
        session_dir,
        session_exists,
        write_session,
    )

    chair = ChairStore(data_dir, selection)
    government = demo_government(selection)
    recorded = chair.government()
    if recorded is None:
        chair.set_government(government)
        _out(t("demo.follow_up.government_recorded", date=format_date(government.decided_on), id=selection.id,
               count=len(government.selected), total=format_amount(government.total)))
    elif recorded != government:
        _out(t("demo.follow_up.government_kept", id=selection.id))
        government = recorded
    round_ = build_demo_follow_up(selection, government)
    folder = session_dir(data_dir, DEMO_FOLLOW_UP_ID)
    if session_exists(data_dir, DEMO_FOLLOW_UP_ID):
        if load_session(data_dir, DEMO_FOLLOW_UP_ID).fingerprint != round_.fingerprint:
            _err(t("demo.follow_up.changed", id=DEMO_FOLLOW_UP_ID))
        _out(t("cli.kept", id=DEMO_FOLLOW_UP_ID, path=display_path(folder)))
    else:
        write_session(data_dir, round_, demo_private_keys(round_))
        _out(t("cli.created", id=DEMO_FOLLOW_UP_ID, path=display_path(folder)))
    if args.filled:
        session = load_session(data_dir, DEMO_FOLLOW_UP_ID)
        result = fill_demo_follow_up(data_dir, session)
        _say_scores(result.scores)
        if result.filled:
            _out(t("demo.follow_up.filled", count=len(result.filled)))
        if result.kept:
            _out(t("demo.follow_up.kept", contracts=", ".join(result.kept)))
        if not result.meeting:
            _out(t("demo.meeting_kept"))
    return _open(data_dir, args, DEMO_FOLLOW_UP_ID)


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
