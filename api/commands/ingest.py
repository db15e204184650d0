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
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files, folders or glob patterns")
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
    """The service call behind the command, configured from the settings."""
    from ingest import service
    from ingest.kb import load_kb

    kb = load_kb(settings.kb_files)
    options = service.IngestOptions(batch_size=batch_size, retries=retries)
    with service.ExtractorPool(settings.spacy_model, tuple(settings.kb_files), workers) as pool:
        service.ingest_into(store, paths, references, pool=pool, kb=kb, progress=progress, options=options)


def _fail(command: str, message: str) -> int:
    one_line = " ".join(message.split())  # driver messages span lines; the error stays one line
    print(f"actorgraph {command}: {one_line}", file=sys.stderr)
    return 2


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be a positive integer")
    return value
