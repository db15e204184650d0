"""The word table of `data.yaml`, loaded once per process as frozen lookups."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ingest.lexicon import lower_set, packaged_yaml


@dataclass(frozen=True)
class CorefTable:
    """Pronouns, definite-description head nouns and role titles, lower-cased for lookup."""

    pronouns: dict[str, frozenset[str]]  # pronoun -> entity types
    plural: frozenset[str]
    set_only: frozenset[str]  # "them": only a coordinated set ("most of them" is rarely one group)
    official: frozenset[str]  # "I", "my": the signing official
    issuer: frozenset[str]  # "we", "our": the issuing body
    nouns: dict[str, frozenset[str]]  # head noun -> entity types
    determiners: frozenset[str]
    person_titles: frozenset[str]
    signature_titles: frozenset[str]


@lru_cache(maxsize=1)
def coref_table() -> CorefTable:
    """The packaged table (read once)."""
    raw = packaged_yaml("ingest.coref", "data.yaml")
    return CorefTable(
        pronouns={k.lower(): frozenset(v) for k, v in raw["pronouns"].items()},
        plural=lower_set(raw["plural"]),
        set_only=lower_set(raw["set_only"]),
        official=lower_set(raw["first_person_official"]),
        issuer=lower_set(raw["first_person_issuer"]),
        nouns={k.lower(): frozenset(v) for k, v in raw["nouns"].items()},
        determiners=lower_set(raw["determiners"]),
        person_titles=lower_set(raw["person_titles"]),
        signature_titles=lower_set(raw["signature_titles"]),
    )
