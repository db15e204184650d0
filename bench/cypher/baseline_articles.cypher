// Bench baseline: articles by id, bare UNWIND ... MERGE on the article_id constraint.
// Parameters: $rows (list of {id, props}). Returns: nothing.
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a += row.props
