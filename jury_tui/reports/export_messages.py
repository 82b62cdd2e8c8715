"""Texts of the advice PDF and the score data export, Dutch first. Merged into `jury_tui.i18n.MESSAGES`
on import (jury_tui.reports.data_export and jury_tui.reports.advice_pdf import this module).

Criteria, scale labels and eligibility rules are never written here: they come from the criteria file.
"""

from __future__ import annotations

from jury_tui.i18n import MESSAGES

EXPORT_MESSAGES: dict[str, dict[str, str]] = {
    # --- general --------------------------------------------------------------------------
    "export.advice_title": {"nl": "Gemotiveerd advies van de jury", "en": "Motivated advice of the jury"},
    "export.euro": {"nl": "{amount} euro", "en": "{amount} euro"},
    "export.months": {
        "nl": "januari,februari,maart,april,mei,juni,juli,augustus,september,oktober,november,december",
        "en": "January,February,March,April,May,June,July,August,September,October,November,December",
    },
    "export.date_time": {"nl": "{date} om {time}", "en": "{date} at {time}"},
    "export.yes": {"nl": "ja", "en": "yes"},
    "export.no": {"nl": "nee", "en": "no"},
    "export.none": {"nl": "–", "en": "–"},
    "export.juror_label": {"nl": "Jurylid {letter}", "en": "Juror {letter}"},
    "export.author": {"nl": "De jury – {call}", "en": "The jury – {call}"},
    "export.subject": {"nl": "Gemotiveerd advies over {count} aanvragen – {call}", "en": "Motivated advice on {count} applications – {call}"},
    "export.pdf_title": {"nl": "Gemotiveerd advies van de jury – {session}", "en": "Motivated advice of the jury – {session}"},
    "export.written": {
        "nl": "advies geschreven naar {path} ({pages} pagina's, {sections} aanvragen)",
        "en": "advice written to {path} ({pages} pages, {sections} applications)",
    },
    "export.strict_missing": {
        "nl": "advies niet geëxporteerd: de consensus is onvolledig bij {items}",
        "en": "advice not exported: the consensus is incomplete for {items}",
    },
    "export.strict_more": {"nl": " en nog {count} aanvragen", "en": " and {count} more applications"},
    "export.missing_all": {"nl": "alle criteria ({what})", "en": "all criteria ({what})"},
    "export.missing_score": {"nl": "score", "en": "score"},
    "export.missing_motivation": {"nl": "motivering", "en": "motivation"},
    # --- page furniture -------------------------------------------------------------------
    "export.page": {"nl": "pagina {page} van {pages}", "en": "page {page} of {pages}"},
    "export.footer": {"nl": "Sessie {id} · vingerafdruk {fingerprint}", "en": "Session {id} · fingerprint {fingerprint}"},
    # --- cover ----------------------------------------------------------------------------
    "export.cover.session": {"nl": "Jurysessie", "en": "Jury session"},
    "export.cover.session_id": {"nl": "Sessie-id", "en": "Session id"},
    "export.cover.date": {"nl": "Datum van het advies", "en": "Date of the advice"},
    "export.cover.applications": {"nl": "Beoordeelde aanvragen", "en": "Applications assessed"},
    "export.cover.budget": {"nl": "Beschikbaar budget", "en": "Available budget"},
    "export.cover.jury": {"nl": "Jury", "en": "Jury"},
    "export.cover.jury_value": {
        "nl": "{voting} stemgerechtigde en {advisory} adviserende leden",
        "en": "{voting} voting and {advisory} advisory members",
    },
    "export.cover.fingerprint": {"nl": "Vingerafdruk van de sessie", "en": "Session fingerprint"},
    "export.cover.note": {
        "nl": "Dit document bevat het gemotiveerd advies van de jury aan de overheid, die over de selectie en de "
        "toekenning van de subsidies beslist. De vingerafdruk identificeert de sessiegegevens (criteria, aanvragen, "
        "jury) waarop het advies steunt.",
        "en": "This document holds the jury's motivated advice to the government, which decides on the selection and "
        "the grants. The fingerprint identifies the session data (criteria, applications, jury) the advice rests on.",
    },
    "export.cover.incomplete_one": {
        "nl": "Onvolledig advies: bij 1 beoordeling ontbreekt een consensusscore of een verplichte motivering. "
        "Ze is in de tekst gemarkeerd.",
        "en": "Incomplete advice: 1 assessment lacks a consensus score or a required motivation. It is marked in the text.",
    },
    "export.cover.incomplete": {
        "nl": "Onvolledig advies: bij {count} beoordelingen ontbreekt een consensusscore of een verplichte motivering. "
        "Ze zijn in de tekst gemarkeerd.",
        "en": "Incomplete advice: {count} assessments lack a consensus score or a required motivation. "
        "They are marked in the text.",
    },
    "export.toc": {"nl": "Inhoud", "en": "Contents"},
    # --- chapter 1: method ----------------------------------------------------------------
    "export.ch.method": {"nl": "Opdracht en werkwijze", "en": "Assignment and method"},
    "export.method.intro": {
        "nl": "De jury beoordeelde {count} aanvragen die werden ingediend in het kader van de {call}. Dit advies "
        "beschrijft hoe de jury te werk ging, geeft de rangschikking binnen het beschikbare budget en motiveert per "
        "aanvraag het oordeel op elk criterium.",
        "en": "The jury assessed {count} applications submitted under the {call}. This advice describes how the jury "
        "worked, gives the ranking within the available budget and, for each application, motivates the judgement "
        "on every criterion.",
    },
    "export.sec.criteria": {"nl": "Beoordelingscriteria", "en": "Assessment criteria"},
    "export.criteria.intro_equal": {
        "nl": "Elke aanvraag werd beoordeeld op {count} criteria, die even zwaar wegen. De totaalscore is de som van "
        "de scores op de criteria; het maximum is {max}.",
        "en": "Each application was assessed on {count} criteria of equal weight. The total score is the sum of the "
        "criterion scores; the maximum is {max}.",
    },
    "export.criteria.intro_weighted": {
        "nl": "Elke aanvraag werd beoordeeld op {count} criteria. De totaalscore is de gewogen som van de scores op "
        "de criteria, met de gewichten hieronder; het maximum is {max}.",
        "en": "Each application was assessed on {count} criteria. The total score is the weighted sum of the "
        "criterion scores, with the weights below; the maximum is {max}.",
    },
    "export.criteria.weight": {"nl": "gewicht {weight}", "en": "weight {weight}"},
    "export.criteria.guidance": {"nl": "Aandachtspunten:", "en": "Points of attention:"},
    "export.criteria.no_motivation": {
        "nl": "Voor dit criterium is geen motivering vereist.",
        "en": "No motivation is required for this criterion.",
    },
    "export.criteria.threshold": {
        "nl": "Drempel: een aanvraag komt alleen in aanmerking met een score van minstens {min} op dit criterium.",
        "en": "Threshold: an application is only eligible for selection with a score of at least {min} on this criterion.",
    },
    "export.sec.scale": {"nl": "Beoordelingsschaal", "en": "Rating scale"},
    "export.scale.intro": {
        "nl": "Per criterium gaf elk jurylid een score van {min} tot {max}:",
        "en": "On each criterion every juror gave a score from {min} to {max}:",
    },
    "export.scale.score": {"nl": "Score", "en": "Score"},
    "export.scale.meaning": {"nl": "Betekenis", "en": "Meaning"},
    "export.sec.eligibility": {"nl": "Voorwaarden van de oproep", "en": "Conditions of the call"},
    "export.eligibility.intro": {
        "nl": "Per aanvraag werd aan de hand van de gegevens in de aanvraag nagegaan of ze voldoet aan de voorwaarden "
        "van de oproep:",
        "en": "For each application the data in the application were checked against the conditions of the call:",
    },
    "export.eligibility.none": {
        "nl": "Het criteriabestand bevat geen voorwaarden die per aanvraag worden nagegaan.",
        "en": "The criteria file holds no conditions checked per application.",
    },
    "export.sec.aggregation": {"nl": "Van individuele scores naar een juryoordeel", "en": "From individual scores to a jury judgement"},
    "export.aggregation.individual": {
        "nl": "Elk jurylid beoordeelde de aanvragen eerst individueel, zonder de scores van de andere juryleden te "
        "kennen, en motiveerde elke score schriftelijk.",
        "en": "Each juror first assessed the applications individually, without knowing the other jurors' scores, "
        "and motivated every score in writing.",
    },
    "export.aggregation.voting": {
        "nl": "Alleen de scores van de stemgerechtigde juryleden tellen mee. De adviserende leden brengen hun "
        "deskundigheid in het overleg in; hun scores worden niet meegeteld.",
        "en": "Only the scores of the voting jurors count. The advisory members bring their expertise to the "
        "deliberation; their scores are not counted.",
    },
    "export.aggregation.conflicts": {
        "nl": "Een jurylid dat een belangenconflict meldde bij een aanvraag, gaf voor die aanvraag geen scores en "
        "onthoudt zich bij het oordeel erover.",
        "en": "A juror who declared a conflict of interest on an application gave no scores for it and abstains "
        "from the judgement on it.",
    },
    "export.aggregation.statistics": {
        "nl": "Per aanvraag en criterium werden van de stemgerechtigde scores het gemiddelde, de mediaan en de "
        "spreiding (hoogste min laagste score) berekend. Waar de spreiding {threshold} punten of meer bedroeg, "
        "liepen de oordelen uiteen en werd het criterium in de jury uitdrukkelijk besproken.",
        "en": "For each application and criterion the mean, the median and the spread (highest minus lowest score) "
        "of the voting scores were computed. Where the spread was {threshold} points or more, judgements diverged "
        "and the criterion was discussed explicitly by the jury.",
    },
    "export.aggregation.consensus": {
        "nl": "In het juryoverleg legde de jury per criterium een consensusscore vast, met een gezamenlijke "
        "motivering. Waar een jurylid een afwijkend standpunt handhaafde, is dat als minderheidsstandpunt vermeld. "
        "De totaalscore van een aanvraag is de gewogen som van haar consensusscores.",
        "en": "In its deliberation the jury set a consensus score for each criterion, with a joint motivation. Where "
        "a juror maintained a different view, it is recorded as a minority view. An application's total score is "
        "the weighted sum of its consensus scores.",
    },
    "export.aggregation.ranking": {
        "nl": "De aanvragen zijn gerangschikt op hun totaalscore.",
        "en": "The applications are ranked by their total score.",
    },
    "export.aggregation.tie_break": {
        "nl": "Bij een gelijke totaalscore gaat de aanvraag met de hoogste score op {criteria} voor.",
        "en": "Where total scores are equal, the application with the higher score on {criteria} comes first.",
    },
    "export.aggregation.minimum_total": {
        "nl": "Een aanvraag komt alleen in aanmerking voor selectie met een totaalscore van minstens {min}.",
        "en": "An application is only eligible for selection with a total score of at least {min}.",
    },
    "export.aggregation.budget": {
        "nl": "Binnen het beschikbare budget van {budget} stelt de jury een selectie voor. Het geadviseerde bedrag "
        "is ten hoogste het gevraagde bedrag en nooit meer dan het plafond van de oproep.",
        "en": "Within the available budget of {budget} the jury proposes a selection. The advised amount is at most "
        "the amount requested and never more than the call's cap.",
    },
    "export.and": {"nl": " en ", "en": " and "},
    "export.then": {"nl": ", daarna op ", "en": ", then on "},
    "export.sec.composition": {"nl": "Samenstelling van de jury", "en": "Composition of the jury"},
    "export.composition.intro": {
        "nl": "De jury telde {total} leden: {voting} stemgerechtigde en {advisory} adviserende leden.",
        "en": "The jury had {total} members: {voting} voting and {advisory} advisory members.",
    },
    "export.composition.anonymous": {
        "nl": "In dit advies worden de juryleden niet bij naam genoemd. Ze worden aangeduid als {first} tot {last}, "
        "in een vaste volgorde.",
        "en": "In this advice the jurors are not named. They are referred to as {first} to {last}, in a fixed order.",
    },
    "export.composition.anonymous_one": {
        "nl": "In dit advies wordt het jurylid niet bij naam genoemd, maar aangeduid als {first}.",
        "en": "In this advice the juror is not named, but referred to as {first}.",
    },
    "export.composition.role": {"nl": "Rol", "en": "Role"},
    "export.composition.count": {"nl": "Aantal", "en": "Number"},
    "export.composition.members": {"nl": "Leden", "en": "Members"},
    "export.composition.submitted_all": {
        "nl": "Alle {total} juryleden dienden een individuele beoordeling in.",
        "en": "All {total} jurors submitted an individual assessment.",
    },
    "export.composition.submitted_some": {
        "nl": "{submitted} van de {total} juryleden dienden een individuele beoordeling in. Geen beoordeling "
        "ontvangen van: {missing}.",
        "en": "{submitted} of the {total} jurors submitted an individual assessment. No assessment received from: "
        "{missing}.",
    },
    "export.sec.conflicts": {"nl": "Belangenconflicten", "en": "Conflicts of interest"},
    "export.conflicts.intro": {
        "nl": "Voor de beoordeling verklaarde elk jurylid of het een belangenconflict had met een aanvraag. Wie een "
        "conflict meldde, beoordeelde die aanvraag niet:",
        "en": "Before the assessment each juror declared whether they had a conflict of interest with an "
        "application. Whoever declared a conflict did not assess that application:",
    },
    "export.conflicts.none": {
        "nl": "Geen enkel jurylid meldde een belangenconflict met een aanvraag.",
        "en": "No juror declared a conflict of interest with any application.",
    },
    "export.conflicts.juror": {"nl": "Jurylid", "en": "Juror"},
    "export.conflicts.application": {"nl": "Aanvraag", "en": "Application"},
    # --- chapter 2: ranking and budget ----------------------------------------------------
    "export.ch.ranking": {"nl": "Rangschikking en budget", "en": "Ranking and budget"},
    "export.ranking.summary": {
        "nl": "De jury rangschikte {ranked} van de {count} aanvragen. Ze stelt voor {selected} aanvragen te "
        "selecteren voor een totaal van {amount}. Het beschikbare budget bedraagt {budget}.",
        "en": "The jury ranked {ranked} of the {count} applications. It proposes to select {selected} applications "
        "for a total of {amount}. The available budget is {budget}.",
    },
    "export.ranking.remaining": {"nl": "Er blijft {amount} van het budget onbenut.", "en": "{amount} of the budget remains unused."},
    "export.ranking.over_budget": {
        "nl": "Let op: de selectie overschrijdt het budget met {amount}.",
        "en": "Note: the selection exceeds the budget by {amount}.",
    },
    "export.ranking.source_recommendation": {
        "nl": "De selectie bestaat uit de aanvragen die de voorzitter na het juryoverleg de aanbeveling ‘{select}’ gaf.",
        "en": "The selection consists of the applications the chair recommended ‘{select}’ after the deliberation.",
    },
    "export.ranking.unranked": {
        "nl": "{count} aanvragen zijn niet gerangschikt omdat hun consensus onvolledig is.",
        "en": "{count} applications are not ranked because their consensus is incomplete.",
    },
    "export.ranking.rank": {"nl": "Rang", "en": "Rank"},
    "export.ranking.municipality": {"nl": "Gemeente", "en": "Municipality"},
    "export.ranking.neighbourhood": {"nl": "Wijk", "en": "Neighbourhood"},
    "export.ranking.application": {"nl": "Gemeente en wijk", "en": "Municipality and neighbourhood"},
    "export.ranking.total": {"nl": "Score", "en": "Score"},
    "export.ranking.recommendation": {"nl": "Aanbeveling", "en": "Recommendation"},
    "export.ranking.requested": {"nl": "Gevraagd", "en": "Requested"},
    "export.ranking.advised": {"nl": "Geadviseerd", "en": "Advised"},
    "export.ranking.cumulative": {"nl": "Cumulatief", "en": "Cumulative"},
    "export.ranking.total_row": {"nl": "Totaal selectie", "en": "Selection total"},
    "export.ranking.budget_row": {"nl": "Budget", "en": "Budget"},
    "export.ranking.remaining_row": {"nl": "Saldo", "en": "Remaining"},
    "export.ranking.legend": {
        "nl": "In de tabel hieronder staan de bedragen in euro. Gemarkeerde rijen zijn opgenomen in de selectie; "
        "de kolom ‘Cumulatief’ telt hun geadviseerde bedragen op in volgorde van rang. Score: totaal van de "
        "consensusscores (maximum {max}).",
        "en": "Amounts in the table below are in euro. Shaded rows are included in the selection; the column "
        "‘Cumulative’ adds up their advised amounts in order of rank. Score: total of the consensus scores "
        "(maximum {max}).",
    },
    "export.ranking.not_eligible": {"nl": "voorwaarden niet voldaan", "en": "conditions not met"},
    "export.ranking.eligibility_unknown": {"nl": "voorwaarden onbekend", "en": "conditions unknown"},
    "export.ranking.below_threshold": {"nl": "onder de drempel", "en": "below the threshold"},
    "export.chart.totals": {
        "nl": "Figuur 1. Totaalscore per aanvraag (consensus, maximum {max}), in volgorde van rang",
        "en": "Figure 1. Total score per application (consensus, maximum {max}), in order of rank",
    },
    "export.chart.totals_top": {
        "nl": "Figuur 1. Totaalscore van de {count} hoogst gerangschikte aanvragen (consensus, maximum {max})",
        "en": "Figure 1. Total score of the {count} highest-ranked applications (consensus, maximum {max})",
    },
    "export.chart.selected": {"nl": "opgenomen in de selectie", "en": "included in the selection"},
    "export.chart.not_selected": {"nl": "niet opgenomen", "en": "not included"},
    "export.chart.budget": {
        "nl": "Figuur 2. Gebruik van het budget: geadviseerde bedragen van de selectie, opgeteld in volgorde van rang",
        "en": "Figure 2. Use of the budget: advised amounts of the selection, added up in order of rank",
    },
    "export.chart.budget_top": {
        "nl": "Figuur 2. Gebruik van het budget door de eerste {count} aanvragen van de selectie",
        "en": "Figure 2. Use of the budget by the first {count} applications of the selection",
    },
    "export.chart.previous": {"nl": "eerdere aanvragen", "en": "earlier applications"},
    "export.chart.this": {"nl": "deze aanvraag", "en": "this application"},
    "export.chart.budget_line": {"nl": "budget {amount}", "en": "budget {amount}"},
    "export.chart.no_selection": {"nl": "Er is (nog) geen selectie om het budget te tonen.", "en": "There is no selection (yet) to show the budget."},
    "export.million": {"nl": "{value} mln", "en": "{value} m"},
    # --- chapter 3: applications ----------------------------------------------------------
    "export.ch.applications": {"nl": "Beoordeling per aanvraag", "en": "Assessment per application"},
    "export.app.id": {"nl": "Aanvraag", "en": "Application"},
    "export.app.rank": {"nl": "Rang", "en": "Rank"},
    "export.app.rank_value": {"nl": "{rank} van {count}", "en": "{rank} of {count}"},
    "export.app.unranked": {"nl": "niet gerangschikt (consensus onvolledig)", "en": "not ranked (consensus incomplete)"},
    "export.app.total": {"nl": "Totaalscore", "en": "Total score"},
    "export.app.total_value": {"nl": "{total} van {max}", "en": "{total} of {max}"},
    "export.app.recommendation": {"nl": "Aanbeveling", "en": "Recommendation"},
    "export.app.requested": {"nl": "Gevraagde subsidie", "en": "Subsidy requested"},
    "export.app.advised": {"nl": "Geadviseerd bedrag", "en": "Advised amount"},
    "export.app.selection": {"nl": "Selectie", "en": "Selection"},
    "export.app.selected": {"nl": "opgenomen in de selectie", "en": "included in the selection"},
    "export.app.not_selected": {"nl": "niet opgenomen in de selectie", "en": "not included in the selection"},
    "export.app.summary": {"nl": "Samenvatting van de aanvraag", "en": "Summary of the application"},
    "export.app.no_summary": {"nl": "De aanvraag bevat geen samenvatting.", "en": "The application has no summary."},
    "export.app.conditions": {"nl": "Voorwaarden van de oproep", "en": "Conditions of the call"},
    "export.app.condition": {"nl": "Voorwaarde", "en": "Condition"},
    "export.app.figures": {"nl": "Gegevens uit de aanvraag", "en": "Data from the application"},
    "export.app.limit": {"nl": "Grens", "en": "Limit"},
    "export.app.outcome": {"nl": "Resultaat", "en": "Outcome"},
    "export.app.illustrative": {
        "nl": "* Illustratief cijfer (demogegevens), niet uit een echte aanvraag.",
        "en": "* Illustrative figure (demo data), not from a real application.",
    },
    "export.app.criteria": {"nl": "Beoordeling per criterium", "en": "Assessment per criterion"},
    "export.app.consensus": {"nl": "Consensusscore", "en": "Consensus score"},
    "export.app.score_value": {"nl": "{score} van {max} – {label}", "en": "{score} of {max} – {label}"},
    "export.app.spread": {
        "nl": "Scores van de stemgerechtigde juryleden: {min} tot {max} (gemiddelde {mean}, mediaan {median}; {count} juryleden)",
        "en": "Scores of the voting jurors: {min} to {max} (mean {mean}, median {median}; {count} jurors)",
    },
    "export.app.spread_one": {
        "nl": "Score van het enige stemgerechtigde jurylid: {score}",
        "en": "Score of the only voting juror: {score}",
    },
    "export.app.spread_diverged": {"nl": "; de oordelen liepen uiteen", "en": "; judgements diverged"},
    "export.app.spread_missing_one": {"nl": "; 1 stemgerechtigd jurylid gaf geen score", "en": "; 1 voting juror gave no score"},
    "export.app.spread_missing": {
        "nl": "; {count} stemgerechtigde juryleden gaven geen score",
        "en": "; {count} voting jurors gave no score",
    },
    "export.app.no_scores": {"nl": "Geen scores van stemgerechtigde juryleden.", "en": "No scores from voting jurors."},
    "export.app.motivation": {"nl": "Motivering", "en": "Motivation"},
    "export.app.minority": {"nl": "Minderheidsstandpunt", "en": "Minority view"},
    "export.app.missing_motivation": {"nl": "Motivering ontbreekt", "en": "Motivation missing"},
    "export.app.missing_score": {"nl": "Score ontbreekt", "en": "Score missing"},
    "export.app.overall": {"nl": "Algemene motivering", "en": "Overall motivation"},
    "export.app.conclusion": {"nl": "Conclusie van de jury", "en": "Conclusion of the jury"},
    "export.app.abstained": {
        "nl": "Wegens een belangenconflict onthielden zich bij deze aanvraag: {jurors}.",
        "en": "Because of a conflict of interest, the following abstained on this application: {jurors}.",
    },
    "export.outcome.met": {"nl": "voldaan", "en": "met"},
    "export.outcome.not_met": {"nl": "niet voldaan", "en": "not met"},
    "export.outcome.unknown": {"nl": "onbekend", "en": "unknown"},
    "export.recommendation.select": {"nl": "Selecteren", "en": "Select"},
    "export.recommendation.reserve": {"nl": "Reserve", "en": "Reserve"},
    "export.recommendation.reject": {"nl": "Niet selecteren", "en": "Do not select"},
    "export.recommendation.none": {"nl": "Geen aanbeveling", "en": "No recommendation"},
    "export.figure.subsidy": {"nl": "gevraagd {amount}", "en": "requested {amount}"},
    "export.figure.co_financing": {
        "nl": "{co} van {cost} begrote kostprijs ({share})",
        "en": "{co} of {cost} budgeted cost ({share})",
    },
    "export.figure.infrastructure": {"nl": "{amount} ({share} van de subsidie)", "en": "{amount} ({share} of the subsidy)"},
    "export.figure.months": {"nl": "{months} maanden", "en": "{months} months"},
    "export.figure.submitted": {"nl": "ingediend {at}", "en": "submitted {at}"},
    "export.figure.other_subsidy_yes": {"nl": "andere Vlaamse subsidie: ja", "en": "other Flemish subsidy: yes"},
    "export.figure.other_subsidy_no": {"nl": "andere Vlaamse subsidie: nee", "en": "other Flemish subsidy: no"},
    "export.figure.approval.college": {"nl": "gevalideerd door het college", "en": "validated by the college"},
    "export.figure.approval.gemeenteraad": {"nl": "gevalideerd door de gemeenteraad", "en": "validated by the council"},
    "export.figure.approval.none": {"nl": "niet gevalideerd", "en": "not validated"},
    "export.figure.unknown": {"nl": "niet vermeld", "en": "not stated"},
    "export.limit.at_most": {"nl": "ten hoogste {value}", "en": "at most {value}"},
    "export.limit.at_least": {"nl": "minstens {value}", "en": "at least {value}"},
    "export.limit.deadline": {"nl": "uiterlijk {value}", "en": "by {value}"},
    "export.limit.none": {"nl": "–", "en": "–"},
    # --- annexes --------------------------------------------------------------------------
    "export.annex.scores": {"nl": "Bijlage A. Individuele scores per jurylid", "en": "Annex A. Individual scores per juror"},
    "export.annex.scores_intro": {
        "nl": "Deze bijlage geeft per jurylid de scores zoals die individueel werden ingediend, vóór het "
        "juryoverleg. De kolommen volgen de criteria:",
        "en": "This annex gives, per juror, the scores as submitted individually before the deliberation. The "
        "columns follow the criteria:",
    },
    "export.annex.scores_legend": {
        "nl": "Bij een belangenconflict beoordeelde het jurylid de aanvraag niet. Een streepje (–) staat voor een "
        "ontbrekende score. De scores van adviserende leden tellen niet mee in de berekeningen.",
        "en": "Where there was a conflict of interest, the juror did not assess the application. A dash (–) stands "
        "for a missing score. The scores of advisory members are not counted.",
    },
    "export.annex.juror_heading": {"nl": "{label} ({role})", "en": "{label} ({role})"},
    "export.annex.submitted_at": {"nl": "Beoordeling ingediend op {at}.", "en": "Assessment submitted on {at}."},
    "export.annex.not_submitted": {"nl": "Geen beoordeling ontvangen.", "en": "No assessment received."},
    "export.annex.total": {"nl": "Totaal", "en": "Total"},
    "export.annex.agreement": {"nl": "Bijlage B. Overeenstemming tussen de juryleden", "en": "Annex B. Agreement between the jurors"},
    "export.annex.agreement_intro": {
        "nl": "Hoe sterk de individuele oordelen van de stemgerechtigde juryleden overeenstemden, per criterium en "
        "over alle aanvragen heen, gemeten met Krippendorffs alfa voor ordinale gegevens. Een alfa van 1 betekent "
        "volledige overeenstemming, 0 niet meer dan toeval. Vanaf 0,8 geldt de overeenstemming als hoog, vanaf "
        "0,667 als aanvaardbaar.",
        "en": "How closely the individual judgements of the voting jurors agreed, per criterion and across all "
        "applications, measured with Krippendorff's alpha for ordinal data. An alpha of 1 means complete "
        "agreement, 0 no more than chance. From 0.8 agreement counts as high, from 0.667 as acceptable.",
    },
    "export.annex.criterion": {"nl": "Criterium", "en": "Criterion"},
    "export.annex.alpha": {"nl": "Alfa", "en": "Alpha"},
    "export.annex.level": {"nl": "Overeenstemming", "en": "Agreement"},
    "export.agreement.high": {"nl": "hoog", "en": "high"},
    "export.agreement.acceptable": {"nl": "aanvaardbaar", "en": "acceptable"},
    "export.agreement.moderate": {"nl": "matig", "en": "moderate"},
    "export.agreement.low": {"nl": "laag", "en": "low"},
    "export.agreement.undefined": {"nl": "niet te bepalen", "en": "cannot be determined"},
    # --- data export (CSV / XLSX) ---------------------------------------------------------
    "export.col.session": {"nl": "sessie", "en": "session"},
    "export.col.juror": {"nl": "jurylid", "en": "juror"},
    "export.col.role": {"nl": "rol", "en": "role"},
    "export.col.application_id": {"nl": "aanvraag_id", "en": "application_id"},
    "export.col.municipality": {"nl": "gemeente", "en": "municipality"},
    "export.col.neighbourhood": {"nl": "wijk", "en": "neighbourhood"},
    "export.col.criterion_id": {"nl": "criterium_id", "en": "criterion_id"},
    "export.col.criterion": {"nl": "criterium", "en": "criterion"},
    "export.col.score": {"nl": "score", "en": "score"},
    "export.col.motivation": {"nl": "motivering", "en": "motivation"},
    "export.col.conflict": {"nl": "belangenconflict", "en": "conflict_of_interest"},
    "export.col.rank": {"nl": "rang", "en": "rank"},
    "export.col.total": {"nl": "totaal", "en": "total"},
    "export.col.recommendation": {"nl": "aanbeveling", "en": "recommendation"},
    "export.col.selected": {"nl": "geselecteerd", "en": "selected"},
    "export.col.requested": {"nl": "gevraagd (euro)", "en": "requested (euro)"},
    "export.col.advised": {"nl": "geadviseerd (euro)", "en": "advised (euro)"},
    "export.col.eligibility": {"nl": "voorwaarden", "en": "conditions"},
    "export.sheet.scores": {"nl": "Scores", "en": "Scores"},
    "export.sheet.summary": {"nl": "Samenvatting", "en": "Summary"},
    "export.xlsx.truncated": {
        "nl": " […] (ingekort: een Excel-cel bevat ten hoogste 32.767 tekens; de volledige tekst staat in de CSV-export)",
        "en": " […] (shortened: an Excel cell holds at most 32,767 characters; the full text is in the CSV export)",
    },
    "export.data_written": {"nl": "{kind} geschreven naar {path} ({rows} rijen)", "en": "{kind} written to {path} ({rows} rows)"},
}

for _key, _texts in EXPORT_MESSAGES.items():
    MESSAGES.setdefault(_key, _texts)  # a clash with another module's key is a programming error
