// Stored entities about to be merged, and every stored relation end, write-locked first
// (a SET takes the node's exclusive lock even when the value is unchanged): a concurrent
// writer can then neither lose our merge nor create the same relation twice.
// Parameters: $ids (list of entity ids). Returns: entity (map), unordered.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
SET e.id = e.id
RETURN e {.id, .name, .type, .aliases, .external_ids, .attrs} AS entity
