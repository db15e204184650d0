"""Reading and checking knowledge-base YAML files; every problem is reported with its file and entry."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from graph.errors import ActorGraphError
from graph.model import EntityType

FIELDS = ("key", "name", "type", "aliases", "wikidata", "country", "title", "description",
          "case_sensitive", "short", "demonyms", "attrs")
TEXT_ATTRS = ("country", "title", "description")
TYPES = tuple(t.value for t in EntityType)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_POSSESSIVE = re.compile(r"^(.+?)['’]s\s")
_PLACE_TYPES = (EntityType.COUNTRY.value, EntityType.LOCATION.value)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class KnowledgeBaseError(ActorGraphError):
    """A knowledge-base file that cannot be used; `problems` lists every reason found."""

    title = "Bad knowledge base"

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("invalid actor knowledge base:\n  " + "\n  ".join(self.problems))


@dataclass(frozen=True)
class RawActor:
    """One entry as written in a file; `name`/`type` may be absent when it extends a known key."""

    key: str
    source: str
    name: str | None = None
    type: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    attrs: Mapping[str, Any] = field(default_factory=dict)


def parse_file(path: Path) -> tuple[list[RawActor], list[str]]:
    """Entries and problems of one analyst file (an unreadable file is one problem)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [f"{path}: cannot read the file ({exc})"]
    return parse_text(text, str(path))


def parse_text(text: str, source: str) -> tuple[list[RawActor], list[str]]:
    """Entries and problems of one YAML document: a list of actor mappings."""
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        return [], [f"{source}: not valid YAML ({' '.join(str(exc).split())})"]
    if data is None:
        return [], []
    if not isinstance(data, list):
        return [], [f"{source}: expected a list of actors at the top level, got {type(data).__name__}"]
    entries: list[RawActor] = []
    problems: list[str] = []
    seen: set[str] = set()
    for number, item in enumerate(data, 1):
        entry, errors = _parse_entry(item, f"{source}: entry {number}")
        problems.extend(errors)
        if entry is None:
            continue
        if entry.key in seen:
            problems.append(f"{source}: entry {number}: duplicate key {entry.key!r} in the same file")
        seen.add(entry.key)
        entries.append(entry)
    return entries, problems


def _parse_entry(item: object, where: str) -> tuple[RawActor | None, list[str]]:
    if not isinstance(item, dict):
        return None, [f"{where}: expected a mapping with key, name and type, got {type(item).__name__}"]
    key = item.get("key")
    if not isinstance(key, str) or not _SLUG.match(key):
        return None, [f"{where}: missing or malformed key {key!r} (a lowercase slug like 'kataib-hezbollah')"]
    where = f"{where} ({key!r})"
    problems = [f"{where}: unknown field {name!r} (allowed: {', '.join(FIELDS)})"
                for name in item if name not in FIELDS]
    name = _text(item, "name", where, problems)
    etype = _text(item, "type", where, problems)
    if etype is not None and etype not in TYPES:
        problems.append(f"{where}: unknown type {etype!r} (expected one of {', '.join(TYPES)})")
    wikidata = _text(item, "wikidata", where, problems)
    if wikidata is not None and not _QID.match(wikidata):
        problems.append(f"{where}: malformed wikidata id {wikidata!r} (expected Q followed by digits)")
    aliases = _texts(item, "aliases", where, problems)
    attrs = _attrs(item, where, problems)
    return RawActor(key, where, name, etype, aliases, wikidata, attrs), problems


def _text(item: dict[str, Any], name: str, where: str, problems: list[str]) -> str | None:
    value = item.get(name)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}: field {name!r} must be a non-empty string, got {value!r}")
        return None
    return value.strip()


def _texts(item: dict[str, Any], name: str, where: str, problems: list[str]) -> tuple[str, ...]:
    value = item.get(name)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{where}: field {name!r} must be a list of non-empty strings")
        return ()
    return tuple(dict.fromkeys(v.strip() for v in value))


