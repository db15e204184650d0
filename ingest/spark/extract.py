"""Stage *extract* on Spark: articles in, flat fact rows out, checkpointed to Parquet.

The function shipped to executors closes over two strings (model, knowledge-base
files) and nothing else; each Python worker builds the pipeline and knowledge
base once (`ingest.extract_pool.worker_state`) and keeps them for every later
partition, so nothing large is ever pickled or broadcast.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from graph.model import Article
from ingest.spark.rows import (
    ARTICLE_SCHEMA,
    FACT_SCHEMA,
    article_from,
    article_row,
    columns,
    fact_rows,
    failure_row,
)

Config = tuple[str, tuple[str, ...]]  # (spaCy model, knowledge-base files)


def extract_frames(config: Config, chunk: int = 8) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """The mapInPandas function: article frames -> fact frames, through the one extraction chunk."""
    def run(frames: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd

        from ingest.extract_pool import chunks, run_chunk
        from ingest.progress import Failure

        for frame in frames:
            articles = [article_from(p) for p in frame["payload"]]
            seqs = dict(zip((a.id for a in articles), (int(s) for s in frame["seq"]), strict=True))
            rows: list[dict[str, Any]] = []
            for part in chunks(articles, chunk):
                for article, out in zip(part, run_chunk(config, part), strict=True):
                    seq = seqs[article.id]
                    if isinstance(out, Failure):
                        rows.append(failure_row(seq, article, out.stage, out.reason))
                    else:
                        rows.extend(fact_rows(seq, out.to_batch()))
            yield pd.DataFrame(columns(rows), columns=list(columns(rows)))
    return run


def manifest(articles: Sequence[Article], config: Config) -> dict[str, Any]:
    """What a checkpoint was made from: the pipeline and each article's id and content hash."""
    return {"model": config[0], "kb_files": list(config[1]), "articles": [[a.id, a.hash] for a in articles]}


def reusable(mark: Path, articles: Sequence[Article], config: Config) -> bool:
    """Whether the checkpoint holds the facts of every article (same version, same pipeline)."""
    if not mark.exists():
        return False
    held = json.loads(mark.read_text(encoding="utf-8"))
    want = manifest(articles, config)
    have = {tuple(x) for x in held.get("articles", ())}
    return held.get("model") == want["model"] and held.get("kb_files") == want["kb_files"] and all(
        tuple(x) in have for x in want["articles"])


def extract_to_parquet(spark: Any, articles: Sequence[Article], config: Config, checkpoint: Path,
                       partitions: int | None = None) -> Any:
    """Fact rows at `checkpoint/facts`, extracted unless an earlier run of this input left them there.

    A resumed run (after a kill) finds its facts, so it re-parses nothing and
    resolves over the same rows as the first attempt.
    """
    facts, mark = checkpoint / "facts", checkpoint / "manifest.json"
    if not reusable(mark, articles, config):
        mark.unlink(missing_ok=True)
        rows = [article_row(seq, a) for seq, a in enumerate(articles)]
        n = partitions or max(1, spark.sparkContext.defaultParallelism * 2)
        frame = spark.createDataFrame(rows, ARTICLE_SCHEMA).repartition(n, "id")
        out = frame.mapInPandas(extract_frames(config), FACT_SCHEMA)
        out.write.mode("overwrite").partitionBy("kind").parquet(str(facts))
        mark.write_text(json.dumps(manifest(articles, config)), encoding="utf-8")
    return spark.read.parquet(str(facts))
