// Bench baseline: relations of all predicates in one statement (bench/ingest.py's form).
// A dynamic-type MERGE is a scan of every relationship on 5.26, so the held relation is looked
// up between its index-anchored ends in one pattern (Expand(Into)), and only a missing one is
// created with the type from the row (built from the Predicate enum by the bench). The faster
// form with a static type per predicate is baseline_relations_by_type.cypher (bench/store.py).
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
