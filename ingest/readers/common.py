"""What every reader shares: the per-item error, byte checks, decoding and Article assembly."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import Any

from graph.clean import clean_article, web_url
from graph.model import Article, article_id_for
from ingest.readers.dates import normalize_date

# How much of a file is inspected for NUL bytes: enough to catch every binary
# format in practice without scanning a large file twice.
_SNIFF_BYTES = 8192


@dataclass(frozen=True)
class ReadError:
    """One source or item that could not be read, and why; the rest of the input goes on."""

    source: str  # path as given, plus ":line" (JSON Lines) or "#n" (feeds) for one item
    reason: str  # a clear, human sentence


class ItemError(Exception):
    """Raised inside a reader for one bad item; turned into a ReadError by the caller."""


def as_sentence(reason: str) -> str:
    """A reason as a sentence: capitalised, ending with a full stop."""
    reason = reason[:1].upper() + reason[1:]
    return reason if reason.endswith((".", "?", "!", ")")) else reason + "."


def check_bytes(data: bytes) -> None:
    """Reject empty, UTF-16/32 and binary content before any decoding is tried."""
    if not data.strip():
        raise ItemError("the file is empty")
    for bom, name in ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
                      (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16")):
        if data.startswith(bom):
            raise ItemError(f"the file is {name} text; only UTF-8 is read, so re-save it as UTF-8")
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise ItemError("the file is binary (it contains NUL bytes), not text")


def decode_utf8(data: bytes) -> str:
    """UTF-8 text, with or without a byte-order mark; anything else is reported, never guessed.

    Guessing a legacy code page (cp1252, latin-1) would silently corrupt Arabic and
    accented names, which are exactly the names this graph is about.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise ItemError(
            f"the text is not valid UTF-8 (byte 0x{bad} at offset {exc.start}); re-save it as UTF-8"
        ) from None


def text_field(value: Any, name: str) -> str | None:
    """A string field of a record, or None when absent; other types are an item error."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ItemError(f"the field {name!r} must be a string, not {type(value).__name__}")
    text = str(value).strip()
    return text or None


def strict_date(value: str | None, field: str) -> str | None:
    """A user-written date, normalised; one that cannot be read is the item's error.

    Dates written by the user (a text header, a JSON Lines field) are checked
    strictly: a typo that silently dropped the date would hide the article from
    every date-window query, so it is better reported and fixed.
    """
    if value is None:
        return None
    iso = normalize_date(value)
    if iso is None:
        raise ItemError(
            f"{field} {value!r} is not a date I can read; write it as YYYY-MM-DD "
            "(or YYYY-MM, or e.g. 'November 8, 2021')"
        )
    return iso


def make_article(
    source: str,
    body: str,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    explicit_id: str | None = None,
    publisher: str | None = None,
) -> Article:
    """An Article with its stable id; a body with no text is the item's error."""
    if not body.strip():
        raise ItemError("the article has no body text")
    url = web_url(url)  # javascript:, data: and other non-web links are dropped, in every reader
    return clean_article(Article(
        id=article_id_for(explicit_id, url, body),
        source=source,
        body=body,
        title=title or "",
        published=published,
        url=url,
        publisher=publisher or None,
    ))
