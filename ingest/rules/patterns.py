"""The passive-agent cue families several rules share, read off the parse once per doc.

The passive-agent shape — a participle of a cue verb, its "by" agent and the
agent's object ("X, bankrolled by Iran", "led by A and B", "carried out by Y",
"condemned by Z") — is found once per doc for every family, from the few tokens
the parser labelled "agent" (a DependencyMatcher of the same shape cost 1 ms per
article, most of it matching every token of the doc against its node patterns).
"""

from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import DEP
from spacy.tokens import Doc, Token

# family name -> cue verb lemmas whose passive "by" agent names the other party
PASSIVE_FAMILIES: dict[str, tuple[str, ...]] = {
    "backing": ("back", "sponsor", "fund", "support", "bankroll", "finance", "arm", "train", "equip"),
    "leading": ("lead", "head", "command", "chair", "run", "direct"),
    "perpetrating": ("carry", "conduct", "launch", "stage", "perpetrate", "claim", "mount", "execute"),
    "condemning": ("condemn", "denounce", "decry"),
    "founding": ("found", "establish", "create", "co-found", "cofound"),
}


@lru_cache(maxsize=1)
def _family_of() -> dict[str, str]:
    return {lemma: family for family, lemmas in PASSIVE_FAMILIES.items() for lemma in lemmas}


def passive_agents(doc: Doc) -> dict[str, list[tuple[Token, Token]]]:
    """family -> [(participle, agent object)] for every passive-agent cue in the doc: a VBN of a cue
    lemma, its child labelled "agent" and that child's "pobj" children; in text order of (participle,
    "by", object), the families in `PASSIVE_FAMILIES` order."""
    if not len(doc):
        return {}
    families = _family_of()
    found: list[tuple[int, int, int, str]] = []
    for i in numpy.flatnonzero(doc.to_array([DEP]) == doc.vocab.strings["agent"]).tolist():
        by = doc[i]
        verb = by.head
        family = families.get(verb.lemma_) if verb.i != i and verb.tag_ == "VBN" else None
        if family is not None:
            found += [(verb.i, i, obj.i, family) for obj in by.children if obj.dep_ == "pobj"]
    found.sort()
    out: dict[str, list[tuple[Token, Token]]] = {}
    for family in PASSIVE_FAMILIES:
        pairs = [(doc[verb], doc[obj]) for verb, _by, obj, name in found if name == family]
        if pairs:
            out[family] = pairs
    return out
