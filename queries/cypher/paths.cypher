// Paths: the k shortest simple paths (no repeated node) of at most $max_hops hops between two
// entities, ordered by (hops, node ids, relation ids); k=1 is the shortest path, a large k
// with $max_hops lists all simple paths. Each hop is explained: predicate, direction, dates,
// and its top 3 evidence sentences (newest first, undated last, then article id, start, end).
// Hop bounds cannot be parameters: the pattern allows 1..6 hops (graph.store.MAX_HOPS) and
// cuts at $max_hops inside the parenthesised pattern, before the shortest selection.
// Parameters: $source, $target (ids), $max_hops (1..6), $k (1..10), $predicates (list or
//   null), $directed (bool: every hop runs subject -> object), $min_confidence (number or
//   null: weaker relations are not crossed).
// Returns: missing (unknown ids among source/target), nodes (entity maps), hops (relation
//   maps with source, target, predicate, forward, evidence); one row per path, first $k; one
//   row with nodes = null when no path joins them.
OPTIONAL MATCH (a:Entity {id: $source})
OPTIONAL MATCH (b:Entity {id: $target})
WITH a, b, [id IN [$source, $target] WHERE NOT EXISTS { MATCH (:Entity {id: id}) }] AS missing
OPTIONAL CALL (a, b) {
  MATCH p = SHORTEST 6 GROUPS (
    (a)
    ((x:Entity)-[r]-(y:Entity)
      WHERE ($predicates IS NULL OR type(r) IN $predicates) AND (NOT $directed OR startNode(r) = x)
      AND ($min_confidence IS NULL OR r.confidence >= $min_confidence)){1,6}
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
  RETURN [n IN nodes(p) | n {.id, .name, .type, .aliases, .external_ids, .attrs}] AS nodes, hops,
         length(p) AS hop_count, [n IN nodes(p) | n.id] AS ids, [rel IN relationships(p) | rel.id] AS rels
}
RETURN missing, nodes, hops
ORDER BY hop_count, ids, rels
