"""The actor knowledge base: who is who, under every name the news uses.

Actors live in YAML files (`ingest/kb/data/*.yaml`, one list of mappings per
file; analysts add their own through `load_kb(extra_files)` / ACTORGRAPH_KB_FILES).
Each entry holds an identity only, never a relation:

    - key: kataib-hezbollah          # stable slug; the entity id is `<type>:<key>`
      name: Kataib Hezbollah         # canonical English name
      type: ArmedGroup               # one of the nine FORMAT.md types
      aliases: [KH, Hezbollah Brigades]
      wikidata: Q...                 # optional, only when certain
      country: Iraq                  # optional: the name of a Country actor
      title: ...                     # optional: a person's best-known office
      description: ...               # optional, short
      case_sensitive: [Treasury]     # optional: aliases that must match in this exact case
      short: false                   # optional (persons): no surname-only forms
      demonyms: [Iraqi, Iraqis]      # optional (countries): adjectives, never surface forms
      attrs: {...}                   # optional free-form extras

An extra file may add new actors, or extend an existing key: its aliases are
added and the other fields it gives replace the packaged ones (the type may not
change, since the id depends on it).

Surface forms: `surface_forms(actor)` is the name, the aliases and their
generated spellings (`ingest.kb.variants`), plus surname forms for persons.
Case rule for matchers (the spaCy EntityRuler): a form is case-sensitive, and
must be matched on ORTH rather than LOWER, when it has no lowercase letter
(acronyms such as "US", "U.S.", "KH", "AAH"), when it is listed in the actor's
`case_sensitive`, derives from such a form, or is a generated surname ("Trump",
"Kadhimi"). `forms()` and `is_case_sensitive()` expose the flag.

Events and elections keep their name and aliases verbatim (no generated
spellings); their descriptive names embed other actors' names, so a matcher may
prefer `forms(types=...)` without them and let the longer span lose.

Data rules enforced on load (`KnowledgeBaseError` lists every breach with file and
entry): known fields only, a slug key, one of the nine types, a well-formed and
unique Wikidata id, `country` naming a Country actor, no alias that starts with the
possessive of a place ("Iran's Revolutionary Guard" would swallow the mention of
Iran that a PART_OF relation needs).

Ambiguity is resolved in the data, never at match time: the same written name
(and one normalised key) belongs to at most one actor. Two actors claiming it
explicitly is an error, and so is an alias that is a generated spelling of
another actor's name ("Kataeb Hizballah" given to anyone but Kataib Hezbollah).
A generated surname another actor claims explicitly yields to it ("Sadr" is
Muqtada al-Sadr), and a generated form two actors share is dropped from both
(so "Barzani" matches no single Barzani).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from graph.model import Entity, EntityType, entity_id
from ingest.kb.files import KnowledgeBaseError, RawActor, merge_entries, parse_file, parse_text
from ingest.kb.keys import case_key, lookup_key
from ingest.kb.variants import expand, has_article, surname_forms

__all__ = ["Actor", "KnowledgeBase", "KnowledgeBaseError", "SurfaceForm", "load_kb", "lookup_key"]

DATA_PACKAGE = "ingest.kb.data"
# Descriptive names ("drone attack on Mustafa al-Kadhimi's residence") are kept verbatim.
_VERBATIM_TYPES = (EntityType.EVENT, EntityType.ELECTION)


@dataclass(frozen=True)
class Actor:
    """One canonical actor of the knowledge base."""

    key: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def id(self) -> str:
        return entity_id(self.type, self.name, self.key)

    def to_entity(self) -> Entity:
        """The graph entity for this actor (external ids carry the Wikidata id)."""
        external = {"wikidata": self.wikidata} if self.wikidata else {}
        plain = {k: v for k, v in self.attrs.items() if k not in {"case_sensitive", "short"}}
        return Entity(self.id, self.name, self.type, self.aliases, external, plain)


class SurfaceForm(NamedTuple):
    """One written form of one actor, and whether a matcher must respect its case."""

    text: str
    actor: Actor
    case_sensitive: bool


class _Form(NamedTuple):
    text: str
    explicit: bool
    case_sensitive: bool
    origin: str  # the name or alias it was spelled from; "" for a generated surname


class KnowledgeBase:
    """Actors indexed by key, id and every surface form; built by `load_kb`."""

    def __init__(self, actors: Iterable[Actor], sources: Mapping[str, str] | None = None) -> None:
        self.actors: tuple[Actor, ...] = tuple(actors)
        self._by_key = {a.key: a for a in self.actors}
        self._by_id = {a.id: a for a in self.actors}
        self._forms = _build_index(self.actors, sources or {})
        self._index: dict[str, tuple[Actor, list[_Form]]] = {}
        for actor in self.actors:
            for form in self._forms[actor.key]:
                self._index.setdefault(lookup_key(form.text), (actor, []))[1].append(form)
        self._demonyms = {w.casefold(): a for a in self.actors for w in a.attrs.get("demonyms", ())}

    def __len__(self) -> int:
        return len(self.actors)

    def by_key(self, key: str) -> Actor | None:
        """The actor with this knowledge-base key."""
        return self._by_key.get(key)

    def by_id(self, entity_id: str) -> Actor | None:
        """The actor with this entity id (`<type>:<key>`)."""
        return self._by_id.get(entity_id)

    def lookup(self, name: str) -> list[Actor]:
        """Actors one of whose surface forms equals `name` once normalised (case rules honoured)."""
        hit = self._index.get(lookup_key(name))
        if hit is None:
            return []
        actor, forms = hit
        wanted = case_key(name)
        if any(not f.case_sensitive or case_key(f.text) == wanted for f in forms):
            return [actor]
        return []

    def by_demonym(self, word: str) -> Actor | None:
        """The country an adjective refers to ("Iranian" -> Iran), for cues like "Iranian-backed"."""
        return self._demonyms.get(word.strip().casefold())

    def surface_forms(self, actor: Actor) -> tuple[str, ...]:
        """Name, aliases and generated spellings of `actor`, canonical name first."""
        return tuple(f.text for f in self._forms.get(actor.key, ()))

    def is_case_sensitive(self, actor: Actor, form: str) -> bool:
        """True when `form` of `actor` must be matched in its exact case (see module docstring)."""
        return any(f.text == form and f.case_sensitive for f in self._forms.get(actor.key, ()))

    def forms(self, types: Iterable[EntityType] | None = None) -> tuple[SurfaceForm, ...]:
        """Every surface form of every actor (optionally of some types only), for building a matcher."""
        wanted = None if types is None else frozenset(types)
        return tuple(SurfaceForm(f.text, a, f.case_sensitive) for a in self.actors
                     if wanted is None or a.type in wanted for f in self._forms[a.key])


def _explicit_forms(actor: Actor) -> list[_Form]:
    pinned = {lookup_key(t) for t in actor.attrs.get("case_sensitive", ())}
    out = []
    for text in dict.fromkeys((actor.name, *actor.aliases)):
        out.append(_Form(text, True, _is_caps(text) or lookup_key(text) in pinned, text))
    return out


def _is_caps(text: str) -> bool:
    return not any(c.islower() for c in text) and any(c.isupper() for c in text)


def _generated_forms(actor: Actor, explicit: list[_Form]) -> list[_Form]:
    if actor.type in _VERBATIM_TYPES:
        return []
    seen = {f.text for f in explicit}
    out: list[_Form] = []
    for base in explicit:
        for text in expand([base.text]):
            if text not in seen:
                seen.add(text)
                out.append(_Form(text, False, _generated_case_sensitive(base, text), base.text))
    if actor.type is EntityType.PERSON and actor.attrs.get("short", True):
        for text in surname_forms(actor.name):
            if text not in seen:
                seen.add(text)
                out.append(_Form(text, False, True, ""))
    return out


def _generated_case_sensitive(base: _Form, text: str) -> bool:
    """Generated forms inherit the case rule; a lone word left by a dropped article ("Monitor") is pinned."""
    if base.case_sensitive or _is_caps(text):
        return True
    return " " not in text and has_article(base.text) and not has_article(text)


def _build_index(actors: Sequence[Actor], sources: Mapping[str, str]) -> dict[str, list[_Form]]:
    """Every actor's forms, each normalised key kept by one actor once collisions are resolved."""
    candidates = {a.key: _candidate_forms(a) for a in actors}
    explicit_owner: dict[str, str] = {}
    problems: list[str] = []
    for actor in actors:
        for form in candidates[actor.key]:
            if form.explicit:
                _claim(explicit_owner, form.text, actor.key, sources, problems)
    if not problems:
        _check_spellings(candidates, explicit_owner, sources, problems)
    if problems:
        raise KnowledgeBaseError(problems)
    generated: dict[str, set[str]] = {}
    for key, forms in candidates.items():
        for form in forms:
            if not form.explicit:
                generated.setdefault(lookup_key(form.text), set()).add(key)
    owner = dict(explicit_owner)
    for norm, keys in generated.items():
        if norm not in owner and len(keys) == 1:
            owner[norm] = next(iter(keys))
    return {key: [f for f in forms if owner.get(lookup_key(f.text)) == key]
            for key, forms in candidates.items()}


