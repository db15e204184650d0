"""The Neo4j server's heap and page cache, read from the server, for benchmarks to print."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from neo4j import Driver
from neo4j.exceptions import Neo4jError

CYPHER = Path(__file__).resolve().parent / "cypher"


def _first(driver: Driver, name: str) -> Any:
    """The first value of the bench query `name`, or None when the server has no answer."""
    try:
        records, _, _ = driver.execute_query((CYPHER / f"{name}.cypher").read_text(encoding="utf-8"))
    except Neo4jError:
        return None
    return records[0][0] if records else None


def server_memory(driver: Driver) -> str:
    """'heap max 512 MB, page cache 64.00MiB' ('unknown' for what the server would not say)."""
    heap = _first(driver, "server_heap")
    page_cache = _first(driver, "server_pagecache")
    return f"heap max {f'{heap / 2**20:.0f} MB' if heap else 'unknown'}, page cache {page_cache or 'unknown'}"
