"""Embedded store benchmark: opening a large store, stats, first traversal, path/subgraph latency, writes.

    .venv/bin/python bench/embedded.py [--entities 100000] [--relations 1000000] [--samples 200]
                                       [--writes] [--keep] [--db PATH]

Reads (issue #13 item 4, issue #12 item 1) on a synthetic graph of 10^5 entities
and 10^6 relations written through `write()`. The store is built once into the
temp dir (or --db) and reused by later runs while it is there; it is removed at
the end unless --keep (or --db) is given. Each cold figure comes from a fresh
process, as a new gunicorn worker would see it:
- open time and RSS after open (targets < 2 s, < 400 MB), `stats` time (< 1 s);
- first traversal: building the compact graph when no process has saved it yet,
  then mapping the saved one (the next worker);
- warm latency p50/p99 of paths between ordinary actors (target p50 < 1 ms) and
  subgraphs of depth 2 around hubs and ordinary actors (target p50 < 50 ms).
--writes adds write rates (issue #2 target >= 100k relations/s at 10k-relation batches).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

from synthetic import Synthetic, _entities, _relations, holds, populate  # noqa: E402

from graph.embedded import csr as embedded_csr  # noqa: E402
from graph.embedded.store import EmbeddedStore  # noqa: E402
from graph.errors import NoPath  # noqa: E402
from graph.model import Batch  # noqa: E402

WRITE_BATCHES = 4
SUBGRAPH_LIMIT = 500
TARGETS = {  # name: (limit, unit)
    "open": (2.0, "s"), "rss after open": (400.0, "MB"), "stats": (1.0, "s"),
    "paths p50": (1.0, "ms"), "subgraph p50": (50.0, "ms"), "write 10k batches": (100_000.0, "rel/s"),
}


def verdict(name: str, value: float) -> str:
    """A figure with its target and whether it is met."""
    limit, unit = TARGETS[name]
    met = value >= limit if unit == "rel/s" else value < limit
    sign = ">=" if unit == "rel/s" else "<"
    return (f"{name:<26} {value:12,.3f} {unit:<5} target {sign} {limit:g} {unit}: "
            f"{'MET' if met else 'NOT MET'}")


def rss_mb() -> float:
    """Resident memory of this process."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def probe(db: Path, centre: str) -> dict[str, float]:
    """In a fresh process: open, RSS, stats, first traversal (what a new worker pays)."""
    started = time.perf_counter()
    store = EmbeddedStore(db)
    store.open()
    out = {"open": time.perf_counter() - started, "rss after open": rss_mb()}
    started = time.perf_counter()
    store.counts()
    out["stats"] = time.perf_counter() - started
    started = time.perf_counter()
    store.subgraph([centre], depth=2, limit=SUBGRAPH_LIMIT)
    out["first traversal"] = time.perf_counter() - started
    out["rss after traversal"] = rss_mb()
    store.close()
    return out


