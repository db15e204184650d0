"""The word table of `data.yaml`, loaded once per process as frozen lookups."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


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


def _lower(words: list[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


@lru_cache(maxsize=1)
def coref_table() -> CorefTable:
    """The packaged table (read once)."""
    raw = yaml.safe_load(resources.files("ingest.coref").joinpath("data.yaml").read_text(encoding="utf-8"))
    return CorefTable(
        pronouns={k.lower(): frozenset(v) for k, v in raw["pronouns"].items()},
        plural=_lower(raw["plural"]),
        set_only=_lower(raw["set_only"]),
        official=_lower(raw["first_person_official"]),
        issuer=_lower(raw["first_person_issuer"]),
        nouns={k.lower(): frozenset(v) for k, v in raw["nouns"].items()},
        determiners=_lower(raw["determiners"]),
        person_titles=_lower(raw["person_titles"]),
        signature_titles=_lower(raw["signature_titles"]),
    )
