"""One application in detail: eligibility, then one criterion at a time with every juror's score and
motivation side by side and the jury's consensus; after the last criterion, the decision page
(advice, advised amount, what is still open, and the chair's texts: the overall motivation, the
hearing, the conditions, the motivation to rank with too few votes). u undoes the last change of
the application (again: the one before); l reads the application itself. A key that would throw
work away asks first.

Nothing has focus unless the chair writes (a text box) or enters the amount, so every key of the
key map works directly. Scores and advice are saved at once; a text box is saved 0.5 s after the
last keystroke and always when it is left, the page changes, the screen changes or the app quits.
"""

from __future__ import annotations

from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Input, Static, TextArea

from jury_tui.domain.advice import Gap
from jury_tui.domain.aggregation import CriterionStats
from jury_tui.domain.consensus import Recommendation, suggested_score
from jury_tui.domain.eligibility import Outcome
from jury_tui.domain.session import Role
from jury_tui.errors import JuryError
from jury_tui.i18n import language, t
from jury_tui.reports.open_points import amount_cleared_note, point_text
from jury_tui.ui.chair import detail_view as view
from jury_tui.ui.chair import formatting as fmt
from jury_tui.ui.chair.keys import KeySpec, bindings_for, detail_keys
from jury_tui.ui.chair.screens.base import ChairScreen
from jury_tui.ui.chair.widgets import EditorArea, JurorRow, JurorTable, PanelScroll

TEXT_SAVE_DELAY = 0.5

