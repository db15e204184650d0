"""A knowledge-base alias found inside a longer capitalised name is not that actor.

"Dawn" (a newspaper) in "the Green Dawn Party", "Congress" in "Indian National Congress"
or "the 12th Congress of the PKK": the ruler's match is a piece of another name, and
keeping it would cut that name in two. A group match (not a person, country or place,
which have their own rules) is dropped when a name word comes right before it or a
head noun ("Party", "Battalions") right after it, or when it ends in a word that opens names ("The
National" before "Democratic Alliance"); titles, countries and demonyms
before it do not count ("Iraqi Parliament"), nor does a headline in title case. A one-word
person form (a surname) followed by another name word is a piece of another person's name,
and a country with name words on both sides ("Kokang Myanmar Democratic ...") is a name's word.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from graph.model import EntityType
from ingest.entities.head_types import head_type
from ingest.entities.words import entity_words
from ingest.kb import Actor, KnowledgeBase
from ingest.kb.gazetteer import load_gazetteer
from ingest.kb.variants import fold_accents
from ingest.lexicon import lexicon

_GROUP_TYPES = frozenset({"Organization", "StateBody", "PoliticalParty", "ArmedGroup"})
_PLACE_TYPES = frozenset({"Country", "Location"})
_HEADLINE_SHARE = 0.6
# Words that open names rather than end them: "The National" (a newspaper) before "Democratic Alliance".
_OPENERS = frozenset({"national", "democratic", "popular", "islamic", "united", "revolutionary", "socialist",
                      "liberal", "progressive", "patriotic", "federal", "republican", "independent", "free",
                      "new", "people's", "peoples", "peoples'", "arab", "social", "christian", "workers'"})
_STATE_WORDS = frozenset({"foreign", "interior", "defence", "defense", "finance", "treasury", "state",
                          "prime"})


def _name_word(tok: Token) -> bool:
    """A capitalised proper noun that is no person's title, country or demonym, or a number ("12th")."""
    if tok.like_num or (tok.text[:-2].isdigit() and tok.lower_[-2:] in {"st", "nd", "rd", "th"}):
        return True
    if not tok.is_title or tok.tag_ not in {"NNP", "NNPS"}:
        return False
    lex = lexicon()
    word = tok.lower_
    return (word not in entity_words().person_titles and word not in _STATE_WORDS
            and lex.country_of(tok.text) is None and word not in {"the", "of"})


def _collective_possessive(tok: Token) -> bool:
    """ "the Velmar People's Congress": a capitalised collective's possessive is a word of the name."""
    if tok.lower_ not in {"'s", "’s", "'", "’"} or tok.i == 0:
        return False
    owner = tok.doc[tok.i - 1]
    return owner.is_title and owner.lower_ in _COLLECTIVES


_COLLECTIVES = frozenset({"people", "peoples", "workers", "women", "martyrs", "farmers", "youth", "nation",
                          "nations", "mujahideen", "soldiers", "students"})


def _in_headline(tok: Token) -> bool:
    """Is the token in a title-case line with no closing full stop ("US Strikes Kataib Hezbollah Sites")?"""
    doc = tok.doc
    start, end = tok.i, tok.i
    while start > 0 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    while end < len(doc) - 1 and "\n" not in doc[end].text_with_ws:
        end += 1
    line = [t for t in doc[start:end + 1] if not t.is_space]
    words = [t for t in line if t.text[:1].isalpha()]
    if not line or line[-1].text in {".", "!", "?", '"', "”"} or len(words) <= 3:
        return False
    return sum(t.text[:1].isupper() for t in words) >= _HEADLINE_SHARE * len(words)


def _sandwiched(span: Span) -> bool:
    """A country or place with name words on both sides is a word of a longer name."""
    doc = span.doc
    if span.start == 0 or span.end >= len(doc) or doc[span.start - 1].is_sent_start:
        return False
    before, after = doc[span.start - 1], doc[span.end]
    return before.is_title and _name_word(before) and after.is_title and _name_word(after) \
        and not _in_headline(span[0])


def inside_longer_name(span: Span) -> bool:
    """Is this group match a piece of a longer capitalised name the knowledge base does not hold?"""
    doc = span.doc
    if span.label_ == "Person" and span.end < len(doc):  # "Hamid Karzai International Airport"
        nxt = doc[span.end]
        return _name_word(nxt) and (len(span) == 1 or nxt.lower_ not in entity_words().heads) \
            and not _in_headline(span[0])
    if span.label_ in _PLACE_TYPES:  # "the Kokang Myanmar Democratic Alliance Army"
        return _sandwiched(span)
    if span.label_ not in _GROUP_TYPES:
        return False
    prev = doc[span.start - 1] if span.start else None
    nxt = doc[span.end] if span.end < len(doc) else None
    before = prev is not None and (prev.text == "Operation" or not prev.is_sent_start and _name_word(prev)
                                   or _collective_possessive(prev) or _one_word_inside(span))
    after = nxt is not None and nxt.is_title and (nxt.lower_ in entity_words().heads
                                                  or span[-1].lower_ in _OPENERS and _name_word(nxt))
    return (before or after) and not _in_headline(span[0])


