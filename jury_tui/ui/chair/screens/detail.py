"""One application in detail: eligibility, then one criterion at a time with every juror's score and
motivation side by side and the jury's consensus; after the last criterion, the decision page
(advice, advised amount, what is still open, and the chair's texts: the overall motivation, the
hearing, the conditions, the motivation to rank with too few votes). u undoes the last change of
the application (again: the one before); l reads the application itself. A key that would throw
work away asks first.

Nothing has focus unless the chair writes (a text box) or enters the amount, so every key of the
key map works directly. Scores and advice are saved at once; a text box is saved 0.5 s after the
last keystroke and always when it is left, the page changes, the screen changes or the app quits.

This module places the widgets, moves between pages and applications and maps keys to actions; the
pages (detail_criterion, detail_decision) and the saving of text boxes (detail_texts) live apart.
"""

from __future__ import annotations

from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Static, TextArea

from jury_tui.domain.consensus import Recommendation
from jury_tui.errors import JuryError
from jury_tui.i18n import language, t
from jury_tui.reports.open_points import verdict_text
from jury_tui.ui.chair import detail_view as view
from jury_tui.ui.chair import formatting as fmt
from jury_tui.ui.chair.keys import (
    FOLLOW_UP_REFUSED_TEXTS,
    KeySpec,
    bindings_for,
    detail_keys,
)
from jury_tui.ui.chair.screens.base import ChairScreen
from jury_tui.ui.chair.screens.detail_criterion import CriterionPage
from jury_tui.ui.chair.screens.detail_decision import EDITED_TEXTS, DecisionPage
from jury_tui.ui.chair.screens.detail_texts import Target, TextBoxes
from jury_tui.ui.chair.screens.portfolio import ILLUSTRATIVE_MARK
from jury_tui.ui.chair.widgets import EditorArea, JurorTable, PanelScroll

# Actions that make sense only on a criterion page / only on the decision page.
CRITERION_ONLY = {"score", "raise_score", "lower_score", "clear_score", "accept_suggestion", "edit_minority"}
DECISION_ONLY = {"recommend"}


