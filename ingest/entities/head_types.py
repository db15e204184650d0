"""The type a name the knowledge base lacks announces by its own words: its head noun, its title.

One table (`entity_heads` in lexicon.yaml) maps head nouns to types ("... Brigades"
an armed group, "... Party" a party, "Ministry of ..." a state body); this module is
the one place that applies it. The head is the last word of the name, or the word
before "of"/"for" ("Revolutionary Armed Forces of Colombia" -> "Forces"). Armies and
forces are a state's own only when every other word is a national or official one
("Iraqi Armed Forces", "Armed Forces of Ukraine"); a struggle word makes them, and a
movement, alliance or front, an armed group ("Zarqan Liberation Front").
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from graph.model import EntityType
from ingest.entities.words import EntityWords, entity_words
from ingest.lexicon import Lexicon

_FORCE_HEADS = frozenset({"army", "forces", "force", "units", "unit"})
_SIDE_HEADS = frozenset({"movement", "alliance", "coalition", "front", "council"})
_ARMED_STRUGGLE = frozenset({"liberation", "resistance", "jihad", "mujahideen", "salvation", "armed",
                             "martyrs", "revolutionary", "insurgent", "rebel", "self-defense"})
_LINKS = frozenset({"of", "for", "in"})
_DEFENCE = frozenset({"defence", "defense"})
_NAME_START_ARMED = frozenset({"kataib", "kata'ib", "kataeb", "saraya", "jaish", "liwa", "asa'ib", "asaib",
                               "harakat", "lashkar", "jabhat", "jund", "katibat", "quwat", "ansar", "hayat",
                               "hay'at", "hay’at", "tehrik", "tehreek", "tahrik", "sipah", "hizbul", "firqat",
                               "jama'at", "jama’at", "jamaat-ul", "kata’ib", "asa’ib"})

# Romance and other languages put the head first ("Agenzia Fides", "Partido Zorvano", "Ministerio de ..."):
# only heads whose type does not depend on the rest of the name.
_FOREIGN_HEADS = {
    **dict.fromkeys(("agenzia", "agencia", "agence", "agência", "agentia"), EntityType.ORGANIZATION),
    **dict.fromkeys(("partido", "parti", "partito", "partidul", "partai", "partei", "partia", "strana",
                     "hizb"), EntityType.POLITICAL_PARTY),
    **dict.fromkeys(("ministerio", "ministère", "ministero", "ministério", "ministerul", "kementerian",
                     "ministerium"), EntityType.STATE_BODY),
}


def name_head(span: Span) -> Token:
    """The name's head word: the word before its first "of"/"for"/"in", else its last word."""
    for tok in span[1:]:
        if tok.lower_ in _LINKS:
            return span.doc[tok.i - 1]
    return span[-1]


@cache
def world_country_names() -> frozenset[str]:
    """Every current country's names (ISO 3166-1 via pycountry): "Papua New Guinea", "Solomon Islands"."""
    import pycountry

    fields = ("name", "common_name", "official_name")
    return frozenset(n for c in pycountry.countries for f in fields if (n := getattr(c, f, None)))


def _is_national(tok: Token, lex: Lexicon) -> bool:
    """ "Iraqi", "Ukraine", "Peruvian": a country or its demonym (the lexicon's, else the KB's)."""
    if lex.country_of(tok.text) is not None:
        return True
    from ingest.entities import cached_kb  # the packaged knowledge base: every country's demonyms

    return tok.is_title and cached_kb(()).by_demonym(tok.text) is not None


def _state_force(span: Span, lex: Lexicon, words: EntityWords) -> bool:
    """ "Iraqi Armed Forces", "Armed Forces of Ukraine", "Security Forces": a state's own forces."""
    rest = [t for t in span if t.lower_ not in _LINKS and t.lower_ != "the"]
    other = [t for t in rest if t.lower_ not in words.state_force]
    struggle = {t.lower_ for t in rest if t.lower_ in words.struggle}
    if other[-2:] and [t.lower_ for t in other[-2:]] in (["people", "'s"], ["people", "’s"]) \
            and " ".join(t.text for t in other[:-2]) in world_country_names():
        other, struggle = other[:-2], struggle - {"people"}  # "Uganda People's Defence Force": the state's
    if other and " ".join(t.text for t in other) in world_country_names():
        return struggle <= _DEFENCE  # "Papua New Guinea Defence Force", not "Syrian National Defence Forces"
    return not struggle and all(_is_national(t, lex) for t in other)


def head_type(span: Span, lex: Lexicon) -> EntityType | None:
    """The type the name's head noun (or a name-initial armed word) gives it, or None."""
    words = entity_words()
    head = name_head(span)
    lower = head.lower_
    if lower in _FORCE_HEADS:
        return EntityType.STATE_BODY if _state_force(span, lex, words) else EntityType.ARMED_GROUP
    etype = words.heads.get(lower)
    if lower in _SIDE_HEADS and any(t.lower_ in _ARMED_STRUGGLE for t in span):
        return EntityType.ARMED_GROUP
    if etype is None and span[0].lower_ in _NAME_START_ARMED:
        return EntityType.ARMED_GROUP
    if etype is None and len(span) > 1:
        return _FOREIGN_HEADS.get(span[0].lower_) or _romance_side(span)
    return etype


_ROMANCE_SIDES = frozenset({"ejército", "ejercito", "fuerzas", "frente", "movimiento", "armée",
                            "mouvement", "exército", "forças", "movimento", "esercito"})
_ROMANCE_STRUGGLE = ("liber", "revolu", "popular", "populaire", "resist", "guerr", "insurg", "rebel",
                     "patriot", "zapat", "autodefens")


def _romance_side(span: Span) -> EntityType | None:
    """ "Ejército de Liberación Nacional", "Frente Amplio": a head-first army or front is an armed group
    with a struggle word, else a movement or front is a party and an army the state's."""
    first = span[0].lower_
    if first not in _ROMANCE_SIDES:
        return None
    if any(t.lower_.startswith(_ROMANCE_STRUGGLE) for t in span[1:]):
        return EntityType.ARMED_GROUP
    if first in {"frente", "movimiento", "mouvement", "movimento"}:
        return EntityType.POLITICAL_PARTY
    return EntityType.STATE_BODY


def titled_person(span: Span) -> bool:
    """A name right after a person's title or honorific ("Maulawi Rajab", "General Zarko Vell")."""
    if span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    word = prev.lower_.rstrip(".")
    return prev.text[:1].isupper() and word in entity_words().person_titles and word not in {"his", "her"}


_LED = frozenset({"led", "headed", "founded", "chaired", "commanded", "co-founded"})


def led_by_person(span: Span) -> bool:
    """ "the Velmar Front, led by Kessel Varn": two to four capitalised words after "led/headed by" with
    no head noun of their own are a person's name."""
    doc = span.doc
    if span.start < 2 or not 2 <= len(span) <= 4 or doc[span.start - 1].lower_ != "by" \
            or doc[span.start - 2].lower_ not in _LED:
        return False
    return all(t.is_title or t.lower_ in {"al", "bin", "abu", "ibn", "de", "van"} for t in span) \
        and entity_words().heads.get(span[-1].lower_) is None
