// Upsert relations by stable id; properties (attrs merged with the stored ones, aggregates
// final) already computed by the writer. $rows maps each predicate to its rows.
// One unit subquery per predicate, each with a STATIC relationship type: Neo4j 5.26 plans a
// MERGE with a dynamic type (`[:$(row.predicate)]`) as a scan of every relationship, while a
// static one after two unique-index seeks is an Expand(Into) between the locked ends. One
// statement (one plan, one round trip) for all predicates rather than one per predicate.
// Every Predicate member has its block (checked by tests/test_neo4j_write.py).
// Parameters: $rows (map: predicate -> list of {id, subject, object, props}). Returns: nothing.
CALL () {
  UNWIND coalesce($rows.BACKED_BY, []) AS row
  MATCH (s:Entity {id: row.subject})
  MATCH (o:Entity {id: row.object})
  MERGE (s)-[r:BACKED_BY {id: row.id}]->(o)
  SET r = row.props
}
CALL () {
  UNWIND coalesce($rows.LEADS, []) AS row
  MATCH (s:Entity {id: row.subject})
  MATCH (o:Entity {id: row.object})
  MERGE (s)-[r:LEADS {id: row.id}]->(o)
  SET r = row.props
}
CALL () {
  UNWIND coalesce($rows.MEMBER_OF, []) AS row
  MATCH (s:Entity {id: row.subject})
  MATCH (o:Entity {id: row.object})
  MERGE (s)-[r:MEMBER_OF {id: row.id}]->(o)
  SET r = row.props
}
CALL () {
  UNWIND coalesce($rows.PART_OF, []) AS row
  MATCH (s:Entity {id: row.subject})
  MATCH (o:Entity {id: row.object})
  MERGE (s)-[r:PART_OF {id: row.id}]->(o)
  SET r = row.props
}
CALL () {
  UNWIND coalesce($rows.SPOKESPERSON_FOR, []) AS row
  MATCH (s:Entity {id: row.subject})
  MATCH (o:Entity {id: row.object})
  MERGE (s)-[r:SPOKESPERSON_FOR {id: row.id}]->(o)
  SET r = row.props
}
CALL () {
  UNWIND coalesce($rows.HOLDS_OFFICE, []) AS row
  MATCH (s:Entity {id: row.subject})
  MATCH (o:Entity {id: row.object})
  MERGE (s)-[r:HOLDS_OFFICE {id: row.id}]->(o)
  SET r = row.props
}
CALL () {
  UNWIND coalesce($rows.WON_SEATS, []) AS row
  MATCH (s:Entity {id: row.subject})
  MATCH (o:Entity {id: row.object})
  MERGE (s)-[r:WON_SEATS {id: row.id}]->(o)
  SET r = row.props
}
CALL () {
  UNWIND coalesce($rows.TARGETED, []) AS row
  MATCH (s:Entity {id: row.subject})
  MATCH (o:Entity {id: row.object})
  MERGE (s)-[r:TARGETED {id: row.id}]->(o)
  SET r = row.props
}
CALL () {
  UNWIND coalesce($rows.PERPETRATED, []) AS row
  MATCH (s:Entity {id: row.subject})
  MATCH (o:Entity {id: row.object})
  MERGE (s)-[r:PERPETRATED {id: row.id}]->(o)
  SET r = row.props
}
CALL () {
  UNWIND coalesce($rows.CONDEMNED, []) AS row
  MATCH (s:Entity {id: row.subject})
  MATCH (o:Entity {id: row.object})
  MERGE (s)-[r:CONDEMNED {id: row.id}]->(o)
  SET r = row.props
}
CALL () {
  UNWIND coalesce($rows.BLAMED, []) AS row
  MATCH (s:Entity {id: row.subject})
  MATCH (o:Entity {id: row.object})
  MERGE (s)-[r:BLAMED {id: row.id}]->(o)
  SET r = row.props
}
CALL () {
  UNWIND coalesce($rows.ACCUSED, []) AS row
  MATCH (s:Entity {id: row.subject})
  MATCH (o:Entity {id: row.object})
  MERGE (s)-[r:ACCUSED {id: row.id}]->(o)
  SET r = row.props
}
CALL () {
  UNWIND coalesce($rows.DESIGNATED_TERRORIST_BY, []) AS row
  MATCH (s:Entity {id: row.subject})
  MATCH (o:Entity {id: row.object})
  MERGE (s)-[r:DESIGNATED_TERRORIST_BY {id: row.id}]->(o)
  SET r = row.props
}
CALL () {
  UNWIND coalesce($rows.SANCTIONED_BY, []) AS row
  MATCH (s:Entity {id: row.subject})
  MATCH (o:Entity {id: row.object})
  MERGE (s)-[r:SANCTIONED_BY {id: row.id}]->(o)
  SET r = row.props
}
CALL () {
  UNWIND coalesce($rows.LOCATED_IN, []) AS row
  MATCH (s:Entity {id: row.subject})
  MATCH (o:Entity {id: row.object})
  MERGE (s)-[r:LOCATED_IN {id: row.id}]->(o)
  SET r = row.props
}
CALL () {
  UNWIND coalesce($rows.ALLIED_WITH, []) AS row
  MATCH (s:Entity {id: row.subject})
  MATCH (o:Entity {id: row.object})
  MERGE (s)-[r:ALLIED_WITH {id: row.id}]->(o)
  SET r = row.props
}
CALL () {
  UNWIND coalesce($rows.OPPOSES, []) AS row
  MATCH (s:Entity {id: row.subject})
  MATCH (o:Entity {id: row.object})
  MERGE (s)-[r:OPPOSES {id: row.id}]->(o)
  SET r = row.props
}
CALL () {
  UNWIND coalesce($rows.MET_WITH, []) AS row
  MATCH (s:Entity {id: row.subject})
  MATCH (o:Entity {id: row.object})
  MERGE (s)-[r:MET_WITH {id: row.id}]->(o)
  SET r = row.props
}
