"""Tests of loading into the graph: resolution, batches, CLI, faults."""
