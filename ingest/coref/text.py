"""Where coreference may reach: paragraphs and heading/infobox barriers, the page subject, mention extents.

A pronoun looks back only within its paragraph (a blank line ends one) and never
across a heading or an infobox line; an encyclopedia entry's page subject (its
title, or the subject of its defining first sentence) is the fallback antecedent.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from graph.model import normalize_name
from ingest.spans import text_of

ACTOR_TYPES = frozenset({"Person", "ArmedGroup", "PoliticalParty", "StateBody", "Organization", "Country"})
_BLANK = re.compile(r"\n[ \t]*\n")
_LABEL = re.compile(r"^[A-Z][\w()'’/-]*(?: [\w()'’/-]+){0,4}(?::\s|\s?\|)")
_ENDS = (".", "!", "?", '"', "”", "’", ")", "]", ";", ",", ":")
_PAREN = re.compile(r"\s*\([^)]*\)")


def _barrier(line: str, following: str) -> bool:
    """A heading or infobox line: labelled, piped, or short and unpunctuated before a capitalised line."""
    if "|" in line or _LABEL.match(line):
        return True
    return not line.endswith(_ENDS) and len(line.split()) < 16 and following[:1].isupper()


def segment_breaks(text: str) -> list[int]:
    """Character offsets where a new segment starts: after blank lines, around heading lines."""
    out = [m.end() for m in _BLANK.finditer(text)]
    lines = text.splitlines(keepends=True)
    following = [""] * len(lines)  # the next non-empty line after each, by one backward pass
    for i in range(len(lines) - 2, -1, -1):
        following[i] = lines[i + 1].strip() or following[i + 1]
    pos = 0
    for line, nxt in zip(lines, following, strict=True):
        if line.strip() and _barrier(line.strip(), nxt):
            out += [pos, pos + len(line)]
        pos += len(line)
    return sorted(out)


def sentence_segments(doc: Doc) -> list[int]:
    """The segment number of each sentence of the doc, in order (one pass over the text)."""
    breaks = segment_breaks(text_of(doc))
    return [bisect_right(breaks, sent.start_char) for sent in doc.sents]


def page_topic(doc: Doc) -> Span | None:
    """The actor the page is about: named by the title, else the subject of a defining first sentence."""
    title = doc.user_data.get("title") or ""
    want = normalize_name(_PAREN.sub("", title)) if title else ""
    actors = [e for e in doc.ents if e.label_ in ACTOR_TYPES]
    for ent in actors:
        if want and normalize_name(ent.text) == want:
            return ent
    for sent in list(doc.sents)[:3]:
        if sent.root.lemma_ == "be" and any(c.dep_ == "attr" for c in sent.root.children):
            return next((e for e in actors if sent.start <= e.start < sent.end and e.root.dep_ == "nsubj"
                         and e.root.head == sent.root), None)
    return None


def anaphor_extent(token: Token) -> tuple[int, int]:
    """Token range of the anaphoric phrase: the pronoun alone, or "the" ... head noun."""
    start = token.i
    for c in token.lefts:
        if c.dep_ in {"det", "amod", "compound", "nmod"}:
            start = min(start, c.i)
    return start, token.i + 1


def quoted(token: Token) -> bool:
    """Inside a quotation: "we" is the speaker's side, not the body issuing the notice."""
    return sum(t.text in {'"', "“", "”"} for t in token.sent if t.i < token.i) % 2 == 1