class DetailScreen(ChairScreen):
    MODE = "detail"
    BINDINGS = bindings_for(detail_keys())
    FOOTER_GLOBALS = ("help",)
    FOOTER_PALETTE = False
    DEFAULT_CSS = """
    #decision-page .decision-text { height: 1fr; min-height: 4; }
    #decision-texts, #decision-open, #amount-note { height: auto; }
    #amount-note { color: $text-warning; margin-bottom: 1; }
    """

    def __init__(self, model) -> None:
        super().__init__(model)
        self.lang = language()
        self.criteria = model.criteria
        self.application_id = model.current_application
        self.page = model.current_page
        self.show_eligibility = False
        self.criterion_page = CriterionPage(self)
        self.decision_page = DecisionPage(self)
        self.text_boxes = TextBoxes(self, ("motivation", "minority", *EDITED_TEXTS), self._text_saved)

    def build_key_specs(self) -> list[KeySpec]:
        return detail_keys(self.model.criteria.scale, follow_up=self.follow_up)

    @property
    def follow_up(self) -> bool:
        """A follow-up round: a verdict per contract instead of a recommendation and an amount."""
        return self.model.follow_up is not None

    # --- layout ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield self.top_bar()
        yield Static(id="app-line", classes="screen-line")
        yield Static(id="eligibility-line", classes="screen-line")
        yield Static(id="criteria-strip")
        with Vertical(id="criterion-page"):
            yield Static(id="criterion-heading")
            yield Static(id="criterion-stats")
            with PanelScroll(id="jurors-panel"):
                yield JurorTable(t("chair.ui.detail.advisory"), id="jurors")
            yield Static(id="consensus-line")
            with Horizontal(id="texts"):
                yield EditorArea(t("ui.score.motivation_placeholder"), id="motivation")
                yield EditorArea(t("chair.ui.detail.minority_placeholder"), id="minority")
        with Vertical(id="decision-page"):
            yield Static(t("chair.ui.detail.decision_heading"), id="decision-heading")
            yield Static(id="decision-totals")
            yield Static(id="decision-open")
            yield Static(id="recommendation-line")
            with Horizontal(id="amount-row"):
                yield Static(t("chair.ui.detail.amount_label"), id="amount-label")
                yield Input(placeholder=t("chair.ui.detail.amount_placeholder"), id="amount", compact=True,
                            restrict=r"[0-9.,\s€]*", select_on_focus=True)
                yield Static(id="amount-cap")
            yield Static(id="amount-note", markup=False)
            yield Static(id="decision-texts")
            yield EditorArea(t("chair.ui.detail.overall_placeholder"), id="overall", classes="decision-text")
            for field in EDITED_TEXTS[1:]:
                yield EditorArea(t(view.TEXT_PLACEHOLDERS[field]), id=field, classes="decision-text")
        with PanelScroll(id="eligibility-panel"):
            yield Static(id="eligibility-full")
        yield self.footer()

    def on_mount(self) -> None:
        self.query_one("#motivation", EditorArea).border_subtitle = t("chair.ui.detail.editing_hint")
        self.query_one("#minority", EditorArea).border_title = t("chair.ui.detail.minority_title")
        self.query_one("#minority", EditorArea).border_subtitle = t("chair.ui.detail.editing_hint")
        for field in EDITED_TEXTS:
            self.query_one(f"#{field}", EditorArea).border_subtitle = t("chair.ui.detail.editing_hint")
        if self.follow_up:
            self.query_one("#decision-heading", Static).update(t("follow_up.chair.detail.decision_heading"))
        super().on_mount()

    # --- state -------------------------------------------------------------------------------
    @property
    def on_decision_page(self) -> bool:
        return self.page >= len(self.criteria.criteria)

    @property
    def criterion_id(self) -> str:
        return self.criteria.criteria[min(self.page, len(self.criteria.criteria) - 1)].id

    @property
    def editing(self) -> bool:
        return isinstance(self.focused, (TextArea, Input))

    def go_to(self, application_id: str, page: int) -> None:
        """Show an application at a page (criterion index, or len(criteria) for the decision)."""
        self.flush()
        if self.editing:
            self.set_focus(None)
        if application_id != self.application_id:
            self.decision_page.forget_note(self.application_id)
        self.application_id = application_id
        self.page = max(0, min(page, len(self.criteria.criteria)))
        self.model.current_application = application_id
        self.model.current_page = self.page
        self.query_one("#jurors-panel", PanelScroll).scroll_home(animate=False)
        self._seen_version = self.model.version
        self.redraw()

    def show_decision_page(self) -> None:
        if not self.on_decision_page:
            self.go_to(self.application_id, len(self.criteria.criteria))

    # --- drawing -----------------------------------------------------------------------------
    def redraw(self) -> None:
        if self.model.current_application != self.application_id or self.model.current_page != self.page:
            self.flush()
            self.application_id = self.model.current_application
            self.page = self.model.current_page
        self.set_class(self.on_decision_page, "-decision")
        self.set_class(self.show_eligibility, "-eligibility")
        self._draw_header()
        if self.on_decision_page:
            self.decision_page.draw()
        else:
            self.criterion_page.draw()
        self.text_boxes.load(self._areas_for_page())
        self.refresh_bindings()

    def _draw_header(self) -> None:
        model = self.model
        application = model.application(self.application_id)
        decision = model.decision(self.application_id)
        order = model.order()
        position = t("chair.ui.detail.position", number=order.index(self.application_id) + 1, total=len(order))
        if self.follow_up:
            self._draw_follow_up_header(position)
            return
        recommendation = decision.recommendation
        funded = recommendation is not None and recommendation.funded
        amount = (t("chair.ui.detail.amount", value=fmt.euro(model.amount(self.application_id))) if funded
                  else t("chair.ui.detail.no_amount"))
        self.query_one("#app-line", Static).update(
            Content.assemble(
                (position + " ", "$text-muted"),
                (application.label, "bold"),
                " · ",
                (t("chair.ui.detail.recommendation", value=view.recommendation_text(recommendation)),
                 "bold $success" if recommendation is Recommendation.SELECT else ""),
                " · ",
                amount,
                " · ",
                (application.title, "italic $text-muted"),
            )
        )
        checks = model.eligibility[self.application_id]
        summary = view.eligibility_summary(checks)
        if self.too_few_votes:
            summary = Content.assemble(("⚠ " + self.too_few_words() + " ", "bold $text-error"), summary)
        self.query_one("#eligibility-line", Static).update(summary)
        self.query_one("#eligibility-full", Static).update(
            view.eligibility_full(checks, self.criteria, self.lang, decision.advised_amount, application.requested_subsidy))
        self.query_one("#criteria-strip", Static).update(view.criteria_strip(model, self.application_id, self.page, self.lang))

    def _draw_follow_up_header(self, position: str) -> None:
        """A contract of a follow-up round: its verdict and granted subsidy, its report's rules."""
        model = self.model
        aid = self.application_id
        application = model.application(aid)
        given = model.decision(aid).verdict
        contract = model.follow_up.contract(aid)
        subsidy = contract.subsidy
        self.query_one("#app-line", Static).update(Content.assemble(
            (position + " ", "$text-muted"),
            (application.label, "bold"),
            " · ",
            (t("follow_up.chair.detail.verdict", value=verdict_text(model.session, given, t("evaluation.verdict.none"))),
             "bold $success" if given is not None else ""),
            " · ",
            t("follow_up.chair.detail.granted", value=fmt.euro(subsidy) if subsidy is not None else fmt.DASH)
            + (ILLUSTRATIVE_MARK if contract.illustrative else ""),  # as the portfolio marks a figure not from a source
            " · ",
            (application.title, "italic $text-muted"),
        ))
        checks = model.report_checks(aid)
        summary = view.report_checks_summary(checks)
        if self.too_few_votes:
            summary = Content.assemble(("⚠ " + self.too_few_words() + " ", "bold $text-error"), summary)
        self.query_one("#eligibility-line", Static).update(summary)
        self.query_one("#eligibility-full", Static).update(view.report_checks_full(checks, model.follow_up.report(aid)))
        self.query_one("#criteria-strip", Static).update(view.criteria_strip(model, aid, self.page, self.lang))

    @property
    def too_few_votes(self) -> bool:
        """Below the minimum of voting scores and not (yet) motivated by the chair."""
        aid = self.application_id
        return self.model.below_minimum_votes(aid) and not self.model.decision(aid).rank_motivation.strip()

    def too_few_words(self) -> str:
        return t("chair.ui.too_few_votes", votes=self.model.votes.get(self.application_id, 0),
                 minimum=self.criteria.ranking.minimum_votes)

    # --- text boxes --------------------------------------------------------------------------
    def _areas_for_page(self) -> dict[str, Target]:
        aid = self.application_id
        if self.on_decision_page:
            return {field: (aid, None, field) for field in EDITED_TEXTS}
        return {"motivation": (aid, self.criterion_id, "motivation"), "minority": (aid, self.criterion_id, "minority_view")}

    def _text_saved(self) -> None:
        self._seen_version = self.model.version
        self._draw_header()
        if self.on_decision_page:
            self.decision_page.draw()

    def flush(self) -> bool:
        saved = self.text_boxes.flush()
        return self.decision_page.flush_amount() and saved

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        self.text_boxes.changed(event.text_area.id, event.text_area.text)

    @on(EditorArea.Left)
    def _text_left(self, event: EditorArea.Left) -> None:
        if event.area.id:
            self.text_boxes.flush_area(event.area.id)
        self.refresh_bindings()

    def on_unmount(self) -> None:
        self.text_boxes.save_on_unmount()

    def edit_area(self, area_id: str) -> None:
        if self.app.screen is not self:
            return
        area = self.query_one(f"#{area_id}", EditorArea)
        area.focus()
        area.move_cursor(area.document.end)
        self.refresh_bindings()

    # --- bindings ----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave":
            return self.editing
        if self.editing:
            return False
        name = action.split("(")[0]
        if name == "score" and not self.criteria.scale.min <= int(parameters[0]) <= self.criteria.scale.max:  # type: ignore[call-overload]
            return False
        if self.on_decision_page and name in CRITERION_ONLY:
            return False
        if not self.on_decision_page and name in DECISION_ONLY:
            return False
        if self.follow_up:  # no amount, hearing, conditions or rank motivation; as many direct keys as verdicts
            if name == "edit_amount" or (name == "edit_text" and f"edit_text('{parameters[0]}')" in FOLLOW_UP_REFUSED_TEXTS):
                return False
            if name == "recommend" and int(parameters[0]) > len(self.criteria.verdicts):  # type: ignore[call-overload]
                return False
        elif name == "years":
            return False
        return True

    def palette_commands(self):
        """The palette also gives each consensus score and each advice directly."""
        commands = super().palette_commands()
        for step in sorted(self.criteria.scale.steps, key=lambda step: step.value):
            commands.append((f"{t('ui.key.score')} {step.value}: {step.label.get(self.lang)}", str(step.value),
                             partial(self.run_action, f"score({step.value})")))
        if self.follow_up:
            for number, verdict in enumerate(self.criteria.verdicts, start=1):
                commands.append((t("follow_up.chair.palette.verdict", value=verdict.name.get(self.lang)), str(number),
                                 partial(self.decision_page.choose_verdict, verdict.id)))
            return commands
        for number, recommendation in enumerate(view.RECOMMENDATIONS, start=1):
            commands.append((t("chair.palette.recommend", value=view.recommendation_text(recommendation)), str(number),
                             partial(self.decision_page.recommend, recommendation)))
        return commands

    # --- actions: moving ---------------------------------------------------------------------
    def action_next_page(self) -> None:
        if self.page < len(self.criteria.criteria):
            self.go_to(self.application_id, self.page + 1)

    def action_previous_page(self) -> None:
        if self.page > 0:
            self.go_to(self.application_id, self.page - 1)

    def _step_application(self, step: int) -> None:
        order = self.model.order()
        index = order.index(self.application_id) + step
        if 0 <= index < len(order):
            self.go_to(order[index], self.page)

    def action_next_application(self) -> None:
        self._step_application(1)

    def action_previous_application(self) -> None:
        self._step_application(-1)

    def action_scroll_down(self) -> None:
        self._visible_panel().scroll_page_down()

    def action_scroll_up(self) -> None:
        self._visible_panel().scroll_page_up()

    def _visible_panel(self) -> PanelScroll:
        return self.query_one("#eligibility-panel" if self.show_eligibility else "#jurors-panel", PanelScroll)

    def action_toggle_eligibility(self) -> None:
        self.show_eligibility = not self.show_eligibility
        self.set_class(self.show_eligibility, "-eligibility")

    def action_leave(self) -> None:
        self.action_back()

    def action_back(self) -> None:
        focused = self.focused
        if isinstance(focused, Input):
            if focused.value != self.decision_page.shown_amount():
                # Esc throws the typed amount away: ask first (Enter saves it).
                self.confirm(t("chair.ui.confirm.amount_title"),
                             t("chair.ui.confirm.amount_body", amount=focused.value.strip()), self.decision_page.discard_amount)
                return
            self.decision_page.discard_amount()
            return
        elif isinstance(focused, TextArea):
            area_id = focused.id or ""
            if area_id == "overall" and self.decision_page.overall_stale():
                saved = self.text_boxes.flush_area(area_id, again=True)  # read again and kept: written for this advice now
                decision = self.model.decision(self.application_id)
                if saved and self.follow_up:
                    self.notify(t("follow_up.chair.detail.motivation_confirmed", verdict=verdict_text(self.model.session, decision.verdict,
                                                                                                   t("evaluation.verdict.none"))))
                elif saved:
                    self.notify(t("chair.ui.detail.motivation_confirmed",
                                  recommendation=view.recommendation_text(decision.recommendation)))
            else:
                saved = self.text_boxes.flush_area(area_id)
            if not saved:
                # The store refused the text (the reason is shown); leaving would lose it.
                self.confirm(t("chair.ui.confirm.text_title"), t("chair.ui.confirm.text_body"),
                             partial(self._discard_text, area_id))
                return
            self.set_focus(None)
        elif self.show_eligibility:
            self.action_toggle_eligibility()
        else:
            self.chair_app.action_show_mode("overview")
        self.refresh_bindings()

    def _discard_text(self, area_id: str) -> None:
        """Leave a text box the store refused, putting back what the store has."""
        self.text_boxes.restore(area_id)
        self.set_focus(None)
        self.refresh_bindings()

    # --- actions: undo, reading the application ----------------------------------------------
    def action_undo(self) -> None:
        """Put back what the last change of this application replaced; again: the one before."""
        self.flush()
        label = self.model.application(self.application_id).label
        try:
            undone = self.model.undo(self.application_id)
        except (JuryError, OSError) as error:
            self.chair_app.report_error(error)
            return
        if undone is None:
            self.notify(t("chair.ui.undo.none", application=label))
            return
        before, after = undone
        self.decision_page.forget_note(self.application_id)
        self.notify(t("chair.ui.undo.done", application=label, what=view.changes(self.model.session, before, after)))
        self.changed()

    def action_read_application(self) -> None:
        if self.app.screen is not self:
            return
        from jury_tui.ui.chair.screens.dialogs import ApplicationReader

        self.flush()
        self.app.push_screen(ApplicationReader(self.model.application(self.application_id), self.model.session))

    # --- actions: consensus (criterion page) -------------------------------------------------
    def action_score(self, value: int) -> None:
        self.criterion_page.set_score(value)

    def action_raise_score(self) -> None:
        self.criterion_page.step_score(+1)

    def action_lower_score(self) -> None:
        self.criterion_page.step_score(-1)

    def action_clear_score(self) -> None:
        self.criterion_page.clear_score()

    def action_accept_suggestion(self) -> None:
        self.criterion_page.accept_suggestion()

    def action_edit_motivation(self) -> None:
        if self.on_decision_page:
            self.action_edit_text("overall")
        else:
            self.edit_area("motivation")

    def action_edit_minority(self) -> None:
        self.edit_area("minority")

    # --- actions: decision page --------------------------------------------------------------
    def action_edit_text(self, field: str) -> None:
        """Write one of the chair's texts of the decision page (from any page); in a follow-up round
        only the overall motivation (the store refuses the selection's texts there)."""
        if self.follow_up and f"edit_text('{field}')" in FOLLOW_UP_REFUSED_TEXTS:
            return
        self.decision_page.edit_text(field)

    def action_recommend(self, number: int) -> None:
        if self.follow_up:
            if number <= len(self.criteria.verdicts):
                self.decision_page.choose_verdict(self.criteria.verdicts[number - 1].id)
            return
        self.decision_page.recommend(view.RECOMMENDATIONS[number - 1])

    def action_cycle_recommendation(self) -> None:
        if self.follow_up:
            self.decision_page.cycle_verdict()
            return
        self.decision_page.cycle_recommendation()

    def action_years(self) -> None:
        self.flush()
        self.chair_app.open_years(self.application_id)

    def action_edit_amount(self) -> None:
        self.decision_page.edit_amount()

    @on(Input.Submitted, "#amount")
    def _amount_submitted(self, event: Input.Submitted) -> None:
        self.decision_page.amount_submitted(event)

    @on(Input.Blurred, "#amount")
    def _amount_left(self, event: Input.Blurred) -> None:
        self.decision_page.amount_left(event)
