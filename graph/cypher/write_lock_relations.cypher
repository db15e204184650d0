// Stored relations about to be rewritten, write-locked, with their attributes (JSON) and
// aggregates, so the writer merges attrs and adds new evidence incrementally.
// One subquery per predicate with a STATIC type, so each is a seek of that predicate's
// relationship index on `id` (an untyped `[r {id: ...}]` expands every relationship of the
// end nodes instead). Every Predicate member has its block (tests/test_neo4j_write.py).
// Parameters: $ids (map: predicate -> list of relation ids).
// Returns: id, attrs (JSON string), confidence, first_seen, last_seen, evidence_count; unordered.
UNWIND coalesce($ids.BACKED_BY, []) AS id
MATCH ()-[r:BACKED_BY {id: id}]->()
SET r.id = r.id
RETURN r.id AS id, r.attrs AS attrs, r.confidence AS confidence, r.first_seen AS first_seen,
       r.last_seen AS last_seen, r.evidence_count AS evidence_count
UNION ALL
UNWIND coalesce($ids.LEADS, []) AS id
MATCH ()-[r:LEADS {id: id}]->()
SET r.id = r.id
RETURN r.id AS id, r.attrs AS attrs, r.confidence AS confidence, r.first_seen AS first_seen,
       r.last_seen AS last_seen, r.evidence_count AS evidence_count
UNION ALL
UNWIND coalesce($ids.MEMBER_OF, []) AS id
MATCH ()-[r:MEMBER_OF {id: id}]->()
SET r.id = r.id
RETURN r.id AS id, r.attrs AS attrs, r.confidence AS confidence, r.first_seen AS first_seen,
       r.last_seen AS last_seen, r.evidence_count AS evidence_count
UNION ALL
UNWIND coalesce($ids.PART_OF, []) AS id
MATCH ()-[r:PART_OF {id: id}]->()
SET r.id = r.id
RETURN r.id AS id, r.attrs AS attrs, r.confidence AS confidence, r.first_seen AS first_seen,
       r.last_seen AS last_seen, r.evidence_count AS evidence_count
UNION ALL
UNWIND coalesce($ids.SPOKESPERSON_FOR, []) AS id
MATCH ()-[r:SPOKESPERSON_FOR {id: id}]->()
SET r.id = r.id
RETURN r.id AS id, r.attrs AS attrs, r.confidence AS confidence, r.first_seen AS first_seen,
       r.last_seen AS last_seen, r.evidence_count AS evidence_count
UNION ALL
UNWIND coalesce($ids.HOLDS_OFFICE, []) AS id
MATCH ()-[r:HOLDS_OFFICE {id: id}]->()
SET r.id = r.id
RETURN r.id AS id, r.attrs AS attrs, r.confidence AS confidence, r.first_seen AS first_seen,
       r.last_seen AS last_seen, r.evidence_count AS evidence_count
UNION ALL
UNWIND coalesce($ids.WON_SEATS, []) AS id
MATCH ()-[r:WON_SEATS {id: id}]->()
SET r.id = r.id
RETURN r.id AS id, r.attrs AS attrs, r.confidence AS confidence, r.first_seen AS first_seen,
       r.last_seen AS last_seen, r.evidence_count AS evidence_count
UNION ALL
UNWIND coalesce($ids.TARGETED, []) AS id
MATCH ()-[r:TARGETED {id: id}]->()
SET r.id = r.id
RETURN r.id AS id, r.attrs AS attrs, r.confidence AS confidence, r.first_seen AS first_seen,
       r.last_seen AS last_seen, r.evidence_count AS evidence_count
UNION ALL
UNWIND coalesce($ids.PERPETRATED, []) AS id
MATCH ()-[r:PERPETRATED {id: id}]->()
SET r.id = r.id
RETURN r.id AS id, r.attrs AS attrs, r.confidence AS confidence, r.first_seen AS first_seen,
       r.last_seen AS last_seen, r.evidence_count AS evidence_count
UNION ALL
UNWIND coalesce($ids.CONDEMNED, []) AS id
MATCH ()-[r:CONDEMNED {id: id}]->()
SET r.id = r.id
RETURN r.id AS id, r.attrs AS attrs, r.confidence AS confidence, r.first_seen AS first_seen,
       r.last_seen AS last_seen, r.evidence_count AS evidence_count
UNION ALL
UNWIND coalesce($ids.BLAMED, []) AS id
MATCH ()-[r:BLAMED {id: id}]->()
SET r.id = r.id
RETURN r.id AS id, r.attrs AS attrs, r.confidence AS confidence, r.first_seen AS first_seen,
       r.last_seen AS last_seen, r.evidence_count AS evidence_count
UNION ALL
UNWIND coalesce($ids.ACCUSED, []) AS id
MATCH ()-[r:ACCUSED {id: id}]->()
SET r.id = r.id
RETURN r.id AS id, r.attrs AS attrs, r.confidence AS confidence, r.first_seen AS first_seen,
       r.last_seen AS last_seen, r.evidence_count AS evidence_count
UNION ALL
UNWIND coalesce($ids.DESIGNATED_TERRORIST_BY, []) AS id
MATCH ()-[r:DESIGNATED_TERRORIST_BY {id: id}]->()
SET r.id = r.id
RETURN r.id AS id, r.attrs AS attrs, r.confidence AS confidence, r.first_seen AS first_seen,
       r.last_seen AS last_seen, r.evidence_count AS evidence_count
UNION ALL
UNWIND coalesce($ids.SANCTIONED_BY, []) AS id
MATCH ()-[r:SANCTIONED_BY {id: id}]->()
SET r.id = r.id
RETURN r.id AS id, r.attrs AS attrs, r.confidence AS confidence, r.first_seen AS first_seen,
       r.last_seen AS last_seen, r.evidence_count AS evidence_count
UNION ALL
UNWIND coalesce($ids.LOCATED_IN, []) AS id
MATCH ()-[r:LOCATED_IN {id: id}]->()
SET r.id = r.id
RETURN r.id AS id, r.attrs AS attrs, r.confidence AS confidence, r.first_seen AS first_seen,
       r.last_seen AS last_seen, r.evidence_count AS evidence_count
UNION ALL
UNWIND coalesce($ids.ALLIED_WITH, []) AS id
MATCH ()-[r:ALLIED_WITH {id: id}]->()
SET r.id = r.id
RETURN r.id AS id, r.attrs AS attrs, r.confidence AS confidence, r.first_seen AS first_seen,
       r.last_seen AS last_seen, r.evidence_count AS evidence_count
UNION ALL
UNWIND coalesce($ids.OPPOSES, []) AS id
MATCH ()-[r:OPPOSES {id: id}]->()
SET r.id = r.id
RETURN r.id AS id, r.attrs AS attrs, r.confidence AS confidence, r.first_seen AS first_seen,
       r.last_seen AS last_seen, r.evidence_count AS evidence_count
UNION ALL
UNWIND coalesce($ids.MET_WITH, []) AS id
MATCH ()-[r:MET_WITH {id: id}]->()
SET r.id = r.id
RETURN r.id AS id, r.attrs AS attrs, r.confidence AS confidence, r.first_seen AS first_seen,
       r.last_seen AS last_seen, r.evidence_count AS evidence_count
