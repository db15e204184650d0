"""A party name the knowledge base gives to another country's party is, in this article, its own country's.

"Democratic Progressive Party", "People's Party", "United Democratic Front": many countries have
one, and the knowledge base can hold only one of them under the bare name (the others as
"Democratic Progressive Party (Malawi)"). When the article is about another country than the
matched party's and never names that party's country, a mention of party words only (no "Kurdistan",
no "Pheu Thai") is the article country's party: the knowledge base's entry qualified by that country
when there is one, else a new party of the name as written (the knowledge base still said "a party").
"""

from __future__ import annotations

import re

from graph.model import EntityType, entity_id
from ingest.entities.cluster import Cluster, Clusters
from ingest.entities.generic_bodies import foreign, written_name
from ingest.entities.type_basis import Basis
from ingest.spans import text_of

_QUALIFIER = re.compile(r"\s*\([^)]*\)$")
_WORD = re.compile(r"[\w'’]+")
# Words many countries' party names are made of: a name of these only is no one country's.
_GENERIC_WORDS = """
    the of for and democratic democrats democracy progressive progressives people's peoples popular
    national united unity union front party alliance movement congress liberal liberals conservative
    conservatives social socialist socialists labour labor workers republican republicans green greens new
    reform renewal justice development freedom liberty independence patriotic christian civic citizens
    action solidarity forward revolutionary radical centre center left right communist federal rally
    convention league
"""
_GENERIC = frozenset(_GENERIC_WORDS.split())


def generic_party_name(text: str) -> bool:
    """ "Democratic Progressive Party", "People's Party": a name of party words only."""
    words = [w.replace("’", "'") for w in _WORD.findall(_QUALIFIER.sub("", text).lower())]
    return bool(words) and all(w in _GENERIC for w in words)


def _acronym(text: str) -> bool:
    return text.isupper() and 2 <= len(text) <= 6 and text.isalpha()


def own_acronyms(clusters: Clusters) -> None:
    """Relink, in place, a party cluster of a bare acronym ("PAN" in a table above the prose) to the
    article's party it abbreviates: the one that also goes by it ("the National Mandate Party (PAN)"
    further down, the knowledge base having given the row's "PAN" to another country's party), or the
    name right before a bracketed use of it ("the Torvan Union (TUR)"), which the row makes a party.
    In one article one acronym names one party."""
    parties = [c for c in clusters.clusters.values() if c.type is EntityType.POLITICAL_PARTY]
    for cluster in parties:
        texts = {s.text for s in cluster.spans}
        if len(texts) != 1 or not _acronym(next(iter(texts))):
            continue
        owners = {o.id: o for o in parties if o.id != cluster.id and len({s.text for s in o.spans}) > 1
                  and texts & {s.text for s in o.spans}} or _bracketing(clusters, cluster)
        if len(owners) == 1:
            owner = next(iter(owners.values()))
            if owner.type in _PROMOTED and clusters.kb.by_id(owner.id) is None:
                owner.type = EntityType.POLITICAL_PARTY  # a name whose acronym heads a results row
            _relink(cluster, owner.id, owner.name, owner.wikidata, owner.basis)
            cluster.aliases = tuple(dict.fromkeys((*owner.aliases, *texts)))
            cluster.type = owner.type


_PROMOTED = {EntityType.ORGANIZATION, EntityType.ARMED_GROUP}


def _bracketing(clusters: Clusters, cluster: Cluster) -> dict[str, Cluster]:
    """The clusters of names written right before the acronym in brackets ("Torvan Union (TUR)")."""
    out: dict[str, Cluster] = {}
    acronym = cluster.spans[0].text
    text = text_of(cluster.spans[0].doc)
    for m in re.finditer(rf"\s?\({re.escape(acronym)}\)", text):
        for other in clusters.clusters.values():
            if other is not cluster and any(o.end_char == m.start() for o in other.spans):
                out[other.id] = other
    return out


def localise_parties(clusters: Clusters, country: str | None, text: str) -> None:
    """Relink, in place, every party cluster the knowledge base matched to another country's party."""
    own_acronyms(clusters)
    kb = clusters.kb
    for cluster in clusters.clusters.values():
        actor = kb.by_id(cluster.id)
        if actor is None or actor.type is not EntityType.POLITICAL_PARTY or country is None:
            continue
        named = [s for s in cluster.spans if not _acronym(s.text)]  # "(AD)" only abbreviates the name
        generic = bool(named) and all(generic_party_name(s.text) for s in named)
        if not generic or not foreign(actor, country, text, kb):
            continue
        qualified = f"{_QUALIFIER.sub('', actor.name)} ({country})"
        home = next((a for a in kb.lookup(qualified) if a.type is EntityType.POLITICAL_PARTY), None)
        if home is not None:
            _relink(cluster, home.id, home.name, home.wikidata, Basis.KB)
        else:
            _relink(cluster, None, written_name(cluster), None, Basis.WORDS)


def _relink(cluster: Cluster, actor_id: str | None, name: str, wikidata: str | None, basis: Basis) -> None:
    cluster.id = actor_id or entity_id(EntityType.POLITICAL_PARTY, name)
    cluster.aliases = tuple(dict.fromkeys(t for s in cluster.spans if (t := s.text.strip()) != name))
    cluster.name = name
    cluster.wikidata = wikidata
    cluster.basis = basis
