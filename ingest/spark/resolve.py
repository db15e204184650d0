"""Stage *resolve* on Spark: group-bys on deterministic keys, links within blocks, clusters on the driver.

1. instances of one entity id -> one entity (`merge_instances`), by a group-by on the id;
2. block keys per entity: (type, normalised name) for exact matches and (type, rare
   token) for fuzzy ones; a token block of `candidate_limit` entities or more is dropped;
3. each entity's neighbours (a self-join on the block keys) -> its link (`links_for`);
   (between 1 and 2, an unknown actor typed differently in two articles takes one type:
   `retypes` on the collected entities, then its instances are rewritten and regrouped);
4. the links (far fewer than entities) are collected; `clustering_from` unites them
   and chooses each canonical id exactly as one process does.

The links are kept as rows (`checkpoint/links`), so every merge can be explained.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ingest.resolve import FuzzyPolicy, Reason
from ingest.resolve.cluster import (
    Clustering,
    Link,
    clustering_from,
    exact_keys,
    links_for,
    merge_group,
    retyped_instance,
    token_keys,
    with_retypes,
)
from ingest.resolve.retype import Retype, retypes
from ingest.spark.rows import entity_from, entity_payload

ENTITY_SCHEMA = "key string, payload string"
BLOCK_SCHEMA = "block string, kind string, key string"
LINK_SCHEMA = "source string, target string, reason string, matched string, score double"


def _merge(frame: Any) -> Any:
    import pandas as pd

    merged = merge_group([entity_from(p) for p in frame["payload"]])
    return pd.DataFrame({"key": [merged.id], "payload": [entity_payload(merged)]})


def _retype(changes: dict[str, Retype]) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """Entity rows of retyped ids rewritten as the entity they become (keyed by its id)."""
    def run(frames: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd

        for frame in frames:
            rows = []
            for key, payload in zip(frame["key"], frame["payload"], strict=True):
                change = changes.get(key)
                if change is not None:
                    payload = entity_payload(retyped_instance(entity_from(payload), change))
                    key = change.entity.id
                rows.append((key, payload))
            yield pd.DataFrame(rows, columns=["key", "payload"])
    return run


def _blocks(policy: FuzzyPolicy) -> Callable[[Iterator[Any]], Iterator[Any]]:
    def run(frames: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd

        for frame in frames:
            rows = []
            for payload in frame["payload"]:
                e = entity_from(payload)
                rows += [(f"{t}\t{n}", "exact", e.id) for t, n in exact_keys(e)]
                rows += [(f"{t}\t{n}", "token", e.id) for t, n in token_keys(e, policy)]
            yield pd.DataFrame(rows, columns=["block", "kind", "key"])
    return run


def _links(kb_ids: frozenset[str], policy: FuzzyPolicy) -> Callable[[Any], Any]:
    """Per source entity: its link; knowledge-base ids come as a small set (the KB itself stays home)."""
    def run(frame: Any) -> Any:
        import pandas as pd

        source = entity_from(frame["source_payload"].iloc[0])
        exact = [entity_from(p) for p, k in zip(frame["payload"], frame["kind"], strict=True) if k == "exact"]
        fuzzy = [entity_from(p) for p, k in zip(frame["payload"], frame["kind"], strict=True) if k == "token"]
        found = links_for(source, _unique(exact), _unique(fuzzy), kb_ids.__contains__, policy)
        return pd.DataFrame([(x.source, x.target, x.reason.value, x.matched, x.score) for x in found],
                            columns=["source", "target", "reason", "matched", "score"])
    return run


def _unique(entities: list[Any]) -> list[Any]:
    return [e for _, e in sorted({e.id: e for e in entities}.items())]


def resolve_facts(spark: Any, facts: Any, policy: FuzzyPolicy, is_kb: Callable[[str], bool],
                  checkpoint: Path) -> Clustering:
    """The run's clustering, computed with Spark group-bys; links and entities kept at `checkpoint`."""
    from pyspark.sql import functions as F

    instances = facts.where(F.col("kind") == "entity").select("key", "payload")
    entities = instances.groupBy("key").applyInPandas(_merge, ENTITY_SCHEMA)
    changes = retypes(entity_from(r["payload"]) for r in entities.collect())
    if changes:
        entities = (instances.mapInPandas(_retype(changes), ENTITY_SCHEMA)
                    .groupBy("key").applyInPandas(_merge, ENTITY_SCHEMA))
    entities.write.mode("overwrite").parquet(str(checkpoint / "entities"))
    entities = spark.read.parquet(str(checkpoint / "entities"))
    merged = {r["key"]: entity_from(r["payload"]) for r in entities.collect()}
    kb_ids = frozenset(i for i in merged if is_kb(i))
    blocks = entities.mapInPandas(_blocks(policy), BLOCK_SCHEMA)
    sizes = blocks.groupBy("block", "kind").count()
    kept = blocks.join(sizes, ["block", "kind"]).where(
        (F.col("kind") == "exact") | (F.col("count") < policy.candidate_limit)).drop("count")
    pairs = (kept.alias("a").join(kept.alias("b"), ["block", "kind"])
             .where(F.col("a.key") != F.col("b.key"))
             .select(F.col("a.key").alias("source"), "kind", F.col("b.key").alias("key")).distinct())
    payloads = entities.select(F.col("key").alias("source"), F.col("payload").alias("source_payload"))
    links = (pairs.join(entities, "key").join(payloads, "source")
             .groupBy("source").applyInPandas(_links(kb_ids, policy), LINK_SCHEMA))
    links.write.mode("overwrite").parquet(str(checkpoint / "links"))
    weights = (facts.where(F.col("kind") == "mention").groupBy("key")
               .agg(F.countDistinct("article_id").alias("n")).collect())
    found = [Link(r["source"], r["target"], Reason(r["reason"]), r["matched"], r["score"])
             for r in spark.read.parquet(str(checkpoint / "links")).collect()]
    weight = {r["key"]: int(r["n"]) for r in weights}
    return with_retypes(clustering_from(merged, found, weight, is_kb), changes)
