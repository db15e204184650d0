"""Curated reference relations (designation lists, sanction notices) as their own source.

A reference file becomes one `Article` with `provenance=reference` and the id
`reference:<file stem>`; each row becomes a relation whose single evidence item
has provenance `reference` and the row's citation as its sentence, so curated
facts are never mistaken for text evidence and retracting the file removes them.

YAML: a mapping with optional `title`, `url`, `published` and a `relations` list;
CSV: a header row. Row fields: `subject`, `predicate`, `object`, `citation`
(required), `subject_type`, `object_type` (required unless the knowledge base
knows the name), `date` (ISO, also the evidence date) and any other field as a
relation attribute (CSV: non-empty extra columns). Bad rows are reported, the
others load.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from graph.errors import ActorGraphError
from graph.model import (
    Article,
    Batch,
    Entity,
    EntityType,
    Evidence,
    Predicate,
    Provenance,
    Relation,
    entity_id,
)

REQUIRED = ("subject", "predicate", "object", "citation")
KNOWN = (*REQUIRED, "subject_type", "object_type", "date")
DATED_PREDICATES = frozenset({Predicate.DESIGNATED_TERRORIST_BY, Predicate.SANCTIONED_BY})
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# name -> the knowledge-base entity for it, if any (e.g. built from `KnowledgeBase.lookup`)
Lookup = Callable[[str], Entity | None]


class ReferenceFileError(ActorGraphError):
    """A reference file that cannot be used at all (unreadable, wrong shape)."""


@dataclass(frozen=True)
class RowError:
    """One row that was skipped, and why."""

    row: int
    reason: str


@dataclass(frozen=True)
class Reference:
    """A reference file as a batch ready to resolve and load, plus its rejected rows."""

    batch: Batch
    errors: tuple[RowError, ...]

    @property
    def article(self) -> Article:
        return self.batch.articles[0]


def load_reference(path: str | Path, lookup: Lookup | None = None) -> Reference:
    """Parse a YAML or CSV reference file into one reference article's batch."""
    path = Path(path)
    meta, rows = _read(path)
    lookup = lookup or (lambda _name: None)
    lines: list[str] = []
    entities: dict[str, Entity] = {}
    parsed: list[tuple[Relation, int, str]] = []  # relation, offset of its citation, citation
    offset = 0
    errors: list[RowError] = []
    for number, row in enumerate(rows, start=1):
        try:
            subject = _entity(row, "subject", lookup)
            obj = _entity(row, "object", lookup)
            relation = _relation(row, subject, obj)
        except ValueError as exc:
            errors.append(RowError(number, str(exc)))
            continue
        for e in (subject, obj):
            entities[e.id] = entities[e.id].merged(e) if e.id in entities else e
        citation = " ".join(str(row["citation"]).split())
        parsed.append((relation, offset, citation))
        lines.append(citation)
        offset += len(citation) + 1
    article = _article(path, meta, "\n".join(lines))
    relations = tuple(_with_evidence(rel, article, start, text) for rel, start, text in parsed)
    mentions = tuple((article.id, eid) for eid in entities)
    batch = Batch((article,), tuple(entities.values()), relations, mentions)
    return Reference(batch, tuple(errors))


def _read(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReferenceFileError(f"cannot read reference file {path}: {exc}") from exc
    if path.suffix.lower() == ".csv":
        return {}, [_csv_row(r) for r in csv.DictReader(text.splitlines())]
    if path.suffix.lower() not in {".yaml", ".yml"}:
        raise ReferenceFileError(f"reference file {path} must be .yaml, .yml or .csv")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ReferenceFileError(f"reference file {path} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("relations"), list):
        raise ReferenceFileError(f"reference file {path} needs a mapping with a 'relations' list")
    rows = [r if isinstance(r, dict) else {"_bad": r} for r in data["relations"]]
    return {k: v for k, v in data.items() if k != "relations"}, rows


def _csv_row(raw: dict[str | None, Any]) -> dict[str, Any]:
    return {k.strip(): v.strip() for k, v in raw.items()
            if k is not None and isinstance(v, str) and v.strip()}


def _entity(row: dict[str, Any], end: str, lookup: Lookup) -> Entity:
    """The entity at one end of a row: the knowledge base's when it knows the name, else a new one."""
    name = str(row.get(end) or "").strip()
    if not name:
        raise ValueError(f"missing {end}")
    given = row.get(f"{end}_type")
    wanted = _type(given, end) if given else None
    known = lookup(name)
    if known is not None and (wanted is None or known.type == wanted):
        return known
    if wanted is None:
        raise ValueError(f"{end} {name!r} is not in the knowledge base: give {end}_type")
    return Entity(entity_id(wanted, name), name, wanted)


def _type(value: Any, end: str) -> EntityType:
    try:
        return EntityType(str(value))
    except ValueError:
        raise ValueError(f"unknown {end}_type {value!r}") from None


def _relation(row: dict[str, Any], subject: Entity, obj: Entity) -> Relation:
    missing = [k for k in REQUIRED if not str(row.get(k) or "").strip()]
    if missing:
        raise ValueError("missing " + ", ".join(missing))
    try:
        predicate = Predicate(str(row["predicate"]).strip())
    except ValueError:
        raise ValueError(f"unknown predicate {row['predicate']!r}") from None
    attrs = {k: v for k, v in row.items() if k not in KNOWN and not k.startswith("_")}
    date = _date(row.get("date"))
    if date and predicate in DATED_PREDICATES:
        attrs.setdefault("date", date)
    return Relation(subject.id, predicate, obj.id, attrs, evidence=(), confidence=1.0,
                    first_seen=date, last_seen=date)


def _date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value).strip()
    if not _DATE.match(text):
        raise ValueError(f"date {value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return text


def _article(path: Path, meta: dict[str, Any], body: str) -> Article:
    published = _date(meta.get("published")) if meta.get("published") else None
    return Article(id=f"reference:{path.stem}", source=str(path), body=body,
                   title=str(meta.get("title") or f"Reference data: {path.name}"),
                   published=published, url=meta.get("url"), provenance=Provenance.REFERENCE)


def _with_evidence(rel: Relation, article: Article, start: int, sentence: str) -> Relation:
    """The row's one evidence item: its citation, at its offset in the article body."""
    evidence = Evidence(article.id, sentence, start, start + len(sentence), date=rel.first_seen,
                        confidence=1.0, provenance=Provenance.REFERENCE)
    return Relation(rel.subject, rel.predicate, rel.object, rel.attrs, (evidence,), confidence=1.0)


def kb_lookup(lookup: Callable[[str], Iterable[Any]]) -> Lookup:
    """Adapt `KnowledgeBase.lookup` (name -> actors) into a Lookup taking the single match."""
    def find(name: str) -> Entity | None:
        actors = list(lookup(name))
        return actors[0].to_entity() if len(actors) == 1 else None
    return find
