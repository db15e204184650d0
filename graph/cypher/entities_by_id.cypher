// Entities by id.
// Parameters: $ids (list of entity ids). Returns: entity (map), unordered.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e {.id, .name, .type, .aliases, .external_ids, .attrs} AS entity
