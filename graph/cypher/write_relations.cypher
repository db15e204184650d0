// Upsert relations by stable id; properties already merged by the writer.
// The relationship type is dynamic but comes only from the Predicate enum, checked in Python.
// On 5.26 `MERGE (s)-[:$(...)]->(o)` is planned as a scan of all relationships, so the
// existing relation is looked up by expanding from its subject (the id implies the type)
// and only a missing one is created. Aggregates are recomputed by write_aggregates.cypher.
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
