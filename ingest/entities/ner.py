"""Type correction after the statistical NER: knowledge base first, then cue words, then the label.

The small model calls "Kataeb Hezbollah" a PERSON and "Hadi Al Amiri" a GPE; the
knowledge base and the cue words of `lexicon.yaml` ("brigades", "coalition",
"ministry", ...) overrule it. Labels that never name an actor (dates, numbers,
nationalities, laws) are dropped, and so are generic or malformed spans.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from graph.model import EntityType
from ingest.entities import cached_kb
from ingest.entities.acronyms import defined_acronyms
from ingest.entities.capitals import capital_as_country
from ingest.entities.column_types import Cell, column_type, in_header, table_cells, unnamed_cells
from ingest.entities.context_types import label_type
from ingest.entities.descriptors import NAME_LABELS, described_type, says_political
from ingest.entities.given_names import given_names, opens_with_given_name
from ingest.entities.glosses import ALIASES, gloss_aliases
from ingest.entities.head_types import head_type, led_by_person, titled_person
from ingest.entities.infobox_people import infobox_people
from ingest.entities.kb_spans import foreign_owner, places_of_groups, possessive_branches
from ingest.entities.listing_names import amended_aliases, listing_names
from ingest.entities.name_typer import model_type
from ingest.entities.names import mend_names
from ingest.entities.non_actors import not_an_actor
from ingest.entities.person_spans import split_people
from ingest.entities.place_cues import PlaceCues
from ingest.entities.place_lists import place_lists
from ingest.entities.place_types import dateline_place, gazetteer_place, known_city, place_field
from ingest.entities.span_shapes import (
    acronym_before_head,
    government_of,
    inside_meeting,
    ordinal_meeting,
    outside_junk,
    split_place_of,
    split_possessive,
    strip_titles,
)
from ingest.entities.state_forces import demonym_forces
from ingest.entities.type_basis import Basis, record
from ingest.entities.words import entity_words
from ingest.kb import KnowledgeBase
from ingest.lexicon import Lexicon, lexicon
from ingest.readers.pasted import SUBJECT, in_junk, page_subject
from ingest.spans import text_of

_KEEP = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
_LEAD_STRIP = {"the", "a", "an", "pro", "anti", "-", "–", '"', "'", "“", "”", "‘", "’"}
_TAIL_STRIP = {"'s", "’s", "'", "’", '"', "”", "“", ",", ".", "-", "–", "of", "and", "for", "the", "("}
_PARTICLES = {"al", "el", "bin", "ibn", "abu", "abd", "bint"}
_TITLE_HEADS = {"secretary", "minister", "ministry", "department", "commander", "chief"}
_NON_ACTORS = {"terrorist organization", "terrorist organisation", "foreign terrorist organization",
               "foreign terrorist organizations", "foreign terrorist organisations", "notice",
               "specially designated nationals", "specially designated national",
               "specially designated global terrorist", "specially designated global terrorists",
               "global terrorist", "global terrorists"}
_BARE_HEADS = {"office", "bureau", "ministry", "council", "party", "front", "government", "court",
               "commission", "agency", "department", "army", "group", "movement", "alliance", "coalition",
               "cabinet"}


def trim(span: Span) -> Span | None:
    """The span without leading articles, quotes and a trailing possessive; None if nothing is left."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in _LEAD_STRIP or doc[start].is_space):
        start += 1
    if 1 < start < end - 1 and doc[start - 1].text in {"-", "–"} and doc[start - 2].lower_ in {"pro", "anti"}:
        start += 1  # "pro-Kurdish Peoples' Party": what the name is for or against is not the name
    opened = [t.i for t in doc[start:end] if t.text == "("]
    if opened and not any(t.text == ")" for t in doc[opened[-1]:end]):
        end = opened[-1]  # "Zanland People's Front (ZPF": the bracket is not part of the name
    while end > start and (doc[end - 1].lower_ in _TAIL_STRIP or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label_, kb_id=span.kb_id_)


