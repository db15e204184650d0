"""The Neo4j store: the official driver, parameterised Cypher from graph/cypher."""
