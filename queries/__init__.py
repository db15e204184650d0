"""Named, parameterised queries: a Cypher file and an embedded twin for each."""
