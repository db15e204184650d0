// Stored entities about to be merged, write-locked first (a SET takes the node's exclusive
// lock even when the value is unchanged) so a concurrent writer cannot lose our merge.
// Parameters: $ids (list of entity ids). Returns: entity (map), unordered.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
SET e.id = e.id
RETURN e {.id, .name, .type, .aliases, .external_ids, .attrs} AS entity
