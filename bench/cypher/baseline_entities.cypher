// Bench baseline: entities by id on the entity_id constraint, type label from the row
// (built from the EntityType enum by the bench). Parameters: $rows (list of {id, label, props}).
// Returns: nothing.
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e += row.props
SET e:$(row.label)
