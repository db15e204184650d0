"""Load extracted articles into a store in batches: skip what is held, replace what changed.

Each batch is one atomic `store.write`, so a crash or kill between batches leaves
whole articles in the store and a rerun skips exactly those (same content hash).
A changed article is deleted first, then written again: its old evidence goes,
and what it alone supported goes with it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from graph.errors import NotFound, StoreUnavailable
from graph.model import Article, Batch, Evidence, Relation
from graph.store import GraphStore
from ingest.progress import Failure, Progress, Tally
from ingest.resolve import MergeDecision, Resolution, Resolver

log = logging.getLogger(__name__)
T = TypeVar("T")

# Articles in, one single-article Batch (or a Failure naming the article) out, in input order.
Extractor = Callable[[Iterable[Article]], Iterable[Batch | Failure]]


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded retries with exponential backoff for a store that went away."""

    attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 8.0
    sleep: Callable[[float], None] = time.sleep

    def call(self, what: str, fn: Callable[[], T]) -> T:
        """Run `fn`; on StoreUnavailable wait and retry, and after the last attempt re-raise."""
        for attempt in range(1, self.attempts + 1):
            try:
                return fn()
            except StoreUnavailable as exc:
                if attempt == self.attempts:
                    raise StoreUnavailable(f"{what} failed after {attempt} attempts: {exc}") from exc
                delay = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
                log.warning("%s: store unavailable (%s); retry %d/%d in %.1fs",
                            what, exc, attempt, self.attempts - 1, delay)
                self.sleep(delay)
        raise AssertionError("unreachable")


@dataclass(frozen=True)
class Plan:
    """What to do with a group of articles, decided from the hashes the store holds."""

    new: tuple[Article, ...] = ()
    changed: tuple[Article, ...] = ()
    unchanged: tuple[Article, ...] = ()

    @property
    def todo(self) -> tuple[Article, ...]:
        """The articles to extract and write, in input order."""
        return self.new + self.changed


@dataclass(frozen=True)
class LoadResult:
    """One written batch: counts and the resolution decisions behind it."""

    new: int
    updated: int
    entities: int
    relations: int
    evidence: int
    decisions: tuple[MergeDecision, ...] = ()

    @property
    def merges(self) -> int:
        return sum(d.merged for d in self.decisions)


@dataclass
class Loader:
    """Writes batches through the store protocol with hash checks, replacement and retries."""

    store: GraphStore
    resolver: Resolver
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    _seen: dict[str, str] = field(default_factory=dict)  # article id -> hash planned in this run

    def plan(self, articles: Sequence[Article]) -> Plan:
        """Split articles into new, changed and unchanged (also against earlier ones in this run)."""
        latest = {a.id: a for a in articles}  # one id twice in a group: the last version wins
        held = self.retry.call("reading article hashes", lambda: self.store.article_hashes(list(latest)))
        new: list[Article] = []
        changed: list[Article] = []
        unchanged: list[Article] = []
        for article in latest.values():
            before = self._seen.get(article.id, held.get(article.id))
            if before is None:
                new.append(article)
            elif before == article.hash:
                unchanged.append(article)
            else:
                changed.append(article)
            self._seen[article.id] = article.hash
        return Plan(tuple(new), tuple(changed), tuple(unchanged))

    def load(self, batch: Batch, plan: Plan, *, resolved: bool = False) -> LoadResult:
        """Delete the changed articles' old versions, resolve the batch, write it in one transaction.

        `resolved`: the batch already carries resolved ids (a distributed engine resolved the run).
        """
        in_batch = {a.id for a in batch.articles}
        replaced = [a for a in plan.changed if a.id in in_batch]
        for article in replaced:
            self._delete_old(article.id)
        if replaced:
            self.resolver.forget()  # the store lost nodes the run-local index may still hold
        dated = with_evidence_dates(batch)
        decisions: tuple[MergeDecision, ...] = ()
        if resolved:
            out = dated
        else:
            # Resolution reads the store; a retry redoes it (decisions already made are reused).
            resolution = self.retry.call(f"resolving a batch of {len(batch.articles)} articles",
                                         lambda: self.resolve(dated))
            out, decisions = with_settled_attributes(resolution.batch), resolution.decisions
        self.retry.call(f"writing a batch of {len(batch.articles)} articles", lambda: self.store.write(out))
        return LoadResult(
            new=len(in_batch) - len(replaced), updated=len(replaced), entities=len(out.entities),
            relations=len(out.relations), evidence=sum(len(r.evidence) for r in out.relations),
            decisions=decisions)

    def resolve(self, batch: Batch) -> Resolution:
        """Cluster the batch (order-independent), then resolve each cluster against the store and run."""
        from ingest.resolve.cluster import apply_clustering, cluster_batch, member_decisions

        clustering = cluster_batch(batch, self.resolver.is_kb, self.resolver.policy)
        resolution = self.resolver.resolve(apply_clustering(batch, clustering))
        return replace(resolution, decisions=member_decisions(batch, clustering, resolution))

    def _delete_old(self, article_id: str) -> None:
        def delete() -> None:
            try:
                gone = self.store.delete_article(article_id)
            except NotFound:  # a retry after a lost acknowledgement: already gone
                return
            log.info("replacing %s: removed %d evidence, %d relations, %d entities of the old version",
                     article_id, gone.evidence, gone.relations, gone.entities)
        self.retry.call(f"removing the old version of {article_id}", delete)


