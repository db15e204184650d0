"""Text that every output can hold: no characters XML forbids, and only web links.

One article with U+FFFE (or a C0 control) in a name made every GraphML, GEXF
and SVG export unparseable; a `javascript:` URL became a link in the view.
Names, titles and sources are cleaned when they are stored (the evidence
keeps the sentence exactly as the article had it) and exports clean again, so
data stored before this rule cannot break a file either.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlsplit

from graph.model import Article, Batch, Entity

# XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
XML_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
REPLACEMENT = "\ufffd"
WEB_SCHEMES = frozenset({"http", "https"})


def xml_safe(text: str) -> str:
    """`text` with each character XML 1.0 forbids replaced by U+FFFD (same length, same offsets)."""
    return XML_FORBIDDEN.sub(REPLACEMENT, text) if XML_FORBIDDEN.search(text) else text


def web_url(url: str | None) -> str | None:
    """The URL when it is an http(s) address with a host, else None (javascript:, data:, file:...)."""
    if not url:
        return None
    cleaned = url.strip()
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc or XML_FORBIDDEN.search(cleaned):
        return None
    return cleaned


def clean_article(article: Article) -> Article:
    """An article whose title and source hold only XML characters and whose URL is a web link."""
    title, source, url = xml_safe(article.title), xml_safe(article.source), web_url(article.url)
    if (title, source, url) == (article.title, article.source, article.url):
        return article
    return replace(article, title=title, source=source, url=url)


def _clean_entity(entity: Entity) -> Entity:
    name, aliases = xml_safe(entity.name), tuple(xml_safe(a) for a in entity.aliases)
    if name == entity.name and aliases == entity.aliases:
        return entity
    return replace(entity, name=name, aliases=aliases)


def clean_batch(batch: Batch) -> Batch:
    """The batch with entity names and aliases XML-safe; evidence sentences stay as read.

    Articles are cleaned where they are read (`clean_article`), before their content hash is
    taken, so re-reading the same file still finds it unchanged.
    """
    if not any(XML_FORBIDDEN.search(e.name + "".join(e.aliases)) for e in batch.entities):
        return batch
    return replace(batch, entities=tuple(_clean_entity(e) for e in batch.entities))
