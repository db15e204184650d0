"""Extraction over many articles in one or several processes, results in input order.

Each worker process builds the pipeline and knowledge base once (spawned, never
forked, so no parent state leaks in); work goes out in small chunks so results
stream back while later articles are still being read.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
from collections.abc import Iterable, Iterator
from typing import Any

from graph.model import Article
from ingest.extract import Extraction, ExtractionFailed, extract

log = logging.getLogger(__name__)

CHUNK = 16  # articles per unit of work sent to a worker
_STATE: dict[str, Any] = {}


def _init(model: str, kb_files: tuple[str, ...]) -> None:
    from ingest.entities import cached_kb
    from ingest.pipeline import build_pipeline

    _STATE["nlp"] = build_pipeline(model, kb_files)
    _STATE["kb"] = cached_kb(kb_files)


def _run_chunk(articles: list[Article]) -> list[Extraction | ExtractionFailed]:
    """A chunk's extractions; if the chunk fails, article by article so only the culprit is lost."""
    try:
        return list(extract(articles, _STATE["nlp"], _STATE["kb"]))
    except Exception as exc:  # a defect in one article's analysis must not sink the run
        if len(articles) == 1:
            log.exception("extraction failed for %s", articles[0].source)
            reason = f"{type(exc).__name__}: {exc}"
            return [ExtractionFailed(f"{articles[0].source}: extraction failed ({reason})")]
        return [out for article in articles for out in _run_chunk([article])]


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def extract_many(articles: Iterable[Article], model: str, kb_files: tuple[str, ...] = (),
                 workers: int = 1, chunk: int = CHUNK) -> Iterator[Extraction | ExtractionFailed]:
    """Extractions (or per-article errors) in input order, over `workers` processes."""
    if workers <= 1:
        _init(model, kb_files)
        for part in _chunks(articles, chunk):
            yield from _run_chunk(part)
        return
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers, initializer=_init, initargs=(model, kb_files)) as pool:
        for results in pool.imap(_run_chunk, _chunks(articles, chunk)):
            yield from results
