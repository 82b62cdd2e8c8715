"""The decision page of the chair's detail screen, after the last criterion: totals, what is still
open, the advice, the advised amount and the chair's texts, and editing them. Its own module: the
page has its own state (the text shown, the note of a cleared amount) and questions to ask."""

from __future__ import annotations

from functools import partial

from textual.content import Content
from textual.widgets import Input, Static

from jury_tui.domain.advice import Gap
from jury_tui.domain.consensus import Recommendation
from jury_tui.domain.eligibility import Outcome
from jury_tui.errors import JuryError
from jury_tui.i18n import t
from jury_tui.reports.open_points import amount_cleared_note, point_text
from jury_tui.ui.chair import detail_view as view
from jury_tui.ui.chair import formatting as fmt
from jury_tui.ui.chair.screens.detail_host import DetailHost
from jury_tui.ui.chair.widgets import EditorArea

# The chair's texts on the decision page: text box id = the field it edits; one shown at a time.
EDITED_TEXTS = ("overall", "hearing", "conditions", "rank_motivation")
TEXT_KEYS = {"overall": "m", "hearing": "h", "conditions": "c", "rank_motivation": "w"}


class DecisionPage:
    def __init__(self, screen: DetailHost) -> None:
        self.screen = screen
        self.text = "overall"  # the chair's text shown
        self.amount_notes: dict[str, str] = {}  # application -> the note that its amount was cleared

    def forget_note(self, application_id: str) -> None:
        self.amount_notes.pop(application_id, None)

    # --- drawing -----------------------------------------------------------------------------
    def draw(self) -> None:
        screen = self.screen
        model = screen.model
        criteria = screen.criteria
        aid = screen.application_id
        decision = model.decision(aid)
        consensus_total = decision.consensus_total(criteria)
        done = model.consensus_done(aid)
        total_criteria = len(criteria.criteria)
        mean = fmt.number(model.aggregates[aid].weighted_total)
        maximum = fmt.compact(model.maximum_total)
        if consensus_total is not None and model.follow_up is not None:  # no rank: nothing is selected
            totals = t("follow_up.chair.detail.totals", consensus=fmt.compact(consensus_total), maximum=maximum, mean=mean)
        elif consensus_total is not None:
            rank = next((row.rank for row in model.ranking if row.application_id == aid), None)
            totals = t("chair.ui.detail.totals", consensus=fmt.compact(consensus_total), maximum=maximum, mean=mean,
                       rank=rank or fmt.DASH)
        else:
            totals = t("chair.ui.detail.totals_incomplete", done=done, total=total_criteria, mean=mean, maximum=maximum)
        lines: list[Content | str | tuple[str, str]] = [totals]
        missing = decision.missing_motivations(criteria)
        if missing:
            names = ", ".join(criteria.criterion(cid).name.get(screen.lang)[:4] for cid in missing)
            several = "chair.ui.detail.missing_motivations" if len(missing) > 1 else "follow_up.chair.detail.missing_motivation_one"
            lines += ["\n", (t(several, count=len(missing), names=names), "$text-warning")]
        screen.query_one("#decision-totals", Static).update(Content.assemble(*lines))
        screen.query_one("#decision-open", Static).update(self._open_line())
        if model.follow_up is not None:
            self._draw_verdicts()
            return
        parts: list[Content | str | tuple[str, str]] = [(t("chair.ui.detail.recommendation_line"), "bold"), " "]
        for number, recommendation in enumerate(view.RECOMMENDATIONS, start=1):
            label = f" {number} {view.recommendation_text(recommendation)} "
            chosen = decision.recommendation is recommendation
            parts += [(label, "bold reverse $accent" if chosen else "$text-muted"), " "]
        screen.query_one("#recommendation-line", Static).update(Content.assemble(*parts))
        amount_input = screen.query_one("#amount", Input)
        if not amount_input.has_focus:
            amount_input.value = self.shown_amount()
        funded = decision.recommendation is not None and decision.recommendation.funded
        cap = fmt.euro(model.amount_cap(aid))
        screen.query_one("#amount-cap", Static).update(Content.styled(
            t("chair.ui.detail.amount_cap", cap=cap) if funded else t("chair.ui.detail.amount_only_funded"), "$text-muted"))
        note = self.amount_notes.get(aid) if decision.advised_amount is None else None
        note_line = screen.query_one("#amount-note", Static)
        note_line.update(note or "")
        note_line.display = bool(note)
        self.draw_texts()

    def _draw_verdicts(self) -> None:
        """A follow-up round: the verdicts of the criteria file (keys 1, 2, 3 …) instead of the
        advice, no amount; then the chair's texts."""
        screen = self.screen
        decision = screen.model.decision(screen.application_id)
        parts: list[Content | str | tuple[str, str]] = [(t("follow_up.chair.detail.verdict_line"), "bold"), " "]
        for number, verdict in enumerate(screen.criteria.verdicts, start=1):
            chosen = decision.verdict == verdict.id
            parts += [(f" {number} {verdict.name.get(screen.lang)} ", "bold reverse $accent" if chosen else "$text-muted"), " "]
        screen.query_one("#recommendation-line", Static).update(Content.assemble(*parts))
        screen.query_one("#amount-row").display = False
        screen.query_one("#amount-note", Static).display = False
        self.draw_texts()

    def choose_verdict(self, verdict: str | None) -> None:
        screen = self.screen
        model = screen.model
        aid = screen.application_id
        if model.decision(aid).verdict == verdict:
            return
        try:
            model.set_verdict(aid, verdict)
        except (JuryError, OSError) as error:
            screen.chair_app.report_error(error)
            return
        screen.changed()

    def cycle_verdict(self) -> None:
        cycle: list[str | None] = [*(verdict.id for verdict in self.screen.criteria.verdicts), None]
        current = self.screen.model.decision(self.screen.application_id).verdict
        self.choose_verdict(cycle[(cycle.index(current) + 1) % len(cycle)] if current in cycle else cycle[0])

    def _open_line(self) -> Content:
        """What is still open for this application (beyond the criteria, said above), or that nothing is."""
        screen = self.screen
        model = screen.model
        aid = screen.application_id
        points = [p for p in model.open_points(aid) if p.gap not in (Gap.SCORE, Gap.MOTIVATION)]
        phrases = [point_text(model.session, p, model.votes.get(aid, 0)) for p in points]
        if screen.too_few_votes and not any(p.gap is Gap.TOO_FEW_VOTES for p in points):
            phrases.append(screen.too_few_words() + " " + t("chair.ui.detail.rank_motivation_hint"))
        if phrases:
            return Content.styled(t("advice.still_open", points="; ".join(phrases)), "$text-warning")
        if model.complete(aid):
            complete = "follow_up.chair.detail.complete" if model.follow_up is not None else "chair.ui.detail.complete"
            return Content.styled(t(complete), "$text-success")
        return Content("")

    def available_texts(self) -> list[str]:
        """The chair's texts offered for this application: conditions only with selecteren or reserve,
        the motivation to rank anyway only below the minimum of votes (each also when written). A
        follow-up round has no hearing, conditions or rank motivation (the store refuses them)."""
        model = self.screen.model
        aid = self.screen.application_id
        decision = model.decision(aid)
        funded = decision.recommendation is not None and decision.recommendation.funded
        if model.follow_up is not None:  # a contract's evaluation: only its overall motivation
            return ["overall"]
        offered = ["overall", "hearing"]
        if funded or decision.conditions.strip():
            offered.append("conditions")
        if model.below_minimum_votes(aid) or decision.rank_motivation.strip():
            offered.append("rank_motivation")
        return offered

    def overall_stale(self) -> bool:
        """The overall motivation was written for another advice (a follow-up round: another verdict)
        than the one chosen now."""
        decision = self.screen.model.decision(self.screen.application_id)
        if not decision.overall_motivation.strip():
            return False
        if self.screen.model.follow_up is not None:
            return decision.verdict is not None and decision.motivation_verdict != decision.verdict
        return decision.recommendation is not None and decision.motivation_for is not decision.recommendation

    def draw_texts(self) -> None:
        """The tabs of the chair's texts (key, name, ✓ when written) and the chosen text box."""
        screen = self.screen
        aid = screen.application_id
        decision = screen.model.decision(aid)
        offered = self.available_texts()
        if self.text not in offered:
            self.text = "overall"
        parts: list[Content | str | tuple[str, str]] = []
        for field in offered:
            written = bool(screen.model.stored_text(aid, None, field).strip())
            stale = field == "overall" and self.overall_stale()
            label = f" {TEXT_KEYS[field]} {t(view.TEXT_NAMES[field])}{'!' if stale else '✓' if written else ''} "
            style = "bold reverse $accent" if field == self.text else ("$text-warning" if stale else "$text-muted")
            parts += [(label, style), " "]
        screen.query_one("#decision-texts", Static).update(Content.assemble(*parts))
        for field in EDITED_TEXTS:
            area = screen.query_one(f"#{field}", EditorArea)
            area.display = field == self.text
            if field == "overall":
                if self.overall_stale() and screen.model.follow_up is not None:
                    area.border_title = t("follow_up.chair.detail.overall_stale")
                elif self.overall_stale():
                    area.border_title = t("chair.ui.detail.overall_stale",
                                          recommendation=view.recommendation_text(decision.motivation_for))
                else:
                    area.border_title = t("chair.ui.detail.overall_title")
            else:
                area.border_title = t(view.TEXT_TITLES[field])

    # --- the chair's texts -------------------------------------------------------------------
    def edit_text(self, field: str) -> None:
        """Write one of the chair's texts (from any page)."""
        screen = self.screen
        if screen.app.screen is not screen:
            return
        if field not in self.available_texts():
            key = "chair.ui.detail.conditions_only_funded" if field == "conditions" else "chair.ui.detail.rank_motivation_only"
            screen.notify(t(key, minimum=screen.criteria.ranking.minimum_votes), severity="warning")
            return
        screen.show_decision_page()
        self.text = field
        self.draw_texts()
        screen.edit_area(field)

    # --- the advice --------------------------------------------------------------------------
    def recommend(self, recommendation: Recommendation | None) -> None:
        screen = self.screen
        before = screen.model.decision(screen.application_id)
        if before.recommendation is recommendation:
            return
        if before.advised_amount is not None and (recommendation is None or not recommendation.funded):
            # The advised amount goes with it (only selecteren and reserve have one): ask first.
            screen.confirm(t("chair.ui.confirm.recommend_title", value=view.recommendation_text(recommendation)),
                           t("chair.ui.confirm.recommend_body", amount=fmt.euro(before.advised_amount)),
                           partial(self._set_recommendation, recommendation))
            return
        self._set_recommendation(recommendation)

    def _set_recommendation(self, recommendation: Recommendation | None) -> None:
        screen = self.screen
        model = screen.model
        aid = screen.application_id
        before = model.decision(aid)
        try:
            model.set_recommendation(aid, recommendation)
        except (JuryError, OSError) as error:
            screen.chair_app.report_error(error)
            return
        note = amount_cleared_note(before, model.decision(aid))
        if note:
            self.amount_notes[aid] = note
            screen.notify(note, severity="warning", markup=False)
        if recommendation is Recommendation.SELECT and model.eligibility_outcome[aid] is Outcome.NOT_MET:
            screen.notify(t("chair.ui.detail.not_eligible_selected"), severity="warning")
        screen.changed()

    def cycle_recommendation(self) -> None:
        cycle: list[Recommendation | None] = [*view.RECOMMENDATIONS, None]
        current = self.screen.model.decision(self.screen.application_id).recommendation
        self.recommend(cycle[(cycle.index(current) + 1) % len(cycle)])

    # --- the advised amount ------------------------------------------------------------------
    def amount_input(self) -> Input:
        return self.screen.query_one("#amount", Input)

    def edit_amount(self) -> None:
        screen = self.screen
        if screen.app.screen is not screen:
            return
        recommendation = screen.model.decision(screen.application_id).recommendation
        if recommendation is None or not recommendation.funded:
            # The store's own line: an amount only with selecteren or reserve.
            screen.notify(t("chair.amount_without_funding", application=screen.application_id), severity="warning")
            return
        screen.show_decision_page()
        self.amount_input().focus()
        screen.refresh_bindings()

    def shown_amount(self) -> str:
        advised = self.screen.model.decision(self.screen.application_id).advised_amount
        return fmt.plain_amount(advised) if advised is not None else ""

    def restore_amount(self) -> None:
        self.amount_input().value = self.shown_amount()

    def discard_amount(self) -> None:
        self.restore_amount()
        self.screen.set_focus(None)
        self.screen.refresh_bindings()

    def save_amount(self, text: str) -> bool:
        screen = self.screen
        model = screen.model
        aid = screen.application_id
        try:
            amount = fmt.parse_amount(text)
        except ValueError:
            screen.chair_app.report_error(t("chair.ui.detail.amount_invalid", text=text.strip()))
            return False
        if amount == model.decision(aid).advised_amount:
            return True
        try:
            model.set_amount(aid, amount)
        except (JuryError, OSError) as error:
            screen.chair_app.report_error(error)
            return False
        self.forget_note(aid)
        if model.eligibility_outcome[aid] is Outcome.NOT_MET:
            screen.notify(t("chair.ui.detail.not_eligible_at_amount"), severity="warning")
        screen.changed()
        return True

    def flush_amount(self) -> bool:
        """Save an amount being typed; False when it was refused."""
        amount_input = self.amount_input()
        if amount_input.has_focus and amount_input.value != self.shown_amount():
            return self.save_amount(amount_input.value)
        return True

    def amount_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.save_amount(event.value):
            self.screen.set_focus(None)
            self.restore_amount()
            self.screen.refresh_bindings()
        else:
            event.input.select_all()  # typing replaces the refused amount

    def amount_left(self, event: Input.Blurred) -> None:
        # Leaving by another way than Enter or Esc (a screen key, the mouse): keep what was typed if valid.
        if event.value != self.shown_amount() and not self.save_amount(event.value):
            self.restore_amount()
        self.screen.refresh_bindings()
