"""Where an actor is from, read off its own words: shared helpers of the place and part rules.

A country is often named inside another name ("the Sudanese Armed Forces", "Federal Supreme Court
of Iraq", "the Mission in Somalia") or by a demonym on a kind noun ("the Iraqi militia X"); a place
phrase often names its place through a direction or kind noun ("in the north of Y", "in Y's
southwestern province of Z"). These helpers only return countries and places the article names as
entities of their own, so no rule invents a country the text never wrote.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ingest.lexicon import lexicon
from ingest.rules.base import Context, child, pobj_of

PLACES = frozenset({"Location", "Country"})
# Nouns through which "in the <noun> of Y" still places something in Y.
AREA_NOUNS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                        "centre", "center", "interior", "heart", "part", "parts", "border", "borders",
                        "province", "region", "district", "state", "governorate", "area", "areas",
                        "outskirts", "rest", "coast", "countryside", "mountains", "regions", "provinces"})


def _key(ctx: Context, words: str) -> str | None:
    """The country a written name or demonym stands for (lexicon, then the knowledge base)."""
    found = lexicon().country_of(words)
    if found is None and ctx.kb is not None and words[:1].isupper():
        actor = ctx.kb.by_demonym(words)
        if actor is None:
            actors = [a for a in ctx.kb.lookup(words) if a.type.value == "Country"]
            actor = actors[0] if len(actors) == 1 else None
        found = actor.name if actor is not None else None
    return found


def named_countries(ctx: Context, outside: Span | None = None) -> dict[str, Span]:
    """The article's named countries by the country they stand for (first mention), skipping `outside`."""
    out: dict[str, Span] = {}
    for ent in ctx.doc.ents:
        if ent.label_ != "Country" or outside is not None and outside.start <= ent.start < outside.end:
            continue
        key = _key(ctx, ent.text) or ent.text
        out.setdefault(key, ent)
    return out


def country_in_name(ctx: Context, span: Span, longest: int = 6) -> Span | None:
    """A named country whose name or demonym is written inside `span` ("Sudanese Armed Forces")."""
    countries = named_countries(ctx, span)
    if not countries:
        return None
    doc = ctx.doc
    for size in range(min(longest, len(span)), 0, -1):
        for start in range(span.start, span.end - size + 1):
            words = doc[start:start + size]
            if not words[0].text[:1].isupper():
                continue
            key = _key(ctx, words.text)
            if key is not None and key in countries:
                return countries[key]
    return None


def country_of_word(ctx: Context, token: Token) -> Span | None:
    """The named country a demonym or country word stands for ("Iraqi" -> the article's "Iraq")."""
    own = ctx.at.get(token.i)
    if own is not None:
        return own if own.label_ == "Country" else None
    key = _key(ctx, token.text)
    return named_countries(ctx).get(key) if key is not None else None


def place_phrase(ctx: Context, token: Token | None, depth: int = 0) -> list[Span]:
    """Places a phrase names: itself and its list ("Anbar and Diyala"), "the north of Y", "Y's province
    of Z" (Z and Y), "Anbar and Diyala provinces" (the names before the kind noun)."""
    if token is None or depth > 2:
        return []
    out = [s for s in ctx.group(token) if s.label_ in PLACES]
    if out:
        return out
    if token.lemma_.lower() not in AREA_NOUNS and token.lower_ not in AREA_NOUNS:
        return []
    out += [s for c in token.children if c.dep_ in {"nmod", "compound"} for s in ctx.group(c)
            if s.label_ in PLACES]
    out += [s for s in place_phrase(ctx, pobj_of(token, {"of"}), depth + 1) if s not in out]
    owner = child(token, "poss")  # "Pakistan's southwestern province of Balochistan": Pakistan too
    out += [s for s in (ctx.group(owner) if owner is not None else []) if s.label_ in PLACES and s not in out]
    return out


def place_named(ctx: Context, words: Span, outside: Span) -> Span | None:
    """The article's named place (outside `outside`) that `words` spell ("the Central African Republic")."""
    if len(words) and words[0].lower_ == "the":
        words = words[1:]
    if not len(words):
        return None
    text = words.text.lower()
    key = _key(ctx, words.text)
    for ent in ctx.doc.ents:
        if ent.label_ not in PLACES or outside.start <= ent.start < outside.end:
            continue
        own = ent.text.lower().removeprefix("the ")
        if own == text or key is not None and ent.label_ == "Country" and _key(ctx, ent.text) == key:
            return ent
    return None
