"""Spark ingest benchmark: extraction articles/s, one process vs local[1] vs local[2]; load relations/s.

    python bench/spark.py [--copies 4] [--skip-neo4j]

The corpus is examples/articles repeated `--copies` times under distinct ids, the
same list for every engine in the same run. Extraction is timed after each
engine has its pipeline loaded (a warm-up pass), so the figures compare steady
throughput: Spark's per-article overhead at one core, and its scaling to two.
The load stage is timed separately: the run's resolved batches written through
the store protocol into the test Neo4j (NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD, else
the local test server is started) and into the embedded store.
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api.settings import Settings  # noqa: E402
from graph.embedded.store import EmbeddedStore  # noqa: E402
from graph.model import Article  # noqa: E402
from graph.store import GraphStore  # noqa: E402
from ingest.kb import load_kb  # noqa: E402
from ingest.progress import Progress  # noqa: E402
from ingest.readers import read_paths  # noqa: E402
from ingest.service import ExtractorPool, IngestOptions  # noqa: E402


def corpus(copies: int) -> list[Article]:
    """The sample articles, `copies` times over, each copy with its own ids."""
    articles = [a for a in read_paths([str(ROOT / "examples" / "articles")]) if isinstance(a, Article)]
    return [a if c == 0 else replace(a, id=f"{a.id}~copy{c}") for c in range(copies) for a in articles]


def one_process(articles: list[Article]) -> float:
    """Articles/s of the one-process extractor (pipeline loaded before the clock starts)."""
    with ExtractorPool(Settings().spacy_model) as pool:
        list(pool.map(articles[:4]))
        start = time.perf_counter()
        out = list(pool.map(articles))
    assert len(out) == len(articles)
    return len(articles) / (time.perf_counter() - start)


def on_spark(master: str, articles: list[Article], folder: Path) -> float:
    """Articles/s of Spark's extract stage (mapInPandas to Parquet) after a warm-up pass; facts kept."""
    from ingest.spark.extract import extract_to_parquet
    from ingest.spark.session import spark_session

    spark = spark_session(master, "actorgraph-bench")
    spark.sparkContext.setLogLevel("ERROR")
    config = (Settings().spacy_model, ())
    cores = int(master[len("local["):-1])
    try:
        extract_to_parquet(spark, articles[: 4 * cores], config, folder / "warm", partitions=cores)
        start = time.perf_counter()
        facts = extract_to_parquet(spark, articles, config, folder, partitions=cores * 2)
        elapsed = time.perf_counter() - start
        assert facts.where("kind = 'article'").count() == len(articles)
    finally:
        spark.stop()
    return len(articles) / elapsed


def load_rate(store: GraphStore, articles: list[Article], facts: Path) -> tuple[float, int]:
    """Relations/s of resolve + load (spark_ingest over ready facts, so no extraction is timed)."""
    from ingest.spark.engine import SparkOptions, spark_ingest
    from ingest.spark.session import spark_session

    spark = spark_session("local[2]", "actorgraph-bench")
    spark.sparkContext.setLogLevel("ERROR")
    common: dict[str, Any] = {"model": Settings().spacy_model, "kb_files": (), "kb": load_kb(),
                              "spark": spark, "spark_options": SparkOptions(checkpoint=facts),
                              "read": lambda _: articles, "options": IngestOptions(batch_size=500)}
    try:
        store.ensure_schema()
        start = time.perf_counter()
        tally = spark_ingest(store, [], [], progress=Progress(io.StringIO(), tty=False), **common)
        elapsed = time.perf_counter() - start
    finally:
        spark.stop()
    assert tally.new == len(articles), "the facts were not reused"
    return tally.relations / elapsed, tally.relations


def neo4j_store() -> tuple[GraphStore, Callable[[], None]]:
    from neo4j import GraphDatabase

    from graph.neo4j.store import Neo4jStore
    from tests.neo4j_server import Neo4jServer, settings_from_env

    settings = settings_from_env()
    stop: Callable[[], None] = lambda: None  # noqa: E731
    if settings is None:
        server = Neo4jServer(Path(tempfile.mkdtemp(prefix="bench-neo4j-")) / "data")
        settings = server.start()
        stop = server.stop
    driver = GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password))
    driver.execute_query("MATCH (n) DETACH DELETE n")

    def close() -> None:
        driver.close()
        stop()
    return Neo4jStore(driver), close


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=4, help="copies of the sample corpus (default 4)")
    parser.add_argument("--skip-neo4j", action="store_true", help="embedded store only")
    args = parser.parse_args(argv)
    articles = corpus(args.copies)
    print(f"== extraction: {len(articles)} articles (examples/articles x {args.copies})")
    single = one_process(articles)
    print(f"  one process   {single:7.1f} articles/s")
    work = Path(tempfile.mkdtemp(prefix="bench-spark-"))
    rates = {m: on_spark(m, articles, work / m[len("local["):-1]) for m in ("local[1]", "local[2]")}
    for master, rate in rates.items():
        print(f"  {master:<13} {rate:7.1f} articles/s")
    print(f"  local[1] / one process: {rates['local[1]'] / single:.2f} (target >= 0.8)")
    print(f"  local[2] / local[1]:    {rates['local[2]'] / rates['local[1]']:.2f} (target >= 1.7)")
    print("== resolve + load (facts ready: Spark group-bys, then one writer through the store protocol)")
    embedded = EmbeddedStore(Path(tempfile.mkdtemp(prefix="bench-embedded-")) / "graph.db")
    rate, n = load_rate(embedded, articles, work / "2")
    embedded.close()
    print(f"  embedded      {rate:7.1f} relations/s ({n} relations)")
    if not args.skip_neo4j:
        store, close = neo4j_store()
        try:
            rate, n = load_rate(store, articles, work / "2")
        finally:
            store.close()
            close()
        print(f"  neo4j         {rate:7.1f} relations/s ({n} relations)")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
