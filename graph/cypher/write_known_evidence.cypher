// Which of the batch's evidence ids the store already holds (those add nothing to aggregates:
// an evidence item is immutable, first version wins). Run after the relation ends are locked.
// Parameters: $ids (list of evidence ids). Returns: id, unordered.
UNWIND $ids AS id
MATCH (ev:Evidence {id: id})
RETURN ev.id AS id
