// Sponsors: who backs the most actors, i.e. the in-degree over BACKED_BY counted in
// distinct backed actors (subject -[:BACKED_BY]-> sponsor).
// Parameters: $since, $until (ISO dates or null: keep relations whose seen-range overlaps;
//   undated relations pass), $offset, $limit. ($predicates is accepted and ignored.)
// Returns: id, name, type (the sponsor), groups (distinct backed actors), backed (their
//   ids, sorted); one row per sponsor. Order: groups descending, then sponsor id.
MATCH (g:Entity)-[r:BACKED_BY]->(s:Entity)
WHERE ($since IS NULL OR r.last_seen IS NULL OR r.last_seen >= $since)
  AND ($until IS NULL OR r.first_seen IS NULL OR r.first_seen <= $until)
WITH s, g.id AS backed_id ORDER BY backed_id
WITH s, collect(DISTINCT backed_id) AS backed
RETURN s.id AS id, s.name AS name, s.type AS type, size(backed) AS groups, backed
ORDER BY groups DESC, id
SKIP $offset LIMIT $limit
