// Analytics edge list: every relation of the filtered graph, for centrality (degree,
// betweenness, PageRank) and Louvain communities. The measures are computed in Python
// (networkx, queries/measures.py) from these rows, the same code for both stores: no GDS
// plugin is needed. In a notebook, build a networkx graph from the rows.
// Parameters: $predicates, $types (lists or null; a relation stays when both ends have an
//   allowed type), $since, $until (ISO dates or null: keep relations whose seen-range
//   overlaps; undated relations pass), $max_edges (at most this many rows: one past the
//   analytics limit tells the caller the graph is too large without streaming all of it).
// Returns: id, source, target, predicate, source_name, source_type, target_name,
//   target_type; one row per relation. Order: relation id.
MATCH (s:Entity)-[r]->(o:Entity)
WHERE ($predicates IS NULL OR type(r) IN $predicates)
  AND ($types IS NULL OR (s.type IN $types AND o.type IN $types))
  AND ($since IS NULL OR r.last_seen IS NULL OR r.last_seen >= $since)
  AND ($until IS NULL OR r.first_seen IS NULL OR r.first_seen <= $until)
RETURN r.id AS id, s.id AS source, o.id AS target, type(r) AS predicate,
       s.name AS source_name, s.type AS source_type, o.name AS target_name, o.type AS target_type
ORDER BY id
LIMIT $max_edges
