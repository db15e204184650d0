// Bench baseline: the relations of ONE predicate, bare UNWIND ... MERGE between ends found
// through the entity_id constraint. TEMPLATE: the relationship type placeholder is replaced with
// a Predicate enum member by `graph.neo4j_write.typed` (a static type plans as Expand(Into);
// a dynamic `[:$(row.predicate)]` MERGE is a scan of every relationship on 5.26).
// Parameters: $rows (list of {id, subject, object, props}). Returns: nothing.
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})
MATCH (o:Entity {id: row.object})
MERGE (s)-[r:__TYPE__ {id: row.id}]->(o)
SET r = row.props
