"""Annex: the government's decision beside the jury's advice, per application, differences marked."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak
from reportlab.platypus.flowables import Flowable

from jury_tui.domain.consensus import Recommendation
from jury_tui.domain.government import compare
from jury_tui.i18n import t
from jury_tui.reports.advice_pdf.context import Context
from jury_tui.reports.advice_pdf.styles import ACCENT, WARN_BACK, WIDTH
from jury_tui.reports.advice_pdf.text import markup, upper_first
from jury_tui.reports.data_export import format_amount, format_date, recommendation_text


def decided_by(c: Context) -> str:
    """Who decides: the criteria file's addressee ("de Vlaamse Regering"), else the government."""
    addressee = c.criteria.addressee
    return addressee.get(c.lang) if addressee is not None else t("export.gov.government")


def annex_government(c: Context) -> list[Flowable]:
    government = c.data.government
    if government is None:
        return []
    story = [PageBreak(), *c.heading("h1", "annex-government", "", t("export.gov.title", by=decided_by(c)), 0)]
    story.append(c.text(t(
        "export.gov.intro", by=decided_by(c), date=format_date(government.decided_on), reference=government.reference,
    ), "body"))
    if government.budget is not None:
        story.append(c.text(t("export.gov.budget", amount=format_amount(government.budget)), "body"))
    if government.note.strip():
        story.append(c.text(government.note, "body"))
    rows = [[
        c.text(t("export.ranking.application"), "cell_head"),
        c.text(t("export.gov.advice"), "cell_head"),
        c.text(t("export.ranking.advised"), "cell_head_right"),
        c.text(t("export.gov.decision"), "cell_head"),
        c.text(t("export.gov.granted"), "cell_head_right"),
        c.text(t("export.gov.differs"), "cell_head_center"),
    ]]
    commands = c.grid_style()
    advised_cents = granted_cents = 0
    granted_known = True
    any_illustrative = False
    order = {row.application_id: index for index, row in enumerate(c.data.ranking)}
    comparison = sorted(compare(c.session, c.data.decisions, government), key=lambda row: order[row.application_id])
    for line, row in enumerate(comparison, start=1):
        if row.recommendation is Recommendation.SELECT and row.advised_amount is not None:
            advised_cents += int(round(row.advised_amount * 100))
        granted = t("export.col.selected") if row.selected else t("export.gov.not_selected")
        amount = ""
        if row.selected:
            if row.amount is None:
                granted_known = False
                amount = t("export.none")
            else:
                granted_cents += int(round(row.amount * 100))
                amount = format_amount(row.amount, unit=False) + (" *" if row.illustrative else "")
                any_illustrative |= row.illustrative
        advised = format_amount(row.advised_amount, unit=False) if row.advised_amount is not None else ""
        rows.append([
            c.text(c.app_label(row.application_id), "cell"),
            c.text(recommendation_text(row.recommendation), "cell"),
            c.text(advised, "cell_right"),
            c.text(granted, "cell"),
            c.text(amount, "cell_right"),
            c.para(f"<b>{markup(t('export.gov.differs_mark'))}</b>" if row.differs else "", "cell_center"),
        ])
        if row.differs:
            commands.append(("BACKGROUND", (0, line), (-1, line), WARN_BACK))
    total_line = len(rows)
    rows.append([
        c.text(t("export.gov.total"), "cell_head"), "",
        c.text(format_amount(advised_cents / 100, unit=False), "cell_head_right"), "",
        c.text(format_amount(granted_cents / 100, unit=False) if granted_known else t("export.none"), "cell_head_right"), "",
    ])
    commands += [("LINEABOVE", (0, total_line), (-1, total_line), 0.8, ACCENT)]
    widths = [44 * mm, 26 * mm, 24 * mm, 29 * mm, 24 * mm, WIDTH - 147 * mm]
    story.append(c.table(rows, widths, commands))
    differences = sum(1 for row in comparison if row.differs)
    story.append(c.text(t("export.gov.legend", count=differences, mark=t("export.gov.differs_mark")), "caption"))
    if any_illustrative:
        story.append(c.text(t("export.gov.illustrative"), "caption"))
    return story


def decision_line(c: Context, application_id: str) -> str | None:
    """The government's decision on one application in a sentence, once recorded (markup)."""
    government = c.data.government
    if government is None:
        return None
    contract = government.contract(application_id)
    when = {"by": decided_by(c), "date": format_date(government.decided_on), "reference": government.reference}
    if contract is None:
        return markup(upper_first(t("export.gov.line_not_selected", **when)))
    if contract.amount is None:
        return markup(upper_first(t("export.gov.line_selected", **when)))
    amount = format_amount(contract.amount) + (" *" if contract.illustrative else "")
    return markup(upper_first(t("export.gov.line_granted", amount=amount, **when)))
