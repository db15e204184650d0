"""The store exception tree; each class carries the HTTP status the API answers with."""

from __future__ import annotations


class ActorGraphError(Exception):
    """Base of every error actorgraph raises on purpose."""

    status: int = 400
    title: str = "Bad request"


class NotFound(ActorGraphError):
    """An id that the store does not hold."""

    status = 404
    title = "Not found"


class NoPath(NotFound):
    """Two entities exist but no path joins them within the limits."""

    title = "No path"


class InvalidArgument(ActorGraphError):
    """A parameter outside its allowed range or vocabulary."""

    status = 400
    title = "Invalid parameter"


class LimitExceeded(ActorGraphError):
    """A request beyond a documented limit (depth, hops, node count, body size)."""

    status = 400
    title = "Limit exceeded"


class StoreUnavailable(ActorGraphError):
    """The store cannot be reached now; the caller may retry later."""

    status = 503
    title = "Store unavailable"


class StoreConfigError(ActorGraphError):
    """A store URL or setting that cannot be used."""

    status = 400
    title = "Bad store configuration"


class StoreFailed(ActorGraphError):
    """The store refused an operation for a reason retrying will not fix (corrupt file, full disk)."""

    status = 500
    title = "Store error"
