"""The one ingest service: read → extract → resolve → load, as named stages with plain values between.

    read      paths / URLs            -> Article | ReadError         (ingest.readers)
    extract   Article                 -> Extraction | Failure         (extract_article; pooled: ExtractorPool)
    resolve   Batch (+ store)         -> Resolution                   (ingest.resolve.Resolver)
    load      Resolution              -> the store, one atomic write  (ingest.load.Loader)

`extract_article` is a pure function of (article, pipeline, knowledge base), so
worker processes and distributed engines (`ingest.spark`) map it; the CLI and
the HTTP API both call `ingest_into`/`ingest_articles` here and hold no
ingest logic of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from graph.model import Article, Batch
from graph.store import GraphStore
from ingest.errors import ArticlesFailed, IngestError
from ingest.extract import EmptyArticle, Extraction, ExtractionFailed, extract
from ingest.extract_pool import CHUNK, ExtractorPool, ModelNotFound, check_model, extract_many
from ingest.kb import KnowledgeBase
from ingest.load import Extractor, Loader, RetryPolicy, load_batch, run_ingest
from ingest.progress import Failure, Progress, Tally
from ingest.resolve import Resolver

__all__ = [
    "CHUNK", "ArticlesFailed", "EmptyArticle", "ExtractionFailed", "ExtractorPool", "Failure",
    "IngestError", "IngestOptions", "ModelNotFound", "article_extractor", "check_model", "extract_article",
    "extract_many", "follow_into", "ingest_articles", "ingest_into", "load_references", "make_loader",
    "read_sources",
]


@dataclass(frozen=True)
class IngestOptions:
    """How a run extracts and writes: batch size and store retries."""

    batch_size: int = 200
    retries: int = 5


def extract_article(article: Article, nlp: Any, kb: KnowledgeBase) -> Extraction:
    """Stage *extract* for one article: its entities, mentions and relations (raises EmptyArticle)."""
    out = next(extract([article], nlp, kb))
    if isinstance(out, Exception):
        raise out
    return out


def article_extractor(pool: ExtractorPool) -> Extractor:
    """Articles -> one Batch per article (or a Failure), in input order, through `pool`."""
    def run(articles: Iterable[Article]) -> Iterator[Batch | Failure]:
        for out in pool.map(articles):
            yield out if isinstance(out, Failure) else out.to_batch()
    return run


def make_loader(store: GraphStore, kb: KnowledgeBase, retries: int = 5) -> Loader:
    """Stages *resolve* and *load* over one store, with the knowledge base's ids taken as stable."""
    return Loader(store, Resolver(store, is_kb=lambda eid: kb.by_id(eid) is not None),
                  RetryPolicy(attempts=retries))


def load_references(loader: Loader, references: Iterable[str], kb: KnowledgeBase,
                    progress: Progress) -> None:
    """Curated reference files as their own source; an unusable file is one Failure."""
    from ingest.kb.reference import ReferenceFileError, kb_lookup, load_reference

    for path in references:
        try:
            ref = load_reference(path, kb_lookup(kb.lookup))
        except ReferenceFileError as exc:
            progress.fail(Failure(str(path), "reference", str(exc)))
            continue
        progress.read(1)
        for err in ref.errors:
            progress.fail(Failure(f"{path}:row {err.row}", "reference", err.reason))
        load_batch(ref.batch, loader, progress)


def ingest_into(store: GraphStore, paths: Iterable[str], references: Iterable[str], *,
                pool: ExtractorPool, kb: KnowledgeBase, progress: Progress,
                options: IngestOptions | None = None,
                read: Callable[[list[str]], Iterable[Any]] | None = None) -> Tally:
    """The whole run behind `actorgraph ingest`: references first, then the articles of `paths`."""
    from ingest.readers import read_paths

    options = options or IngestOptions()
    loader = make_loader(store, kb, options.retries)
    load_references(loader, references, kb, progress)
    paths = list(paths)
    if paths:
        items = (read or read_paths)(paths)
        run_ingest(items, loader, article_extractor(pool), progress, batch_size=options.batch_size)
    return progress.tally


def ingest_articles(store: GraphStore, articles: Iterable[Article], *, pool: ExtractorPool,
                    kb: KnowledgeBase, progress: Progress, options: IngestOptions | None = None) -> Tally:
    """Ready-made articles (e.g. posted to the API) through extract → resolve → load."""
    options = options or IngestOptions()
    loader = make_loader(store, kb, options.retries)
    return run_ingest(articles, loader, article_extractor(pool), progress, batch_size=options.batch_size)


def read_sources(paths: list[str], fetcher: Any) -> Iterator[Any]:
    """Stage *read*: files, folders and globs, then `http(s)://` articles and feeds (via `fetcher`)."""
    from ingest.readers import read_paths
    from ingest.readers.fetch import is_url, read_urls

    files = [p for p in paths if not is_url(p)]
    urls = [p for p in paths if is_url(p)]
    if files:
        yield from read_paths(files)
    if urls:
        yield from read_urls(urls, fetcher)


def follow_into(store: GraphStore, sources: list[str], *, pool: ExtractorPool, kb: KnowledgeBase,
                progress: Progress, fetcher: Any, interval: float, polls: int | None = None,
                options: IngestOptions | None = None) -> Tally:
    """`ingest --watch`: poll folders and feeds, ingesting what is new or changed each time."""
    from ingest.watch import Follower, follow

    options = options or IngestOptions()
    loader = make_loader(store, kb, options.retries)
    extractor = article_extractor(pool)
    follow(Follower(sources, fetcher), lambda items: run_ingest(items, loader, extractor, progress,
                                                                batch_size=options.batch_size),
           interval=interval, polls=polls)
    return progress.tally
