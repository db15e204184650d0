"""Which snapshot a reader gets: the store's current one, advanced to the version its transaction sees.

The first traversal builds the compact base (or maps the one another process
saved); later versions are the base plus a delta, made by this process's writes
(`after_write`) or read back from the version log when another process wrote.
A delta past `room()` is folded into a new base instead. One lock serialises the
building; a reader whose version is already there takes no lock at all.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

from graph.embedded import csr, versions
from graph.embedded.delta import Row
from graph.embedded.snapshot import Snapshot

log = logging.getLogger(__name__)

SAVE_EDGES = 50_000  # graphs with at least this many relations keep their base on disk for other processes
COMPACT_MIN = 50_000  # changes a delta may hold before a new base is built, at the least ...
COMPACT_SHARE = 0.1  # ... or this share of the base's relations


def room(base: csr.Csr) -> int:
    """Changes a delta over this base may hold."""
    return max(COMPACT_MIN, int(base.edges * COMPACT_SHARE))


class Versions:
    """The current snapshot of one database file (None until the first traversal)."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self._snap: Snapshot | None = None
        self._lock = threading.Lock()

    def reset(self) -> None:
        """Forget the snapshot (the file was closed)."""
        with self._lock:
            self._snap = None

    def at(self, conn: sqlite3.Connection, version: int) -> Snapshot | None:
        """The snapshot of `version` (what `conn`'s transaction sees); None when the current one is
        already newer, so the caller restarts its transaction at the newest version."""
        snap = self._snap
        if snap is not None and snap.version >= version:
            return snap if snap.version == version else None
        with self._lock:
            snap = self._snap
            if snap is not None and snap.version >= version:
                return snap if snap.version == version else None
            self._snap = self._advance(conn, snap, version)
            return self._snap

    def after_write(self, before: int, version: int, rows: list[Row], gone: list[tuple[str, str, str]],
                    nodes: list[tuple[str, str, str]], gone_nodes: list[str]) -> None:
        """Swap in the version a write of this process just committed, when it extends the current one."""
        with self._lock:
            snap = self._snap
            if snap is None or snap.version != before:
                return  # none yet, or a reader already advanced it: readers catch up from the log
            if len(snap.delta) + len(rows) + len(gone) + len(nodes) + len(gone_nodes) > room(snap.base):
                return  # the next reader folds everything into a new base
            self._snap = snap.changed(version, rows, gone, nodes, gone_nodes)

    def _advance(self, conn: sqlite3.Connection, snap: Snapshot | None, version: int) -> Snapshot:
        epoch = versions.epoch(conn)
        if snap is not None and snap.epoch == epoch:
            moved = self._from_log(conn, snap, version)
            if moved is not None:
                return moved
        return self._base(conn, epoch, version)

    def _from_log(self, conn: sqlite3.Connection, snap: Snapshot, version: int) -> Snapshot | None:
        """`snap` brought to `version` with what the log says changed; None when that is too much."""
        ents, rels = versions.changes(conn, snap.version, version)
        if len(snap.delta) + len(ents) + len(rels) > room(snap.base):
            return None
        nodes, rows = versions.rows_of(conn, ents, rels)
        gone_nodes = sorted(ents - {n[0] for n in nodes})
        gone = [(rid, *rels[rid]) for rid in sorted(set(rels) - {r[0] for r in rows})]
        return snap.changed(version, rows, gone, nodes, gone_nodes)

    def _base(self, conn: sqlite3.Connection, epoch: str, version: int) -> Snapshot:
        """A new base: the saved one of this version, an older saved one plus the log, or built."""
        loaded = csr.load(self.db, epoch, version)
        if loaded is not None:
            return Snapshot(epoch, version, loaded)
        older = [v for v in csr.saved_versions(self.db, epoch) if v < version]
        base = csr.load(self.db, epoch, older[-1]) if older else None
        if base is not None:
            moved = self._from_log(conn, Snapshot(epoch, base.version, base), version)
            if moved is not None:
                return moved
        built = csr.build(conn, version)
        log.info("built the compact graph of %s v%d: %d relations", self.db, version, built.edges)
        if built.edges >= SAVE_EDGES:
            csr.save(self.db, epoch, built)
        return Snapshot(epoch, version, built)
