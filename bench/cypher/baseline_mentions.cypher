// Bench baseline: article mentions. Parameters: $rows (list of {article, entity}). Returns: nothing.
UNWIND $rows AS row
MATCH (e:Entity {id: row.entity})
MATCH (a:Article {id: row.article})
MERGE (e)-[:MENTIONED_IN]->(a)
