"""The graph model and its two stores (Neo4j and embedded), behind one protocol."""
