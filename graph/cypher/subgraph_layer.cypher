// One breadth-first layer: new neighbours of the frontier over eligible edges, either way.
// An edge is eligible when its predicate is allowed (all when $predicates is null) and its
// dates overlap the window; undated edges pass. Relationships to articles never match
// (both ends are :Entity).
// Parameters: $frontier, $seen (entity ids), $predicates, $types (lists or null),
// $since, $until (ISO strings or null), $min_confidence (number or null: weaker relations
// are not crossed), $room (how many nodes may still enter).
// Returns: id of up to $room + 1 new nodes, ordered by id (one more tells "truncated").
UNWIND $frontier AS fid
MATCH (:Entity {id: fid})-[r]-(m:Entity)
WHERE ($predicates IS NULL OR type(r) IN $predicates)
  AND ($since IS NULL OR r.last_seen IS NULL OR r.last_seen >= $since)
  AND ($until IS NULL OR r.first_seen IS NULL OR r.first_seen <= $until)
  AND ($min_confidence IS NULL OR r.confidence >= $min_confidence)
  AND ($types IS NULL OR m.type IN $types)
  AND NOT m.id IN $seen
RETURN DISTINCT m.id AS id
ORDER BY id
LIMIT $room + 1
