"""Chapter 1, the method: criteria, scale, conditions, aggregation, jury composition, conflicts of interest."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak, Paragraph, Spacer
from reportlab.platypus.flowables import Flowable

from jury_tui.domain.session import Role
from jury_tui.i18n import t
from jury_tui.reports.advice_pdf.context import Context
from jury_tui.reports.advice_pdf.styles import WIDTH
from jury_tui.reports.advice_pdf.text import lower_first, markup, upper_first
from jury_tui.reports.data_export import (
    format_amount,
    format_date,
    format_score,
    role_text,
)


def method(c: Context) -> list[Flowable]:
    s, criteria, lang = c.s, c.criteria, c.lang
    call = (criteria.call or criteria.title).get(lang)
    story = c.heading("h1", "ch-method", "1", t("export.ch.method"), 0)
    story.append(c.text(t("export.method.intro", count=len(c.session.applications), call=lower_first(call)), "body"))

    # 1.1 criteria
    story += c.heading("h2", "sec-criteria", "1.1", t("export.sec.criteria"), 1)
    weights = {criterion.weight for criterion in criteria.criteria}
    intro = "export.criteria.intro_equal" if len(weights) == 1 else "export.criteria.intro_weighted"
    story.append(c.text(t(intro, count=len(criteria.criteria), max=format_score(c.max_total)), "body"))
    for number, criterion in enumerate(criteria.criteria, start=1):
        weight = t("export.criteria.weight", weight=format_score(criterion.weight))
        block: list[Flowable] = [
            Paragraph(f"{number}.&nbsp;{markup(criterion.name.get(lang))} <font color='#5b6675' size='8.5'>({markup(weight)})</font>",
               s["criterion_head"]),
            c.text(criterion.description.get(lang), "body"),
        ]
        if criterion.guidance:
            block.append(c.text(t("export.criteria.guidance"), "lead_in"))
            block += [Paragraph(markup(point.get(lang)), c.s["bullet"], bulletText="•") for point in criterion.guidance]
        if criterion.minimum_score is not None:
            block.append(c.text(t("export.criteria.threshold", min=criterion.minimum_score), "body"))
        if not criterion.motivation_required:
            block.append(c.text(t("export.criteria.no_motivation"), "small"))
        story.append(CondPageBreak(30 * mm))
        story += block

    # 1.2 scale
    story += c.heading("h2", "sec-scale", "1.2", t("export.sec.scale"), 1)
    scale = criteria.scale
    story.append(c.text(t("export.scale.intro", min=scale.min, max=scale.max), "body"))
    rows = [[c.text(t("ui.key.score"), "cell_head_center"), c.text(t("export.scale.meaning"), "cell_head")]]
    for step in sorted(scale.steps, key=lambda step: step.value):
        rows.append([c.para(str(step.value), "cell_center"), c.text(step.label.get(lang), "cell")])
    story.append(c.table(rows, [18 * mm, 62 * mm], c.grid_style()))

    # 1.3 conditions of the call
    story += c.heading("h2", "sec-conditions", "1.3", t("export.sec.eligibility"), 1)
    if criteria.eligibility:
        story.append(c.text(t("export.eligibility.intro"), "body"))
        for rule in criteria.eligibility:
            text = markup(rule.name.get(lang))
            if rule.description is not None:
                text += f" <font color='#5b6675'>– {markup(rule.description.get(lang))}</font>"
            story.append(Paragraph(text, c.s["bullet"], bulletText="•"))
    else:
        story.append(c.text(t("export.eligibility.none"), "body"))

    # 1.4 aggregation
    story += c.heading("h2", "sec-aggregation", "1.4", t("export.sec.aggregation"), 1)
    threshold = format_score(criteria.disagreement_threshold)
    texts = [
        t("export.aggregation.individual"),
        t("export.aggregation.voting"),
        t("export.aggregation.conflicts"),
        t("export.aggregation.statistics", threshold=threshold),
        t("export.aggregation.consensus"),
    ]
    ranking = t("export.aggregation.ranking")
    if criteria.ranking.tie_break:
        names = [f"‘{criteria.criterion(cid).name.get(lang)}’" for cid in criteria.ranking.tie_break]
        ranking += " " + t("export.aggregation.tie_break", criteria=t("export.then").join(names))
    if criteria.ranking.minimum_total is not None:
        ranking += " " + t("export.aggregation.minimum_total", min=format_score(criteria.ranking.minimum_total))
    texts.append(ranking)
    if criteria.ranking.minimum_votes:
        texts.append(t("export.aggregation.minimum_votes", minimum=criteria.ranking.minimum_votes))
    texts.append(t("export.aggregation.ties"))
    texts.append(t("export.aggregation.budget", budget=format_amount(c.data.budget)))
    story += [c.text(text, "body") for text in texts]

    # 1.5 composition
    story += composition(c)

    # 1.6 conflicts of interest
    story += c.heading("h2", "sec-conflicts", "1.6", t("ui.conflicts.title"), 1)
    conflicts = c.data.conflicts(c.names)
    if conflicts:
        story.append(c.text(t("export.conflicts.intro"), "body"))
        rows = [[
            c.text(t("export.conflicts.juror"), "cell_head"),
            *([c.text(t("export.composition.role"), "cell_head")] if c.roles else []),
            c.text(t("chair.ui.ranking.column_application"), "cell_head"),
        ]]
        for juror_id, application_id in conflicts:
            rows.append([
                c.text(c.labels[juror_id], "cell"),
                *([c.text(upper_first(role_text(c.session.juror(juror_id).role)), "cell")] if c.roles else []),
                c.text(c.app_label(application_id), "cell"),
            ])
        widths = [40 * mm, 35 * mm, WIDTH - 75 * mm] if c.roles else [40 * mm, WIDTH - 40 * mm]
        story.append(c.table(rows, widths, c.grid_style()))
    else:
        story.append(c.text(t("export.conflicts.none"), "body"))
    story += meeting(c)
    story.append(PageBreak())
    return story


@dataclass(frozen=True)
class CompositionWords:
    """The keys of the composition's sentences: the advice speaks of the jury, the evaluation report
    of the klankbordgroep. `anonymous`: the sentences naming the document (several jurors, one);
    `submitted_one`/`submitted_none`: one or no juror submitted (else `submitted_some`)."""

    heading: str = "export.sec.composition"
    intro: str = "export.composition.intro"
    anonymous: tuple[str, str] = ("export.composition.anonymous", "export.composition.anonymous_one")
    submitted_all: str = "export.composition.submitted_all"
    submitted_some: str = "export.composition.submitted_some"
    submitted_one: str | None = None
    submitted_none: str | None = None


ADVICE_WORDS = CompositionWords()  # "In dit advies …", the jury


def composition(c: Context, number: str = "1.5", words: CompositionWords = ADVICE_WORDS) -> list[Flowable]:
    """The jury's composition per role (anonymous where a role would point at one juror) and who
    submitted; shared with the evaluation report's annex (in its own `words`)."""
    story = c.heading("h2", "sec-composition", number, t(words.heading), 1)
    jurors = c.jurors
    voting = [juror for juror in jurors if juror.role is Role.VOTING]
    advisory = [juror for juror in jurors if juror.role is Role.ADVISORY]
    story.append(
        c.text(t(words.intro, total=len(jurors), voting=len(voting), advisory=len(advisory)), "body")
    )
    # The members per role only where that cannot point at one juror (c.roles); else the count alone.
    rows = [[
        c.text(t("export.composition.role"), "cell_head"),
        c.text(t("export.composition.count"), "cell_head_center"),
        *([c.text(t("export.composition.members"), "cell_head")] if c.roles else []),
    ]]
    for role, members in ((Role.VOTING, voting), (Role.ADVISORY, advisory)):
        if members:
            rows.append([
                c.text(upper_first(role_text(role)), "cell"),
                c.para(str(len(members)), "cell_center"),
                *([c.para(", ".join(markup(c.labels[juror.id]) for juror in members), "cell")] if c.roles else []),
            ])
    widths = [35 * mm, 18 * mm, WIDTH - 53 * mm] if c.roles else [35 * mm, 18 * mm]
    story.append(c.table(rows, widths, c.grid_style()))
    story.append(Spacer(1, 4))
    if not c.names:
        first, last = c.labels[jurors[0].id], c.labels[jurors[-1].id]
        key = words.anonymous[0] if len(jurors) > 1 else words.anonymous[1]
        text = t(key, first=first, last=last) + " " + t("export.composition.random")
        if not c.roles:
            text += " " + t("export.composition.roles_hidden")
        story.append(c.text(text, "body"))
    not_submitted = [juror for juror in jurors if juror.id not in c.data.submissions]
    if not_submitted:
        missing = ", ".join(
            f"{c.labels[juror.id]} ({role_text(juror.role)})" if c.roles else c.labels[juror.id] for juror in not_submitted
        )
        submitted = len(jurors) - len(not_submitted)
        key = words.submitted_some
        if submitted == 0 and words.submitted_none is not None:
            key = words.submitted_none
        elif submitted == 1 and words.submitted_one is not None:
            key = words.submitted_one
        text = t(key, submitted=submitted, total=len(jurors), missing=missing)
    else:
        text = t(words.submitted_all, total=len(jurors))
    story.append(c.text(text, "body"))
    return story


