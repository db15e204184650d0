"""The word lists of `lexicon.yaml`, loaded once per process as frozen lookups."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from graph.model import EntityType


@dataclass(frozen=True)
class Lexicon:
    """Cue words, titles, demonyms and event kinds, all lower-cased for lookup."""

    demonyms: dict[str, str]  # lower demonym -> country name
    adjective_of: dict[str, str]  # country name -> demonym
    country_forms: dict[str, str]  # written form (exact case) -> country name
    cues: dict[str, EntityType]  # lower word -> type
    state_titles: tuple[tuple[str, ...], ...]  # token tuples, longest first
    head_titles: frozenset[str]
    leader_titles: tuple[tuple[str, ...], ...]
    spokes_titles: frozenset[str]
    former_words: frozenset[str]
    event_kinds: frozenset[str]
    event_anaphors: frozenset[str]
    owned_places: frozenset[str]
    election_kinds: frozenset[str]
    number_words: dict[str, int]
    communities: frozenset[str]
    name_prefixes: frozenset[str]
    countries: frozenset[str]
    state_by_last: dict[str, tuple[tuple[str, ...], ...]]
    title_words: frozenset[str]
    infobox_labels: dict[str, tuple[str, str]] = field(default_factory=dict)  # label -> (predicate, in|out)
    infobox_other: frozenset[str] = frozenset()
    role_nouns: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # noun -> (predicate, status)
    nominals: dict[str, tuple[str, str]] = field(default_factory=dict)  # noun -> (predicate, argument mode)
    umbrella_nouns: dict[str, str] = field(default_factory=dict)  # noun -> predicate of its listed parts
    affiliation_cues: dict[str, str] = field(default_factory=dict)  # cue word -> preposition naming the body

    def titles_ending(self, word: str) -> tuple[tuple[str, ...], ...]:
        """State titles whose last word is `word`, longest first (one dict lookup per token)."""
        return self.state_by_last.get(word, ())

    def country_of(self, text: str) -> str | None:
        """The country a written name or demonym stands for, if it is one of ours."""
        if text in self.country_forms:
            return self.country_forms[text]
        if text in self.adjective_of or text in self.countries:
            return text
        return self.demonyms.get(text.lower())


@lru_cache(maxsize=4)
def packaged_yaml(package: str, name: str) -> Any:
    """A YAML word table shipped in `package`, parsed once per process (libyaml when present)."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader


def lower_set(words: list[str]) -> frozenset[str]:
    """Words as a lower-cased set, for case-insensitive lookups."""
    return frozenset(w.lower() for w in words)


def _phrases(words: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(w.lower().split()) for w in words), key=len, reverse=True))


def _by_last(titles: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for title in titles:  # already longest first
        out.setdefault(title[-1], []).append(title)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged lexicon (read once)."""
    raw = packaged_yaml("ingest", "lexicon.yaml")
    cues: dict[str, EntityType] = {}
    for etype in ("ArmedGroup", "StateBody", "PoliticalParty", "Organization"):
        for word in raw["cues"][etype]:
            cues.setdefault(word.lower(), EntityType(etype))
    return Lexicon(
        demonyms={v.lower(): k for k, v in raw["demonyms"].items()},
        adjective_of=dict(raw["demonyms"]),
        country_forms=dict(raw["country_forms"]),
        cues=cues,
        state_titles=_phrases(raw["state_titles"]),
        head_titles=frozenset(raw["head_titles"]),
        leader_titles=_phrases(raw["leader_titles"]),
        spokes_titles=frozenset(raw["spokes_titles"]),
        former_words=frozenset(raw["former_words"]),
        event_kinds=frozenset(raw["event_kinds"]),
        event_anaphors=frozenset(raw["event_anaphors"]),
        owned_places=frozenset(raw["owned_places"]),
        election_kinds=frozenset(raw["election_kinds"]),
        number_words=dict(raw["number_words"]),
        communities=frozenset(raw["communities"]),
        name_prefixes=frozenset(raw["name_prefixes"]),
        countries=frozenset(raw["countries"]),
        state_by_last=_by_last(_phrases(raw["state_titles"])),
        title_words=frozenset(w for t in [*raw["state_titles"], *raw["leader_titles"]]
                              for w in t.lower().split())
        | {"supreme", "general", "deputy", "caretaker", "interim", "acting", "transitional"},
        infobox_labels={k.lower(): (v[0], v[1]) for k, v in raw.get("infobox_labels", {}).items()},
        infobox_other=frozenset(w.lower() for w in raw.get("infobox_other_labels", [])),
        role_nouns={k.lower(): (v[0], v[1] if len(v) > 1 else None)
                    for k, v in raw.get("role_nouns", {}).items()},
        nominals={k.lower(): (v[0], v[1]) for k, v in raw.get("nominals", {}).items()},
        umbrella_nouns={k.lower(): v for k, v in raw.get("umbrella_nouns", {}).items()},
        affiliation_cues={k.lower(): v for k, v in raw.get("affiliation_cues", {}).items()},
    )
