// Resolution candidates of a whole batch of keys in one round trip (graph/neo4j/names.py).
// Ids seek the entity_id constraint. Names and words seek the entity_norm_blob text index:
// norm_blob holds every normalised name between newlines, so a name is exact when the blob
// contains it newline-framed ($names[].needle), and a word key keeps the entities one of
// whose names splits into that word (the hint keeps the planner off the type index, whose
// cost grows with the store). At most $cap rows per key: $cap rows mean "common".
// Parameters: $ids (list of {i, text}), $names (list of {i, needle, type}),
//             $tokens (list of {i, text, type}), $cap (int).
// Returns: i (the key's index), entity (map); unordered.
CALL () {
  UNWIND $ids AS key
  MATCH (e:Entity {id: key.text})
  RETURN key.i AS i, e
  UNION ALL
  UNWIND $names AS key
  CALL (key) {
    MATCH (e:Entity) USING TEXT INDEX e:Entity(norm_blob)
    WHERE e.norm_blob CONTAINS key.needle AND e.type = key.type
    RETURN e LIMIT $cap
  }
  RETURN key.i AS i, e
  UNION ALL
  UNWIND $tokens AS key
  CALL (key) {
    MATCH (e:Entity) USING TEXT INDEX e:Entity(norm_blob)
    WHERE e.norm_blob CONTAINS key.text AND e.type = key.type
      AND any(n IN e.norm_names WHERE key.text IN split(n, ' '))
    RETURN e LIMIT $cap
  }
  RETURN key.i AS i, e
}
RETURN i, e {.id, .name, .type, .aliases, .external_ids, .attrs} AS entity
