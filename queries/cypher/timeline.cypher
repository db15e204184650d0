// Timeline: one page of an entity's relations in the order they were first seen.
// Parameters: $id (entity id), $predicates (list or null), $since, $until (ISO dates or
//   null: keep relations whose seen-range overlaps; undated relations pass), $min_confidence
//   (number or null: weaker relations are left out), $offset, $limit.
// Returns: direction ('out' | 'in'), relation (map with source, target, predicate and
//   aggregates), neighbor (entity map); one row of nulls when the page is empty; no rows
//   for an unknown id.
// Order: first_seen (undated last), relation id, direction.
MATCH (e:Entity {id: $id})
OPTIONAL CALL (e) {
  CALL (e) {
    MATCH (e)-[r]->(n:Entity)
    RETURN 'out' AS direction, r, e AS s, n AS o, n
    UNION ALL
    MATCH (e)<-[r]-(n:Entity)
    RETURN 'in' AS direction, r, n AS s, e AS o, n
  }
  WITH direction, r, s, o, n
  WHERE ($predicates IS NULL OR type(r) IN $predicates)
    AND ($since IS NULL OR r.last_seen IS NULL OR r.last_seen >= $since)
    AND ($until IS NULL OR r.first_seen IS NULL OR r.first_seen <= $until)
    AND ($min_confidence IS NULL OR r.confidence >= $min_confidence)
  RETURN direction, r, s, o, n
  ORDER BY r.first_seen IS NULL, r.first_seen, r.id, direction
  SKIP $offset LIMIT $limit
}
RETURN direction,
       CASE WHEN r IS NULL THEN null ELSE r {.id, .attrs, .first_seen, .last_seen, .evidence_count,
         .confidence, source: s.id, target: o.id, predicate: type(r)} END AS relation,
       CASE WHEN n IS NULL THEN null ELSE n {.id, .name, .type, .aliases, .external_ids, .attrs} END
         AS neighbor
