"""Write authorisation, request size limit, CORS and frame-ancestors: the app's guard rails.

CORS is a few headers, so it is done here rather than with another dependency.
"""

from __future__ import annotations

import functools
import hmac
from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, Response, current_app, request
from werkzeug.exceptions import RequestEntityTooLarge

from api.settings import Settings
from graph.errors import ActorGraphError

F = TypeVar("F", bound=Callable[..., Any])
CORS_METHODS = "GET, POST, DELETE, OPTIONS"
CORS_HEADERS = "Authorization, Content-Type"


class Unauthorized(ActorGraphError):
    """No or a wrong bearer token on a write."""

    status = 401
    title = "Unauthorized"
    headers = {"WWW-Authenticate": 'Bearer realm="actorgraph"'}


class WritesDisabled(ActorGraphError):
    """The server has no API token configured, so nobody may write."""

    status = 403
    title = "Writes disabled"


def settings() -> Settings:
    """The settings the running app was built with."""
    value: Settings = current_app.extensions["actorgraph_settings"]
    return value


def require_token(view: F) -> F:
    """Allow the view only with `Authorization: Bearer <api_token>`; no token configured: 403."""

    @functools.wraps(view)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        expected = settings().api_token
        if not expected:
            raise WritesDisabled("writes are disabled: no API token is configured (ACTORGRAPH_API_TOKEN)")
        scheme, _, given = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
            raise Unauthorized("a valid 'Authorization: Bearer <token>' header is required for writes")
        return view(*args, **kwargs)

    return guarded  # type: ignore[return-value]


def reject_large_bodies() -> None:
    """Refuse a declared body over the limit before reading it (streamed bodies hit MAX_CONTENT_LENGTH)."""
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    if request.content_length is not None and request.content_length > limit:
        raise RequestEntityTooLarge()


def add_headers(response: Response) -> Response:
    """CORS for allowed origins, frame-ancestors and nosniff on every response."""
    conf = settings()
    origin = request.headers.get("Origin")
    if origin and ("*" in conf.cors_origins or origin in conf.cors_origins):
        response.headers["Access-Control-Allow-Origin"] = "*" if "*" in conf.cors_origins else origin
        response.headers["Access-Control-Allow-Methods"] = CORS_METHODS
        response.headers["Access-Control-Allow-Headers"] = CORS_HEADERS
        response.headers["Access-Control-Max-Age"] = "600"
        response.vary.add("Origin")
    if "Content-Security-Policy" not in response.headers:
        ancestors = " ".join(conf.frame_ancestors) or "'none'"
        response.headers["Content-Security-Policy"] = f"frame-ancestors {ancestors}"
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    return response


def install(app: Flask) -> None:
    """Hook the guards into `app`."""
    app.before_request(reject_large_bodies)
    app.after_request(add_headers)
