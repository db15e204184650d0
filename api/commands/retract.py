"""`actorgraph retract ARTICLE_ID`: remove an article and whatever it alone supported."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from api.commands.ingest import add_store_argument, cli_errors, store_from_args
from graph.errors import NotFound


def register(sub: Any) -> None:
    """Add the `retract` subcommand."""
    parser = sub.add_parser("retract", help="remove an article, its evidence and what it alone supported",
                            description=__doc__ + " Exit status 1 when the store holds no such article.")
    parser.add_argument("article_id", metavar="ARTICLE_ID", help="the article's id (see `extract`)")
    add_store_argument(parser)
    parser.set_defaults(handler=run)


@cli_errors("retract")
def run(args: argparse.Namespace) -> int:
    """Delete the article and print what went with it."""
    store = store_from_args(args)
    try:
        gone = store.delete_article(args.article_id)
    except NotFound:
        print(f"actorgraph retract: no article {args.article_id!r} in the store", file=sys.stderr)
        return 1
    finally:
        store.close()
    print(f"retracted {gone.article_id}: removed {gone.evidence} evidence items, "
          f"{gone.relations} relations and {gone.entities} entities left without support")
    return 0
