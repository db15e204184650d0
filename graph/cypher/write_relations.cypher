// Upsert relations by stable id; properties already merged by the writer.
// The relationship type is dynamic but comes only from the Predicate enum, checked in Python.
// On 5.26 `MERGE (s)-[:$(...)]->(o)` is planned as a scan of all relationships, so the
// existing relation is looked up between its index-anchored ends, written as one pattern
// (which keeps the planner on Expand(Into) even on an empty database; re-matching bound
// nodes would not), and only a missing one is created. This check-then-create is safe
// because the writer holds write locks on both ends first (write_lock_entities.cypher).
// Aggregates are recomputed afterwards by write_aggregates.cypher.
// Parameters: $rows (list of {id, subject, object, predicate, props}). Returns: nothing.
UNWIND $rows AS row
OPTIONAL MATCH (:Entity {id: row.subject})-[old {id: row.id}]->(:Entity {id: row.object})
FOREACH (_ IN CASE WHEN old IS NULL THEN [] ELSE [1] END | SET old = row.props)
WITH row, old
WHERE old IS NULL
MATCH (s:Entity {id: row.subject})
MATCH (o:Entity {id: row.object})
CREATE (s)-[r:$(row.predicate)]->(o)
SET r = row.props
