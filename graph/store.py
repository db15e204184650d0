"""The one storage protocol both stores implement, and the limits they enforce."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol, runtime_checkable

from graph.errors import InvalidArgument
from graph.model import Article, Batch, Counts, Entity, EntityType, Evidence, Path, Predicate, Subgraph

MAX_DEPTH = 3
MAX_HOPS = 6
MAX_K = 10
MAX_NODES = 2000
DEFAULT_NODES = 200
MAX_PAGE = 500


@dataclass(frozen=True)
class RetractResult:
    """What deleting an article removed."""

    article_id: str
    evidence: int
    relations: int
    entities: int


@dataclass(frozen=True)
class NamedQuery:
    """A query with a Cypher text for Neo4j and an equivalent function over the embedded store.

    Stores run it by double dispatch (`store.run(query, params)`), so `graph/`
    never imports the query library.
    """

    name: str
    cypher: str
    embedded: Callable[[Any, dict[str, Any]], list[dict[str, Any]]]


class KeyKind(StrEnum):
    """What a resolution key looks up."""

    ID = "id"  # an entity id, whatever its type
    NAME = "name"  # a whole normalised name or alias, of one type
    TOKEN = "token"  # one whole word (see `indexed_word`) of a normalised name or alias, of one type


@dataclass(frozen=True, order=True)
class NameKey:
    """One lookup of a resolution batch: an id, or a normalised name or word of one entity type."""

    kind: KeyKind
    text: str
    type: EntityType | None = None  # required for NAME and TOKEN, ignored for ID

    def type_value(self) -> str:
        """The vocabulary value of the key's type; InvalidArgument when missing or unknown."""
        if isinstance(self.type, str):
            try:
                return EntityType(self.type).value
            except ValueError:
                pass
        raise InvalidArgument(f"a {self.kind} key needs an entity type, got {self.type!r}")


@dataclass(frozen=True)
class Candidates:
    """The entities a key finds, by id; `common` when `cap` or more do (then none are listed)."""

    entities: tuple[Entity, ...] = ()
    common: bool = False


DEFAULT_CAP = 100
MIN_WORD = 3  # shorter words and all-digit ones are not indexed: a TOKEN key for one finds nothing


def indexed_word(word: str) -> bool:
    """Whether a word of a normalised name is kept for TOKEN keys (both stores apply this)."""
    return len(word) >= MIN_WORD and not word.isdigit()


@runtime_checkable
class GraphStore(Protocol):
    """Upsert, read and retract the actor graph; both stores give identical answers."""

    def ensure_schema(self) -> None:
        """Create constraints and indexes (idempotent); an explicit step, never in a constructor."""

    def write(self, batch: Batch) -> None:
        """Upsert a batch atomically: entities merged, relations accumulate evidence."""

    def article_hashes(self, ids: Iterable[str]) -> dict[str, str]:
        """Content hashes of the given articles that the store holds (to skip re-ingests)."""

    def get_article(self, article_id: str) -> Article | None:
        """One article's metadata (body not kept), or None."""

    def delete_article(self, article_id: str) -> RetractResult:
        """Remove an article, its evidence, and every relation and entity left unsupported."""

    def get_entity(self, entity_id: str) -> Entity | None:
        """One entity, or None."""

    def search_entities(
        self, q: str, type: EntityType | None = None, limit: int = 20, offset: int = 0
    ) -> list[Entity]:
        """Entities whose name or an alias contains `q` (normalised), exact matches first."""

    def name_candidates(self, keys: Sequence[NameKey], cap: int = DEFAULT_CAP) -> dict[NameKey, Candidates]:
        """Every key's entities in one call, through indexes (resolution asks once per batch)."""

    def subgraph(
        self,
        centers: Sequence[str],
        depth: int = 1,
        predicates: Sequence[Predicate] | None = None,
        types: Sequence[EntityType] | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = DEFAULT_NODES,
        min_confidence: float | None = None,
    ) -> Subgraph:
        """Breadth-first neighbourhood of the centres, cut at `limit` nodes (`truncated`)."""

    def paths(
        self,
        source: str,
        target: str,
        max_hops: int = 4,
        k: int = 1,
        predicates: Sequence[Predicate] | None = None,
        directed: bool = False,
        min_confidence: float | None = None,
    ) -> list[Path]:
        """Up to k shortest simple paths, shortest first; raises NoPath when there is none."""

    def evidence(self, relation_id: str, limit: int = 20, offset: int = 0) -> list[Evidence]:
        """A relation's evidence, newest first; raises NotFound for an unknown relation."""

    def counts(self) -> Counts:
        """Articles, entities by type, relations by predicate."""

    def run(self, query: NamedQuery, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Run a named query: its Cypher on Neo4j, its embedded twin here."""

    def close(self) -> None:
        """Release connections and files."""
