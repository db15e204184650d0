"""A state body named without its country is that country's body: one node per country, not one for all."""

from __future__ import annotations

import pytest

from graph.model import Article, article_id_for
from ingest.entities.generic_bodies import generic_name
from ingest.extract import Extraction, extract

pytestmark = pytest.mark.model


def _entities(nlp, kb, body: str, title: str = "") -> dict[str, tuple[str, str, tuple[str, ...]]]:
    art = Article(id=article_id_for(None, None, body), source="g.txt", body=body, title=title,
                  published="2024-03-01")
    (out,) = list(extract([art], nlp, kb))
    assert isinstance(out, Extraction)
    return {e.name: (e.id, e.type.value, e.aliases) for e in out.entities}


def test_generic_names():
    assert generic_name("National Assembly") and generic_name("Ministry of Interior")
    assert generic_name("Constitutional Council")
    assert generic_name("Independent National Electoral Commission")
    assert not generic_name("National Assembly of Senegal") and not generic_name("Colorado Party")
    assert not generic_name("National") and not generic_name("Interior")


def test_the_same_words_in_two_countries_are_two_bodies(nlp, kb):
    senegal = _entities(nlp, kb, "Senegal's opposition walked out of the National Assembly on Monday, "
                                 "and the Constitutional Council rejected the delay of the vote in Senegal.")
    france = _entities(nlp, kb, "France's prime minister faced the National Assembly in Paris. French "
                                "deputies in the National Assembly rejected the budget.")
    assert "National Assembly of Senegal" in senegal and "National Assembly of France" in france
    assert senegal["National Assembly of Senegal"][0] != france["National Assembly of France"][0]
    assert "National Assembly" in senegal["National Assembly of Senegal"][2]  # the text as written
    assert "Constitutional Council of Senegal" in senegal


def test_a_foreign_knowledge_base_body_named_generically_is_the_articles(nlp, kb):
    nepal = _entities(nlp, kb, "The Nepali Congress won 89 seats in the House of Representatives.",
                      title="Nepal vote count ends")
    assert "House of Representatives of Nepal" in nepal
    assert "United States House of Representatives" not in nepal


def test_a_known_body_keeps_its_knowledge_base_id(nlp, kb):
    us = _entities(nlp, kb, "The United States House of Representatives passed the bill. "
                            "The House of Representatives then adjourned.")
    house = us["United States House of Representatives"]
    assert house[0] == "statebody:united-states-house-of-representatives"
