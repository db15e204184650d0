// Entities whose normalised name or alias contains $q, exact matches first.
// norm_blob holds every normalised name between newlines; $q (normalised) has none, so
// `norm_blob CONTAINS $q` (text index) is exactly "some name contains $q".
// Parameters: $q (normalised), $type (label value or null), $offset, $limit.
// Returns: entity (map), rank; ordered by rank, norm_name, id.
MATCH (e:Entity)
WHERE e.norm_blob CONTAINS $q AND ($type IS NULL OR e.type = $type)
WITH e, CASE
  WHEN $q IN e.norm_names THEN 0
  WHEN any(n IN e.norm_names WHERE n STARTS WITH $q) THEN 1
  ELSE 2 END AS rank
RETURN e {.id, .name, .type, .aliases, .external_ids, .attrs} AS entity, rank
ORDER BY rank, e.norm_name, e.id
SKIP $offset LIMIT $limit
