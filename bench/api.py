"""API benchmark: subgraph and paths latency through HTTP and as direct store calls, then load.

    .venv/bin/python bench/api.py [--only embedded|neo4j] [--quick]

For each store: build a synthetic graph through the store's batch writes
(embedded 10^5 entities / 10^6 relations, kept under var/bench/ for reruns;
Neo4j 10^4 / 10^5 on the test server from tests/neo4j_server.py unless
NEO4J_URI is set), time subgraph depth 2 around hubs and ordinary actors and
paths between ordinary actors as direct store calls, then the same requests
over HTTP to gunicorn in the same run, then 16 concurrent clients for 30 s.
Prints p50/p99 in milliseconds and the HTTP/direct ratio. For Neo4j it also prints
the server's heap and page cache and each target of issue 13 item 5 as MET / NOT MET
(direct calls: subgraph depth 2 p50 <= 20 ms and p99 <= 60 ms, paths p99 <= 50 ms; load:
>= 100 requests/s with p99 <= 300 ms). The local test server's data folder is a
temporary directory, removed when the run ends.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, this file's folder comes first on sys.path and `bench/api.py` would shadow
# the `api` package; put the repository root there instead.
if sys.path and Path(sys.path[0]).resolve() == ROOT / "bench":
    sys.path[0] = str(ROOT)
elif str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.api_load import Gunicorn, Timings, http_get, load_test, paired  # noqa: E402
from bench.synthetic import Synthetic, holds, populate  # noqa: E402
from graph.store import GraphStore  # noqa: E402

LIMIT = 200
NEO4J_BATCH = 2_000  # smaller transactions: the test server has a 512 MB heap
SAMPLES = 60
# Issue 13 item 5, on 10^5 relations: (question or "load", figure, bound, "<=" or ">=").
NEO4J_TARGETS = (
    ("subgraph d2 hub", "p50", 20.0, "<="), ("subgraph d2 hub", "p99", 60.0, "<="),
    ("subgraph d2 ordinary", "p50", 20.0, "<="), ("subgraph d2 ordinary", "p99", 60.0, "<="),
    ("paths k=1 max_hops=4", "p99", 50.0, "<="),
    ("load", "rps", 100.0, ">="), ("load", "p99", 300.0, "<="),
)


def questions(store: GraphStore, base: str, spec: Synthetic, samples: int
              ) -> dict[str, tuple[list[Any], Callable[[Any], Any], Callable[[Any], Any]]]:
    """Each question: its sample inputs, the direct store call and the same question over HTTP."""
    hubs = (spec.hubs * samples)[:samples]

    def sub_direct(c: str) -> Any:
        return store.subgraph([c], depth=2, limit=LIMIT)

    def sub_http(c: str) -> Any:
        return http_get(f"{base}/api/v1/subgraph", center=c, depth=2, limit=LIMIT)

    def paths_http(p: tuple[str, str]) -> Any:
        return http_get(f"{base}/api/v1/paths", source=p[0], target=p[1], max_hops=4, k=1, ok=(200, 404))

    return {
        "subgraph d2 hub": (hubs, sub_direct, sub_http),
        "subgraph d2 ordinary": (spec.ordinary(samples), sub_direct, sub_http),
        "paths k=1 max_hops=4": (spec.pairs(samples), lambda p: _paths(store, p), paths_http),
    }


def _paths(store: GraphStore, pair: tuple[str, str]) -> Any:
    from graph.errors import NoPath

    try:
        return store.paths(pair[0], pair[1], max_hops=4, k=1)
    except NoPath:
        return None


def measure(store: GraphStore, base: str, spec: Synthetic, samples: int
            ) -> tuple[dict[str, Timings], dict[str, Timings]]:
    """Direct and HTTP latency, interleaved sample by sample so both see the same machine load."""
    d: dict[str, Timings] = {}
    h: dict[str, Timings] = {}
    for key, (items, call, over_http) in questions(store, base, spec, samples).items():
        d[key], h[key] = paired(items, call, over_http)
    return d, h


def report(name: str, spec: Synthetic, built: float, d: dict[str, Timings], h: dict[str, Timings],
           load: dict[str, Any]) -> None:
    """Print the figures for one store."""
    print(f"\n== {name}: {spec.entities:,} entities, {spec.relations:,} relations "
          f"(generated in {built:.0f} s; node limit {LIMIT})")
    print(f"{'question':<24}{'direct p50':>12}{'p99':>9}{'HTTP p50':>11}{'p99':>9}{'HTTP/direct':>13}")
    for key in d:
        ratio = h[key].p50 / d[key].p50 if d[key].p50 else float("nan")
        print(f"{key:<24}{d[key].p50:>12.1f}{d[key].p99:>9.1f}{h[key].p50:>11.1f}{h[key].p99:>9.1f}"
              f"{ratio:>13.2f}")
    print(f"load: {load['clients']} clients x {load['seconds']:.0f} s under gunicorn: {load['requests']} "
          f"requests, {load['rps']:.0f}/s, p50 {load['p50']:.1f} ms, p99 {load['p99']:.1f} ms, "
          f"errors {load['errors']}" + (f" ({load['examples']})" if load["errors"] else ""))


def verdicts(targets: tuple[tuple[str, str, float, str], ...], d: dict[str, Timings],
             load: dict[str, Any]) -> list[str]:
    """One 'MET' / 'NOT MET' line per target."""
    lines = []
    for key, figure, bound, sense in targets:
        value = float(load[figure]) if key == "load" else float(getattr(d[key], figure))
        met = value <= bound if sense == "<=" else value >= bound
        lines.append(f"target {key} {figure} {sense} {bound:g}: {'MET' if met else 'NOT MET'} ({value:.1f})")
    return lines


def run_store(name: str, store: GraphStore, spec: Synthetic, env: dict[str, str], args: argparse.Namespace,
              targets: tuple[tuple[str, str, float, str], ...] = ()) -> int:
    """Build if needed, measure direct and HTTP, load-test; return the error count."""
    built = 0.0 if holds(store, spec) else populate(store, spec)
    with Gunicorn(env, workers=args.workers, threads=args.threads) as server:
        server.warm("/api/v1/subgraph", center=spec.hubs[0], depth=2)
        measure(store, server.base, spec, args.samples // 3)  # warm-up: graphs loaded, caches filled
        d, h = measure(store, server.base, spec, args.samples)
        load = load_test(server.base, spec, clients=args.clients, seconds=args.seconds)
    report(name, spec, built, d, h, load)
    for line in verdicts(targets, d, load):
        print(line)
    print(f"load average {os.getloadavg()[0]:.2f}", flush=True)
    return int(load["errors"])


@contextmanager
def neo4j_target() -> Iterator[tuple[str, str, str]]:
    """(uri, user, password): NEO4J_URI etc. when set, else a fresh local test server."""
    if os.environ.get("NEO4J_URI"):
        yield os.environ["NEO4J_URI"], os.environ.get("NEO4J_USER", "neo4j"), os.environ["NEO4J_PASSWORD"]
        return
    from tests.neo4j_server import Neo4jServer

    with tempfile.TemporaryDirectory(prefix="actorgraph-bench-") as tmp:
        server = Neo4jServer(Path(tmp) / "data")
        s = server.start()
        try:
            yield s.uri, s.user, s.password
        finally:
            server.stop()


def bench_embedded(args: argparse.Namespace) -> int:
    from graph.embedded_store import EmbeddedStore

    spec = Synthetic(args.embedded[0], args.embedded[1])
    path = ROOT / "var" / "bench" / f"embedded-{spec.entities}-{spec.relations}.db"
    store = EmbeddedStore(path)
    try:
        env = {"ACTORGRAPH_STORE": f"embedded://{path}"}
        return run_store("embedded", store, spec, env, args)
    finally:
        store.close()


def bench_neo4j(args: argparse.Namespace) -> int:
    from neo4j import GraphDatabase

    from bench.neo4j_memory import server_memory
    from graph.neo4j_store import Neo4jStore

    spec = Synthetic(args.neo4j[0], args.neo4j[1], batch=NEO4J_BATCH)
    with neo4j_target() as (uri, user, password):
        driver = GraphDatabase.driver(uri, auth=(user, password))
        try:
            env = {"ACTORGRAPH_STORE": uri, "NEO4J_USER": user, "NEO4J_PASSWORD": password}
            print(f"neo4j: {server_memory(driver)}", flush=True)
            return run_store("neo4j", Neo4jStore(driver), spec, env, args, NEO4J_TARGETS)
        finally:
            driver.close()


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["embedded", "neo4j"])
    parser.add_argument("--quick", action="store_true", help="small graphs and a 5 s load (a smoke run)")
    parser.add_argument("--samples", type=int, default=SAMPLES)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args(argv)
    args.embedded = (10_000, 100_000) if args.quick else (100_000, 1_000_000)
    args.neo4j = (2_000, 20_000) if args.quick else (10_000, 100_000)
    if args.quick:
        args.seconds, args.samples = 5.0, 20
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    runs: dict[str, Callable[[argparse.Namespace], int]] = {"embedded": bench_embedded, "neo4j": bench_neo4j}
    errors = sum(fn(args) for name, fn in runs.items() if args.only in (None, name))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
