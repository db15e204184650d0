"""gunicorn's settings for `gunicorn 'api.app:create_app()'`, read from the working directory.

Threads share one interpreter lock per worker. CPython hands the lock over every
5 ms by default, so with a dozen busy request threads a short request such as
`/health` can wait that long at every blocking call it makes (socket, SQLite,
Bolt). A 1 ms hand-over keeps short requests short under load for a few per
cent of throughput. Command-line flags (`--workers`, `--threads`) override these.
"""

from __future__ import annotations

import sys
from typing import Any

SWITCH_INTERVAL_SECONDS = 0.001

worker_class = "gthread"
workers = 2
threads = 8
keepalive = 5


def post_fork(server: Any, worker: Any) -> None:
    """In every worker: hand the interpreter lock over more often than CPython's 5 ms."""
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)
