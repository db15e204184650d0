// Delete the given relations when no evidence is left for them.
// Parameters: $rows (list of {id, subject, object}). Returns: subject, object of each deleted relation.
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})-[r {id: row.id}]->(o:Entity {id: row.object})
WHERE NOT EXISTS { MATCH (:Evidence {relation_id: row.id}) }
DELETE r
RETURN s.id AS subject, o.id AS object