def _extend_name(span: Span, kept: list[Span]) -> Span:
    """Grow a person name leftwards over capitalised name words the model left out ("Karim" Abdul Rahman)."""
    doc = span.doc
    start = span.start
    taken = {i for s in kept for i in range(s.start, s.end)}
    while start > 0 and start - 1 not in taken:
        prev = doc[start - 1]
        if prev.tag_ != "NNP" or not prev.is_title or prev.lower_ in lexicon().name_prefixes \
                or in_junk(doc, prev.idx, prev.idx + len(prev.text)) \
                or prev.lower_.rstrip(".") in entity_words().person_titles:
            break
        if lexicon().country_of(prev.text) is not None or prev.lower_ in lexicon().cues:
            break
        start -= 1
    return span if start == span.start else Span(doc, start, span.end, label=span.label_)


def cue_type(span: Span, lex: Lexicon) -> EntityType | None:
    """The type the name's own words announce: the head word first, then any word."""
    words = [t.lower_ for t in span]
    for word in [span.root.lower_, words[-1], *words]:
        if word in lex.cues:
            return lex.cues[word]
    return None


def _national_or_not(span: Span, cue: EntityType, lex: Lexicon) -> EntityType:
    """Armies and forces named after a country are the state's ("Iraqi Armed Forces"); others are
    armed groups ("National Liberation Army", "Popular Mobilization Forces")."""
    if span.root.lower_ not in {"army", "forces", "force"}:
        return cue
    national = any(lex.country_of(t.text) for t in span) or span[0].lower_ in {"armed", "security"}
    return EntityType.STATE_BODY if national or "security" in span.text.lower() else EntityType.ARMED_GROUP


_LOOSE = {EntityType.POLITICAL_PARTY, EntityType.ORGANIZATION}


def stated_type(span: Span, lex: Lexicon) -> EntityType | None:
    """The type an apposition states, unless it is a loose word for an armed name ("the Vell Defense
    Forces, a grassroots movement": the name's own head still makes it armed)."""
    described = described_type(span, lex)
    if described in _LOOSE and head_type(span, lex) is EntityType.ARMED_GROUP and not says_political(span):
        return None
    return described
_PLACE_WORDS = {"capital", "city", "town", "village", "province", "district", "port", "region"}


def _named_as_place(span: Span) -> bool:
    """ "Mali's capital, Bamako", "the city of Mosul": a name the text itself calls a place."""
    root = span.root
    if root.dep_ == "appos" and root.head.lemma_ in _PLACE_WORDS:
        return True
    if any(c.dep_ == "appos" and c.lemma_ in _PLACE_WORDS for c in root.children):
        return True
    head = root.head
    return root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in _PLACE_WORDS


def _looks_like_person(span: Span) -> bool:
    """Arabic-style personal names: a name particle inside a short capitalised name."""
    words = [t.text for t in span if t.text not in {"-"}]
    if not 2 <= len(words) <= 5 or not all(w[:1].isupper() or w.lower() in _PARTICLES for w in words):
        return False
    return any(w.lower() in _PARTICLES for w in words[1:-1]) or words[0].lower() == "abu"


