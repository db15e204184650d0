// Actor profile: one entity with its relation counts by predicate (both directions) and
// the earliest first_seen / latest last_seen of its relations per predicate.
// Parameters: $id (entity id), $min_confidence (number or null: weaker relations are left out).
// Returns one row (none when the id is unknown): entity (map: id, name, type, aliases,
//   external_ids, attrs), counts (list of {predicate, relations, first_seen, last_seen},
//   by predicate; a self-loop counts once).
MATCH (e:Entity {id: $id})
CALL (e) {
  OPTIONAL MATCH (e)-[r]-(:Entity)
  WHERE $min_confidence IS NULL OR r.confidence >= $min_confidence
  WITH DISTINCT r
  WITH type(r) AS predicate, count(r) AS relations, min(r.first_seen) AS first_seen,
       max(r.last_seen) AS last_seen
  ORDER BY predicate
  RETURN collect({predicate: predicate, relations: relations, first_seen: first_seen,
                  last_seen: last_seen}) AS counts
}
RETURN e {.id, .name, .type, .aliases, .external_ids, .attrs} AS entity, counts
