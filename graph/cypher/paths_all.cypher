// Simple paths of every length up to $max_hops between two entities, for k > the shortest group.
// SHORTEST 6 GROUPS keeps every length group (6 = graph.store.MAX_HOPS) but searches bidirectionally.
// and the path predicate cuts at $max_hops; it and the no-repeated-node test sit inside
// the parenthesised pattern so they apply before the shortest selection.
// Parameters: $source, $target (ids), $max_hops, $predicates (list or null),
// $directed (bool: hops must run subject -> object), $k, $min_confidence (number or null:
// weaker relations are not crossed), $dead (ids of the source's neighbours that cannot reach
// the target without the source, from paths_dead_ends.cypher: never entered).
// Returns: nodes (ids), relations (maps); ordered by hops, node ids, relation ids; first $k.
MATCH p = SHORTEST 6 GROUPS (
  (a:Entity {id: $source})
  ((x:Entity)-[r]-(y:Entity)
    WHERE ($predicates IS NULL OR type(r) IN $predicates) AND (NOT $directed OR startNode(r) = x)
      AND ($min_confidence IS NULL OR r.confidence >= $min_confidence) AND NOT y.id IN $dead){1,6}
  (b:Entity {id: $target})
  WHERE size(r) <= $max_hops AND NOT a IN y AND all(i IN range(0, size(y) - 2) WHERE NOT y[i] IN y[i + 1..])
)
WITH [n IN nodes(p) | n.id] AS nodes, relationships(p) AS rels
RETURN nodes,
       [rel IN rels | rel {.id, .attrs, .confidence, .first_seen, .last_seen, .evidence_count,
                           subject: startNode(rel).id, object: endNode(rel).id, predicate: type(rel)}]
         AS relations
ORDER BY size(rels), nodes, [rel IN rels | rel.id]
LIMIT $k