def _hyphen_modifier(span: Span) -> bool:
    """ "a Mali-based group", "an Iran-backed militia": the name is a real one inside a modifier."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].tag_ == "VBN"


def _is_junk(span: Span, lex: Lexicon) -> bool:
    text = span.text
    if "\n" in text or not any(t.is_title or t.is_upper for t in span) or span[0].is_lower:
        return True
    if all(t.lower_ in lex.title_words or t.lower_.rstrip(".") in entity_words().person_titles or t.is_punct
           for t in span):
        return True  # "Supreme Leader", "Prime Minister", "Brig. Gen.": an office or rank, not an actor
    if span.start and span.doc[span.start - 1].lower_ in {"a", "an"} and not _hyphen_modifier(span):
        return True
    if text.lower() in _NON_ACTORS or text.lower() in lex.communities:
        return True
    if len(span) == 1 and span[0].lower_ in _BARE_HEADS:
        return True  # "the Office had listed him": a back-reference, not a new actor
    prev = span.doc[max(span.start - 2, 0):span.start]
    return len(prev) == 2 and prev[1].lower_ == "of" and prev[0].lower_ in _TITLE_HEADS


def statistical_type(span: Span, kb: KnowledgeBase, lex: Lexicon) -> tuple[str, str, Basis] | None:
    """(type, kb id, what decided the type) for a span the model found, or None when it names no actor."""
    actors = kb.lookup(span.text)
    if len(actors) == 1 and not foreign_owner(span, actors[0], kb):
        return actors[0].type.value, actors[0].id, Basis.KB
    if span.label_ == "NORP" or _is_junk(span, lex) or not_an_actor(span, lex):
        return None
    country = lex.country_of(span.text)
    if country and (span.label_ == "GPE" or span.text == country):  # the small model calls "Mali" a person
        return EntityType.COUNTRY.value, "", Basis.WORDS
    if _named_as_place(span):
        return EntityType.LOCATION.value, "", Basis.WORDS
    if span[0].lower_ == "operation" and len(span) > 1:
        return EntityType.EVENT.value, "", Basis.WORDS  # "Operation Olive Branch": a named military operation
    if gazetteer_place(span) or place_field(span) or dateline_place(span) or known_city(span):
        return EntityType.LOCATION.value, "", Basis.WORDS
    described = stated_type(span, lex)
    if described is not None:
        return described.value, "", Basis.WORDS
    headed = ordinal_meeting(span) or head_type(span, lex)
    if headed is not None:
        return headed.value, "", Basis.WORDS
    if titled_person(span) or led_by_person(span):
        return EntityType.PERSON.value, "", Basis.CONTEXT
    cue = cue_type(span, lex)
    if cue is not None:
        return _national_or_not(span, cue, lex).value, "", Basis.WORDS
    if span.label_ in {"GPE", "ORG"} and (_looks_like_person(span) or opens_with_given_name(span)):
        return EntityType.PERSON.value, "", Basis.CONTEXT
    if span.label_ == "GPE":
        return EntityType.LOCATION.value, "", Basis.LABEL
    if span.label_ == "PERSON" and len(span) == 1 and span[0].tag_ == "NNPS":
        return None
    if span.label_ == "ORG" and len(span) == 1 and _after_in(span.root):
        return EntityType.LOCATION.value, "", Basis.LABEL  # "fighting in Homs and Hama": one word after "in"
    return model_type(span, label_type(span))


def _after_in(token: Token) -> bool:
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    if token.dep_ != "pobj":
        return False
    prep = token.head
    return prep.lower_ in _IN_PLACE or prep.lower_ in {"to", "from"} and prep.head.lemma_ in _MOVES


_MOVES = frozenset({"flee", "travel", "return", "move", "go", "fly", "retreat", "deploy", "withdraw",
                    "escape", "relocate", "advance", "march", "drive", "sail", "head", "evacuate",
                    "transfer"})


_IN_PLACE = {"in", "near", "outside", "around", "at"}


class EntityTypes:
    """Re-labels every entity with a FORMAT.md type, or drops it."""

    def __init__(self, kb: KnowledgeBase, places: PlaceCues | None = None) -> None:
        self.kb = kb
        self.places = places
        self.types = {t.value for t in EntityType}

    def _capital_as_place(self, ent: Span, lex: Lexicon) -> Span:
        """ "fled to Moscow": a capital after a place preposition is the city, not the state (FORMAT.md)."""
        return _capital_as_place_of(ent, self.kb, lex)

    def __call__(self, doc: Doc) -> Doc:
        lex = lexicon()
        kept = []
        if SUBJECT not in doc.user_data:
            doc.user_data[SUBJECT] = page_subject(str(doc.user_data.get("title") or ""), text_of(doc))
        ents = mend_names(doc, list(doc.ents))
        ents = sorted([*ents, *infobox_people(doc, ents)], key=lambda e: e.start)
        ents = _name_pieces(listing_names(doc, ents))  # entry lines of sanctions and terrorist lists
        ents = demonym_forces(doc, ents, lex, self.kb)  # "Mozambican police"
        cells, headers = table_cells(text_of(doc))
        for cell in unnamed_cells(doc, cells, ents):  # a name in a "Candidate" cell the model missed
            ents.append(cell)
            record(doc, cell.start, cell.end, Basis.WORDS)
        ents.sort(key=lambda e: e.start)
        for ent in self.places(doc, ents) if self.places is not None else ents:
            if ent.label_ in self.types:
                kept.append(self._capital_as_place(ent, lex))
                continue
            if ent.label_ not in _KEEP:
                continue
            span = trim(ent)
            span = outside_junk(span) if span is not None else None
            if span is None:
                continue
            owner, span = split_possessive(span, lex)
            span = government_of(inside_meeting(span), lex)
            span, place = split_place_of(span, self.kb)
            if place is not None:
                kept.append(place)
            if owner is not None:
                kept.append(owner)
            if span.start and doc[span.start - 1].text == "Operation":  # "Operation Decisive Storm"
                span = Span(doc, span.start - 1, span.end, label=span.label_)
            if span.label_ == "PERSON":
                span = _extend_name(span, kept)
            span = strip_titles(span)
            for part in split_people(span, self.kb):
                if in_header(headers, part.start_char, part.end_char):
                    continue  # "Candidate | Party | Votes": labels, not names
                typed = _in_column(statistical_type(part, self.kb, lex), cells, part)
                if typed is not None and typed[0] == EntityType.PERSON.value and len(part) == 1:
                    part = _grow_given_name(part, {i for e in ents for i in range(e.start, e.end)})
                if typed is not None:
                    kept.append(Span(doc, part.start, part.end, label=typed[0], kb_id=typed[1]))
                    record(doc, part.start, part.end, typed[2])
        kept = acronym_before_head(places_of_groups(possessive_branches(kept, self.kb)), self.kb)
        kept, doc.user_data[ALIASES] = gloss_aliases(doc, [e for e in kept
                                                           if not in_junk(doc, e.start_char, e.end_char)])
        kept = amended_aliases(doc, kept, doc.user_data[ALIASES])  # "amended ... to add the alias Y"
        kept = [capital_as_country(e, self.kb) for e in kept]
        kept = defined_acronyms(doc, place_lists(doc, _place_surnames(kept)))
        doc.ents = harmonise(_listed_first_names(kept, lex), lex)
        return doc


def _breaks(ent: Span) -> list[int]:
    """Tokens no name runs across: a colon, and a "the" inside the span that no "of", "for" or "and"
    leads in ("On Madeira the PSD ran a list": two names)."""
    if ent.kb_id_:
        return []
    return [t.i for t in ent[1:] if t.text == ":" or t.lower_ == "the" and t.is_lower
            and t.nbor(-1).lower_ not in _NAME_LINKS]


_NAME_LINKS = frozenset({"of", "for", "and", "&", "to", "in", "on", "at", "by", "from", "-", "–"})


def _name_pieces(ents: list[Span]) -> list[Span]:
    """ "Interior Ministry: Karim Fadel", "Madeira the PSD": names the model ran together, apart."""
    out = []
    for ent in ents:
        breaks = _breaks(ent)
        if not breaks:
            out.append(ent)
            continue
        bounds = [ent.start, *breaks, ent.end]
        out.extend(Span(ent.doc, a + (a != ent.start), b, label=ent.label_)
                   for a, b in zip(bounds, bounds[1:], strict=False) if b > a + (a != ent.start))
    return out


def _in_column(typed: tuple[str, str, Basis] | None, cells: list[Cell], part: Span
               ) -> tuple[str, str, Basis] | None:
    """A name filling a table cell takes its column's type ("Candidate", "Party") unless the knowledge
    base knows it."""
    if typed is None or typed[2] is Basis.KB or not cells:
        return typed
    column = column_type(cells, text_of(part.doc), part.start_char, part.end_char)
    return typed if column is None else (column.value, "", Basis.WORDS)


def _place_surnames(ents: list[Span]) -> list[Span]:
    """ "Luís Montenegro", "Chad Jordan": a country or place name right after a given name the model left
    bare is that person's surname, not the place."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for ent in ents:
        doc = ent.doc
        prev = doc[ent.start - 1] if ent.start else None
        if ent.label_ in {"Country", "Location"} and len(ent) == 1 and prev is not None \
                and prev.i not in taken and prev.tag_ == "NNP" and prev.is_title and prev.is_alpha \
                and prev.lower_ in given_names() and not (prev.is_sent_start and prev.lower_ in _OPENERS):
            ent = Span(doc, prev.i, ent.end, label=EntityType.PERSON.value)
            record(doc, ent.start, ent.end, Basis.CONTEXT)
        out.append(ent)
    return out