def _check_spellings(candidates: Mapping[str, list[_Form]], explicit_owner: Mapping[str, str],
                     sources: Mapping[str, str], problems: list[str]) -> None:
    """An alias that is a spelling of another actor's name is a mistake (surnames excepted)."""
    for key, forms in candidates.items():
        for form in forms:
            other = explicit_owner.get(lookup_key(form.text)) if form.origin and not form.explicit else None
            if other is not None and other != key:
                where = sources.get(other, repr(other))
                problems.append(f"{where}: the alias {form.text!r} of {other!r} is a spelling of "
                                f"{form.origin!r} of {key!r} ({sources.get(key, 'packaged')}); "
                                "give it to one actor only")


def _candidate_forms(actor: Actor) -> list[_Form]:
    explicit = _explicit_forms(actor)
    forms = [*explicit, *_generated_forms(actor, explicit)]
    return [f for f in forms if f.explicit or lookup_key(f.text)]


def _claim(owner: dict[str, str], text: str, key: str, sources: Mapping[str, str],
           problems: list[str]) -> None:
    where = sources.get(key, repr(key))
    norm = lookup_key(text)
    if not norm:
        problems.append(f"{where}: the name or alias {text!r} has no letters or digits")
        return
    previous = owner.setdefault(norm, key)
    if previous != key:
        problems.append(f"{where}: the surface form {text!r} is claimed by both {previous!r} "
                        f"({sources.get(previous, 'packaged')}) and {key!r}; give it to one actor only")


