// Relation evidence: one page of the sentences that support a relation.
// The relation is found by its id whatever its type (a scan over relationships; the store
// itself seeks one per-type index); its sentences by the indexed Evidence.relation_id.
// Parameters: $relation (relation id), $offset, $limit.
// Returns: evidence (map: id, article_id, sentence, start, end, date, confidence, provenance,
//   resolved: JSON string of [text, start, end, entity id] lists),
//   one row per item; one row with evidence = null when the page is empty; no rows when
//   the relation is unknown.
// Order: date descending (undated last), article id, start, end.
MATCH (:Entity)-[r {id: $relation}]->(:Entity)
WITH r LIMIT 1
OPTIONAL CALL (r) {
  MATCH (ev:Evidence {relation_id: r.id})
  RETURN ev ORDER BY ev.date IS NULL, ev.date DESC, ev.article_id, ev.start, ev.end
  SKIP $offset LIMIT $limit
}
RETURN ev {.id, .article_id, .sentence, .start, .end, .date, .confidence, .provenance, .resolved} AS evidence