_OPENERS = frozenset({"will", "may", "in", "on", "at", "as", "so", "but", "and", "the", "then", "now",
                      "after"})


def _grow_given_name(span: Span, taken: set[int]) -> Span:
    """ "Vikram" + "Misri": a one-word person the model cut short takes the capitalised name word after it."""
    doc, end = span.doc, span.end
    if end < len(doc) and end not in taken and doc[end].tag_ == "NNP" and doc[end].is_title \
            and doc[end].lower_ not in lexicon().cues and lexicon().country_of(doc[end].text) is None:
        return Span(doc, span.start, end + 1, label=span.label_)
    return span


def _listed_first_names(ents: list[Span], lex: Lexicon) -> list[Span]:
    """ "Omar, Yusuf and Tariq al-Masri": bare first names listed before a full name are persons too
    (the model often tags only some of them); clustering gives them the shared surname."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    added = []
    for ent in ents:
        if ent.label_ != EntityType.PERSON.value or len(ent) < 2:
            continue
        doc, i = ent.doc, ent.start - 1
        while i >= 1 and doc[i].lower_ in {"and", ","}:
            if doc[i].lower_ == "and" and doc[i - 1].text == ",":
                i -= 1  # "Omar, Yusuf, and Tariq al-Masri"
            word = doc[i - 1]
            if word.i in taken:
                if not any((e.start, e.end, e.label_) == (word.i, word.i + 1, ent.label_) for e in ents):
                    break
            elif _first_name_word(word, lex):
                added.append(Span(doc, word.i, word.i + 1, label=ent.label_))
                taken.add(word.i)
            else:
                break
            i = word.i - 1
    return sorted([*ents, *added], key=lambda e: e.start) if added else ents


def _first_name_word(word: Token, lex: Lexicon) -> bool:
    """A capitalised proper noun that is no cue word, country or name prefix."""
    return (word.tag_ == "NNP" and word.is_title and word.lower_ not in lex.cues
            and word.lower_ not in lex.name_prefixes and lex.country_of(word.text) is None)


def harmonise(ents: list[Span], lex: Lexicon) -> list[Span]:
    """One type per unknown name: a type the text states ("X, an armed group") or an expansion's type
    reaches the name's other mentions and its bracketed acronym ("Front (MLF)")."""
    stated: dict[str, str] = {}
    for prev, ent in zip([None, *ents], ents, strict=False):
        if ent.kb_id_:
            continue
        said = stated_type(ent, lex)
        if said is not None:
            stated[ent.text] = said.value
        if prev is not None and not prev.kb_id_ and prev.label_ in NAME_LABELS and _acronym_after(prev, ent):
            label = stated.get(ent.text) or stated.get(prev.text) or prev.label_
            stated[ent.text] = stated[prev.text] = label
    if not stated:
        return ents
    for e in ents:
        if not e.kb_id_ and e.text in stated:
            record(e.doc, e.start, e.end, Basis.WORDS)
    return [Span(e.doc, e.start, e.end, label=stated[e.text]) if not e.kb_id_ and e.text in stated
            and e.label_ != stated[e.text] else e for e in ents]


