// Stored relations of ONE predicate about to be rewritten, write-locked, with their attributes
// (JSON) and aggregates, so the writer can merge attrs and add new evidence incrementally.
// TEMPLATE: the relationship type placeholder is replaced by `neo4j_write.typed()` with a Predicate enum member only;
// the static type lets the planner seek the per-predicate relationship index on `id`
// (an untyped `[r {id: ...}]` pattern expands every relationship of the end nodes instead).
// Parameters: $ids (list of relation ids).
// Returns: id, attrs (JSON string), confidence, first_seen, last_seen, evidence_count; unordered.
UNWIND $ids AS id
MATCH ()-[r:__TYPE__ {id: id}]->()
SET r.id = r.id
RETURN r.id AS id, r.attrs AS attrs, r.confidence AS confidence, r.first_seen AS first_seen,
       r.last_seen AS last_seen, r.evidence_count AS evidence_count
