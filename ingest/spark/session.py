"""A SparkSession for ingest: any master URL, or the caller's own session."""

from __future__ import annotations

import os
import sys
from typing import Any

LOCAL_CONF = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.driver.host": "127.0.0.1",
    "spark.speculation": "false",  # a speculative copy of a load task would be a second writer
    "spark.sql.shuffle.partitions": "8",
    "spark.sql.execution.arrow.maxRecordsPerBatch": "64",  # articles reach workers in small batches
    "spark.python.worker.reuse": "true",  # the pipeline stays loaded in each Python worker
}


def spark_session(master: str = "local[*]", app_name: str = "actorgraph-ingest",
                  conf: dict[str, str] | None = None) -> Any:
    """Get or create a session; local masters bind to loopback and run workers on this Python."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.master(master).appName(app_name)
    settings = dict(LOCAL_CONF) if master.startswith("local") else {"spark.speculation": "false"}
    if master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers run this interpreter's packages
        settings["spark.pyspark.python"] = sys.executable
        settings["spark.pyspark.driver.python"] = sys.executable
    for key, value in {**settings, **(conf or {})}.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()
