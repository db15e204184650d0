"""sqlite3 errors translated at the embedded store's boundary, as the Neo4j store translates the driver's.

A busy or locked database is another writer holding the file: retryable, so
`StoreUnavailable` (the loader retries it, the API answers 503 + Retry-After).
Any other sqlite3 error becomes `StoreFailed`, never a bare exception above `graph/`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from graph.errors import ActorGraphError, StoreFailed, StoreUnavailable

# SQLITE_BUSY (5) and SQLITE_LOCKED (6) and their extended codes share the low byte.
_BUSY_CODES = frozenset({5, 6})
_BUSY_WORDS = ("database is locked", "database is busy", "database table is locked")


def is_busy(error: sqlite3.Error) -> bool:
    """Whether the error means another connection holds the lock (it clears by itself)."""
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _BUSY_CODES:
        return True
    text = str(error).lower()
    return any(word in text for word in _BUSY_WORDS)


def translated(error: sqlite3.Error, path: object) -> ActorGraphError:
    """The project's error for a sqlite3 error on the file at `path`."""
    if is_busy(error):
        return StoreUnavailable(f"embedded store {path} is busy (another writer holds it): {error}")
    return StoreFailed(f"embedded store {path}: {type(error).__name__}: {error}")


@contextmanager
def sqlite_errors(path: object) -> Iterator[None]:
    """Raise sqlite3 errors from the block as the project's errors (the cause kept)."""
    try:
        yield
    except sqlite3.Error as exc:
        raise translated(exc, path) from exc
