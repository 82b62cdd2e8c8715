"""The annexes: A, the individual scores per juror (left out on request); B (or A without the scores),
the agreement between jurors per criterion."""

from __future__ import annotations

import math
from collections import Counter

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Spacer
from reportlab.platypus.flowables import Flowable

from jury_tui.domain.aggregation import agreement_level, weighted_total
from jury_tui.i18n import t
from jury_tui.reports.advice_pdf.context import Context
from jury_tui.reports.advice_pdf.styles import FONT, FONT_ITALIC, INK, MUTED, WIDTH
from jury_tui.reports.advice_pdf.text import plain_cell
from jury_tui.reports.data_export import (
    format_datetime,
    format_number,
    format_score,
    role_text,
)


def annex_scores(c: Context) -> list[Flowable]:
    lang, data = c.lang, c.data
    criteria = c.criteria.criteria
    story = [PageBreak(), *c.heading("h1", "annex-scores", "", t("export.annex.scores"), 0)]
    story.append(c.text(t("export.annex.scores_intro"), "body"))
    legend = [[c.para(f"<b>{number}</b>", "cell_center"), c.text(criterion.name.get(lang), "cell")]
              for number, criterion in enumerate(criteria, start=1)]
    story.append(c.table(legend, [10 * mm, 90 * mm], [
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1), ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ], repeat=0))
    story.append(Spacer(1, 4))
    story.append(c.text(t("export.annex.scores_legend"), "small"))
    count = len(criteria)
    first, last_width = 50 * mm, 16 * mm
    score_width = min(14 * mm, (WIDTH - first - last_width) / max(count, 1))
    widths = [first, *[score_width] * count, last_width]
    municipalities = Counter(application.municipality for application in c.session.applications)
    names = {  # the municipality alone, unless it has more than one application
        application.id: application.municipality if municipalities[application.municipality] == 1 else c.app_label(application.id)
        for application in c.session.applications
    }
    listed = data.jurors_with_own_scores(c.names)
    if len(listed) < len(c.jurors):
        story.append(c.text(t("export.annex.advisory_left_out"), "small"))
    for juror in listed:
        submission = data.submissions.get(juror.id)
        label = c.labels[juror.id]
        heading = t("export.annex.juror_heading", label=label, role=role_text(juror.role)) if c.roles else label
        block = [CondPageBreak(40 * mm), *c.heading("h2", f"annex-{juror.id}", "", heading, 1)]
        if submission is None:
            block.append(c.text(t("export.annex.not_submitted"), "body"))
            story += block
            continue
        if c.names:  # a moment of sending could map a letter back to the juror who sent then
            block.append(c.text(t("export.annex.submitted_at", at=format_datetime(submission.submitted_at)), "small"))
        scores = {
            assessment.application_id: {entry.criterion_id: entry.score for entry in assessment.scores}
            for assessment in submission.assessments
        }
        conflicts = set(submission.conflicts)
        rows: list[list] = [[
            c.text(t("chair.ui.ranking.column_application"), "cell_head"),
            *[c.para(str(number), "cell_head_center") for number in range(1, count + 1)],
            c.text(t("chair.ui.overview.column_total"), "cell_head_right"),
        ]]
        # Scores are plain table strings: fast, and they never wrap.
        commands = c.grid_style() + [
            ("TOPPADDING", (0, 1), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 1), (-1, -1), 2),
            ("FONTNAME", (0, 1), (-1, -1), FONT),
            ("FONTSIZE", (0, 1), (-1, -1), 8.5),
            ("LEADING", (0, 1), (-1, -1), 11),
            ("ALIGN", (1, 1), (-2, -1), "CENTER"),
            ("ALIGN", (-1, 1), (-1, -1), "RIGHT"),
            ("TEXTCOLOR", (0, 1), (0, -1), INK),
        ]
        for row_number, application in enumerate(c.session.applications, start=1):
            # Plain text where it fits: these tables hold one row per application for every juror.
            label = plain_cell(names[application.id], FONT, 8.5, first - 8) or c.text(names[application.id], "cell")
            if application.id in conflicts:
                rows.append([label, t("status.conflict"), *[""] * count])
                commands += [
                    ("SPAN", (1, row_number), (count, row_number)),
                    ("FONTNAME", (1, row_number), (count, row_number), FONT_ITALIC),
                    ("TEXTCOLOR", (1, row_number), (-1, row_number), MUTED),
                ]
                continue
            given = scores.get(application.id, {})
            values = [given.get(criterion.id) for criterion in criteria]
            total = weighted_total(c.criteria, {criterion.id: given.get(criterion.id) for criterion in criteria})
            rows.append([
                label,
                *[t("export.none") if value is None else str(value) for value in values],
                format_score(total),
            ])
        # One juror's table on one page where it fits; a longer one splits with its header repeated.
        story.append(KeepTogether([*block, c.table(rows, widths, commands), Spacer(1, 6)]))
    return story


def annex_agreement(c: Context) -> list[Flowable]:
    lang = c.lang
    title = t("export.annex.agreement") if c.individual else t("export.annex.agreement_only")
    story = [CondPageBreak(90 * mm), *c.heading("h1", "annex-agreement", "", title, 0)]
    story.append(c.text(t("export.annex.agreement_intro"), "body"))
    rows = [[
        c.text(t("ui.key.criterion_group"), "cell_head"),
        c.text(t("export.annex.alpha"), "cell_head_right"),
        c.text(t("export.annex.level"), "cell_head"),
    ]]
    for criterion in c.criteria.criteria:
        alpha = c.data.agreement.get(criterion.id)
        level = agreement_level(alpha)
        rows.append([
            c.text(criterion.name.get(lang), "cell"),
            c.para(t("export.none") if alpha is None or math.isnan(alpha) else format_number(alpha, 2), "cell_right"),
            c.text(t(f"export.agreement.{level.value}"), "cell"),
        ])
    story.append(c.table(rows, [90 * mm, 20 * mm, 40 * mm], c.grid_style()))
    return story

