"""The embedded store: SQLite on disk, compact in-memory structures for traversal."""
