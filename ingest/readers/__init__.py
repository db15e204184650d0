"""Turn files, folders and glob patterns into Articles, one clear ReadError per bad item.

Formats, chosen by extension (case-insensitive), or by content where the extension
is ambiguous (`.xml`, none):

- text (`.txt`, `.md`, `.text`, no extension): the optional `key: value` header of
  FORMAT.md, then the body, verbatim (see `ingest.readers.text`);
- HTML (`.html`, `.htm`, `.xhtml`): main text and metadata via trafilatura;
- JSON Lines (`.jsonl`, `.ndjson`): one article per line, source `path:line`;
- RSS/Atom (`.rss`, `.atom`, or `.xml` holding a feed): one article per entry,
  source `path#n`.

Decisions: only UTF-8 (with or without BOM) is read, other encodings are reported;
an unreadable date written by the user (header, JSON Lines) is an error for that
item, an unreadable date in third-party metadata (HTML, feeds) is dropped with a
log line; folders are walked recursively in sorted order, hidden files and folders
(name starting with ".") are skipped, symlinked folders are not followed; a file
reached twice (e.g. by a folder and a glob) is read once; files of other types are
reported, never silently ignored.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from graph.model import Article
from ingest.readers.common import ItemError, ReadError, as_sentence
from ingest.readers.markup import read_feed, read_html, sniff
from ingest.readers.text import parse_header, read_jsonl, read_text, record_article, text_article

__all__ = ["ReadError", "article_from_record", "article_from_text", "parse_header", "read_paths"]

_TEXT = frozenset({".txt", ".md", ".text"})
_HTML = frozenset({".html", ".htm", ".xhtml"})
_JSONL = frozenset({".jsonl", ".ndjson"})
_FEED = frozenset({".rss", ".atom"})
_SNIFFED = frozenset({".xml", ""})
_SUPPORTED = ".txt, .md, .html, .htm, .jsonl, .xml, .rss, .atom or no extension"


def read_paths(paths: Sequence[str]) -> Iterator[Article | ReadError]:
    """Every article in the given files, folders and glob patterns, in a deterministic order."""
    seen: set[str] = set()
    for given in paths:
        for found in _expand(given):
            if isinstance(found, ReadError):
                yield found
                continue
            path, source = found
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                yield from read_file(path, source)


def read_file(path: Path, source: str) -> Iterator[Article | ReadError]:
    """The articles of one file; whatever goes wrong becomes a ReadError naming it."""
    try:
        yield from _dispatch(path, source)
    except ItemError as exc:
        yield ReadError(source, as_sentence(str(exc)))
    except OSError as exc:
        yield ReadError(source, as_sentence(f"Cannot read the file: {exc.strerror or exc}"))


def article_from_text(text: str, source: str) -> Article | ReadError:
    """An article from text that may start with the header (e.g. a body posted to the API)."""
    try:
        return text_article(text, source)
    except ItemError as exc:
        return ReadError(source, as_sentence(str(exc)))


def article_from_record(record: dict[str, Any], source: str) -> Article | ReadError:
    """An article from a JSON object with the fields of a JSON Lines record."""
    try:
        return record_article(record, source)
    except ItemError as exc:
        return ReadError(source, as_sentence(str(exc)))


def _dispatch(path: Path, source: str) -> Iterator[Article | ReadError]:
    """Pick the reader by extension, sniffing the content when the extension is ambiguous."""
    ext = path.suffix.lower()
    if ext in _SNIFFED:
        with path.open("rb") as handle:
            kind = sniff(handle.read(65536))
        if kind == "xml":
            raise ItemError("the XML file is not an RSS or Atom feed")
        ext = {"feed": ".rss", "html": ".html", "text": ".txt"}[kind]
    if ext in _TEXT:
        yield read_text(path, source)
    elif ext in _HTML:
        yield read_html(path, source)
    elif ext in _JSONL:
        yield from read_jsonl(path, source)
    elif ext in _FEED:
        yield from read_feed(path, source)
    else:
        raise ItemError(f"unsupported file type {path.suffix!r}; readable types are {_SUPPORTED}")


def _expand(given: str) -> Iterator[tuple[Path, str] | ReadError]:
    """The files a user argument names: itself, a folder's files, or a pattern's matches."""
    if os.path.lexists(given):
        yield from _walk(Path(given), given)
    elif glob.has_magic(given):
        matches = sorted(glob.glob(given, recursive=True))
        if not matches:
            yield ReadError(given, "No file matches this pattern.")
        for match in matches:
            yield from _walk(Path(match), match)
    else:
        yield ReadError(given, "No such file or directory.")


def _walk(path: Path, source: str) -> Iterator[tuple[Path, str] | ReadError]:
    """A file itself, or a folder's visible files recursively, sorted by name at each level."""
    if not path.is_dir():
        yield path, source
        return
    try:
        entries = sorted(os.scandir(path), key=lambda entry: entry.name)
    except OSError as exc:
        yield ReadError(source, as_sentence(f"Cannot list the folder: {exc.strerror or exc}"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = os.path.join(source, entry.name)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path), child)
        elif entry.is_dir() is False:
            yield Path(entry.path), child

