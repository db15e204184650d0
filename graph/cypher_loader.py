"""Named Cypher files: `load("subgraph_layer")` is the text of `graph/cypher/subgraph_layer.cypher`.

Queries live in files (readable, usable as-is from a notebook); this loader
reads each once and checks names so no path can be built from request data.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

CYPHER_DIR = Path(__file__).resolve().parent / "cypher"
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


@cache
def load(name: str, directory: Path = CYPHER_DIR) -> str:
    """The query text of `<directory>/<name>.cypher` (cached); unknown names raise KeyError."""
    if not _NAME.match(name):
        raise KeyError(f"invalid query name: {name!r}")
    path = directory / f"{name}.cypher"
    if not path.is_file():
        raise KeyError(f"no such query: {name}")
    return path.read_text(encoding="utf-8")


def statements(name: str, directory: Path = CYPHER_DIR) -> list[str]:
    """The `;`-separated statements of a script file (schema), comment lines dropped."""
    lines = [ln for ln in load(name, directory).splitlines() if not ln.lstrip().startswith("//")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
