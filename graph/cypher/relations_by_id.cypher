// Relations by stable id, whatever their predicate.
// Relationship property indexes exist per type only, and a dynamic type `$any(...)` in
// MATCH is planned as a scan of every relationship on 5.26; so this file spells out one
// index seek per predicate (a checked mapping: a test asserts it covers the Predicate enum).
// Parameters: $ids (list of relation ids). Returns: id, subject, object (ids), unordered.
UNWIND $ids AS rid
CALL (rid) {
  MATCH (s:Entity)-[r:BACKED_BY {id: rid}]->(o:Entity) RETURN s.id AS subject, o.id AS object
  UNION ALL
  MATCH (s:Entity)-[r:LEADS {id: rid}]->(o:Entity) RETURN s.id AS subject, o.id AS object
  UNION ALL
  MATCH (s:Entity)-[r:MEMBER_OF {id: rid}]->(o:Entity) RETURN s.id AS subject, o.id AS object
  UNION ALL
  MATCH (s:Entity)-[r:PART_OF {id: rid}]->(o:Entity) RETURN s.id AS subject, o.id AS object
  UNION ALL
  MATCH (s:Entity)-[r:SPOKESPERSON_FOR {id: rid}]->(o:Entity) RETURN s.id AS subject, o.id AS object
  UNION ALL
  MATCH (s:Entity)-[r:HOLDS_OFFICE {id: rid}]->(o:Entity) RETURN s.id AS subject, o.id AS object
  UNION ALL
  MATCH (s:Entity)-[r:WON_SEATS {id: rid}]->(o:Entity) RETURN s.id AS subject, o.id AS object
  UNION ALL
  MATCH (s:Entity)-[r:TARGETED {id: rid}]->(o:Entity) RETURN s.id AS subject, o.id AS object
  UNION ALL
  MATCH (s:Entity)-[r:PERPETRATED {id: rid}]->(o:Entity) RETURN s.id AS subject, o.id AS object
  UNION ALL
  MATCH (s:Entity)-[r:CONDEMNED {id: rid}]->(o:Entity) RETURN s.id AS subject, o.id AS object
  UNION ALL
  MATCH (s:Entity)-[r:BLAMED {id: rid}]->(o:Entity) RETURN s.id AS subject, o.id AS object
  UNION ALL
  MATCH (s:Entity)-[r:ACCUSED {id: rid}]->(o:Entity) RETURN s.id AS subject, o.id AS object
  UNION ALL
  MATCH (s:Entity)-[r:DESIGNATED_TERRORIST_BY {id: rid}]->(o:Entity) RETURN s.id AS subject, o.id AS object
  UNION ALL
  MATCH (s:Entity)-[r:SANCTIONED_BY {id: rid}]->(o:Entity) RETURN s.id AS subject, o.id AS object
  UNION ALL
  MATCH (s:Entity)-[r:LOCATED_IN {id: rid}]->(o:Entity) RETURN s.id AS subject, o.id AS object
  UNION ALL
  MATCH (s:Entity)-[r:ALLIED_WITH {id: rid}]->(o:Entity) RETURN s.id AS subject, o.id AS object
  UNION ALL
  MATCH (s:Entity)-[r:OPPOSES {id: rid}]->(o:Entity) RETURN s.id AS subject, o.id AS object
  UNION ALL
  MATCH (s:Entity)-[r:MET_WITH {id: rid}]->(o:Entity) RETURN s.id AS subject, o.id AS object
}
RETURN rid AS id, subject, object