def _acronym_after(name: Span, acronym: Span) -> bool:
    """`acronym` is one upper-case word in brackets right after `name`."""
    doc = name.doc
    return (len(acronym) == 1 and acronym.text.isupper() and acronym.start == name.end + 1
            and acronym.text[0] == name.text[0].upper()
            and doc[name.end].text == "(" and acronym.end < len(doc) and doc[acronym.end].text == ")")


_PLACE_PREPS = {"in", "to", "from", "at", "near", "into", "outside", "around"}


def _is_capital_form(ent: Span, name: str, lex: Lexicon) -> bool:
    """A country named by another word than its name, acronym or short form: its capital ("Moscow")."""
    text = ent.text
    return not (text == name or text.isupper() or text in lex.country_forms or name in text
                or lex.country_of(text) is not None or len(ent) > 1)


def _capital_as_place_of(ent: Span, kb: KnowledgeBase, lex: Lexicon) -> Span:
    if ent.label_ != EntityType.COUNTRY.value or not ent.kb_id_ or ent.start == 0:
        return ent
    actor = kb.by_id(ent.kb_id_)
    if actor is None or not _is_capital_form(ent, actor.name, lex):
        return ent
    if ent.doc[ent.start - 1].lower_ not in _PLACE_PREPS:
        return ent  # "Washington said", "sanctioned by Washington": the state as an actor
    return Span(ent.doc, ent.start, ent.end, label=EntityType.LOCATION.value)


@Language.factory("actorgraph_entity_types_v1", default_config={"kb_files": []})
def make_entity_types(nlp: Language, name: str, kb_files: Sequence[str]) -> EntityTypes:
    """Factory: type correction of the model's entities by knowledge base and cue words."""
    return EntityTypes(cached_kb(tuple(kb_files)), PlaceCues(nlp))
