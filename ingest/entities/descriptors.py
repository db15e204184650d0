"""What the text itself says an unknown name is: "X, a jihadist alliance", "X is an armed group".

The knowledge base types the actors it knows; for the others the small model's label
is often wrong ("Ansar Dine" a person, "Wagner Group" an organisation). An apposition
or copula right after the name, read over a few tokens, is a stronger cue than the
label: armed words on a group-like head make an armed group, a cue-word head
("party", "ministry", "agency") makes its cue type.

Only a short window after the name is read, so the cost per entity is constant.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.model import EntityType
from ingest.entities.words import entity_words
from ingest.lexicon import Lexicon

ARMED_WORDS = frozenset({
    "militant", "militants", "insurgent", "insurgents", "rebel", "rebels", "jihadist", "jihadi",
    "guerrilla", "guerilla", "armed", "terrorist", "terror", "mercenary", "paramilitary", "militia",
    "extremist", "separatist", "islamist", "gang", "gangs", "criminal", "militias", "factions",
})
# Heads that name a part of something: an armed group when the whole is one ("an offshoot of X").
PART_HEADS = frozenset({"offshoot", "splinter", "branch", "affiliate", "wing", "faction", "franchise",
                        "unit", "alliance", "coalition", "umbrella"})
GROUP_HEADS = frozenset({
    "group", "organisation", "organization", "alliance", "movement", "faction", "militia", "company",
    "network", "force", "outfit", "coalition", "front", "wing", "army", "umbrella", "offshoot",
    "affiliate", "branch", "franchise", "contractor", "insurgency", "cell", "brigade", "groups",
    "gang", "cartel", "unit",
})
_ARTICLES = frozenset({"a", "an"})
_DEFINITE = frozenset({"the"})
# Nouns only people are ("a local official, X"), besides the lexicon's titles (state, leader, spokes, person).
PERSON_NOUNS = frozenset({
    "official", "officials", "lawmaker", "legislator", "mp", "politician", "diplomat", "envoy", "resident",
    "witness", "analyst", "journalist", "activist", "researcher", "businessman", "businesswoman", "officer",
    "soldier", "preacher", "candidate", "militant", "fighter", "financier", "facilitator", "operative",
    "cadre", "co-founder", "aide", "negotiator", "economist", "lawyer", "prosecutor", "son", "daughter",
    "brother", "sister", "wife", "husband", "nephew", "cousin", "mother",
})
NAME_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP", "Organization", "Person", "ArmedGroup",
                         "PoliticalParty", "StateBody"})  # places are never described into actors
_WINDOW = 6


def _after_brackets(span: Span) -> int:
    """Index after the name and a bracketed acronym that may follow it ("... Front (MLF)")."""
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].text == ")" and span.start and doc[span.start - 1].text == "(":
        return i + 1  # the name is itself the bracketed acronym
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 1].text.isupper() and doc[i + 2].text == ")":
        return i + 3 if doc[i + 1].text[0] == span.text[0].upper() else i  # not its acronym: no apposition
    if i < len(doc) and doc[i].text == "(":
        for j in range(i + 1, min(i + 6, len(doc))):
            if doc[j].text == ")":
                return j + 1
    return i


def _descriptor(span: Span, articles: frozenset[str] = _ARTICLES) -> list[Token]:
    """The words of ", a/an ... NOUN" or "is/was a/an ... NOUN" right after the name."""
    doc = span.doc
    i = _after_brackets(span)
    if i >= len(doc) or not (doc[i].text == "," or doc[i].lemma_ == "be"):
        return []
    i += 1
    if i >= len(doc) or doc[i].lower_ not in articles:
        return []
    words = []
    for tok in doc[i + 1:min(i + 1 + _WINDOW, len(doc))]:
        if tok.text in {"-", "–"} or (tok.pos_ == "VERB" and tok.dep_ in {"amod", "compound"}):
            continue  # "a Zanland-based insurgent group"
        if tok.is_punct or tok.pos_ in {"ADP", "VERB", "AUX", "CCONJ", "PRON", "DET"}:
            break
        words.append(tok)
    return words


def _of_armed(head: Token) -> bool:
    """ "an offshoot of <armed group>", "an alliance of gangs": the whole after "of" is armed."""
    doc = head.doc
    i = head.i + 1
    if i >= len(doc) or doc[i].lower_ != "of":
        return False
    for tok in doc[i + 1:min(i + 5, len(doc))]:
        if tok.ent_type_ == EntityType.ARMED_GROUP.value or tok.lower_ in ARMED_WORDS:
            return True
        if tok.is_punct or tok.pos_ in {"VERB", "ADP"}:
            return False
    return False


def described_type(span: Span, lex: Lexicon) -> EntityType | None:
    """The type an apposition or copula after the name gives it, else a descriptor right before it."""
    if span.label_ not in NAME_LABELS:
        return None  # "... forces in the Middle East, a terrorist organisation": not an apposition
    words = _descriptor(span)
    heads = [i for i, t in enumerate(words) if t.dep_ in {"appos", "attr"}]
    if not heads:
        before = _descriptor_before(span)
        if before:
            return _words_type(before, lex)
        return EntityType.PERSON if _person_after(span, lex) else None
    return _words_type(words[:heads[-1] + 1], lex)  # "an armed group active in ...": up to its noun


def _person_noun(word: str, lex: Lexicon) -> bool:
    return word in PERSON_NOUNS or word in lex.title_words or word in lex.spokes_titles \
        or word in entity_words().person_titles and word not in {"his", "her", "former", "late", "then"}


def _person_after(span: Span, lex: Lexicon) -> bool:
    """ "Dokka Umarov, the last president of …": a definite apposition whose noun only a person is."""
    if span.label_ not in {"PERSON", "ORG", "GPE"}:
        return False
    nouns = [t for t in _descriptor(span, _DEFINITE) if t.pos_ in {"NOUN", "PROPN"} and t.is_lower]
    return bool(nouns) and nouns[0].dep_ in {"appos", "attr"} and _person_noun(nouns[0].lower_, lex)


def _descriptor_before(span: Span) -> list[Token]:
    """ "the rebel alliance Zorvan Shield", "Tallo's party, Quellish Labour": the lower-case words
    from a determiner or possessive up to the noun right before the name (or its comma)."""
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i < 1 or not doc[i].is_lower or doc[i].pos_ != "NOUN":
        return []
    words = [doc[i]]
    for tok in reversed(doc[max(i - _WINDOW, 0):i]):
        if tok.dep_ in {"det", "poss", "case"} or tok.lower_ in {"the", "its", "their", "his", "her"}:
            return words
        if not (tok.is_lower or tok.text in {"-", "–"} or tok.pos_ == "PROPN" and tok.dep_ == "amod") \
                or tok.pos_ in {"VERB", "AUX", "ADP", "CCONJ", "PRON"}:
            return []
        words.insert(0, tok)
    return []


def _words_type(words: list[Token], lex: Lexicon) -> EntityType | None:
    """The type descriptor words ("a jihadist alliance", "the opposition party") give, or None."""
    lower = [t.lower_ for t in words]
    head = lower[-1]
    if _person_noun(head, lex):
        return EntityType.PERSON  # "India's foreign secretary, Vikram Misri"; "a local official, X"
    if head in GROUP_HEADS and any(w in ARMED_WORDS for w in lower):
        return EntityType.ARMED_GROUP
    if head in {"militia", "militias", "gang", "cartel"}:
        return EntityType.ARMED_GROUP
    if head in PART_HEADS and _of_armed(words[-1]):
        return EntityType.ARMED_GROUP
    cue = lex.cues.get(head)
    if cue is not None and cue != EntityType.ARMED_GROUP and not any(w in ARMED_WORDS for w in lower):
        return cue
    return None


_PARTY_WORDS = frozenset({"party", "parties", "political", "opposition", "electoral"})


def says_political(span: Span) -> bool:
    """Does the apposition after the name speak of parties ("an alliance of opposition parties")?"""
    words = _descriptor(span)
    if not words:
        return False
    doc = words[-1].doc
    tail = doc[words[-1].i + 1:min(words[-1].i + 4, len(doc))]
    after_of = [t.lower_ for t in tail[1:]] if len(tail) and tail[0].lower_ == "of" else []
    return any(t.lower_ in _PARTY_WORDS for t in words) or any(w in _PARTY_WORDS for w in after_of)
