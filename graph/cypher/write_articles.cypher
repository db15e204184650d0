// Upsert articles by id; every metadata property is replaced (the body is not stored).
// Parameters: $rows (list of {id, props}). Returns: nothing.
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a = row.props
