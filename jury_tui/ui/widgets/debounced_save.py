"""Saving a text as it is typed: SAVE_DELAY after the last keystroke, and at once when asked
(`flush`: before the screen leaves the text, changes criterion or application, submits or quits).

One helper for the scoring panel's motivation box (AssessmentScreen) and the text on the whole
screen (WritingScreen: a motivation, a private note). It keeps what is saved (`baseline`) and the
timer; the screen gives it how to read the text, how to write it (a store call, which may raise
JuryError or OSError) and what to show once it is saved or could not be. A failed write changes
nothing on screen: the text stays, `pending` stays true, and the next flush tries again.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.message_pump import MessagePump
from textual.timer import Timer

from jury_tui.errors import JuryError

SAVE_DELAY = 0.4  # seconds after the last keystroke


class DebouncedSave:
    def __init__(
        self,
        owner: MessagePump,
        read: Callable[[], str],
        write: Callable[[str], object],
        on_saved: Callable[[str], None],
        on_failed: Callable[[JuryError | OSError], None],
        baseline: str = "",
    ) -> None:
        self._owner = owner  # whose timer counts the delay
        self._read = read
        self._write = write
        self._on_saved = on_saved
        self._on_failed = on_failed
        self.baseline = baseline  # the text as it is saved
        self._timer: Timer | None = None

    @property
    def pending(self) -> bool:
        """The text differs from what is saved."""
        return self._read() != self.baseline

    def reset(self, baseline: str) -> None:
        """Another text is edited now, saved as `baseline`: nothing waits to be saved."""
        self._stop()
        self.baseline = baseline

    def changed(self) -> None:
        """The text changed (a keystroke): save it SAVE_DELAY from now, unless it is back as saved."""
        self._stop()
        if self.pending:
            self._timer = self._owner.set_timer(SAVE_DELAY, self.flush)

    def flush(self) -> bool:
        """Save the text now if it differs from what is saved. False: it could not be saved."""
        self._stop()
        text = self._read()
        if text == self.baseline:
            return True
        try:
            self._write(text)
        except (JuryError, OSError) as error:
            self._on_failed(error)
            return False
        self.baseline = text
        self._on_saved(text)
        return True

    def save_quietly(self) -> None:
        """Last resort while the screen goes away without a flush (the app closes): write what is
        typed, show nothing (the widgets may be gone)."""
        self._stop()
        try:
            text = self._read()
        except Exception:  # noqa: BLE001 - the widgets are gone already: nothing left to read
            return
        if text != self.baseline:
            try:
                self._write(text)
                self.baseline = text
            except (JuryError, OSError):
                pass

    def _stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
