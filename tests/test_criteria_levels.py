"""What each score means per criterion (`levels` in the criteria file) and whose guidance that is
(`levels_source`): read strictly, one line naming the file and the field for every problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import WVC_CRITERIA

from jury_tui.domain.canonical import json_form
from jury_tui.errors import JuryError
from jury_tui.formats.criteria_file import load_criteria

MAATWERK_0 = '0 = { nl = "Geen analyse van de wijk, of de maatregelen staan er los van."'


def refusal(tmp_path: Path, change) -> str:
    text = WVC_CRITERIA.read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text
    path = tmp_path / "criteria.toml"
    path.write_text(changed, encoding="utf-8")
    with pytest.raises(JuryError) as caught:
        load_criteria(path)
    message = str(caught.value)
    assert message.startswith("criteria.toml: ") or "criteria.toml" in message, message
    assert "\n" not in message, message
    return message


def test_the_2021_file_describes_every_level_of_every_criterion_in_both_languages():
    criteria = load_criteria(WVC_CRITERIA)
    for criterion in criteria.criteria:
        assert sorted(criterion.levels, key=int) == [str(v) for v in range(0, 6)], criterion.id
        for value in range(0, 6):
            dutch, english = criterion.level(value, "nl"), criterion.level(value, "en")
            assert dutch and english and dutch != english, (criterion.id, value)
    assert criteria.criterion("maatwerk").level(0) == "Geen analyse van de wijk, of de maatregelen staan er los van."
    assert criteria.criterion("maatwerk").level(6) is None  # off the scale: nothing to say
    # Marked as the jury's own words, not the call's.
    assert criteria.levels_source.get("nl") == "Leidraad van de jury bij de schaal, geen tekst uit de oproep"
    assert criteria.levels_source.get("en") == "The jury's own guidance on the scale, not text from the call"


def test_some_levels_only_and_dutch_only_are_enough(tmp_path):
    text = WVC_CRITERIA.read_text(encoding="utf-8")
    start = text.index("\n[criteria.levels]\n") + 1
    end = text.index("\n\n", start)
    text = text[:start] + '[criteria.levels]\n0 = "Niets"\n5 = { nl = "Alles" }' + text[end:]
    path = tmp_path / "criteria.toml"
    path.write_text(text, encoding="utf-8")
    maatwerk = load_criteria(path).criterion("maatwerk")
    assert (maatwerk.level(0, "en"), maatwerk.level(5), maatwerk.level(3)) == ("Niets", "Alles", None)


def test_a_criteria_set_without_levels_keeps_its_json_form():
    """Sessions made before levels existed keep their fingerprint: empty levels are left out."""
    text = WVC_CRITERIA.read_text(encoding="utf-8")
    criteria = load_criteria(WVC_CRITERIA)
    form = json_form(criteria)
    assert "levels_source" in form and all("levels" in c for c in form["criteria"])
    bare = json_form(
        type(criteria)(**{**criteria.__dict__, "levels_source": None,
                          "criteria": [type(c)(**{**c.__dict__, "levels": {}}) for c in criteria.criteria]})
    )
    assert "levels_source" not in bare and not any("levels" in c for c in bare["criteria"])
    assert text  # (the file itself is unchanged)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda t: t.replace(MAATWERK_0, MAATWERK_0.replace("0 =", "6 =")),
         "criteria.toml: criterium 'maatwerk': levels.6 ligt buiten de schaal 0–5; beschrijf alleen niveaus van de schaal"),
        (lambda t: t.replace(MAATWERK_0, MAATWERK_0.replace("0 =", "-1 =")),
         "criterium 'maatwerk': levels.-1 ligt buiten de schaal 0–5"),
        (lambda t: t.replace(MAATWERK_0, MAATWERK_0.replace("0 =", "05 =")),
         "veld 'criteria[1].levels.05.[key]' '05' is geen niveau van de schaal: schrijf een geheel getal zoals 0 of 5"),
        (lambda t: t.replace(MAATWERK_0, MAATWERK_0.replace("0 =", '"-0" =')),
         "'-0' is geen niveau van de schaal"),
        (lambda t: t.replace(MAATWERK_0, MAATWERK_0.replace("0 =", "goed =")),
         "'goed' is geen niveau van de schaal"),
        (lambda t: t.replace(MAATWERK_0 + ", ", "0 = { "),
         "veld 'criteria[1].levels.0.nl' ontbreekt"),
        (lambda t: t.replace(MAATWERK_0, '0 = { nl = " "'),
         "veld 'criteria[1].levels.0' de Nederlandse tekst is leeg"),
        (lambda t: t.replace(MAATWERK_0, MAATWERK_0.replace("{ nl", "{ fr = 'x', nl")),
         "veld 'criteria[1].levels.0.fr' is een onbekend veld"),
        (lambda t: t.replace('levels_source.nl = "Leidraad van de jury bij de schaal, geen tekst uit de oproep"\n', "")
         .replace('levels_source.en = "The jury\'s own guidance on the scale, not text from the call"\n', ""),
         "criteria.toml: levels_source ontbreekt"),
        (lambda t: t.replace("levels_source.nl", "levels_source.fr"), "veld 'levels_source.nl' ontbreekt"),
    ],
)
def test_bad_levels_name_file_and_field(tmp_path, change, expected):
    assert expected in refusal(tmp_path, change)
