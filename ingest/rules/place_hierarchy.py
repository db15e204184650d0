"""LOCATED_IN between places as writers chain them, read off the surface where the parse wanders.

"El Geneina, West Darfur", "Rask, Sistan-Baluchestan": a place, a comma and a larger place
(a country, a region, or a name the gazetteer does not know as a city; two cities in a row
are a list). "near Panjgur in Balochistan": a place right before "in" and a place. "the
northern Mozambican town of Palma", "the Saravan area of Iran's Sistan-Baluchestan province",
"Puerto Lindo, a village in the municipality of Arauquita": a kind-of-place noun between
the named place and what contains it.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph.model import Predicate
from ingest.kb.gazetteer import load_gazetteer
from ingest.rules.base import Context, Found, make, rule
from ingest.rules.homeland import place_named
from ingest.spans import text_of

_PLACES = {"Location", "Country"}
_LIST_WORDS = {"and", "or", "&", "as", "well"}
_KINDS = {"town", "city", "village", "district", "province", "region", "area", "municipality", "governorate",
          "state", "county", "prefecture", "department", "commune", "oblast", "township", "suburb",
          "neighbourhood", "neighborhood", "locality", "settlement", "capital", "port", "island", "valley"}


def _place_at(ctx: Context, i: int) -> Span | None:
    span = ctx.at.get(i) if 0 <= i < len(ctx.doc) else None
    return span if span is not None and span.label_ in _PLACES else None


def _city(span: Span) -> bool:
    place = load_gazetteer().lookup(span.text)
    return place is not None and place.kind == "city"


def _in_list(ctx: Context, first: Span, second: Span) -> bool:
    """ "Baghdad, Basra and Mosul": the pair stands in a list of places, not a place and its region."""
    doc = ctx.doc
    after = doc[second.end] if second.end < len(doc) else None
    if after is not None and (after.lower_ in _LIST_WORDS or after.text == "," and (
            _place_at(ctx, second.end + 1) is not None or second.end + 1 < len(doc)
            and doc[second.end + 1].lower_ in _LIST_WORDS)):
        return True
    before = doc[first.start - 1] if first.start else None
    return before is not None and (before.lower_ in _LIST_WORDS or before.text == ","
                                   and _place_at(ctx, first.start - 2) is not None)


def _pairs(ctx: Context, joiner: str) -> Iterator[tuple[Span, Span]]:
    """(place, the place that starts right after it and `joiner`): "Dorrin, West Marova", "Panjgur in X"."""
    doc = ctx.doc
    for span in doc.ents:
        if span.label_ != "Location" or span.end + 1 >= len(doc) or doc[span.end].lower_ != joiner:
            continue
        larger = _place_at(ctx, span.end + 1)
        if larger is not None and larger.start == span.end + 1 and larger != span:
            yield span, larger


@rule("places.comma_chain")
def comma_chain(ctx: Context) -> Iterator[Found]:
    """ "El Geneina, West Darfur", "Dubai, United Arab Emirates": a place, a comma, the larger place."""
    for span, larger in _pairs(ctx, ","):
        if _in_list(ctx, span, larger):
            continue
        if larger.label_ == "Location" and (_city(larger) or larger[-1].lower_ == span[-1].lower_):
            continue  # "Kastel, Dorrin", "Buka Island, Nissan Island": two of a kind
        if _dateline(span) or _personal_detail(span):
            continue  # "SRINAGAR, India (Reuters) -": where the report was filed; "born in Aleppo, Syria"
        yield make(span, Predicate.LOCATED_IN, larger, ctx.doc[span.end], 0.7, "places.comma_chain")


def _dateline(span: Span) -> bool:
    """The place opens its line (a wire report's dateline, not a statement about the place)."""
    text = text_of(span.doc)
    return span.start_char == 0 or text[span.start_char - 1] == "\n" or span.text.isupper()


_DETAIL_WORDS = frozenset({"born", "dob", "pob", "birth", "nationality", "citizen", "passport", "address",
                           "resident", "residence"})


def _personal_detail(span: Span) -> bool:
    """A listing's detail of a person (birthplace, address) is no statement about the place."""
    sent = span.sent
    return any(t.lower_ in _DETAIL_WORDS for t in span.doc[sent.start:span.start])


@rule("places.in_next")
def in_next(ctx: Context) -> Iterator[Found]:
    """ "near Panjgur in Balochistan": a place written right before "in" and a place."""
    for span, larger in _pairs(ctx, "in"):
        if not (larger.label_ == "Location" and _city(larger)):
            yield make(span, Predicate.LOCATED_IN, larger, ctx.doc[span.end], 0.7, "places.in_next")


def _kind_noun_of(ctx: Context, noun: Token) -> tuple[Span, Span] | None:
    """(named place, container) around a kind-of-place noun, or None."""
    doc = ctx.doc
    if noun.i + 2 > len(doc):
        return None
    named = _place_at(ctx, noun.i - 1) if noun.i >= 1 else None
    if named is not None:  # "the Saravan area of Iran's Sistan-Baluchestan province": the name comes first
        if doc[noun.i + 1].lower_ in {"of", "in"}:
            container = _container_after(ctx, noun.i + 2)
            if container is not None and container != named:
                return named, container
        return None
    if doc[noun.i + 1].lower_ == "of":
        named = _place_at(ctx, noun.i + 2)  # "the Mozambican town of Palma"
        container = _container_before(ctx, noun)
        if named is not None and container is not None and named != container:
            return named, container
    return None


def _container_before(ctx: Context, noun: Token) -> Span | None:
    """The country or region a kind noun's own words name: "Mozambican", "Iran's", "Borno's"."""
    doc = ctx.doc
    for i in range(noun.i - 1, max(noun.i - 5, -1), -1):
        tok = doc[i]
        if tok.lower_ in {"the", "a", "an", ",", "."} or tok.pos_ == "VERB":
            break
        place = _place_at(ctx, i)
        if place is not None:
            return place
        country = ctx.country_span(tok)
        if country is not None:
            return country
    return None


def _container_after(ctx: Context, i: int) -> Span | None:
    """The place after "of"/"in", past "the", an owner's "X's" and a kind noun ("the municipality of")."""
    doc = ctx.doc
    while i < len(doc) and doc[i].lower_ in {"the", "a", "an"}:
        i += 1
    place = _place_at(ctx, i)
    if place is not None and place.end + 1 < len(doc) and doc[place.end].lower_ in {"'s", "’s"}:
        return _place_at(ctx, place.end + 1) or place  # "Iran's Sistan-Baluchestan province": the province
    if place is None and i + 2 < len(doc) and doc[i].lower_ in _KINDS and doc[i + 1].lower_ == "of":
        return _place_at(ctx, i + 2)  # "a village in the municipality of Arauquita"
    return place


@rule("places.kind_of_place")
def kind_of_place(ctx: Context) -> Iterator[Found]:
    """ "the Mozambican town of Palma", "the Saravan area of ... province", "X, a village in Y"."""
    for noun in ctx.cues(*_KINDS):
        if noun.pos_ not in {"NOUN", "PROPN"}:
            continue
        pair = _kind_noun_of(ctx, noun)
        if pair is None:
            pair = _apposed_kind(ctx, noun)
        if pair is not None:
            yield make(pair[0], Predicate.LOCATED_IN, pair[1], noun, 0.7, "places.kind_of_place")


def _apposed_kind(ctx: Context, noun: Token) -> tuple[Span, Span] | None:
    """ "Puerto Lindo, a village in the municipality of Arauquita": the place before ", a <kind> in"."""
    doc = ctx.doc
    j = noun.i - 1
    while j >= 0 and doc[j].pos_ == "ADJ":
        j -= 1
    if j < 2 or doc[j].lower_ not in {"a", "an", "the"} or doc[j - 1].text != ",":
        return None
    named = _place_at(ctx, j - 2)
    if named is None or noun.i + 1 >= len(doc) or doc[noun.i + 1].lower_ not in {"in", "of"}:
        return None
    container = _container_after(ctx, noun.i + 2)
    return (named, container) if container is not None and container != named else None


@rule("places.name_holds_place")
def name_holds_place(ctx: Context) -> Iterator[Found]:
    """ "the Stabilization Mission in the Central African Republic", "the Kurdistan Region of Iraq": an
    organisation's name that ends in "in <place>" (a mission, an office), a place's name that ends in
    "of / in <place>", lies in that place, when the article names the place on its own too. A group
    named for where it fights ("the Islamic Resistance in Iraq") is not said to be there by its name."""
    for span in ctx.doc.ents:
        joiners = {"in"} if span.label_ == "Organization" else {"of", "in"} if span.label_ == "Location" \
            else set()
        joiner = next((t for t in span[1:-1] if t.lower_ in joiners), None)
        place = place_named(ctx, ctx.doc[joiner.i + 1:span.end], span) if joiner is not None else None
        if place is not None:
            yield make(span, Predicate.LOCATED_IN, place, joiner, 0.7, "places.name_holds_place")
