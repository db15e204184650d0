"""`ingest --watch DIR --engine spark`: Structured Streaming takes dropped files; a restart repeats none."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from api.settings import Settings
from graph.embedded.store import EmbeddedStore
from ingest.kb import load_kb
from ingest.progress import Progress
from ingest.spark.engine import SparkOptions, spark_watch

pytestmark = pytest.mark.model

TEXTS = {
    "a.txt": "title: A\npublished: 2024-01-02\n\nIran backs Kataib Hezbollah.",
    "b.txt": "title: B\npublished: 2024-01-03\n\nQais al-Khazali leads Asaib Ahl al-Haq.",
    "c.txt": "title: C\npublished: 2024-01-04\n\nThe United States sanctioned Kataib Hezbollah.",
}


def drop(folder: Path, name: str) -> None:
    """Write as a crawler should: a hidden temporary file, renamed when complete."""
    tmp = folder / f".{name}.part"
    tmp.write_text(TEXTS[name], encoding="utf-8")
    tmp.rename(folder / name)


def watch(spark: Any, store: EmbeddedStore, folder: Path, checkpoint: Path, progress: Progress,
          **kw: Any) -> Any:
    return spark_watch(store, folder, model=Settings().spacy_model, kb_files=(), kb=load_kb(),
                       progress=progress, spark_options=SparkOptions(checkpoint=checkpoint, partitions=2),
                       spark=spark, **kw)


def test_stream_ingests_files_dropped_while_it_runs_and_a_restart_repeats_nothing(
        spark: Any, tmp_path: Path) -> None:
    folder, checkpoint = tmp_path / "drop", tmp_path / "ck"
    folder.mkdir()
    store = EmbeddedStore(tmp_path / "graph.db")
    store.ensure_schema()
    progress = Progress(io.StringIO(), tty=False)
    drop(folder, "a.txt")
    query = watch(spark, store, folder, checkpoint, progress, interval=1.0)
    try:
        query.processAllAvailable()
        assert store.counts().articles == 1
        drop(folder, "b.txt")
        drop(folder, "c.txt")
        query.processAllAvailable()
    finally:
        query.stop()
    assert query.exception() is None
    first = store.counts()
    assert first.articles == 3 and progress.tally.new == 3 and not progress.tally.failures
    again = Progress(io.StringIO(), tty=False)
    restarted = watch(spark, store, folder, checkpoint, again, available_now=True)
    restarted.awaitTermination(120)
    assert again.tally.read == 0  # the stream's checkpoint knows every file: none is handed out again
    assert store.counts() == first
    store.close()
