"""`actorgraph ingest --engine spark`: read on the driver, extract and resolve on Spark, load with one writer.

The load goes through the same `Loader` as one process (plan by content hash,
replace changed articles, batched atomic writes, retries), with ids resolved
once for the whole run, so the graph equals the one-process ingest of the same
input. A re-run (or a run resumed after a kill) skips what the store holds and,
with the same `--checkpoint`, re-parses nothing.
"""

from __future__ import annotations

import json
import logging
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from graph.errors import InvalidArgument
from graph.model import Article, Batch, Entity
from graph.store import GraphStore
from ingest.kb import KnowledgeBase
from ingest.load import (
    Loader,
    Plan,
    chunked,
    combine,
    settle_attributes,
    with_evidence_dates,
    with_settled_attributes,
)
from ingest.progress import Failure, Progress, Tally
from ingest.resolve.cluster import Clustering, member_decisions
from ingest.service import IngestOptions, load_references, make_loader
from ingest.spark.rows import batch_from

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SparkOptions:
    """Where Spark runs and where the flat rows are kept between stages."""

    master: str = "local[*]"
    checkpoint: Path | None = None  # default: a temporary folder, removed after the run
    partitions: int | None = None  # article partitions; default 2 x the session's parallelism


@dataclass(frozen=True)
class Resolved:
    """The run's ids: every extracted entity id -> its final id, and the entity written under each."""

    final: dict[str, str]
    entities: dict[str, Entity]
    merges: int


def plan_run(items: Iterable[Any], loader: Loader, progress: Progress,
             batch_size: int) -> tuple[list[Article], set[str]]:
    """Stage *read* + plan: the articles to extract (new or changed) and the ids of the changed ones."""
    todo: list[Article] = []
    changed: set[str] = set()
    for group in chunked(items, batch_size):
        articles = [item for item in group if isinstance(item, Article)]
        for item in group:
            if not isinstance(item, Article):
                progress.fail(Failure(item.source, "read", item.reason))
        progress.read(len(articles))
        plan = loader.plan(articles)
        progress.unchanged(len(plan.unchanged))
        changed.update(a.id for a in plan.changed)
        todo.extend(plan.todo)
    return todo, changed


def resolve_run(loader: Loader, clustering: Clustering) -> Resolved:
    """Resolve every cluster against the store in one pass, in the order one process uses."""
    everything = Batch(entities=tuple(clustering.entities[i] for i in sorted(clustering.entities)))
    resolution = loader.retry.call("resolving the run", lambda: loader.resolver.resolve(everything))
    by_canonical = {d.incoming_id: d.resolved_id for d in resolution.decisions}
    final = {m: by_canonical[c] for m, c in clustering.mapping.items()}
    members = Batch(entities=tuple(Entity(m, m, clustering.entities[c].type)
                                   for m, c in sorted(clustering.mapping.items())))
    merges = sum(d.merged for d in member_decisions(members, clustering, resolution))
    return Resolved(final, {e.id: e for e in resolution.batch.entities}, merges)


def rewrite(batch: Batch, resolved: Resolved) -> Batch:
    """One article's batch on its final ids (relations that collapse onto one actor dropped)."""
    final = resolved.final
    ids = dict.fromkeys(final.get(e.id, e.id) for e in batch.entities)
    relations = tuple(r for r in (replace(r, subject=final.get(r.subject, r.subject),
                                          object=final.get(r.object, r.object)) for r in batch.relations)
                      if r.subject != r.object)
    return replace(batch, entities=tuple(resolved.entities[i] for i in sorted(ids)), relations=relations,
                   mentions=tuple(dict.fromkeys((a, final.get(e, e)) for a, e in batch.mentions)))


def settle_run(batches: Iterable[Batch], resolved: Resolved) -> dict[str, dict[str, Any]]:
    """Each relation's attributes settled over the whole run (newest evidence wins), as one process does."""
    return settle_attributes(r for b in batches for r in with_evidence_dates(rewrite(b, resolved)).relations)


def load_run(batches: Iterable[Batch], loader: Loader, resolved: Resolved, settled: dict[str, dict[str, Any]],
             changed: set[str], progress: Progress, batch_size: int) -> None:
    """Stage *load*: batches in input order through the one writer, ids already resolved."""
    for group in chunked(batches, batch_size):
        batch = with_settled_attributes(combine(rewrite(b, resolved) for b in group), settled)
        batch = replace(batch, entities=tuple({e.id: e for e in batch.entities}.values()))
        plan = Plan(changed=tuple(a for a in batch.articles if a.id in changed))
        result = loader.load(batch, plan, resolved=True)
        progress.batch_done(new=result.new, updated=result.updated, entities=result.entities,
                            relations=result.relations, evidence=result.evidence, merges=0)


