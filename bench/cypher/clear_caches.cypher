// Bench: drop cached query plans, so both write paths plan against the same data.
// Parameters: none. Returns: one status row (ignored).
CALL db.clearQueryCaches()
