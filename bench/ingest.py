"""Ingest benchmark: end-to-end rate, load stage against a bare-driver baseline, and scaling.

    .venv/bin/python bench/ingest.py [--copies 4] [--workers 1] [--load-articles 2000]
                                     [--sizes 1000,10000,100000] [--skip-neo4j] [--skip-e2e]

1. End to end (read -> extract -> resolve -> load) over copies of examples/articles
   (distinct ids), into the embedded store and Neo4j: articles per second.
2. The load stage alone (hash check + `store.write`, what `Loader` does per batch)
   against a bare-driver baseline writing the same rows (`UNWIND ... MERGE` on the
   same constraints, bench/cypher/baseline_*.cypher) in the same run; ratio =
   baseline time / our time (target >= 0.7).
3. Scaling: synthetic articles' worth of relations (10^3 .. 10^5 articles) loaded
   into a fresh store; total time and cost per relation should stay flat.

Neo4j: NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD, else the local test server is started.
The database is wiped between runs: do not point this at data you want to keep.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from neo4j import Driver, GraphDatabase  # noqa: E402

from api.settings import Settings  # noqa: E402
from graph.cypher_loader import load as cypher  # noqa: E402
from graph.embedded_store import EmbeddedStore  # noqa: E402

# The store's own row builders, so the baseline writes exactly the rows the store writes.
from graph.fold import fold as plan  # noqa: E402
from graph.model import (  # noqa: E402
    Article,
    Batch,
    Entity,
    EntityType,
    Evidence,
    Predicate,
    Relation,
    entity_id,
)
from graph.neo4j_write import _article_row, _entity_row, _evidence_row, _relation_row, evidence_by_id  # noqa: E402
from graph.store import GraphStore  # noqa: E402
from ingest.load import Loader, RetryPolicy, chunked, run_ingest, with_evidence_dates  # noqa: E402
from ingest.progress import Progress  # noqa: E402
from ingest.resolve import Resolver  # noqa: E402

BENCH_CYPHER = Path(__file__).resolve().parent / "cypher"
BATCH = 1000
RELS_PER_ARTICLE = 4


# -- synthetic articles -------------------------------------------------------------------

def synthetic(n: int, seed: int = 7, pool_size: int = 2000, prefix: str = "syn") -> Iterator[Batch]:
    """One batch per article: 3 known actors from a pool, 2 new ones, 4 relations with evidence."""
    rng = random.Random(seed)
    types = [EntityType.PERSON, EntityType.ARMED_GROUP, EntityType.POLITICAL_PARTY, EntityType.STATE_BODY]
    pool = [_actor(f"Known Actor {i:05d}", types[i % 4]) for i in range(pool_size)]
    predicates = list(Predicate)
    for i in range(n):
        published = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        art = Article(f"{prefix}-{i:07d}", f"synthetic/{i}", body=f"synthetic article {i}",
                      published=published)
        ents = rng.sample(pool, 3) + [_actor(f"New Actor {prefix} {i:07d} {k}", types[(i + j) % 4])
                                     for j, k in enumerate("AB")]
        rels = []
        for r in range(RELS_PER_ARTICLE):
            s, o = rng.sample(ents, 2)
            sentence = f"{s.name} and {o.name}, sentence {r} of article {i}."
            ev = Evidence(art.id, sentence, r * 100, r * 100 + len(sentence), confidence=0.8)
            rels.append(Relation(s.id, rng.choice(predicates), o.id, evidence=(ev,), confidence=0.8))
        yield Batch((art,), tuple(ents), tuple(rels), tuple((art.id, e.id) for e in ents))


def _actor(name: str, etype: EntityType) -> Entity:
    return Entity(entity_id(etype, name), name, etype)


def synthetic_batches(n: int, size: int = BATCH, seed: int = 7, prefix: str = "syn") -> list[Batch]:
    """Synthetic articles grouped into write batches (built before timing starts)."""
    from ingest.load import combine

    return [with_evidence_dates(combine(group)) for group in chunked(synthetic(n, seed, prefix=prefix), size)]


# -- stores ------------------------------------------------------------------------------

class Neo4jTarget:
    """The Neo4j under test: a driver, a store over it, and the baseline writer."""

    def __init__(self, driver: Driver, database: str = "neo4j") -> None:
        from graph.neo4j_store import Neo4jStore

        self.driver, self.database = driver, database
        self.store = Neo4jStore(driver, database)

    def wipe(self) -> None:
        with self.driver.session(database=self.database) as session:
            session.run(cypher("wipe", BENCH_CYPHER)).consume()
        self.store.ensure_schema()

    def reset(self, seed: list[dict[str, list[dict[str, Any]]]]) -> None:
        """Empty, then the same seed data, then no cached plans: both sides plan on equal terms.

        A plan compiled on an empty database can be hundreds of times slower once
        data arrives, and which path happened to compile first must not decide.
        """
        self.wipe()
        for rows in seed:
            self.baseline_write(rows)
        self.driver.execute_query(cypher("clear_caches", BENCH_CYPHER), database_=self.database)

    def baseline_write(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        def work(tx: Any) -> None:
            for name in ("articles", "entities", "mentions", "relations", "evidence"):
                if rows[name]:
                    tx.run(cypher(f"baseline_{name}", BENCH_CYPHER), rows=rows[name]).consume()
        with self.driver.session(database=self.database) as session:
            session.execute_write(work)


def baseline_rows(batch: Batch) -> dict[str, list[dict[str, Any]]]:
    """The rows the store would write for a batch (no merging with stored versions)."""
    p = plan(batch)
    return {
        "articles": [_article_row(a) for a in p.articles.values()],
        "entities": [_entity_row(items[-1]) for items in p.entities.values()],
        "mentions": [{"article": a, "entity": e} for a, e in sorted(p.mentions)],
        "relations": [_relation_row(rid, r) for rid, r in p.relations.items()],
        "evidence": [_evidence_row(eid, rid, item)
                     for eid, (rid, item) in evidence_by_id(p.evidence).items()],
    }


def start_neo4j() -> tuple[Driver, Callable[[], None]]:
    """A driver to NEO4J_URI, or to a local test server started for the run."""
    from tests.neo4j_server import Neo4jServer, settings_from_env

    settings = settings_from_env()
    stop: Callable[[], None] = lambda: None  # noqa: E731
    if settings is None:
        server = Neo4jServer(Path(tempfile.mkdtemp(prefix="bench-neo4j-")) / "data")
        settings = server.start()
        stop = server.stop
    driver = GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password))
    return driver, stop


def fresh_embedded() -> EmbeddedStore:
    store = EmbeddedStore(Path(tempfile.mkdtemp(prefix="bench-embedded-")) / "graph.db")
    store.ensure_schema()
    return store


# -- measurements ------------------------------------------------------------------------

def load_stage(store: GraphStore, batches: list[Batch]) -> float:
    """Seconds to load pre-resolved batches the way Loader does: hash check, then one write each."""
    loader = Loader(store, Resolver(store), RetryPolicy(attempts=1))
    start = time.perf_counter()
    for batch in batches:
        loader.plan(batch.articles)
        store.write(batch)
    return time.perf_counter() - start


def resolve_stage(batches: list[Batch]) -> float:
    """Seconds to resolve the batches against a fresh embedded store (writing each, untimed)."""
    store = fresh_embedded()
    resolver = Resolver(store)
    spent = 0.0
    for batch in batches:
        start = time.perf_counter()
        out = resolver.resolve(batch).batch
        spent += time.perf_counter() - start
        store.write(out)
    store.close()
    return spent


def corpus(copies: int) -> list[Article]:
    """The sample corpus read once, then repeated under distinct ids."""
    from ingest.readers import read_paths

    articles = [a for a in read_paths([str(ROOT / "examples" / "articles")]) if isinstance(a, Article)]
    return [a if c == 0 else replace(a, id=f"{a.id}~copy{c}") for c in range(copies) for a in articles]


def end_to_end(store: GraphStore, articles: list[Article], workers: int) -> float:
    """Articles per second through read-free ingest (extract -> resolve -> load)."""
    from ingest.kb import load_kb
    from ingest.service import ExtractorPool, article_extractor

    settings = Settings()
    kb = load_kb(settings.kb_files)
    pool = ExtractorPool(settings.spacy_model, tuple(settings.kb_files), workers)
    extract = article_extractor(pool)
    loader = Loader(store, Resolver(store, is_kb=lambda i: kb.by_id(i) is not None))
    list(extract(articles[:2]))  # the model loads outside the timing (workers load it again)
    start = time.perf_counter()
    tally = run_ingest(articles, loader, extract, Progress(io.StringIO(), tty=False), 50)
    spent = time.perf_counter() - start
    pool.close()
    if tally.failures:
        print(f"    ({len(tally.failures)} articles failed extraction)")
    return len(articles) / spent


def relations_in(batches: list[Batch]) -> int:
    return sum(len(b.relations) for b in batches)


# -- report ------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=4, help="copies of the sample corpus for e2e")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--load-articles", type=int, default=2000)
    parser.add_argument("--sizes", default="1000,10000,100000", help="articles, embedded store")
    parser.add_argument("--neo4j-sizes", default="1000,10000", help="articles, Neo4j (slower)")
    parser.add_argument("--resolve-sizes", default="1000,10000")
    parser.add_argument("--skip-neo4j", action="store_true")
    parser.add_argument("--skip-e2e", action="store_true")
    args = parser.parse_args(argv)
    neo, stop = (None, lambda: None) if args.skip_neo4j else _neo4j()
    try:
        if not args.skip_e2e:
            report_e2e(neo, args.copies, args.workers)
        if neo is not None:
            report_baseline(neo, args.load_articles)
        report_scaling(neo, _ints(args.sizes), _ints(args.neo4j_sizes))
        report_resolution(_ints(args.resolve_sizes))
    finally:
        if neo is not None:
            neo.driver.close()
        stop()
    return 0


def _ints(text: str) -> list[int]:
    return [int(s) for s in text.split(",") if s]


def _neo4j() -> tuple[Neo4jTarget, Callable[[], None]]:
    driver, stop = start_neo4j()
    return Neo4jTarget(driver), stop


def report_e2e(neo: Neo4jTarget | None, copies: int, workers: int) -> None:
    articles = corpus(copies)
    print(f"\n== end to end: {len(articles)} articles, {workers} worker(s)")
    print(f"  embedded  {end_to_end(fresh_embedded(), articles, workers):8.1f} articles/s")
    if neo is not None:
        neo.wipe()
        print(f"  neo4j     {end_to_end(neo.store, articles, workers):8.1f} articles/s")


def report_baseline(neo: Neo4jTarget, n: int, rounds: int = 3) -> None:
    """Both write paths over the same rows, alternating who goes first; the best round of each."""
    batches = synthetic_batches(n)
    rows = [baseline_rows(b) for b in batches]
    rels = relations_in(batches)
    print(f"\n== load stage vs bare driver: {n} articles, {rels} relations, batches of {BATCH} articles")

    seed = [baseline_rows(b) for b in synthetic_batches(max(n // 5, 1), seed=99, prefix="seed")]

    def baseline() -> float:
        neo.reset(seed)
        start = time.perf_counter()
        for r in rows:
            neo.baseline_write(r)
        return time.perf_counter() - start

    def ours() -> float:
        neo.reset(seed)
        return load_stage(neo.store, batches)

    times: dict[str, list[float]] = {"baseline": [], "ours": []}
    for i in range(rounds + 1):  # round 0 warms the JIT and the query caches and is not counted
        order = [("baseline", baseline), ("ours", ours)]
        for name, run in order if i % 2 else order[::-1]:
            spent = run()
            if i:
                times[name].append(spent)
    base, mine = min(times["baseline"]), min(times["ours"])
    print(f"  bare driver baseline  {base:7.2f} s  (rounds: {_fmt(times['baseline'])})")
    print(f"  actorgraph load stage {mine:7.2f} s  (rounds: {_fmt(times['ours'])})")
    print(f"  ratio (baseline / ours) {base / mine:.2f}  (target >= 0.70)")


def _fmt(values: list[float]) -> str:
    return ", ".join(f"{v:.2f}" for v in values)


def report_scaling(neo: Neo4jTarget | None, sizes: list[int], neo4j_sizes: list[int]) -> None:
    print("\n== load time by size (fresh store each time)")
    print(f"  {'store':<9} {'articles':>9} {'relations':>10} {'seconds':>9} {'us/relation':>12}")
    for n in sorted(set(sizes) | set(neo4j_sizes if neo is not None else [])):
        batches = synthetic_batches(n)
        rels = relations_in(batches)
        targets: list[tuple[str, Callable[[], GraphStore]]] = []
        if n in sizes:
            targets.append(("embedded", fresh_embedded))
        if neo is not None and n in neo4j_sizes:
            targets.append(("neo4j", lambda: _wiped(neo)))
        for name, make in targets:
            store = make()
            spent = load_stage(store, batches)
            if name == "embedded":
                store.close()
            print(f"  {name:<9} {n:>9} {rels:>10} {spent:>9.2f} {spent / rels * 1e6:>12.1f}", flush=True)


def _wiped(neo: Neo4jTarget) -> GraphStore:
    neo.wipe()
    return neo.store


def report_resolution(sizes: list[int]) -> None:
    print("\n== resolution stage by size (embedded store; 2 new non-KB names per article)")
    for n in sizes:
        batches = synthetic_batches(n)
        spent = resolve_stage(batches)
        print(f"  {n:>9} articles {spent:8.2f} s {spent / n * 1e3:8.2f} ms/article", flush=True)


if __name__ == "__main__":
    sys.exit(main())
