"""`actorgraph ingest PATH...`: read, extract, resolve and load articles into the store in batches.

Exit status: 0 everything went in; 1 some items failed (the rest is in); 2 usage or
store error; 130 interrupted. Re-running the same command is safe: articles the
store already holds in the same version are skipped, changed ones replaced.
"""

from __future__ import annotations

import argparse
import functools
import logging
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from api.commands import add_kb_argument, with_kb
from api.settings import Settings
from graph.errors import InvalidArgument, StoreConfigError, StoreUnavailable
from graph.store import GraphStore

log = logging.getLogger("ingest")
EXIT_INTERRUPTED = 130


def register(sub: Any) -> None:
    """Add the `ingest` subcommand."""
    parser = sub.add_parser("ingest", help="extract articles and load them into the store",
                            description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files, folders, glob patterns, or http(s) URLs of articles and RSS/Atom feeds")
    add_store_argument(parser)
    add_kb_argument(parser)
    parser.add_argument("--workers", type=_positive, default=1, help="extraction processes (default 1)")
    parser.add_argument("--batch-size", type=_positive, default=200,
                        help="articles per atomic store write (default 200)")
    parser.add_argument("--reference", action="append", default=[], metavar="FILE",
                        help="curated relations (YAML or CSV) loaded as a reference source; repeatable")
    parser.add_argument("--failures", metavar="FILE", help="also write the failures as JSON lines to FILE")
    parser.add_argument("--retries", type=_positive, default=5, metavar="N",
                        help="attempts per store operation while the store is unreachable, with "
                             "exponential backoff from 0.5 s (default 5)")
    parser.add_argument("--engine", choices=("process", "spark"), default="process",
                        help="process: this machine, --workers processes (default); spark: Apache Spark "
                             "(needs the 'spark' extra)")
    parser.add_argument("--master", default="local[*]", metavar="URL",
                        help="Spark master URL with --engine spark (default local[*])")
    parser.add_argument("--checkpoint", metavar="DIR",
                        help="keep Spark's flat extraction rows here, so a re-run re-parses nothing")
    parser.add_argument("--watch", action="store_true",
                        help="follow the folders and feed URLs: poll them, ingest what is new or changed")
    parser.add_argument("--interval", type=float, default=60.0, metavar="SECONDS",
                        help="seconds between polls with --watch (default 60)")
    parser.add_argument("--polls", type=_positive, metavar="N", help="with --watch, stop after N polls")
    parser.add_argument("--allow-private-urls", action="store_true",
                        help="let http(s) PATHs reach loopback and private addresses (refused by default)")
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
    settings = with_kb(Settings.from_env(store=args.store), args)
    store = store_from_args(args)
    progress = Progress()
    try:
        store.ensure_schema()
        ingest_into(store, args.paths, args.reference, settings=settings, workers=args.workers,
                    batch_size=args.batch_size, progress=progress, retries=args.retries,
                    engine=_spark_options(args), follow=_follow(args), fetch=_fetch_policy(args))
    finally:
        progress.close()
        store.close()
    print(summary(progress.tally, progress.elapsed()), file=sys.stderr)
    if args.failures:
        write_failures(args.failures, progress.tally.failures)
    return progress.tally.exit_code()


def ingest_into(store: GraphStore, paths: Iterable[str], references: Iterable[str], *, settings: Settings,
                workers: int, batch_size: int, progress: Any, retries: int = 5, engine: Any = None,
                follow: Any = None, fetch: Any = None) -> None:
    """The service call behind the command: one process or Spark, one pass or following the sources."""
    from ingest import service
    from ingest.kb import load_kb
    from ingest.readers.fetch import Fetcher

    kb = load_kb(settings.kb_files)
    options = service.IngestOptions(batch_size=batch_size, retries=retries)
    fetcher = Fetcher(fetch) if fetch is not None else Fetcher()
    model, kb_files = settings.spacy_model, tuple(settings.kb_files)
    try:
        if engine is not None:
            _on_spark(store, list(paths), references, engine, follow, model=model, kb_files=kb_files, kb=kb,
                      progress=progress, options=options, fetcher=fetcher)
            return
        with service.ExtractorPool(model, kb_files, workers) as pool:
            if follow is not None:
                service.follow_into(store, list(paths), pool=pool, kb=kb, progress=progress, fetcher=fetcher,
                                    interval=follow.interval, polls=follow.polls, options=options)
                return
            service.ingest_into(store, paths, references, pool=pool, kb=kb, progress=progress,
                                options=options, read=lambda p: service.read_sources(p, fetcher))
    finally:
        fetcher.close()


def _on_spark(store: GraphStore, paths: list[str], references: Iterable[str], engine: Any, follow: Any,
              fetcher: Any, **common: Any) -> None:
    """`--engine spark`: one Spark ingest, or a Structured Streaming query over a folder."""
    from ingest import service
    from ingest.spark.engine import spark_ingest, spark_watch

    if follow is None:
        spark_ingest(store, paths, references, spark_options=engine,
                     read=lambda p: service.read_sources(p, fetcher), **common)
        return
    if len(paths) != 1 or not Path(paths[0]).is_dir():
        raise InvalidArgument("--watch with --engine spark follows one folder (follow feeds with the "
                              "one-process engine, which can drop them into that folder)")
    spark_watch(store, Path(paths[0]), spark_options=engine, interval=follow.interval,
                **common).awaitTermination()


@dataclass(frozen=True)
class Follow:
    """`--watch`: poll every `interval` seconds, `polls` times (None: until interrupted)."""

    interval: float
    polls: int | None


def _follow(args: argparse.Namespace) -> Follow | None:
    return Follow(args.interval, args.polls) if args.watch else None


def _fetch_policy(args: argparse.Namespace) -> Any:
    from ingest.readers.fetch import FetchPolicy

    return FetchPolicy(allow_private=args.allow_private_urls)


def _spark_options(args: argparse.Namespace) -> Any:
    """SparkOptions for --engine spark, None for the one-process engine."""
    if args.engine != "spark":
        return None
    from ingest.spark.engine import SparkOptions

    return SparkOptions(master=args.master, checkpoint=Path(args.checkpoint) if args.checkpoint else None)


def _fail(command: str, message: str) -> int:
    one_line = " ".join(message.split())  # driver messages span lines; the error stays one line
    print(f"actorgraph {command}: {one_line}", file=sys.stderr)
    return 2


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be a positive integer")
    return value
