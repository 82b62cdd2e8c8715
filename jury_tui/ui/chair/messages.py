"""Texts of the chair's interface, Dutch first. Merged into `jury_tui.i18n.MESSAGES` on import.

Every key starts with "chair.ui." or "chair.key." so it cannot clash with the juror's interface
or the domain's messages; tests/test_ui_chair.py checks that none of them was already taken.
"""

from __future__ import annotations

from jury_tui.i18n import MESSAGES

CHAIR_MESSAGES: dict[str, dict[str, str]] = {
    # --- general -------------------------------------------------------------------------------
    "chair.ui.title": {"nl": "Voorzitter – {session}", "en": "Chair – {session}"},
    "chair.ui.tab.overview": {"nl": "Overzicht", "en": "Overview"},
    "chair.ui.tab.detail": {"nl": "Detail", "en": "Detail"},
    "chair.ui.tab.ranking": {"nl": "Budget", "en": "Budget"},
    "chair.ui.tab.calibration": {"nl": "Kalibratie", "en": "Calibration"},
    "chair.ui.saved_at": {"nl": "Opgeslagen om {time}", "en": "Saved at {time}"},
    "chair.ui.not_saved": {"nl": "Niet opgeslagen: {error}", "en": "Not saved: {error}"},
    "chair.ui.not_saved_title": {"nl": "Niet opgeslagen", "en": "Not saved"},
    "chair.ui.all_saved": {"nl": "Alles is bewaard", "en": "Everything is saved"},
    "chair.ui.ctrl_c": {"nl": "Stoppen doe je met Ctrl+Q.", "en": "To quit, press Ctrl+Q."},
    "chair.ui.palette_placeholder": {"nl": "Zoek een opdracht of aanvraag…", "en": "Search for a command or application…"},
    # --- overview ------------------------------------------------------------------------------
    "chair.ui.overview.summary": {
        "nl": "{imported}/{jurors} inzendingen · {open} te bespreken · {done}/{total} met consensus · {order}",
        "en": "{imported}/{jurors} submissions · {open} to discuss · {done}/{total} with consensus · {order}",
    },
    "chair.ui.overview.no_submissions": {
        "nl": "Nog geen inzendingen ingelezen: druk op i om de bestanden van de juryleden in te lezen.",
        "en": "No submissions imported yet: press i to import the jurors' files.",
    },
    "chair.ui.overview.legend": {
        "nl": "consensus 4✓ · rood: te bespreken (spreiding ≥ {threshold}) · geel: scores ontbreken",
        "en": "consensus 4✓ · red: to discuss (spread ≥ {threshold}) · yellow: scores missing",
    },
    "chair.ui.overview.order_file": {"nl": "bestandsvolgorde", "en": "file order"},
    "chair.ui.overview.order_total": {"nl": "op totaal", "en": "by total"},
    "chair.ui.overview.column_application": {"nl": "Aanvraag", "en": "Application"},
    "chair.ui.overview.column_open": {"nl": "!", "en": "!"},
    "chair.ui.overview.column_total": {"nl": "Totaal", "en": "Total"},
    "chair.ui.overview.column_rank": {"nl": "#", "en": "#"},
    "chair.ui.overview.no_flag_left": {"nl": "Geen criteria meer te bespreken.", "en": "No criteria left to discuss."},
    # --- detail --------------------------------------------------------------------------------
    "chair.ui.detail.position": {"nl": "{number}/{total}", "en": "{number}/{total}"},
    "chair.ui.detail.recommendation": {"nl": "advies: {value}", "en": "advice: {value}"},
    "chair.ui.detail.amount": {"nl": "bedrag: {value}", "en": "amount: {value}"},
    "chair.ui.detail.no_recommendation": {"nl": "nog geen", "en": "none yet"},
    "chair.ui.detail.eligibility_all_met": {
        "nl": "Ontvankelijk: alle {count} voorwaarden voldaan (e: details)",
        "en": "Eligible: all {count} conditions met (e: details)",
    },
    "chair.ui.detail.eligibility_summary": {"nl": "Ontvankelijkheid ({met} van {count} voldaan):", "en": "Eligibility ({met} of {count} met):"},
    "chair.ui.detail.eligibility_heading": {
        "nl": "Ontvankelijkheid (regels uit het criteriabestand)",
        "en": "Eligibility (rules from the criteria file)",
    },
    "chair.ui.detail.criterion_heading": {"nl": "Criterium {number} van {total}: {name}", "en": "Criterion {number} of {total}: {name}"},
    "chair.ui.detail.flag": {"nl": "⚑ te bespreken", "en": "⚑ to discuss"},
    "chair.ui.detail.flag_done": {"nl": "⚑ besproken", "en": "⚑ discussed"},
    "chair.ui.detail.stats": {
        "nl": "n {count}{missing} · gem. {mean} · med. {median} · min–max {low}–{high} · spreiding {spread} · sd {stdev}",
        "en": "n {count}{missing} · mean {mean} · med. {median} · min–max {low}–{high} · spread {spread} · sd {stdev}",
    },
    "chair.ui.detail.stats_missing": {"nl": " ({count} ontbreekt)", "en": " ({count} missing)"},
    "chair.ui.detail.no_scores": {"nl": "Nog geen scores voor dit criterium.", "en": "No scores for this criterion yet."},
    "chair.ui.detail.advisory": {"nl": "Adviserend (telt niet mee)", "en": "Advisory (not counted)"},
    "chair.ui.detail.juror_not_submitted": {"nl": "nog geen inzending", "en": "no submission yet"},
    "chair.ui.detail.juror_conflict": {"nl": "belangenconflict: beoordeelt deze aanvraag niet", "en": "conflict of interest: does not assess this application"},
    "chair.ui.detail.juror_no_score": {"nl": "geen score", "en": "no score"},
    "chair.ui.detail.juror_no_motivation": {"nl": "(geen motivatie)", "en": "(no motivation)"},
    "chair.ui.detail.consensus": {"nl": "Consensus: {value}", "en": "Consensus: {value}"},
    "chair.ui.detail.consensus_none": {"nl": "Consensus: nog niet bepaald", "en": "Consensus: not set yet"},
    "chair.ui.detail.suggestion": {"nl": "voorstel (mediaan): {value} – a neemt over", "en": "suggestion (median): {value} – a accepts"},
    "chair.ui.detail.motivation_title": {"nl": "Consensusmotivatie (m)", "en": "Consensus motivation (m)"},
    "chair.ui.detail.motivation_required": {"nl": "Consensusmotivatie, verplicht (m)", "en": "Consensus motivation, required (m)"},
    "chair.ui.detail.minority_title": {"nl": "Minderheidsstandpunt (v)", "en": "Minority view (v)"},
    "chair.ui.detail.overall_title": {"nl": "Algemene motivatie (m)", "en": "Overall motivation (m)"},
    "chair.ui.detail.editing_hint": {"nl": "Esc: klaar", "en": "Esc: done"},
    "chair.ui.detail.motivation_placeholder": {
        "nl": "Nog geen motivatie. Druk op m of Enter om te schrijven.",
        "en": "No motivation yet. Press m or Enter to write.",
    },
    "chair.ui.detail.minority_placeholder": {
        "nl": "Waar de jury het niet eens werd: druk op v.",
        "en": "Where the jury did not agree: press v.",
    },
    "chair.ui.detail.overall_placeholder": {
        "nl": "Nog geen algemene motivatie. Druk op m of Enter om te schrijven.",
        "en": "No overall motivation yet. Press m or Enter to write.",
    },
    "chair.ui.detail.decision_tab": {"nl": "Besluit", "en": "Decision"},
    "chair.ui.detail.decision_heading": {
        "nl": "Besluit: algemene motivatie, advies en bedrag",
        "en": "Decision: overall motivation, advice and amount",
    },
    "chair.ui.detail.totals": {
        "nl": "Consensustotaal: {consensus} van {maximum} · rang {rank} · gemiddeld totaal: {mean}",
        "en": "Consensus total: {consensus} of {maximum} · rank {rank} · mean total: {mean}",
    },
    "chair.ui.detail.totals_incomplete": {
        "nl": "Consensus voor {done} van {total} criteria, nog geen totaal · gemiddeld totaal: {mean} van {maximum}",
        "en": "Consensus for {done} of {total} criteria, no total yet · mean total: {mean} of {maximum}",
    },
    "chair.ui.detail.missing_motivations": {
        "nl": "Consensusmotivatie ontbreekt bij {count} criteria: {names}",
        "en": "Consensus motivation missing for {count} criteria: {names}",
    },
    "chair.ui.detail.recommendation_line": {"nl": "Advies (r of 1/2/3):", "en": "Advice (r or 1/2/3):"},
    "chair.ui.detail.amount_label": {"nl": "Bedrag (g):", "en": "Amount (g):"},
    "chair.ui.detail.amount_cap": {
        "nl": "ten hoogste {cap}; leeg = {cap}",
        "en": "at most {cap}; empty = {cap}",
    },
    "chair.ui.detail.amount_placeholder": {"nl": "bv. 650.000", "en": "e.g. 650,000"},
    "chair.ui.detail.amount_invalid": {"nl": "'{text}' is geen bedrag (bv. 650.000 of 650000,50)", "en": "'{text}' is not an amount (e.g. 650,000 or 650000.50)"},
    "chair.ui.detail.not_eligible_selected": {
        "nl": "Let op: deze aanvraag voldoet niet aan alle ontvankelijkheidsvoorwaarden.",
        "en": "Note: this application does not meet every eligibility condition.",
    },
    "chair.ui.detail.no_suggestion": {"nl": "Geen voorstel: er zijn nog geen scores.", "en": "No suggestion: there are no scores yet."},
    "chair.ui.recommendation.select": {"nl": "selecteren", "en": "select"},
    "chair.ui.recommendation.reserve": {"nl": "reserve", "en": "reserve"},
    "chair.ui.recommendation.reject": {"nl": "niet selecteren", "en": "do not select"},
    "chair.ui.recommendation.short.select": {"nl": "sel", "en": "sel"},
    "chair.ui.recommendation.short.reserve": {"nl": "res", "en": "res"},
    "chair.ui.recommendation.short.reject": {"nl": "niet", "en": "no"},
    # --- eligibility: short names and figures --------------------------------------------------
    "chair.ui.rule.max_subsidy": {"nl": "subsidie", "en": "subsidy"},
    "chair.ui.rule.min_co_financing_share": {"nl": "cofinanciering", "en": "co-financing"},
    "chair.ui.rule.max_infrastructure_share": {"nl": "infrastructuur", "en": "infrastructure"},
    "chair.ui.rule.max_duration_months": {"nl": "looptijd", "en": "duration"},
    "chair.ui.rule.submission_deadline": {"nl": "ingediend", "en": "submitted"},
    "chair.ui.rule.no_double_subsidy": {"nl": "andere Vlaamse subsidie", "en": "other Flemish subsidy"},
    "chair.ui.rule.approved_by_council": {"nl": "gevalideerd door", "en": "validated by"},
    "chair.ui.figure.at_most": {"nl": "{value} (max. {limit})", "en": "{value} (max. {limit})"},
    "chair.ui.figure.at_least": {"nl": "{value} (min. {limit})", "en": "{value} (min. {limit})"},
    "chair.ui.figure.deadline": {"nl": "{value} (uiterlijk {limit})", "en": "{value} (deadline {limit})"},
    "chair.ui.figure.months": {"nl": "{value} maanden", "en": "{value} months"},
    "chair.ui.figure.unknown": {"nl": "onbekend", "en": "unknown"},
    "chair.ui.figure.yes": {"nl": "ja", "en": "yes"},
    "chair.ui.figure.no": {"nl": "nee", "en": "no"},
    "chair.ui.figure.approval.college": {"nl": "college", "en": "college"},
    "chair.ui.figure.approval.gemeenteraad": {"nl": "gemeenteraad", "en": "municipal council"},
    "chair.ui.figure.approval.none": {"nl": "niemand", "en": "nobody"},
    "chair.ui.outcome.met": {"nl": "voldaan", "en": "met"},
    "chair.ui.outcome.not_met": {"nl": "niet voldaan", "en": "not met"},
    "chair.ui.outcome.unknown": {"nl": "onbekend", "en": "unknown"},
    # --- ranking and budget --------------------------------------------------------------------
    "chair.ui.ranking.column_rank": {"nl": "#", "en": "#"},
    "chair.ui.ranking.column_application": {"nl": "Aanvraag", "en": "Application"},
    "chair.ui.ranking.column_total": {"nl": "Tot.", "en": "Tot."},
    "chair.ui.ranking.column_eligible": {"nl": "Ontv", "en": "Elig"},
    "chair.ui.ranking.column_recommendation": {"nl": "Adv.", "en": "Adv."},
    "chair.ui.ranking.column_amount": {"nl": "Bedrag", "en": "Amount"},
    "chair.ui.ranking.column_p1": {"nl": "V1", "en": "P1"},
    "chair.ui.ranking.column_p2": {"nl": "V2", "en": "P2"},
    "chair.ui.ranking.column_selected": {"nl": "Sel", "en": "Sel"},
    "chair.ui.ranking.column_running": {"nl": "Cumul.", "en": "Running"},
    "chair.ui.ranking.proposal_rank": {"nl": "V1 volgens rang", "en": "P1 by rank"},
    "chair.ui.ranking.proposal_best": {"nl": "V2 beste pasvorm", "en": "P2 best fit"},
    "chair.ui.ranking.proposal_line": {
        "nl": "{name}: {count} aanvr. · {amount} · score {score} · rest {left}",
        "en": "{name}: {count} appl. · {amount} · score {score} · left {left}",
    },
    "chair.ui.ranking.budget_line": {
        "nl": "Selectie: {count} aanvr. · {amount} van {budget} · nog {left}",
        "en": "Selection: {count} appl. · {amount} of {budget} · {left} left",
    },
    "chair.ui.ranking.budget_over": {
        "nl": "Selectie: {count} aanvr. · {amount} van {budget} · {over} TE VEEL",
        "en": "Selection: {count} appl. · {amount} of {budget} · {over} OVER BUDGET",
    },
    "chair.ui.ranking.legend": {
        "nl": "✓/✗/? ontvankelijk · ▼ onder drempel · ~ gemiddelde: consensus onvolledig",
        "en": "✓/✗/? eligible · ▼ below threshold · ~ mean: consensus incomplete",
    },
    "chair.ui.ranking.adopt_title": {"nl": "Voorstel overnemen?", "en": "Adopt the proposal?"},
    "chair.ui.ranking.adopt_body": {
        "nl": "{name} vervangt je huidige selectie ({count} aanvragen). Het advies van de aanvragen "
        "wordt mee aangepast: selecteren voor wie erin zit; wie eruit valt, krijgt weer 'nog geen advies'.\n\nOvernemen?",
        "en": "{name} replaces your current selection ({count} applications). The advice follows: "
        "select for those in it; those that drop out go back to 'no advice yet'.\n\nAdopt?",
    },
    "chair.ui.ranking.adopted": {"nl": "{name} overgenomen: {count} aanvragen geselecteerd", "en": "{name} adopted: {count} applications selected"},
    "chair.ui.ranking.empty_proposal": {
        "nl": "Dit voorstel is leeg: nog geen aanvraag heeft een volledige consensus.",
        "en": "This proposal is empty: no application has a full consensus yet.",
    },
    "chair.ui.ranking.selected": {"nl": "{name} geselecteerd (advies: selecteren)", "en": "{name} selected (advice: select)"},
    "chair.ui.ranking.deselected": {"nl": "{name} uit de selectie gehaald", "en": "{name} removed from the selection"},
    # --- calibration ---------------------------------------------------------------------------
    "chair.ui.calibration.jurors_heading": {
        "nl": "Mildheid per stemgerechtigd jurylid (op gedeelde beoordelingen)",
        "en": "Leniency per voting juror (on shared items)",
    },
    "chair.ui.calibration.juror_row": {"nl": "{offset}  {reading}  ({shared} gedeeld)", "en": "{offset}  {reading}  ({shared} shared)"},
    "chair.ui.calibration.milder": {"nl": "milder", "en": "milder"},
    "chair.ui.calibration.stricter": {"nl": "strenger", "en": "stricter"},
    "chair.ui.calibration.neutral": {"nl": "gemiddeld", "en": "average"},
    "chair.ui.calibration.no_offset": {"nl": "niet te bepalen", "en": "cannot be determined"},
    "chair.ui.calibration.jurors_note": {
        "nl": "Afwijking = gemiddeld verschil met de andere juryleden op dezelfde aanvraag en hetzelfde criterium; +0,4 = milder.",
        "en": "Offset = mean difference with the other jurors on the same application and criterion; +0.4 = milder.",
    },
    "chair.ui.calibration.reliability_heading": {
        "nl": "Betrouwbaarheid per criterium (Krippendorffs alfa, ordinaal)",
        "en": "Reliability per criterion (Krippendorff's alpha, ordinal)",
    },
    "chair.ui.calibration.agreement.high": {"nl": "hoge overeenstemming", "en": "high agreement"},
    "chair.ui.calibration.agreement.acceptable": {"nl": "aanvaardbaar", "en": "acceptable"},
    "chair.ui.calibration.agreement.moderate": {"nl": "matig: bespreek de verschillen", "en": "moderate: discuss the differences"},
    "chair.ui.calibration.agreement.low": {"nl": "laag: bespreek de schaal", "en": "low: discuss the scale"},
    "chair.ui.calibration.agreement.undefined": {
        "nl": "niet te bepalen (te weinig scores of geen spreiding)",
        "en": "cannot be determined (too few scores or no variation)",
    },
    "chair.ui.calibration.ranking_heading": {
        "nl": "Rangschikking op gemiddelde scores, zonder en met kalibratie",
        "en": "Ranking on mean scores, without and with calibration",
    },
    "chair.ui.calibration.column_application": {"nl": "Aanvraag", "en": "Application"},
    "chair.ui.calibration.column_total": {"nl": "totaal", "en": "total"},
    "chair.ui.calibration.column_calibrated_rank": {"nl": "# kal.", "en": "# cal."},
    "chair.ui.calibration.column_calibrated_total": {"nl": "kal.", "en": "cal."},
    "chair.ui.calibration.moved": {
        "nl": "{count} aanvragen verschuiven door kalibratie.",
        "en": "{count} applications move with calibration.",
    },
    "chair.ui.calibration.not_moved": {
        "nl": "Kalibratie verandert de volgorde niet.",
        "en": "Calibration does not change the order.",
    },
    "chair.ui.calibration.nothing": {
        "nl": "Nog geen inzendingen: lees eerst de bestanden van de juryleden in (i).",
        "en": "No submissions yet: first import the jurors' files (i).",
    },
    # --- import --------------------------------------------------------------------------------
    "chair.ui.import.title": {"nl": "Inzendingen van juryleden inlezen", "en": "Import jurors' submissions"},
    "chair.ui.import.intro": {
        "nl": "Geef een of meer bestanden, gescheiden door een spatie of komma, of een map: elk *.json-bestand erin "
        "wordt ingelezen. Dezelfde inzending opnieuw inlezen verandert niets; je consensus blijft altijd staan.",
        "en": "Give one or more files, separated by a space or comma, or a folder: every *.json file in it is "
        "imported. Importing the same submission again changes nothing; your consensus always stays.",
    },
    "chair.ui.import.placeholder": {"nl": "pad/naar/inzending.json of een map", "en": "path/to/submission.json or a folder"},
    "chair.ui.import.keys": {"nl": "Enter: inlezen · Esc: sluiten", "en": "Enter: import · Esc: close"},
    "chair.ui.import.nothing": {"nl": "Geef eerst een bestand of een map.", "en": "First give a file or a folder."},
    "chair.ui.import.empty_folder": {"nl": "{folder}: geen *.json-bestanden in deze map", "en": "{folder}: no *.json files in this folder"},
    "chair.ui.import.unreadable_input": {"nl": "kan de paden niet lezen: {detail}", "en": "cannot read the paths: {detail}"},
    "chair.ui.import.summary": {
        "nl": "{ok} van {total} bestanden ingelezen",
        "en": "{ok} of {total} files imported",
    },
    # --- export --------------------------------------------------------------------------------
    "chair.ui.export.title": {"nl": "Exporteren: gemotiveerd advies en scoregegevens", "en": "Export: motivated advice and score data"},
    "chair.ui.export.option.pdf": {"nl": "Advies-PDF", "en": "Advice PDF"},
    "chair.ui.export.option.csv": {"nl": "Scores als CSV", "en": "Scores as CSV"},
    "chair.ui.export.option.xlsx": {"nl": "Scores als Excel (XLSX)", "en": "Scores as Excel (XLSX)"},
    "chair.ui.export.names_off": {"nl": "Juryleden anoniem (Jurylid A, B, …)", "en": "Jurors anonymised (Juror A, B, …)"},
    "chair.ui.export.names_on": {"nl": "Juryleden met hun naam", "en": "Jurors by name"},
    "chair.ui.export.strict_off": {
        "nl": "Niet strikt: ontbrekende consensus wordt in de PDF gemarkeerd",
        "en": "Not strict: missing consensus is marked in the PDF",
    },
    "chair.ui.export.strict_on": {
        "nl": "Strikt: geen PDF zolang er consensus ontbreekt",
        "en": "Strict: no PDF while consensus is missing",
    },
    "chair.ui.export.folder": {"nl": "Map: {folder}", "en": "Folder: {folder}"},
    "chair.ui.export.checking": {"nl": "Nagaan of de consensus volledig is…", "en": "Checking whether the consensus is complete…"},
    "chair.ui.export.complete": {
        "nl": "Consensus volledig: elke score en verplichte motivering is ingevuld.",
        "en": "Consensus complete: every score and required motivation is filled in.",
    },
    "chair.ui.export.missing": {
        "nl": "Consensus ontbreekt bij {applications} van {total} aanvragen: {scores} scores, {motivations} motiveringen.",
        "en": "Consensus missing for {applications} of {total} applications: {scores} scores, {motivations} motivations.",
    },
    "chair.ui.export.check_failed": {"nl": "Kan niet nagaan wat ontbreekt: {error}", "en": "Cannot check what is missing: {error}"},
    "chair.ui.export.ready": {"nl": "Enter start de export; Esc sluit.", "en": "Enter starts the export; Esc closes."},
    "chair.ui.export.nothing_chosen": {"nl": "Kies eerst wat je wilt schrijven (p, c of x).", "en": "First choose what to write (p, c or x)."},
    "chair.ui.export.step.read": {"nl": "Gegevens lezen…", "en": "Reading the data…"},
    "chair.ui.export.step.pdf": {"nl": "Advies-PDF: aanvraag {done} van {total}…", "en": "Advice PDF: application {done} of {total}…"},
    "chair.ui.export.step.csv": {"nl": "CSV schrijven…", "en": "Writing the CSV…"},
    "chair.ui.export.step.xlsx": {"nl": "XLSX schrijven…", "en": "Writing the XLSX…"},
    "chair.ui.export.running_hint": {"nl": " (Esc breekt af)", "en": " (Esc cancels)"},
    "chair.ui.export.done": {
        "nl": "Klaar in {seconds} s: {ok} van {count} bestanden geschreven.",
        "en": "Done in {seconds} s: {ok} of {count} files written.",
    },
    "chair.ui.export.failed": {"nl": "Niet gelukt: {error}", "en": "Failed: {error}"},
    "chair.ui.export.cancelled": {
        "nl": "Export afgebroken; wat al geschreven was, blijft staan.",
        "en": "Export cancelled; what was already written stays.",
    },
    "chair.ui.export.pdf_written": {"nl": "{path} ({pages} pagina's)", "en": "{path} ({pages} pages)"},
    "chair.ui.export.pdf_written_missing": {
        "nl": "{path} ({pages} pagina's; {missing} leemtes in de consensus gemarkeerd)",
        "en": "{path} ({pages} pages; {missing} gaps in the consensus marked)",
    },
    "chair.ui.export.rows_written": {"nl": "{path} ({rows} rijen)", "en": "{path} ({rows} rows)"},
    # --- help ----------------------------------------------------------------------------------
    "chair.ui.help.title": {"nl": "Hulp – toetsen van de voorzitter", "en": "Help – the chair's keys"},
    "chair.ui.help.screen_keys": {"nl": "Op dit scherm", "en": "On this screen"},
    "chair.ui.help.global_keys": {"nl": "Overal", "en": "Everywhere"},
    "chair.ui.help.intro": {
        "nl": "Alles werkt met het toetsenbord. Elke wijziging wordt meteen bewaard. De bestanden van de juryleden "
        "en jouw consensus zijn aparte bestanden: een import overschrijft je consensus nooit.",
        "en": "Everything works by keyboard. Every change is saved at once. The jurors' files and your consensus "
        "are separate files: an import never overwrites your consensus.",
    },
    "chair.ui.help.in_text": {
        "nl": "In een tekstvak typ je gewoon: letters en cijfers gaan in de tekst. Esc verlaat het tekstvak (de tekst is bewaard).",
        "en": "In a text box you just type: letters and digits go into the text. Esc leaves the text box (the text is saved).",
    },
    "chair.ui.help.selection": {
        "nl": "Advies en selectie horen samen: 'selecteren' zet een aanvraag in je selectie; uit de selectie halen "
        "zet het advies terug op 'nog geen'.",
        "en": "Advice and selection go together: 'select' puts an application in your selection; removing it "
        "sets the advice back to 'none yet'.",
    },
    "chair.ui.help.close": {"nl": "Esc sluit deze hulp.", "en": "Esc closes this help."},
    # --- keys: footer labels (short) and help lines (long) -------------------------------------
    "chair.key.overview.help": {"nl": "Overzicht: aanvragen × criteria", "en": "Overview: applications × criteria"},
    "chair.key.detail.help": {"nl": "Detail van de gekozen aanvraag", "en": "Detail of the chosen application"},
    "chair.key.ranking.help": {"nl": "Rangschikking en budget", "en": "Ranking and budget"},
    "chair.key.calibration.help": {
        "nl": "Kalibratie van de juryleden en betrouwbaarheid per criterium",
        "en": "Calibration of the jurors and reliability per criterion",
    },
    "chair.key.import": {"nl": "Inlezen", "en": "Import"},
    "chair.key.import.help": {"nl": "Inzendingen van juryleden inlezen (bestanden of een map)", "en": "Import jurors' submissions (files or a folder)"},
    "chair.key.export": {"nl": "Exporteren", "en": "Export"},
    "chair.key.export.help": {
        "nl": "Exporteren: het gemotiveerd advies (PDF) en de scores (CSV, XLSX)",
        "en": "Export: the motivated advice (PDF) and the scores (CSV, XLSX)",
    },
    "chair.key.export_pdf": {"nl": "PDF", "en": "PDF"},
    "chair.key.export_pdf.help": {"nl": "Advies-PDF wel of niet schrijven", "en": "Write the advice PDF or not"},
    "chair.key.export_csv": {"nl": "CSV", "en": "CSV"},
    "chair.key.export_csv.help": {"nl": "Scores als CSV wel of niet schrijven", "en": "Write the scores as CSV or not"},
    "chair.key.export_xlsx": {"nl": "XLSX", "en": "XLSX"},
    "chair.key.export_xlsx.help": {"nl": "Scores als XLSX wel of niet schrijven", "en": "Write the scores as XLSX or not"},
    "chair.key.export_names": {"nl": "Namen", "en": "Names"},
    "chair.key.export_names.help": {
        "nl": "Juryleden met naam of anoniem (Jurylid A, B, …)",
        "en": "Jurors by name or anonymised (Juror A, B, …)",
    },
    "chair.key.export_strict": {"nl": "Strikt", "en": "Strict"},
    "chair.key.export_strict.help": {
        "nl": "Strikt: geen advies-PDF zolang er consensus ontbreekt",
        "en": "Strict: no advice PDF while consensus is missing",
    },
    "chair.key.export_start": {"nl": "Starten", "en": "Start"},
    "chair.key.export_start.help": {"nl": "Export starten", "en": "Start the export"},
    "chair.key.export_close.help": {"nl": "Sluiten (een lopende export wordt afgebroken)", "en": "Close (a running export is cancelled)"},
    "chair.key.help": {"nl": "Hulp", "en": "Help"},
    "chair.key.help.help": {"nl": "Deze hulp tonen", "en": "Show this help"},
    "chair.key.palette": {"nl": "Opdrachten", "en": "Commands"},
    "chair.key.palette.help": {"nl": "Opdrachtenlijst (zoek een actie of aanvraag)", "en": "Command palette (find an action or application)"},
    "chair.key.quit": {"nl": "Stoppen", "en": "Quit"},
    "chair.key.quit.help": {"nl": "Stoppen (alles is al bewaard)", "en": "Quit (everything is already saved)"},
    "chair.key.open": {"nl": "Openen", "en": "Open"},
    "chair.key.open.help": {
        "nl": "Detail van de aanvraag openen, op het criterium van de cel",
        "en": "Open the application's detail, at the criterion of the cell",
    },
    "chair.key.sort": {"nl": "Sorteren", "en": "Sort"},
    "chair.key.sort.help": {"nl": "Sorteren op totaal / terug naar de volgorde van het bestand", "en": "Sort by total / back to file order"},
    "chair.key.next_flag": {"nl": "Te bespreken", "en": "To discuss"},
    "chair.key.next_flag.help": {"nl": "Naar de volgende cel die nog te bespreken is", "en": "To the next cell still to discuss"},
    "chair.key.next_page.help": {"nl": "Volgend criterium (na het laatste: het besluit)", "en": "Next criterion (after the last: the decision)"},
    "chair.key.previous_page.help": {"nl": "Vorig criterium", "en": "Previous criterion"},
    "chair.key.next_application.help": {
        "nl": "Volgende / vorige aanvraag (in de volgorde van het overzicht)",
        "en": "Next / previous application (in the overview's order)",
    },
    "chair.key.previous_application.help": {"nl": "Vorige aanvraag", "en": "Previous application"},
    "chair.key.score": {"nl": "Score", "en": "Score"},
    "chair.key.score.help": {"nl": "Consensusscore geven ({min} tot {max})", "en": "Give the consensus score ({min} to {max})"},
    "chair.key.raise_score.help": {"nl": "Consensusscore één hoger", "en": "Raise the consensus score by one"},
    "chair.key.lower_score.help": {"nl": "Consensusscore één lager", "en": "Lower the consensus score by one"},
    "chair.key.clear_score.help": {"nl": "Consensusscore wissen", "en": "Clear the consensus score"},
    "chair.key.accept.help": {"nl": "Voorgestelde score (de mediaan) overnemen", "en": "Accept the suggested score (the median)"},
    "chair.key.motivation": {"nl": "Motivatie", "en": "Motivation"},
    "chair.key.motivation.help": {
        "nl": "Consensusmotivatie schrijven (op het besluit: de algemene motivatie)",
        "en": "Write the consensus motivation (on the decision: the overall motivation)",
    },
    "chair.key.minority": {"nl": "Minderheid", "en": "Minority"},
    "chair.key.minority.help": {"nl": "Minderheidsstandpunt schrijven", "en": "Write the minority view"},
    "chair.key.recommend": {"nl": "Advies", "en": "Advice"},
    "chair.key.recommend.help": {
        "nl": "Advies wisselen: selecteren → reserve → niet selecteren → nog geen",
        "en": "Cycle the advice: select → reserve → do not select → none yet",
    },
    "chair.key.recommend_direct.help": {
        "nl": "Op het besluit: 1 selecteren, 2 reserve, 3 niet selecteren",
        "en": "On the decision: 1 select, 2 reserve, 3 do not select",
    },
    "chair.key.amount": {"nl": "Bedrag", "en": "Amount"},
    "chair.key.amount.help": {
        "nl": "Geadviseerd bedrag invullen (Enter bewaart, Esc annuleert)",
        "en": "Enter the advised amount (Enter saves, Esc cancels)",
    },
    "chair.key.eligibility.help": {"nl": "Alle ontvankelijkheidsvoorwaarden tonen (nogmaals: terug)", "en": "Show every eligibility condition (again: back)"},
    "chair.key.scroll.help": {"nl": "Motivaties van de juryleden een pagina verder / terug", "en": "Scroll the jurors' motivations a page down / up"},
    "chair.key.close": {"nl": "Sluiten", "en": "Close"},
    "chair.key.leave": {"nl": "Klaar", "en": "Done"},
    "chair.key.back.help": {
        "nl": "Tekstvak verlaten (bewaard) / details sluiten / terug naar het overzicht",
        "en": "Leave the text box (saved) / close the details / back to the overview",
    },
    "chair.key.toggle_selected": {"nl": "Selectie", "en": "Selection"},
    "chair.key.toggle_selected.help": {"nl": "Aanvraag in of uit je selectie zetten", "en": "Put the application in or out of your selection"},
    "chair.key.adopt_rank": {"nl": "V1", "en": "P1"},
    "chair.key.adopt_rank.help": {"nl": "Voorstel 1 (volgens rang) als selectie overnemen", "en": "Adopt proposal 1 (by rank) as the selection"},
    "chair.key.adopt_best": {"nl": "V2", "en": "P2"},
    "chair.key.adopt_best.help": {
        "nl": "Voorstel 2 (beste pasvorm: hoogste totale score binnen het budget) als selectie overnemen",
        "en": "Adopt proposal 2 (best fit: highest total score within the budget) as the selection",
    },
    "chair.key.scroll_page.help": {"nl": "Een pagina verder / terug", "en": "A page down / up"},
    "chair.palette.go_to": {"nl": "→ {label}: {title}", "en": "→ {label}: {title}"},
    "chair.palette.recommend": {"nl": "Advies: {value}", "en": "Advice: {value}"},
}

for _key, _texts in CHAIR_MESSAGES.items():
    MESSAGES.setdefault(_key, _texts)  # a clash is a programming error; tests/test_ui_chair.py checks
