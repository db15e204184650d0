"""`--engine spark` gives the one-process graph: sample corpus, 2,000 generated articles, a kill mid-load."""

from __future__ import annotations

import io
import random
import shutil
import signal
from pathlib import Path
from typing import Any

import pytest

from api.export.source import Scope, whole_graph
from api.settings import Settings
from graph.embedded.store import EmbeddedStore
from graph.model import Article
from graph.store import GraphStore
from ingest.kb import load_kb
from ingest.progress import Progress, Tally
from ingest.readers import read_paths
from ingest.service import ExtractorPool, IngestOptions, ingest_articles
from ingest.spark.engine import SparkOptions, spark_ingest
from tests.ingest.ingest_helpers import CORPUS, run, spawn
from tests.spark.corpus import generated_articles

pytestmark = pytest.mark.model
BIG = 2000


def graph_of(store: GraphStore) -> dict[str, Any]:
    """Everything a reader can see: counts, nodes with names, edges with attributes and evidence."""
    sub = whole_graph(store, Scope(limit=2000))
    edges = {}
    for r in sub.edges:
        evidence = sorted((e.article_id, e.start, e.end, e.sentence, e.date, e.confidence)
                          for e in store.evidence(r.id, limit=500))
        edges[r.id] = (r.subject, r.predicate.value, r.object, sorted(r.attrs.items()), r.confidence,
                       r.first_seen, r.last_seen, r.evidence_count, evidence)
    nodes = {e.id: (e.name, e.type.value, sorted(e.aliases)) for e in sub.nodes}
    return {"counts": store.counts(), "nodes": nodes, "edges": edges}


def embedded(path: Path) -> EmbeddedStore:
    store = EmbeddedStore(path)
    store.ensure_schema()
    return store


def one_process(store: GraphStore, articles: list[Article]) -> Tally:
    """The single-process ingest of `articles` as one resolution batch."""
    with ExtractorPool(Settings().spacy_model) as pool:
        return ingest_articles(store, articles, pool=pool, kb=load_kb(),
                               progress=Progress(io.StringIO(), tty=False),
                               options=IngestOptions(batch_size=100_000))


def on_spark(spark: Any, store: GraphStore, articles: list[Article], checkpoint: Path,
             batch_size: int = 200) -> Tally:
    return spark_ingest(store, [], [], model=Settings().spacy_model, kb_files=(), kb=load_kb(),
                        progress=Progress(io.StringIO(), tty=False),
                        options=IngestOptions(batch_size=batch_size),
                        spark_options=SparkOptions(checkpoint=checkpoint, partitions=4), spark=spark,
                        read=lambda _: articles)


def sample_articles() -> list[Article]:
    return [a for a in read_paths([str(CORPUS)]) if isinstance(a, Article)]


@pytest.fixture(scope="module")
def sample_graph(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    store = embedded(tmp_path_factory.mktemp("one") / "graph.db")
    one_process(store, sample_articles())
    graph = graph_of(store)
    store.close()
    return graph


@pytest.fixture(scope="module")
def sample_checkpoint(spark: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The sample corpus ingested on Spark: its checkpoint folder and the graph it made."""
    folder = tmp_path_factory.mktemp("spark-sample")
    store = embedded(folder / "graph.db")
    tally = on_spark(spark, store, sample_articles(), folder / "ck", batch_size=10)
    assert tally.new == len(sample_articles()) and not tally.failures
    graph = graph_of(store)
    store.close()
    return folder / "ck", graph


def test_sample_corpus_gives_the_one_process_graph(sample_checkpoint: tuple[Path, dict[str, Any]],
                                                   sample_graph: dict[str, Any]) -> None:
    checkpoint, graph = sample_checkpoint
    assert graph == sample_graph
    assert (checkpoint / "facts" / "kind=relation").is_dir() and (checkpoint / "links").is_dir()


def test_rerun_changes_nothing_and_reparses_nothing(spark: Any, tmp_path: Path,
                                                    sample_checkpoint: tuple[Path, dict[str, Any]]) -> None:
    checkpoint, graph = sample_checkpoint
    store = embedded(tmp_path / "graph.db")
    copy = shutil.copytree(checkpoint, tmp_path / "ck")
    manifest = (copy / "manifest.json").stat().st_mtime_ns
    on_spark(spark, store, sample_articles(), copy)
    again = on_spark(spark, store, sample_articles(), copy)
    assert again.unchanged == len(sample_articles()) and again.new == 0
    assert (copy / "manifest.json").stat().st_mtime_ns == manifest  # the facts were reused, not re-made
    assert graph_of(store) == graph
    store.close()


@pytest.fixture(scope="module")
def big(spark: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """2,000 generated articles: one process on a shuffled order, Spark on the original order."""
    articles = generated_articles(BIG)
    shuffled = articles[:]
    random.Random(3).shuffle(shuffled)
    folder = tmp_path_factory.mktemp("big")
    one = embedded(folder / "one.db")
    one_process(one, shuffled)
    two = embedded(folder / "spark.db")
    tally = on_spark(spark, two, articles, folder / "ck", batch_size=500)
    result = {"one": graph_of(one), "spark": graph_of(two), "tally": tally, "checkpoint": folder / "ck",
              "articles": articles}
    one.close()
    two.close()
    return result


def test_generated_corpus_in_another_order_gives_the_same_graph(big: dict[str, Any]) -> None:
    assert big["tally"].new == BIG and big["tally"].merges > 0  # near-duplicates were merged
    assert big["spark"] == big["one"]
    assert len(big["one"]["nodes"]) > 30


def test_generated_corpus_on_neo4j_gives_the_same_graph(spark: Any, big: dict[str, Any],
                                                        neo4j_driver: Any) -> None:
    from tests.queries.stores import neo4j

    store = neo4j(neo4j_driver)
    store.ensure_schema()
    on_spark(spark, store, big["articles"], big["checkpoint"], batch_size=500)
    assert graph_of(store) == big["one"]


def test_a_run_killed_mid_load_and_rerun_leaves_no_duplicates(
        sample_checkpoint: tuple[Path, dict[str, Any]], sample_graph: dict[str, Any], tmp_path: Path) -> None:
    checkpoint = shutil.copytree(sample_checkpoint[0], tmp_path / "ck")
    url = f"embedded://{tmp_path / 'graph.db'}"
    args = ["ingest", str(CORPUS), "--engine", "spark", "--master", "local[1]", "--checkpoint",
            str(checkpoint), "--batch-size", "5", "--store", url]
    with spawn(*args) as proc:
        try:
            for line in proc.stderr:  # type: ignore[union-attr]
                if "batch 2:" in line:
                    proc.send_signal(signal.SIGKILL)
                    break
            proc.wait(120)
        finally:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    store = embedded(tmp_path / "graph.db")
    assert 0 < store.counts().articles < len(sample_articles())
    store.close()
    again = run(*args, timeout=900)
    assert again.returncode == 0, again.stderr
    store = embedded(tmp_path / "graph.db")
    assert graph_of(store) == sample_graph
    store.close()
