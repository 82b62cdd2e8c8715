"""Chapter 3: one section per application in order of rank, with consensus and motivation per criterion."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from jury_tui.i18n import t
from jury_tui.reports.advice_pdf.conditions import conditions
from jury_tui.reports.advice_pdf.context import Context
from jury_tui.reports.advice_pdf.government import decision_line
from jury_tui.reports.advice_pdf.ranking import unranked_reason
from jury_tui.reports.advice_pdf.styles import ACCENT, LIGHT, WIDTH
from jury_tui.reports.advice_pdf.text import markup, text_paragraphs
from jury_tui.reports.data_export import (
    format_amount,
    format_number,
    format_score,
    recommendation_text,
)
from jury_tui.reports.open_points import application_line

BAND_SHARE = 0.55  # of the width, for the criterion's name; the consensus score takes the rest


def band(left: Flowable, right: Flowable) -> Table:
    """A shaded band with a rule above it: the criterion's name on the left, the consensus score on the right."""
    table = Table([[left, right]], colWidths=[WIDTH * BAND_SHARE, WIDTH * (1 - BAND_SHARE)])
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), LIGHT),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ]))
    table.keepWithNext = 1  # never the band alone at the foot of a page
    return table


def applications(c: Context) -> list[Flowable]:
    story = [PageBreak(), *c.heading("h1", "ch-applications", "3", t("export.ch.applications"), 0)]
    for index, row in enumerate(c.data.ranking):
        if index:
            story.append(PageBreak())
        story += application(c, index, row.application_id)
    return story


def application(c: Context, index: int, application_id: str) -> list[Flowable]:
    data, lang = c.data, c.lang
    application = c.session.application(application_id)
    decision = data.decision(application_id)
    row = data.ranked(application_id)
    aggregate = data.aggregates[application_id]
    story = c.heading("h2", f"app-{application_id}", f"3.{index + 1}", c.app_label(application_id), 1, progress=index)
    story.append(c.text(application.title, "app_title"))

    # key facts
    if row.rank is None:
        rank_text = f"{t('export.app.unranked')} ({unranked_reason(c, row)})"
    else:
        shown = t("export.app.ex_aequo", rank=row.rank) if row.ex_aequo else row.rank
        rank_text = t("export.app.rank_value", rank=shown, count=c.ranked_count)
    funded = application_id in c.funded_set
    facts = [
        (t("chair.ui.ranking.column_application"), markup(application.id)),
        (t("export.ranking.rank"), markup(rank_text)),
        (
            t("export.app.total"),
            markup(t("export.app.total_value", total=format_score(row.total), max=format_score(c.max_total)))
            if row.total is not None else markup(t("export.none")),
        ),
        (t("export.ranking.recommendation"), f"<b>{markup(recommendation_text(decision.recommendation))}</b>"),
        (t("export.app.requested"), markup(format_amount(application.requested_subsidy))),
        (t("export.app.advised"), f"<b>{markup(c.amount(data.advised_amount(application_id)))}</b>"),
        (t("chair.key.toggle_selected"), markup(t("export.chart.selected") if funded else t("export.app.not_selected"))),
    ]
    story.append(c.facts_table(facts))
    if aggregate.conflicted_jurors:
        jurors = ", ".join(c.labels[juror_id] for juror_id in sorted(aggregate.conflicted_jurors, key=c.position_of))
        story.append(Spacer(1, 3))
        story.append(c.text(t("export.app.abstained", jurors=jurors), "small"))

    # summary
    story += c.text_heading(t("export.app.summary"))
    summary = text_paragraphs(application.summary, c.s["body"])
    story += summary or [c.text(t("export.app.no_summary"), "small")]

    # conditions
    if data.eligibility[application_id]:
        story += [CondPageBreak(40 * mm), c.text(t("export.sec.eligibility"), "h3")]
        story += conditions(c, application_id)
        if decision.advised_amount is not None:
            story.append(c.text(t("export.app.checked_at", amount=format_amount(decision.advised_amount)), "caption"))

    # criteria
    story += [CondPageBreak(45 * mm), c.text(t("export.app.criteria"), "h3_text")]
    for number, criterion in enumerate(c.criteria.criteria, start=1):
        consensus = decision.get(criterion.id)
        stats = aggregate.criteria[criterion.id]
        if consensus.score is None:
            score = f"<font color='#9b1c1c'><b>{markup(t('export.app.missing_score'))}</b></font>"
        else:
            label = c.criteria.scale.label(consensus.score, lang)
            score = markup(t("export.app.consensus")) + ": <b>" + markup(
                t("export.app.score_value", score=consensus.score, max=c.criteria.scale.max, label=label)
            ) + "</b>"
        bar = band(c.para(f"{number}.&nbsp;{markup(criterion.name.get(lang))}", "criterion"), c.para(score, "criterion_score"))
        story += [CondPageBreak(38 * mm), bar, c.text(spread_text(stats), "spread")]
        motivation = text_paragraphs(consensus.motivation, c.s["body"])
        if motivation:
            story += motivation
        elif criterion.motivation_required:
            story.append(c.text(t("export.app.missing_motivation"), "missing"))
        minority = text_paragraphs(consensus.minority_view, c.s["minority"])
        if minority:
            story += [CondPageBreak(22 * mm), c.text(t("export.app.minority"), "minority_label")]
            story += minority
        story.append(Spacer(1, 5))

    # conclusion
    story += c.text_heading(t("export.app.conclusion"))
    overall = text_paragraphs(decision.overall_motivation, c.s["body"])
    story += overall or [c.text(t("export.app.missing_motivation"), "missing")]
    story.append(Spacer(1, 4))
    conclusion = c.facts_table([
        (t("export.ranking.recommendation"), f"<b>{markup(recommendation_text(decision.recommendation))}</b>"),
        (t("export.app.advised"), f"<b>{markup(c.amount(data.advised_amount(application_id)))}</b>"),
        (t("chair.key.toggle_selected"), markup(t("export.chart.selected") if funded else t("export.app.not_selected"))),
    ])
    story.append(KeepTogether([conclusion]))
    government = decision_line(c, application_id)
    if government is not None:
        story += [Spacer(1, 4), c.para(government, "body")]
    for field, key in (("rank_motivation", "export.app.rank_motivation"), ("hearing", "export.app.hearing"),
                       ("conditions", "export.app.conditions")):
        text = getattr(decision, field)
        if field == "conditions" and not (decision.recommendation is not None and decision.recommendation.funded):
            continue  # conditions belong to a contract: none for an application advised not to select
        if text.strip():
            heading = t(key, minimum=c.criteria.ranking.minimum_votes, votes=row.votes)
            story += [*c.text_heading(heading), *text_paragraphs(text, c.s["body"])]
    points = c.gaps.applications.get(application_id)
    if points:
        line = application_line(c.session, application_id, points, row.votes)
        story += [Spacer(1, 6), c.text(t("advice.still_open", points=line.split(": ", 1)[1]), "missing")]
    return story


def spread_text(stats) -> str:
    if not stats.count:
        return t("export.app.no_scores")
    if stats.count == 1:
        text = t("export.app.spread_one", score=stats.min)
    else:
        text = t(
            "export.app.spread",
            min=stats.min,
            max=stats.max,
            mean=format_number(stats.mean, 1),
            median=format_score(stats.median),
            count=stats.count,
        )
        if stats.flagged:
            text += t("export.app.spread_diverged")
    if stats.missing:
        key = "export.app.spread_missing_one" if stats.missing == 1 else "export.app.spread_missing"
        text += t(key, count=stats.missing)
    return text
