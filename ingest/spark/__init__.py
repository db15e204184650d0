"""Ingest on Apache Spark: the single-process stages mapped onto a cluster (optional extra `spark`).

    read      driver: paths -> articles; skip what the store holds unchanged
    extract   mapInPandas over partitions: `run_chunk` per Python worker (pipeline cached there)
              -> flat fact rows, checkpointed to Parquet (`--checkpoint DIR`)
    resolve   group-bys on exact keys and rare-token blocks -> links (`ingest.resolve.cluster.links_for`)
              -> components and canonical ids on the driver (`ingest.resolve.cluster.clustering_from`)
    load      batches through the store protocol, one writer (`ingest.load.Loader`)

Same functions as one process, so the same input gives the same graph.
"""
