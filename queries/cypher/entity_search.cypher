// Entity search: entities whose normalised name or alias contains $q, best match first.
// Uses the store's properties: norm_blob (every normalised name, newline-separated; text
// index), norm_names (list), norm_name (canonical, the sort key).
// Parameters: $q (normalised with graph.model.normalize_name, e.g. 'kataib hezbollah'),
//   $type (an entity type such as 'ArmedGroup', or null for all), $offset, $limit.
// Returns: entity (map: id, name, type, aliases, external_ids, attrs), one row per entity.
// Order: rank (0 exact name/alias, 1 prefix, 2 contains), normalised name, id.
MATCH (e:Entity)
WHERE e.norm_blob CONTAINS $q AND ($type IS NULL OR e.type = $type)
WITH e, CASE
  WHEN $q IN e.norm_names THEN 0
  WHEN any(n IN e.norm_names WHERE n STARTS WITH $q) THEN 1
  ELSE 2 END AS rank
RETURN e {.id, .name, .type, .aliases, .external_ids, .attrs} AS entity
ORDER BY rank, e.norm_name, e.id
SKIP $offset LIMIT $limit
