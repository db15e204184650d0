"""`actorgraph query NAME [-p key=value ...]`: answer a named query from `queries/` as JSON.

`actorgraph query --list` names them; `--cypher` prints a query's Cypher file (to
paste into Neo4j Browser or a notebook) instead of running it. List parameters
take commas (`-p center=a,b`); values that parse as JSON (numbers, true/false)
are passed as such.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from api.commands.ingest import add_store_argument, cli_errors, store_from_args
from graph.errors import LimitExceeded, NotFound


def register(sub: Any) -> None:
    """Add the `query` subcommand."""
    parser = sub.add_parser("query", help="run a named query and print its JSON answer",
                            description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("name", nargs="?", help="query name (see --list)")
    parser.add_argument("-p", "--param", action="append", default=[], metavar="KEY=VALUE",
                        help="a parameter; repeatable")
    parser.add_argument("--list", action="store_true", help="list the named queries and exit")
    parser.add_argument("--cypher", action="store_true", help="print the query's Cypher file and exit")
    add_store_argument(parser)
    parser.set_defaults(handler=run)


def parse_params(pairs: list[str]) -> dict[str, Any]:
    """`key=value` strings as a parameter dict (JSON scalars decoded, the rest kept as text)."""
    params: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise ValueError(f"parameter {pair!r} is not KEY=VALUE")
        try:
            decoded = json.loads(value)
        except json.JSONDecodeError:
            decoded = value
        params[key] = decoded if isinstance(decoded, int | float | bool | list) else value
    return params


@cli_errors("query")
def run(args: argparse.Namespace) -> int:
    """List, show or run a named query."""
    from queries.registry import QUERIES, get

    if args.list:
        for name, query in sorted(QUERIES.items()):
            print(f"{name:<18} {query.summary}")
        return 0
    if not args.name:
        print("actorgraph query: give a query NAME or --list", file=sys.stderr)
        return 2
    query = get(args.name)
    if args.cypher:
        print(query.named.cypher, end="")
        return 0
    try:
        params = parse_params(args.param)
    except ValueError as exc:
        print(f"actorgraph query: {exc}", file=sys.stderr)
        return 2
    store = store_from_args(args)
    try:
        answer = query.run(store, params)
    except (NotFound, LimitExceeded) as exc:
        print(f"actorgraph query: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    print(json.dumps(answer, ensure_ascii=False, indent=2))
    return 0
