// Bench: the server's page cache setting, to print beside the figures (SHOW cannot be a subquery).
// Parameters: none. Returns: value (string such as '64.00MiB'), at most one row.
SHOW SETTINGS YIELD name, value WHERE name = 'server.memory.pagecache.size'
RETURN value
