"""`actorgraph extract PATH...`: print what each article states, in the FORMAT.md extraction format.

No store is needed. Exit status: 0 every item extracted; 1 some items could not
be read or had no text (each reported on stderr, the rest printed); 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from api.commands import add_kb_argument, with_kb
from api.settings import Settings

FORMATS = ("jsonl", "json", "table")


def register(sub: Any) -> None:
    """Add the `extract` subcommand."""
    parser = sub.add_parser("extract", help="print the entities and relations each article states",
                            description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or glob patterns")
    parser.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default jsonl)")
    parser.add_argument("--workers", type=_positive, default=1, help="extraction processes (default 1)")
    add_kb_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Read, extract and print; return the exit status."""
    from ingest.readers import ReadError, read_paths
    from ingest.resolve.retype import one_type_per_actor
    from ingest.service import Failure, extract_many

    settings = with_kb(Settings.from_env(), args)
    failed = 0

    def articles() -> Iterator[Any]:
        nonlocal failed
        for item in read_paths(args.paths):
            if isinstance(item, ReadError):
                failed += 1
                print(f"actorgraph extract: {item.source}: {item.reason}", file=sys.stderr)
            else:
                yield item

    def records() -> Iterator[dict[str, Any]]:
        nonlocal failed
        done = []
        for out in extract_many(articles(), settings.spacy_model, tuple(settings.kb_files), args.workers):
            if isinstance(out, Failure):
                failed += 1
                print(f"actorgraph extract: {out.source}: {out.reason}", file=sys.stderr)
            else:
                done.append(out)
        for out in one_type_per_actor(done):  # one type per unknown actor across the articles given
            yield out.to_json()

    from ingest.kb import KnowledgeBaseError
    from ingest.service import ModelNotFound

    try:
        write(records(), args.format, sys.stdout)
    except (ModelNotFound, KnowledgeBaseError) as exc:
        print(f"actorgraph extract: {exc}", file=sys.stderr)
        return 2
    return 1 if failed else 0


def write(records: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> None:
    """Print records as JSON Lines, one JSON array, or a readable table."""
    if fmt == "json":
        json.dump(list(records), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for rec in records:
        if fmt == "jsonl":
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            out.write(table(rec))


def table(rec: dict[str, Any]) -> str:
    """One article as aligned text: its entities, then its relations with confidence."""
    names = {e["id"]: e["name"] for e in rec["entities"]}
    art = rec["article"]
    lines = [f"== {art['source']}  {art.get('title') or ''}  {art.get('published') or ''}".rstrip()]
    for e in rec["entities"]:
        lines.append(f"  {e['type']:<15} {e['name']:<45} {len(e['mentions'])} mention(s)")
    for r in rec["relations"]:
        attrs = " ".join(f"{k}={v}" for k, v in r["attrs"].items())
        lines.append(f"  {names[r['subject']]} -{r['predicate']}-> {names[r['object']]}"
                     f"  {attrs}  ({r['confidence']:.2f})".rstrip())
    return "\n".join(lines) + "\n\n"


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be a positive integer")
    return value
