"""The `partners` list of an application's front matter: optional, a list of one-line names, refused
with one line naming the file and the entry otherwise (docs/file-formats.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import application_md

from jury_tui.errors import JuryError
from jury_tui.formats.applications_file import load_application, load_applications
from jury_tui.formats.session_builder import demo_data_dir


def load(tmp_path: Path, front_matter: str):
    path = tmp_path / "a1.md"
    path.write_text(application_md(extra_front_matter=front_matter), encoding="utf-8")
    return load_application(path)


def refusal(tmp_path: Path, front_matter: str) -> str:
    with pytest.raises(JuryError) as caught:
        load(tmp_path, front_matter)
    message = str(caught.value)
    assert "a1.md" in message and "\n" not in message, message
    return message


def test_partners_are_optional(tmp_path):
    assert load(tmp_path, "").partners == []


def test_partners_are_read_in_order_as_written(tmp_path):
    application = load(tmp_path, 'partners:\n  - OCMW Gent\n  - "Samenlevingsopbouw: Gent"\n  - Café De Ster\n')
    assert application.partners == ["OCMW Gent", "Samenlevingsopbouw: Gent", "Café De Ster"]
    assert load(tmp_path, "partners: []\n").partners == []


def test_a_name_of_200_characters_is_accepted_and_201_refused(tmp_path):
    assert load(tmp_path, f"partners: [{'x' * 200}]\n").partners == ["x" * 200]
    assert "'partners[1]' is te lang: hoogstens 200 tekens" in refusal(tmp_path, f"partners: [{'x' * 201}]\n")


def test_100_partners_are_accepted_and_101_refused(tmp_path):
    assert len(load(tmp_path, f"partners: [{', '.join(f'p{i}' for i in range(100))}]\n").partners) == 100
    assert "'partners'" in refusal(tmp_path, f"partners: [{', '.join(f'p{i}' for i in range(101))}]\n")


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ("partners: OCMW Gent\n", "veld 'partners' moet een lijst zijn (gevonden: 'OCMW Gent')"),
        ("partners: {OCMW: Gent}\n", "veld 'partners' moet een lijst zijn"),
        ("partners: [OCMW, 12]\n", "veld 'partners[2]' moet tekst zijn (gevonden: 12)"),
        ("partners: [[OCMW]]\n", "veld 'partners[1]' moet tekst zijn"),
        ("partners: [OCMW, '']\n", "veld 'partners[2]' is leeg"),
        ('partners: ["OCMW\\u001b[31m"]\n', "veld 'partners[1]' bevat een stuurteken (U+001B) op positie 5"),
        ('partners: ["OCMW\\tGent"]\n', "veld 'partners[1]' bevat een stuurteken (U+0009)"),
        ('partners: ["OCMW\\nGent"]\n', "veld 'partners[1]' bevat een stuurteken (U+000A)"),
    ],
    ids=["text", "mapping", "number", "nested-list", "empty", "escape", "tab", "newline"],
)
def test_a_bad_partners_list_is_refused_in_one_line(tmp_path, front_matter, expected):
    assert expected in refusal(tmp_path, front_matter)


def test_every_demo_application_names_its_partners_as_illustrative():
    for application in load_applications(demo_data_dir() / "applications"):
        assert len(application.partners) >= 3, application.id
        assert "partners" in application.illustrative, application.id


def test_a_partner_is_read_without_surrounding_blanks_and_blanks_only_or_twice_are_refused(tmp_path):
    assert load(tmp_path, 'partners: [" Huis van het Kind "]\n').partners == ["Huis van het Kind"]
    assert "een partner zonder naam (alleen spaties)" in refusal(tmp_path, 'partners: [OCMW, "   "]\n')
    assert "partner 'Huis' staat er twee keer in" in refusal(tmp_path, "partners: [Huis, OCMW, Huis]\n")


def test_a_session_made_before_partners_and_levels_keeps_its_fingerprint():
    # The demo as built at a6eb612 (before partners and the criteria's levels) had this fingerprint;
    # the same definition without them must still have it, or every older session and its
    # submissions would be refused as changed.
    import dataclasses

    from jury_tui.formats.session_builder import build_demo_session

    session = build_demo_session()
    applications = [dataclasses.replace(a, partners=[], illustrative=[k for k in a.illustrative if k != "partners"])
                    for a in session.applications]
    criteria = dataclasses.replace(session.criteria, levels_source=None,
                                   criteria=[dataclasses.replace(c, levels={}) for c in session.criteria.criteria])
    before = dataclasses.replace(session, applications=applications, criteria=criteria)
    assert before.fingerprint == "631bff931ab23e479a01f890f5c800ab53eef88b1b674f5dfec5fcd4e2122e60"
    assert session.fingerprint != before.fingerprint  # the partners and levels themselves are covered


@pytest.mark.parametrize(
    ("value", "shown"),
    [("true", "gevonden: true"), ("null", "gevonden: null"), ("2021-01-01", "gevonden: 2021-01-01")],
)
def test_a_refused_value_is_shown_as_the_file_spells_it(tmp_path, value, shown):
    # Not as Python would ("True", "None", "datetime.date(2021, 1, 1)")
    assert shown in refusal(tmp_path, f"partners: [OCMW, {value}]\n")
