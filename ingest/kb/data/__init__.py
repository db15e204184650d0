"""Packaged actor knowledge base: YAML files read by `ingest.kb.load_kb` (a package so it ships as data)."""
