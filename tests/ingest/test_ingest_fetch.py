"""Feeds and articles over HTTP from a local server: conditional GET, limits, retries, refused addresses."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from graph.model import Article
from ingest.errors import FetchError
from ingest.readers.common import ReadError
from ingest.readers.fetch import USER_AGENT, Fetcher, FetchPolicy, check_address, read_urls
from ingest.watch import Follower, follow

ITEM = """<item><title>{title}</title><link>http://example.org/{n}</link><guid>item-{n}</guid>
<pubDate>Mon, 0{n} Jan 2024 10:00:00 GMT</pubDate><description>{body}</description></item>"""
BODIES = ["Iran backs Kataib Hezbollah.", "Qais al-Khazali leads Asaib Ahl al-Haq.",
          "The United States sanctioned Kataib Hezbollah."]


def feed(items: int) -> bytes:
    entries = "".join(ITEM.format(n=n + 1, title=f"Item {n + 1}", body=BODIES[n]) for n in range(items))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local feed</title>{entries}'
            "</channel></rss>").encode()


@dataclass
class Site:
    """What the local server serves, and what it saw."""

    items: int = 1
    failures_left: int = 0  # answer 503 this many times first
    big: bool = False
    requests: list[dict[str, str]] = field(default_factory=list)

    def etag(self) -> str:
        return f'"v{self.items}"'


def handler_for(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            site.requests.append({k.lower(): v for k, v in self.headers.items()} | {"path": self.path})
            if self.path == "/moved":
                return self._send(301, b"", {"Location": "/feed.xml"})
            if site.failures_left:
                site.failures_left -= 1
                return self._send(503, b"busy")
            if self.path == "/big":
                return self._send(200, b"x" * 5000, {"Content-Type": "text/plain"})
            if self.headers.get("If-None-Match") == site.etag():
                return self._send(304, b"")
            self._send(200, feed(site.items), {"Content-Type": "application/rss+xml", "ETag": site.etag(),
                                              "Last-Modified": "Mon, 01 Jan 2024 10:00:00 GMT"})

        def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass
    return Handler


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    state = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(state))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(5)


def local_fetcher(**kw: Any) -> Fetcher:
    return Fetcher(FetchPolicy(allow_private=True, backoff=0.01, **kw), sleep=lambda _: None)


def test_feed_polls_use_conditional_get_and_see_changes(site: tuple[Site, str]) -> None:
    state, base = site
    fetcher = local_fetcher()
    first = [a for a in read_urls([f"{base}/feed.xml"], fetcher) if isinstance(a, Article)]
    assert [a.title for a in first] == ["Item 1"]
    assert list(read_urls([f"{base}/feed.xml"], fetcher)) == []  # unchanged: 304, nothing to read
    assert state.requests[-1]["if-none-match"] == '"v1"'
    assert state.requests[-1]["if-modified-since"] == "Mon, 01 Jan 2024 10:00:00 GMT"
    state.items = 3
    again = [a for a in read_urls([f"{base}/feed.xml"], fetcher) if isinstance(a, Article)]
    assert [a.title for a in again] == ["Item 1", "Item 2", "Item 3"]
    assert all(r["user-agent"] == USER_AGENT for r in state.requests)
    fetcher.close()


def test_retries_with_backoff_then_succeeds_and_follows_redirects(site: tuple[Site, str]) -> None:
    state, base = site
    state.failures_left = 2
    delays: list[float] = []
    fetcher = Fetcher(FetchPolicy(allow_private=True, retries=3, backoff=0.5), sleep=delays.append)
    fetched = fetcher.get(f"{base}/moved")
    assert fetched is not None and fetched.url.endswith("/feed.xml") and delays == [0.5, 1.0]
    state.failures_left = 5
    with pytest.raises(FetchError, match="after 3 attempts"):
        fetcher.get(f"{base}/other")
    fetcher.close()


def test_size_limit_refuses_a_large_body(site: tuple[Site, str]) -> None:
    _, base = site
    with pytest.raises(FetchError, match="limit"):
        local_fetcher(max_bytes=1000).get(f"{base}/big")


def test_loopback_and_private_addresses_are_refused_by_default(site: tuple[Site, str]) -> None:
    state, base = site
    (error,) = read_urls([f"{base}/feed.xml"], Fetcher())
    assert isinstance(error, ReadError) and "private or local address" in error.reason
    assert state.requests == []  # refused before any connection
    for url in ("http://10.1.2.3/x", "http://[::1]/x", "http://169.254.169.254/latest", "ftp://example.org/x"):
        with pytest.raises(FetchError):
            check_address(url, FetchPolicy())


def test_follower_reads_new_and_changed_files_and_feed_items(site: tuple[Site, str], tmp_path: Path) -> None:
    state, base = site
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.txt").write_text("title: A\n\nIran backs Kataib Hezbollah.", encoding="utf-8")
    follower = Follower([str(folder), f"{base}/feed.xml"], local_fetcher())
    polls: list[list[str]] = []

    def ingest(items: Any) -> None:
        polls.append(sorted(i.title for i in items if isinstance(i, Article)))

    def between(_: float) -> None:  # the world changes between polls
        if len(polls) == 1:
            (folder / "b.txt").write_text("title: B\n\nQais al-Khazali leads Asaib Ahl al-Haq.",
                                          encoding="utf-8")
            (folder / ".c.txt.tmp").write_text("title: C\n\nnot finished", encoding="utf-8")
            state.items = 2

    assert follow(follower, ingest, interval=0, polls=3, sleep=between) == 3
    assert polls == [["A", "Item 1"], ["B", "Item 1", "Item 2"]]  # third poll: nothing new


@pytest.mark.model
def test_ingest_command_takes_feed_urls_and_follows_a_folder(site: tuple[Site, str], tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    from tests.ingest.ingest_helpers import cli, stats

    state, base = site
    url = f"embedded://{tmp_path / 'graph.db'}"
    code, _, err = cli(capsys, "ingest", f"{base}/feed.xml", "--store", url)
    assert code == 1 and "private or local address" in err  # refused without the setting
    state.items = 2
    code, _, err = cli(capsys, "ingest", f"{base}/feed.xml", "--allow-private-urls", "--store", url)
    assert code == 0, err
    assert stats(capsys, url)["articles"] == 2
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.txt").write_text("title: A\n\nIran backs Kataib Hezbollah.", encoding="utf-8")
    code, _, err = cli(capsys, "ingest", str(folder), f"{base}/feed.xml", "--allow-private-urls", "--watch",
                       "--interval", "0", "--polls", "2", "--store", url)
    assert code == 0, err
    assert "1 new" in err and stats(capsys, url)["articles"] == 3
    assert state.requests[-1]["if-none-match"] == '"v2"'  # the feed was polled conditionally
