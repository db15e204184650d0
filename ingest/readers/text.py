"""Plain-text articles with the optional `key: value` header, and JSON Lines files.

The body of a text article is kept verbatim (line endings included) from the first
character after the header's blank line, so extraction offsets point into exactly
the text the user wrote; only trailing whitespace is dropped, which moves no offset.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from graph.model import Article
from ingest.readers.common import (
    ItemError,
    ReadError,
    as_sentence,
    check_bytes,
    decode_utf8,
    make_article,
    strict_date,
    text_field,
)

HEADER_KEYS = frozenset({"title", "published", "date", "source", "url", "id", "author", "byline",
                         "publisher", "agency", "language"})
# What an unknown key may look like: one or two short words ("lang", "section", "word count").
_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,24}(?: [A-Za-z0-9_-]{1,24})?")
_LOG = logging.getLogger(__name__)


def parse_header(text: str) -> tuple[dict[str, str], str]:
    """Split a text into its header fields and its body.

    A header is a block of `key: value` lines from the first line up to a blank
    line, in which known keys (HEADER_KEYS) are at least half of the lines. So a
    body whose first paragraph is one line like "Iraq: Al Kadhimi attack…" stays a
    body, while an unknown key among known ones ("section: World") is kept as a
    field, never turning the header into body. Keys are returned lower-cased.
    """
    block = _header_block(text)
    if block is None:
        return {}, text
    fields, end = block
    known = sum(1 for key in fields if key in HEADER_KEYS)
    if not known or known * 2 < len(fields):
        return {}, text
    return fields, text[end:]


def _header_block(text: str) -> tuple[dict[str, str], int] | None:
    """The `key: value` lines before the first blank line and the body's start, or None."""
    fields: dict[str, str] = {}
    offset = 0
    for line in text.splitlines(keepends=True):
        offset += len(line)
        if not line.strip():
            return (fields, offset) if fields else None
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or not _KEY.fullmatch(key) or key in fields:
            return None
        fields[key] = value.strip()
    return None  # key/value lines with no blank line after them: a body, not a header


def read_text(path: Path, source: str) -> Article:
    """One article from a text file (.txt, .md or no extension)."""
    data = path.read_bytes()
    check_bytes(data)
    return text_article(decode_utf8(data), source)


def text_article(text: str, source: str) -> Article:
    """One article from decoded text that may start with the header."""
    fields, body = parse_header(text)
    unknown = sorted(key for key in fields if key not in HEADER_KEYS)
    if unknown:
        _LOG.warning("%s: header keys %s are not ones I know; kept as metadata only", source,
                     ", ".join(unknown))
    date_key = "published" if fields.get("published") else "date"
    return make_article(
        source,
        body.rstrip(),
        title=fields.get("title"),
        published=strict_date(fields.get(date_key) or None, f"the header's {date_key} date"),
        url=fields.get("url") or None,
        explicit_id=fields.get("id") or None,
        publisher=fields.get("publisher") or fields.get("agency") or fields.get("source") or None,
    )


def read_jsonl(path: Path, source: str) -> Iterator[Article | ReadError]:
    """One article per non-blank line; a bad line is reported with its number and skipped."""
    with path.open("rb") as handle:
        head = handle.read(4096)
        check_bytes(head)
        handle.seek(0)
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            item_source = f"{source}:{number}"
            try:
                yield _jsonl_article(raw, item_source)
            except ItemError as exc:
                yield ReadError(item_source, as_sentence(f"line {number}: {exc}"))


def _jsonl_article(raw: bytes, source: str) -> Article:
    """One JSON Lines record: title, body or text, published or date, url, id."""
    if b"\x00" in raw:
        raise ItemError("the line is binary (it contains NUL bytes), not JSON")
    try:
        record = json.loads(decode_utf8(raw))
    except json.JSONDecodeError as exc:
        raise ItemError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise ItemError(f"expected a JSON object, found {type(record).__name__}")
    return record_article(record, source)


def record_article(record: dict[str, Any], source: str) -> Article:
    """An Article from a decoded record; `body` wins over `text`, `published` over `date`."""
    body = record.get("body") if record.get("body") is not None else record.get("text")
    if body is None:
        raise ItemError("the record has no 'body' or 'text' field")
    if not isinstance(body, str):
        raise ItemError(f"the article body must be a string, not {type(body).__name__}")
    date_field = "published" if record.get("published") is not None else "date"
    return make_article(
        source,
        body.rstrip(),
        title=text_field(record.get("title"), "title"),
        published=strict_date(text_field(record.get(date_field), date_field), f"the {date_field!r} field"),
        url=text_field(record.get("url"), "url"),
        explicit_id=text_field(record.get("id"), "id"),
    )
