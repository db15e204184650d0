// A page of evidence for each given relation, newest first (undated last), then
// article id, start, end.
// Parameters: $ids (relation ids), $offset, $limit. Returns: relation_id, evidence (map).
UNWIND $ids AS rid
CALL (rid) {
  MATCH (ev:Evidence {relation_id: rid})
  RETURN ev
  ORDER BY ev.date IS NULL, ev.date DESC, ev.article_id, ev.start, ev.end
  SKIP $offset LIMIT $limit
}
RETURN rid AS relation_id,
       ev {.article_id, .sentence, .start, .end, .date, .confidence, .provenance, .resolved} AS evidence
