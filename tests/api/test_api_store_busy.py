"""A locked embedded database is a retryable outage over HTTP: 503 with Retry-After, never a bare 500."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from graph.embedded.store import EmbeddedStore
from tests.api.served import TOKEN, serving
from tests.queries import stores


def test_a_write_to_a_locked_embedded_store_is_503_with_retry_after(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "graph.db", busy_timeout=0.1)
    stores.load(store)
    other = sqlite3.connect(tmp_path / "graph.db", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with serving(store) as api:
            reply = api.request("DELETE", "/api/v1/articles/ap-2020-01-05-sanctions",
                                headers={"Authorization": f"Bearer {TOKEN}"})
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert reply.status == 503, reply.text
    assert reply.content_type == "application/problem+json"
    assert reply.json["title"] == "Store unavailable" and "busy" in reply.json["detail"]
    assert int(reply.headers["Retry-After"]) > 0
    assert store.get_article("ap-2020-01-05-sanctions") is not None  # nothing was removed
    store.close()
