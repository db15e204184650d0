"""Which state body an office is held in: a speaker or senator sits in the legislature the article
names, an interior minister heads the Interior Ministry the sentence names (`offices.yaml`).

The gold convention (FORMAT.md's HOLDS_OFFICE: "person -> country or state body") puts such offices in
the body when the text names it, in the country otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Span, Token

from ingest.kb import KnowledgeBase


@dataclass(frozen=True)
class OfficeWords:
    """The packaged table: legislature titles and body words, minister portfolios."""

    seat_titles: frozenset[str]
    legislatures: tuple[str, ...]
    senate_titles: frozenset[str]
    ministries: dict[str, tuple[str, ...]]
    titles: tuple[tuple[str, ...], ...]  # extra state titles, as words
    national: dict[str, str]  # a title -> the one country that uses it


@lru_cache(maxsize=1)
def office_words() -> OfficeWords:
    """The table, read once per process."""
    raw = yaml.safe_load(resources.files("ingest.rules").joinpath("offices.yaml").read_text(encoding="utf-8"))
    leg = raw["legislature"]
    return OfficeWords(
        seat_titles=frozenset(leg["titles"]),
        legislatures=tuple(leg["bodies"]),
        senate_titles=frozenset(leg["senate_titles"]),
        ministries={k: tuple(v) for k, v in raw["ministries"].items()},
        titles=tuple(tuple(t.split()) for t in raw["titles"]),
        national={k: v for k, v in raw["national_titles"].items() if v},
    )


def titles_ending(word: str, lexicon_titles: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """The lexicon's state titles ending in `word` and this table's, longest first."""
    extra = tuple(t for t in office_words().titles if t[-1] == word and t not in lexicon_titles)
    return tuple(sorted((*lexicon_titles, *extra), key=len, reverse=True)) if extra else lexicon_titles


def national_country(title: str, kb: KnowledgeBase | None, doc_countries: list[Span]) -> Span | None:
    """ "Secretary of State X": the United States, when the article names it."""
    country = office_words().national.get(title)
    if country is None:
        return None
    for ent in doc_countries:
        known = kb.by_id(ent.kb_id_) if kb is not None and ent.kb_id_ else None
        if (known.name if known is not None else ent.text) == country:
            return ent
    return None


def _names(span: Span, kb: KnowledgeBase | None) -> list[str]:
    known = kb.by_id(span.kb_id_) if kb is not None and span.kb_id_ else None
    return [span.text.lower(), *([known.name.lower()] if known is not None else [])]


def _one(spans: list[Span]) -> Span | None:
    """The body when all the spans name the same one."""
    keys = {s.kb_id_ or s.text for s in spans}
    return spans[0] if len(keys) == 1 else None


def office_body(title: str, cue: Token, kb: KnowledgeBase | None) -> Span | None:
    """The state body `title` is an office in, if the text names exactly one that fits."""
    words = office_words()
    doc = cue.doc
    bodies = [e for e in doc.ents if e.label_ == "StateBody"]
    if title in words.seat_titles:
        wanted = ("senate",) if title in words.senate_titles else words.legislatures
        return _one([b for b in bodies if any(w in n for n in _names(b, kb) for w in wanted)])
    parts = title.split()
    if len(parts) == 2 and parts[1] == "minister" and parts[0] in words.ministries:
        portfolio = words.ministries[parts[0]]
        near = [b for b in bodies if b.sent == cue.sent and any(
            "ministry" in n and any(w in n for w in portfolio) for n in _names(b, kb))]
        return _one(near)
    return None
