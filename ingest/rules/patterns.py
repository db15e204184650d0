"""DependencyMatcher patterns shared by several cue families, matched once per doc.

The passive-agent shape — a participle of a cue verb, its "by" agent and the
agent's object ("X, bankrolled by Iran", "led by A and B", "carried out by Y",
"condemned by Z") — is one dependency pattern per cue family, so the parse is
searched once, in Cython, instead of once per rule in Python.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

# family name -> cue verb lemmas whose passive "by" agent names the other party
PASSIVE_FAMILIES: dict[str, tuple[str, ...]] = {
    "backing": ("back", "sponsor", "fund", "support", "bankroll", "finance", "arm", "train", "equip"),
    "leading": ("lead", "head", "command", "chair", "run", "direct"),
    "perpetrating": ("carry", "conduct", "launch", "stage", "perpetrate", "claim", "mount", "execute"),
    "condemning": ("condemn", "denounce", "decry"),
    "founding": ("found", "establish", "create", "co-found", "cofound"),
}


def _passive_pattern(lemmas: tuple[str, ...]) -> list[dict[str, object]]:
    return [
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"TAG": "VBN", "LEMMA": {"IN": list(lemmas)}}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "by", "RIGHT_ATTRS": {"DEP": "agent"}},
        {"LEFT_ID": "by", "REL_OP": ">", "RIGHT_ID": "agent", "RIGHT_ATTRS": {"DEP": "pobj"}},
    ]


@lru_cache(maxsize=4)
def _matcher(vocab: Vocab) -> DependencyMatcher:
    matcher = DependencyMatcher(vocab)
    for family, lemmas in PASSIVE_FAMILIES.items():
        matcher.add(family, [_passive_pattern(lemmas)])
    return matcher


def passive_agents(doc: Doc) -> dict[str, list[tuple[Token, Token]]]:
    """family -> [(participle, agent object)] for every passive-agent cue in the doc."""
    out: dict[str, list[tuple[Token, Token]]] = defaultdict(list)
    for match_id, (verb, _by, agent) in _matcher(doc.vocab)(doc):
        out[doc.vocab.strings[match_id]].append((doc[verb], doc[agent]))
    return out
