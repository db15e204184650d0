"""Source tables the generated knowledge-base files and the gazetteer are built from."""
