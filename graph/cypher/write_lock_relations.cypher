// Stored relations about to be merged, write-locked, with their attributes (JSON).
// The relation id encodes its predicate, so the pattern needs no type.
// Parameters: $rows (list of {id, subject, object}). Returns: id, attrs (JSON string), unordered.
UNWIND $rows AS row
MATCH (:Entity {id: row.subject})-[r {id: row.id}]->(:Entity {id: row.object})
SET r.id = r.id
RETURN r.id AS id, r.attrs AS attrs