def _attrs(item: dict[str, Any], where: str, problems: list[str]) -> dict[str, Any]:
    extra = item.get("attrs") or {}
    if not isinstance(extra, dict):
        problems.append(f"{where}: field 'attrs' must be a mapping")
        extra = {}
    attrs: dict[str, Any] = dict(extra)
    for name in TEXT_ATTRS:
        value = _text(item, name, where, problems)
        if value is not None:
            attrs[name] = value
    for name in ("case_sensitive", "demonyms"):
        if name in item:
            attrs[name] = _texts(item, name, where, problems)
    if "short" in item:
        if not isinstance(item["short"], bool):
            problems.append(f"{where}: field 'short' must be true or false")
        attrs["short"] = bool(item["short"])
    return attrs


def merge_entries(packaged: Sequence[RawActor], extra: Sequence[RawActor]) -> list[RawActor]:
    """Packaged entries, then extra ones adding actors or extending keys; checked as a whole."""
    problems: list[str] = []
    merged: dict[str, RawActor] = {}
    for entry in packaged:
        if entry.key in merged:
            problems.append(f"{entry.source}: duplicate key {entry.key!r} (also {merged[entry.key].source})")
            continue
        merged[entry.key] = entry
    for entry in extra:
        base = merged.get(entry.key)
        merged[entry.key] = entry if base is None else _extend(base, entry, problems)
    for entry in merged.values():
        _check_complete(entry, problems)
    _check_references(list(merged.values()), problems)
    if problems:
        raise KnowledgeBaseError(problems)
    return list(merged.values())


def _extend(base: RawActor, entry: RawActor, problems: list[str]) -> RawActor:
    if entry.type is not None and entry.type != base.type:
        problems.append(f"{entry.source}: cannot change the type of {base.key!r} from {base.type} "
                        f"to {entry.type} (the id depends on it); use a new key")
    return replace(base, source=entry.source, name=entry.name or base.name,
                   aliases=tuple(dict.fromkeys((*base.aliases, *entry.aliases))),
                   wikidata=entry.wikidata or base.wikidata, attrs={**base.attrs, **entry.attrs})


def _check_possessives(entry: RawActor, places: set[str], problems: list[str]) -> None:
    """Reject "Iran's Revolutionary Guard" as an alias: the country must stay a mention of its own."""
    for alias in entry.aliases:
        match = _POSSESSIVE.match(alias)
        if match and match.group(1).casefold() in places:
            problems.append(f"{entry.source}: alias {alias!r} starts with the possessive of the place "
                            f"{match.group(1)!r}; list the name without it")


def _check_complete(entry: RawActor, problems: list[str]) -> None:
    missing = [f for f in ("name", "type") if getattr(entry, f) is None]
    if missing:
        problems.append(f"{entry.source}: missing {' and '.join(missing)} for new key {entry.key!r}")
    known = {entry.name, *entry.aliases}
    for form in entry.attrs.get("case_sensitive", ()):
        if form not in known:
            problems.append(f"{entry.source}: case_sensitive lists {form!r}, "
                            "which is not its name or an alias")


def _check_references(entries: list[RawActor], problems: list[str]) -> None:
    countries = {e.name for e in entries if e.type == EntityType.COUNTRY.value}
    places = {n.casefold() for e in entries if e.type in _PLACE_TYPES for n in (e.name, *e.aliases) if n}
    qids: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for entry in entries:
        _check_possessives(entry, places, problems)
        for word in entry.attrs.get("demonyms", ()):
            other = demonyms.setdefault(word.casefold(), entry.key)
            if other != entry.key:
                problems.append(f"{entry.source}: demonym {word!r} is also given to {other!r}")
        country = entry.attrs.get("country")
        if country is not None and country not in countries:
            problems.append(f"{entry.source}: country {country!r} is not the name of a Country actor")
        if entry.wikidata is None:
            continue
        other = qids.setdefault(entry.wikidata, entry.key)
        if other != entry.key:
            problems.append(f"{entry.source}: wikidata id {entry.wikidata} is also given to {other!r}")
