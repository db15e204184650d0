"""Every failure as `application/problem+json` (RFC 9457), produced here and nowhere else.

Statuses come from the exception tree of `graph.errors` (each class carries
`.status`), from APIFlask's validation and HTTP errors, and, as a last resort,
a 500 that never shows a trace.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from apiflask import APIFlask
from apiflask.exceptions import HTTPError
from flask import Response, current_app, json, request
from werkzeug.exceptions import HTTPException

from graph.errors import ActorGraphError, StoreUnavailable

PROBLEM_TYPE = "application/problem+json"
RETRY_AFTER_SECONDS = 5
log = logging.getLogger(__name__)


def problem(status: int, title: str, detail: str, *, kind: str | None = None,
            headers: dict[str, str] | None = None, **extra: Any) -> Response:
    """A problem response: {type, title, status, detail} plus any extension members."""
    body = {"type": _type_uri(kind or title), "title": title, "status": status, "detail": detail, **extra}
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_TYPE)
    response.headers.update(headers or {})
    return response


def _type_uri(kind: str) -> str:
    """A stable URN naming the kind of problem (`urn:actorgraph:problem:not-found`)."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", kind)  # NotFound -> Not-Found
    slug = re.sub(r"[^a-z0-9]+", "-", spaced.lower()).strip("-")
    return f"urn:actorgraph:problem:{slug}"


def from_store_error(error: ActorGraphError) -> Response:
    """A domain error: the class says status and title, the message is the detail."""
    headers = dict(getattr(error, "headers", None) or {})
    if isinstance(error, StoreUnavailable):
        headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return problem(error.status, error.title, str(error) or error.title, kind=type(error).__name__,
                   headers=headers)


def from_http_error(error: HTTPError) -> Response:
    """APIFlask and werkzeug errors: validation (400 for parameters, 422 for bodies), 404, 405, 413..."""
    headers = {k: v for k, v in dict(error.headers or {}).items() if k.lower() != "content-type"}
    if error.status_code in (400, 422) and isinstance(error.detail, dict) and error.detail:
        return _validation_problem(error.detail, headers)
    if error.status_code == 413:
        limit = current_app.config.get("MAX_CONTENT_LENGTH")
        return problem(413, "Request body too large",
                       f"the request body exceeds the limit of {limit} bytes (max_body_bytes)",
                       headers=headers, limit=limit)
    title = str(error.message or "Error")
    detail = error.detail if isinstance(error.detail, str) and error.detail else _default_detail(error)
    return problem(error.status_code, title, detail, headers=headers)


def _default_detail(error: HTTPError) -> str:
    """A sentence for the statuses that come without one."""
    return {
        404: "no such resource",
        405: "method not allowed here",
    }.get(error.status_code, str(error.message or "request failed"))


def _validation_problem(detail: dict[str, Any], headers: dict[str, str]) -> Response:
    """Parameters (query, path) are 400; a malformed body is 422; both list every field message."""
    parts = []
    for location, problems in sorted(detail.items()):
        for field, messages in sorted(_flatten(problems).items()):
            parts.append(f"{location} '{field}': {' '.join(messages)}")
    body_error = any(loc in ("json", "form", "files") for loc in detail)
    status, title = (422, "Invalid request body") if body_error else (400, "Invalid parameter")
    return problem(status, title, "; ".join(parts) or title, headers=headers, errors=detail)


def _flatten(problems: Any, prefix: str = "") -> dict[str, list[str]]:
    """marshmallow's nested messages as {'a.b': [messages]}."""
    if isinstance(problems, dict):
        flat: dict[str, list[str]] = {}
        for key, value in problems.items():
            flat.update(_flatten(value, f"{prefix}.{key}" if prefix else str(key)))
        return flat
    if isinstance(problems, list) and all(isinstance(m, str) for m in problems):
        return {prefix or "_": problems}
    return {prefix or "_": [str(problems)]}


def last_resort(error: Exception) -> Response:
    """An unexpected error: logged with its trace on the server, a bare 500 for the client."""
    if isinstance(error, HTTPException):
        return from_http_error(HTTPError(error.code or 500, error.description or error.name))
    log.exception("unhandled error", exc_info=error)
    return problem(500, "Internal error", "the server failed to answer; the error has been logged")


def too_deep(error: RecursionError) -> Response:
    """JSON nested past Python's recursion limit is the client's error (400), anything else a 500."""
    if request.mimetype and request.mimetype.endswith("json") and request.content_length != 0:
        return problem(400, "Invalid request body", "the JSON body is nested too deeply to read",
                       kind="BodyTooDeep")
    return last_resort(error)


def register(app: APIFlask) -> None:
    """Route every kind of failure of `app` through this module."""
    app.error_processor(from_http_error)
    app.register_error_handler(ActorGraphError, from_store_error)
    app.register_error_handler(RecursionError, too_deep)
    app.register_error_handler(Exception, last_resort)
