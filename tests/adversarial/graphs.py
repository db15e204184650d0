"""Hostile graphs for the adversarial suite, written through the stores' own batch writes.

`clique_hub`: the graph of issue 12 — a 100-person clique of MET_WITH relations
around the source s, a path s–m–t, and t linked to a hub with 25,000 leaves
(about 25,100 nodes and 30,000 relations). It stalled the server for 53 s on
one paths request and pinned a CPU for minutes on betweenness.
"""

from __future__ import annotations

from collections.abc import Iterator

from graph.model import Article, Batch, Entity, EntityType, Evidence, Predicate, Relation
from graph.store import GraphStore

CLIQUE = 100
LEAVES = 25_000
# Writing 25,000 relations onto one hub takes minutes on the test Neo4j (each relationship
# MERGE on a dense node is slow there), so the Neo4j variant hangs fewer leaves on the hub:
# the clique, the only path and the hub are the same.
NEO4J_LEAVES = 2_000
BATCH = 10_000
SOURCE = "person:clique-0"
MIDDLE = "person:middle"
TARGET = "person:target"
HUB = "organization:hub"
ARTICLE = Article("adversarial-clique-hub", "adversarial", title="A dense clique and a hub",
                  published="2024-01-01")


def _person(i: int) -> Entity:
    return Entity(f"person:clique-{i}", f"Clique member {i}", EntityType.PERSON)


def _rel(s: str, p: Predicate, o: str, n: int) -> Relation:
    sentence = f"{s} and {o} were reported together."
    ev = Evidence(ARTICLE.id, sentence, n * 64, n * 64 + len(sentence), date="2024-01-01", confidence=0.8)
    return Relation(s, p, o, evidence=(ev,))


def _relations(leaves: int) -> Iterator[Relation]:
    n = 0
    for i in range(CLIQUE):
        for j in range(i + 1, CLIQUE):
            n += 1
            yield _rel(f"person:clique-{i}", Predicate.MET_WITH, f"person:clique-{j}", n)
    yield _rel(SOURCE, Predicate.MET_WITH, MIDDLE, n + 1)
    yield _rel(MIDDLE, Predicate.MET_WITH, TARGET, n + 2)
    yield _rel(TARGET, Predicate.LEADS, HUB, n + 3)
    for leaf in range(leaves):
        yield _rel(f"person:leaf-{leaf}", Predicate.PART_OF, HUB, n + 4 + leaf)


def _entities(leaves: int) -> list[Entity]:
    people = [_person(i) for i in range(CLIQUE)]
    people += [Entity(MIDDLE, "Middle", EntityType.PERSON), Entity(TARGET, "Target", EntityType.PERSON),
               Entity(HUB, "Hub", EntityType.ORGANIZATION)]
    people += [Entity(f"person:leaf-{i}", f"Leaf {i}", EntityType.PERSON) for i in range(leaves)]
    return people


def _chunks(items: list[object], size: int) -> Iterator[list[object]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def write_clique_hub(store: GraphStore, leaves: int = LEAVES) -> None:
    """Write the clique-plus-hub graph in batches of BATCH entities or relations."""
    store.ensure_schema()
    store.write(Batch(articles=(ARTICLE,)))
    for chunk in _chunks(list(_entities(leaves)), BATCH):
        store.write(Batch(entities=tuple(chunk)))  # type: ignore[arg-type]
    for chunk in _chunks(list(_relations(leaves)), BATCH):
        store.write(Batch(relations=tuple(chunk)))  # type: ignore[arg-type]

