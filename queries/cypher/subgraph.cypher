// Subgraph: the neighbourhood of one or more centre entities, cut at a node limit.
// Same answer as GraphStore.subgraph (docs/store-contract.md): a node's layer is its
// shortest distance from any centre over eligible relations (either direction) through
// nodes of allowed types; nodes enter by (layer, centre order, id) and the first $limit stay.
// Hop bounds cannot be parameters: the pattern allows 1..3 hops (graph.store.MAX_DEPTH) and
// cuts at $depth. The API answers through the store method, which expands layer by layer
// and stops at the limit; this file is for notebooks and Neo4j Browser.
// Parameters: $center (list of ids), $depth (1..3), $predicates, $types (lists or null),
//   $since, $until (ISO dates or null: keep relations whose seen-range overlaps), $limit,
//   $min_confidence (number or null: weaker relations are neither crossed nor returned).
// Returns one row: missing (unknown centre ids), nodes (entity maps, entry order),
//   edges (relation maps with source/target/predicate, by relation id), truncated (bool).
UNWIND range(0, size($center) - 1) AS pos
OPTIONAL MATCH (c:Entity {id: $center[pos]})
WITH collect(CASE WHEN c IS NULL THEN null ELSE {node: c, layer: 0, pos: pos} END) AS starts,
     [i IN range(0, size($center) - 1) WHERE NOT EXISTS { MATCH (:Entity {id: $center[i]}) } | $center[i]]
       AS missing
CALL (starts) {
  UNWIND starts AS start
  WITH start.node AS c
  MATCH p = ANY SHORTEST (
    (c)
    ((x:Entity)-[r]-(y:Entity)
      WHERE ($predicates IS NULL OR type(r) IN $predicates)
        AND ($since IS NULL OR r.last_seen IS NULL OR r.last_seen >= $since)
        AND ($until IS NULL OR r.first_seen IS NULL OR r.first_seen <= $until)
        AND ($min_confidence IS NULL OR r.confidence >= $min_confidence)
        AND ($types IS NULL OR y.type IN $types OR y.id IN $center)){1,3}
    (m:Entity)
    WHERE size(r) <= $depth
  )
  WHERE NOT m.id IN $center
  WITH m, min(length(p)) AS layer
  RETURN collect({node: m, layer: layer, pos: 0}) AS reached
}
UNWIND starts + reached AS item
WITH missing, item ORDER BY item.layer, item.pos, item.node.id
WITH missing, collect(item.node) AS ordered
WITH missing, ordered[0..$limit] AS kept, size(ordered) > $limit AS truncated
CALL (kept) {
  UNWIND kept AS s
  MATCH (s)-[r]->(o:Entity)
  WHERE o IN kept
    AND ($predicates IS NULL OR type(r) IN $predicates)
    AND ($since IS NULL OR r.last_seen IS NULL OR r.last_seen >= $since)
    AND ($until IS NULL OR r.first_seen IS NULL OR r.first_seen <= $until)
    AND ($min_confidence IS NULL OR r.confidence >= $min_confidence)
  WITH s, r, o ORDER BY r.id
  RETURN collect(r {.id, .attrs, .first_seen, .last_seen, .evidence_count, .confidence,
                    source: s.id, target: o.id, predicate: type(r)}) AS edges
}
RETURN missing,
       [n IN kept | n {.id, .name, .type, .aliases, .external_ids, .attrs}] AS nodes,
       edges, truncated
