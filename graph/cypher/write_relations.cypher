// Upsert the relations of ONE predicate by stable id; properties (attrs merged with the stored
// ones, aggregates final) already computed by the writer.
// TEMPLATE: the relationship type placeholder is replaced by `neo4j_write.typed()` with a member of the Predicate enum,
// never with request data. A static type is what makes this fast: Neo4j 5.26 plans a MERGE with
// a dynamic type (`[:$(row.predicate)]`) as a scan of every relationship, while a static one
// after two unique-index seeks is an Expand(Into) between the locked ends.
// Parameters: $rows (list of {id, subject, object, props}). Returns: nothing.
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})
MATCH (o:Entity {id: row.object})
MERGE (s)-[r:__TYPE__ {id: row.id}]->(o)
SET r = row.props