def meeting(c: Context, number: str = "1.7", heading: str = "export.sec.meeting") -> list[Flowable]:
    """1.7 The jury meeting on record: date, chair, attendees (by label, or only counted where a
    label or role would point at one juror), others present, notes."""
    record = c.data.deliberation.meeting
    story = c.heading("h2", "sec-meeting", number, t(heading), 1)
    if not record.recorded:
        story.append(c.text(t("advice.gap.meeting"), "missing"))
    none = t("export.none")
    attendees = [c.session.juror(juror_id) for juror_id in record.attendees if any(j.id == juror_id for j in c.session.jurors)]
    attendees.sort(key=lambda juror: c.position_of(juror.id))
    voting = sum(1 for juror in attendees if juror.role is Role.VOTING)
    if not attendees:
        present = none
    elif c.names:
        present = ", ".join(f"{c.labels[j.id]} ({role_text(j.role)})" for j in attendees)
    elif c.roles:
        present = t("export.meeting.attendees_roles", count=len(attendees), voting=voting, advisory=len(attendees) - voting)
    else:
        present = t("export.meeting.attendees_count", count=len(attendees), total=len(c.session.jurors))
    pairs = [
        (t("export.meeting.date"), markup(format_date(record.held_on)) if record.held_on else markup(none)),
        (t("export.meeting.chair"), markup(record.chair) if record.chair.strip() else markup(none)),
        (t("export.meeting.attendees"), markup(present)),
        (t("export.meeting.others"), markup(", ".join(record.others)) if record.others else markup(none)),
    ]
    story.append(c.facts_table(pairs))
    if record.notes.strip():
        story += [Spacer(1, 4), c.text(record.notes, "body")]
    return story


