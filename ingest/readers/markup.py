"""HTML pages (trafilatura) and RSS/Atom feeds (feedparser), and sniffing which one a file is.

Third-party metadata is read leniently: a page or feed date that cannot be read
leaves `published` empty (with a log line) instead of rejecting the article,
because the user cannot fix someone else's markup.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import feedparser
import lxml.etree
import lxml.html
from trafilatura import bare_extraction

from graph.model import Article
from ingest.readers.common import ItemError, ReadError, as_sentence, check_bytes, make_article
from ingest.readers.dates import normalize_date

log = logging.getLogger(__name__)

Kind = Literal["feed", "html", "xml", "text"]

_FEED_ROOTS = frozenset({"rss", "feed", "RDF"})
# Elements after which feed-entry HTML gets a line break, so paragraphs stay apart.
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre")


def sniff(data: bytes) -> Kind:
    """What a file of unknown or ambiguous extension holds, judged by its first element."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if not head.startswith(b"<"):
        return "text"
    root = _root_name(data)
    if root in _FEED_ROOTS:
        return "feed"
    return "html" if root == "html" else "xml"


def _root_name(data: bytes) -> str | None:
    """Local name of the document element, read with a pull parser that stops at it."""
    parser = lxml.etree.XMLPullParser(events=("start",), resolve_entities=False, no_network=True)
    try:
        parser.feed(data[:65536])
    except lxml.etree.XMLSyntaxError:
        return None
    for _event, element in parser.read_events():
        return str(lxml.etree.QName(element).localname)
    return None


def read_html(path: Path, source: str) -> Article:
    """The main text of a web page, its title, date and canonical URL from the page's metadata."""
    data = path.read_bytes()
    check_bytes(data)
    # trafilatura decodes bytes itself, honouring the page's declared charset.
    doc = bare_extraction(data, with_metadata=True)
    fields: dict[str, Any] = {} if doc is None else doc if isinstance(doc, dict) else doc.as_dict()
    text = fields.get("text") or ""
    if not text.strip():
        raise ItemError("no main text could be found in the HTML page")
    return make_article(
        source,
        text.rstrip(),
        title=fields.get("title"),
        published=_lenient_date(fields.get("date"), source),
        url=fields.get("url"),
        publisher=fields.get("sitename") or None,
    )


def read_feed(path: Path, source: str) -> Iterator[Article | ReadError]:
    """Each entry of an RSS or Atom feed as an article; a bad entry is reported and skipped."""
    data = path.read_bytes()
    check_bytes(data)
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo"):
            raise ItemError(f"not a readable RSS or Atom feed ({parsed.get('bozo_exception')})")
        raise ItemError("the feed has no items")
    if parsed.get("bozo"):
        log.warning("%s: feed is not well-formed (%s); reading what could be parsed",
                    source, parsed.get("bozo_exception"))
    for number, entry in enumerate(parsed.entries, start=1):
        item_source = f"{source}#{number}"
        try:
            yield _entry_article(entry, item_source)
        except ItemError as exc:
            yield ReadError(item_source, as_sentence(f"feed item {number}: {exc}"))


def _entry_article(entry: Any, source: str) -> Article:
    """One feed entry: its full content when present, else its summary, as plain text."""
    body = _entry_body(entry)
    if not body:
        raise ItemError("the item has no content or summary text")
    link = _web_link(entry.get("link"))
    guid = (entry.get("id") or "").strip()
    return make_article(
        source,
        body,
        title=_detail_text(entry.get("title_detail")) or (entry.get("title") or "").strip(),
        published=_entry_date(entry, source),
        url=link,
        # The guid is the feed's own stable id; prefixed so a bare "1" cannot collide
        # with an explicit id given elsewhere. A link, when present, is more stable across feeds.
        explicit_id=None if link or not guid else f"guid:{guid}",
    )


def _web_link(value: Any) -> str | None:
    """An entry's link when it is a web address (feedparser copies a bare `urn:` id into it)."""
    link = str(value or "").strip()
    return link if urlsplit(link).scheme in {"http", "https"} else None


def _entry_body(entry: Any) -> str:
    """The longest text among the entry's content parts, else its summary."""
    texts = [_detail_text(part) for part in entry.get("content") or []]
    best = max(texts, key=len, default="")
    return best or _detail_text(entry.get("summary_detail")) or (entry.get("summary") or "").strip()


def _detail_text(detail: Any) -> str:
    """Plain text of a feedparser text construct (text/plain or (X)HTML)."""
    if not detail or not detail.get("value"):
        return ""
    value = str(detail["value"])
    if "html" in str(detail.get("type", "")):
        return html_fragment_text(value)
    return value.strip()


def html_fragment_text(markup: str) -> str:
    """Text of an HTML fragment, one line per block element, whitespace tidied.

    Feed content is already the article, so trafilatura's boilerplate removal
    would only drop short items; lxml's text extraction keeps all of it.
    """
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    lxml.etree.strip_elements(root, "script", "style", with_tail=False)
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _entry_date(entry: Any, source: str) -> str | None:
    """The entry's date as the publisher wrote it, else feedparser's parsed (UTC) date."""
    raw = [str(_field(entry, key)) for key in ("published", "updated", "created") if _field(entry, key)]
    for value in raw:
        iso = normalize_date(value)
        if iso:
            return iso
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = _field(entry, key)
        if parsed:
            return date(*parsed[:3]).isoformat()
    return _lenient_date(raw[0], source) if raw else None


def _field(entry: Any, key: str) -> Any:
    """A field of a feed entry, read without feedparser's deprecated updated->published fallback."""
    return entry[key] if key in entry else None  # noqa: SIM401 (.get() would warn)


def _lenient_date(value: str | None, source: str) -> str | None:
    """A metadata date, normalised; one that cannot be read is logged and left out."""
    if not value:
        return None
    iso = normalize_date(value)
    if iso is None:
        log.warning("%s: ignoring unreadable date %r", source, value)
    return iso

