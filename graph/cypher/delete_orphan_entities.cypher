// Delete the given entities when no article mentions them and no relation touches them.
// Parameters: $ids (list of entity ids). Returns: deleted (count).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WHERE NOT EXISTS { (e)-[:MENTIONED_IN]->(:Article) } AND NOT EXISTS { (e)--(:Entity) }
DETACH DELETE e
RETURN count(*) AS deleted
