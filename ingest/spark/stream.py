"""`ingest --watch DIR --engine spark`: Structured Streaming over a folder, one ingest per micro-batch.

The file source lists the folder and records every file it handed out in its
checkpoint (`checkpointLocation`), and `foreachBatch` runs the Spark ingest on
the new files; a restart with the same checkpoint resumes after the last
committed micro-batch. A micro-batch that was running when the process died is
run again, and the store's content hashes make that rerun write nothing twice,
so no article is lost or repeated.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def file_stream(spark: Any, folder: Path) -> Any:
    """A streaming DataFrame of the paths of files dropped into `folder`.

    Spark's file index skips names starting with "." or "_", so a crawler's
    half-written `.name.part` is not seen until it is renamed.
    """
    return (spark.readStream.format("binaryFile")
            .schema("path string, modificationTime timestamp, length long, content binary")
            .option("recursiveFileLookup", "true")
            .load(str(folder)).select("path"))


def local_path(uri: str) -> str:
    """A `file:` URI from Spark as a plain local path."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(uri)
    return unquote(parts.path) if parts.scheme in ("file", "") else uri


def start_stream(spark: Any, folder: Path, checkpoint: Path, handle: Callable[[list[str]], None],
                 *, interval: float = 10.0, available_now: bool = False) -> Any:
    """Start the query: `handle(paths)` once per micro-batch of new files; returns the StreamingQuery."""
    def batch(frame: Any, batch_id: int) -> None:
        paths = sorted(local_path(r["path"]) for r in frame.collect())
        log.info("micro-batch %d: %d new files", batch_id, len(paths))
        if paths:
            handle(paths)

    writer = (file_stream(spark, folder).writeStream.foreachBatch(batch)
              .option("checkpointLocation", str(checkpoint / "stream")))
    writer = writer.trigger(availableNow=True) if available_now else writer.trigger(
        processingTime=f"{max(1, int(interval * 1000))} milliseconds")
    return writer.start()
