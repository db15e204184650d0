// Recompute each relation's aggregates from the evidence it holds (idempotent).
// Dates are ISO strings compared as strings; min/max skip null dates.
// Parameters: $rows (list of {id, subject, object}). Returns: nothing.
UNWIND $rows AS row
MATCH (:Entity {id: row.subject})-[r {id: row.id}]->(:Entity {id: row.object})
CALL (r) {
  OPTIONAL MATCH (ev:Evidence {relation_id: r.id})
  RETURN max(ev.confidence) AS confidence, min(ev.date) AS first_seen,
         max(ev.date) AS last_seen, count(ev) AS evidence_count
}
SET r.confidence = coalesce(confidence, 0.0),
    r.first_seen = first_seen,
    r.last_seen = last_seen,
    r.evidence_count = evidence_count
