"""A criterion page of the chair's detail screen: every juror's score and motivation side by side,
and setting the jury's consensus score. Its own module, apart from the decision page it alternates with."""

from __future__ import annotations

from functools import partial

from textual.content import Content
from textual.widgets import Static

from jury_tui.domain.aggregation import CriterionStats
from jury_tui.domain.consensus import suggested_score
from jury_tui.domain.session import Role
from jury_tui.errors import JuryError
from jury_tui.i18n import t
from jury_tui.ui.chair import detail_view as view
from jury_tui.ui.chair.screens.detail_host import DetailHost
from jury_tui.ui.chair.widgets import EditorArea, JurorRow, JurorTable


class CriterionPage:
    def __init__(self, screen: DetailHost) -> None:
        self.screen = screen

    # --- drawing -----------------------------------------------------------------------------
    def draw(self) -> None:
        screen = self.screen
        model = screen.model
        criteria = screen.criteria
        criterion = criteria.criteria[screen.page]
        stats = model.aggregates[screen.application_id].criteria[criterion.id]
        heading: list[Content | str | tuple[str, str]] = [
            (t("ui.score.criterion_heading", number=screen.page + 1, total=len(criteria.criteria),
               name=criterion.name.get(screen.lang)), "bold $text-accent")
        ]
        if stats.flagged:
            if model.decision(screen.application_id).get(criterion.id).score is None:
                heading += ["  ", (t("chair.ui.detail.flag"), "bold reverse $error")]
            else:
                heading += ["  ", (t("chair.ui.detail.flag_done"), "$text-success")]
        screen.query_one("#criterion-heading", Static).update(Content.assemble(*heading))
        screen.query_one("#criterion-stats", Static).update(view.stats_line(stats))
        self._draw_jurors(criterion.id, stats)
        screen.query_one("#consensus-line", Static).update(view.consensus_line(model.decision(screen.application_id).get(screen.criterion_id), stats, criteria.scale, screen.lang))
        motivation = screen.query_one("#motivation", EditorArea)
        motivation.border_title = t(
            "chair.ui.detail.motivation_required" if criterion.motivation_required else "chair.ui.detail.motivation_title"
        )

    def _draw_jurors(self, criterion_id: str, stats: CriterionStats) -> None:
        """Every juror's row on this criterion, voting members first, in one go to the panel."""
        screen = self.screen
        model = screen.model
        table = model.table
        entries = {entry.juror_id: entry for entry in table.entries(screen.application_id, criterion_id)}
        conflicted = table.conflicts.get(screen.application_id, set())
        rows: dict[Role, list[JurorRow]] = {Role.VOTING: [], Role.ADVISORY: []}
        for juror in model.session.jurors:
            rows[juror.role].append(view.juror_row(model.submissions.keys(), juror.id, juror.name, entries, conflicted, stats,
                                                       follow_up=model.follow_up is not None))
        screen.query_one("#jurors", JurorTable).show_rows(rows[Role.VOTING], rows[Role.ADVISORY])

    # --- the consensus score -----------------------------------------------------------------
    def _current(self) -> int | None:
        return self.screen.model.decision(self.screen.application_id).get(self.screen.criterion_id).score

    def _suggestion(self) -> int | None:
        return suggested_score(self.screen.model.aggregates[self.screen.application_id].criteria[self.screen.criterion_id])

    def set_score(self, value: int | None) -> None:
        screen = self.screen
        if screen.on_decision_page:
            return
        if self._current() == value:
            return
        try:
            screen.model.set_score(screen.application_id, screen.criterion_id, value)
        except (JuryError, OSError) as error:
            screen.chair_app.report_error(error)
            return
        screen.changed()

    def step_score(self, step: int) -> None:
        """One step from the consensus; with none yet, the first press takes the suggestion."""
        scale = self.screen.criteria.scale
        current = self._current()
        base = current if current is not None else self._suggestion()
        if base is None:
            self.set_score(scale.min)
        elif current is None:
            self.set_score(base)
        else:
            self.set_score(min(scale.max, max(scale.min, base + step)))

    def clear_score(self) -> None:
        screen = self.screen
        consensus = screen.model.decision(screen.application_id).get(screen.criterion_id)
        if consensus.score is not None and consensus.motivation.strip():
            # The score goes, its motivation argued for it: ask first (u brings it back too).
            name = screen.criteria.criterion(screen.criterion_id).name.get(screen.lang)
            screen.confirm(t("chair.ui.confirm.clear_title"),
                           t("chair.ui.confirm.clear_body", score=consensus.score, criterion=name),
                           partial(self.set_score, None))
            return
        self.set_score(None)

    def accept_suggestion(self) -> None:
        suggestion = self._suggestion()
        if suggestion is None:
            self.screen.notify(t("chair.ui.detail.no_suggestion"), severity="warning")
            return
        self.set_score(suggestion)
