"""Open a store from one URL, so configuration is a single string.

Forms accepted:

- ``embedded:///abs/path/graph.db``: an absolute file path;
- ``embedded://relative/path.db``: a path relative to the working directory
  when the URL is opened (``embedded://./graph.db`` and ``embedded://~/g.db``
  work too); the store creates missing parent directories on first use;
- ``neo4j://``, ``neo4j+s://``, ``neo4j+ssc://``, ``bolt://``, ``bolt+s://``,
  ``bolt+ssc://`` ``[user:password@]host[:port][/database][?routing context]``:
  port 7687 and database ``neo4j`` by default. Credentials in the URL win;
  the ``user``/``password`` arguments fill in when the URL has none.

Passwords never reach a repr, a log line or an error message.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import SplitResult, unquote, urlsplit, urlunsplit

from graph.embedded.store import EmbeddedStore
from graph.errors import StoreConfigError
from graph.store import GraphStore

log = logging.getLogger(__name__)

EMBEDDED = "embedded"
NEO4J_SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")
DEFAULT_PORT = 7687
DEFAULT_DATABASE = "neo4j"
# The driver retries a transaction on transient errors for this long; callers (the ingest
# loader) add their own bounded retries with backoff on top, so keep one window short.
DEFAULT_RETRY_SECONDS = 10.0
_DATABASE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")


@dataclass(frozen=True)
class StoreURL:
    """A parsed store URL: a file path for the embedded store, or a driver URI, database and auth."""

    scheme: str
    path: Path | None = None
    uri: str | None = None
    database: str = DEFAULT_DATABASE
    user: str | None = None
    password: str | None = field(default=None, repr=False)

    @property
    def auth(self) -> tuple[str, str] | None:
        """Basic auth for the driver, or None for a server without authentication."""
        if self.user is None or self.password is None:
            return None
        return (self.user, self.password)


def redact(url: str) -> str:
    """The URL with any password replaced by `***` (never raises)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparsable store URL>"
    if "@" not in parts.netloc:
        return url
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user, colon, _ = userinfo.partition(":")
    netloc = f"{user}:***@{hostport}" if colon else f"{user}@{hostport}"
    return urlunsplit(parts._replace(netloc=netloc))


def parse_store_url(url: str, *, user: str | None = None, password: str | None = None) -> StoreURL:
    """Check a store URL and split it into what a store needs; StoreConfigError when unusable."""
    try:
        parts = urlsplit(url.strip())
    except ValueError as exc:
        raise StoreConfigError(f"store URL {redact(url)!r} cannot be parsed: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme == EMBEDDED:
        return StoreURL(scheme, path=_embedded_path(url, parts))
    if scheme in NEO4J_SCHEMES:
        return _neo4j_url(url, parts, user, password)
    raise StoreConfigError(
        f"store URL {redact(url)!r} must start with embedded:// or one of "
        + ", ".join(f"{s}://" for s in NEO4J_SCHEMES)
    )


def _embedded_path(url: str, parts: SplitResult) -> Path:
    if not url.strip().lower().startswith("embedded://"):
        raise StoreConfigError(f"embedded store URL {url!r} needs '//' (embedded:///abs/path.db)")
    if parts.query or parts.fragment or "@" in parts.netloc:
        raise StoreConfigError(f"embedded store URL {redact(url)!r} takes only a path")
    raw = unquote(parts.netloc + parts.path)
    if not raw.strip("/"):
        raise StoreConfigError(f"embedded store URL {url!r} has no file path")
    path = Path(raw).expanduser()
    return path if path.is_absolute() else Path.cwd() / path


def _neo4j_url(url: str, parts: SplitResult, user: str | None, password: str | None) -> StoreURL:
    shown = redact(url)
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError as exc:
        raise StoreConfigError(f"store URL {shown!r} has a bad port") from exc
    host = parts.hostname
    if not host:
        raise StoreConfigError(f"store URL {shown!r} has no host")
    if parts.fragment or (parts.query and not parts.scheme.lower().startswith("neo4j")):
        raise StoreConfigError(f"store URL {shown!r}: only neo4j:// URLs take a ?routing context")
    database = unquote(parts.path.strip("/")) or DEFAULT_DATABASE
    if not _DATABASE_NAME.match(database):
        raise StoreConfigError(f"store URL {shown!r} names an invalid database {database!r}")
    if parts.username:
        user = unquote(parts.username)
    if parts.password is not None:
        password = unquote(parts.password)
    if password and not user:
        raise StoreConfigError(f"store URL {shown!r}: a password needs a user")
    if user and password is None:
        raise StoreConfigError(f"store URL {shown!r}: user {user!r} has no password")
    netloc = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    uri = urlunsplit((parts.scheme.lower(), netloc, "", parts.query, ""))
    return StoreURL(parts.scheme.lower(), uri=uri, database=database, user=user or None, password=password)


def open_store(
    url: str,
    *,
    user: str | None = None,
    password: str | None = None,
    retry_seconds: float = DEFAULT_RETRY_SECONDS,
) -> GraphStore:
    """The store a URL names. A Neo4j store owns the one driver made here and closes it on `close()`."""
    target = parse_store_url(url, user=user, password=password)
    if target.path is not None:
        log.info("opening embedded store %s", target.path)
        return EmbeddedStore(target.path)
    uri = target.uri or ""
    log.info("opening neo4j store %s database %s as %s", uri, target.database, target.user or "-")
    return _neo4j_store(uri, target, retry_seconds)


def _neo4j_store(uri: str, target: StoreURL, retry_seconds: float) -> GraphStore:
    import neo4j  # imported here so the embedded store never needs the driver

    from graph.neo4j.store import Neo4jStore

    try:
        driver: Any = neo4j.GraphDatabase.driver(
            uri, auth=target.auth, max_transaction_retry_time=retry_seconds
        )
    except (ValueError, neo4j.exceptions.ConfigurationError) as exc:
        raise StoreConfigError(f"neo4j driver refused {uri!r}: {exc}") from exc
    store: GraphStore = Neo4jStore(driver, database=target.database, owns_driver=True)
    return store
