"""Entity recognition: the knowledge base wins, cue words type unknown actors, junk is dropped.

The plain cases (a text and what it gives) are rows of case_tables/entities.yaml.
"""

import pytest

from ingest.entities.cluster import person_name
from ingest.lexicon import lexicon
from ingest.lines import WRAP_WIDTH

pytestmark = pytest.mark.model


def test_generic_mentions_nationalities_dates_are_not_entities(run):
    r = run("The militias and security forces clashed on Monday. Iranian and Iraqi officials met "
            "on October 10, 2021 with 300 protesters.")
    assert r.ex.entities == ()


def test_capitalisation_required_for_kb_phrases(run):
    r = run("They don't want a state of law or political parties.")
    assert r.ex.entities == ()


def test_acronym_in_brackets_joins_the_name(run):
    r = run("The Zulfiqar Brigades (ZB) attacked. Later ZB withdrew.")
    (entity,) = r.ex.entities
    assert entity.name == "Zulfiqar Brigades" and len(r.ex.mentions[entity.id]) == 3


def test_person_names_are_written_with_al_hyphen():
    assert person_name("Mr Ahmed Al Abyad's") == "Ahmed al-Abyad"
    assert person_name("Abu Ali Al-Askari") == "Abu Ali al-Askari"


def test_lexicon_demonyms():
    assert lexicon().country_of("Iranian") == "Iran"
    assert lexicon().country_of("U.S.") == "United States"
    assert lexicon().country_of("Brigades") is None


def test_headlines_are_their_own_sentences(nlp):
    doc = nlp("Designation of a Group\nOffice of Counterterrorism\n\nOn June 24 the group was listed.")
    assert [s.text.strip() for s in doc.sents][:2] == ["Designation of a Group", "Office of Counterterrorism"]
    wrapped = "x" * WRAP_WIDTH + " and\ncontinues here."
    assert len(list(nlp(wrapped).sents)) == 1


def test_a_shortened_full_name_is_the_same_person(run):
    r = run("The Treasury designated Tamar Oskel Vandu, a commander of the Zarqan Front. Tamar Oskel has "
            "led the group's finance wing since 2019.")
    persons = [e for e in r.ex.entities if e.type.value == "Person"]
    assert [p.name for p in persons] == ["Tamar Oskel Vandu"]
    assert len(r.ex.mentions[persons[0].id]) == 2


def test_a_shared_first_name_pair_stays_apart(run):
    r = run("Kim Jong Dae met Kim Jong Rae in Pyongyang. Kim Jong later left the city.")
    people = {e.name: e.id for e in r.ex.entities if e.type.value == "Person"}
    assert {"Kim Jong Dae", "Kim Jong Rae"} <= set(people)
    assert [len(r.ex.mentions[people[n]]) for n in ("Kim Jong Dae", "Kim Jong Rae")] == [1, 1]
