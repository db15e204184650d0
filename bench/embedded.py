"""Embedded store benchmark: write rates (two batch shapes) and path/subgraph latency.

    .venv/bin/python bench/embedded.py [--entities 100000] [--relations 1000000] [--samples 50]
                                       [--skip-writes] [--skip-reads] [--db PATH]

Writes (issue #2, target >= 100k relations/s at 10k-relation batches):
- "bench-shaped": bench/store.py's batches (10k relations, their entities,
  1k articles, 20k mentions) into an empty store;
- "entities held": relations-only batches (10k relations, 100 articles) over
  entities already stored, as bench/synthetic.py writes them.

Reads (issue #5, targets p50 <= 20 ms for paths, <= 50 ms for subgraph depth 2
around hubs): a synthetic graph written through `write()` (kept in --db when
given, so a rerun skips building it), then paths between ordinary actors and
subgraphs around hubs, as direct store calls.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
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

from graph.embedded_store import EmbeddedStore  # noqa: E402
from graph.errors import NoPath  # noqa: E402
from graph.model import Batch  # noqa: E402

WRITE_BATCHES = 4
SUBGRAPH_LIMIT = 500


def _rate(store: EmbeddedStore, batches: Sequence[Batch]) -> str:
    """Wall-clock and CPU rates (the CPU one is steadier on a shared machine)."""
    wall, cpu = time.perf_counter(), time.process_time()
    for b in batches:
        store.write(b)
    n = sum(len(b.relations) for b in batches)
    return (f"{n / (time.perf_counter() - wall):,.0f} rel/s wall, "
            f"{n / (time.process_time() - cpu):,.0f} rel/s CPU")


def bench_writes() -> None:
    """Relations per second for both batch shapes, each into a fresh store."""
    from store import synthetic_batches  # bench/store.py: its shape, its generator

    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "a.db")
        store.open()
        store.write(synthetic_batches(1000, 1000, seed=1)[0])  # warm imports and statements
        rate = _rate(store, synthetic_batches(10_000, 10_000 * WRITE_BATCHES))
        store.close()
        print(f"write bench-shaped 10k batches: {rate}")

        spec = Synthetic(entities=20_000, relations=10_000 * WRITE_BATCHES)
        store = EmbeddedStore(Path(tmp) / "b.db")
        store.open()
        for b in _entities(spec):
            store.write(b)
        rate = _rate(store, list(_relations(spec)))
        store.close()
        print(f"write entities-held 10k batches: {rate}")


def _timed(call: Callable[[Any], Any], args: Sequence[Any]) -> list[float]:
    out = []
    for a in args:
        start = time.perf_counter()
        with contextlib.suppress(NoPath):
            call(a)
        out.append((time.perf_counter() - start) * 1000)
    return out


def _report(name: str, ms: list[float]) -> None:
    ms = sorted(ms)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    print(f"{name:<34} p50 {statistics.median(ms):8.2f} ms   p99 {p99:8.2f} ms   (n={len(ms)})")


def bench_reads(spec: Synthetic, db: Path, samples: int) -> None:
    """Latency of paths and subgraphs on the synthetic graph."""
    store = EmbeddedStore(db)
    store.open()
    if not holds(store, spec):
        print(f"building {spec.entities:,} entities / {spec.relations:,} relations ...", flush=True)
        print(f"  built in {populate(store, spec):.1f} s", flush=True)
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
    for name, (call, args) in cases.items():
        call(args[0])  # warm
        _report(name, _timed(call, args))
    store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=50)
    parser.add_argument("--db", type=Path, default=None, help="keep the read graph here between runs")
    parser.add_argument("--skip-writes", action="store_true")
    parser.add_argument("--skip-reads", action="store_true")
    args = parser.parse_args(argv)
    if not args.skip_writes:
        bench_writes()
    if not args.skip_reads:
        spec = Synthetic(entities=args.entities, relations=args.relations)
        if args.db is not None:
            bench_reads(spec, args.db, args.samples)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                bench_reads(spec, Path(tmp) / "read.db", args.samples)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
