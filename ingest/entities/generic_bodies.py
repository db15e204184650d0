"""A state body named without its country ("the National Assembly", "Parliament", "the Ministry of
Interior") is that country's body: its canonical name and id carry the country.

Otherwise every country's "National Assembly" would be one node. The country is the one the text
ties to the mention ("Senegal's National Assembly", "the Senegalese Parliament"), else the
article's. The text as written stays an alias. A knowledge-base body keeps its id, unless the
text names a legislature only generically (in more than one word) while the article is about
another country and never names the body's own ("the House of Representatives" in a Nepalese
bulletin is not the US House).
"""

from __future__ import annotations

import re

from graph.model import EntityType, entity_id
from ingest.entities.cluster import Cluster, Clusters
from ingest.entities.words import entity_words
from ingest.kb import Actor, KnowledgeBase
from ingest.lexicon import lexicon

_MODIFIERS = frozenset({
    "national", "constitutional", "supreme", "electoral", "independent", "high", "federal", "central",
    "general", "of", "the", "and", "for", "on", "interior", "internal", "home", "defence", "defense",
    "foreign", "affairs", "finance", "justice", "health", "education", "house", "representatives",
    "chamber", "deputies", "people's", "election", "elections", "public", "security", "state",
    "economy", "labour", "labor", "trade", "energy", "information", "communications", "agriculture",
    "transport", "legislative", "consultative", "upper", "lower", "lords", "commons", "audit",
    "appeal", "appeals", "cassation", "prime", "minister's", "ministers", "council", "human", "rights",
    "anti-corruption", "corruption", "boundaries", "tax", "revenue", "statistics",
    "bank", "reserve", "attorney", "prosecution", "prosecutor's", "army", "navy", "air", "force",
    "police", "intelligence", "border", "guard", "customs", "immigration"})
_HOUSES = frozenset({"house", "chamber", "congress", "senate", "assembly", "parliament"})
_TYPES = {EntityType.STATE_BODY, EntityType.ORGANIZATION}
_WORD = re.compile(r"[\w'’-]+")


def generic_name(text: str) -> bool:
    """A name made only of institution words, with a state body's head ("National Assembly")."""
    words = [w.replace("’", "'") for w in _WORD.findall(text.lower())]
    heads = _HOUSES | {w for w, t in entity_words().heads.items() if t is EntityType.STATE_BODY}
    generic = all(w in _MODIFIERS or w in heads for w in words)
    return bool(words) and generic and any(w in heads for w in words)


def _house(cluster: Cluster) -> bool:
    """Every mention a legislature's generic name of several words ("House of Representatives"); a
    lone "Congress" may be a party's own, "Department of State" is one state's title."""
    return all(len(s) > 1 and any(t.lower_ in _HOUSES for t in s) or s.text.lower() in _LONE_HOUSES
               for s in cluster.spans)


_LONE_HOUSES = frozenset({"senate", "parliament"})  # no party is called so ("Congress" may be)


def written_name(cluster: Cluster) -> str:
    """The longest form the article writes the cluster's name in, without "the" or a possessive."""
    texts = [re.sub(r"^(?:the|The)\s+|['’]s$", "", s.text.strip()) for s in cluster.spans]
    return max(texts, key=len) if texts else cluster.name


def _own_country(cluster: Cluster, kb: KnowledgeBase) -> str | None:
    """A country the text puts right before a mention: "Senegal's", "Senegalese"."""
    lex = lexicon()
    for span in cluster.spans:
        doc = span.doc
        prev = doc[span.start - 1] if span.start else None
        if prev is not None and prev.lower_ in {"'s", "’s"} and span.start >= 2:
            prev = doc[span.start - 2]
        if prev is None:
            continue
        country = lex.country_of(prev.text)
        actor = kb.by_demonym(prev.text) if country is None else None
        if country or actor is not None:
            return country or (actor.name if actor is not None else None)
    return None


def foreign(actor: Actor, country: str | None, text: str, kb: KnowledgeBase) -> bool:
    """A KB body of another country than the article's, whose country the text never names."""
    home = actor.attrs.get("country")
    if not home or not country or home == country:
        return False
    home_actor = next((a for a in kb.lookup(home) if a.type is EntityType.COUNTRY), None)
    forms = [home, *(home_actor.aliases if home_actor else ()), *(home_actor.attrs.get("demonyms", ())
                                                                   if home_actor else ())]
    return not any(re.search(rf"\b{re.escape(f)}\b", text) for f in forms if len(f) > 2)


def localise_bodies(clusters: Clusters, country: str | None, text: str) -> None:
    """Give every generically named state body its country (see module doc), in place."""
    kb = clusters.kb
    for cluster in clusters.clusters.values():
        if cluster.type not in _TYPES or not all(generic_name(s.text) for s in cluster.spans):
            continue
        actor = kb.by_id(cluster.id)
        if actor is not None and not (_house(cluster) and foreign(actor, country, text, kb)):
            continue
        home = _own_country(cluster, kb) or country
        if home is None:
            continue
        written = written_name(cluster)
        cluster.name = f"{written} of {home}"
        cluster.id = entity_id(cluster.type, cluster.name)
        cluster.aliases = tuple(dict.fromkeys(s.text.strip() for s in cluster.spans))
        cluster.wikidata = None
