"""One module per `actorgraph` subcommand, each with `register(subparsers)`."""

from __future__ import annotations

import argparse
import dataclasses

from api.settings import Settings


def add_kb_argument(parser: argparse.ArgumentParser) -> None:
    """The shared `--kb FILE` option: extra knowledge, our YAML or FollowTheMoney JSON lines."""
    parser.add_argument("--kb", action="append", default=[], metavar="FILE",
                        help="extra actor knowledge base: our YAML, or a FollowTheMoney JSON-lines file "
                             "(OpenSanctions, Aleph); repeatable, added to $ACTORGRAPH_KB_FILES")


def with_kb(settings: Settings, args: argparse.Namespace) -> Settings:
    """`settings` with the `--kb` files after those of ACTORGRAPH_KB_FILES."""
    extra = tuple(getattr(args, "kb", None) or ())
    return dataclasses.replace(settings, kb_files=(*settings.kb_files, *extra)) if extra else settings