def _one_word_inside(span: Span) -> bool:
    """ "Jama'at Nasr al-Islam": a one-word form between proper nouns ("Jama'at" is no title-case word,
    "al" no capitalised one) is a word of a longer transliterated name."""
    doc = span.doc
    if len(span) != 1 or span.start == 0 or span.end >= len(doc):
        return False
    prev, nxt = doc[span.start - 1], doc[span.end]
    return prev.tag_ == "NNP" and prev.text[:1].isupper() and not prev.is_sent_start and nxt.tag_ == "NNP" \
        and lexicon().country_of(prev.text) is None and prev.lower_ not in entity_words().person_titles


def country_led_end(span: Span, matched: set[int]) -> int | None:
    """ "the Sudan Liberation Movement", "the Nigeria Police Force", "the Kosovo Police": a country
    followed by capitalised words no other match holds (a collective's "People's" among them), the last
    a head noun, is the first word of that name; one word will do when it is a state body's head. Where
    that name ends, or None."""
    doc = span.doc
    if span.label_ != "Country" or span.start and doc[span.start - 1].text in _JOINERS:
        return None  # "the China–Pakistan Economic Corridor": not Pakistan's
    heads = entity_words().heads
    end, words, found = span.end, 0, None
    while end < len(doc) and words < 4 and end not in matched and not doc[end].is_sent_start \
            and (doc[end].is_title or _collective_possessive(doc[end])):
        end += 1
        words += doc[end - 1].is_title
        head = doc[end - 1].lower_
        if words >= 2 and head in heads or words == 1 and head in _STATE_HEADS:
            found = end  # the longest: "the Nigeria Police Force", not "the Nigeria Police"
    return None if found is None or _in_headline(span[0]) else found


# One-word heads that make "<Country> <Head>" a state body ("Kosovo Police", "Kenya Army"); "government"
# is not among them: "the Zanland Government" is the state itself (FORMAT.md).
_STATE_HEADS = frozenset({"police", "army", "navy", "parliament", "senate", "gendarmerie", "military",
                          "judiciary", "treasury", "presidency", "cabinet"})
_JOINERS = frozenset({"-", "–", "—", "/"})
_NOT_BODIES = frozenset({"government", "republic", "kingdom", "state", "president", "people"})


def body_of_country(span: Span, matched: set[int]) -> Span | None:
    """ "the Parliament of Georgia", "the National Assembly of Zanland": a country after "of" that ends a
    capitalised state body's name (its head "Parliament", "Assembly", "Court", "Commission" …) is part
    of that body's name, not the country standing alone; "Government of X" stays the state itself."""
    doc = span.doc
    if span.label_ != "Country" or span.start < 2:
        return None
    of = span.start - 1 if doc[span.start - 1].lower_ != "the" else span.start - 2
    if of < 1 or doc[of].lower_ != "of":
        return None
    start = of
    while start > 0 and start - 1 not in matched and doc[start - 1].is_title \
            and doc[start - 1].lower_ != "the":
        start -= 1
        if doc[start].is_sent_start:
            break
    if start == of or doc[start].lower_ in _NOT_BODIES or _in_headline(span[0]):
        return None
    body = doc[start:of]
    if head_type(body, lexicon()) is not EntityType.STATE_BODY or body[-1].lower_ in _NOT_BODIES:
        return None
    return Span(doc, start, span.end, label=EntityType.STATE_BODY.value)


def of_longer_name(span: Span, kb: KnowledgeBase) -> bool:
    """ "the National Democratic Alliance of Xandria": a group form followed by "of" and a country or
    one unknown capitalised word begins a longer name the knowledge base lacks, unless that country is
    the actor's own ("the Democratic Alliance of Zanland"); a known actor or a region after "of" is
    the group's leader or seat ("the Kurdistan Democratic Party of Masoud Barzani")."""
    doc = span.doc
    if span.label_ not in _GROUP_TYPES or span.end + 1 >= len(doc) or doc[span.end].lower_ != "of":
        return False
    start = span.end + 2 if doc[span.end + 1].lower_ == "the" else span.end + 1
    end = start
    while end < len(doc) and doc[end].is_title and not doc[end].is_sent_start:
        end += 1
    if end == start:
        return False
    rest = doc[start:end].text
    country = lexicon().country_of(rest)
    if country is None and (end - start > 1 or kb.lookup(rest) or _region_or_city(rest)):
        return False  # "Janata Dal (United) of Bihar": the party and the region it is of
    actor = kb.by_id(span.kb_id_)
    home = None if actor is None else actor.attrs.get("country")
    return (home is None or country != home) and not _in_headline(span[0])