# Actions that make sense only on a criterion page / only on the decision page.
CRITERION_ONLY = {"score", "raise_score", "lower_score", "clear_score", "accept_suggestion", "edit_minority"}
DECISION_ONLY = {"recommend"}
# The chair's texts on the decision page: text box id = the field it edits; one shown at a time.
EDITED_TEXTS = ("overall", "hearing", "conditions", "rank_motivation")
TEXT_KEYS = {"overall": "m", "hearing": "h", "conditions": "c", "rank_motivation": "w"}


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
        # Text box id -> (application, criterion or None, field) it edits, and what the store has.
        self._targets: dict[str, tuple[str, str | None, str]] = {}
        self._baselines: dict[str, str] = {}
        self._save_timers: dict[str, Timer] = {}
        self.decision_text = "overall"  # the chair's text shown on the decision page
        self._amount_notes: dict[str, str] = {}  # application -> the note that its amount was cleared

    def build_key_specs(self) -> list[KeySpec]:
        return detail_keys(self.model.criteria.scale)

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
            self._amount_notes.pop(self.application_id, None)
        self.application_id = application_id
        self.page = max(0, min(page, len(self.criteria.criteria)))
        self.model.current_application = application_id
        self.model.current_page = self.page
        self.query_one("#jurors-panel", PanelScroll).scroll_home(animate=False)
        self._seen_version = self.model.version
        self.redraw()

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
            self._draw_decision()
        else:
            self._draw_criterion()
        self._load_texts()
        self.refresh_bindings()

    def _draw_header(self) -> None:
        model = self.model
        application = model.application(self.application_id)
        decision = model.decision(self.application_id)
        order = model.order()
        position = t("chair.ui.detail.position", number=order.index(self.application_id) + 1, total=len(order))
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
            summary = Content.assemble(("⚠ " + self._too_few_words() + " ", "bold $text-error"), summary)
        self.query_one("#eligibility-line", Static).update(summary)
        self.query_one("#eligibility-full", Static).update(
            view.eligibility_full(checks, self.criteria, self.lang, decision.advised_amount, application.requested_subsidy))
        self.query_one("#criteria-strip", Static).update(view.criteria_strip(model, self.application_id, self.page, self.lang))

    @property
    def too_few_votes(self) -> bool:
        """Below the minimum of voting scores and not (yet) motivated by the chair."""
        aid = self.application_id
        return self.model.below_minimum_votes(aid) and not self.model.decision(aid).rank_motivation.strip()

    def _too_few_words(self) -> str:
        return t("chair.ui.too_few_votes", votes=self.model.votes.get(self.application_id, 0),
                 minimum=self.criteria.ranking.minimum_votes)

    def _draw_criterion(self) -> None:
        model = self.model
        criterion = self.criteria.criteria[self.page]
        stats = model.aggregates[self.application_id].criteria[criterion.id]
        heading: list[Content | str | tuple[str, str]] = [
            (t("ui.score.criterion_heading", number=self.page + 1, total=len(self.criteria.criteria),
               name=criterion.name.get(self.lang)), "bold $text-accent")
        ]
        if stats.flagged:
            if model.decision(self.application_id).get(criterion.id).score is None:
                heading += ["  ", (t("chair.ui.detail.flag"), "bold reverse $error")]
            else:
                heading += ["  ", (t("chair.ui.detail.flag_done"), "$text-success")]
        self.query_one("#criterion-heading", Static).update(Content.assemble(*heading))
        self.query_one("#criterion-stats", Static).update(view.stats_line(stats))
        self._draw_jurors(criterion.id, stats)
        self.query_one("#consensus-line", Static).update(view.consensus_line(self.model.decision(self.application_id).get(self.criterion_id), stats, self.criteria.scale, self.lang))
        motivation = self.query_one("#motivation", EditorArea)
        motivation.border_title = t(
            "chair.ui.detail.motivation_required" if criterion.motivation_required else "chair.ui.detail.motivation_title"
        )

    def _draw_jurors(self, criterion_id: str, stats: CriterionStats) -> None:
        """Every juror's row on this criterion, voting members first, in one go to the panel."""
        table = self.model.table
        entries = {entry.juror_id: entry for entry in table.entries(self.application_id, criterion_id)}
        conflicted = table.conflicts.get(self.application_id, set())
        rows: dict[Role, list[JurorRow]] = {Role.VOTING: [], Role.ADVISORY: []}
        for juror in self.model.session.jurors:
            rows[juror.role].append(view.juror_row(self.model.submissions.keys(), juror.id, juror.name, entries, conflicted, stats))
        self.query_one("#jurors", JurorTable).show_rows(rows[Role.VOTING], rows[Role.ADVISORY])

    def _draw_decision(self) -> None:
        model = self.model
        aid = self.application_id
        decision = model.decision(aid)
        consensus_total = decision.consensus_total(self.criteria)
        done = model.consensus_done(aid)
        total_criteria = len(self.criteria.criteria)
        mean = fmt.number(model.aggregates[aid].weighted_total)
        maximum = fmt.compact(model.maximum_total)
        if consensus_total is not None:
            rank = next((row.rank for row in model.ranking if row.application_id == aid), None)
            totals = t("chair.ui.detail.totals", consensus=fmt.compact(consensus_total), maximum=maximum, mean=mean,
                       rank=rank or fmt.DASH)
        else:
            totals = t("chair.ui.detail.totals_incomplete", done=done, total=total_criteria, mean=mean, maximum=maximum)
        lines: list[Content | str | tuple[str, str]] = [totals]
        missing = decision.missing_motivations(self.criteria)
        if missing:
            names = ", ".join(self.criteria.criterion(cid).name.get(self.lang)[:4] for cid in missing)
            lines += ["\n", (t("chair.ui.detail.missing_motivations", count=len(missing), names=names), "$text-warning")]
        self.query_one("#decision-totals", Static).update(Content.assemble(*lines))
        self.query_one("#decision-open", Static).update(self._open_line())
        parts: list[Content | str | tuple[str, str]] = [(t("chair.ui.detail.recommendation_line"), "bold"), " "]
        for number, recommendation in enumerate(view.RECOMMENDATIONS, start=1):
            label = f" {number} {view.recommendation_text(recommendation)} "
            chosen = decision.recommendation is recommendation
            parts += [(label, "bold reverse $accent" if chosen else "$text-muted"), " "]
        self.query_one("#recommendation-line", Static).update(Content.assemble(*parts))
        amount_input = self.query_one("#amount", Input)
        if not amount_input.has_focus:
            amount_input.value = fmt.plain_amount(decision.advised_amount) if decision.advised_amount is not None else ""
        funded = decision.recommendation is not None and decision.recommendation.funded
        cap = fmt.euro(model.amount_cap(aid))
        self.query_one("#amount-cap", Static).update(Content.styled(
            t("chair.ui.detail.amount_cap", cap=cap) if funded else t("chair.ui.detail.amount_only_funded"), "$text-muted"))
        note = self._amount_notes.get(aid) if decision.advised_amount is None else None
        note_line = self.query_one("#amount-note", Static)
        note_line.update(note or "")
        note_line.display = bool(note)
        self._draw_texts()

    def _open_line(self) -> Content:
        """What is still open for this application (beyond the criteria, said above), or that nothing is."""
        aid = self.application_id
        points = [p for p in self.model.open_points(aid) if p.gap not in (Gap.SCORE, Gap.MOTIVATION)]
        phrases = [point_text(self.model.session, p, self.model.votes.get(aid, 0)) for p in points]
        if self.too_few_votes and not any(p.gap is Gap.TOO_FEW_VOTES for p in points):
            phrases.append(self._too_few_words() + " " + t("chair.ui.detail.rank_motivation_hint"))
        if phrases:
            return Content.styled(t("advice.still_open", points="; ".join(phrases)), "$text-warning")
        if self.model.complete(aid):
            return Content.styled(t("chair.ui.detail.complete"), "$text-success")
        return Content("")

    def _available_texts(self) -> list[str]:
        """The chair's texts offered for this application: conditions only with selecteren or reserve,
        the motivation to rank anyway only below the minimum of votes (each also when written)."""
        decision = self.model.decision(self.application_id)
        funded = decision.recommendation is not None and decision.recommendation.funded
        offered = ["overall", "hearing"]
        if funded or decision.conditions.strip():
            offered.append("conditions")
        if self.model.below_minimum_votes(self.application_id) or decision.rank_motivation.strip():
            offered.append("rank_motivation")
        return offered

    def _overall_stale(self) -> bool:
        decision = self.model.decision(self.application_id)
        return (bool(decision.overall_motivation.strip()) and decision.recommendation is not None
                and decision.motivation_for is not decision.recommendation)

    def _draw_texts(self) -> None:
        """The tabs of the chair's texts (key, name, ✓ when written) and the chosen text box."""
        decision = self.model.decision(self.application_id)
        offered = self._available_texts()
        if self.decision_text not in offered:
            self.decision_text = "overall"
        parts: list[Content | str | tuple[str, str]] = []
        for field in offered:
            written = bool(self.model.stored_text(self.application_id, None, field).strip())
            stale = field == "overall" and self._overall_stale()
            label = f" {TEXT_KEYS[field]} {t(view.TEXT_NAMES[field])}{'!' if stale else '✓' if written else ''} "
            style = "bold reverse $accent" if field == self.decision_text else ("$text-warning" if stale else "$text-muted")
            parts += [(label, style), " "]
        self.query_one("#decision-texts", Static).update(Content.assemble(*parts))
        for field in EDITED_TEXTS:
            area = self.query_one(f"#{field}", EditorArea)
            area.display = field == self.decision_text
            if field == "overall":
                if self._overall_stale():
                    area.border_title = t("chair.ui.detail.overall_stale",
                                          recommendation=view.recommendation_text(decision.motivation_for))
                else:
                    area.border_title = t("chair.ui.detail.overall_title")
            else:
                area.border_title = t(view.TEXT_TITLES[field])

    # --- text boxes --------------------------------------------------------------------------
    def _areas_for_page(self) -> dict[str, tuple[str, str | None, str]]:
        aid = self.application_id
        if self.on_decision_page:
            return {field: (aid, None, field) for field in EDITED_TEXTS}
        return {"motivation": (aid, self.criterion_id, "motivation"), "minority": (aid, self.criterion_id, "minority_view")}

    def _load_texts(self) -> None:
        """Point the text boxes at the current page and load what the store has (unless being typed in)."""
        wanted = self._areas_for_page()
        for area_id in ("motivation", "minority", *EDITED_TEXTS):
            area = self.query_one(f"#{area_id}", EditorArea)
            target = wanted.get(area_id)
            if target is None:
                self._targets.pop(area_id, None)
                continue
            if self._targets.get(area_id) == target and area.has_focus:
                continue
            text = self.model.stored_text(*target)
            self._targets[area_id] = target
            self._baselines[area_id] = text
            if area.text != text:
                area.load_text(text)

    def flush_area(self, area_id: str, again: bool = False) -> bool:
        """Save one text box if it differs from the store (`again`: also when it does not, to confirm
        it); False when the store refused."""
        timer = self._save_timers.pop(area_id, None)
        if timer is not None:
            timer.stop()
        target = self._targets.get(area_id)
        if target is None:
            return True
        text = self.query_one(f"#{area_id}", EditorArea).text
        if text == self._baselines.get(area_id) and not again:
            return True
        try:
            self.model.set_text(*target, text)
        except (JuryError, OSError) as error:
            self.chair_app.report_error(error)
            return False
        self._baselines[area_id] = text
        self.chair_app.report_saved()
        self._seen_version = self.model.version
        self._draw_header()
        if self.on_decision_page:
            self._draw_decision()
        return True

    def flush(self) -> bool:
        saved = True
        for area_id in list(self._targets):
            saved = self.flush_area(area_id) and saved
        amount_input = self.query_one("#amount", Input)
        if amount_input.has_focus and amount_input.value != self._shown_amount():
            saved = self._save_amount(amount_input.value) and saved
        return saved

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        area_id = event.text_area.id
        if area_id not in self._targets or event.text_area.text == self._baselines.get(area_id):
            return
        timer = self._save_timers.pop(area_id, None)
        if timer is not None:
            timer.stop()
        self._save_timers[area_id] = self.set_timer(TEXT_SAVE_DELAY, lambda: self.flush_area(area_id))

    @on(EditorArea.Left)
    def _text_left(self, event: EditorArea.Left) -> None:
        if event.area.id:
            self.flush_area(event.area.id)
        self.refresh_bindings()

    def on_unmount(self) -> None:
        # Last resort (the app closes without its quit action): store only, no screen updates.
        for area_id, timer in list(self._save_timers.items()):
            timer.stop()
        for area_id, target in self._targets.items():
            try:
                text = self.query_one(f"#{area_id}", EditorArea).text
                if text != self._baselines.get(area_id):
                    self.model.set_text(*target, text)
            except Exception:  # noqa: BLE001 - nothing can be shown any more
                pass

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
        return True

    def palette_commands(self):
        """The palette also gives each consensus score and each advice directly."""
        commands = super().palette_commands()
        for step in sorted(self.criteria.scale.steps, key=lambda step: step.value):
            commands.append((f"{t('ui.key.score')} {step.value}: {step.label.get(self.lang)}", str(step.value),
                             partial(self.run_action, f"score({step.value})")))
        for number, recommendation in enumerate(view.RECOMMENDATIONS, start=1):
            commands.append((t("chair.palette.recommend", value=view.recommendation_text(recommendation)), str(number),
                             partial(self._recommend, recommendation)))
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
            if focused.value != self._shown_amount():
                # Esc throws the typed amount away: ask first (Enter saves it).
                self.confirm(t("chair.ui.confirm.amount_title"),
                             t("chair.ui.confirm.amount_body", amount=focused.value.strip()), self._discard_amount)
                return
            self._discard_amount()
            return
        elif isinstance(focused, TextArea):
            area_id = focused.id or ""
            if area_id == "overall" and self._overall_stale():
                saved = self.flush_area(area_id, again=True)  # read again and kept: written for this advice now
                if saved:
                    self.notify(t("chair.ui.detail.motivation_confirmed", recommendation=view.recommendation_text(
                        self.model.decision(self.application_id).recommendation)))
            else:
                saved = self.flush_area(area_id)
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

    def _discard_amount(self) -> None:
        self._restore_amount()
        self.set_focus(None)
        self.refresh_bindings()

    def _discard_text(self, area_id: str) -> None:
        """Leave a text box the store refused, putting back what the store has."""
        self.query_one(f"#{area_id}", EditorArea).load_text(self._baselines.get(area_id, ""))
        self.set_focus(None)
        self.refresh_bindings()

    # --- actions: undo, reading the application -----------------------------------------------
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
        self._amount_notes.pop(self.application_id, None)
        self.notify(t("chair.ui.undo.done", application=label, what=view.changes(self.model.session, before, after)))
        self.changed()

    def action_read_application(self) -> None:
        if self.app.screen is not self:
            return
        from jury_tui.ui.chair.screens.dialogs import ApplicationReader

        self.flush()
        self.app.push_screen(ApplicationReader(self.model.application(self.application_id)))

    # --- actions: consensus ------------------------------------------------------------------
    def _set_score(self, value: int | None) -> None:
        if self.on_decision_page:
            return
        current = self.model.decision(self.application_id).get(self.criterion_id).score
        if current == value:
            return
        try:
            self.model.set_score(self.application_id, self.criterion_id, value)
        except (JuryError, OSError) as error:
            self.chair_app.report_error(error)
            return
        self.changed()

    def action_score(self, value: int) -> None:
        self._set_score(value)

    def _current_or_suggestion(self) -> int | None:
        current = self.model.decision(self.application_id).get(self.criterion_id).score
        if current is not None:
            return current
        return suggested_score(self.model.aggregates[self.application_id].criteria[self.criterion_id])

    def action_raise_score(self) -> None:
        self._step_score(+1)

    def action_lower_score(self) -> None:
        self._step_score(-1)

    def _step_score(self, step: int) -> None:
        """One step from the consensus; with none yet, the first press takes the suggestion."""
        scale = self.criteria.scale
        current = self.model.decision(self.application_id).get(self.criterion_id).score
        base = self._current_or_suggestion()
        if base is None:
            self._set_score(scale.min)
        elif current is None:
            self._set_score(base)
        else:
            self._set_score(min(scale.max, max(scale.min, base + step)))

    def action_clear_score(self) -> None:
        consensus = self.model.decision(self.application_id).get(self.criterion_id)
        if consensus.score is not None and consensus.motivation.strip():
            # The score goes, its motivation argued for it: ask first (u brings it back too).
            name = self.criteria.criterion(self.criterion_id).name.get(self.lang)
            self.confirm(t("chair.ui.confirm.clear_title"),
                         t("chair.ui.confirm.clear_body", score=consensus.score, criterion=name),
                         partial(self._set_score, None))
            return
        self._set_score(None)

    def action_accept_suggestion(self) -> None:
        suggestion = suggested_score(self.model.aggregates[self.application_id].criteria[self.criterion_id])
        if suggestion is None:
            self.notify(t("chair.ui.detail.no_suggestion"), severity="warning")
            return
        self._set_score(suggestion)

    def _edit(self, area_id: str) -> None:
        if self.app.screen is not self:
            return
        area = self.query_one(f"#{area_id}", EditorArea)
        area.focus()
        area.move_cursor(area.document.end)
        self.refresh_bindings()

    def action_edit_motivation(self) -> None:
        if self.on_decision_page:
            self.action_edit_text("overall")
        else:
            self._edit("motivation")

    def action_edit_text(self, field: str) -> None:
        """Write one of the chair's texts of the decision page (from any page)."""
        if self.app.screen is not self:
            return
        if field not in self._available_texts():
            key = "chair.ui.detail.conditions_only_funded" if field == "conditions" else "chair.ui.detail.rank_motivation_only"
            self.notify(t(key, minimum=self.criteria.ranking.minimum_votes), severity="warning")
            return
        if not self.on_decision_page:
            self.go_to(self.application_id, len(self.criteria.criteria))
        self.decision_text = field
        self._draw_texts()
        self._edit(field)

    def action_edit_minority(self) -> None:
        self._edit("minority")

    # --- actions: decision -------------------------------------------------------------------
    def _recommend(self, recommendation: Recommendation | None) -> None:
        before = self.model.decision(self.application_id)
        if before.recommendation is recommendation:
            return
        if before.advised_amount is not None and (recommendation is None or not recommendation.funded):
            # The advised amount goes with it (only selecteren and reserve have one): ask first.
            self.confirm(t("chair.ui.confirm.recommend_title", value=view.recommendation_text(recommendation)),
                         t("chair.ui.confirm.recommend_body", amount=fmt.euro(before.advised_amount)),
                         partial(self._set_recommendation, recommendation))
            return
        self._set_recommendation(recommendation)

    def _set_recommendation(self, recommendation: Recommendation | None) -> None:
        aid = self.application_id
        before = self.model.decision(aid)
        try:
            self.model.set_recommendation(aid, recommendation)
        except (JuryError, OSError) as error:
            self.chair_app.report_error(error)
            return
        note = amount_cleared_note(before, self.model.decision(aid))
        if note:
            self._amount_notes[aid] = note
            self.notify(note, severity="warning", markup=False)
        if recommendation is Recommendation.SELECT and self.model.eligibility_outcome[aid] is Outcome.NOT_MET:
            self.notify(t("chair.ui.detail.not_eligible_selected"), severity="warning")
        self.changed()

    def action_recommend(self, number: int) -> None:
        self._recommend(view.RECOMMENDATIONS[number - 1])

    def action_cycle_recommendation(self) -> None:
        cycle: list[Recommendation | None] = [*view.RECOMMENDATIONS, None]
        current = self.model.decision(self.application_id).recommendation
        self._recommend(cycle[(cycle.index(current) + 1) % len(cycle)])

    def action_edit_amount(self) -> None:
        if self.app.screen is not self:
            return
        recommendation = self.model.decision(self.application_id).recommendation
        if recommendation is None or not recommendation.funded:
            # The store's own line: an amount only with selecteren or reserve.
            self.notify(t("chair.amount_without_funding", application=self.application_id), severity="warning")
            return
        if not self.on_decision_page:
            self.go_to(self.application_id, len(self.criteria.criteria))
        amount_input = self.query_one("#amount", Input)
        amount_input.focus()
        self.refresh_bindings()

    def _shown_amount(self) -> str:
        advised = self.model.decision(self.application_id).advised_amount
        return fmt.plain_amount(advised) if advised is not None else ""

    def _restore_amount(self) -> None:
        self.query_one("#amount", Input).value = self._shown_amount()

    def _save_amount(self, text: str) -> bool:
        try:
            amount = fmt.parse_amount(text)
        except ValueError:
            self.chair_app.report_error(t("chair.ui.detail.amount_invalid", text=text.strip()))
            return False
        if amount == self.model.decision(self.application_id).advised_amount:
            return True
        try:
            self.model.set_amount(self.application_id, amount)
        except (JuryError, OSError) as error:
            self.chair_app.report_error(error)
            return False
        self._amount_notes.pop(self.application_id, None)
        if self.model.eligibility_outcome[self.application_id] is Outcome.NOT_MET:
            self.notify(t("chair.ui.detail.not_eligible_at_amount"), severity="warning")
        self.changed()
        return True

    @on(Input.Submitted, "#amount")
    def _amount_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._save_amount(event.value):
            self.set_focus(None)
            self._restore_amount()
            self.refresh_bindings()
        else:
            event.input.select_all()  # typing replaces the refused amount

    @on(Input.Blurred, "#amount")
    def _amount_left(self, event: Input.Blurred) -> None:
        # Leaving by another way than Enter or Esc (a screen key, the mouse): keep what was typed if valid.
        if event.value != self._shown_amount():
            if not self._save_amount(event.value):
                self._restore_amount()
        self.refresh_bindings()
