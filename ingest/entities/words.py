"""The entity sections of `lexicon.yaml` as lookups: head nouns, struggle words, titles, non-actor words."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from graph.model import EntityType


@dataclass(frozen=True)
class EntityWords:
    """Lower-cased word lists that type or reject a name the knowledge base lacks."""

    heads: dict[str, EntityType]  # head noun -> type
    struggle: frozenset[str]
    state_force: frozenset[str]
    person_titles: frozenset[str]
    non_actor_heads: frozenset[str]
    non_actor_words: frozenset[str]


def _lower(words: list[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


@lru_cache(maxsize=1)
def entity_words() -> EntityWords:
    """The packaged entity word lists (read once)."""
    text = resources.files("ingest").joinpath("lexicon.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    heads: dict[str, EntityType] = {}
    for etype, words in raw["entity_heads"].items():
        for word in words:
            heads.setdefault(word.lower(), EntityType(etype))
    return EntityWords(
        heads=heads,
        struggle=_lower(raw["struggle_words"]),
        state_force=_lower(raw["state_force_words"]),
        person_titles=_lower(raw["person_titles"]),
        non_actor_heads=_lower(raw["non_actor_heads"]),
        non_actor_words=_lower(raw["non_actor_words"]),
    )
