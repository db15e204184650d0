"""Readers and an authenticated writer at once under gunicorn: no 5xx, /health stays fast, no write lost.

Issue 12's load test. Sixteen clients for 60 s against a synthetic embedded graph:
fourteen readers send the mixed requests of `bench/api.py` (subgraphs, hub
subgraphs, paths, search, profiles), one probes `/health` every 50 ms, one
writer POSTs articles with the bearer token (each goes through extraction).
Passes when no answer is a 5xx, the 99th percentile of `/health` is under
200 ms, and every article the writer was told was written is held afterwards.

    .venv/bin/python bench/api_rw.py [--seconds 60] [--clients 16] [--workers 2] [--threads 8]

Two gunicorn workers of 8 threads by default: embedded-store workers share the saved compact
graph (memory-mapped) and catch up with each other's writes through the store's change log, so a
second worker costs little and keeps /health off the busiest interpreter lock.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.api_load import ROOT, Gunicorn, Timings  # noqa: E402
from bench.synthetic import Synthetic, holds, populate  # noqa: E402

TOKEN = "bench-writer-token-5c2e"
HEALTH_GAP = 0.05
HEALTH_P99_MS = 200.0
PLACES = ["Baghdad", "Basra", "Mosul", "Erbil", "Najaf", "Kirkuk"]


@dataclass
class Tally:
    """Everything the clients saw, under one lock."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    reads: list[float] = field(default_factory=list)
    health: list[float] = field(default_factory=list)
    writes: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    written: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def add(self, kind: list[float], status: int, ms: float, what: str) -> None:
        with self.lock:
            self.statuses[status] = self.statuses.get(status, 0) + 1
            kind.append(ms)
            if status >= 500 or status == 0:
                self.failures.append(f"{status} {what}"[:200])