def with_evidence_dates(batch: Batch) -> Batch:
    """Evidence dated by its article's `published` date and marked with its provenance.

    Stores compute first_seen/last_seen from evidence dates and never fill them
    in themselves, so the writer does it here.
    """
    articles = {a.id: a for a in batch.articles}

    def fix(ev: Evidence) -> Evidence:
        article = articles.get(ev.article_id)
        if article is None:
            return ev
        date = ev.date if ev.date is not None else article.published
        return replace(ev, date=date, provenance=article.provenance)

    def fix_relation(rel: Relation) -> Relation:
        return replace(rel, evidence=tuple(fix(e) for e in rel.evidence))

    return replace(batch, relations=tuple(fix_relation(r) for r in batch.relations))


def _instance_order(rel: Relation) -> tuple[str, str, int]:
    """Newest evidence last: (latest date, then article id and offset of that evidence)."""
    latest = max(rel.evidence, key=lambda e: (e.date or "", e.article_id, e.start), default=None)
    return ("", "", 0) if latest is None else (latest.date or "", latest.article_id, latest.start)


def settle_attributes(relations: Iterable[Relation]) -> dict[str, dict[str, Any]]:
    """Relation id -> its attributes merged so the newest evidence wins, whatever the input order."""
    by_id: dict[str, list[Relation]] = {}
    for rel in relations:
        by_id.setdefault(rel.id, []).append(rel)
    settled: dict[str, dict[str, Any]] = {}
    for rid, group in by_id.items():
        merged: dict[str, Any] = {}
        for rel in sorted(group, key=_instance_order):
            merged.update(rel.attrs)
        settled[rid] = merged
    return settled


def with_settled_attributes(batch: Batch, settled: dict[str, dict[str, Any]] | None = None) -> Batch:
    """Every instance of a relation carries the same settled attributes (order-independent writes)."""
    settled = settle_attributes(batch.relations) if settled is None else settled
    relations = tuple(replace(r, attrs=settled.get(r.id, r.attrs)) for r in batch.relations)
    return replace(batch, relations=relations)


def combine(batches: Iterable[Batch]) -> Batch:
    """One batch holding several (entities of one id are merged by the store in order)."""
    parts = list(batches)
    return Batch(
        articles=tuple(a for b in parts for a in b.articles),
        entities=tuple(e for b in parts for e in b.entities),
        relations=tuple(r for b in parts for r in b.relations),
        mentions=tuple(m for b in parts for m in b.mentions),
    )


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive groups of at most `size` items."""
    group: list[T] = []
    for item in items:
        group.append(item)
        if len(group) >= size:
            yield group
            group = []
    if group:
        yield group


def run_ingest(items: Iterable[Any], loader: Loader, extract: Extractor, progress: Progress,
               batch_size: int = 200, on_batch: Callable[[LoadResult], None] | None = None) -> Tally:
    """Read -> plan (skip unchanged) -> extract -> resolve -> load, batch by batch.

    `items` are Articles or read errors (anything with `source` and `reason`).
    Extraction streams across batches (so worker processes stay busy), and only
    articles the store does not already hold in this version are extracted.
    """
    changed: set[str] = set()

    def todo() -> Iterator[Article]:
        for group in chunked(items, batch_size):
            articles = [item for item in group if isinstance(item, Article)]
            for item in group:
                if not isinstance(item, Article):
                    progress.fail(Failure(item.source, "read", item.reason))
            progress.read(len(articles))
            plan = loader.plan(articles)
            progress.unchanged(len(plan.unchanged))
            changed.update(a.id for a in plan.changed)
            yield from plan.todo

    for group in chunked(extract(todo()), batch_size):
        batches = [out for out in group if isinstance(out, Batch)]
        for out in group:
            if isinstance(out, Failure):
                progress.fail(out)
        if batches:
            batch = combine(batches)
            plan = Plan(changed=tuple(a for a in batch.articles if a.id in changed))
            _report(progress, loader.load(batch, plan), on_batch)
    return progress.tally


def load_batch(batch: Batch, loader: Loader, progress: Progress) -> None:
    """Load one ready-made batch (e.g. a reference file) unless the store holds it unchanged."""
    plan = loader.plan(batch.articles)
    progress.unchanged(len(plan.unchanged))
    todo = {a.id for a in plan.todo}
    if todo:
        kept = replace(batch, articles=tuple(a for a in batch.articles if a.id in todo))
        _report(progress, loader.load(kept, plan), None)


def _report(progress: Progress, result: LoadResult, on_batch: Callable[[LoadResult], None] | None) -> None:
    progress.batch_done(new=result.new, updated=result.updated, entities=result.entities,
                        relations=result.relations, evidence=result.evidence, merges=result.merges)
    if on_batch is not None:
        on_batch(result)
