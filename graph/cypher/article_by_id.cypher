// One article's metadata.
// Parameters: $id. Returns: article (map), at most one row.
MATCH (a:Article {id: $id})
RETURN a {.id, .source, .title, .published, .url, .provenance} AS article
