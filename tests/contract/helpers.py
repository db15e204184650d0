"""Readers shared by the contract tests: whole-store snapshots, relations by id, a path oracle."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from graph.model import Batch, Predicate, Relation
from graph.store import MAX_NODES, GraphStore


def relation(store: GraphStore, rid: str, subject: str) -> Relation:
    """A relation read back through the protocol (a subgraph around its subject)."""
    edges = {r.id: r for r in store.subgraph([subject], depth=1, limit=MAX_NODES).edges}
    return edges[rid]


def snapshot(store: GraphStore, entity_ids: Iterable[str], article_ids: Iterable[str]) -> dict[str, Any]:
    """Everything the protocol can show about these entities and articles, for before/after checks."""
    ids = sorted(entity_ids)
    held = [i for i in ids if store.get_entity(i) is not None]
    sub = store.subgraph(held, depth=1, limit=MAX_NODES) if held else None
    return {
        "counts": store.counts(),
        "entities": {i: store.get_entity(i) for i in ids},
        "articles": {a: store.get_article(a) for a in sorted(article_ids)},
        "subgraph": sub,
        "evidence": {r.id: store.evidence(r.id, limit=500) for r in (sub.edges if sub else ())},
    }


def fixture_relations(batches: Sequence[Batch]) -> dict[str, Relation]:
    """The distinct relations the batches carry (ids and ends are all the oracle needs)."""
    return {r.id: r for b in batches for r in b.relations}


def oracle_paths(
    relations: Iterable[Relation], source: str, target: str, max_hops: int, k: int,
    predicates: Sequence[Predicate] | None = None, directed: bool = False,
) -> list[tuple[tuple[str, ...], tuple[tuple[str, bool], ...]]]:
    """The contract's answer by brute force: every simple path, sorted, first k.

    Independent of both stores: enumerates all relation sequences on a tiny graph.
    """
    steps: dict[str, list[tuple[str, str, bool]]] = {}
    for r in relations:
        if predicates is not None and r.predicate not in predicates:
            continue
        steps.setdefault(r.subject, []).append((r.object, r.id, True))
        if not directed:
            steps.setdefault(r.object, []).append((r.subject, r.id, False))

    def walk(nodes: list[str], hops: list[tuple[str, bool]]) -> Iterator[tuple[Any, Any]]:
        if nodes[-1] == target:
            yield tuple(nodes), tuple(hops)
            return
        if len(hops) == max_hops:
            return
        for nxt, rid, forward in steps.get(nodes[-1], ()):
            if nxt not in nodes:
                yield from walk([*nodes, nxt], [*hops, (rid, forward)])

    found = sorted(walk([source], []), key=lambda p: (len(p[1]), p[0], [rid for rid, _ in p[1]]))
    return list(itertools.islice(found, k))


def as_ids(paths: Sequence[Any]) -> list[tuple[tuple[str, ...], tuple[tuple[str, bool], ...]]]:
    """Paths from a store reduced to (node ids, ((relation id, forward), ...))."""
    return [
        (tuple(n.id for n in p.nodes), tuple((h.relation.id, h.forward) for h in p.hops))
        for p in paths
    ]
