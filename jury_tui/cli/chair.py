"""The chair's commands: import, chair, letters, and the chair from the command line (consensus, decide,
budget, tie, meeting, undo, advice, government).

Every change goes through the chair's store, as in the app: the store refuses what the app refuses
and holds every text to the rules of a stored text. Options are checked before the first write, so
a refused command changes nothing.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from jury_tui.cli.common import EXIT_USAGE, _data_dir, _err, _out, _run_app, _short
from jury_tui.errors import JuryError, display_path, visible
from jury_tui.formatting import format_amount
from jury_tui.i18n import language, t
from jury_tui.reports.open_points import amount_text, score_text, verdict_text

# The chair's recommendation as typed on the command line (`decide --recommendation`).
RECOMMENDATION_WORDS = {"selecteren": "select", "reserve": "reserve", "niet-selecteren": "reject"}


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


def cmd_letters(args: argparse.Namespace) -> int:
    """One letter per applicant (reports/letters_pdf.py); refused while the advice is incomplete."""
    from jury_tui.reports.data_export import build_advice_data
    from jury_tui.reports.letters_pdf import write_letters
    from jury_tui.store.chair_store import ChairStore
    from jury_tui.store.sessions import exports_dir, load_session

    data_dir = _data_dir(args)
    session = load_session(data_dir, args.session_id)
    _selection_only(session, "letters")
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


def _selection_only(session, command: str) -> None:
    """Budgets, ties, the advice, the government's decision and letters belong to a selection: in a
    follow-up round they would show or write a selection's view of contracts already granted."""
    if session.follow_up is not None:
        raise JuryError(t("follow_up.cli.selection_only", command=command, session=session.id))


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
    follow_up = session.follow_up is not None
    # A follow-up round gives a verdict per contract, a selection a recommendation and an amount.
    if follow_up and (args.recommendation is not None or args.amount is not None or args.no_amount):
        raise JuryError(t("follow_up.chair.no_recommendation", session=session.id))
    if not follow_up and args.verdict is not None:
        raise JuryError(t("follow_up.chair.verdict_in_selection", session=session.id))
    if args.recommendation is not None:
        changes["recommendation"] = Recommendation(RECOMMENDATION_WORDS[args.recommendation])
    if args.amount is not None:
        changes["amount"] = _euros("--amount", args.amount)
    elif args.no_amount:
        changes["amount"] = None
    if args.verdict is not None:
        changes["verdict"] = args.verdict
    for option, field, value in (("--motivation", "overall_motivation", args.motivation), ("--hearing", "hearing", args.hearing),
                                 ("--conditions", "conditions", args.conditions),
                                 ("--rank-motivation", "rank_motivation", args.rank_motivation)):
        if (text := _motivation(option, value)) is not None:
            changes[field] = text
    decision = store.update_decision(application_id, **changes)  # one change: one step for `undo`
    if (note := amount_cleared_note(before, decision)) is not None:
        _out(note)
    if follow_up:
        verdict = verdict_text(session, decision.verdict, t("evaluation.verdict.none"))  # an unknown stored id as stored
        _out(t("follow_up.chair.cli_state", application=_application_name(session, application_id), verdict=verdict))
    else:
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
    _selection_only(store.session, "budget")
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
    _selection_only(session, "tie")
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
    if session.follow_up is not None:
        return _evaluation_state(store, args.json)
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


def _evaluation_state(store, as_json: bool) -> int:
    """`advice` on a follow-up round: each contract's verdict and what is still open in the evaluation."""
    from jury_tui.domain.advice import advice_gaps
    from jury_tui.reports.open_points import application_line, session_line

    session = store.session
    decisions = store.decisions()
    gaps = advice_gaps(session, decisions, store.deliberation(), [])
    lines = {aid: application_line(session, aid, points) for aid, points in gaps.applications.items()}
    session_lines = [session_line(session, point) for point in gaps.session]
    verdicts = {a.id: decisions[a.id].verdict if a.id in decisions else None for a in session.applications}
    if as_json:
        payload = {"id": session.id, "follow_up_of": session.follow_up.selection_session, "year": session.follow_up.year,
                   "complete": gaps.complete,
                   "contracts": [{"id": a.id, "municipality": a.municipality, "verdict": verdicts[a.id],
                                  "open": [lines[a.id]] if a.id in lines else []} for a in session.applications],
                   "session_open": session_lines}
        print(visible(json.dumps(payload, ensure_ascii=False, indent=2), lines=True, for_json=True))
        return 0
    _out(f"{session.title} ({session.id})")
    for application in session.applications:
        _out(f"  {_application_name(session, application.id)}: {verdict_text(session, verdicts[application.id])}")
    _out("")
    if gaps.complete:
        _out(t("evaluation.dialog.advice_complete"))
        return 0
    _out(t("cli.advice.open", count=gaps.count()))
    for application in session.applications:
        if application.id in lines:
            _out("  " + lines[application.id])
    for line in session_lines:
        _out("  " + t("cli.advice.session_point", what=line))
    return 0


def cmd_government(args: argparse.Namespace) -> int:
    from jury_tui.domain.government import Difference, compare
    from jury_tui.formats.government_file import load_government
    from jury_tui.reports.data_export import format_date

    store = _chair_store(args)
    session = store.session
    _selection_only(session, "government")
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
