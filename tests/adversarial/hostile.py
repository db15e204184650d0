"""One article's worth of hostile data: names XML forbids, spreadsheet formulas, ids with `/`."""

from __future__ import annotations

from graph.model import Article, Batch, Entity, EntityType, Evidence, Predicate, Relation

ARTICLE = Article("guid:https://example.org/feed/item/7", "hostile-feed", title="Hostile names",
                  published="2024-03-01", url="https://example.org/feed/item/7")
BAD_XML = "Bad\ufffeName\x01"  # U+FFFE and a C0 control: both forbidden in XML 1.0
FORMULAS = ("=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)")
SLASHED = "organization:un/office-of-the-envoy"
BAD_ID = "person:bad-name"
SENTENCE = f"{BAD_XML} met the {SLASHED} envoy."


def _entities() -> tuple[Entity, ...]:
    ents = [Entity(BAD_ID, BAD_XML, EntityType.PERSON, aliases=(f"alias{BAD_XML}",)),
            Entity(SLASHED, "Office of the Envoy", EntityType.ORGANIZATION)]
    ents += [Entity(f"person:formula-{i}", name, EntityType.PERSON) for i, name in enumerate(FORMULAS)]
    return tuple(ents)


def _relations() -> tuple[Relation, ...]:
    ev = Evidence(ARTICLE.id, SENTENCE, 0, len(SENTENCE), date="2024-03-01", confidence=0.9)
    rels = [Relation(BAD_ID, Predicate.MET_WITH, SLASHED, evidence=(ev,))]
    rels += [Relation(f"person:formula-{i}", Predicate.MET_WITH, BAD_ID, evidence=(ev,))
             for i in range(len(FORMULAS))]
    return tuple(rels)


HOSTILE_BATCH = Batch((ARTICLE,), _entities(), _relations(),
                      tuple((ARTICLE.id, e.id) for e in _entities()))
