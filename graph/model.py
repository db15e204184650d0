"""The domain model: articles, entities, relations and their evidence.

Plain frozen dataclasses and enums; no I/O and no database imports, so every
layer (ingest, stores, queries, API) speaks the same types.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property
from typing import Any


class EntityType(StrEnum):
    """The nine node types of the vocabulary (FORMAT.md)."""

    PERSON = "Person"
    ARMED_GROUP = "ArmedGroup"
    POLITICAL_PARTY = "PoliticalParty"
    STATE_BODY = "StateBody"
    COUNTRY = "Country"
    LOCATION = "Location"
    ORGANIZATION = "Organization"
    ELECTION = "Election"
    EVENT = "Event"


class Predicate(StrEnum):
    """The eighteen relationship types of the vocabulary (FORMAT.md)."""

    BACKED_BY = "BACKED_BY"
    LEADS = "LEADS"
    MEMBER_OF = "MEMBER_OF"
    PART_OF = "PART_OF"
    SPOKESPERSON_FOR = "SPOKESPERSON_FOR"
    HOLDS_OFFICE = "HOLDS_OFFICE"
    WON_SEATS = "WON_SEATS"
    TARGETED = "TARGETED"
    PERPETRATED = "PERPETRATED"
    CONDEMNED = "CONDEMNED"
    BLAMED = "BLAMED"
    ACCUSED = "ACCUSED"
    DESIGNATED_TERRORIST_BY = "DESIGNATED_TERRORIST_BY"
    SANCTIONED_BY = "SANCTIONED_BY"
    LOCATED_IN = "LOCATED_IN"
    ALLIED_WITH = "ALLIED_WITH"
    OPPOSES = "OPPOSES"
    MET_WITH = "MET_WITH"


class Provenance(StrEnum):
    """Where a piece of evidence comes from: article text or curated reference data."""

    TEXT = "text"
    REFERENCE = "reference"


# Attributes that make two relations with the same ends distinct facts
# (an office title, the event a blame is for); all other attrs are merged.
KEY_ATTRS: dict[Predicate, tuple[str, ...]] = {
    Predicate.HOLDS_OFFICE: ("title",),
    Predicate.BLAMED: ("for",),
}

_HONORIFIC = re.compile(r"^(the|mr|mrs|ms|dr)\s+")


def normalize_name(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name, for lookup."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("\u2019", "'")
    text = _HONORIFIC.sub("", text.strip())
    text = re.sub(r"'s$", "", text)
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def slugify(text: str) -> str:
    """A readable, URL-safe slug of a name (`Kata'ib Hezbollah` -> `kataib-hezbollah`)."""
    text = normalize_name(text.replace("'", "").replace("\u2019", ""))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def entity_id(etype: EntityType | str, name: str, key: str | None = None) -> str:
    """Stable id of a canonical actor: `<type>:<kb key or slug of canonical name>`.

    Derived from identity, never from insertion order, so every run and both
    stores agree.
    """
    return f"{EntityType(etype).value.lower()}:{key or slugify(name)}"


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def relation_id(subject: str, predicate: Predicate | str, obj: str, attrs: dict[str, Any]) -> str:
    """Stable id of a fact: its ends, its predicate and its distinguishing attributes."""
    pred = Predicate(predicate)
    keys = [f"{k}={attrs.get(k)!s}" for k in KEY_ATTRS.get(pred, ()) if attrs.get(k) is not None]
    return "r" + _digest(subject, pred.value, obj, *keys)


def article_id_for(explicit: str | None, url: str | None, body: str) -> str:
    """Stable article id: explicit id, else URL, else a hash of the content."""
    if explicit:
        return explicit
    if url:
        return "url:" + _digest(url)
    return "sha:" + _digest(body)


def content_hash(text: str) -> str:
    """Fingerprint of an article's content, to tell a changed version from a re-ingest."""
    return _digest(text)


@dataclass(frozen=True)
class Article:
    """One source document. `published` is an ISO date (YYYY-MM-DD or YYYY-MM) or None."""

    id: str
    source: str
    body: str = ""
    title: str = ""
    published: str | None = None
    url: str | None = None
    provenance: Provenance = Provenance.TEXT
    publisher: str | None = None  # from a text header or feed metadata; not stored by the stores

    @property
    def hash(self) -> str:
        return content_hash(self.title + "\n" + self.body)


