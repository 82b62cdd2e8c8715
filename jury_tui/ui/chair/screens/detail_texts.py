"""The detail screen's text boxes bound to the store: which field each edits, what the store has,
saving 0.5 s after the last keystroke, when left, and as a last resort when the screen goes. Apart
from the pages, so both pages save the same way."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.timer import Timer

from jury_tui.errors import JuryError
from jury_tui.ui.chair.screens.base import ChairScreen
from jury_tui.ui.chair.widgets import EditorArea

TEXT_SAVE_DELAY = 0.5

Target = tuple[str, str | None, str]  # (application, criterion or None, field) a text box edits


class TextBoxes:
    def __init__(self, screen: ChairScreen, area_ids: Sequence[str], on_saved: Callable[[], None]) -> None:
        self.screen = screen
        self.area_ids = tuple(area_ids)
        self.on_saved = on_saved  # after a text was saved by a flush: redraw what shows it
        # Text box id -> what it edits, and what the store has.
        self.targets: dict[str, Target] = {}
        self.baselines: dict[str, str] = {}
        self.save_timers: dict[str, Timer] = {}

    def area(self, area_id: str) -> EditorArea:
        return self.screen.query_one(f"#{area_id}", EditorArea)

    def load(self, wanted: dict[str, Target]) -> None:
        """Point the text boxes at `wanted` and load what the store has (unless being typed in)."""
        for area_id in self.area_ids:
            area = self.area(area_id)
            target = wanted.get(area_id)
            if target is None:
                self.targets.pop(area_id, None)
                continue
            if self.targets.get(area_id) == target and area.has_focus:
                continue
            text = self.screen.model.stored_text(*target)
            self.targets[area_id] = target
            self.baselines[area_id] = text
            if area.text != text:
                area.load_text(text)

    def restore(self, area_id: str) -> None:
        """Put back what the store has (after the store refused what was typed)."""
        self.area(area_id).load_text(self.baselines.get(area_id, ""))

    def flush_area(self, area_id: str, again: bool = False) -> bool:
        """Save one text box if it differs from the store (`again`: also when it does not, to confirm
        it); False when the store refused."""
        timer = self.save_timers.pop(area_id, None)
        if timer is not None:
            timer.stop()
        target = self.targets.get(area_id)
        if target is None:
            return True
        text = self.area(area_id).text
        if text == self.baselines.get(area_id) and not again:
            return True
        try:
            self.screen.model.set_text(*target, text)
        except (JuryError, OSError) as error:
            self.screen.chair_app.report_error(error)
            return False
        self.baselines[area_id] = text
        self.screen.chair_app.report_saved()
        self.on_saved()
        return True

    def flush(self) -> bool:
        saved = True
        for area_id in list(self.targets):
            saved = self.flush_area(area_id) and saved
        return saved

    def changed(self, area_id: str | None, text: str) -> None:
        """A keystroke: save this text box once the typing pauses."""
        if area_id not in self.targets or text == self.baselines.get(area_id):
            return
        timer = self.save_timers.pop(area_id, None)
        if timer is not None:
            timer.stop()
        self.save_timers[area_id] = self.screen.set_timer(TEXT_SAVE_DELAY, lambda: self.flush_area(area_id))

    def save_on_unmount(self) -> None:
        # Last resort (the app closes without its quit action): store only, no screen updates.
        for area_id, timer in list(self.save_timers.items()):
            timer.stop()
        for area_id, target in self.targets.items():
            try:
                text = self.area(area_id).text
                if text != self.baselines.get(area_id):
                    self.screen.model.set_text(*target, text)
            except Exception:  # noqa: BLE001 - nothing can be shown any more
                pass
