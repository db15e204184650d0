"""Within-article resolution: short forms, honorifics, possessives, pronouns, definite descriptions."""

import pytest

pytestmark = pytest.mark.model


def test_short_forms_join_the_full_name(run):
    r = run("Al Kadhimi spoke first. Prime Minister Mustafa Al Kadhimi's residence was hit. "
            "Mr Al Kadhimi escaped. Abu Ali Al Askari spoke. Mr Al Askari said more.")
    people = {e.name: e for e in r.ex.entities if e.type.value == "Person"}
    assert set(people) == {"Mustafa al-Kadhimi", "Abu Ali al-Askari"}
    texts = {m.text for m in r.ex.mentions[people["Mustafa al-Kadhimi"].id]}
    assert texts == {"Al Kadhimi", "Mustafa Al Kadhimi"}
    assert len(r.ex.mentions[people["Mustafa al-Kadhimi"].id]) == 3
    assert {m.text for m in r.ex.mentions[people["Abu Ali al-Askari"].id]} == {"Abu Ali Al Askari",
                                                                            "Al Askari"}


def test_unknown_lone_surname_is_dropped(run):
    r = run("Mr Haddad said nothing.")
    assert r.ex.entities == ()


def test_mention_offsets_point_into_the_body(run):
    body = "Iraq is calm. Prime Minister Mustafa al-Kadhimi spoke in Baghdad."
    r = run(body)
    for mentions in r.ex.mentions.values():
        for m in mentions:
            assert body[m.start:m.end] == m.text
    for rel in r.ex.relations:
        for ev in rel.evidence:
            assert body[ev.start:ev.end].strip() == ev.sentence


def test_pronoun_subject(run):
    r = run("Iraq held an election on October 10. The Fatah Alliance did badly, as it secured only 14 seats.")
    assert r.attrs("Fatah Alliance", "WON_SEATS", "2021 Iraqi parliamentary election") == {"seats": 14}


def test_definite_description(run):
    r = run("The third faction calls itself the National State Forces Alliance. "
            "This alliance is led by Ammar al-Hakim.")
    assert ("Ammar al-Hakim", "LEADS", "National State Forces Alliance") in r.triples


def test_the_prime_minister_is_the_titled_person(run):
    r = run("Prime Minister Mustafa al-Kadhimi was in Baghdad. A drone attack on the prime minister's "
            "residence failed.")
    assert any(t[1:] == ("TARGETED", "Mustafa al-Kadhimi") for t in r.triples)
