// Stats: totals of articles, evidence items, entities by type and relations by predicate.
// Parameters: none.
// Returns one row: articles, evidence (counts), entities and relations (lists of
//   [key, count] pairs, unordered; the finisher sorts them).
CALL () { MATCH (a:Article) RETURN count(a) AS articles }
CALL () { MATCH (ev:Evidence) RETURN count(ev) AS evidence }
CALL () {
  MATCH (e:Entity)
  WITH e.type AS type, count(*) AS n
  RETURN collect([type, n]) AS entities
}
CALL () {
  MATCH (:Entity)-[r]->(:Entity)
  WITH type(r) AS predicate, count(*) AS n
  RETURN collect([predicate, n]) AS relations
}
RETURN articles, evidence, entities, relations
