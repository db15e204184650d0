// Which referenced ids the store does not hold (batch references outside the batch itself).
// Parameters: $entity_ids, $article_ids (lists of ids).
// Returns one row: entities, articles (the missing ids, in the given order).
RETURN [id IN $entity_ids WHERE NOT EXISTS { MATCH (:Entity {id: id}) }] AS entities,
       [id IN $article_ids WHERE NOT EXISTS { MATCH (:Article {id: id}) }] AS articles
