// Neighbours: one page of an entity's relations with the entity at the other end.
// Parameters: $id (entity id), $predicates (list or null), $direction ('out', 'in' or
//   'both'), $min_confidence (number or null: weaker relations are left out), $offset, $limit.
// Returns: direction ('out' | 'in'), relation (map with source, target, predicate and
//   aggregates), neighbor (entity map); one row per relation and direction (a self-loop
//   appears as both); one row of nulls when the page is empty; no rows for an unknown id.
// Order: predicate, neighbour id, relation id, direction.
MATCH (e:Entity {id: $id})
OPTIONAL CALL (e) {
  CALL (e) {
    MATCH (e)-[r]->(n:Entity) WHERE $direction IN ['out', 'both']
    RETURN 'out' AS direction, r, e AS s, n AS o, n
    UNION ALL
    MATCH (e)<-[r]-(n:Entity) WHERE $direction IN ['in', 'both']
    RETURN 'in' AS direction, r, n AS s, e AS o, n
  }
  WITH direction, r, s, o, n
  WHERE ($predicates IS NULL OR type(r) IN $predicates)
    AND ($min_confidence IS NULL OR r.confidence >= $min_confidence)
  RETURN direction, r, s, o, n
  ORDER BY type(r), n.id, r.id, direction
  SKIP $offset LIMIT $limit
}
RETURN direction,
       CASE WHEN r IS NULL THEN null ELSE r {.id, .attrs, .first_seen, .last_seen, .evidence_count,
         .confidence, source: s.id, target: o.id, predicate: type(r)} END AS relation,
       CASE WHEN n IS NULL THEN null ELSE n {.id, .name, .type, .aliases, .external_ids, .attrs} END
         AS neighbor