def article_batches(facts: Any, wanted: set[str] | None = None) -> Iterator[Batch]:
    """Each (wanted) article's Batch from the fact rows, in input order (streamed to the driver)."""
    from pyspark.sql import functions as F

    rows = facts.where(F.col("kind") != "failure")
    if wanted is not None:
        rows = rows.where(F.col("article_id").isin(sorted(wanted)))
    rows = rows.orderBy("seq", "kind", "key").toLocalIterator()
    current: list[Mapping[str, Any]] = []
    for row in rows:
        if current and row["article_id"] != current[0]["article_id"]:
            yield batch_from(current)
            current = []
        current.append(row.asDict())
    if current:
        yield batch_from(current)


def spark_ingest(store: GraphStore, paths: list[str], references: Iterable[str], *, model: str,
                 kb_files: tuple[str, ...], kb: KnowledgeBase, progress: Progress,
                 options: IngestOptions | None = None, spark_options: SparkOptions | None = None,
                 spark: Any = None, read: Callable[[list[str]], Iterable[Any]] | None = None) -> Tally:
    """The whole run on Spark: references, read + plan, extract, resolve, load."""
    from ingest.readers import read_paths

    options, spark_options = options or IngestOptions(), spark_options or SparkOptions()
    loader = make_loader(store, kb, options.retries)
    load_references(loader, references, kb, progress)
    todo, changed = plan_run((read or read_paths)(paths), loader, progress, options.batch_size)
    if not todo:
        return progress.tally
    if spark_options.checkpoint is not None:
        _run(spark, todo, changed, loader, progress, options, spark_options, spark_options.checkpoint,
             (model, kb_files))
    else:
        with tempfile.TemporaryDirectory(prefix="actorgraph-spark-") as tmp:
            _run(spark, todo, changed, loader, progress, options, spark_options, Path(tmp), (model, kb_files))
    return progress.tally


def _run(spark: Any, todo: list[Article], changed: set[str], loader: Loader, progress: Progress,
         options: IngestOptions, spark_options: SparkOptions, checkpoint: Path,
         config: tuple[str, tuple[str, ...]]) -> None:
    from ingest.extract_pool import check_model
    from ingest.spark.extract import extract_to_parquet
    from ingest.spark.resolve import resolve_facts
    from ingest.spark.session import spark_session

    check_model(config[0])
    session = spark or spark_session(spark_options.master)
    facts = extract_to_parquet(session, todo, config, checkpoint, spark_options.partitions)
    wanted = {a.id for a in todo}
    for row in facts.where("kind = 'failure'").orderBy("seq").collect():
        if row["article_id"] in wanted:
            progress.fail(Failure(row["key"], row["etype"], row["payload"], row["article_id"]))
    clustering = resolve_facts(session, facts, loader.resolver.policy, loader.resolver.is_kb, checkpoint)
    resolved = resolve_run(loader, clustering)
    progress.tally.merges += resolved.merges
    (checkpoint / "decisions.json").write_text(json.dumps(
        {m: f for m, f in sorted(resolved.final.items()) if m != f}, indent=1), encoding="utf-8")
    settled = settle_run(article_batches(facts), resolved)  # over every fact row, as a first full run
    load_run(article_batches(facts, wanted), loader, resolved, settled, changed, progress, options.batch_size)


def spark_watch(store: GraphStore, folder: Path, *, model: str, kb_files: tuple[str, ...], kb: KnowledgeBase,
                progress: Progress, options: IngestOptions | None = None,
                spark_options: SparkOptions | None = None, spark: Any = None, interval: float = 10.0,
                available_now: bool = False) -> Any:
    """Follow `folder` with Structured Streaming; each micro-batch is one Spark ingest. Returns the query."""
    from ingest.readers import read_paths
    from ingest.spark.session import spark_session
    from ingest.spark.stream import start_stream

    spark_options = spark_options or SparkOptions()
    if spark_options.checkpoint is None:
        raise InvalidArgument("--watch with --engine spark needs --checkpoint DIR (the stream's progress "
                              "is kept there)")
    session = spark or spark_session(spark_options.master)
    facts = replace(spark_options, checkpoint=spark_options.checkpoint / "micro-batch")

    def handle(paths: list[str]) -> None:
        spark_ingest(store, paths, [], model=model, kb_files=kb_files, kb=kb, progress=progress,
                     options=options, spark_options=facts, spark=session, read=read_paths)

    return start_stream(session, folder, spark_options.checkpoint, handle, interval=interval,
                        available_now=available_now)
