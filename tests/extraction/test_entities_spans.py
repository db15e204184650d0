"""Spans that hold: titles outside names, countries and KB aliases not cut out of longer names."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from ingest.entities.person_spans import split_people
from ingest.entities.span_shapes import split_place_of

pytestmark = pytest.mark.model


def test_honorifics_stay_outside_the_name(run) -> None:
    r = run("Ayatollah Zarif Moussavian met Sheikh Tamar Oslevar in Velmar. "
            "Zarif Moussavian later spoke.")
    assert r.types.get("Zarif Moussavian") == "Person", r.types
    assert r.types.get("Tamar Oslevar") == "Person", r.types
    assert not any(n.startswith(("Ayatollah", "Sheikh")) for n in r.types)


def test_a_country_owner_is_split_off_a_body_name(run) -> None:
    r = run("Zanland's Special Tribunal for Coastal Crimes ruled on Monday. Nigeria's Supreme Court agreed.")
    assert r.types.get("Special Tribunal for Coastal Crimes") == "StateBody", r.types
    assert r.types.get("Nigeria") == "Country", r.types


def test_a_known_alias_inside_a_longer_name_is_not_that_actor(run) -> None:
    r = run("The Green Fatah Party gained two seats in Velmar.")
    assert "Green Fatah Party" in r.types, r.types
    assert not any(n.startswith("Fatah") for n in r.types), r.types


def test_a_country_inside_a_group_name_stays_in_it(run) -> None:
    r = run("The Revolutionary Armed Forces of Zanland signed the deal in Velmar.")
    assert r.types.get("Revolutionary Armed Forces of Zanland") == "ArmedGroup", r.types


def test_a_country_inside_a_longer_name_does_not_cut_it(run) -> None:
    r = run("Fighters of the Kavel Myanmar Democratic Union Army seized a border post.")
    assert "Myanmar" not in r.types, r.types
    assert any(n.endswith("Democratic Union Army") and t == "ArmedGroup" for n, t in r.types.items()), r.types


def test_people_run_together_in_a_table_row_are_two(kb) -> None:
    doc = spacy.blank("en")("Leader Tamar Vellquist Orlo Benvenist\n"
                            "The envoy Tamar Vellquist Orlo Benvenist spoke.")
    row, prose = Span(doc, 1, 5, label="PERSON"), Span(doc, 8, 12, label="PERSON")
    assert [s.text for s in split_people(row, kb)] == ["Tamar Vellquist", "Orlo Benvenist"]
    assert split_people(prose, kb) == [prose]


def test_infobox_person_fields_are_people(run) -> None:
    r = run("Zarqan Liberation Front\nFounderTamar Vellquist\nOrlo Benvenist\n"
            "LeaderAbd Al Rahim Qassar (1991–2004)\n\nThe Zarqan Liberation Front fought in Velmar.")
    for name in ("Tamar Vellquist", "Orlo Benvenist", "Abd al-Rahim Qassar"):
        assert r.types.get(name) == "Person", r.types


def test_a_party_of_a_region_is_split_from_the_region(nlp, kb) -> None:
    doc = nlp("The Zanland Unity Party allied with the Morvan Renewal Party of Andhra Pradesh.")
    start = [t.i for t in doc if t.text == "Morvan"][0]
    name, place = split_place_of(Span(doc, start, len(doc) - 1, label="ORG"), kb)
    assert name.text == "Morvan Renewal Party"
    assert place is not None and (place.text, place.label_) == ("Andhra Pradesh", "Location")
    whole = Span(doc, start, start + 3, label="ORG")
    assert split_place_of(whole, kb) == (whole, None)


def test_places_by_neighbourhood_head_and_after_at(run) -> None:
    r = run("Gunmen attacked the Vellmoor neighbourhood and closed the crossing at Tarnach.")
    assert r.types.get("Vellmoor") == "Location", r.types


def test_ranks_are_no_people_and_a_label_colon_parts_two_names(run) -> None:
    r = run("The group's military spokesman, Brig. Gen. Yarro Selim, said the ship was hit. "
            "Interior Ministry: Kamdi Fadrel was appointed on Sunday. "
            "Ministers Lirna Saadet and Omaro Hadar resigned.")
    assert "Brig" not in r.types and "Gen" not in r.types, r.types
    assert r.types.get("Yarro Selim") == "Person", r.types
    assert r.types.get("Interior Ministry") == "StateBody", r.types
    assert r.types.get("Kamdi Fadrel") == "Person", r.types
    assert r.types.get("Lirna Saadet") == "Person" and r.types.get("Omaro Hadar") == "Person", r.types
