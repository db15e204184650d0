"""Subgraph and path parameters: one frozen model each, built by one parse function, for every caller.

The JSON API, `/view` and its pictures, `/api/v1/export`, the CLI (`query`,
`export`) and notebooks all read subgraph and path parameters through here, so
a limit or a cross-field rule lives in exactly one place; failures are
`InvalidArgument` or `LimitExceeded`, which the API answers as problem+json 400.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from graph.errors import InvalidArgument, LimitExceeded
from graph.model import EntityType, Predicate
from graph.store import DEFAULT_NODES, MAX_DEPTH, MAX_HOPS, MAX_K, MAX_NODES
from queries import params as p

LIST_PARAMS = frozenset({"center", "predicates", "types"})
SUBGRAPH_PARAMS = ("center", "depth", "predicates", "types", "since", "until", "limit", "min_confidence")
PATH_PARAMS = ("source", "target", "max_hops", "k", "predicates", "directed", "min_confidence")


@dataclass(frozen=True)
class Limits:
    """The bounds requests are held to (the stores' limits by default; a caller may lower them)."""

    max_depth: int = MAX_DEPTH
    max_nodes: int = MAX_NODES
    default_nodes: int = DEFAULT_NODES
    max_hops: int = MAX_HOPS
    default_hops: int = 4
    max_k: int = MAX_K
    max_centers: int = 50
    max_id_chars: int = 300


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class SubgraphParams:
    """Which part of the graph: centres (none = whole graph or the default view), depth, filters."""

    centers: tuple[str, ...] = ()
    depth: int = 1
    predicates: tuple[Predicate, ...] | None = None
    types: tuple[EntityType, ...] | None = None
    since: str | None = None
    until: str | None = None
    limit: int = DEFAULT_NODES
    min_confidence: float | None = None

    def as_params(self) -> dict[str, Any]:
        """Plain JSON values, as the named query (`subgraph.cypher` and its twin) takes them."""
        return {"center": list(self.centers), "depth": self.depth, "predicates": _values(self.predicates),
                "types": _values(self.types), "since": self.since, "until": self.until,
                "limit": self.limit, "min_confidence": self.min_confidence}

    def query(self) -> dict[str, Any]:
        """The parameters as a URL query (links from a static page back to the live view)."""
        out: dict[str, Any] = {"center": list(self.centers), "depth": self.depth}
        for name, values in (("predicates", self.predicates), ("types", self.types)):
            if values is not None:
                out[name] = ",".join(v.value for v in values)
        optional = (("since", self.since), ("until", self.until), ("min_confidence", self.min_confidence))
        out.update({k: v for k, v in optional if v is not None})
        return out


@dataclass(frozen=True)
class PathParams:
    """Two distinct ends, a hop limit, how many paths, and the edge filters."""

    source: str
    target: str
    max_hops: int = 4
    k: int = 1
    predicates: tuple[Predicate, ...] | None = None
    directed: bool = False
    min_confidence: float | None = None

    def as_params(self) -> dict[str, Any]:
        """Plain JSON values, as the named query (`paths.cypher` and its twin) takes them."""
        return {"source": self.source, "target": self.target, "max_hops": self.max_hops, "k": self.k,
                "predicates": _values(self.predicates), "directed": self.directed,
                "min_confidence": self.min_confidence}


def parse_subgraph(raw: Mapping[str, Any], limits: Limits = DEFAULT_LIMITS, *, need_center: bool = True,
                   default_limit: int | None = None) -> SubgraphParams:
    """Checked subgraph parameters from request, CLI or notebook values (lists or comma-separated)."""
    _refuse_empty(raw, SUBGRAPH_PARAMS)
    centers = _ids(raw, "center", limits)
    if need_center and not centers:
        raise InvalidArgument("parameter 'center' is required")
    since, until = p.window(raw)
    return SubgraphParams(
        centers=centers, depth=p.integer(raw, "depth", 1, 1, limits.max_depth),
        predicates=_members(raw, "predicates", Predicate), types=_members(raw, "types", EntityType),
        since=since, until=until, min_confidence=p.fraction(raw, "min_confidence"),
        limit=p.integer(raw, "limit", default_limit or limits.default_nodes, 1, limits.max_nodes))


def parse_paths(raw: Mapping[str, Any], limits: Limits = DEFAULT_LIMITS) -> PathParams:
    """Checked path parameters; `source` and `target` must differ."""
    _refuse_empty(raw, PATH_PARAMS)
    source, target = _id(raw, "source", limits), _id(raw, "target", limits)
    if source == target:
        raise InvalidArgument("source and target must differ")
    return PathParams(
        source=source, target=target, max_hops=p.integer(raw, "max_hops", limits.default_hops, 1,
                                                         limits.max_hops),
        k=p.integer(raw, "k", 1, 1, limits.max_k), predicates=_members(raw, "predicates", Predicate),
        directed=p.flag(raw, "directed"), min_confidence=p.fraction(raw, "min_confidence"))


class MultiMapping(Protocol):
    """What a request's query string offers (werkzeug's MultiDict)."""

    def getlist(self, key: str) -> list[str]: ...

    def __iter__(self) -> Iterator[str]: ...


def from_args(args: MultiMapping) -> dict[str, Any]:
    """A query string as raw values: list parameters keep every repetition, others their first value."""
    return {key: args.getlist(key) if key in LIST_PARAMS else args.getlist(key)[0] for key in args}


def _refuse_empty(raw: Mapping[str, Any], names: tuple[str, ...]) -> None:
    """`?until=` names no value: leave the parameter out instead (None and absence mean "not given")."""
    for name in names:
        if raw.get(name) == "":
            raise InvalidArgument(f"parameter '{name}' has an empty value; leave the parameter out instead")


def _values(members: tuple[Any, ...] | None) -> list[str] | None:
    return None if members is None else [m.value for m in members]


def _list(raw: Mapping[str, Any], name: str) -> list[str] | None:
    """A list given repeated or comma-separated; an empty item is refused (leave the parameter out)."""
    value = raw.get(name)
    if value is None:
        return None
    items = [value] if isinstance(value, str) else list(value)
    if not all(isinstance(item, str) for item in items):
        raise InvalidArgument(f"parameter '{name}' must be a list of strings")
    if any(not item.strip() for item in items):
        raise InvalidArgument(f"parameter '{name}' has an empty value; leave the parameter out instead")
    return [part for item in items for part in item.split(",") if part.strip()]


def _members(raw: Mapping[str, Any], name: str, enum: type[p.E]) -> tuple[p.E, ...] | None:
    """Vocabulary values (predicates, types), sorted and deduplicated; unknown ones are named."""
    items = _list(raw, name)
    if items is None:
        return None
    allowed = {member.value: member for member in enum}
    unknown = sorted(set(items) - set(allowed))
    if unknown:
        raise InvalidArgument(f"parameter '{name}' has unknown values {unknown}; allowed: {sorted(allowed)}")
    return tuple(allowed[v] for v in sorted(set(items)))


def _ids(raw: Mapping[str, Any], name: str, limits: Limits) -> tuple[str, ...]:
    """Entity ids in first-given order, each once, within the count and length limits."""
    ids = tuple(dict.fromkeys(_list(raw, name) or []))
    if len(ids) > limits.max_centers:
        raise LimitExceeded(f"parameter '{name}' has {len(ids)} ids; the limit is {limits.max_centers}")
    for value in ids:
        _check_length(name, value, limits)
    return ids


def _id(raw: Mapping[str, Any], name: str, limits: Limits) -> str:
    """One required entity id."""
    value = p.text(raw, name) or ""  # required: text() raised when it is missing
    _check_length(name, value, limits)
    return value


def _check_length(name: str, value: str, limits: Limits) -> None:
    if len(value) > limits.max_id_chars:
        raise LimitExceeded(f"parameter '{name}' is longer than {limits.max_id_chars} characters")
