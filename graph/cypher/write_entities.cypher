// Upsert entities by id with properties already merged by the writer (Entity.merged).
// The type label is dynamic but comes only from the EntityType enum, checked in Python.
// Parameters: $rows (list of {id, label, props}). Returns: nothing.
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e = row.props
SET e:$(row.label)
