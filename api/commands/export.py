"""`actorgraph export --format F [--center ID ...] [--depth N] -o PATH`: the graph or a subgraph as a file.

Formats: graphml (yEd), gexf (Gephi), json, csv (neo4j-admin import: PATH is a
directory receiving nodes.csv and relationships.csv, or a .zip), cypher (a MERGE
script), html (one self-contained interactive page), svg and png (pictures).
Without --center the whole graph is exported (every entity in a relation).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from api.commands.ingest import add_store_argument, cli_errors, store_from_args
from api.export import FORMATS, export, source, tabular
from graph.errors import ActorGraphError
from graph.store import MAX_NODES, GraphStore
from queries.scope import parse_subgraph

SCOPE_ARGS = ("center", "depth", "predicates", "types", "since", "until", "limit", "min_confidence")


def register(sub: Any) -> None:
    """Add the `export` subcommand."""
    parser = sub.add_parser("export", help="write the graph or a subgraph as GraphML, GEXF, JSON, CSV, "
                            "Cypher, HTML, SVG or PNG", description=__doc__,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--format", required=True, choices=sorted(FORMATS), help="output format")
    parser.add_argument("--center", action="append", default=[], metavar="ID",
                        help="centre entity id (repeatable); none: the whole graph")
    parser.add_argument("--depth", type=int, default=1, help="hops around the centres (1-3, default 1)")
    parser.add_argument("--predicates", metavar="P,Q", help="only these relationship types")
    parser.add_argument("--types", metavar="T,U", help="only entities of these types beyond the centres")
    parser.add_argument("--min-confidence", type=float, metavar="X", help="leave out relations below X")
    parser.add_argument("--since", metavar="DATE", help="relations last seen on or after DATE")
    parser.add_argument("--until", metavar="DATE", help="relations first seen on or before DATE")
    parser.add_argument("--limit", type=int, default=MAX_NODES, help=f"node limit (default {MAX_NODES})")
    parser.add_argument("-o", "--output", required=True, metavar="PATH", help="file (csv: directory or .zip)")
    add_store_argument(parser)
    parser.set_defaults(handler=run)


@cli_errors("export")
def run(args: argparse.Namespace) -> int:
    """Open the store, write the export, report what was written."""
    store = store_from_args(args)
    try:
        written = write(store, args)
    except ActorGraphError as exc:  # unknown centre, limits, no PNG renderer: one clear line
        print(f"actorgraph export: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    print(f"actorgraph export: wrote {written}", file=sys.stderr)
    return 0


def write(store: GraphStore, args: argparse.Namespace) -> Path:
    """The export of `args` from `store` at `args.output`; returns the path written."""
    raw = {name: getattr(args, name) for name in SCOPE_ARGS}
    scope = parse_subgraph(raw, need_center=False)
    out = Path(args.output)
    if args.format == "csv" and out.suffix.lower() != ".zip":
        out.mkdir(parents=True, exist_ok=True)
        for name, text in tabular.csv_files(source.subgraph(store, scope)).items():
            (out / name).write_text(text, encoding="utf-8")
        return out
    _, body = export(store, args.format, scope)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(body)
    return out
