"""Texts of the juror's interface, Dutch first. Merged into `jury_tui.i18n.MESSAGES` on import.

They live here rather than in i18n.py so the interface's texts stay together; `t()` finds them
as soon as `jury_tui.ui` is imported (every UI module does).
"""

from __future__ import annotations

from jury_tui.i18n import MESSAGES

UI_MESSAGES: dict[str, dict[str, str]] = {
    # --- general ----------------------------------------------------------------------------
    "ui.app_title": {"nl": "jury-tui", "en": "jury-tui"},
    "ui.juror_line": {"nl": "{name} ({role})", "en": "{name} ({role})"},
    "ui.saved_at": {"nl": "Opgeslagen om {time}", "en": "Saved at {time}"},
    "ui.not_saved": {"nl": "Niet opgeslagen: {error}", "en": "Not saved: {error}"},
    "ui.nothing_saved_yet": {"nl": "Alles is bewaard", "en": "Everything is saved"},
    "ui.error_title": {"nl": "Er ging iets mis", "en": "Something went wrong"},
    "ui.close_hint": {"nl": "Druk op Enter of Esc om te sluiten.", "en": "Press Enter or Esc to close."},
    "ui.quit_hint": {"nl": "Druk op Enter, Esc of q om te stoppen.", "en": "Press Enter, Esc or q to quit."},
    "ui.quit_unsaved": {
        "nl": "De motivatie kon niet bewaard worden. Druk nogmaals op Ctrl+Q om toch te stoppen.",
        "en": "The motivation could not be saved. Press Ctrl+Q again to quit anyway.",
    },
    "ui.ctrl_c": {"nl": "Stoppen doe je met Ctrl+Q.", "en": "To quit, press Ctrl+Q."},
    "ui.palette_placeholder": {"nl": "Zoek een opdracht…", "en": "Search for a command…"},
    # --- key descriptions (footer: short; help: long) ----------------------------------------
    "ui.key.next_application": {"nl": "Volgende", "en": "Next"},
    "ui.key.next_application.help": {"nl": "Volgende aanvraag", "en": "Next application"},
    "ui.key.previous_application": {"nl": "Vorige", "en": "Previous"},
    "ui.key.previous_application.help": {"nl": "Vorige aanvraag", "en": "Previous application"},
    "ui.key.next_criterion": {"nl": "Volgend criterium", "en": "Next criterion"},
    "ui.key.next_criterion.help": {"nl": "Volgend criterium", "en": "Next criterion"},
    "ui.key.previous_criterion.help": {"nl": "Vorig criterium", "en": "Previous criterion"},
    "ui.key.application_group": {"nl": "Aanvraag", "en": "Application"},
    "ui.key.criterion_group": {"nl": "Criterium", "en": "Criterion"},
    "ui.key.previous_criterion": {"nl": "Vorig criterium", "en": "Previous criterion"},
    "ui.key.raise_score": {"nl": "Hoger", "en": "Higher"},
    "ui.key.lower_score": {"nl": "Lager", "en": "Lower"},
    "ui.key.clear_score": {"nl": "Wissen", "en": "Clear"},
    "ui.key.toggle_info": {"nl": "Uitleg", "en": "Explanation"},
    "ui.key.score": {"nl": "Score", "en": "Score"},
    "ui.key.score.help": {
        "nl": "Score geven ({min} tot {max}); op een AZERTY-toetsenbord werken ook de cijfertoetsen zonder Shift",
        "en": "Give a score ({min} to {max}); on an AZERTY keyboard the digit keys also work without Shift",
    },
    "ui.key.raise_score.help": {"nl": "Score één hoger", "en": "Raise the score by one"},
    "ui.key.lower_score.help": {"nl": "Score één lager", "en": "Lower the score by one"},
    "ui.key.clear_score.help": {"nl": "Score wissen", "en": "Clear the score"},
    "ui.key.edit_motivation": {"nl": "Motivatie", "en": "Motivation"},
    "ui.key.edit_motivation.help": {"nl": "Motivatie schrijven (tekstvak openen)", "en": "Write the motivation (open the text box)"},
    "ui.key.leave_motivation": {"nl": "Klaar", "en": "Done"},
    "ui.key.leave_motivation.help": {
        "nl": "Tekstvak verlaten (de motivatie wordt bewaard)",
        "en": "Leave the text box (the motivation is saved)",
    },
    "ui.key.conflicts": {"nl": "Conflicten", "en": "Conflicts"},
    "ui.key.conflicts.help": {"nl": "Belangenconflicten aanpassen", "en": "Change conflicts of interest"},
    "ui.key.submit": {"nl": "Indienen", "en": "Submit"},
    "ui.key.submit.help": {
        "nl": "Beoordeling indienen (bestand voor de voorzitter maken)",
        "en": "Submit the assessment (make the file for the chair)",
    },
    "ui.key.toggle_text": {"nl": "Tekst", "en": "Text"},
    "ui.key.toggle_text.help": {
        "nl": "Aanvraagtekst op het hele scherm (nogmaals: terug)",
        "en": "Application text full screen (again: back)",
    },
    "ui.key.toggle_info.help": {
        "nl": "Volledige uitleg bij het criterium tonen (nogmaals: terug)",
        "en": "Show the criterion's full explanation (again: back)",
    },
    "ui.key.scroll_text.help": {
        "nl": "Aanvraagtekst een pagina verder / terug (na i: de uitleg bij het criterium)",
        "en": "Scroll the application text a page down / up (after i: the criterion's explanation)",
    },
    "ui.key.scroll_text_ends.help": {"nl": "Naar begin / einde van de aanvraagtekst", "en": "To the start / end of the application text"},
    "ui.key.help": {"nl": "Hulp", "en": "Help"},
    "ui.key.help.help": {"nl": "Deze hulp tonen", "en": "Show this help"},
    "ui.key.palette": {"nl": "Opdrachten", "en": "Commands"},
    "ui.key.palette.help": {"nl": "Opdrachtenlijst (zoek een actie of aanvraag)", "en": "Command palette (find an action or application)"},
    "ui.key.quit": {"nl": "Stoppen", "en": "Quit"},
    "ui.key.quit.help": {"nl": "Stoppen (alles is al bewaard)", "en": "Quit (everything is already saved)"},
    "ui.key.close": {"nl": "Sluiten", "en": "Close"},
    "ui.key.confirm": {"nl": "Bevestigen", "en": "Confirm"},
    "ui.key.cancel": {"nl": "Annuleren", "en": "Cancel"},
    "ui.key.toggle": {"nl": "Aan/uit", "en": "Toggle"},
    "ui.key.yes": {"nl": "Ja", "en": "Yes"},
    "ui.key.no": {"nl": "Nee", "en": "No"},
    "ui.key.choose": {"nl": "Kiezen", "en": "Choose"},
    "ui.key.back": {"nl": "Terug", "en": "Back"},
    # --- help screen ---------------------------------------------------------------------------
    "ui.help.title": {"nl": "Hulp – toetsen", "en": "Help – keys"},
    "ui.help.column_key": {"nl": "Toets", "en": "Key"},
    "ui.help.column_action": {"nl": "Wat het doet", "en": "What it does"},
    "ui.help.intro": {
        "nl": "Alles werkt met het toetsenbord. Elke wijziging wordt meteen bewaard; "
        "een aanvraag is volledig als elk criterium een score heeft en, waar nodig, een motivatie.",
        "en": "Everything works by keyboard. Every change is saved at once; an application is "
        "complete when every criterion has a score and, where required, a motivation.",
    },
    "ui.help.in_text": {
        "nl": "In het tekstvak typ je gewoon: letters en cijfers gaan in de tekst. Esc of F1 werken er wel.",
        "en": "In the text box you just type: letters and digits go into the text. Esc and F1 still work.",
    },
    "ui.help.markers": {
        "nl": "Tekens in de lijst: ○ niet begonnen · ◐ bezig · ● volledig · ⊘ belangenconflict",
        "en": "Markers in the list: ○ not started · ◐ in progress · ● complete · ⊘ conflict of interest",
    },
    # --- main screen ----------------------------------------------------------------------------
    "ui.score.criterion_heading": {
        "nl": "Criterium {number} van {total}: {name}",
        "en": "Criterion {number} of {total}: {name}",
    },
    "ui.score.guidance_heading": {"nl": "Let op:", "en": "Look for:"},
    "ui.score.motivation_title": {"nl": "Motivatie", "en": "Motivation"},
    "ui.score.motivation_required": {"nl": "Motivatie (verplicht)", "en": "Motivation (required)"},
    "ui.score.motivation_hint": {"nl": "m: schrijven · i: volledige uitleg", "en": "m: write · i: full explanation"},
    "ui.score.motivation_hint_editing": {"nl": "Esc: klaar (wordt bewaard)", "en": "Esc: done (it is saved)"},
    "ui.score.motivation_placeholder": {
        "nl": "Nog geen motivatie. Druk op m of Enter om te schrijven.",
        "en": "No motivation yet. Press m or Enter to write.",
    },
    "ui.score.conflict_panel": {
        "nl": "⊘ Belangenconflict: je hebt aangegeven dat je deze aanvraag niet mag beoordelen. "
        "Ze kan niet gescoord worden en wordt niet meegestuurd. Aanpassen met c.",
        "en": "⊘ Conflict of interest: you declared that you may not assess this application. "
        "It cannot be scored and is not submitted. Change with c.",
    },
    "ui.score.conflict_refused": {
        "nl": "Deze aanvraag is gemarkeerd als belangenconflict en kan niet beoordeeld worden.",
        "en": "This application is marked as a conflict of interest and cannot be scored.",
    },
    "ui.application_complete": {
        "nl": "{label} is volledig beoordeeld. n: volgende aanvraag",
        "en": "{label} is fully assessed. n: next application",
    },
    "ui.all_complete": {
        "nl": "Alle aanvragen zijn volledig beoordeeld. Dien je beoordeling in met s.",
        "en": "All applications are fully assessed. Submit your assessment with s.",
    },
    "ui.maximised_hint": {"nl": "Esc: terug", "en": "Esc: back"},
    "ui.facts.subsidy": {"nl": "subsidie {amount}", "en": "subsidy {amount}"},
    "ui.facts.cost": {"nl": "kost {amount}", "en": "cost {amount}"},
    "ui.facts.co_financing": {"nl": "cofinanciering {amount}", "en": "co-financing {amount}"},
    "ui.facts.infrastructure": {"nl": "infrastructuur {amount}", "en": "infrastructure {amount}"},
    "ui.facts.duration": {"nl": "{months} maanden", "en": "{months} months"},
    "ui.facts.illustrative": {"nl": "(illustratief)", "en": "(illustrative)"},
    # --- conflicts screen -------------------------------------------------------------------------
    "ui.conflicts.title": {"nl": "Belangenconflicten", "en": "Conflicts of interest"},
    "ui.conflicts.intro": {
        "nl": "Duid met Spatie de aanvragen aan waarbij je een belangenconflict hebt (je werkt voor "
        "die stad of gemeente, was betrokken bij de aanvraag, ...). Die aanvragen kun je niet "
        "beoordelen. Bevestig met Enter, ook als er geen conflict is.",
        "en": "Mark with Space the applications where you have a conflict of interest (you work for "
        "that city, were involved in the application, ...). You cannot assess those. "
        "Confirm with Enter, also when there is no conflict.",
    },
    "ui.conflicts.saved": {
        "nl": "Belangenconflicten bewaard: {count}",
        "en": "Conflicts of interest saved: {count}",
    },
    # --- submission --------------------------------------------------------------------------------
    "ui.submit.confirm_title": {"nl": "Onvolledige beoordeling indienen?", "en": "Submit an incomplete assessment?"},
    "ui.submit.confirm_body": {
        "nl": "Je hebt {done} van {total} aanvragen volledig beoordeeld. Het bestand wordt "
        "gemarkeerd als ONVOLLEDIG. Je kunt later opnieuw indienen.\n\nToch indienen?",
        "en": "You have fully assessed {done} of {total} applications. The file will be marked "
        "INCOMPLETE. You can submit again later.\n\nSubmit anyway?",
    },
    "ui.submit.done_title": {"nl": "Inzending klaar", "en": "Submission ready"},
    "ui.submit.done_body": {
        "nl": "Je beoordeling ({state}) staat in:\n{path}\n\nControlesom: {checksum}\n\n"
        "Stuur dit bestand naar het secretariaat of de voorzitter.",
        "en": "Your assessment ({state}) is in:\n{path}\n\nChecksum: {checksum}\n\n"
        "Send this file to the secretariat or the chair.",
    },
    "ui.submit.failed": {"nl": "Indienen mislukt: {error}", "en": "Submission failed: {error}"},
    # --- picker ------------------------------------------------------------------------------------
    "ui.picker.sessions": {"nl": "Kies een sessie", "en": "Choose a session"},
    "ui.picker.jurors": {"nl": "Wie ben je? Kies jezelf in de jury van {session}", "en": "Who are you? Choose yourself in the jury of {session}"},
    "ui.picker.juror_option": {"nl": "{name} – {role}", "en": "{name} – {role}"},
    "ui.picker.hint_empty": {"nl": "q of Ctrl+Q stopt", "en": "q or Ctrl+Q quits"},
    "ui.picker.hint": {
        "nl": "↑↓ kiezen · Enter openen · Esc terug · Ctrl+Q stoppen",
        "en": "↑↓ choose · Enter open · Esc back · Ctrl+Q quit",
    },
}

for _key, _texts in UI_MESSAGES.items():
    MESSAGES.setdefault(_key, _texts)  # a clash is a programming error; tests/test_ui_juror.py checks
