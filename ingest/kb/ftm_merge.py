"""Merging FollowTheMoney entities into checked knowledge-base entries, without ever raising.

The rules (see `ingest.kb.ftm`): an entity with one of our Wikidata ids, or whose
exact normalised name belongs to an actor of the same type, extends that actor;
otherwise it becomes `ftm-<slug of its id>`, keeping only the names no other actor
owns, respells or would lose (possessives of places); every drop is counted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any

from graph.model import EntityType
from ingest.kb.files import RawActor
from ingest.kb.keys import lookup_key
from ingest.kb.variants import expand, surname_forms

if TYPE_CHECKING:
    from ingest.kb.ftm import FtmEntity, FtmReport

_POSSESSIVE = re.compile(r"^(.+?)['’]s\s")
_SLUG_CHARS = re.compile(r"[^a-z0-9]+")


def ftm_key(ftm_id: str) -> str:
    """Our stable knowledge-base key for an FtM id (`Q-1234.x` -> `ftm-q-1234-x`)."""
    return "ftm-" + (_SLUG_CHARS.sub("-", ftm_id.lower()).strip("-") or "entity")


class FtmMerger:
    """Adds FtM entities to already checked knowledge-base entries without ever raising on a conflict."""

    def __init__(self, entries: Sequence[RawActor], countries: Callable[[str], str | None]) -> None:
        self.entries: dict[str, RawActor] = {e.key: e for e in entries}
        self.countries = countries
        self.types = {e.key: e.type for e in entries}
        self.explicit: dict[str, str] = {}
        self.generated: dict[str, str] = {}
        self.qids = {e.wikidata: e.key for e in entries if e.wikidata}
        self.places = {n.casefold() for e in entries if e.type in ("Country", "Location")
                       for n in (e.name, *e.aliases) if n}
        for entry in entries:
            self._register(entry.key, (entry.name or "", *entry.aliases), people=entry.type == "Person")

    def add(self, entity: FtmEntity, report: FtmReport) -> None:
        """Merge one entity into a known actor, or add it as a new one with its free names."""
        target = self._same_actor(entity)
        if target is not None:
            self._extend(target, entity, report)
            return
        key = ftm_key(entity.id)
        if key in self.entries:
            report.bad(f"{entity.where}: line skipped: duplicate entity id {entity.id!r}")
            return
        names = self._free_forms(key, entity.names, report)
        if not names:  # every name it has belongs to other actors
            report.dropped_entities += 1
            return
        self.types[key] = entity.type.value
        self._store(key, entity, names, self._free_forms(key, entity.weak, report))
        report.actors += 1

    def _same_actor(self, entity: FtmEntity) -> str | None:
        if entity.wikidata in self.qids:
            return self.qids[entity.wikidata]
        norm = lookup_key(entity.names[0])
        owner = self.explicit.get(norm) or self.generated.get(norm)
        return owner if owner is not None and self.types.get(owner) == entity.type.value else None

    def _extend(self, key: str, entity: FtmEntity, report: FtmReport) -> None:
        base = self.entries[key]
        new = [t for t in self._free_forms(key, (*entity.names, *entity.weak), report) if t != base.name]
        attrs = {**base.attrs, "ftm_ids": (*base.attrs.get("ftm_ids", ()), entity.id)}
        pinned = [w for w in entity.weak if w in new]
        if pinned:
            attrs["case_sensitive"] = tuple(dict.fromkeys((*base.attrs.get("case_sensitive", ()), *pinned)))
        wikidata = base.wikidata or (entity.wikidata if entity.wikidata not in self.qids else None)
        if wikidata:
            self.qids[wikidata] = key
        self.entries[key] = replace(base, aliases=tuple(dict.fromkeys((*base.aliases, *new))),
                                    wikidata=wikidata, attrs=attrs)
        report.extended += 1

    def _store(self, key: str, entity: FtmEntity, names: list[str], weak: list[str]) -> None:
        """A new actor: the first free name is canonical (another actor may own the FtM caption)."""
        attrs: dict[str, Any] = {"ftm_id": entity.id, "topics": list(entity.topics)}
        if weak:
            attrs["case_sensitive"] = tuple(weak)
        if entity.type is EntityType.PERSON:
            attrs["short"] = False
        if "sanction" in entity.topics:
            attrs["sanctioned"] = True
        country = next(filter(None, map(self.countries, entity.countries)), None)
        if country:
            attrs["country"] = country
        wikidata = entity.wikidata if entity.wikidata not in self.qids else None
        if wikidata:
            self.qids[wikidata] = key
        self.entries[key] = RawActor(key, entity.where, names[0], entity.type.value,
                                     tuple(dict.fromkeys((*names[1:], *weak))), wikidata, attrs)

    def _free_forms(self, key: str, texts: Sequence[str], report: FtmReport) -> list[str]:
        kept = []
        for text in texts:
            if self._free(key, text):
                kept.append(text)
            elif self.explicit.get(lookup_key(text)) != key:
                report.dropped_names += 1
        return kept

    def _free(self, key: str, text: str) -> bool:
        """Claim `text` (and its generated spellings) for `key` unless another actor owns one of them."""
        norm = lookup_key(text)
        if not norm or self.explicit.get(norm, key) != key or self.generated.get(norm, key) != key:
            return False
        possessive = _POSSESSIVE.match(text)
        if possessive and possessive.group(1).casefold() in self.places:
            return False
        variants = [lookup_key(v) for v in expand([text])]
        if any(self.explicit.get(v, key) != key for v in variants if v):
            return False
        self.explicit[norm] = key
        for variant in variants:
            if variant:
                self.generated.setdefault(variant, key)
        return True

    def _register(self, key: str, texts: Sequence[str], people: bool) -> None:
        """Index the forms of an already accepted entry (its generated ones, surnames included)."""
        for text in texts:
            if text:
                self.explicit.setdefault(lookup_key(text), key)
                for variant in expand([text]):
                    self.generated.setdefault(lookup_key(variant), key)
        if people and texts[0]:
            for short in surname_forms(texts[0]):
                self.generated.setdefault(lookup_key(short), key)


def country_resolver(entries: Sequence[RawActor]) -> Callable[[str], str | None]:
    """ISO 3166 code -> the name of our Country actor (pycountry names looked up in our countries)."""
    countries = [e for e in entries if e.type == EntityType.COUNTRY.value and e.name]
    by_form = {lookup_key(n): e.name for e in countries for n in (e.name, *e.aliases) if n}
    by_iso = {str(e.attrs["iso2"]).upper(): e.name for e in countries if e.attrs.get("iso2")}

    @cache
    def resolve(code: str) -> str | None:
        import pycountry

        found = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else None
        names = [getattr(found, a, None) for a in ("common_name", "name", "official_name")] if found else []
        hits = [by_form[lookup_key(n)] for n in names if n and lookup_key(n) in by_form]
        return hits[0] if hits else by_iso.get(code.upper())
    return resolve
