"""Reads of the embedded store: one connection per thread, one read transaction per read, no lock.

In WAL mode a read transaction sees the file as of its first statement while
writers go on, so a read pins a version (`graph_meta`), and its traversals use
the snapshot of exactly that version (`embedded_snapshots`): SQL lookups and
the graph always agree, and nothing a reader does waits for a writer or another
reader. A nested read (a query twin's lookups) reuses the outer one.
"""

from __future__ import annotations

import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from graph.embedded import versions
from graph.embedded.snapshot import Snapshot
from graph.embedded.snapshots import Versions


@dataclass
class Pin:
    """One thread's read: its connection in a read transaction, the version it sees, its snapshot."""

    conn: sqlite3.Connection
    version: int
    snap: Snapshot | None = None


class Readers:
    """Per-thread read connections of one file, and the reads running on them."""

    def __init__(self, connect: Callable[[], sqlite3.Connection], graphs: Versions) -> None:
        self._connect, self._graphs = connect, graphs
        self._lock = threading.Lock()
        self._open: list[tuple[weakref.ref[threading.Thread], sqlite3.Connection]] = []
        self._local = threading.local()
        self._generation = 0  # bumped by close(), so threads drop connections it closed

    def connection(self) -> sqlite3.Connection:
        """This thread's connection, made on its first read (those of ended threads are closed)."""
        local = self._local
        if getattr(local, "generation", None) != self._generation:
            local.conn, local.generation = self._connect(), self._generation
            with self._lock:
                ended = [c for t, c in self._open if not _alive(t())]
                for c in ended:
                    c.close()
                self._open = [(t, c) for t, c in self._open if c not in ended]
                self._open.append((weakref.ref(threading.current_thread()), local.conn))
        conn: sqlite3.Connection = local.conn
        return conn

    def close(self) -> None:
        """Close every thread's connection (a thread's next read opens a new one)."""
        with self._lock:
            for _, conn in self._open:
                conn.close()
            self._open = []
            self._generation += 1

    @contextmanager
    def reading(self) -> Iterator[Pin]:
        """A read transaction on this thread's connection (a nested read reuses the outer)."""
        pin: Pin | None = getattr(self._local, "pin", None)
        if pin is not None:
            yield pin
            return
        conn = self.connection()
        conn.execute("BEGIN")
        try:
            pin = self._local.pin = Pin(conn, versions.current(conn))
            yield pin
        finally:
            self._local.pin = None
            if conn.in_transaction:
                conn.execute("ROLLBACK")  # a read: nothing to keep

    def snapshot(self, pin: Pin) -> Snapshot:
        """The graph of the version the read sees (the read restarts at the newest version when a
        newer snapshot is already swapped in: versions only move forward)."""
        while pin.snap is None:
            pin.snap = self._graphs.at(pin.conn, pin.version)
            if pin.snap is None:
                pin.conn.execute("ROLLBACK")
                pin.conn.execute("BEGIN")
                pin.version = versions.current(pin.conn)
        return pin.snap


def _alive(thread: threading.Thread | None) -> bool:
    return thread is not None and thread.is_alive()
