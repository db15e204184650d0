"""The entries of a notice's list and the grounds each gives: lines, bullets, numbers, details.

"The following individuals and entities have been added:" is followed by one entry a line
("1. NAME (a.k.a. ...; DOB ...; nationality ...). Listed for being a leader of X."); the entry
is the first actor on its line, its details (a.k.a., DOB, POB, nationality, passport, address)
are never entries, and the grounds on its own lines stay with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ingest.lexicon import lexicon
from ingest.rules.base import Context
from ingest.rules.notice_words import NoticeWords
from ingest.spans import text_of

_TARGETS = {"ArmedGroup", "Person", "PoliticalParty", "Organization", "StateBody"}
_BULLET = re.compile(r"^\s*(?:\d{1,3}[.)]|\(?[a-zA-Z0-9]{1,3}\)|[-•*–·▪])\s+")
_INTRO = frozenset({"following", "below", "annex", "annexed", "schedule", "attached"})
_GROUNDS_OPEN = ("listed", "designated", "sanctioned", "for ", "owned", "controlled")
_NAME_AT = 4  # an entry's name starts within this many tokens of its line start
_PREFIX = 160  # characters of grounds read before a body


@dataclass
class Entry:
    """One listed actor, how it was found ("tree", "list", "entry") and its grounds."""

    span: Span
    how: str
    grounds: list[tuple[str, str, Span]] = field(default_factory=list)  # (predicate, direction, body)


def line_start(tok: Token) -> bool:
    """The token opens its line (after any bullet or number)."""
    doc = tok.doc
    i = tok.i - 1
    while i >= 0 and (doc[i].is_space or _bulletish(doc[i])) and "\n" not in doc[i].text:
        if "\n" in doc[i].whitespace_:
            return True
        i -= 1
    return i < 0 or "\n" in doc[i].text or "\n" in doc[i].whitespace_


def _bulletish(tok: Token) -> bool:
    return tok.like_num or tok.text in {".", ")", "(", "-", "•", "*", "–", "·", "▪"} or bool(
        re.fullmatch(r"\(?[a-zA-Z0-9]{1,3}[.)]", tok.text))


def entries_after(ctx: Context, stop: int, words: NoticeWords) -> list[Entry]:
    """Entries on the lines after a listing that announces them ("the following ...:", "below")."""
    doc = ctx.doc
    if stop >= len(doc) or not _announces(ctx, stop):
        return []
    out: list[Entry] = []
    for start, end in _blocks(ctx, stop):
        entry = _entry(ctx, start, end, words)
        if entry is not None:
            out.append(entry)
    return out


def _announces(ctx: Context, stop: int) -> bool:
    """The listing sentence promises entries after it: "the following", "below", or a closing colon."""
    doc = ctx.doc
    sent = doc[min(stop, len(doc) - 1)].sent
    lows = {t.lower_ for t in doc[sent.start:stop + 1]}
    return bool(lows & _INTRO) or doc[stop - 1].text == ":" or doc[min(stop, len(doc) - 1)].text == ":"


def _blocks(ctx: Context, stop: int) -> list[tuple[int, int]]:
    """Token ranges of the entry lines after `stop`: from one entry line to the next, ending at prose."""
    doc = ctx.doc
    text = text_of(doc)
    pos = text.find("\n", doc[stop].idx)
    blocks: list[tuple[int, int]] = []
    while 0 <= pos < len(text):
        nxt = text.find("\n", pos + 1)
        nxt = len(text) if nxt < 0 else nxt
        line = text[pos + 1:nxt]
        if line.strip():
            if _BULLET.match(line) or _opens_with_name(ctx, pos + 1, line):
                blocks.append((pos + 1, nxt))
            elif blocks and len(line.split()) > 14 and not line.lstrip().lower().startswith(_GROUNDS_OPEN):
                break  # prose again: the list is over
            elif blocks:
                blocks[-1] = (blocks[-1][0], nxt)  # a continuation line of the last entry
        pos = nxt if nxt < len(text) else -1
    return [_tokens(ctx, a, b) for a, b in blocks]


def _opens_with_name(ctx: Context, char: int, line: str) -> bool:
    """An unbulleted entry line: it starts with a listed actor's name."""
    first = char + len(line) - len(line.lstrip())
    return any(e.start_char == first and e.label_ in _TARGETS for e in ctx.doc.ents)


def _tokens(ctx: Context, start: int, end: int) -> tuple[int, int]:
    doc = ctx.doc
    first = next((t.i for t in doc if t.idx >= start), len(doc))
    last = next((t.i for t in doc[first:] if t.idx >= end), len(doc))
    return first, last


