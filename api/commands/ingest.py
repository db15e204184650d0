"""`actorgraph ingest PATH...`: read, extract, resolve and load articles into the store in batches.

Exit status: 0 everything went in; 1 some items failed (the rest is in); 2 usage or
store error; 130 interrupted. Re-running the same command is safe: articles the
store already holds in the same version are skipped, changed ones replaced.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import logging
import multiprocessing
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from api.settings import Settings
from graph.errors import InvalidArgument, StoreConfigError, StoreUnavailable
from graph.model import Article
from graph.store import GraphStore

log = logging.getLogger("ingest")
EXIT_INTERRUPTED = 130


def register(sub: Any) -> None:
    """Add the `ingest` subcommand."""
    parser = sub.add_parser("ingest", help="extract articles and load them into the store",
                            description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files, folders or glob patterns")
    add_store_argument(parser)
    parser.add_argument("--workers", type=_positive, default=1, help="extraction processes (default 1)")
    parser.add_argument("--batch-size", type=_positive, default=200,
                        help="articles per atomic store write (default 200)")
    parser.add_argument("--reference", action="append", default=[], metavar="FILE",
                        help="curated relations (YAML or CSV) loaded as a reference source; repeatable")
    parser.add_argument("--failures", metavar="FILE", help="also write the failures as JSON lines to FILE")
    parser.add_argument("--retries", type=_positive, default=5, metavar="N",
                        help="attempts per store operation while the store is unreachable, with "
                             "exponential backoff from 0.5 s (default 5)")
    parser.set_defaults(handler=run)


def add_store_argument(parser: argparse.ArgumentParser) -> None:
    """The shared `--store URL` option (default: ACTORGRAPH_STORE or the built-in default)."""
    parser.add_argument("--store", metavar="URL",
                        help="store URL, embedded:///path/graph.db or neo4j://user:pass@host:7687/db "
                             "(default: $ACTORGRAPH_STORE)")


def store_from_args(args: argparse.Namespace) -> GraphStore:
    """Open the store named by `--store` or the environment (not yet connected)."""
    from graph.factory import open_store

    settings = Settings.from_env(store=args.store)
    return open_store(settings.store, user=settings.neo4j_user, password=settings.neo4j_password)


def cli_errors(command: str) -> Callable[[Callable[[argparse.Namespace], int]],
                                          Callable[[argparse.Namespace], int]]:
    """Turn store and interrupt errors into one clear stderr line and the documented exit status."""
    def wrap(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        @functools.wraps(handler)
        def run(args: argparse.Namespace) -> int:
            try:
                return handler(args)
            except StoreUnavailable as exc:
                return _fail(command, f"store unavailable: {exc}")
            except (StoreConfigError, InvalidArgument) as exc:
                return _fail(command, str(exc))
            except KeyboardInterrupt:
                print(f"actorgraph {command}: interrupted; what was written before is consistent, "
                      "run the same command again to finish", file=sys.stderr)
                return EXIT_INTERRUPTED
        return run
    return wrap


@cli_errors("ingest")
def run(args: argparse.Namespace) -> int:
    """Ingest the paths and reference files, print the summary, return the exit status."""
    from ingest.progress import Progress, summary, write_failures

    if not args.paths and not args.reference:
        return _fail("ingest", "give at least one PATH or --reference FILE")
    if not args.verbose:  # the driver reports every "index already exists" at INFO
        logging.getLogger("neo4j").setLevel(logging.WARNING)
    settings = Settings.from_env(store=args.store)
    store = store_from_args(args)
    progress = Progress()
    try:
        store.ensure_schema()
        ingest_into(store, args.paths, args.reference, settings=settings, workers=args.workers,
                    batch_size=args.batch_size, progress=progress, retries=args.retries)
    finally:
        progress.close()
        store.close()
    print(summary(progress.tally, progress.elapsed()), file=sys.stderr)
    if args.failures:
        write_failures(args.failures, progress.tally.failures)
    return progress.tally.exit_code()


def ingest_into(store: GraphStore, paths: Iterable[str], references: Iterable[str], *, settings: Settings,
                workers: int, batch_size: int, progress: Any, retries: int = 5) -> None:
    """The library call behind the command: references first, then the articles."""
    from ingest.kb import load_kb
    from ingest.load import Loader, RetryPolicy, load_batch, run_ingest
    from ingest.progress import Failure
    from ingest.readers import read_paths
    from ingest.reference import ReferenceError, kb_lookup, load_reference
    from ingest.resolve import Resolver

    kb = load_kb(settings.kb_files)
    loader = Loader(store, Resolver(store, is_kb=lambda eid: kb.by_id(eid) is not None),
                    RetryPolicy(attempts=retries))
    for path in references:
        try:
            ref = load_reference(path, kb_lookup(kb.lookup))
        except ReferenceError as exc:
            progress.fail(Failure(str(path), "reference", str(exc)))
            continue
        progress.read(1)
        for err in ref.errors:
            progress.fail(Failure(f"{path}:row {err.row}", "reference", err.reason))
        load_batch(ref.batch, loader, progress)
    paths = list(paths)
    if paths:
        extract = article_extractor(settings, kb, workers)
        run_ingest(read_paths(paths), loader, extract, progress, batch_size=batch_size)


def article_extractor(settings: Settings, kb: Any, workers: int) -> Callable[[Iterable[Article]],
                                                                               Iterator[Any]]:
    """Articles -> one Batch per article (or a Failure), in input order, in 1..N processes.

    Work goes out in small chunks so results stream back while later articles
    are still being read; each worker process builds the pipeline once.
    """
    model, kb_files = settings.spacy_model, tuple(settings.kb_files)

    def extract(articles: Iterable[Article]) -> Iterator[Any]:
        from ingest.load import chunked

        chunks = chunked(articles, CHUNK)
        first = next(chunks, None)
        if first is None:  # nothing new or changed: don't pay for loading the model
            return
        chunks = itertools.chain([first], chunks)
        if workers == 1:
            _init_worker(model, kb_files, kb)
            for chunk in chunks:
                yield from extract_chunk(chunk)
            return
        ctx = multiprocessing.get_context("spawn")  # no fork of a process holding driver threads
        pool = ctx.Pool(workers, initializer=_init_worker, initargs=(model, kb_files, None))
        try:
            for results in pool.imap(extract_chunk, chunks):
                yield from results
        finally:
            pool.terminate()
            pool.join()
    return extract


CHUNK = 8  # articles per unit of work sent to a worker
_WORKER: dict[str, Any] = {}


def _init_worker(model: str, kb_files: tuple[str, ...], kb: Any) -> None:
    """Build the pipeline and knowledge base once per process."""
    from ingest.kb import load_kb
    from ingest.pipeline import build_pipeline

    if "nlp" not in _WORKER:
        _WORKER["nlp"] = build_pipeline(model, kb_files)
        _WORKER["kb"] = kb if kb is not None else load_kb(kb_files)


def extract_chunk(articles: list[Article]) -> list[Any]:
    """Extract a chunk; if it fails as a whole, retry article by article to name the culprit."""
    from ingest.extract import extract

    try:
        return [_as_batch(a, out) for a, out in zip(articles, extract(articles, _WORKER["nlp"],
                                                                        _WORKER["kb"]), strict=True)]
    except Exception:
        if len(articles) == 1:
            return [_failure(articles[0], sys.exc_info()[1])]
        return [item for a in articles for item in extract_chunk([a])]


def _as_batch(article: Article, out: Any) -> Any:
    return _failure(article, out) if isinstance(out, Exception) else out.to_batch()


def _failure(article: Article, exc: BaseException | None) -> Any:
    from ingest.progress import Failure

    reason = f"{type(exc).__name__}: {exc}" if exc is not None else "unknown error"
    return Failure(article.source, "extract", reason, article.id)


def _fail(command: str, message: str) -> int:
    one_line = " ".join(message.split())  # driver messages span lines; the error stays one line
    print(f"actorgraph {command}: {one_line}", file=sys.stderr)
    return 2


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be a positive integer")
    return value
