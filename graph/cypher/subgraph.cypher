// Subgraph: the neighbourhood of one or more centre entities, cut at a node limit, in ONE
// statement (one round trip): Neo4jStore.subgraph runs this file, and notebooks run the same
// text as queries/cypher/subgraph.cypher (a link to this file), so both give one answer
// (docs/store-contract.md). Breadth-first: the centres enter in the given order (duplicates
// once), then each layer's new neighbours over eligible relations (either direction) through
// nodes of allowed types, by id, while room is left; a layer that does not fit is cut and
// ends the search (truncated). Layers are spelled out up to 3 (graph.store.MAX_DEPTH) because
// a loop cannot be a parameter; $depth switches the later ones off. Each layer keeps at most
// $limit + 1 candidates (a Top-N by id), so a hub costs its expansion and no more.
// A relation is eligible when its predicate is allowed ($predicates null = all), its seen-range
// overlaps $since..$until (undated ones pass) and its confidence reaches $min_confidence.
// Parameters: $center (list of ids), $depth (1..3), $predicates, $types (lists or null),
//   $since, $until (ISO dates or null), $limit (1..2000), $min_confidence (number or null).
// Returns one row: missing (unknown centre ids, in the given order), nodes (entity maps, entry
//   order), edges (relation maps with source/target/predicate between entered nodes, by
//   relation id), truncated (bool).
WITH [i IN range(0, size($center) - 1) WHERE NOT $center[i] IN $center[0..i] | $center[i]] AS ids
WITH ids, [id IN ids WHERE NOT EXISTS { MATCH (:Entity {id: id}) }] AS missing
CALL (ids) {
  UNWIND range(0, size(ids) - 1) AS i
  MATCH (c:Entity {id: ids[i]})
  WITH c ORDER BY i
  RETURN collect(c) AS centres
}
WITH missing, centres[0..$limit] AS seen0, size(centres) > $limit AS cut0
CALL (seen0, cut0) {
  WITH seen0 WHERE $depth >= 1 AND NOT cut0
  UNWIND seen0 AS f
  MATCH (f)-[r]-(m:Entity)
  WHERE ($predicates IS NULL OR type(r) IN $predicates)
    AND ($since IS NULL OR r.last_seen IS NULL OR r.last_seen >= $since)
    AND ($until IS NULL OR r.first_seen IS NULL OR r.first_seen <= $until)
    AND ($min_confidence IS NULL OR r.confidence >= $min_confidence)
    AND ($types IS NULL OR m.type IN $types) AND NOT m IN seen0
  WITH DISTINCT m
  WITH m ORDER BY m.id LIMIT $limit + 1
  RETURN collect(m) AS found1
}
WITH missing, seen0, cut0, found1, $limit - size(seen0) AS room1
WITH missing, found1[0..room1] AS layer1, seen0 + found1[0..room1] AS seen1,
     cut0 OR size(found1) > room1 AS cut1
CALL (layer1, seen1, cut1) {
  WITH layer1, seen1 WHERE $depth >= 2 AND NOT cut1
  UNWIND layer1 AS f
  MATCH (f)-[r]-(m:Entity)
  WHERE ($predicates IS NULL OR type(r) IN $predicates)
    AND ($since IS NULL OR r.last_seen IS NULL OR r.last_seen >= $since)
    AND ($until IS NULL OR r.first_seen IS NULL OR r.first_seen <= $until)
    AND ($min_confidence IS NULL OR r.confidence >= $min_confidence)
    AND ($types IS NULL OR m.type IN $types) AND NOT m IN seen1
  WITH DISTINCT m
  WITH m ORDER BY m.id LIMIT $limit + 1
  RETURN collect(m) AS found2
}
WITH missing, seen1, cut1, found2, $limit - size(seen1) AS room2
WITH missing, found2[0..room2] AS layer2, seen1 + found2[0..room2] AS seen2,
     cut1 OR size(found2) > room2 AS cut2
CALL (layer2, seen2, cut2) {
  WITH layer2, seen2 WHERE $depth >= 3 AND NOT cut2
  UNWIND layer2 AS f
  MATCH (f)-[r]-(m:Entity)
  WHERE ($predicates IS NULL OR type(r) IN $predicates)
    AND ($since IS NULL OR r.last_seen IS NULL OR r.last_seen >= $since)
    AND ($until IS NULL OR r.first_seen IS NULL OR r.first_seen <= $until)
    AND ($min_confidence IS NULL OR r.confidence >= $min_confidence)
    AND ($types IS NULL OR m.type IN $types) AND NOT m IN seen2
  WITH DISTINCT m
  WITH m ORDER BY m.id LIMIT $limit + 1
  RETURN collect(m) AS found3
}
WITH missing, seen2, cut2, found3, $limit - size(seen2) AS room3
WITH missing, seen2 + found3[0..room3] AS kept, cut2 OR size(found3) > room3 AS truncated
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
