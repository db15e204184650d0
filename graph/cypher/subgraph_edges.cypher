// Every eligible edge between entered nodes (same eligibility as subgraph_layer.cypher).
// Parameters: $ids (entered entity ids), $predicates, $since, $until, $min_confidence.
// Returns: relation (map with subject, object, predicate), ordered by relation id.
UNWIND $ids AS sid
MATCH (s:Entity {id: sid})-[r]->(o:Entity)
WHERE o.id IN $ids
  AND ($predicates IS NULL OR type(r) IN $predicates)
  AND ($since IS NULL OR r.last_seen IS NULL OR r.last_seen >= $since)
  AND ($until IS NULL OR r.first_seen IS NULL OR r.first_seen <= $until)
  AND ($min_confidence IS NULL OR r.confidence >= $min_confidence)
RETURN r {.id, .attrs, .confidence, .first_seen, .last_seen, .evidence_count,
          subject: s.id, object: o.id, predicate: type(r)} AS relation
ORDER BY r.id
