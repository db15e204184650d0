"""The pipeline's cheaper paths keep their outputs: preset labels through the NER, the token index,
the passive-agent reader."""

from __future__ import annotations

import pytest
import spacy

from graph.model import EntityType
from ingest.entities.preset_labels import Stash, restore
from ingest.rules.base import TokenIndex
from ingest.rules.patterns import passive_agents

TYPES = {t.value for t in EntityType}


def test_stash_and_restore_put_the_same_labels_and_ids_back():
    nlp = spacy.blank("en")
    doc = nlp("Orvan Telic met the Brakish Front in Doloria .")
    doc.ents = [spacy.tokens.Span(doc, 0, 2, label="Person", kb_id="Q1"),
                spacy.tokens.Span(doc, 4, 6, label="ArmedGroup", kb_id="Q2")]
    Stash("ORG")(doc)
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [("Orvan Telic", "ORG", "Q1"),
                                                                 ("Brakish Front", "ORG", "Q2")]
    doc.ents = [*doc.ents, spacy.tokens.Span(doc, 7, 8, label="GPE")]  # what the NER adds stays its own
    restore(doc)
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [
        ("Orvan Telic", "Person", "Q1"), ("Brakish Front", "ArmedGroup", "Q2"), ("Doloria", "GPE", "")]


def test_without_a_surrogate_nothing_is_stashed():
    nlp = spacy.blank("en")
    doc = nlp("Orvan Telic spoke .")
    doc.ents = [spacy.tokens.Span(doc, 0, 2, label="Person", kb_id="Q1")]
    restore(Stash(None)(doc))
    assert [(e.label_, e.kb_id_) for e in doc.ents] == [("Person", "Q1")]


@pytest.mark.model
def test_knowledge_base_labels_pass_the_ner_without_new_moves(nlp):
    doc = nlp("Hezbollah fighters and Iraqi police patrolled the border near Qusayr on Tuesday.")
    ner = nlp.get_pipe("ner")
    assert not TYPES & set(ner.labels)  # no move was added for our labels: the NER stays as cheap
    known = [(e.text, e.label_) for e in doc.ents if e.kb_id_]
    assert ("Hezbollah", "ArmedGroup") in known
    assert "ag_preset_labels" not in doc.user_data


@pytest.mark.model
def test_token_index_by_lemma_and_form(nlp):
    doc = nlp("The Left left early. Leaders said the leaders were leaving.")
    index = TokenIndex(doc)
    assert [t.i for t in index.get("leave")] == [t.i for t in doc if t.lemma_.lower() == "leave"]
    assert [t.text for t in index.get("leaders")] == ["Leaders", "leaders"]  # the form, under its lemma too
    assert [t.i for t in index.get("leader")] == [t.i for t in doc if t.lemma_.lower() == "leader"]
    assert index.get("absent") == ()


@pytest.mark.model
def test_passive_agents_by_family_in_family_order(nlp):
    doc = nlp("The Vorn Militia, funded by Tarsa, was led by Ilan Duque. The raid was condemned by Meloria "
              "and was carried out by the Vorn Militia.")
    found = {family: [(v.lemma_, a.text) for v, a in pairs] for family, pairs in passive_agents(doc).items()}
    assert list(found.items()) == [("backing", [("fund", "Tarsa")]), ("leading", [("lead", "Duque")]),
                                   ("perpetrating", [("carry", "Militia")]),
                                   ("condemning", [("condemn", "Meloria")])]
    assert passive_agents(nlp.make_doc("")) == {}
