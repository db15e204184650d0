"""Real HTTP for the API tests: the app served by werkzeug on a free loopback port, and urllib."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from werkzeug.serving import make_server

from api.app import create_app
from graph.store import GraphStore

TOKEN = "test-token-8a1f"
ALLOWED_ORIGIN = "https://analysts.example"
BODY_LIMIT = 20_000


@dataclass(frozen=True)
class Reply:
    """Status, headers and the decoded body of one HTTP exchange."""

    status: int
    headers: Mapping[str, str]
    text: str

    @property
    def json(self) -> Any:
        return json.loads(self.text)

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";")[0]


@dataclass(frozen=True)
class Client:
    """A tiny urllib client bound to a base URL."""

    base: str

    def request(self, method: str, path: str, *, query: Mapping[str, Any] | None = None,
                body: Any = None, data: bytes | None = None, headers: Mapping[str, str] | None = None
                ) -> Reply:
        url = self.base + path
        if query:
            url += "?" + urllib.parse.urlencode(query, doseq=True)
        if body is not None:
            data = json.dumps(body).encode()
        req = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
        if data is not None and "Content-Type" not in req.headers:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=60) as res:
                return Reply(res.status, dict(res.headers), res.read().decode())
        except urllib.error.HTTPError as err:
            return Reply(err.code, dict(err.headers), err.read().decode())

    def get(self, path: str, **query: Any) -> Reply:
        return self.request("GET", path, query=query)


def settings(**overrides: Any) -> dict[str, Any]:
    """The test app's settings: a token, one CORS origin, a small body limit."""
    conf: dict[str, Any] = {"store": "embedded:///unused.db", "api_token": TOKEN,
                            "cors_origins": (ALLOWED_ORIGIN,), "max_body_bytes": BODY_LIMIT,
                            "frame_ancestors": ("'self'", "https://reports.example"),
                            # a cold Neo4j on a busy CI machine plans its first path queries for
                            # seconds: the suite tests answers, the adversarial suite the deadline
                            "search_seconds": 60.0}
    conf.update(overrides)
    return conf


@contextmanager
def serving(store: GraphStore | None, **overrides: Any) -> Iterator[Client]:
    """The app on a free loopback port in a thread, for the duration of the block."""
    app = create_app(settings(**overrides), store=store)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Client(f"http://127.0.0.1:{server.server_port}")
    finally:
        server.shutdown()
        thread.join()
        server.server_close()
