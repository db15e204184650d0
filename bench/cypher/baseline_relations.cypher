// Bench baseline: relations between entities found through the entity_id constraint; the
// relationship type comes from the Predicate enum. Create-if-missing by expanding from the
// subject (a dynamic-type MERGE is planned as a relationship scan on 5.26). `SET r = ...`, not
// `+=`: with `+=` the planner picked a plan 200x slower inside the write transaction.
// Parameters: $rows (list of {id, subject, object, predicate, props}). Returns: nothing.
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})
MATCH (o:Entity {id: row.object})
OPTIONAL MATCH (s)-[old {id: row.id}]->(o)
FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END |
  CREATE (s)-[:$(row.predicate) {id: row.id}]->(o))
WITH s, o, row
MATCH (s)-[r {id: row.id}]->(o)
SET r = row.props
