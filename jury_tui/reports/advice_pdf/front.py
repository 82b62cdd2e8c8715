"""The cover and the table of contents."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import NextPageTemplate, PageBreak, Paragraph, Spacer
from reportlab.platypus.flowables import Flowable, HRFlowable

from jury_tui.domain.deliberation import Meeting
from jury_tui.domain.session import Role, SessionDefinition
from jury_tui.i18n import t
from jury_tui.reports.advice_pdf.context import Context
from jury_tui.reports.advice_pdf.page import PageRef
from jury_tui.reports.advice_pdf.styles import ACCENT, WIDTH
from jury_tui.reports.advice_pdf.text import markup
from jury_tui.reports.data_export import format_amount, format_date, format_number
from jury_tui.reports.open_points import application_line, session_line


def meeting_and_fingerprint_rows(meeting: Meeting, session: SessionDefinition) -> list[tuple[str, str]]:
    """The cover's last facts, in the advice and the evaluation report alike: who chaired the
    meeting and when (when on record), and the session's fingerprint."""
    rows = []
    if meeting.chair.strip():
        rows.append((t("export.meeting.chair"), markup(meeting.chair)))
    if meeting.held_on:
        rows.append((t("export.meeting.date"), markup(format_date(meeting.held_on))))
    rows.append((t("export.cover.fingerprint"), f'<font size="7.5">{markup(session.fingerprint)}</font>'))
    return rows


def cover(c: Context) -> list[Flowable]:
    data, session = c.data, c.session
    voting = sum(1 for juror in session.jurors if juror.role is Role.VOTING)
    advisory = len(session.jurors) - voting
    story: list[Flowable] = [
        Spacer(1, 38 * mm),
        c.text(c.criteria.title.get(c.lang), "cover_kicker"),
        c.text(t("export.advice_title"), "cover_title"),
    ]
    if c.criteria.call is not None:
        story.append(c.text(c.criteria.call.get(c.lang), "cover_call"))
    if c.criteria.addressee is not None:
        story += [Spacer(1, 6 * mm), c.text(t("export.cover.addressee", addressee=c.criteria.addressee.get(c.lang)), "cover_kicker")]
    meeting = data.deliberation.meeting
    budget = markup(format_amount(data.budget))
    if data.budget != session.budget:
        budget += " " + markup(t("export.cover.budget_session", amount=format_amount(session.budget)))
    story += [
        Spacer(1, 10 * mm),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceAfter=5 * mm),
        c.facts_table(
            [
                (t("export.cover.session"), markup(session.title)),
                (t("export.cover.session_id"), markup(session.id)),
                (t("export.cover.date"), markup(format_date(data.generated_on))),
                (t("export.cover.applications"), format_number(len(session.applications))),
                (t("export.cover.budget"), budget),
                (t("export.cover.jury"), markup(t("export.cover.jury_value", voting=voting, advisory=advisory))),
                *meeting_and_fingerprint_rows(meeting, session),
            ],
            label_width=52 * mm,
        ),
        Spacer(1, 8 * mm),
    ]
    missing = c.gaps.count()
    if missing:
        key = "export.cover.incomplete_one" if missing == 1 else "export.cover.incomplete"
        story.append(c.text(t(key, count=missing), "warning"))
        story += open_points(c)
    story.append(c.text(t("export.cover.note"), "small"))
    story += [NextPageTemplate("body"), PageBreak()]
    return story


def open_points(c: Context) -> list[Flowable]:
    """What is still open, one line per application and per session point (reports/open_points.py)."""
    data = c.data
    lines = [application_line(c.session, aid, points, data.ranked(aid).votes) for aid, points in c.gaps.applications.items()]
    lines += [session_line(c.session, point, data.funded_total(), data.budget) for point in c.gaps.session]
    return [Paragraph(markup(line), c.s["bullet"], bulletText="•") for line in lines]


def contents(c: Context) -> list[Flowable]:
    """Chapters with their number, sections indented under them, pages on the right."""
    s = c.s
    rows = []
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
    height = s["toc"].leading
    for index, (key, number, text, level) in enumerate(c.toc_entries):
        page = PageRef(key, height)
        if level == 0:
            if number:
                rows.append([c.text(number, "toc_chapter"), c.text(text, "toc_chapter"), "", page])
                commands.append(("SPAN", (1, index), (2, index)))
            else:  # an annex: no number
                rows.append([c.text(text, "toc_chapter"), "", "", page])
                commands.append(("SPAN", (0, index), (2, index)))
            if index:
                commands.append(("TOPPADDING", (0, index), (-1, index), 7))
        elif number:
            rows.append(["", c.text(number, "toc"), c.text(text, "toc"), page])
        else:
            rows.append(["", c.text(text, "toc"), "", page])
            commands.append(("SPAN", (1, index), (2, index)))
    story: list[Flowable] = [c.text(t("export.toc"), "h1")]
    if rows:
        story.append(c.table(rows, [9 * mm, 11 * mm, WIDTH - 36 * mm, 16 * mm], commands, repeat=0))
    story.append(PageBreak())
    return story