def call(method: str, url: str, body: Any = None, headers: dict[str, str] | None = None
         ) -> tuple[int, float, Any]:
    """(status, milliseconds, decoded JSON or None); status 0 for a connection failure."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if data is not None:
        req.add_header("Content-Type", "application/json")
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=120) as res:
            status, raw = res.status, res.read()
    except urllib.error.HTTPError as err:
        status, raw = err.code, err.read()
    except OSError:
        return 0, (time.perf_counter() - started) * 1000, None
    ms = (time.perf_counter() - started) * 1000
    try:
        return status, ms, json.loads(raw)
    except ValueError:
        return status, ms, None


def read_url(base: str, spec: Synthetic, rng: random.Random) -> str:
    """One read of the mix of bench/api.py."""
    roll = rng.random()
    q = urllib.parse.urlencode
    if roll < 0.35:
        return f"{base}/api/v1/subgraph?" + q({"center": rng.choice(spec.ordinary(50)), "depth": 2})
    if roll < 0.45:
        return f"{base}/api/v1/subgraph?" + q({"center": rng.choice(spec.hubs), "depth": 2})
    if roll < 0.75:
        a, b = rng.choice(spec.pairs(50))
        return f"{base}/api/v1/paths?" + q({"source": a, "target": b, "max_hops": 4})
    if roll < 0.9:
        return f"{base}/api/v1/entities?" + q({"q": f"synthetic actor {rng.randrange(spec.entities)}"})
    return f"{base}/api/v1/entities/" + urllib.parse.quote(rng.choice(spec.ordinary(50)), safe="")


def article(i: int, run: str) -> dict[str, Any]:
    """A short, unique news item that names actors the knowledge base knows."""
    place = PLACES[i % len(PLACES)]
    body = (f"{place}, report {i} of run {run}. Kata'ib Hezbollah, which is backed by Iran, met "
            f"leaders of the Popular Mobilization Forces in {place} on Monday. Prime Minister "
            f"Mustafa al-Kadhimi condemned the attack, officials said.")
    return {"id": f"bench-rw-{run}-{i}", "title": f"Report {i}", "body": body,
            "published": "2024-05-01", "source": "bench"}


def run_clients(base: str, spec: Synthetic, clients: int, seconds: float, run: str) -> Tally:
    """clients - 2 readers, one /health prober and one writer, for `seconds`."""
    tally, stop_at = Tally(), time.monotonic() + seconds
    auth = {"Authorization": f"Bearer {TOKEN}"}

    def reader(index: int) -> None:
        rng = random.Random(index)
        while time.monotonic() < stop_at:
            url = read_url(base, spec, rng)
            status, ms, _ = call("GET", url)
            tally.add(tally.reads, status, ms, url)

    def prober() -> None:
        while time.monotonic() < stop_at:
            status, ms, _ = call("GET", base + "/health")
            tally.add(tally.health, status, ms, "/health")
            time.sleep(HEALTH_GAP)

    def writer() -> None:
        i = 0
        while time.monotonic() < stop_at:
            status, ms, body = call("POST", base + "/api/v1/articles", article(i, run), auth)
            tally.add(tally.writes, status, ms, f"POST article {i}")
            if status == 200:
                with tally.lock:
                    tally.written.extend(body["ids"])
            i += 1

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(clients - 2)]
    threads += [threading.Thread(target=prober), threading.Thread(target=writer)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return tally


def missing_articles(base: str, ids: list[str]) -> list[str]:
    """Posted ids the store does not hold (read back through /view/articles, 50 at a time)."""
    missing = []
    for start in range(0, len(ids), 50):
        chunk = ids[start:start + 50]
        _, _, held = call("GET", base + "/view/articles?" + urllib.parse.urlencode({"id": chunk}, doseq=True))
        missing += [i for i in chunk if not held or held.get(i, {}).get("source") is None]
    return missing


def report(tally: Tally, seconds: float, missing: list[str]) -> bool:
    """Print the figures; True when every criterion holds."""
    reads, health = Timings(tally.reads or [0.0]), Timings(tally.health or [0.0])
    writes = Timings(tally.writes or [0.0])
    server_errors = sum(n for s, n in tally.statuses.items() if s >= 500 or s == 0)
    total = sum(tally.statuses.values())
    print(f"{total} requests in {seconds:.0f} s ({total / seconds:.0f}/s); "
          f"statuses {dict(sorted(tally.statuses.items()))}")
    print(f"reads: {len(tally.reads)}, p50 {reads.p50:.1f} ms, p99 {reads.p99:.1f} ms")
    print(f"/health: {len(tally.health)} probes, p50 {health.p50:.1f} ms, p99 {health.p99:.1f} ms, "
          f"max {max(tally.health or [0.0]):.1f} ms")
    print(f"writes: {len(tally.writes)} POSTs, {len(tally.written)} articles written, "
          f"p50 {writes.p50:.0f} ms, p99 {writes.p99:.0f} ms; missing afterwards: {len(missing)}")
    if tally.failures:
        print("failures:", tally.failures[:5])
    ok = server_errors == 0 and health.p99 < HEALTH_P99_MS and not missing and tally.written
    print("PASS" if ok else "FAIL", f"(5xx {server_errors}, /health p99 < {HEALTH_P99_MS:.0f} ms, "
          "every written article held)")
    return bool(ok)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--entities", type=int, default=10_000)
    parser.add_argument("--relations", type=int, default=50_000)
    args = parser.parse_args(argv)
    spec = Synthetic(args.entities, args.relations)
    from graph.embedded.store import EmbeddedStore

    path = ROOT / "var" / "bench" / f"rw-{spec.entities}-{spec.relations}.db"
    store = EmbeddedStore(path)
    built = 0.0 if holds(store, spec) else populate(store, spec)
    store.close()
    print(f"graph: {spec.entities} entities, {spec.relations} relations (built in {built:.0f} s)")
    env = {"ACTORGRAPH_STORE": f"embedded://{path}", "ACTORGRAPH_API_TOKEN": TOKEN}
    run = str(int(time.time()))
    with Gunicorn(env, workers=args.workers, threads=args.threads) as server:
        server.warm("/api/v1/subgraph", center=spec.hubs[0], depth=2)
        status, ms, _ = call("POST", server.base + "/api/v1/articles", article(-1, run),
                             {"Authorization": f"Bearer {TOKEN}"})  # loads the extraction pipeline
        print(f"warm-up write: {status} in {ms:.0f} ms")
        started = time.monotonic()
        tally = run_clients(server.base, spec, args.clients, args.seconds, run)
        elapsed = time.monotonic() - started
        missing = missing_articles(server.base, sorted(set(tally.written)))
    return 0 if report(tally, elapsed, missing) else 1


if __name__ == "__main__":
    sys.exit(main())
