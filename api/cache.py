"""Whole-graph analytics answered once per graph version.

Betweenness, PageRank and communities over a large graph cost seconds; the
same question on the same graph gets the same answer, so it is kept, keyed by
the query, its parameters and the store's `version` (the embedded store bumps
it on every change). A store without a version (Neo4j, where another client
may write at any time) is never cached.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any

CACHED_ANSWERS = 64


class AnswerCache:
    """A small LRU of answers keyed by (query name, parameters, graph version)."""

    def __init__(self, size: int = CACHED_ANSWERS) -> None:
        self._size = size
        self._items: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[str, threading.Lock] = {}

    def get_or_compute(self, store: Any, name: str, params: Mapping[str, Any], compute: Callable[[], Any]
                       ) -> Any:
        """The kept answer for this graph version, else `compute()` (kept when it succeeds).

        Concurrent requests for one missing answer compute it once: the others wait for it.
        """
        version = getattr(store, "version", None)
        if version is None:
            return compute()
        key = json.dumps([name, sorted(params.items()), list(version)], default=str)
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            key_lock = self._computing.setdefault(key, threading.Lock())
        with key_lock:
            return self._computed(key, compute)

    def _computed(self, key: str, compute: Callable[[], Any]) -> Any:
        """The answer another thread just kept, or a fresh one kept now."""
        with self._lock:
            if key in self._items:
                return self._items[key]
        try:
            answer = compute()
        except BaseException:
            with self._lock:
                self._computing.pop(key, None)
            raise
        with self._lock:
            self._computing.pop(key, None)
            self._items[key] = answer
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return answer
