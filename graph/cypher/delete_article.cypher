// Remove one article, its mentions and its evidence; report what the sweep must look at.
// Parameters: $id (article id).
// Returns one row (none when the article is unknown): mentioned (entity ids),
// relations (ids of relations that lost evidence), evidence (items removed).
MATCH (a:Article {id: $id})
CALL (a) {
  OPTIONAL MATCH (e:Entity)-[:MENTIONED_IN]->(a)
  RETURN collect(e.id) AS mentioned
}
CALL (a) {
  OPTIONAL MATCH (ev:Evidence)-[:FROM]->(a)
  WITH collect(ev) AS items, collect(ev.relation_id) AS relations
  FOREACH (ev IN items | DETACH DELETE ev)
  RETURN size(items) AS evidence, relations
}
DETACH DELETE a
RETURN mentioned, relations, evidence
