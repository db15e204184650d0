"""Articles and RSS/Atom feeds from `http(s)://` URLs, fetched politely and safely.

One `httpx.Client` per `Fetcher`, with: a timeout per request, a size limit read
while streaming (a larger body is refused, not truncated), bounded retries with
exponential backoff on connection errors, 429 and 5xx, conditional GET
(`If-None-Match` / `If-Modified-Since` from the last answer) so a polled feed
that has not changed costs one 304, a user agent that names the tool, and
loopback, private, link-local and reserved addresses refused (checked on every
redirect hop) unless the policy allows them.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from graph.model import Article
from ingest.errors import FetchError
from ingest.readers.common import ReadError

log = logging.getLogger(__name__)
USER_AGENT = "actorgraph/0.1 (political-actor knowledge graph; news ingest)"
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class FetchPolicy:
    """Limits of every fetch; `allow_private` lets tests and intranets reach local addresses."""

    timeout: float = 10.0
    max_bytes: int = 5_000_000
    retries: int = 3
    backoff: float = 0.5
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    allow_private: bool = False


@dataclass(frozen=True)
class Fetched:
    """One successful answer: the final URL, its body and content type."""

    url: str
    body: bytes
    content_type: str


def is_url(text: str) -> bool:
    """Whether a PATH argument is an http(s) URL."""
    return urlsplit(text).scheme in ("http", "https")


def check_address(url: str, policy: FetchPolicy,
                  resolve: Callable[..., Any] = socket.getaddrinfo) -> None:
    """Refuse a URL whose host resolves to a non-public address (unless allowed)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url}: only http and https URLs can be fetched")
    if policy.allow_private:
        return
    try:
        infos = resolve(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except OSError as exc:
        raise FetchError(f"{url}: cannot resolve {parts.hostname} ({exc})") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise FetchError(f"{url}: {parts.hostname} is a private or local address ({address}); "
                             "allow it with ACTORGRAPH_FETCH_ALLOW_PRIVATE=1")


@dataclass
class Fetcher:
    """Fetches URLs with one client; remembers validators per URL for conditional GETs."""

    policy: FetchPolicy = field(default_factory=FetchPolicy)
    sleep: Callable[[float], None] = time.sleep
    _validators: dict[str, dict[str, str]] = field(default_factory=dict)
    _client: httpx.Client | None = None

    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(timeout=self.policy.timeout, follow_redirects=False,
                                        headers={"User-Agent": self.policy.user_agent})
        return self._client

    def close(self) -> None:
        """Release the connection pool."""
        if self._client is not None:
            self._client.close()
            self._client = None

    def get(self, url: str) -> Fetched | None:
        """The body at `url`, or None when it has not changed since the last fetch (304)."""
        for attempt in range(1, self.policy.retries + 1):
            try:
                return self._follow(url)
            except (httpx.TransportError, _Retryable) as exc:
                if attempt == self.policy.retries:
                    raise FetchError(f"{url}: failed after {attempt} attempts ({exc})") from exc
                delay = self.policy.backoff * 2 ** (attempt - 1)
                log.warning("%s: %s; retry %d in %.1fs", url, exc, attempt, delay)
                self.sleep(delay)
        raise AssertionError("unreachable")

    def _follow(self, url: str) -> Fetched | None:
        current = url
        for _ in range(self.policy.max_redirects + 1):
            check_address(current, self.policy)
            with self.client().stream("GET", current, headers=self._validators.get(url, {})) as reply:
                if reply.status_code in _REDIRECTS and "location" in reply.headers:
                    current = urljoin(current, reply.headers["location"])
                    continue
                return self._answer(url, current, reply)
        raise FetchError(f"{url}: more than {self.policy.max_redirects} redirects")

    def _answer(self, url: str, final: str, reply: httpx.Response) -> Fetched | None:
        if reply.status_code == 304:
            return None
        if reply.status_code in _RETRY_STATUS:
            raise _Retryable(f"HTTP {reply.status_code}")
        if reply.status_code != 200:
            raise FetchError(f"{url}: HTTP {reply.status_code}")
        body = self._read(url, reply)
        validators = {k: reply.headers[v] for k, v in (("If-None-Match", "etag"),
                                                       ("If-Modified-Since", "last-modified"))
                      if v in reply.headers}
        self._validators[url] = validators
        return Fetched(final, body, reply.headers.get("content-type", ""))

    def _read(self, url: str, reply: httpx.Response) -> bytes:
        declared = int(reply.headers.get("content-length") or 0)
        if declared > self.policy.max_bytes:
            raise FetchError(f"{url}: {declared} bytes is over the {self.policy.max_bytes}-byte limit")
        chunks: list[bytes] = []
        size = 0
        for chunk in reply.iter_bytes():
            size += len(chunk)
            if size > self.policy.max_bytes:
                raise FetchError(f"{url}: the body is over the {self.policy.max_bytes}-byte limit")
            chunks.append(chunk)
        return b"".join(chunks)


class _Retryable(Exception):
    """A temporary HTTP answer (429, 5xx): worth another attempt."""


def articles_from(fetched: Fetched, source: str) -> Iterator[Article | ReadError]:
    """The articles of a fetched body: every entry of a feed, or the one page or text."""
    from ingest.readers import read_file

    suffix = _suffix(fetched.content_type)
    with tempfile.TemporaryDirectory(prefix="actorgraph-fetch-") as folder:
        path = Path(folder) / f"fetched{suffix}"
        path.write_bytes(fetched.body)
        for item in read_file(path, source):
            yield item if isinstance(item, ReadError) or item.url else _with_url(item, fetched.url)


def _suffix(content_type: str) -> str:
    kind = content_type.split(";")[0].strip().lower()
    if "rss" in kind or "atom" in kind:
        return ".rss"
    if "html" in kind:
        return ".html"
    return ""  # sniffed: a feed, a page or text


def _with_url(article: Article, url: str) -> Article:
    from dataclasses import replace

    return replace(article, url=url)


def read_urls(urls: list[str], fetcher: Fetcher) -> Iterator[Article | ReadError]:
    """Every article behind the URLs; an unchanged feed yields nothing, a failed fetch one ReadError."""
    for url in urls:
        try:
            fetched = fetcher.get(url)
        except FetchError as exc:
            yield ReadError(url, str(exc))
            continue
        if fetched is not None:
            yield from articles_from(fetched, url)
