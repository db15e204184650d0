// Paths, second round trip (only when the shortest group held fewer than $k paths): simple
// paths of every length up to $max_hops between two entities, first $k by (hops, node ids,
// relation ids), each with its nodes and every hop's top 3 evidence items.
// SHORTEST 6 GROUPS keeps every length group (6 = graph.store.MAX_HOPS) but searches
// bidirectionally, and the path predicate cuts at $max_hops; it and the no-repeated-node test
// sit inside the parenthesised pattern so they apply before the shortest selection.
// Parameters: $source, $target (ids, both held), $max_hops, $predicates (list or null),
//   $directed (bool: hops must run subject -> object), $k, $min_confidence (number or null:
//   weaker relations are not crossed), $dead (ids of the source's neighbours that cannot reach
//   the target without the source, from graph.neo4j.read.dead_ends: never entered).
// Returns: nodes (entity maps), hops (relation maps with source, target, predicate, forward,
//   evidence as in paths_shortest.cypher); one row per path, ordered by hops, node ids,
//   relation ids; first $k.
MATCH (a:Entity {id: $source})
MATCH (b:Entity {id: $target})
MATCH p = SHORTEST 6 GROUPS (
  (a)
  ((x:Entity)-[r]-(y:Entity)
    WHERE ($predicates IS NULL OR type(r) IN $predicates) AND (NOT $directed OR startNode(r) = x)
      AND ($min_confidence IS NULL OR r.confidence >= $min_confidence) AND NOT y.id IN $dead){1,6}
  (b)
  WHERE size(r) <= $max_hops AND NOT a IN y AND all(i IN range(0, size(y) - 2) WHERE NOT y[i] IN y[i + 1..])
)
WITH p ORDER BY length(p), [n IN nodes(p) | n.id], [rel IN relationships(p) | rel.id] LIMIT $k
CALL (p) {
  UNWIND range(0, length(p) - 1) AS i
  WITH i, relationships(p)[i] AS r, nodes(p)[i] AS here
  CALL (r) {
    MATCH (ev:Evidence {relation_id: r.id})
    WITH ev ORDER BY ev.date IS NULL, ev.date DESC, ev.article_id, ev.start, ev.end LIMIT 3
    RETURN collect(ev {.id, .article_id, .sentence, .start, .end, .date, .confidence, .provenance, .resolved})
      AS evidence
  }
  WITH i, r, here, evidence ORDER BY i
  RETURN collect(r {.id, .attrs, .first_seen, .last_seen, .evidence_count, .confidence,
                    source: startNode(r).id, target: endNode(r).id, predicate: type(r),
                    forward: startNode(r) = here, evidence: evidence}) AS hops
}
RETURN [n IN nodes(p) | n {.id, .name, .type, .aliases, .external_ids, .attrs}] AS nodes, hops
ORDER BY length(p), [n IN nodes(p) | n.id], [rel IN relationships(p) | rel.id]
