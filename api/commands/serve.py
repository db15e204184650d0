"""`actorgraph serve`: the API (and network view) on werkzeug's development server.

For production run gunicorn instead: `gunicorn 'api.app:create_app()'` (see the Dockerfile).
"""

from __future__ import annotations

import argparse
from typing import Any

from api.commands import add_kb_argument, with_kb
from api.commands.ingest import add_store_argument
from api.settings import Settings


def register(sub: Any) -> None:
    """Add the `serve` subcommand."""
    parser = sub.add_parser("serve", help="serve the API on a development server", description=__doc__,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    add_store_argument(parser)
    add_kb_argument(parser)
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Build the app from the environment and `--store`, then serve until interrupted."""
    from api.app import create_app

    app = create_app(with_kb(Settings.from_env(store=args.store), args))
    print(f"actorgraph API on http://{args.host}:{args.port}/  (docs at /docs)", flush=True)
    app.run(host=args.host, port=args.port, threaded=True, use_reloader=False)
    return 0