def _actor(raw: RawActor) -> Actor:
    assert raw.name is not None and raw.type is not None  # merge_entries rejects incomplete entries
    return Actor(raw.key, raw.name, EntityType(raw.type), tuple(raw.aliases), raw.wikidata, dict(raw.attrs))


@lru_cache(maxsize=1)
def _packaged_entries() -> tuple[RawActor, ...]:
    """The parsed packaged YAML files, read once per process."""
    entries: list[RawActor] = []
    problems: list[str] = []
    files = sorted((p for p in resources.files(DATA_PACKAGE).iterdir() if p.name.endswith(".yaml")),
                   key=lambda p: p.name)
    for path in files:
        parsed, errors = parse_text(path.read_text(encoding="utf-8"), f"kb/data/{path.name}")
        entries.extend(parsed)
        problems.extend(errors)
    if problems:
        raise KnowledgeBaseError(problems)
    return tuple(entries)


@lru_cache(maxsize=1)
def _packaged_kb() -> KnowledgeBase:
    return _assemble(_packaged_entries(), ())


def _assemble(packaged: Sequence[RawActor], extra: Sequence[RawActor]) -> KnowledgeBase:
    merged = merge_entries(packaged, extra)
    return KnowledgeBase((_actor(raw) for raw in merged), {raw.key: raw.source for raw in merged})


def load_kb(extra_files: Sequence[str | Path] = ()) -> KnowledgeBase:
    """The packaged knowledge base, extended by analysts' YAML and FollowTheMoney files; errors list
    every problem in our YAML (third-party FtM data is never an error: see `ingest.kb.ftm`)."""
    if not extra_files:
        return _packaged_kb()
    from ingest.kb.ftm import is_ftm_file, load_with_ftm

    if any(is_ftm_file(path) for path in extra_files):  # FollowTheMoney files: ingest.kb.ftm, cached
        return load_with_ftm(extra_files, _packaged_entries()).kb
    extra: list[RawActor] = []
    problems: list[str] = []
    for path in extra_files:
        parsed, errors = parse_file(Path(path))
        extra.extend(parsed)
        problems.extend(errors)
    if problems:
        raise KnowledgeBaseError(problems)
    return _assemble(_packaged_entries(), extra)

