"""Choosing a session and then yourself in its jury, when `jury-tui` is run without arguments."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from jury_tui.domain.session import SessionDefinition
from jury_tui.errors import JuryError, display_path
from jury_tui.i18n import t
from jury_tui.store.sessions import list_sessions, load_session, sessions_root
from jury_tui.ui.keys import KeySpec, SpecBindings, app_keys, bindings_for
from jury_tui.ui.widgets.key_footer import KeyFooter


class PickList(OptionList):
    """An option list whose Enter (choosing) is shown in the footer."""

    KEYS = [KeySpec("select", "enter", "⏎", "ui.key.choose")]
    BINDINGS = bindings_for(KEYS)


class PickerScreen(SpecBindings, Screen[None]):
    AUTO_FOCUS = ""
    KEYS = [
        *PickList.KEYS,  # bound on the list, listed here so the footer shows it translated
        KeySpec("back", "escape", "Esc", "ui.key.back"),
        KeySpec("app.quit", "q", "q", "ui.key.quit", show=False),
    ]
    BINDINGS = bindings_for(KEYS[len(PickList.KEYS):])

    def __init__(self, data_dir: Path, session_id: str | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.preselected = session_id
        self.session_ids: list[str] = []
        self.loaded: dict[str, SessionDefinition] = {}
        self.session: SessionDefinition | None = None

    def key_specs(self) -> list[KeySpec]:
        return self.KEYS + app_keys()

    def compose(self) -> ComposeResult:
        # The list's own enter (in order with the arrows typed before it), shown in the footer.
        sessions, jurors = PickList(id="session-list"), PickList(id="juror-list")
        with Vertical(id="picker-box"):
            yield Static(t("ui.picker.sessions"), id="picker-title", classes="screen-title")
            yield Static(id="picker-message")
            yield sessions
            yield jurors
            yield Static(t("ui.picker.hint"), id="picker-hint")
        yield KeyFooter(show_command_palette=True)

    def on_mount(self) -> None:
        self.query_one("#juror-list").display = False
        self.session_ids = list_sessions(self.data_dir)
        sessions = self.query_one("#session-list", OptionList)
        if not self.session_ids:
            sessions.display = False
            text = t("session.none_found", path=display_path(sessions_root(self.data_dir)))
            self._message(text[:1].upper() + text[1:], error=True)
            self.query_one("#picker-hint", Static).update(t("ui.picker.hint_empty"))
            return
        sessions.add_options(Option(Content(session_id), id=session_id) for session_id in self.session_ids)
        sessions.highlighted = 0
        sessions.focus()
        if self.preselected in self.session_ids:
            sessions.highlighted = self.session_ids.index(self.preselected)
            self.call_after_refresh(self._choose_session, self.preselected)
        elif len(self.session_ids) == 1:
            self.call_after_refresh(self._choose_session, self.session_ids[0])
        else:
            self.call_after_refresh(self._load_titles)

    def _message(self, text: str, error: bool = False) -> None:
        message = self.query_one("#picker-message", Static)
        message.update(Content(text))
        message.set_class(error, "-error")
        message.display = bool(text)

    def _load(self, session_id: str) -> SessionDefinition:
        if session_id not in self.loaded:
            self.loaded[session_id] = load_session(self.data_dir, session_id)
        return self.loaded[session_id]

    def _load_titles(self) -> None:
        sessions = self.query_one("#session-list", OptionList)
        for session_id in self.session_ids:
            try:
                title = self._load(session_id).title
            except JuryError as error:
                title = str(error)
            sessions.replace_option_prompt(session_id, Content.assemble((session_id, "bold"), f" – {title}"))

    # --- choosing -------------------------------------------------------------------------------
    @on(OptionList.OptionSelected, "#session-list")
    def _session_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose_session(event.option_id)

    def _choose_session(self, session_id: str | None) -> None:
        if session_id is None:
            return
        try:
            session = self._load(session_id)
        except JuryError as error:
            self._message(str(error), error=True)
            return
        self.session = session
        self._message("")
        self.query_one("#picker-title", Static).update(Content(t("ui.picker.jurors", session=session.title)))
        jurors = self.query_one("#juror-list", OptionList)
        jurors.clear_options()
        jurors.add_options(
            Option(Content(t("ui.picker.juror_option", name=juror.name, role=t(f"role.{juror.role.value}"))), id=juror.id)
            for juror in session.jurors
        )
        jurors.highlighted = 0
        self.query_one("#session-list").display = False
        jurors.display = True
        jurors.focus()

    @on(OptionList.OptionSelected, "#juror-list")
    def _juror_selected(self, event: OptionList.OptionSelected) -> None:
        if self.session is None or event.option_id is None:
            return
        try:
            screen = self.app.assessment_screen(self.session, event.option_id)  # type: ignore[attr-defined]
        except JuryError as error:
            self._message(str(error), error=True)
            return
        self.app.switch_screen(screen)

    def action_back(self) -> None:
        jurors = self.query_one("#juror-list", OptionList)
        if not jurors.display or not self.session_ids:
            self.app.exit()
            return
        jurors.display = False
        self.session = None
        self._message("")
        self.query_one("#picker-title", Static).update(t("ui.picker.sessions"))
        sessions = self.query_one("#session-list", OptionList)
        sessions.display = True
        sessions.focus()
        self._load_titles()
