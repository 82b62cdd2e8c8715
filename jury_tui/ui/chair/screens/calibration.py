"""Calibration: how lenient or strict each voting juror is on the items shared with others, the
ranking on mean scores without and with that leniency removed, and the agreement per criterion.
A follow-up round ranks nothing (a verdict per contract): no ranking there."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from jury_tui.domain.aggregation import agreement_level
from jury_tui.domain.session import Role
from jury_tui.i18n import language, t
from jury_tui.ui.chair import formatting as fmt
from jury_tui.ui.chair.keys import KeySpec, calibration_keys
from jury_tui.ui.chair.screens.base import ChairScreen

NEUTRAL = 0.05  # offsets smaller than this read as "average"
AGREEMENT_STYLES = {"high": "$text-success", "acceptable": "$text-success", "moderate": "$text-warning",
                    "low": "bold $text-error", "undefined": "$text-muted"}


class CalibrationScreen(ChairScreen):
    MODE = "calibration"

    def build_key_specs(self) -> list[KeySpec]:
        return calibration_keys()

    def compose(self) -> ComposeResult:
        yield self.top_bar()
        with VerticalScroll(id="calibration-scroll"):
            yield Static(id="calibration-jurors")
            yield Static(id="calibration-reliability")
            yield Static(id="calibration-ranking")
        yield self.footer()

    def on_mount(self) -> None:
        self.query_one("#calibration-scroll").focus()
        super().on_mount()

    def redraw(self) -> None:
        model = self.model
        jurors = self.query_one("#calibration-jurors", Static)
        if not model.submissions:
            jurors.update(Content.styled(t("chair.ui.calibration.nothing"), "$text-warning"))
            self.query_one("#calibration-reliability", Static).update("")
            self.query_one("#calibration-ranking", Static).update("")
            return
        lang = language()
        calibration = model.calibration
        parts: list[Content | str | tuple[str, str]] = [(t("chair.ui.calibration.jurors_heading"), "bold $text-accent")]
        for juror in model.session.jurors:
            if juror.role is not Role.VOTING:
                continue
            found = calibration.offsets.get(juror.id)
            offset = found.offset if found else None
            if offset is None:
                reading, style = t("export.agreement.undefined"), "$text-muted"
            elif offset >= NEUTRAL:
                reading, style = t("chair.ui.calibration.milder"), "$text-warning"
            elif offset <= -NEUTRAL:
                reading, style = t("chair.ui.calibration.stricter"), "$text-warning"
            else:
                reading, style = t("chair.ui.calibration.neutral"), ""
            row = t("chair.ui.calibration.juror_row", offset=fmt.signed(offset), reading=reading, shared=found.shared_items if found else 0)
            parts += ["\n", f"  {fmt.shorten(juror.name, 30):<30} ", (row, style)]
        note = "follow_up.chair.calibration.jurors_note" if model.follow_up is not None else "chair.ui.calibration.jurors_note"
        parts += ["\n", (t(note), "italic $text-muted")]
        jurors.update(Content.assemble(*parts))

        parts = [(t("chair.ui.calibration.reliability_heading"), "bold $text-accent")]
        for criterion in model.criteria.criteria:
            alpha = calibration.reliability.get(criterion.id)
            level = agreement_level(alpha).value
            parts += ["\n", f"  {fmt.shorten(criterion.name.get(lang), 30):<30} ", f"{fmt.number(alpha, 2):>5}  ",
                      (t(f"chair.ui.calibration.agreement.{level}"), AGREEMENT_STYLES[level])]
        self.query_one("#calibration-reliability", Static).update(Content.assemble(*parts))

        ranking = self.query_one("#calibration-ranking", Static)
        ranking.display = model.follow_up is None
        if model.follow_up is not None:
            return
        plain_rank, calibrated_rank = calibration.plain_rank, calibration.calibrated_rank
        ordered = sorted(model.file_order, key=lambda aid: (plain_rank[aid] is None, plain_rank[aid] or 0))
        moved = sum(1 for aid in ordered if plain_rank[aid] is not None and plain_rank[aid] != calibrated_rank[aid])
        parts = [(t("chair.ui.calibration.ranking_heading"), "bold $text-accent"), "\n",
                 (t("chair.ui.calibration.moved", count=moved) if moved else t("chair.ui.calibration.not_moved"),
                  "$text-warning" if moved else "$text-success"),
                 "\n", (f"{'#':>3}  {t('chair.ui.ranking.column_application'):<24} "
                        f"{t('export.col.total'):>6}   {t('chair.ui.calibration.column_calibrated_rank'):>6}  "
                        f"{t('chair.ui.calibration.column_calibrated_total'):>6}", "bold")]
        for aid in ordered:
            before, after = plain_rank[aid], calibrated_rank[aid]
            shift = ""
            style = ""
            if before is not None and after is not None and before != after:
                shift = f"↑{before - after}" if after < before else f"↓{after - before}"
                style = "$text-warning"
            parts += [
                "\n",
                f"{before or fmt.DASH:>3}  {fmt.shorten(model.application(aid).label, 24):<24} "
                f"{fmt.number(calibration.plain_totals[aid]):>6}   {after or fmt.DASH:>6}  "
                f"{fmt.number(calibration.calibrated_totals[aid]):>6}  ",
                (shift, style),
            ]
        ranking.update(Content.assemble(*parts))
