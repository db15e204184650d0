"""A synthetic actor graph for benchmarks: hubs, ordinary actors, dated relations with evidence.

Deterministic for a seed. A few hubs (think of the countries every group is
backed by) take a fifth of all relation ends, so subgraphs around them hit the
node limit; the rest are spread uniformly. Everything is written through the
store's own batch writes.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from dataclasses import dataclass

from graph.model import Article, Batch, Entity, EntityType, Evidence, Predicate, Relation
from graph.store import GraphStore

HUBS = 10
HUB_SHARE = 0.2
RELATIONS_PER_ARTICLE = 100
BATCH_RELATIONS = 10_000
TYPES = list(EntityType)
PREDICATES = list(Predicate)


@dataclass(frozen=True)
class Synthetic:
    """The shape of a generated graph and the ids a benchmark samples from."""

    entities: int
    relations: int
    seed: int = 7
    batch: int = BATCH_RELATIONS  # relations per store write

    def entity_id(self, i: int) -> str:
        return f"{TYPES[i % len(TYPES)].value.lower()}:synthetic-{i}"

    @property
    def hubs(self) -> list[str]:
        return [self.entity_id(i) for i in range(HUBS)]

    def ordinary(self, n: int) -> list[str]:
        """`n` non-hub ids, spread over the id range."""
        rng = random.Random(self.seed + 1)
        return [self.entity_id(rng.randrange(HUBS, self.entities)) for _ in range(n)]

    def pairs(self, n: int) -> list[tuple[str, str]]:
        """`n` pairs of distinct non-hub ids, for paths."""
        rng = random.Random(self.seed + 2)
        out = []
        while len(out) < n:
            a, b = rng.randrange(HUBS, self.entities), rng.randrange(HUBS, self.entities)
            if a != b:
                out.append((self.entity_id(a), self.entity_id(b)))
        return out


def _entities(spec: Synthetic) -> Iterator[Batch]:
    for start in range(0, spec.entities, spec.batch):
        stop = min(start + spec.batch, spec.entities)
        ents = tuple(Entity(spec.entity_id(i), f"Synthetic actor {i}", TYPES[i % len(TYPES)],
                            aliases=(f"SA{i}",)) for i in range(start, stop))
        yield Batch(entities=ents)


def _end(rng: random.Random, spec: Synthetic) -> int:
    return rng.randrange(HUBS) if rng.random() < HUB_SHARE else rng.randrange(HUBS, spec.entities)


def _relations(spec: Synthetic) -> Iterator[Batch]:
    rng = random.Random(spec.seed)
    for start in range(0, spec.relations, spec.batch):
        count = min(spec.batch, spec.relations - start)
        articles, relations = [], []
        for a in range(start // RELATIONS_PER_ARTICLE, (start + count) // RELATIONS_PER_ARTICLE):
            day = f"20{rng.randrange(15, 25)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            articles.append(Article(f"synthetic-article-{a}", "synthetic", title=f"Article {a}",
                                    published=day))
        for j in range(count):
            article = articles[j // RELATIONS_PER_ARTICLE]
            s, o = _end(rng, spec), _end(rng, spec)
            while o == s or (s < HUBS and o < HUBS):  # hub-to-hub facts would merge into few ids
                o = _end(rng, spec)
            sentence = f"Synthetic actor {s} and synthetic actor {o} were reported together."
            ev = Evidence(article.id, sentence, j * 80, j * 80 + len(sentence), date=article.published,
                          confidence=round(rng.uniform(0.3, 1.0), 2))
            relations.append(Relation(spec.entity_id(s), rng.choice(PREDICATES), spec.entity_id(o),
                                      evidence=(ev,)))
        yield Batch(articles=tuple(articles), relations=tuple(relations))


def populate(store: GraphStore, spec: Synthetic) -> float:
    """Write the graph (entities first, then relations in batches); return the seconds taken."""
    started = time.perf_counter()
    store.ensure_schema()
    for batch in _entities(spec):
        store.write(batch)
    for batch in _relations(spec):
        store.write(batch)
    return time.perf_counter() - started


def holds(store: GraphStore, spec: Synthetic) -> bool:
    """Whether the store already holds this graph (so a rerun can skip generating it)."""
    counts = store.counts()
    held = sum(counts.relations.values())
    return sum(counts.entities.values()) == spec.entities and held >= spec.relations * 0.99
