// Paths, first (usually only) round trip: the simple paths of the shortest length group between
// two entities (SHORTEST 1 GROUPS), first $k by (hops, node ids, relation ids), each with its
// nodes and every hop's top 3 evidence items, in one statement. Neo4jStore.paths is done when
// this gives no row with nodes (no path) or $k rows; otherwise it prunes dead ends and runs
// paths_all.cypher for longer paths.
// Every walk of the shortest length is a simple path (a repeated node could be cut out), so
// the search carries no path predicate and stays a plain bidirectional breadth-first search
// (a path predicate makes the planner enumerate paths: seconds around hubs). Hop bounds
// cannot be parameters: the pattern allows 1..6 hops (graph.store.MAX_HOPS) and the shortest
// group is dropped when longer than $max_hops (then no shorter one exists either).
// Parameters: $source, $target (ids), $max_hops, $predicates (list or null),
//   $directed (bool: hops must run subject -> object), $k, $min_confidence (number or null:
//   weaker relations are not crossed).
// Returns: missing (unknown ids among source/target), nodes (entity maps), hops (relation maps
//   with source, target, predicate, forward, evidence: newest first, undated last, then article
//   id, start, end); one row per path ordered by hops, node ids, relation ids; one row with
//   nodes = null when no path joins them.
OPTIONAL MATCH (a:Entity {id: $source})
OPTIONAL MATCH (b:Entity {id: $target})
WITH a, b, [id IN [$source, $target] WHERE NOT EXISTS { MATCH (:Entity {id: id}) }] AS missing
OPTIONAL CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH p = SHORTEST 1 GROUPS (a)
    ((x:Entity)-[r]-(y:Entity)
      WHERE ($predicates IS NULL OR type(r) IN $predicates) AND (NOT $directed OR startNode(r) = x)
        AND ($min_confidence IS NULL OR r.confidence >= $min_confidence)){1,6}
    (b)
  WITH p WHERE length(p) <= $max_hops
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
