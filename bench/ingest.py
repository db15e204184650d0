"""Ingest benchmark: end-to-end rate, load stage against a bare-driver baseline, and scaling.

    .venv/bin/python bench/ingest.py [--copies 4] [--workers 1] [--load-articles 2000]
                                     [--sizes 1000,10000,100000] [--skip-neo4j] [--skip-e2e]

1. End to end (read -> extract -> resolve -> load) over copies of examples/articles
   (distinct ids), into the embedded store and Neo4j: articles per second.
2. The load stage alone (hash check + `store.write`, as `Loader` does) against a
   bare-driver baseline writing the same rows (bench/cypher/baseline_*.cypher) in the
   same run; ratio = baseline time / our time (target >= 0.9).
3. Growth (embedded): one store filled to 10^3, 10^4, 10^5 articles (`--sizes`); at each size the
   next `--window` articles are resolved (ms/article) and loaded (us/relation; KB written per
   relation counts dirtied pages whatever the load). Target: neither time grows more than 20%
   from the smallest size to the largest. Neo4j: load time by size, fresh database each time.

Temporary stores and Neo4j data folders are removed at the end; targets print MET or NOT MET.
Neo4j: NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD, else a local test server; wiped between runs.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from neo4j import Driver, GraphDatabase  # noqa: E402

from api.settings import Settings  # noqa: E402
from graph.cypher_loader import load as cypher  # noqa: E402
from graph.embedded.store import EmbeddedStore  # noqa: E402

# The store's own row builders, so the baseline writes exactly the rows the store writes.
from graph.fold import fold as plan  # noqa: E402
from graph.model import Article, Batch, Entity, EntityType, Evidence, Predicate, Relation, entity_id  # noqa: E402
from graph.neo4j.write import _article_row, _entity_row, _evidence_row, _relation_row, evidence_by_id  # noqa: E402
from graph.store import GraphStore  # noqa: E402
from ingest.load import Loader, RetryPolicy, chunked, run_ingest, with_evidence_dates  # noqa: E402
from ingest.progress import Progress  # noqa: E402
from ingest.resolve import Resolver  # noqa: E402

BENCH_CYPHER = Path(__file__).resolve().parent / "cypher"
BATCH = 1000
RELS_PER_ARTICLE = 4
TYPES = [EntityType.PERSON, EntityType.ARMED_GROUP, EntityType.POLITICAL_PARTY, EntityType.STATE_BODY]


def known_actors(n: int = 2000) -> list[Entity]:
    """The pool each synthetic article draws its 3 known actors from."""
    return [_actor(f"Known Actor {i:05d}", TYPES[i % 4]) for i in range(n)]


def synthetic(n: int, seed: int = 7, pool_size: int = 2000, prefix: str = "syn") -> Iterator[Batch]:
    """One batch per article: 3 known actors from a pool, 2 new ones, 4 relations with evidence."""
    rng, types, pool = random.Random(seed), TYPES, known_actors(pool_size)
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


class Neo4jTarget:
    """The Neo4j under test: a driver, a store over it, and the baseline writer."""

    def __init__(self, driver: Driver, database: str = "neo4j") -> None:
        from graph.neo4j.store import Neo4jStore

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
        folder = Path(tempfile.mkdtemp(prefix="bench-neo4j-"))
        server = Neo4jServer(folder / "data")

        def stop() -> None:
            try:
                server.stop()
            finally:
                shutil.rmtree(folder, ignore_errors=True)

        try:
            settings = server.start()
        except BaseException:
            stop()
            raise
    driver = GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password))
    return driver, stop


_FOLDERS: list[Path] = []  # temporary embedded stores, removed by `cleanup`


def fresh_embedded() -> EmbeddedStore:
    folder = Path(tempfile.mkdtemp(prefix="bench-embedded-"))
    _FOLDERS.append(folder)
    store = EmbeddedStore(folder / "graph.db")
    store.ensure_schema()
    return store


def cleanup() -> None:
    """Remove every temporary embedded store this run made."""
    while _FOLDERS:
        shutil.rmtree(_FOLDERS.pop(), ignore_errors=True)


@contextmanager
def temp_embedded() -> Iterator[EmbeddedStore]:
    """A fresh embedded store, closed and removed afterwards."""
    store = fresh_embedded()
    try:
        yield store
    finally:
        store.close()
        cleanup()


def verdict(ok: bool) -> str:
    return "MET" if ok else "NOT MET"


def load_stage(store: GraphStore, batches: list[Batch]) -> float:
    """Seconds to load pre-resolved batches the way Loader does: hash check, then one write each."""
    loader = Loader(store, Resolver(store), RetryPolicy(attempts=1))
    start = time.perf_counter()
    for batch in batches:
        loader.plan(batch.articles)
        store.write(batch)
    return time.perf_counter() - start


def probe(store: GraphStore, resolver: Resolver, batches: list[Batch]) -> tuple[float, float, float, float]:
    """Seconds resolving the batches and loading what they resolved to (as Loader does): wall, then CPU."""
    loader = Loader(store, resolver, RetryPolicy(attempts=1))
    spent = [0.0, 0.0, 0.0, 0.0]
    for batch in batches:
        start, cpu = time.perf_counter(), time.process_time()
        out = resolver.resolve(batch).batch
        mid, mid_cpu = time.perf_counter(), time.process_time()
        loader.plan(out.articles)
        store.write(out)
        spent[0] += mid - start
        spent[1] += time.perf_counter() - mid
        spent[2] += mid_cpu - cpu
        spent[3] += time.process_time() - mid_cpu
    return spent[0], spent[1], spent[2], spent[3]


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=4, help="copies of the sample corpus for e2e")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--load-articles", type=int, default=2000)
    parser.add_argument("--sizes", default="1000,10000,100000", help="articles, embedded store growth")
    parser.add_argument("--window", type=int, default=2000, help="articles resolved and loaded per size")
    parser.add_argument("--neo4j-sizes", default="1000,10000", help="articles, Neo4j (slower)")
    parser.add_argument("--skip-neo4j", action="store_true")
    parser.add_argument("--skip-e2e", action="store_true")
    args = parser.parse_args(argv)
    neo, stop = (None, lambda: None) if args.skip_neo4j else _neo4j()
    try:
        if not args.skip_e2e:
            report_e2e(neo, args.copies, args.workers)
        if neo is not None:
            report_baseline(neo, args.load_articles)
            report_scaling(neo, _ints(args.neo4j_sizes))
        report_growth(_ints(args.sizes), args.window)
    finally:
        if neo is not None:
            neo.driver.close()
        stop()
        cleanup()
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
    print(f"  ratio (baseline / ours) {base / mine:.2f}  (target >= 0.90: {verdict(base / mine >= 0.9)})")


def _fmt(values: list[float]) -> str:
    return ", ".join(f"{v:.2f}" for v in values)


def report_scaling(neo: Neo4jTarget, sizes: list[int]) -> None:
    print("\n== Neo4j load time by size (fresh database each time)")
    print(f"  {'articles':>9} {'relations':>10} {'seconds':>9} {'us/relation':>12}")
    for n in sizes:
        batches = synthetic_batches(n)
        rels = relations_in(batches)
        neo.wipe()
        spent = load_stage(neo.store, batches)
        print(f"  {n:>9} {rels:>10} {spent:>9.2f} {spent / rels * 1e6:>12.1f}", flush=True)


def report_growth(sizes: list[int], window: int) -> None:
    """Resolution and loading cost of the next `window` articles as one embedded store grows."""
    print(f"\n== embedded growth: at each size, the next {window} articles resolved and loaded"
          " (2 new non-KB names per article)")
    print(f"  {'articles':>9} {'fill us/rel':>12} {'resolve ms/article':>19} {'load us/relation':>17}"
          f" {'(cpu: resolve':>14} {'load)':>6} {'written KB/rel':>15}  load average")
    found: list[tuple[float, float]] = []
    cpu: list[tuple[float, float]] = []  # the same by this process's CPU time: steadier on a shared machine
    with temp_embedded() as store:
        # Every known actor held first, so each size resolves the same mix (3 held names, 2 new): filled
        # to 10^3 articles alone, a fifth of the "known" ones were still new.
        pool, held = tuple(known_actors()), 0
        store.write(Batch((Article("pool", "synthetic"),), pool, (), tuple(("pool", e.id) for e in pool)))
        for n in sorted(sizes):
            fill = fill_store(store, n - held, prefix=f"fill{n}")
            batches = synthetic_batches(window, prefix=f"probe{n}")
            # a new run at each size: no decisions or common words remembered from the last window
            written = bytes_written()
            resolving, loading, resolving_cpu, loading_cpu = probe(store, Resolver(store), batches)
            held, rels = n + window, relations_in(batches)
            found.append((resolving / window * 1e3, loading / rels * 1e6))
            cpu.append((resolving_cpu / window * 1e3, loading_cpu / rels * 1e6))
            print(f"  {n:>9} {fill:>12.1f} {found[-1][0]:>19.3f} {found[-1][1]:>17.1f}"
                  f" {resolving_cpu / window * 1e3:>14.3f} {loading_cpu / rels * 1e6:>6.1f}"
                  f" {(bytes_written() - written) / rels / 1024:>15.2f}"
                  f"  {os.getloadavg()[0]:.2f}", flush=True)
    if len(found) > 1:
        for i, what in enumerate(("resolution ms/article", "loading us/relation")):
            growth, growth_cpu = found[-1][i] / found[0][i], cpu[-1][i] / cpu[0][i]
            print(f"  {what}: x{growth:.2f} from {sizes[0]} to {sizes[-1]} articles"
                  f" (target <= x1.20: {verdict(growth <= 1.2)}); by CPU time x{growth_cpu:.2f}"
                  f" ({verdict(growth_cpu <= 1.2)})")


def bytes_written() -> int:
    """Bytes this process wrote so far (Linux; else 0): pages a write dirties, whatever the load."""
    io = Path("/proc/self/io")
    text = io.read_text() if io.exists() else ""
    return next((int(line.split()[1]) for line in text.splitlines() if line.startswith("wchar:")), 0)


def fill_store(store: GraphStore, n: int, prefix: str, chunk: int = 20_000) -> float:
    """Write `n` pre-resolved synthetic articles; us per relation (0 when there is nothing to add)."""
    spent, rels = 0.0, 0
    for start in range(0, max(n, 0), chunk):
        batches = synthetic_batches(min(chunk, n - start), prefix=f"{prefix}-{start}")
        rels += relations_in(batches)
        spent += load_stage(store, batches)
    return spent / rels * 1e6 if rels else 0.0


if __name__ == "__main__":
    sys.exit(main())