@dataclass(frozen=True)
class Mention:
    """A span of an article body that names an entity."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    """A canonical actor, place, election or event."""

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    external_ids: dict[str, str] = field(default_factory=dict)
    attrs: dict[str, Any] = field(default_factory=dict)

    def merged(self, other: Entity) -> Entity:
        """Union of aliases, external ids and attributes; `other` wins on conflicts."""
        aliases = tuple(sorted({*self.aliases, *other.aliases} - {self.name}))
        return replace(
            self,
            aliases=aliases,
            external_ids={**self.external_ids, **other.external_ids},
            attrs={**self.attrs, **other.attrs},
        )

    def names(self) -> list[str]:
        """The canonical name followed by every alias."""
        return [self.name, *self.aliases]


@dataclass(frozen=True)
class Evidence:
    """One sentence of one article that states a relation."""

    article_id: str
    sentence: str
    start: int
    end: int
    date: str | None = None
    confidence: float = 1.0
    provenance: Provenance = Provenance.TEXT
    # Relation ends the sentence names only through coreference: (anaphor text, start, end, entity id),
    # character offsets into the article body ("it", "the group"), so an analyst sees why.
    resolved: tuple[tuple[str, int, int, str], ...] = ()

    def id_for(self, relation: str) -> str:
        """Stable id: the same sentence of the same article for the same fact is one item."""
        return "e" + _digest(relation, self.article_id, str(self.start), str(self.end))


def resolved_from(value: Any) -> tuple[tuple[str, int, int, str], ...]:
    """`Evidence.resolved` from its stored form: JSON `[[text, start, end, entity id], ...]` or that list."""
    items = json.loads(value) if isinstance(value, str) else (value or [])
    return tuple((str(t), int(s), int(e), str(i)) for t, s, e, i in items)


@dataclass(frozen=True)
class Relation:
    """A typed, directed fact between two entities, with the evidence that states it.

    `first_seen`/`last_seen` are the earliest and latest evidence dates,
    `confidence` the highest evidence confidence; stores recompute them from the
    evidence they hold, so writing the same evidence twice changes nothing.
    """

    subject: str
    predicate: Predicate
    object: str
    attrs: dict[str, Any] = field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.0
    first_seen: str | None = None
    last_seen: str | None = None
    evidence_count: int = 0

    @cached_property
    def id(self) -> str:
        """The stable id, hashed once per object (sorting and serialising ask for it again)."""
        return relation_id(self.subject, self.predicate, self.object, self.attrs)

    def known_as(self, rid: str) -> Relation:
        """This relation with the id its store holds it under, so reads never hash it again."""
        self.__dict__["id"] = rid
        return self


@dataclass(frozen=True)
class Batch:
    """What one write carries: whole articles with the entities and relations they state.

    Entity mentions are recorded per article (entity id -> mentions) so that an
    entity is kept while any article still mentions it.
    """

    articles: tuple[Article, ...] = ()
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    mentions: tuple[tuple[str, str], ...] = ()  # (article id, entity id)


@dataclass(frozen=True)
class Subgraph:
    """Nodes and edges around some centres; `truncated` when the node limit cut it."""

    nodes: tuple[Entity, ...]
    edges: tuple[Relation, ...]
    truncated: bool = False


@dataclass(frozen=True)
class Hop:
    """One step of a path: the relation crossed and whether it was crossed forwards."""

    relation: Relation
    forward: bool = True


@dataclass(frozen=True)
class Path:
    """A chain of relations from a source entity to a target entity."""

    nodes: tuple[Entity, ...]
    hops: tuple[Hop, ...]

    @property
    def length(self) -> int:
        return len(self.hops)


@dataclass(frozen=True)
class Counts:
    """Totals by kind: articles, entities by type, relations by predicate, evidence items."""

    articles: int
    entities: dict[str, int]
    relations: dict[str, int]
    evidence: int = 0
