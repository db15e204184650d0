"""One schema upgrade of an embedded store file: a step run once, under the write lock, then the version set.

Several processes may open an old file at once; the first takes the lock and upgrades, the
others find the new version when the lock is theirs and do nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


def user_version(conn: sqlite3.Connection) -> int:
    """The file's schema version (SQLite's `user_version`)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def upgrade(conn: sqlite3.Connection, version: int, step: Callable[[sqlite3.Connection], None]) -> None:
    """Run `step` and set `version`, in one transaction, unless the file is already at `version` or above."""
    if user_version(conn) >= version:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        if user_version(conn) < version:  # another process may have upgraded while we waited
            step(conn)
            conn.execute(f"PRAGMA user_version = {int(version)}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
