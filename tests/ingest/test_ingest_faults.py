"""Faults mid-ingest: SIGKILL, Ctrl-C and a Neo4j that goes away; a rerun must finish the job.

Each case runs `actorgraph ingest` as a child process with one article per batch,
interrupts it after some batches are in, checks the store is consistent, reruns
the same command and compares `stats` with a clean run.
"""

from __future__ import annotations

import queue
import signal
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from neo4j import GraphDatabase

from tests.ingest.ingest_helpers import few, run, spawn
from tests.neo4j_server import Neo4jServer

pytestmark = [pytest.mark.model, pytest.mark.slow]

ARTICLES = 8
NEO4J_ARTICLES = 5  # Neo4j runs are slower: fewer articles, still several batches each side


def ingest_args(url: str, n: int = ARTICLES) -> list[str]:
    return ["ingest", *few(n), "--store", url, "--batch-size", "1"]


def stats_of(url: str) -> dict[str, Any]:
    import json

    done = run("stats", "--json", "--store", url)
    assert done.returncode == 0, done.stderr
    data: dict[str, Any] = json.loads(done.stdout)
    return data


class StderrWatch:
    """Reads a child's stderr on a thread, so the test can wait for a line and still see the rest."""

    def __init__(self, proc: Any) -> None:
        self.proc = proc
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self.thread = threading.Thread(target=self._pump, daemon=True)
        self.thread.start()

    def _pump(self) -> None:
        for line in self.proc.stderr:
            self.lines.put(line)
        self.lines.put("")

    def wait_for(self, marker: str, timeout: float = 120) -> None:
        """Block until a line contains `marker`; fail if the child ends first."""
        while True:
            line = self.lines.get(timeout=timeout)
            if not line:
                raise AssertionError(f"child ended before {marker!r}:\n{''.join(self.seen)}")
            self.seen.append(line)
            if marker in line:
                return

    def finish(self, timeout: float) -> str:
        """Wait for the child to exit; everything it wrote to stderr after the marker."""
        self.proc.wait(timeout)
        self.thread.join(timeout)
        rest: list[str] = []
        while (line := self.lines.get_nowait() if not self.lines.empty() else ""):
            rest.append(line)
        return "".join(rest)


def clean_run(folder: Path, n: int) -> dict[str, Any]:
    """Stats of an uninterrupted ingest of the first `n` articles into a fresh embedded store."""
    url = f"embedded://{folder / 'graph.db'}"
    done = run(*ingest_args(url, n))
    assert done.returncode == 0, done.stderr
    return stats_of(url)


@pytest.fixture(scope="module")
def clean_stats(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return clean_run(tmp_path_factory.mktemp("clean"), ARTICLES)


def assert_consistent(db: Path) -> int:
    """SQLite file intact, no relation without evidence, no evidence without its article."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM relations WHERE evidence_count = 0").fetchone() == (0,)
        orphans = conn.execute("SELECT count(*) FROM evidence WHERE article_id NOT IN "
                               "(SELECT id FROM articles)").fetchone()
        assert orphans == (0,)
        (articles,) = conn.execute("SELECT count(*) FROM articles").fetchone()
    return int(articles)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["sigkill", "sigint"])
def test_interrupted_ingest_is_consistent_and_rerun_completes(
        sig: signal.Signals, tmp_path: Path, clean_stats: dict[str, Any]) -> None:
    db = tmp_path / "graph.db"
    url = f"embedded://{db}"
    with spawn(*ingest_args(url)) as proc:
        watch = StderrWatch(proc)
        try:
            watch.wait_for("batch 2:")
            proc.send_signal(sig)
            err = watch.finish(timeout=60)
        finally:
            proc.kill()
    if sig == signal.SIGKILL:
        assert proc.returncode == -signal.SIGKILL
    else:
        assert proc.returncode == 130
        assert "interrupted" in err and "Traceback" not in err
    assert 2 <= assert_consistent(db) < ARTICLES
    again = run(*ingest_args(url))
    assert again.returncode == 0, again.stderr
    assert "unchanged" in again.stderr and " 0 unchanged" not in again.stderr
    assert stats_of(url) == clean_stats


# -- Neo4j going away -----------------------------------------------------------------------

def wipe(server: Neo4jServer) -> None:
    s = server.settings
    with GraphDatabase.driver(s.uri, auth=(s.user, s.password)) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")


def test_neo4j_going_away_mid_ingest(neo4j_server: Neo4jServer, tmp_path: Path) -> None:
    s = neo4j_server.settings
    url = s.uri.replace("bolt://", f"bolt://{s.user}:{s.password}@")
    args = [*ingest_args(url, NEO4J_ARTICLES), "--retries", "2"]
    wipe(neo4j_server)
    clean = run(*args)
    assert clean.returncode == 0, clean.stderr
    expected = stats_of(url)
    assert expected == clean_run(tmp_path, NEO4J_ARTICLES)  # both stores hold the same graph
    wipe(neo4j_server)
    with spawn(*args) as proc:
        watch = StderrWatch(proc)
        try:
            watch.wait_for("batch 2:")
            assert neo4j_server.process is not None
            neo4j_server.process.kill()  # the server vanishes at once, as in a crash or network cut
            neo4j_server.stop()
            err = watch.finish(timeout=300)
        finally:
            proc.kill()
            neo4j_server.start()
    assert proc.returncode == 2
    last = err.strip().splitlines()[-1]
    assert last.startswith("actorgraph ingest: store unavailable:") and "after 2 attempts" in last
    assert "Traceback" not in err
    assert 2 <= stats_of(url)["articles"] < NEO4J_ARTICLES  # whole batches only
    again = run(*args)
    assert again.returncode == 0, again.stderr
    assert stats_of(url) == expected
