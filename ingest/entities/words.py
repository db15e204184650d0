"""The entity sections of `lexicon.yaml` as lookups: head nouns, struggle words, titles, non-actor words."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from graph.model import EntityType
from ingest.lexicon import lower_set, packaged_yaml


@dataclass(frozen=True)
class EntityWords:
    """Lower-cased word lists that type or reject a name the knowledge base lacks."""

    heads: dict[str, EntityType]  # head noun -> type
    struggle: frozenset[str]
    state_force: frozenset[str]
    person_titles: frozenset[str]
    non_actor_heads: frozenset[str]
    non_actor_words: frozenset[str]


@lru_cache(maxsize=1)
def entity_words() -> EntityWords:
    """The packaged entity word lists (read once)."""
    raw = packaged_yaml("ingest", "lexicon.yaml")  # the same parse as `lexicon()`
    heads: dict[str, EntityType] = {}
    for etype, words in raw["entity_heads"].items():
        for word in words:
            heads.setdefault(word.lower(), EntityType(etype))
    return EntityWords(
        heads=heads,
        struggle=lower_set(raw["struggle_words"]),
        state_force=lower_set(raw["state_force_words"]),
        person_titles=lower_set(raw["person_titles"]),
        non_actor_heads=lower_set(raw["non_actor_heads"]),
        non_actor_words=lower_set(raw["non_actor_words"]),
    )
