"""A re-entrant readers-writer lock: many searches at once, one writer alone.

The embedded store used one re-entrant lock for everything, so a long search
held `/health` and every other request. Readers now share the lock; a writer
waits for the readers in progress and, while it waits, new readers queue behind
it (writer preference), so writes are never starved. A thread that already
reads may read again (nested query twins), and the writing thread may read or
write again; a reader never upgrades to a writer (it would deadlock).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class ReadWriteLock:
    """Shared reads, exclusive writes, both re-entrant per thread."""

    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._readers = 0
        self._writer: int | None = None
        self._writes = 0  # re-entry depth of the writing thread
        self._waiting_writers = 0
        self._local = threading.local()

    def _reads(self) -> int:
        return getattr(self._local, "reads", 0)

    @property
    def reading(self) -> bool:
        """Whether this thread already holds a read."""
        return self._reads() > 0

    @contextmanager
    def read(self) -> Iterator[None]:
        """Hold a shared read for the block."""
        me = threading.get_ident()
        nested = self._reads() > 0 or self._writer == me
        if not nested:
            with self._cond:
                while self._writer is not None or self._waiting_writers:
                    self._cond.wait()
                self._readers += 1
        self._local.reads = self._reads() + 1
        try:
            yield
        finally:
            self._local.reads -= 1
            if not nested:
                with self._cond:
                    self._readers -= 1
                    if not self._readers:
                        self._cond.notify_all()

    @contextmanager
    def write(self) -> Iterator[None]:
        """Hold the lock alone for the block."""
        me = threading.get_ident()
        if self._reads() and self._writer != me:
            raise RuntimeError("a reading thread cannot take the write lock")
        with self._cond:
            if self._writer != me:
                self._waiting_writers += 1
                try:
                    while self._writer is not None or self._readers:
                        self._cond.wait()
                finally:
                    self._waiting_writers -= 1
                self._writer = me
            self._writes += 1
        try:
            yield
        finally:
            with self._cond:
                self._writes -= 1
                if not self._writes:
                    self._writer = None
                    self._cond.notify_all()
