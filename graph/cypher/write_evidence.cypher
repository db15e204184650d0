// Add evidence items; an item already held keeps its first version (immutable).
// Model: (:Evidence {relation_id, article_id, ...})-[:FROM]->(:Article). A relationship cannot
// be an endpoint, so a relation's sentences hang off it through the indexed relation_id:
// one index seek from any edge (`MATCH (ev:Evidence {relation_id: r.id})`) whatever the
// degree of its ends, where linking evidence to the subject node would make a hub's
// sentences a scan of all its evidence. The article is one hop from each sentence.
// Parameters: $rows (list of {id, article_id, props}; props.resolved is a JSON string of the
// [text, start, end, entity id] lists coreference resolved). Returns: nothing.
UNWIND $rows AS row
MATCH (a:Article {id: row.article_id})
MERGE (ev:Evidence {id: row.id})
ON CREATE SET ev += row.props
MERGE (ev)-[:FROM]->(a)
