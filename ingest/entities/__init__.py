"""The knowledge-base entity ruler: every surface form of every actor, matched before the NER.

Two phrase matchers (`ingest.kb.ruler.HashMatcher`, a PhraseMatcher over cached token
hashes): case-sensitive forms (acronyms, surnames, pinned forms) on ORTH, the rest on
LOWER. Matches become `doc.ents` labelled with the actor's entity type and carrying its
id in `kb_id_`; the statistical NER runs after and keeps them, so the knowledge base
wins over the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from graph.model import EntityType
from ingest.entities.head_types import head_type
from ingest.entities.kb_spans import (
    and_longer_name,
    body_of_country,
    country_led_end,
    foreign_owner,
    inside_longer_name,
    of_longer_name,
)
from ingest.kb import KnowledgeBase, load_kb
from ingest.kb.ruler import HashMatcher, ruler_patterns
from ingest.lexicon import lexicon


@lru_cache(maxsize=4)
def cached_kb(kb_files: tuple[str, ...] = ()) -> KnowledgeBase:
    """The knowledge base for these extra files, loaded once per process."""
    return load_kb(extra_files=kb_files)


class KBEntities:
    """Marks knowledge-base actors in a doc; longest match wins."""

    def __init__(self, nlp: Language, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.exact = HashMatcher(nlp.vocab, "ORTH")
        self.folded = HashMatcher(nlp.vocab, "LOWER")
        self.types: dict[str, str] = {a.id: a.type.value for a in kb.actors}
        states = state_itself(kb)
        for actor_id, exact, pattern in ruler_patterns(nlp, kb, lexicon().demonyms):  # token hashes
            (self.exact if exact else self.folded).add(states.get(actor_id, actor_id), [pattern])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for matcher in (self.exact, self.folded):
            for match_id, start, end in matcher(doc):
                if matcher is self.folded and not any(t.text[:1].isupper() for t in doc[start:end]):
                    continue  # "a state of law" is not the State of Law Coalition: names are capitalised
                key = doc.vocab.strings[match_id]
                while end > start + 1 and doc[end - 1].is_space:
                    end -= 1  # a form that ends in a line break must not take it along
                spans.append(Span(doc, start, end, label=self.types[key], kb_id=key))
        matched = {i for s in spans for i in range(s.start, s.end)}
        kept = [s for s in _drop_redefined(doc, spans) if not self._inside_name(s)
                and not _names_a_group(s) and not inside_longer_name(s)
                and not of_longer_name(s, self.kb) and not and_longer_name(s, matched)
                and not self._foreign(s)]
        taken = {i for s in kept for i in range(s.start, s.end)}
        doc.ents = filter_spans([longer for s in kept
                                 for longer in [country_led_name(s, taken)] if longer is not None])
        return doc

    def _foreign(self, span: Span) -> bool:
        """A known body's generic name owned by another country ("Brazil's Federal Police")."""
        actor = self.kb.by_id(span.kb_id_)
        return actor is not None and foreign_owner(span, actor, self.kb)

    def _inside_name(self, span: Span) -> bool:
        """A person form preceded by another capitalised name word ("Karim Abdul Rahman") is part of
        a longer name the knowledge base does not know; titles and sentence starts do not count."""
        if span.label_ != "Person" or span.start == 0:
            return False
        doc, i = span.doc, span.start - 1
        while i > 0 and (doc[i].text in {"-", "‑"} or doc[i].lower_ in _PARTICLES):
            i -= 1  # "Mohammed al-Bashir": the particle and hyphen belong to the longer name
        prev = doc[i]
        if prev.is_sent_start or not prev.text[:1].isupper() or prev.tag_ != "NNP":
            return False
        if i < span.start - 1 and any(a.id == span.kb_id_ for a in self.kb.lookup(doc[i:span.end].text)):
            return False  # "Hadi al-Amiri" is the actor's own full name
        lex = lexicon()
        ends_title = any(t[-1] == prev.lower_ for t in lex.state_titles)  # "Secretary of State Mike Pompeo"
        return not ends_title and prev.lower_ not in lex.name_prefixes and lex.country_of(prev.text) is None


_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "abd", "ould", "ag"})


def state_itself(kb: KnowledgeBase) -> dict[str, str]:
    """Plain "Government of X" actors -> the country X: "the Colombian government" is the state acting
    (FORMAT.md's rule for "Washington"), while a government with a name of its own ("Federal Government
    of Somalia", "Kurdistan Regional Government", "Government of National Accord") stays a body."""
    out = {}
    for actor in kb.actors:
        country = actor.attrs.get("country")
        if actor.type is not EntityType.STATE_BODY or not country:
            continue
        if actor.name in {f"Government of {country}", f"Government of the {country}"}:
            home = [a for a in kb.lookup(country) if a.type is EntityType.COUNTRY]
            if home:
                out[actor.id] = home[0].id
    return out


def country_led_name(span: Span, matched: set[int]) -> Span | None:
    """The match itself, or the longer state body or group name a country opens or ends ("the Kosovo
    Police", "the Parliament of Georgia"), or None when that name's head says no type."""
    body = body_of_country(span, matched)
    if body is not None:
        return body
    end = country_led_end(span, matched)
    if end is None:
        return span
    name = Span(span.doc, span.start, end)
    etype = head_type(name, lexicon())
    return None if etype is None else Span(span.doc, span.start, end, label=etype.value)


def _names_a_group(span: Span) -> bool:
    """A person's name followed by a capitalised group word names a group after them ("Abdullah Azzam
    Brigades"): the model's longer span should win."""
    if span.label_ != "Person" or span.end >= len(span.doc):
        return False
    nxt = span.doc[span.end]
    return nxt.is_title and lexicon().cues.get(nxt.lower_) is not None


def _drop_redefined(doc: Doc, spans: list[Span]) -> list[Span]:
    """Drop acronym matches the article defines otherwise: "... Nationality Act (INA)" is no news agency.

    An acronym in brackets keeps its knowledge-base sense only when the name
    right before the bracket is the same actor.
    """
    by_end = {s.end: s for s in spans}
    redefined = set()
    for span in spans:
        text = span.text
        if not (text.isupper() and len(span) == 1 and span.start > 0 and span.end < len(doc)):
            continue
        if doc[span.start - 1].text != "(" or doc[span.end].text != ")":
            continue
        before = by_end.get(span.start - 1)
        if before is None or before.kb_id_ != span.kb_id_:
            redefined.add(text)
    return [s for s in spans if s.text not in redefined]


@Language.factory("actorgraph_kb_entities_v1", default_config={"kb_files": []})
def make_kb_entities(nlp: Language, name: str, kb_files: Sequence[str]) -> KBEntities:
    """Factory: the entity ruler fed by the knowledge base (packaged data plus `kb_files`)."""
    return KBEntities(nlp, cached_kb(tuple(kb_files)))
