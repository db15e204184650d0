"""Elections and events as entities, named from the text and the article's date and country."""

import pytest

from ingest.events import ElectionFacts, election_name

pytestmark = pytest.mark.model


def test_election_name_from_publication_date():
    facts = ElectionFacts(year=None, month=10, country=None, kind="early")
    assert election_name(facts, "2021-11-08", "Iraq") == "2021 Iraqi general election"
    facts = ElectionFacts(year=None, month=10, country=None, kind=None)
    assert election_name(facts, "2022-02-01", "Iraq") == "2021 Iraqi general election"
    assert election_name(ElectionFacts(2018, None, None, None), None, "Iraq") == \
        "2018 Iraqi general election"
    assert election_name(ElectionFacts(None, None, None, None), None, "Iraq") is None
    assert election_name(ElectionFacts(2020, None, "United States", "presidential"), None, None) == \
        "2020 American presidential election"


def test_elections_in_an_article(run):
    r = run("Iraq held an early election on October 10. The 2018 elections were different. "
            "A post-election dispute followed.")
    elections = sorted(e.name for e in r.ex.entities if e.type.value == "Election")
    assert elections == ["2018 Iraqi parliamentary election", "2021 Iraqi parliamentary election"]


def test_generic_attack_words_make_no_event(run):
    r = run("Previous attacks in Iraq used drones. The attack came later. It was also an attack on "
            "the symbol of power.")
    assert [e for e in r.ex.entities if e.type.value == "Event"] == []


def test_event_with_place(run):
    r = run("A suicide bombing in Baghdad killed 30 people. The blast was condemned by the United Nations.")
    (event,) = [e for e in r.ex.entities if e.type.value == "Event"]
    assert event.name == "suicide bombing in Baghdad"
    assert len(r.ex.mentions[event.id]) == 2
    assert ("suicide bombing in Baghdad", "LOCATED_IN", "Baghdad") in r.triples
