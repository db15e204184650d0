"""Timing helpers for bench/api.py: percentiles, an HTTP getter, gunicorn, and the load test."""

from __future__ import annotations

import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from bench.synthetic import Synthetic

T = TypeVar("T")
ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Timings:
    """Latencies in milliseconds."""

    samples: list[float]

    @property
    def p50(self) -> float:
        return statistics.median(self.samples)

    @property
    def p99(self) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def timed(items: Iterable[T], call: Callable[[T], Any]) -> Timings:
    """Time `call` on each item, one after another."""
    out = []
    for item in items:
        started = time.perf_counter()
        call(item)
        out.append((time.perf_counter() - started) * 1000)
    return Timings(out)


def paired_cpu(items: Iterable[T], direct: Callable[[T], Any], over_http: Callable[[T], Any],
               server_cpu: Callable[[], float]) -> tuple[Timings, Timings, Timings, Timings]:
    """Wall and CPU milliseconds of `direct` (this thread) and `over_http` (the server's workers),
    alternating item by item. CPU time is what the request path costs, whatever else the machine runs."""
    wall_d, wall_h, cpu_d, cpu_h = [], [], [], []
    for item in items:
        wall, cpu = time.perf_counter(), time.thread_time()
        direct(item)
        wall_d.append((time.perf_counter() - wall) * 1000)
        cpu_d.append((time.thread_time() - cpu) * 1000)
        served, wall = server_cpu(), time.perf_counter()
        over_http(item)
        wall_h.append((time.perf_counter() - wall) * 1000)
        cpu_h.append(server_cpu() - served)
    return Timings(wall_d), Timings(wall_h), Timings(cpu_d), Timings(cpu_h)


def process_cpu_ms(pids: Iterable[int]) -> float:
    """CPU time of every thread of the given processes, in ms (Linux schedstat: nanoseconds)."""
    total = 0
    for pid in pids:
        for task in Path(f"/proc/{pid}/task").iterdir():
            try:
                total += int((task / "schedstat").read_text().split()[0])
            except (OSError, ValueError, IndexError):  # a thread that just ended
                continue
    return total / 1e6


def children(pid: int) -> list[int]:
    """Ids of the processes whose parent is `pid` (gunicorn's workers)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


class HTTPFailure(RuntimeError):
    """A response outside the expected statuses."""


def http_get(url: str, ok: tuple[int, ...] = (200,), timeout: float = 120.0, **query: Any) -> Any:
    """GET with query parameters; the decoded JSON body, or HTTPFailure."""
    full = url + ("?" + urllib.parse.urlencode(query, doseq=True) if query else "")
    try:
        with urllib.request.urlopen(full, timeout=timeout) as res:
            return json.loads(res.read())
    except urllib.error.HTTPError as err:
        body = err.read()
        if err.code in ok:
            return json.loads(body)
        raise HTTPFailure(f"{err.code} {full}: {body[:200]!r}") from None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Gunicorn:
    """gunicorn serving `api.app:create_app()` with the given environment, as the Dockerfile does."""

    def __init__(self, env: dict[str, str], workers: int, threads: int) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.workers = workers
        cmd = [str(Path(sys.executable).parent / "gunicorn"), "--bind", f"127.0.0.1:{self.port}",
               "--workers", str(workers), "--threads", str(threads), "--worker-class", "gthread",
               "--timeout", "600", "--backlog", "256", "--log-level", "warning", "api.app:create_app()"]
        self.proc = subprocess.Popen(cmd, env={**os.environ, **env}, cwd=ROOT)

    def __enter__(self) -> Gunicorn:
        return self

    def __exit__(self, *exc: object) -> None:
        self.proc.terminate()
        self.proc.wait(60)

    def workers_cpu_ms(self) -> float:
        """CPU time spent so far by the workers' threads (request handling, not the master)."""
        return process_cpu_ms(children(self.proc.pid))

    def warm(self, path: str, timeout: float = 1800.0, **query: Any) -> None:
        """Wait until every worker has opened its store and answered (the embedded one loads its
        whole graph first, minutes for 10^6 relations on a busy machine)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                http_get(self.base + "/health", timeout=timeout)
                break
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise
                time.sleep(0.5)
        threads = [threading.Thread(target=http_get, args=(self.base + path,), kwargs={
            "timeout": timeout, **query}) for _ in range(self.workers * 4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()


def _mixed_request(base: str, spec: Synthetic, rng: random.Random) -> Callable[[], Any]:
    """One request of the load mix: mostly subgraphs and paths, some search and profiles."""
    roll = rng.random()
    if roll < 0.35:
        center = rng.choice(spec.ordinary(50))
        return lambda: http_get(f"{base}/api/v1/subgraph", center=center, depth=2)
    if roll < 0.45:
        hub = rng.choice(spec.hubs)
        return lambda: http_get(f"{base}/api/v1/subgraph", center=hub, depth=2)
    if roll < 0.75:
        a, b = rng.choice(spec.pairs(50))
        return lambda: http_get(f"{base}/api/v1/paths", source=a, target=b, max_hops=4, ok=(200, 404))
    if roll < 0.9:
        word = f"synthetic actor {rng.randrange(spec.entities)}"
        return lambda: http_get(f"{base}/api/v1/entities", q=word, limit=10)
    entity = rng.choice(spec.ordinary(50))
    return lambda: http_get(f"{base}/api/v1/entities/{urllib.parse.quote(entity)}")


def load_test(base: str, spec: Synthetic, clients: int, seconds: float) -> dict[str, Any]:
    """`clients` threads sending the mixed requests back to back for `seconds`; errors counted."""
    lock = threading.Lock()
    latencies: list[float] = []
    errors: list[str] = []
    stop_at = time.monotonic() + seconds

    def client(index: int) -> None:
        rng = random.Random(index)
        while time.monotonic() < stop_at:
            request = _mixed_request(base, spec, rng)
            started = time.perf_counter()
            try:
                request()
            except (HTTPFailure, OSError, ValueError) as exc:
                with lock:
                    errors.append(str(exc)[:200])
                continue
            with lock:
                latencies.append((time.perf_counter() - started) * 1000)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    t = Timings(latencies or [0.0])
    return {"clients": clients, "seconds": elapsed, "requests": len(latencies) + len(errors),
            "rps": (len(latencies) + len(errors)) / elapsed, "p50": t.p50, "p99": t.p99,
            "errors": len(errors), "examples": errors[:3]}
