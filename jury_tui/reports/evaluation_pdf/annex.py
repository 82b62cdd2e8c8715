"""The annex: how the klankbordgroep worked (criteria, scale, verdicts, rules on the figures) and
who it is (the advice's composition and meeting, numbered for the annex)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph
from reportlab.platypus.flowables import Flowable

from jury_tui.i18n import t
from jury_tui.reports.advice_pdf.method import CompositionWords, composition, meeting
from jury_tui.reports.advice_pdf.text import lower_first, markup
from jury_tui.reports.evaluation_pdf.context import EvaluationContext

# The klankbordgroep's composition: the jury of the selection, assessing progress reports.
WORDS = CompositionWords(
    heading="evaluation.sec.composition",
    intro="evaluation.composition.intro",
    anonymous=("evaluation.composition.anonymous", "evaluation.composition.anonymous_one"),
    submitted_all="evaluation.composition.submitted_all",
    submitted_some="evaluation.composition.submitted_some",
    submitted_one="evaluation.composition.submitted_one",
    submitted_none="evaluation.composition.submitted_none",
)


def annex(c: EvaluationContext) -> list[Flowable]:
    criteria, lang = c.criteria, c.lang
    call = (criteria.call or criteria.title).get(lang)
    story = c.heading("h1", "annex-method", "", t("evaluation.ch.annex"), 0)
    story.append(c.text(t("evaluation.method.intro", call=lower_first(call), year=c.evaluation.year), "body"))

    story += c.heading("h2", "annex-criteria", "A.1", t("export.sec.criteria"), 1)
    for number, criterion in enumerate(criteria.criteria, start=1):
        story.append(CondPageBreak(20 * mm))
        story.append(Paragraph(f"{number}.&nbsp;{markup(criterion.name.get(lang))}", c.s["criterion_head"]))
        story.append(c.text(criterion.description.get(lang), "body"))

    story += c.heading("h2", "annex-scale", "A.2", t("export.sec.scale"), 1)
    steps = sorted(criteria.scale.steps, key=lambda step: step.value)
    story.append(c.text(t("export.scale.intro", min=criteria.scale.min, max=criteria.scale.max) + " "
                        + "; ".join(f"{step.value} = {step.label.get(lang)}" for step in steps) + ".", "body"))

    story += c.heading("h2", "annex-verdicts", "A.3", t("evaluation.sec.verdicts"), 1)
    for verdict in criteria.verdicts:
        text = f"<b>{markup(verdict.name.get(lang))}</b>"
        if verdict.description is not None:
            text += f" – {markup(verdict.description.get(lang))}"
        story.append(Paragraph(text, c.s["bullet"], bulletText="•"))

    story += c.heading("h2", "annex-rules", "A.4", t("evaluation.sec.rules_annex"), 1)
    story.append(c.text(t("evaluation.rules.intro"), "body"))
    for rule in criteria.eligibility:
        story.append(Paragraph(markup(rule.name.get(lang)), c.s["bullet"], bulletText="•"))

    story += composition(c, "A.5", WORDS)
    story += meeting(c, "A.6", "evaluation.sec.meeting")
    return story
