// Bench baseline: evidence nodes on the evidence_id constraint, linked to their article.
// Parameters: $rows (list of {id, article_id, props}). Returns: nothing.
UNWIND $rows AS row
MATCH (a:Article {id: row.article_id})
MERGE (ev:Evidence {id: row.id})
ON CREATE SET ev += row.props
MERGE (ev)-[:FROM]->(a)
