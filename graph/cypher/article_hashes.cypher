// Content hashes of the held articles among the given ids.
// Parameters: $ids (list of article ids). Returns: id, hash, unordered.
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.hash AS hash