def _entry(ctx: Context, start: int, end: int, words: NoticeWords) -> Entry | None:
    """The entry of one block: its first actor, then the grounds the block gives."""
    doc = ctx.doc
    for i in range(start, min(end, start + _NAME_AT + 2)):
        span = ctx.at.get(i)
        if span is not None and span.start == i and span.label_ in _TARGETS \
                and not {w.lower_ for w in span} & words.headings:
            return Entry(span, "entry", grounds_in(ctx, span.end, end, words))
        if doc[i].lower_.strip(":.") in words.details:
            return None
    return None


def grounds_in(ctx: Context, start: int, end: int, words: NoticeWords) -> list[tuple[str, str, Span]]:
    """(predicate, direction, body) for every body the grounds between `start` and `end` name."""
    doc = ctx.doc
    if start >= end:
        return []
    out: list[tuple[str, str, Span]] = []
    last: tuple[str, str, Span] | None = None
    seen: set[int] = set()
    for i in range(start, end):
        span = ctx.at.get(i)
        if span is None or span.start != i or i in seen:
            continue
        seen.add(i)
        prefix = text_of(doc)[max(doc[start].idx, span.start_char - _PREFIX):span.start_char]
        found = _reason(prefix, words)
        if found is None and last is not None and re.fullmatch(r"[\s,]*(?:and|or|as well as)?\s*(?:the\s+)?",
                                                                text_of(doc)[last[2].end_char:span.start_char]):
            found = last[:2]  # "members of A and B": the grounds go on over a list
        if found is not None and found[0] == "LEADS" and span.end < len(doc) \
                and doc[span.end].lower_ in {"'s", "’s"}:
            found = ("MEMBER_OF", found[1])  # "who heads X's finance office": a unit of X, in X
        if found is not None and found[0] == "PART_OF" and span.label_ == "Person":
            found = ("LEADS", "body")  # "a company owned or controlled by X": X runs it
        if found is not None:
            last = (found[0], found[1], span)
            out.append(last)
    return out


def _reason(prefix: str, words: NoticeWords) -> tuple[str, str] | None:
    """The grounds phrase the text right before a body ends with, as (predicate, direction)."""
    text = re.sub(r"\b(?:the|its|their|his|her)\s+$", "", prefix.rstrip(" ") + " ", flags=re.I)
    text = text.rstrip().rstrip(",").rstrip() + " "
    for pattern, pred, way in words.reasons:
        if pattern.search(text):
            return pred, way
    return None


_KINDS = {"person": {"Person"}, "group": _TARGETS - {"Person"}}


def counted_entries(ctx: Context, cue: Token, words: NoticeWords) -> list[Entry]:
    """ "designated three leaders of X, along with one of its financiers, as ...", then one paragraph
    each: the actors of the listed kind that open the paragraphs right after the listing's."""
    kinds = {_counted_kind(t, words) for t in cue.subtree if _counted(t)} - {None}
    if len(kinds) != 1:
        return []
    wanted = _KINDS[kinds.pop()]
    out: list[Entry] = []
    for start in _paragraph_starts(ctx, cue.sent.end - 1):
        span = next((ctx.at[i] for i in range(start, min(start + 3, len(ctx.doc))) if i in ctx.at), None)
        if span is None or span.label_ not in wanted:
            break  # a first name the tagger cut off ("Abdulkhaliq [al-Houthi]") still opens it
        out.append(Entry(span, "paragraph", []))
    return out


def _counted_kind(noun: Token, words: NoticeWords) -> str | None:
    """What a counted noun lists: people ("leaders", "four Iraqis") or groups ("two entities")."""
    if noun.lower_ in words.counted:
        return words.counted[noun.lower_]
    plural = noun.tag_ in {"NNS", "NNPS"} and noun.lower_.endswith("s")
    return "person" if plural and lexicon().demonyms.get(noun.lower_[:-1]) else None


def _counted(noun: Token) -> bool:
    """ "three leaders", "one of its facilitators": a number counts the noun."""
    if any(c.like_num for c in noun.children):
        return True
    return noun.head.lower_ == "of" and noun.head.head.like_num


def _paragraph_starts(ctx: Context, after: int) -> list[int]:
    """The first token of each paragraph (after a blank line) following token `after`, in order."""
    doc = ctx.doc
    if after >= len(doc):
        return []
    at = {t.idx: t.i for t in doc}
    base = doc[after].idx
    starts = (at.get(base + m.end()) for m in re.finditer(r"\n[ \t]*\n\s*", text_of(doc)[base:]))
    return [i for i in starts if i is not None]
