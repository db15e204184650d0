// Health probe: one round trip to the database, touching no data.
// Parameters: none.
// Returns: ok (1).
RETURN 1 AS ok
