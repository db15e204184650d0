"""Per-request bounds: a work budget and deadline for searches, and a size limit on chunked bodies.

A body sent with `Transfer-Encoding: chunked` has no length to check up front;
the WSGI wrapper reads at most the limit plus one byte, hands the app a plain
body of known length, or marks the request so the guard answers 413 (werkzeug
would otherwise fail it as a 400 half-way through parsing).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask, g, request
from werkzeug.exceptions import RequestEntityTooLarge

from api.settings import Settings
from graph import budget

OVER_LIMIT = "actorgraph.body_over_limit"
WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class ChunkedBodyLimit:
    """WSGI middleware: a chunked body becomes a sized one, or is refused past `limit` bytes."""

    def __init__(self, app: WSGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower():
            data = _read_at_most(environ["wsgi.input"], self.limit + 1)
            if len(data) > self.limit:
                environ[OVER_LIMIT] = True
                data = b""
            environ["wsgi.input"] = io.BytesIO(data)
            environ["CONTENT_LENGTH"] = str(len(data))
            environ.pop("HTTP_TRANSFER_ENCODING", None)
            environ["wsgi.input_terminated"] = False
        return self.app(environ, start_response)


def _read_at_most(stream: Any, size: int) -> bytes:
    """Up to `size` bytes of a stream that may return fewer per read."""
    parts, got = [], 0
    while got < size:
        chunk = stream.read(min(65536, size - got))
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def refuse_marked_bodies() -> None:
    """Answer 413 for a chunked body the middleware found over the limit."""
    if request.environ.get(OVER_LIMIT):
        raise RequestEntityTooLarge()


def open_budget() -> None:
    """Every request's searches share one budget: `search_steps` steps, `search_seconds` seconds."""
    conf = _settings()
    g._budget_token = budget.start(conf.search_steps, conf.search_seconds)


def close_budget(_: BaseException | None = None) -> None:
    """Close the request's budget (runs even when the view raised)."""
    token = g.pop("_budget_token", None)
    if token is not None:
        budget.stop(token)


def _settings() -> Settings:
    from api.security import settings

    return settings()


def install(app: Flask, settings: Settings) -> None:
    """Wrap the WSGI app and hook the budget into every request."""
    app.wsgi_app = ChunkedBodyLimit(app.wsgi_app, settings.max_body_bytes)  # type: ignore[method-assign]
    app.before_request(refuse_marked_bodies)
    app.before_request(open_budget)
    app.teardown_request(close_budget)
