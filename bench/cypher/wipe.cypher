// Bench: empty the database between runs, in chunks (auto-commit transaction).
// Parameters: none. Returns: nothing.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
