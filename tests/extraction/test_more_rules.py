"""Rule families learned from wire bulletins, notices and encyclopedia entries.

The plain cases (a text and what it gives) are rows of case_tables/more_rules.yaml.
"""

import pytest

pytestmark = pytest.mark.model


def test_deadly_strike_is_one_event_with_doer_victim_and_place(run):
    r = run("BAGHDAD - A US drone strike on a vehicle in eastern Baghdad on Wednesday killed Abu Baqir "
            "al-Saadi, a senior commander of Kataib Hezbollah. Iraq condemned the Baghdad strike.",
            "2024-02-08")
    (event,) = [e for e in r.ex.entities if e.type.value == "Event"]
    assert "killed Abu Baqir al-Saadi" in event.name
    assert (event.name, "TARGETED", "Abu Baqir al-Saadi") in r.triples
    assert ("United States", "PERPETRATED", event.name) in r.triples
    assert (event.name, "LOCATED_IN", "Baghdad") in r.triples
    assert ("Iraq", "CONDEMNED", event.name) in r.triples
    assert ("Abu Baqir al-Saadi", "MEMBER_OF", "Kataib Hezbollah") in r.triples
    assert ("Abu Baqir al-Saadi", "LEADS", "Kataib Hezbollah") not in r.triples


def test_unanchored_attack_becomes_one_event(run):
    r = run("No group claimed the attack. Officials said the assault was carried out by Kataib Hezbollah. "
            "The attack was condemned by the United States.", "2021-11-07")
    (event,) = [e for e in r.ex.entities if e.type.value == "Event"]
    assert event.name == "November 2021 attack"
    assert ("Kataib Hezbollah", "PERPETRATED", event.name) in r.triples
    assert ("United States", "CONDEMNED", event.name) in r.triples


def test_terror_list(run):
    r = run("The United States placed Hezbollah on its list of Foreign Terrorist Organizations "
            "in October 1997.")
    assert r.attrs("Hezbollah", "DESIGNATED_TERRORIST_BY", "United States") == {"date": "1997-10"}


def test_sanctions_designation_is_no_terror_listing(run):
    r = run("On January 8, 2021, the US Department of the Treasury's Office of Foreign Assets Control "
            "designated Faleh al-Fayyadh under Executive Order 13818.")
    assert r.of("DESIGNATED_TERRORIST_BY") == set()
    assert any(t[:2] == ("Faleh al-Fayyadh", "SANCTIONED_BY") for t in r.triples)
    assert ("Office of Foreign Assets Control", "PART_OF", "US Department of the Treasury") in r.triples


def test_capital_after_place_preposition_is_a_location(run):
    r = run("Assad fled to Moscow. Moscow said it would protect him.")
    assert r.types.get("Moscow") == "Location"
    assert r.types.get("Russia") == "Country"


def test_known_as_alias(run):
    r = run("The ELN, led by Nicolas Rodriguez Bautista, known as Gabino, denied it.")
    assert "Gabino" not in r.types


def test_negated_and_hypothetical_cues_give_nothing(run):
    r = run("Iran denied backing the Houthis. Hezbollah does not fund Hamas. The Houthis are not allied with "
            "Iran. Iraq held an election on October 10. Analysts said the Sadrist Movement could win more "
            "than 70 seats in the next election.")
    assert r.triples == set()


def test_demonym_doer_and_condemning_call(run):
    r = run("Israel denied it at first. An Israeli air strike on a building in Beirut killed Hassan "
            "Nasrallah. Iran's foreign minister, Abbas Araghchi, called the assassination an act of "
            "terrorism.",
            "2024-09-28")
    (event,) = [e for e in r.ex.entities if e.type.value == "Event"]
    assert ("Israel", "PERPETRATED", event.name) in r.triples
    assert (event.name, "TARGETED", "Hassan Nasrallah") in r.triples
    assert ("Abbas Araghchi", "CONDEMNED", event.name) in r.triples
    assert ("Abbas Araghchi", "HOLDS_OFFICE", "Iran") in r.triples