def _region_or_city(text: str) -> bool:
    """Is this a region or city the gazetteer knows by exactly this name?"""
    place = load_gazetteer().lookup(text)
    return place is not None and place.kind in {"subdivision", "city"} \
        and fold_accents(place.name).casefold() == fold_accents(text).casefold()


_BRANCH_HEADS = frozenset({"province", "wilayat", "wilaya", "wilayah", "branch"})
_MAX_BRANCH = 4


def possessive_branches(ents: list[Span], kb: KnowledgeBase) -> list[Span]:
    """ "the Islamic State's Khorasan Province": a group's named province is a group (the branch), not
    a place; the whole phrase is one name, the knowledge base's branch when it holds it."""
    out: list[Span] = []
    skip_until = -1
    for ent in ents:
        if ent.start < skip_until:
            continue
        branch = _branch_after(ent, kb) if ent.label_ == "ArmedGroup" else None
        if branch is not None:
            skip_until = branch.end
            ent = branch
        out.append(ent)
    return out


def _branch_after(group: Span, kb: KnowledgeBase) -> Span | None:
    """The group's "'s <Name> Province" span, typed from the knowledge base, or None."""
    doc = group.doc
    at = group.end
    if at + 2 >= len(doc) or doc[at].lower_ not in {"'s", "’s"}:
        return None
    end = at + 1
    while end < len(doc) and end - at <= _MAX_BRANCH and doc[end].is_title and \
            doc[end - 1].lower_ not in _BRANCH_HEADS:
        end += 1
    if end - at < 3 or doc[end - 1].lower_ not in _BRANCH_HEADS:
        return None
    known = kb.lookup(f"{group.text} {doc[at + 1:end].text}")
    if len(known) == 1:
        return Span(doc, group.start, end, label=known[0].type.value, kb_id=known[0].id)
    return Span(doc, group.start, end, label=group.label_)


def places_of_groups(ents: list[Span]) -> list[Span]:
    """ "the Telugu Desam Party of Andhra Pradesh": the region or city a known group is "of" is a
    place of its own (the model's longer span lost it to the knowledge base's match)."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    added = []
    for ent in ents:
        doc = ent.doc
        if not ent.kb_id_ or ent.label_ not in _GROUP_TYPES or ent.end + 1 >= len(doc) \
                or doc[ent.end].lower_ != "of":
            continue
        start = end = ent.end + 1
        while end < len(doc) and doc[end].is_title and end not in taken and end - start < 3:
            end += 1
        if end > start and _region_or_city(doc[start:end].text) and lexicon().country_of(
                doc[start:end].text) is None:
            added.append(Span(doc, start, end, label="Location"))
            taken.update(range(start, end))
    return sorted([*ents, *added], key=lambda e: e.start) if added else ents


def and_longer_name(span: Span, matched: set[int]) -> bool:
    """ "the Peace and Security Council": a known body's generic name ("Security Council") after "and"
    and a capitalised word no knowledge-base match holds is the end of a longer name."""
    doc = span.doc
    if span.label_ not in _GROUP_TYPES or len(span) < 2 or span.start < 2 \
            or doc[span.start - 1].lower_ not in {"and", "&"}:
        return False
    before = doc[span.start - 2]
    return before.is_title and before.i not in matched and span[-1].lower_ in entity_words().heads \
        and not before.is_sent_start and not _in_headline(span[0])


def _country_at(doc: Doc, end: int, kb: KnowledgeBase) -> str | None:
    """The country the one or two words ending at token `end` name or are the demonym of ("Brazil",
    "Brazilian", "South Sudan")."""
    lex = lexicon()
    for start in (end - 1, end):
        if start < 0:
            continue
        text = doc[start:end + 1].text
        country = lex.country_of(text)
        known = kb.by_demonym(text) if country is None else None
        if country or known is not None:
            return country or (known.name if known is not None else None)
    return None


def foreign_owner(span: Span, actor: Actor, kb: KnowledgeBase) -> bool:
    """ "Brazil's Federal Police", "the Kenyan National Security Agency", "the Federal Police of Brazil":
    a known body's generic name owned by another country than the actor's own is that country's body,
    not the known one."""
    home = actor.attrs.get("country")
    doc = span.doc
    if actor.type.value not in _GROUP_TYPES or not home:
        return False
    owner = None
    before = span.start - 1
    if before >= 1 and doc[before].lower_ in {"'s", "’s"}:
        owner = _country_at(doc, before - 1, kb)
    elif before >= 0 and doc[before].is_title:
        owner = _country_at(doc, before, kb)
    if owner is None and span.end + 1 < len(doc) and doc[span.end].lower_ == "of":
        after = span.end + 2 if doc[span.end + 1].lower_ == "the" else span.end + 1
        owner = _country_at(doc, after, kb) if after < len(doc) else None
        if owner is None and after + 1 < len(doc):
            owner = _country_at(doc, after + 1, kb)
    return owner is not None and owner != home
