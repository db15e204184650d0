"""Who issues a notice, and which named body a definite reference ("the Council", "the Department") is.

A notice names its issuing body once in full ("The Security Council today adopted ...", "the
Department of State is designating ...", a header, a signature) and then as "the Council", "the
Department", "the Committee". Such a reference is the nearest body of that name before it (else
the first after it); where the text never names the body in full, the knowledge base's body named
by the noun and an organisation the text does name ("the Council" beside "EU" is the Council of
the European Union). The notice's issuer is decided once: the subject of its first statement
when that is a body, else the body of its header lines, else the first body that lists anyone.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from ingest.rules.base import Context
from ingest.spans import text_of

BODY_NOUNS = frozenset({"council", "committee", "department", "ministry", "commission", "office",
                        "government", "secretariat", "treasury", "bureau", "agency", "presidency", "cabinet"})
_BODIES = frozenset({"StateBody", "Organization"})
_OWNERS = frozenset({"Organization", "Country"})
_DEFINITE = frozenset({"the", "this", "that"})
_PRESS_OFFICES = frozenset({"spokesperson", "spokesman", "press", "media", "communications"})
_HEAD_CHARS = 400  # a notice's header lines (publisher, office, dateline) stand within these characters


def body_reference(ctx: Context, token: Token) -> Span | None:
    """The named body a definite body noun ("the Council") stands for, or None."""
    noun = token.lemma_.lower()
    if noun not in BODY_NOUNS or token.i in ctx.at or token.pos_ not in {"NOUN", "PROPN"}:
        return None
    if not any(c.lower_ in _DEFINITE and c.dep_ == "det" for c in token.children):
        return None
    named = [e for e in ctx.doc.ents if e.label_ in _BODIES and noun in {t.lower_ for t in e}]
    before = [e for e in named if e.end <= token.i]
    if before:
        return before[-1]
    return named[0] if named else _known_body(ctx, token)


def _known_body(ctx: Context, token: Token) -> Span | None:
    """The body the knowledge base knows as "<Noun> of the <owner>" or "<owner> <Noun>" for an owner the
    text names, as a mention on the noun."""
    if ctx.kb is None:
        return None
    noun = token.lemma_.capitalize()
    found = {}
    for ent in ctx.doc.ents:
        if ent.label_ not in _OWNERS:
            continue
        for name in (f"{noun} of the {ent.text}", f"{noun} of {ent.text}", f"{ent.text} {noun}"):
            for actor in ctx.kb.lookup(name):
                if actor.type.value in _BODIES:
                    found[actor.id] = actor
    if len(found) != 1:
        return None
    (actor,) = found.values()
    return Span(ctx.doc, token.i, token.i + 1, label=actor.type.value, kb_id=actor.id)


Resolver = Callable[[Context, Token], list[Span]]


def notice_issuer(ctx: Context, bodies_of: Resolver, lists: Callable[[Token], bool]) -> list[Span]:
    """The notice's issuing body: its first statement's subject (a body), its header's body, else the
    first body that lists anyone (`bodies_of` reads a subject's bodies, `lists` tells a listing verb)."""
    first = _first_subject(ctx)
    found = [s for s in bodies_of(ctx, first) if s.label_ in _BODIES] if first is not None else []
    if found:
        return found[:1]
    header = _header_body(ctx)
    if header is not None:
        return [header]
    for token in ctx.doc:
        if token.dep_ == "nsubj" and lists(token.head):
            found = [s for s in bodies_of(ctx, token) if s.label_ in _BODIES | {"Country"}]
            if found:
                return found[:1]
    return []


def _first_subject(ctx: Context) -> Token | None:
    """The subject of the notice's first statement: the first sentence past its header lines whose root
    verb has a subject."""
    for sent in ctx.doc.sents:
        if sent.end - sent.start < 6 or "\n" in sent.text.strip():
            continue  # a header line, a dateline or a run of short lines
        root = sent.root  # "the Committee pursuant to resolutions ... approved": the parser's root "pursuant"
        subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if root.pos_ in {"VERB", "AUX", "ADJ"} and subject is not None:
            return subject if subject.dep_ == "nsubj" else None
    return None


def _header_body(ctx: Context) -> Span | None:
    """The first known body of the notice's opening lines (its publisher), never a press office."""
    head = text_of(ctx.doc).find("\n\n", 200)
    head = len(text_of(ctx.doc)) if head < 0 else head
    for ent in ctx.doc.ents:
        if ent.start_char < min(head, _HEAD_CHARS) and ent.label_ in _BODIES and ent.kb_id_ \
                and not {t.lower_ for t in ent} & _PRESS_OFFICES:
            return ent
    return None
