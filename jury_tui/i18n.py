"""User-facing messages in Dutch (default) and English.

Every text a user reads goes through `t()`, so a message is written once per language.
The language is chosen once per process (CLI option --lang or JURY_LANG).
"""

from __future__ import annotations

import os

from jury_tui.domain.text import SUPPORTED_LANGUAGES

_language = os.environ.get("JURY_LANG", "nl") if os.environ.get("JURY_LANG") in SUPPORTED_LANGUAGES else "nl"


def set_language(lang: str) -> None:
    global _language
    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(lang)
    _language = lang


def language() -> str:
    return _language


def t(key: str, **values: object) -> str:
    entry = MESSAGES[key]
    text = entry.get(_language) or entry["nl"]
    return text.format(**values) if values else text


MESSAGES: dict[str, dict[str, str]] = {
    # --- validation of input files ---------------------------------------------------------
    "field.missing": {"nl": "ontbreekt", "en": "is missing"},
    "field.extra": {"nl": "is een onbekend veld", "en": "is an unknown field"},
    "field.type": {"nl": "heeft een verkeerd type ({detail})", "en": "has the wrong type ({detail})"},
    "field.invalid": {"nl": "is ongeldig: {detail}", "en": "is invalid: {detail}"},
    "field.number": {"nl": "moet een getal zijn (gevonden: {value})", "en": "must be a number (found: {value})"},
    "field.finite": {"nl": "moet een eindig getal zijn (gevonden: {value})", "en": "must be a finite number (found: {value})"},
    "field.integer": {"nl": "moet een geheel getal zijn (gevonden: {value})", "en": "must be a whole number (found: {value})"},
    "field.boolean": {"nl": "moet true of false zijn (gevonden: {value})", "en": "must be true or false (found: {value})"},
    "field.text": {"nl": "moet tekst zijn (gevonden: {value})", "en": "must be text (found: {value})"},
    "field.list": {"nl": "moet een lijst zijn (gevonden: {value})", "en": "must be a list (found: {value})"},
    "field.mapping": {"nl": "moet sleutels met waarden bevatten (gevonden: {value})", "en": "must contain keys with values (found: {value})"},
    "field.choice": {"nl": "moet {expected} zijn (gevonden: {value})", "en": "must be {expected} (found: {value})"},
    "field.or": {"nl": " of ", "en": " or "},
    "field.too_short": {"nl": "is leeg of te kort", "en": "is empty or too short"},
    "text.blank": {"nl": "de Nederlandse tekst is leeg", "en": "the Dutch text is empty"},
    "field.too_long": {"nl": "is te lang", "en": "is too long"},
    "field.ge": {"nl": "moet minstens {limit} zijn", "en": "must be at least {limit}"},
    "field.gt": {"nl": "moet groter zijn dan {limit}", "en": "must be greater than {limit}"},
    "field.le": {"nl": "mag hoogstens {limit} zijn", "en": "must be at most {limit}"},
    "field.lt": {"nl": "moet kleiner zijn dan {limit}", "en": "must be less than {limit}"},
    "field.pattern": {
        "nl": "mag alleen kleine letters, cijfers, '-' en '_' bevatten",
        "en": "may only contain lower-case letters, digits, '-' and '_'",
    },
    "field.datetime": {
        "nl": "is geen geldige datum en tijd (verwacht bv. 2021-07-16T10:00:00+02:00)",
        "en": "is not a valid date and time (expected e.g. 2021-07-16T10:00:00+02:00)",
    },
    "file.problem": {"nl": "{file}: {problem}", "en": "{file}: {problem}"},
    "file.field_problem": {"nl": "{file}: veld '{field}' {problem}", "en": "{file}: field '{field}' {problem}"},
    "file.line_problem": {"nl": "{file}, regel {line}: {problem}", "en": "{file}, line {line}: {problem}"},
    "file.not_found": {"nl": "bestand bestaat niet", "en": "file does not exist"},
    "file.is_directory": {"nl": "is een map, geen bestand", "en": "is a directory, not a file"},
    "file.not_directory": {"nl": "is geen map", "en": "is not a directory"},
    "file.unreadable": {"nl": "kan niet gelezen worden ({detail})", "en": "cannot be read ({detail})"},
    "file.not_utf8": {
        "nl": "is geen UTF-8-tekst (bewaar het bestand als UTF-8)",
        "en": "is not UTF-8 text (save the file as UTF-8)",
    },
    "file.lone_surrogate": {
        "nl": "bevat een ongeldige tekencode (een \\u-code tussen D800 en DFFF zonder zijn paar)",
        "en": "contains an invalid character code (a \\u code between D800 and DFFF without its pair)",
    },
    "file.empty": {"nl": "is leeg", "en": "is empty"},
    "file.toml": {"nl": "is geen geldige TOML ({detail})", "en": "is not valid TOML ({detail})"},
    "file.json": {"nl": "is geen geldige JSON ({detail})", "en": "is not valid JSON ({detail})"},
    "parse.at": {"nl": "regel {line}, kolom {column}: {problem}", "en": "line {line}, column {column}: {problem}"},
    "parse.end": {"nl": "aan het einde van het bestand: {problem}", "en": "at the end of the file: {problem}"},
    "parse.too_deep": {"nl": "te diep genest", "en": "nested too deeply"},
    "parse.yaml_value": {
        "nl": "een waarde is geen geldige datum of getal (bv. maand 13); zet tekst tussen aanhalingstekens",
        "en": "a value is not a valid date or number (e.g. month 13); put text between quotes",
    },
    "parse.expected_equals": {"nl": "'=' verwacht na een sleutel", "en": "'=' expected after a key"},
    "parse.expected_bracket": {"nl": "']' verwacht aan het einde van een tabelkop", "en": "']' expected at the end of a table header"},
    "parse.expected_double_bracket": {"nl": "']]' verwacht aan het einde van een tabelkop", "en": "']]' expected at the end of a table header"},
    "parse.expected_newline": {"nl": "na een waarde moet een nieuwe regel komen", "en": "a new line must follow a value"},
    "parse.duplicate_key": {"nl": "sleutel of tabel komt twee keer voor", "en": "key or table occurs twice"},
    "parse.invalid_value": {
        "nl": "ongeldige waarde (zet tekst tussen aanhalingstekens)",
        "en": "invalid value (put text between quotes)",
    },
    "parse.invalid_statement": {"nl": "ongeldige regel", "en": "invalid statement"},
    "parse.invalid_key": {"nl": "ongeldige sleutel", "en": "invalid key"},
    "parse.invalid_date": {"nl": "ongeldige datum of tijd", "en": "invalid date or time"},
    "parse.unclosed_list": {"nl": "lijst niet afgesloten met ']'", "en": "list not closed with ']'"},
    "parse.unclosed_table": {"nl": "tabel niet afgesloten met '}'", "en": "table not closed with '}'"},
    "parse.unclosed_string": {"nl": "tekst niet afgesloten met een aanhalingsteken", "en": "text not closed with a quote"},
    "parse.invalid_character": {"nl": "ongeldig teken", "en": "invalid character"},
    "parse.escape": {"nl": "ongeldige code na een backslash (\\) in tekst", "en": "invalid code after a backslash (\\) in text"},
    "parse.expecting_value": {"nl": "waarde verwacht", "en": "value expected"},
    "parse.expecting_key": {
        "nl": "sleutel tussen dubbele aanhalingstekens verwacht",
        "en": "key between double quotes expected",
    },
    "parse.expecting_comma": {"nl": "',' verwacht", "en": "',' expected"},
    "parse.expecting_colon": {"nl": "':' verwacht", "en": "':' expected"},
    "parse.control_character": {"nl": "stuurteken in tekst", "en": "control character in text"},
    "parse.extra_data": {"nl": "onverwachte gegevens na het einde", "en": "unexpected data after the end"},
    "parse.yaml_colon": {
        "nl": "':' op een plaats waar het niet mag (zet tekst met ':' tussen aanhalingstekens)",
        "en": "':' where it is not allowed (put text with ':' between quotes)",
    },
    "parse.indentation": {"nl": "inspringing of structuur klopt niet", "en": "indentation or structure is wrong"},
    "parse.yaml_alias": {"nl": "verwijzing (& of *) klopt niet", "en": "reference (& or *) is wrong"},
    "parse.yaml_tag": {"nl": "onbekend type (!...)", "en": "unknown type (!...)"},
    "parse.not_utf8_at": {"nl": "geen UTF-8 op regel {line}", "en": "not UTF-8 on line {line}"},
    "file.control_chars": {
        "nl": "bevat stuurtekens die in tekst niet thuishoren",
        "en": "contains control characters that do not belong in text",
    },
    "file.unknown_kind": {
        "nl": "onbekend soort bestand (verwacht .toml, .md, .csv of .json)",
        "en": "unknown kind of file (expected .toml, .md, .csv or .json)",
    },
    "md.no_front_matter": {
        "nl": "begint niet met front matter tussen twee regels '---'",
        "en": "does not start with front matter between two '---' lines",
    },
    "md.yaml": {"nl": "front matter is geen geldige YAML ({detail})", "en": "front matter is not valid YAML ({detail})"},
    "md.front_matter_not_mapping": {
        "nl": "front matter moet sleutels met waarden bevatten",
        "en": "front matter must contain keys with values",
    },
    "md.thousands": {
        "nl": "regel {line}: veld '{field}' heeft een duizendtalscheiding ({value}); schrijf het bedrag zonder punten, bv. 750000 of 750000.50",
        "en": "line {line}: field '{field}' uses a thousands separator ({value}); write the amount without dots, e.g. 750000 or 750000.50",
    },
    "md.no_sections": {
        "nl": "bevat geen secties (koppen '## ...')",
        "en": "contains no sections ('## ...' headings)",
    },
    "criteria.duplicate_id": {"nl": "criterium-id '{id}' komt twee keer voor", "en": "criterion id '{id}' occurs twice"},
    "criteria.scale_order": {"nl": "max moet groter zijn dan min", "en": "max must be greater than min"},
    "criteria.scale_steps": {
        "nl": "er moet precies één label zijn per stap van {min} tot {max}",
        "en": "there must be exactly one label per step from {min} to {max}",
    },
    "criteria.weight": {"nl": "gewicht moet groter zijn dan 0", "en": "weight must be greater than 0"},
    "criteria.tie_break_unknown": {
        "nl": "verwijst naar onbekend criterium '{id}'",
        "en": "refers to unknown criterion '{id}'",
    },
    "criteria.threshold_scale": {
        "nl": "drempel {value} ligt buiten de schaal {min}–{max}",
        "en": "threshold {value} lies outside the scale {min}–{max}",
    },
    "eligibility.duplicate_id": {"nl": "regel-id '{id}' komt twee keer voor", "en": "rule id '{id}' occurs twice"},
    "eligibility.needs_limit": {"nl": "regel '{id}' heeft een grens nodig", "en": "rule '{id}' needs a limit"},
    "jurors.duplicate_id": {"nl": "jurylid-id '{id}' komt twee keer voor", "en": "juror id '{id}' occurs twice"},
    "jurors.none": {"nl": "bevat geen juryleden", "en": "contains no jurors"},
    "jurors.no_voting": {
        "nl": "minstens één jurylid moet stemgerechtigd zijn (rol 'voting')",
        "en": "at least one juror must be voting (role 'voting')",
    },
    "jurors.csv_header": {
        "nl": "kopregel moet de kolommen id, name en role bevatten",
        "en": "header row must contain the columns id, name and role",
    },
    "applications.duplicate_id": {
        "nl": "aanvraag-id '{id}' komt ook voor in {other}",
        "en": "application id '{id}' also occurs in {other}",
    },
    "applications.none": {"nl": "bevat geen aanvragen (*.md)", "en": "contains no applications (*.md)"},
    "session.id": {
        "nl": "sessie-id '{id}' mag alleen kleine letters, cijfers, '-' en '_' bevatten",
        "en": "session id '{id}' may only contain lower-case letters, digits, '-' and '_'",
    },
    "session.exists": {
        "nl": "sessie '{id}' bestaat al in {path}; kies een andere id",
        "en": "session '{id}' already exists in {path}; choose another id",
    },
    "session.not_found": {
        "nl": "sessie '{id}' niet gevonden in {path}",
        "en": "session '{id}' not found in {path}",
    },
    "session.none_found": {
        "nl": "geen sessies gevonden in {path}; maak er een met 'jury-tui demo' of 'jury-tui new'",
        "en": "no sessions found in {path}; create one with 'jury-tui demo' or 'jury-tui new'",
    },
    "session.changed": {
        "nl": "de sessiedefinitie is gewijzigd sinds ze gemaakt werd (vingerafdruk klopt niet); herstel het bestand of vraag het secretariaat een nieuwe kopie",
        "en": "the session definition changed since it was created (fingerprint mismatch); restore the file or ask the secretariat for a new copy",
    },
    "session.budget": {"nl": "budget moet groter zijn dan 0", "en": "budget must be greater than 0"},
    "session.demo_changed": {
        "nl": "sessie '{id}' bestaat al maar wijkt af van de meegeleverde demo; de bestaande sessie blijft ongewijzigd",
        "en": "session '{id}' exists but differs from the shipped demo; the existing session is left unchanged",
    },
    "juror.unknown": {
        "nl": "jurylid '{id}' bestaat niet in sessie '{session}' (wel: {known})",
        "en": "juror '{id}' does not exist in session '{session}' (known: {known})",
    },
    "store.corrupt": {
        "nl": "{file}: bestand is beschadigd ({detail}); het blijft onaangeroerd",
        "en": "{file}: file is damaged ({detail}); it is left untouched",
    },
    "store.not_tinydb": {"nl": "geen TinyDB-tabellen met records", "en": "no TinyDB tables of records"},
    "store.bad_records": {"nl": "onverwachte gegevens in tabel '{table}'", "en": "unexpected data in table '{table}'"},
    "store.backup_hint": {
        "nl": "Laatste goede kopie: {backup} (herstel: sluit de app en kopieer die kopie naar {file}).",
        "en": "Last good copy: {backup} (to restore: close the app and copy it to {file}).",
    },
    "store.foreign": {
        "nl": "{file}: bestand hoort niet bij deze sessie of dit jurylid ({detail}); het blijft onaangeroerd",
        "en": "{file}: file does not belong to this session or juror ({detail}); it is left untouched",
    },
    "store.schema": {
        "nl": "{file}: schemaversie {found} wordt niet ondersteund (verwacht {expected})",
        "en": "{file}: schema version {found} is not supported (expected {expected})",
    },
    "store.write_failed": {"nl": "{file}: opslaan mislukt ({detail})", "en": "{file}: saving failed ({detail})"},
    "score.conflict": {
        "nl": "aanvraag '{application}' is gemarkeerd als belangenconflict en kan niet beoordeeld worden",
        "en": "application '{application}' is marked as a conflict of interest and cannot be scored",
    },
    "score.unknown_application": {"nl": "onbekende aanvraag '{application}'", "en": "unknown application '{application}'"},
    "score.unknown_criterion": {"nl": "onbekend criterium '{criterion}'", "en": "unknown criterion '{criterion}'"},
    "score.off_scale": {
        "nl": "score {score} ligt buiten de schaal {min}–{max}",
        "en": "score {score} lies outside the scale {min}–{max}",
    },
    "score.not_a_number": {"nl": "score '{score}' is geen geheel getal", "en": "score '{score}' is not a whole number"},
    "score.duplicate_row": {
        "nl": "aanvraag '{application}', criterium '{criterion}' komt al voor op regel {line}",
        "en": "application '{application}', criterion '{criterion}' already occurs on line {line}",
    },
    "csv.header": {
        "nl": "kopregel moet de kolommen application_id, criterion_id, score en motivation bevatten",
        "en": "header row must contain the columns application_id, criterion_id, score and motivation",
    },
    "csv.columns": {"nl": "verwacht {expected} kolommen, gevonden {found}", "en": "expected {expected} columns, found {found}"},
    "csv.duplicate_column": {
        "nl": "kolom '{column}' komt twee keer voor in de kopregel",
        "en": "column '{column}' occurs twice in the header row",
    },
    "csv.no_rows": {"nl": "bevat geen scores", "en": "contains no scores"},
    "csv.quote": {
        "nl": "aanhalingstekens kloppen niet: een veld dat met \" begint, moet met \" eindigen (een \" erin schrijf je als \"\")",
        "en": "quotes do not match: a field that starts with \" must end with \" (write a \" inside it as \"\")",
    },
    "csv.nothing_imported": {
        "nl": "{file}: niets geïmporteerd ({count} problemen)",
        "en": "{file}: nothing imported ({count} problems)",
    },
    "import.none_found": {
        "nl": "{path}: geen inzendingen (*.json) gevonden",
        "en": "{path}: no submissions (*.json) found",
    },
    "csv.imported": {
        "nl": "{count} scores en motivaties geïmporteerd voor {juror} ({changed} gewijzigd)",
        "en": "{count} scores and motivations imported for {juror} ({changed} changed)",
    },
    "csv.template_written": {
        "nl": "sjabloon met {rows} regels geschreven naar {path}",
        "en": "template with {rows} rows written to {path}",
    },
    "submission.incomplete": {
        "nl": "de beoordeling is onvolledig ({done} van {total} aanvragen volledig); bevestig met --incomplete om toch in te dienen",
        "en": "the assessment is incomplete ({done} of {total} applications complete); confirm with --incomplete to submit anyway",
    },
    "submission.written": {
        "nl": "inzending geschreven naar {path} ({state}, controlesom {checksum})",
        "en": "submission written to {path} ({state}, checksum {checksum})",
    },
    "submission.complete": {"nl": "volledig", "en": "complete"},
    "submission.partial": {"nl": "ONVOLLEDIG", "en": "INCOMPLETE"},
    "submission.conflicts_undeclared": {
        "nl": "verklaar eerst je belangenconflicten (in de app, of met 'jury-tui conflicts {session} --as {juror} --none' of '--set ID ...')",
        "en": "declare your conflicts of interest first (in the app, or with 'jury-tui conflicts {session} --as {juror} --none' or '--set ID ...')",
    },
    "conflicts.none": {"nl": "{juror}: geen belangenconflicten verklaard", "en": "{juror}: no conflicts of interest declared"},
    "conflicts.list": {"nl": "{juror}: belangenconflict bij {ids}", "en": "{juror}: conflict of interest on {ids}"},
    "conflicts.undeclared": {"nl": "{juror}: belangenconflicten nog niet verklaard", "en": "{juror}: conflicts of interest not yet declared"},
    "conflicts.scored": {
        "nl": "aanvraag '{application}' heeft al scores van dit jurylid; die blijven bewaard maar tellen niet mee zolang het conflict bestaat",
        "en": "application '{application}' already has scores from this juror; they are kept but do not count while the conflict stands",
    },
    "submission.layout": {
        "nl": "het bestand is niet in de vorm waarin jury-tui het schrijft (bytevolgordemarkering of Unicode-normalisatie gewijzigd); vraag het jurylid het opnieuw te sturen",
        "en": "the file is not in the form jury-tui writes (byte-order mark or Unicode normalisation changed); ask the juror to send it again",
    },
    "submission.checksum": {
        "nl": "controlesom klopt niet: de inhoud is gewijzigd of beschadigd sinds het jurylid het bestand maakte",
        "en": "checksum does not match: the content changed or was damaged after the juror wrote the file",
    },
    "submission.out_exists_dir": {"nl": "{path} is een map; geef een bestandsnaam", "en": "{path} is a directory; give a file name"},
    "export.pdf_written": {
        "nl": "advies geschreven naar {path} ({pages} pagina's; {missing} ontbrekende consensusscores of motiveringen)",
        "en": "advice written to {path} ({pages} pages; {missing} missing consensus scores or motivations)",
    },
    "export.data_written": {"nl": "gegevens geschreven naar {path} ({rows} regels)", "en": "data written to {path} ({rows} rows)"},
    "check.ok": {"nl": "{file}: in orde ({kind})", "en": "{file}: valid ({kind})"},
    "check.kind.criteria": {"nl": "criteria", "en": "criteria"},
    "check.kind.application": {"nl": "aanvraag", "en": "application"},
    "check.kind.jurors": {"nl": "juryleden", "en": "jurors"},
    "check.kind.scores": {"nl": "scores (CSV)", "en": "scores (CSV)"},
    "check.kind.submission": {"nl": "inzending", "en": "submission"},
    "check.kind.applications_csv": {"nl": "aanvragen (CSV)", "en": "applications (CSV)"},
    "check.summary": {"nl": "{ok} van {total} bestanden in orde", "en": "{ok} of {total} files valid"},
    "cli.created": {"nl": "sessie '{id}' aangemaakt in {path}", "en": "session '{id}' created in {path}"},
    "cli.kept": {
        "nl": "sessie '{id}' bestaat al in {path}; bestaande scores blijven behouden",
        "en": "session '{id}' already exists in {path}; existing scores are kept",
    },
    "demo.motivation": {
        "nl": "(Illustratieve demoscore) {criterion}: {label} voor {municipality}. In een echte sessie staat hier de motivering van het jurylid.",
        "en": "(Illustrative demo score) {criterion}: {label} for {municipality}. In a real session the juror's motivation stands here.",
    },
    "demo.reason": {"nl": "illustratieve demoscores", "en": "illustrative demo scores"},
    "demo.filled": {
        "nl": "illustratieve scores ingevuld en ingelezen voor {jurors}",
        "en": "illustrative scores filled in and imported for {jurors}",
    },
    "demo.kept": {
        "nl": "{jurors} had(den) al scores; die blijven zoals ze zijn",
        "en": "{jurors} already had scores; they are left as they are",
    },
    "cli.interrupted": {"nl": "onderbroken", "en": "interrupted"},
    "cli.unexpected": {
        "nl": "onverwachte fout: {detail} (meld dit aan de ontwikkelaars)",
        "en": "unexpected error: {detail} (please report this to the developers)",
    },
    "cli.no_tty": {
        "nl": "de interface heeft een terminal nodig; gebruik de subcommando's (jury-tui --help)",
        "en": "the interface needs a terminal; use the subcommands (jury-tui --help)",
    },
    # --- status and progress --------------------------------------------------------------
    "status.not_started": {"nl": "niet begonnen", "en": "not started"},
    "status.in_progress": {"nl": "bezig", "en": "in progress"},
    "status.complete": {"nl": "volledig", "en": "complete"},
    "status.conflict": {"nl": "belangenconflict", "en": "conflict of interest"},
    "progress.summary": {"nl": "{done} van {total} beoordeeld", "en": "{done} of {total} assessed"},
    "role.voting": {"nl": "stemgerechtigd", "en": "voting"},
    "role.advisory": {"nl": "adviserend", "en": "advisory"},
    # --- chair: import and consolidation ---------------------------------------------------
    "import.other_session": {
        "nl": "{file}: inzending hoort bij een andere sessie ('{session}') of een andere versie ervan (vingerafdruk verschilt); niets gewijzigd",
        "en": "{file}: submission belongs to another session ('{session}') or another version of it (fingerprint differs); nothing changed",
    },
    "import.unknown_juror": {
        "nl": "{file}: jurylid '{juror}' hoort niet bij deze sessie; niets gewijzigd",
        "en": "{file}: juror '{juror}' is not part of this session; nothing changed",
    },
    "import.role": {
        "nl": "{file}: de rol van jurylid '{juror}' in de inzending verschilt van de sessie; niets gewijzigd",
        "en": "{file}: the role of juror '{juror}' in the submission differs from the session; nothing changed",
    },
    "import.unknown_application": {
        "nl": "{file}: onbekende aanvraag '{application}'; niets gewijzigd",
        "en": "{file}: unknown application '{application}'; nothing changed",
    },
    "import.invalid": {
        "nl": "{file}: aanvraag '{application}': {problem}; niets gewijzigd",
        "en": "{file}: application '{application}': {problem}; nothing changed",
    },
    "import.duplicate_assessment": {"nl": "komt twee keer voor", "en": "occurs twice"},
    "import.duplicate_score": {"nl": "criterium '{criterion}' komt twee keer voor", "en": "criterion '{criterion}' occurs twice"},
    "import.conflict_scored": {
        "nl": "staat bij de belangenconflicten maar heeft ook een beoordeling",
        "en": "is listed as a conflict of interest but also has an assessment",
    },
    "import.missing_assessment": {
        "nl": "ontbreekt in de inzending (niet beoordeeld en geen belangenconflict)",
        "en": "is missing from the submission (neither assessed nor a conflict of interest)",
    },
    "import.older": {
        "nl": "{file}: inzending van {juror} van {new} is niet nieuwer dan de al ingelezen inzending van {old}; niets gewijzigd",
        "en": "{file}: submission of {juror} from {new} is not newer than the one already imported from {old}; nothing changed",
    },
    "import.other_session_short": {"nl": "hoort bij een andere sessie", "en": "belongs to another session"},
    "import.unknown_juror_short": {"nl": "onbekend jurylid", "en": "unknown juror"},
    "import.role_short": {"nl": "andere rol dan in de sessie", "en": "another role than in the session"},
    "import.unknown_application_short": {"nl": "onbekende aanvraag", "en": "unknown application"},
    "import.new": {"nl": "{file}: inzending van {juror} ingelezen", "en": "{file}: submission of {juror} imported"},
    "import.unchanged": {
        "nl": "{file}: inzending van {juror} was al ingelezen; niets gewijzigd",
        "en": "{file}: submission of {juror} was already imported; nothing changed",
    },
    "import.replaced": {
        "nl": "{file}: nieuwere inzending van {juror} vervangt de vorige ({count} scores of motivaties gewijzigd)",
        "en": "{file}: newer submission of {juror} replaces the previous one ({count} scores or motivations changed)",
    },
    "chair.amount_cap": {
        "nl": "bedrag {amount} euro ligt boven het gevraagde bedrag of het plafond ({cap} euro)",
        "en": "amount {amount} euro exceeds the requested amount or the cap ({cap} euro)",
    },
}
