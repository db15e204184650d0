"""The one ingest service: a pure per-article stage, one pool for CLI and API, one Failure type."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from api.app import create_app
from api.settings import Settings
from graph.embedded.store import EmbeddedStore
from graph.errors import ActorGraphError
from graph.model import Article
from ingest.errors import ArticlesFailed
from ingest.kb import load_kb
from ingest.kb.reference import ReferenceFileError
from ingest.pipeline import build_pipeline
from ingest.progress import Failure, Progress
from ingest.service import (
    EmptyArticle,
    ExtractionFailed,
    ExtractorPool,
    ModelNotFound,
    extract_article,
    ingest_articles,
)
from tests.ingest.ingest_helpers import few

BODY = ("Qais al-Khazali, the leader of Asaib Ahl al-Haq, met Iraqi Prime Minister Mohammed "
        "Shia al-Sudani in Baghdad on Thursday.")


def article(aid: str, body: str = BODY) -> Article:
    return Article(aid, f"{aid}.txt", body=body, published="2023-03-02")


def test_errors_live_in_the_project_tree() -> None:
    for cls in (ModelNotFound, ExtractionFailed, EmptyArticle, ReferenceFileError, ArticlesFailed):
        assert issubclass(cls, ActorGraphError)
    assert ArticlesFailed.status == 422


def test_missing_model_fails_once_even_with_one_worker() -> None:
    with pytest.raises(ModelNotFound, match="not installed"), ExtractorPool("no_such_model_xyz") as pool:
        list(pool.map([article("a1")]))


def test_a_pool_with_nothing_to_do_loads_nothing() -> None:
    with ExtractorPool("no_such_model_xyz") as pool:
        assert list(pool.map([])) == []


@pytest.mark.model
def test_pure_stage_equals_the_pool_and_empty_articles_are_failures() -> None:
    settings = Settings()
    nlp, kb = build_pipeline(settings.spacy_model), load_kb()
    articles = [article("a1"), article("empty", body="  "),
                article("a2", BODY + " Iran backs Kataib Hezbollah.")]
    with ExtractorPool(settings.spacy_model) as pool:
        pooled = list(pool.map(articles))
    assert isinstance(pooled[1], Failure) and pooled[1].stage == "extract" and pooled[1].article_id == "empty"
    assert "no body text" in pooled[1].reason
    for i in (0, 2):
        assert extract_article(articles[i], nlp, kb).to_json() == pooled[i].to_json()  # type: ignore[union-attr]
    with pytest.raises(EmptyArticle):
        extract_article(articles[1], nlp, kb)


@pytest.mark.model
def test_two_worker_pool_gives_the_same_output_in_order() -> None:
    model = Settings().spacy_model
    from ingest.readers import read_paths

    articles = [a for a in read_paths(few(5)) if isinstance(a, Article)]
    with ExtractorPool(model, workers=1, chunk=2) as one, ExtractorPool(model, workers=2, chunk=2) as two:
        first = [o.to_json() for o in one.map(articles)]  # type: ignore[union-attr]
        second = [o.to_json() for o in two.map(articles)]  # type: ignore[union-attr]
    assert first == second and [r["article"]["id"] for r in first] == [a.id for a in articles]


def test_each_app_keeps_its_own_pool() -> None:
    from api.ingesting import _pool

    one = create_app(Settings(spacy_model="model_a"))
    two = create_app(Settings(spacy_model="model_b", kb_files=("x.yaml",)))
    with one.app_context():
        pool_one = _pool(one.extensions["actorgraph_settings"])
        assert _pool(one.extensions["actorgraph_settings"]) is pool_one
    with two.app_context():
        pool_two = _pool(two.extensions["actorgraph_settings"])
    assert pool_one is not pool_two
    assert (pool_one.model, pool_two.model, pool_two.kb_files) == ("model_a", "model_b", ("x.yaml",))


@pytest.mark.model
def test_service_ingests_articles_and_reports_failures(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "g.db")
    store.ensure_schema()
    progress = Progress(io.StringIO(), tty=False)
    with ExtractorPool(Settings().spacy_model) as pool:
        tally = ingest_articles(store, [article("a1"), article("empty", body=" ")], pool=pool, kb=load_kb(),
                                progress=progress)
    store.close()
    assert tally.new == 1 and tally.entities >= 2
    assert [(f.stage, f.article_id) for f in tally.failures] == [("extract", "empty")]
