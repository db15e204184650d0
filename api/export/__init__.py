"""Exports of the actor graph for analysts' tools and documents, one function per format.

`export(store, fmt, scope)` is what the CLI (`actorgraph export`) and the API
(`GET /api/v1/export`) both call; each format turns one `Subgraph` into bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from api.export import cypher_script, page, picture, source, tabular, xml_formats
from api.export.source import Scope
from graph.errors import InvalidArgument
from graph.model import Subgraph
from graph.store import GraphStore


@dataclass(frozen=True)
class Format:
    """How one format is written and served."""

    name: str
    media_type: str
    extension: str
    write: Callable[[GraphStore, Subgraph, str], bytes]


def _html(store: GraphStore, sub: Subgraph, title: str) -> bytes:
    data = page.payload(sub, evidence=source.evidence_by_edge(store, sub))
    return page.render(data, title=title, mode="file").encode("utf-8")


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("graphml", "application/graphml+xml", "graphml", lambda s, g, t: xml_formats.graphml(g)),
    Format("gexf", "application/gexf+xml", "gexf", lambda s, g, t: xml_formats.gexf(g)),
    Format("json", "application/json", "json", lambda s, g, t: tabular.as_json(g)),
    Format("csv", "application/zip", "zip", lambda s, g, t: tabular.csv_zip(g)),
    Format("cypher", "application/x-cypher-query; charset=utf-8", "cypher",
           lambda s, g, t: cypher_script.script(g).encode("utf-8")),
    Format("html", "text/html; charset=utf-8", "html", _html),
    Format("svg", "image/svg+xml", "svg", lambda s, g, t: picture.svg(g, t).encode("utf-8")),
    Format("png", "image/png", "png", lambda s, g, t: picture.png(g, t)),
)}


def get_format(name: str) -> Format:
    """A format by name; an unknown one is a bad argument naming the choices."""
    try:
        return FORMATS[name]
    except KeyError:
        raise InvalidArgument(f"unknown export format {name!r}; choose one of {sorted(FORMATS)}") from None


def title_for(store: GraphStore, scope: Scope) -> str:
    """A caption: the centres' names and the depth, or `Whole graph`."""
    if not scope.centers:
        return "actorgraph: whole graph"
    names = []
    for cid in scope.centers[:3]:
        entity = store.get_entity(cid)
        names.append(entity.name if entity else cid)
    more = f" and {len(scope.centers) - 3} more" if len(scope.centers) > 3 else ""
    return f"actorgraph: {', '.join(names)}{more} (depth {scope.depth})"


def export(store: GraphStore, fmt: str, scope: Scope) -> tuple[Format, bytes]:
    """The scoped subgraph (whole graph without centres) written in `fmt`."""
    chosen = get_format(fmt)
    sub = source.subgraph(store, scope)
    return chosen, chosen.write(store, sub, title_for(store, scope))
