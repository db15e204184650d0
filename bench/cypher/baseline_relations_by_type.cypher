// Bench baseline: relations, bare MERGE between ends found through the entity_id constraint,
// one statement for all predicates: one unit subquery per predicate with a STATIC type (a
// dynamic `[:$(row.predicate)]` MERGE is a scan of every relationship on 5.26).
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
