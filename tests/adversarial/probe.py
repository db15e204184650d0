"""Run one expensive request and probe cheap ones alongside it, timing everything."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tests.api.served import Client, Reply

PROBE_GAP = 0.05  # seconds between probes


@dataclass
class Probed:
    """The expensive reply with its duration, and (path, status, seconds) of every probe."""

    reply: Reply | None = None
    seconds: float = 0.0
    probes: list[tuple[str, int, float]] = field(default_factory=list)

    @property
    def slowest_probe(self) -> float:
        return max((s for _, _, s in self.probes), default=0.0)


def timed(client: Client, path: str, query: dict[str, Any] | None = None) -> tuple[Reply, float]:
    started = time.monotonic()
    reply = client.request("GET", path, query=query)
    return reply, time.monotonic() - started


def while_running(client: Client, path: str, query: dict[str, Any],
                  probes: Sequence[str] = ("/health", "/api/v1/stats")) -> Probed:
    """GET path?query in a thread; meanwhile GET each probe path in turn until it answers."""
    out = Probed()

    def expensive() -> None:
        out.reply, out.seconds = timed(client, path, query)

    worker = threading.Thread(target=expensive)
    worker.start()
    turn = 0
    while worker.is_alive():
        probe = probes[turn % len(probes)]
        reply, seconds = timed(client, probe)
        if worker.is_alive():  # only probes that overlapped the expensive request count
            out.probes.append((probe, reply.status, seconds))
        turn += 1
        time.sleep(PROBE_GAP)
    worker.join()
    return out