def cold(db: Path, centre: str) -> dict[str, float]:
    """`probe` run in a child process."""
    done = subprocess.run([sys.executable, __file__, "--probe", str(db), centre],
                          check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _timed(call: Callable[[Any], Any], args: Sequence[Any]) -> list[float]:
    out = []
    for a in args:
        start = time.perf_counter()
        with contextlib.suppress(NoPath):
            call(a)
        out.append((time.perf_counter() - start) * 1000)
    return out


def _report(name: str, ms: list[float]) -> float:
    ms = sorted(ms)
    p50, p99 = statistics.median(ms), ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    print(f"{name:<26} p50 {p50:8.2f} ms   p99 {p99:8.2f} ms   (n={len(ms)})")
    return p50


def ensure_graph(spec: Synthetic, db: Path) -> None:
    """Build the synthetic graph into `db` unless it already holds it."""
    store = EmbeddedStore(db)
    if not holds(store, spec):
        store.close()
        for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            stale.unlink(missing_ok=True)
        shutil.rmtree(embedded_csr.folder(db), ignore_errors=True)
        store = EmbeddedStore(db)
        print(f"building {spec.entities:,} entities / {spec.relations:,} relations in {db} ...", flush=True)
        print(f"  built in {populate(store, spec):.1f} s", flush=True)
    store.close()


def bench_cold(spec: Synthetic, db: Path) -> None:
    """Cold figures: the first worker builds and saves the compact graph, the next maps it."""
    shutil.rmtree(embedded_csr.folder(db), ignore_errors=True)
    first = cold(db, spec.hubs[0])
    second = cold(db, spec.hubs[0])
    for name in ("open", "rss after open", "stats"):
        print(verdict(name, max(first[name], second[name])))
    print(f"{'first traversal (build)':<26} {first['first traversal']:12,.3f} s     "
          f"RSS after it {first['rss after traversal']:,.0f} MB")
    print(f"{'first traversal (mapped)':<26} {second['first traversal']:12,.3f} s     "
          f"RSS after it {second['rss after traversal']:,.0f} MB")


def bench_warm(spec: Synthetic, db: Path, samples: int) -> None:
    """Warm latency of paths and subgraphs, as direct store calls."""
    store = EmbeddedStore(db)
    pairs = spec.pairs(samples)
    cases: dict[str, tuple[Callable[[Any], Any], Sequence[Any]]] = {
        "paths directed k=1": (lambda p: store.paths(*p, max_hops=4, directed=True), pairs),
        "paths undirected k=1": (lambda p: store.paths(*p, max_hops=4), pairs),
        "paths undirected k=5": (lambda p: store.paths(*p, max_hops=4, k=5), pairs),
        "subgraph d2 hub": (lambda c: store.subgraph([c], depth=2, limit=SUBGRAPH_LIMIT),
                            (spec.hubs * samples)[:samples]),
        "subgraph d2 ordinary": (lambda c: store.subgraph([c], depth=2, limit=SUBGRAPH_LIMIT),
                                 spec.ordinary(samples)),
    }
    p50: dict[str, float] = {}
    for name, (call, args) in cases.items():
        call(args[0])  # warm
        p50[name] = _report(name, _timed(call, args))
    print(verdict("paths p50", p50["paths undirected k=1"]))
    print(verdict("subgraph p50", max(p50["subgraph d2 hub"], p50["subgraph d2 ordinary"])))
    store.close()


def _rate(store: EmbeddedStore, batches: Sequence[Batch]) -> float:
    started = time.perf_counter()
    for b in batches:
        store.write(b)
    return sum(len(b.relations) for b in batches) / (time.perf_counter() - started)


def bench_writes() -> None:
    """Relations per second for both batch shapes, each into a fresh store."""
    from store import synthetic_batches  # bench/store.py: its shape, its generator

    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "a.db")
        store.write(synthetic_batches(1000, 1000, seed=1)[0])  # warm imports and statements
        print(verdict("write 10k batches", _rate(store, synthetic_batches(10_000, 10_000 * WRITE_BATCHES))))
        store.close()
        spec = Synthetic(entities=20_000, relations=10_000 * WRITE_BATCHES)
        store = EmbeddedStore(Path(tmp) / "b.db")
        for b in _entities(spec):
            store.write(b)
        print(f"{'write entities held':<26} {_rate(store, list(_relations(spec))):12,.0f} rel/s")
        store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--db", type=Path, default=None, help="keep the read graph here between runs")
    parser.add_argument("--keep", action="store_true", help="keep the cached graph in the temp dir")
    parser.add_argument("--writes", action="store_true", help="also measure write rates")
    parser.add_argument("--probe", nargs=2, metavar=("DB", "CENTRE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.probe:
        print(json.dumps(probe(Path(args.probe[0]), args.probe[1])))
        return 0
    spec = Synthetic(entities=args.entities, relations=args.relations)
    cache = Path(tempfile.gettempdir()) / f"actorgraph-bench-{spec.entities}x{spec.relations}.db"
    db = args.db or cache
    print(f"machine load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    try:
        ensure_graph(spec, db)
        bench_cold(spec, db)
        bench_warm(spec, db, args.samples)
        if args.writes:
            bench_writes()
    finally:
        if args.db is None and not args.keep:
            for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
                path.unlink(missing_ok=True)
            shutil.rmtree(embedded_csr.folder(db), ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
