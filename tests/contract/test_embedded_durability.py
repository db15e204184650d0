"""Embedded store: a writer killed with SIGKILL mid-batch leaves every batch wholly in or wholly out."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.embedded.store import EmbeddedStore

ROOT = Path(__file__).resolve().parents[2]
PER_BATCH = 3000
PEOPLE = 200

# The child writes numbered batches forever, announcing each one before it starts.
CHILD = """
import sys
from graph.embedded.store import EmbeddedStore
from graph.model import Article, Batch, Entity, EntityType, Evidence, Predicate, Relation

path, first, per_batch, people = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
store = EmbeddedStore(path)
store.ensure_schema()
store.write(Batch(entities=tuple(Entity(f"person:p{i}", f"P{i}", EntityType.PERSON) for i in range(people))))
sentence = "A long sentence so that each batch writes many pages. " * 8
i = first
while True:
    art = Article(f"batch-{i:06d}", "kill-test", title=str(i))
    rels = tuple(
        Relation(f"person:p{j % people}", Predicate.HOLDS_OFFICE, f"person:p{(7 * j + 1) % people}",
                 attrs={"title": f"{i}-{j}"},
                 evidence=(Evidence(art.id, sentence, j, j + len(sentence), date="2021-01-01"),))
        for j in range(per_batch)
    )
    print(f"writing {i}", flush=True)
    store.write(Batch(articles=(art,), relations=rels, mentions=((art.id, "person:p0"),)))
    print(f"done {i}", flush=True)
    i += 1
"""


def run_and_kill(path: Path, first: int, kill_during: int, delay: float) -> tuple[int, bool]:
    """Start a writer and SIGKILL it `delay` seconds after it starts batch `first + kill_during`.

    Returns that batch number and whether the kill landed inside its write
    (the writer had announced it but not reported it done).
    """
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(first), str(PER_BATCH), str(PEOPLE)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None
    target = first + kill_during
    try:
        for line in proc.stdout:
            if line.strip() == f"writing {target}":
                break
        time.sleep(delay)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    rest = proc.stdout.read().split()
    proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    return target, f"done {target}" not in " ".join(rest)


def check_whole_batches(path: Path) -> set[str]:
    """Integrity ok, and each batch article has exactly PER_BATCH relations and evidence items."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        articles = {r[0] for r in conn.execute("SELECT id FROM articles")}
        per_article = dict(conn.execute("SELECT article_id, count(*) FROM evidence GROUP BY article_id"))
        (relations,) = conn.execute("SELECT count(*) FROM relations").fetchone()
        (mentions,) = conn.execute("SELECT count(*) FROM mentions").fetchone()
    finally:
        conn.close()
    assert set(per_article) == articles
    assert set(per_article.values()) <= {PER_BATCH}
    assert relations == PER_BATCH * len(articles)
    assert mentions == len(articles)
    return articles


@pytest.mark.slow
def test_sigkill_mid_batch_keeps_batches_whole(tmp_path: Path) -> None:
    path = tmp_path / "graph.db"
    rng = random.Random(20211107)
    mid_write = 0
    articles: set[str] = set()
    # Early kills land inside the write; later ones may land in the commit or the next batch.
    for round_no, (kill_during, delay) in enumerate(((0, 0.01), (1, 0.05), (2, 0.15), (1, 0.4))):
        first = round_no * 1000
        in_flight, inside = run_and_kill(path, first, kill_during, delay * rng.uniform(0.5, 1.5))
        articles = check_whole_batches(path)
        mid_write += inside
        print(f"round {round_no}: batch {in_flight} killed {'inside' if inside else 'after'} its write,"
              f" {'kept' if f'batch-{in_flight:06d}' in articles else 'absent'}")
        # Every batch before the one in flight had committed; the one in flight is in or out, whole.
        assert {f"batch-{b:06d}" for b in range(first, in_flight)} <= articles
    store = EmbeddedStore(path)
    counts = store.counts()
    assert counts.articles == len(articles) > 0
    assert counts.relations == {"HOLDS_OFFICE": PER_BATCH * len(articles)}
    assert counts.evidence == PER_BATCH * len(articles)
    store.close()
    assert mid_write >= 1, "no kill landed inside a write; the test proved nothing"
