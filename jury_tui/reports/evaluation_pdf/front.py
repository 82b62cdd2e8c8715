"""The cover, chapter 1 (the portfolio at a glance) and chapter 2 (obstacles, asks per Flemish agency)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
)
from reportlab.platypus.flowables import Flowable, HRFlowable

from jury_tui.domain.eligibility import Outcome
from jury_tui.domain.session import Role
from jury_tui.formatting import format_euro, format_percent
from jury_tui.i18n import t
from jury_tui.reports.advice_pdf.front import meeting_and_fingerprint_rows
from jury_tui.reports.advice_pdf.styles import ACCENT, WARN_BACK, WIDTH
from jury_tui.reports.advice_pdf.text import markup
from jury_tui.reports.data_export import format_date, format_number, outcome_text
from jury_tui.reports.evaluation_data import plan_differs
from jury_tui.reports.evaluation_pdf.context import EvaluationContext
from jury_tui.reports.open_points import (
    application_line,
    figure_check_line,
    session_line,
)


def document_title(c: EvaluationContext) -> str:
    key = "evaluation.final_title" if c.evaluation.final else "evaluation.title"
    return t(key, year=c.evaluation.year)


def cover(c: EvaluationContext) -> list[Flowable]:
    data, session = c.evaluation, c.session
    round_ = data.round
    voting = sum(1 for juror in session.jurors if juror.role is Role.VOTING)
    story: list[Flowable] = [
        Spacer(1, 38 * mm),
        c.text(c.criteria.title.get(c.lang), "cover_kicker"),
        c.text(document_title(c), "cover_title"),
    ]
    if c.criteria.call is not None:
        story.append(c.text(c.criteria.call.get(c.lang), "cover_call"))
    if c.criteria.addressee is not None:
        story += [Spacer(1, 6 * mm), c.text(t("export.cover.addressee", addressee=c.criteria.addressee.get(c.lang)), "cover_kicker")]
    meeting = data.deliberation.meeting
    story += [
        Spacer(1, 10 * mm),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceAfter=5 * mm),
        c.facts_table(
            [
                (t("evaluation.cover.round"), markup(session.title)),
                (t("export.cover.session_id"), markup(session.id)),
                (t("evaluation.cover.year"), str(round_.year)),
                (t("evaluation.cover.date"), markup(format_date(data.generated_on))),
                (t("evaluation.cover.contracts"), format_number(len(data.contracts))),
                (t("evaluation.cover.selection"), markup(round_.selection_session)),
                (t("evaluation.cover.government"),
                 markup(t("evaluation.cover.government_value", reference=round_.decision_reference,
                          date=format_date(round_.decided_on)))),
                (t("evaluation.cover.board"),
                 markup(t("export.cover.jury_value", voting=voting, advisory=len(session.jurors) - voting))),
                *meeting_and_fingerprint_rows(meeting, session),
            ],
            label_width=52 * mm,
        ),
        Spacer(1, 8 * mm),
    ]
    missing = c.gaps.count()
    if missing:
        key = "evaluation.cover.incomplete_one" if missing == 1 else "evaluation.cover.incomplete"
        story.append(c.text(t(key, count=missing), "warning"))
        story += [*open_points(c), Spacer(1, 4 * mm)]
    story.append(c.text(t("evaluation.cover.note"), "small"))
    story += [NextPageTemplate("body"), PageBreak()]
    return story


def open_points(c: EvaluationContext) -> list[Flowable]:
    """What is still open, one line per contract and per round point (reports/open_points.py)."""
    lines = [application_line(c.session, aid, points) for aid, points in c.gaps.applications.items()]
    lines += [session_line(c.session, point) for point in c.gaps.session]
    return [Paragraph(markup(line), c.s["bullet"], bulletText="•") for line in lines]


def outcome_cell(c: EvaluationContext, outcome: Outcome) -> Paragraph:
    return c.text(outcome_text(outcome), f"outcome_{outcome.value}")


def unbroken(text: str) -> str:
    """Amounts and shares that never break between the figure and its sign ('€ 124.000', '23,4 %')."""
    return text.replace("€ ", "€\u00a0").replace(" %", "\u00a0%")


def euro(value: float | None) -> str:
    return unbroken(format_euro(value))


def spent_text(planned: float, spent: float | None) -> str:
    if spent is None:
        return t("evaluation.spent_unknown", planned=euro(planned))
    return t("evaluation.spent_of", spent=euro(spent), planned=euro(planned))


def summary(c: EvaluationContext) -> list[Flowable]:
    """Chapter 1: the verdicts counted, the portfolio table and the rules the figures break."""
    data = c.evaluation
    story = c.heading("h1", "ch-summary", "1", t("evaluation.ch.summary"), 0)
    if len(data.contracts) == 1:
        intro = "evaluation.summary.intro_final_one" if data.final else "evaluation.summary.intro_one"
    else:
        intro = "evaluation.summary.intro_final" if data.final else "evaluation.summary.intro"
    story.append(c.text(t(intro, count=len(data.contracts), year=data.year), "body"))
    counts = []
    for verdict in c.criteria.verdicts:
        number = sum(1 for item in data.contracts if item.decision.verdict == verdict.id)
        counts.append(f"<b>{markup(verdict.name.get(c.lang))}</b>: {number}")
    without = sum(1 for item in data.contracts if item.decision.verdict not in {v.id for v in c.criteria.verdicts})
    if without:
        counts.append(f"<b>{markup(t('evaluation.verdict.none'))}</b>: {without}")
    story.append(c.para(markup(t("evaluation.summary.verdicts")) + " " + " · ".join(counts), "body"))

    story += c.heading("h2", "sec-portfolio", "1.1", t("evaluation.sec.portfolio"), 1)
    head = [
        c.text(t("evaluation.col.contract"), "cell_head"),
        c.text(t("evaluation.col.verdict"), "cell_head"),
        c.text(t("evaluation.col.spending"), "cell_head"),
        c.text(t("evaluation.col.rules"), "cell_head"),
        c.text(t("evaluation.col.late_short"), "cell_head_center"),
        c.text(t("evaluation.col.changes_short"), "cell_head_center"),
    ]
    rows = [head]
    commands = c.grid_style()
    rows_by_id = {row.application_id: row for row in data.portfolio}
    for index, item in enumerate(data.contracts, start=1):
        row = rows_by_id[item.application_id]
        name = markup(c.app_label(item.application_id))
        if item.report.final:
            name += f"<br/><font size='7.5' color='#5b6675'>{markup(t('evaluation.last_report'))}</font>"
        share = "" if row.spent_share is None else f" ({unbroken(format_percent(row.spent_share))})"
        spent = markup(spent_text(row.planned, row.spent) + share)
        if plan_differs(row.subsidy, row.planned):
            spent += f"<br/><font size='7.5' color='#5b6675'>{markup(t('evaluation.portfolio.granted', subsidy=euro(row.subsidy)))}</font>"
        rows.append([
            c.para(name, "cell"),
            c.text(data.verdict_text(item.application_id), "cell"),
            c.para(spent, "cell"),
            outcome_cell(c, row.outcome),
            c.para(str(row.late_milestones), "cell_center"),
            c.para(str(row.objective_changes), "cell_center"),
        ])
        if row.outcome is Outcome.NOT_MET:
            commands.append(("BACKGROUND", (3, index), (3, index), WARN_BACK))
    widths = [46 * mm, 27 * mm, 38 * mm, 24 * mm, 15 * mm, WIDTH - 150 * mm]
    story.append(c.table(rows, widths, commands))
    note = t("evaluation.summary.columns")
    if any(plan_differs(row.subsidy, row.planned) for row in data.portfolio):
        note += " " + t("evaluation.summary.plan_note")
    story.append(c.text(note, "caption"))

    flagged = [(item, check) for item in data.contracts for check in item.flagged]
    story += c.heading("h2", "sec-flags", "1.2", t("evaluation.sec.flags"), 1)
    if flagged:
        story.append(c.text(t("evaluation.flags.intro"), "body"))
        for item, check in flagged:
            text = f"<b>{markup(c.app_label(item.application_id))}</b>: {markup(unbroken(figure_check_line(check)))}"
            story.append(Paragraph(text, c.s["bullet"], bulletText="•"))
    else:
        story.append(c.text(t("evaluation.flags.none"), "body"))
    story.append(PageBreak())
    return story


def agencies(c: EvaluationContext) -> list[Flowable]:
    """Chapter 2: what the contracts ask of Flemish agencies, gathered per agency, and the obstacles."""
    data = c.evaluation
    story = c.heading("h1", "ch-agencies", "2", t("evaluation.ch.agencies"), 0)
    story.append(c.text(t("evaluation.agencies.intro"), "body"))
    story += c.heading("h2", "sec-asks", "2.1", t("evaluation.sec.asks"), 1)
    if not data.asks:
        story.append(c.text(t("evaluation.asks.none"), "body"))
    for agency, items in data.asks:
        contracts = len({aid for aid, _ in items})
        block: list[Flowable] = [
            c.para(f"{markup(agency)} <font color='#5b6675' size='8.5'>"
                   f"({markup(t('evaluation.asks.count', count=contracts))})</font>", "criterion_head"),
        ]
        for application_id, ask in items:
            text = f"<b>{markup(c.session.application(application_id).municipality)}</b>: {markup(ask)}"
            block.append(Paragraph(text, c.s["bullet"], bulletText="•"))
        story.append(KeepTogether(block) if len(block) < 8 else block[0])
        if len(block) >= 8:
            story += block[1:]
    story += c.heading("h2", "sec-obstacles", "2.2", t("evaluation.sec.obstacles"), 1)
    if not data.obstacles:
        story.append(c.text(t("evaluation.obstacles.none"), "body"))
    current = None
    for application_id, obstacle in data.obstacles:
        if application_id != current:
            current = application_id
            story.append(c.text(c.app_label(application_id), "criterion_head"))
        story.append(Paragraph(markup(obstacle), c.s["bullet"], bulletText="•"))
    story.append(PageBreak())
    return story
