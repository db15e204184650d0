"""Span shapes before typing: what a name's edges hold that is not the name.

A glued infobox label ("Country|Zanland"), a possessive country ("Zanland's Special
Tribunal"), a numbered meeting around a party ("the 12th Congress of the X Party"),
"the Government of X" (the state itself) and a person's title ("Ayatollah X") are cut
off or replaced, so the span that is typed is the actor's own name.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.model import EntityType
from ingest.entities.head_types import head_type
from ingest.entities.words import entity_words
from ingest.kb import KnowledgeBase
from ingest.kb.gazetteer import load_gazetteer
from ingest.lexicon import Lexicon, lexicon
from ingest.readers.pasted import in_junk

_MEETINGS = {"congress", "conference", "plenum", "session", "summit", "convention"}


def ordinal_meeting(span: Span) -> EntityType | None:
    """ "the 12th Congress of the PKK": a numbered meeting is an event, not the body that meets."""
    first = span[0]
    suffixed = first.lower_[-2:] in {"th", "st", "nd", "rd"} and first.lower_[:-2].isdigit()
    numbered = first.like_num or first.ent_type_ == "ORDINAL" or suffixed
    return EntityType.EVENT if numbered and span.root.lower_ in _MEETINGS else None


def outside_junk(span: Span) -> Span | None:
    """The span without the infobox label glued to it ("Country|Zanland" -> "Zanland")."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and in_junk(doc, doc[start].idx, doc[start].idx + len(doc[start])):
        start += 1
    while end > start and in_junk(doc, doc[end - 1].idx, doc[end - 1].idx + len(doc[end - 1])):
        end -= 1
    if start >= end:
        return None
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label=span.label_)


def split_possessive(span: Span, lex: Lexicon) -> tuple[Span | None, Span]:
    """ "Colombia's Special Jurisdiction for Peace": the country and the name it owns, apart."""
    doc = span.doc
    for tok in span[1:-1]:
        if tok.lower_ in {"'s", "’s"}:
            owner = doc[span.start:tok.i]
            country = lex.country_of(owner.text)
            if country is None:
                return None, span
            return (Span(doc, owner.start, owner.end, label=EntityType.COUNTRY.value),
                    Span(doc, tok.i + 1, span.end, label=span.label_))
    return None, span


def inside_meeting(span: Span) -> Span:
    """ "the 12th Congress of the Zanland Unity Party": the party is the actor named inside the meeting
    (entities cannot overlap, and the meeting itself is no actor)."""
    doc = span.doc
    of = next((t for t in span[2:-1] if t.lower_ == "of"), None)
    if of is None or ordinal_meeting(doc[span.start:of.i]) is None:
        return span
    start = of.i + 2 if doc[of.i + 1].lower_ == "the" else of.i + 1
    return Span(doc, start, span.end, label="ORG") if start < span.end else span


def government_of(span: Span, lex: Lexicon) -> Span:
    """ "the Government of Zanland": the state itself acts, so the span is the country's name."""
    doc = span.doc
    if len(span) < 3 or span[0].lower_ != "government" or span[1].lower_ != "of":
        return span
    start = span.start + 3 if span[2].lower_ == "the" else span.start + 2
    rest = doc[start:span.end]
    return Span(doc, start, span.end, label="GPE") if len(rest) and lex.country_of(rest.text) else span


def strip_titles(span: Span) -> Span:
    """ "Ayatollah Ali Sistani", "President Zarko Vell": the title stays outside the name, unless
    the rest is itself a body ("General Assembly", "Supreme Court")."""
    titles = entity_words().person_titles
    start = span.start
    while start < span.end - 1 and _title_word(span.doc[start].lower_.rstrip("."), titles):
        start += 1
    rest = span.doc[start:span.end]
    if start == span.start or not rest[0].text[:1].isupper() or head_type(rest, lexicon()) is not None:
        return span
    return Span(span.doc, start, span.end, label="PERSON" if span.label_ != "PERSON" else span.label_)


def _title_word(word: str, titles: frozenset[str]) -> bool:
    """A person's title, or its plural before a list of names ("Ministers X and Y")."""
    return word in titles or len(word) > 4 and word.endswith("s") and word[:-1] in titles


_SPLIT_KINDS = frozenset({"subdivision", "city"})


def split_place_of(span: Span, kb: KnowledgeBase) -> tuple[Span, Span | None]:
    """ "the Telugu Desam Party of Andhra Pradesh": a party and the region it is of, apart. A country
    stays in the name ("Communist Party of Zanland"), and so does any name the KB holds whole."""
    doc = span.doc
    of = next((t for t in span[1:-1] if t.lower_ == "of"), None)
    if of is None or kb.lookup(span.text) or head_type(doc[span.start:of.i], lexicon()) is None:
        return span, None
    rest = doc[of.i + 1:span.end]
    place = load_gazetteer().lookup(rest.text)
    if place is None or place.kind not in _SPLIT_KINDS or lexicon().country_of(rest.text) is not None \
            or place.name.casefold() != rest.text.casefold():
        return span, None
    return (Span(doc, span.start, of.i, label=span.label_),
            Span(doc, rest.start, rest.end, label=EntityType.LOCATION.value))


def acronym_before_head(ents: list[Span], kb: KnowledgeBase) -> list[Span]:
    """ "Peoples' Equality and Democracy (DEM) Party": an acronym in brackets before the head noun. The
    name is the words around the bracket: the knowledge base's actor when it holds it (one span from
    name to head, the acronym inside it), else the head noun types the words and the acronym."""
    out: list[Span] = []
    skip_until, relabel, defined = -1, {}, {}
    for ent in ents:
        if ent.start < skip_until:
            continue
        if ent.start in relabel and not ent.kb_id_:
            ent = Span(ent.doc, ent.start, ent.end, label=relabel[ent.start])
        if ent.text in defined and not ent.kb_id_:  # "The meetings led by DEM": the acronym defined above
            ent = Span(ent.doc, ent.start, ent.end, label=defined[ent.text][0], kb_id=defined[ent.text][1])
        head = _head_after_acronym(ent)
        if head is not None:
            known = kb.lookup(f"{ent.text} {head.text}")
            etype = entity_words().heads.get(head.lower_)
            if len(known) == 1:
                ent = Span(ent.doc, ent.start, head.i + 1, label=known[0].type.value, kb_id=known[0].id)
                skip_until = head.i + 1
                defined[ent.doc[head.i - 2].text] = (ent.label_, ent.kb_id_)
            elif etype is not None and not ent.kb_id_:
                ent = Span(ent.doc, ent.start, ent.end, label=etype.value)
                relabel[ent.end + 1] = etype.value
        out.append(ent)
    return out


def _head_after_acronym(ent: Span) -> Token | None:
    """The capitalised word after "(ACRONYM)" right behind the name, if any."""
    doc, at = ent.doc, ent.end
    if at + 3 >= len(doc) or doc[at].text != "(" or doc[at + 2].text != ")" or not doc[at + 1].is_upper:
        return None
    return doc[at + 3] if doc[at + 3].is_title else None
