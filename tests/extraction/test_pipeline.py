"""The pipeline is assembled from registered, versioned components and built once per process."""

import pytest
from spacy.language import Language

from graph.model import Article
from ingest.extract import EmptyArticle, extract
from ingest.pipeline import build_pipeline

FACTORIES = ("actorgraph_lines_v1", "actorgraph_kb_entities_v1", "actorgraph_entity_types_v1",
             "actorgraph_coref_v1", "actorgraph_events_v1", "actorgraph_relations_v1")


def test_factories_are_registered():
    import ingest.pipeline  # noqa: F401

    for name in FACTORIES:
        assert Language.has_factory(name)


@pytest.mark.model
def test_order_and_cache(nlp):
    names = nlp.pipe_names
    assert names.index("actorgraph_lines") < names.index("parser")
    assert names.index("actorgraph_kb") < names.index("ner") < names.index("actorgraph_types")
    assert names[-1] == "actorgraph_relations"
    assert build_pipeline() is nlp
    assert nlp.get_pipe_meta("actorgraph_relations").factory == "actorgraph_relations_v1"


@pytest.mark.model
def test_empty_article_is_an_error_and_the_rest_goes_on(nlp, kb):
    empty = Article(id="a", source="a.txt", body="  \n")
    full = Article(id="b", source="b.txt", body="Hezbollah leader Hassan Nasrallah spoke.")
    first, second = extract([empty, full], nlp, kb)
    assert isinstance(first, EmptyArticle) and "a.txt" in str(first)
    assert second.article.id == "b" and second.relations


@pytest.mark.model
def test_to_batch_uses_store_ids(nlp, kb):
    art = Article(id="b", source="b.txt", body="Hezbollah leader Hassan Nasrallah spoke.",
                  published="2020-01-02")
    (ex,) = extract([art], nlp, kb)
    batch = ex.to_batch()
    assert batch.articles == (art,)
    assert {e.id for e in batch.entities} == {m[1] for m in batch.mentions}
    (rel,) = batch.relations
    assert rel.subject in {e.id for e in batch.entities}
    assert rel.evidence[0].article_id == "b" and rel.evidence[0].date == "2020-01-02"


@pytest.mark.model
def test_passive_agent_patterns_match_once_per_doc(nlp):
    from ingest.rules.patterns import passive_agents

    doc = nlp("The militia, bankrolled by Iran, is led by Qais al-Khazali. The attack was condemned by Iraq.")
    found = {family: [(v.lemma_, a.text) for v, a in pairs] for family, pairs in passive_agents(doc).items()}
    assert found == {"backing": [("bankroll", "Iran")], "leading": [("lead", "Khazali")],
                     "condemning": [("condemn", "Iraq")]}
