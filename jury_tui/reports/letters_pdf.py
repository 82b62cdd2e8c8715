"""A letter per applicant: the evaluation summary report (as the EU calls it), one Dutch PDF per
application, `write_letters(data, out_dir)`.

What an applicant reads: the call, the consensus score per criterion with the scale's label and the
jury's motivation, the total and the rank, the overall motivation, the outcome (the jury's advice
and, once recorded, the government's decision with its amount, date and reference) and the
conditions a selected contract starts with. Nothing about individual jurors: no letters, no names,
no spread of scores, no minority views. The letters require a complete advice (the same rule as
`export --strict`): they go to the applicants.

The pages, styles and creation date are the advice's (jury_tui.reports.advice_pdf)."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, CondPageBreak, NextPageTemplate, Spacer
from reportlab.platypus.flowables import Flowable, HRFlowable

from jury_tui import __version__
from jury_tui.domain.consensus import Recommendation
from jury_tui.errors import JuryError
from jury_tui.formats.atomic_file import write_atomic
from jury_tui.i18n import language, set_language, t
from jury_tui.reports.advice_pdf import refusal, register_fonts
from jury_tui.reports.advice_pdf.applications import band
from jury_tui.reports.advice_pdf.context import Context
from jury_tui.reports.advice_pdf.government import decision_line
from jury_tui.reports.advice_pdf.page import numbered_canvas, page_templates
from jury_tui.reports.advice_pdf.styles import ACCENT, BOTTOM, LEFT, RIGHT, TOP
from jury_tui.reports.advice_pdf.text import markup, text_paragraphs
from jury_tui.reports.data_export import (
    AdviceData,
    clean_text,
    format_amount,
    format_date,
    format_score,
    recommendation_text,
)

__all__ = ["letter_name", "write_letters"]


def letter_name(application_id: str, municipality: str) -> str:
    """'brief-wvc21-03-boom.pdf': the id (a safe name on every disk, never a reserved one) and the
    municipality in plain lowercase letters, digits and hyphens."""
    plain = unicodedata.normalize("NFKD", clean_text(municipality)).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40].strip("-")
    return f"brief-{application_id}-{slug}.pdf" if slug else f"brief-{application_id}.pdf"


def write_letters(
    data: AdviceData, out_dir: Path, progress: Callable[[int, int], None] | None = None
) -> list[Path]:
    """One letter per application in `out_dir` (made if missing), each written atomically; returns
    the files in session order. Raises JuryError (one line) while the advice is incomplete.
    `progress(done, total)` after each letter."""
    message = refusal(data)
    if message:
        raise JuryError(t("letters.refused", reason=message))
    register_fonts()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    asked = language()
    set_language("nl")  # a letter to a Flemish municipality is Dutch, whatever language the secretariat works in
    try:
        c = Context(data, names=False, individual=False)
        written = []
        count = len(data.session.applications)
        for done, application in enumerate(data.session.applications, start=1):
            path = out_dir / letter_name(application.id, application.municipality)
            write_atomic(path, letter_bytes(c, application.id))
            written.append(path)
            if progress is not None:
                progress(done, count)
    finally:
        set_language(asked)
    return written


def letter_bytes(c: Context, application_id: str) -> bytes:
    session = c.session
    application = session.application(application_id)
    call = c.criteria.title.get(c.lang)
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=clean_text(t("letters.pdf_title", municipality=application.municipality, call=call)),
        subject=clean_text(t("letters.title")),
        author=clean_text(t("export.author", call=call)),
        creator=f"jury-tui {__version__}",
        producer="jury-tui (ReportLab)",
        keywords=[session.id, application_id],
        lang=t("export.document_language"),
        invariant=1,  # the same data give the same bytes; the creation date is data.created
        displayDocTitle=1,
    )
    document.addPageTemplates(page_templates(session, header=t("letters.title")))
    canvasmaker = numbered_canvas(lambda page, total: t("export.page", page=page, pages=total), [], c.data.created)
    document.build(letter(c, application_id), canvasmaker=canvasmaker)
    return buffer.getvalue()


def letter(c: Context, application_id: str) -> list[Flowable]:
    data, lang, criteria = c.data, c.lang, c.criteria
    application = c.session.application(application_id)
    decision = data.decision(application_id)
    row = data.ranked(application_id)
    story: list[Flowable] = [
        NextPageTemplate("body"),
        c.text(t("letters.to", municipality=application.municipality), "cover_kicker"),
        Spacer(1, 4 * mm),
        c.text(t("letters.title"), "h1"),
        c.text(criteria.title.get(lang), "cover_call"),
    ]
    if criteria.call is not None:
        story.append(c.text(criteria.call.get(lang), "small"))
    story += [Spacer(1, 3 * mm), HRFlowable(width="100%", thickness=1.0, color=ACCENT, spaceAfter=3 * mm)]
    story.append(c.facts_table([
        (t("letters.application"), markup(f"{application.title} ({application.id})")),
        (t("export.ranking.application"), markup(f"{application.municipality} – {application.neighbourhood}")),
        (t("export.cover.date"), markup(format_date(data.generated_on))),
    ]))
    story += [Spacer(1, 4 * mm), c.text(t("letters.intro", addressee=addressee(c)), "body")]

    story += [CondPageBreak(40 * mm), c.text(t("export.app.criteria"), "h2")]
    for number, criterion in enumerate(criteria.criteria, start=1):
        consensus = decision.get(criterion.id)
        label = criteria.scale.label(consensus.score, lang) if consensus.score is not None else ""
        score = t("export.app.score_value", score=consensus.score, max=criteria.scale.max, label=label)
        bar = band(c.para(f"{number}.&nbsp;{markup(criterion.name.get(lang))}", "criterion"),
                   c.para(f"<b>{markup(score)}</b>", "criterion_score"))
        story += [CondPageBreak(30 * mm), bar, Spacer(1, 3)]
        story += text_paragraphs(consensus.motivation, c.s["body"])
        story.append(Spacer(1, 4))

    if row.rank is None:
        rank = t("export.app.unranked")
    else:
        rank = t("export.app.rank_value", rank=t("export.app.ex_aequo", rank=row.rank) if row.ex_aequo else row.rank,
                 count=c.ranked_count)
    story += [CondPageBreak(40 * mm), c.text(t("letters.result"), "h2"), c.facts_table([
        (t("export.app.total"), markup(t("export.app.total_value", total=format_score(row.total), max=format_score(c.max_total)))),
        (t("export.ranking.rank"), markup(rank)),
    ])]
    story += [*c.text_heading(t("export.app.conclusion")), *text_paragraphs(decision.overall_motivation, c.s["body"])]

    story += [CondPageBreak(40 * mm), c.text(t("letters.outcome"), "h2")]
    advice = t("letters.advice", addressee=addressee(c), recommendation=recommendation_text(decision.recommendation).lower())
    amount = data.advised_amount(application_id)
    if amount is not None and decision.recommendation is not None and decision.recommendation.funded:
        advice += " " + t("letters.advised_amount", amount=format_amount(amount))
    story.append(c.text(advice, "body"))
    government = decision_line(c, application_id)
    if government is not None:
        story.append(c.para(f"<b>{government}</b>", "body"))
        contract = data.government.contract(application_id)
        if contract is not None and contract.illustrative:
            story.append(c.text(t("export.gov.illustrative"), "caption"))
    else:
        story.append(c.text(t("letters.no_decision", addressee=addressee(c)), "body"))
    selected = decision.recommendation is Recommendation.SELECT or (
        data.government is not None and data.government.contract(application_id) is not None)
    if selected and decision.conditions.strip():
        story += [*c.text_heading(t("export.app.conditions")), *text_paragraphs(decision.conditions, c.s["body"])]
    return story


def addressee(c: Context) -> str:
    value = c.criteria.addressee
    return value.get(c.lang) if value is not None else t("export.gov.government")
