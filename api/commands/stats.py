"""`actorgraph stats`: what the store holds — articles, entities by type, relations by predicate."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import Any

from api.commands.ingest import add_store_argument, cli_errors, store_from_args
from graph.model import Counts


def register(sub: Any) -> None:
    """Add the `stats` subcommand."""
    parser = sub.add_parser("stats", help="counts of articles, entities by type, relations by predicate",
                            description=__doc__)
    add_store_argument(parser)
    parser.add_argument("--json", action="store_true", help="print the counts as one JSON object")
    parser.set_defaults(handler=run)


@cli_errors("stats")
def run(args: argparse.Namespace) -> int:
    """Print the store's counts."""
    store = store_from_args(args)
    try:
        counts = store.counts()
    finally:
        store.close()
    print(json.dumps(asdict(counts), sort_keys=True) if args.json else format_counts(counts))
    return 0


def format_counts(counts: Counts) -> str:
    """A small aligned table of the counts, for people."""
    lines = [f"articles  {counts.articles}", f"evidence  {counts.evidence}",
             f"entities  {sum(counts.entities.values())}"]
    lines += [f"  {name:<24} {n}" for name, n in counts.entities.items()]
    lines.append(f"relations {sum(counts.relations.values())}")
    lines += [f"  {name:<24} {n}" for name, n in counts.relations.items()]
    return "\n".join(lines)
