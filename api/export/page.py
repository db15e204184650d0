"""The interactive network page: one template for the live view, the embed, HTML files and notebooks.

Live pages load the vis-network library and our script from the server; file
pages inline the same bytes and the data (evidence included), so they open
offline with no request at all. The vis-network files are read from the
installed pyvis package, never copied into this repository.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from api.export.picture import marker_svg
from api.export.style import legend_json
from graph.model import Subgraph
from queries.serialize import subgraph_json

VIS_DIR = ("lib", "vis-9.1.2")
VIS_FILES = {"vis-network.min.js": "application/javascript", "vis-network.css": "text/css"}
OWN_FILES = {"view.js": "application/javascript", "view.css": "text/css"}
# A saved file may talk to nothing: inline code and styles, data: images, no fetch, no frames.
FILE_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"


@cache
def vis_asset(name: str) -> bytes:
    """The bytes of a vis-network file shipped inside the installed pyvis package."""
    if name not in VIS_FILES:
        raise KeyError(name)
    return resources.files("pyvis").joinpath(*VIS_DIR, name).read_bytes()


@cache
def own_asset(name: str) -> bytes:
    """One of our own static files (`api/static/`)."""
    if name not in OWN_FILES:
        raise KeyError(name)
    return resources.files("api").joinpath("static", name).read_bytes()


@cache
def _templates() -> Environment:
    return Environment(loader=PackageLoader("api", "templates"), autoescape=select_autoescape(["html"]))


def payload(sub: Subgraph, *, evidence: dict[str, list[dict[str, Any]]] | None = None) -> dict[str, Any]:
    """What the page's script draws: nodes, edges, the types legend, and inlined evidence for files."""
    body = subgraph_json(sub)
    body["predicates"] = sorted({e["predicate"] for e in body["edges"]})
    body["legend"] = legend_json()
    if evidence is not None:
        body["evidence"] = evidence
    return body


def script_json(value: Any) -> Markup:
    """JSON safe inside a <script> element: no `<`, `>` or `&` that could end or open a tag."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _legend(data: dict[str, Any]) -> list[dict[str, Any]]:
    present = {n["type"] for n in data["nodes"]}
    return [{**item, "marker": Markup(marker_svg(item["shape"], item["colour"]))}
            for item in data["legend"] if item["type"] in present]


def render(data: dict[str, Any], *, title: str, mode: str, chrome: bool = True, base: str = "",
           live_link: str | None = None) -> str:
    """The page: `mode` is `live` (assets and details from the server at `base`) or `file` (all inline)."""
    inline = mode == "file"
    assets: dict[str, Markup] = {}
    if inline:
        assets = {name.replace("-", "_").replace(".", "_"): Markup(_decoded(data_bytes))
                  for name, data_bytes in ((n, vis_asset(n)) for n in VIS_FILES)}
        assets.update({name.replace(".", "_"): Markup(_decoded(own_asset(name))) for name in OWN_FILES})
    return _templates().get_template("network.html").render(
        title=title, mode=mode, chrome=chrome, base=base, inline=inline, assets=assets,
        data=script_json(data), legend=_legend(data), counts=(len(data["nodes"]), len(data["edges"])),
        truncated=data["truncated"], file_csp=FILE_CSP, live_link=live_link)


def _decoded(raw: bytes) -> str:
    text = raw.decode("utf-8")
    # an inlined asset must not close its own <script>/<style> element
    return text.replace("</script", "<\\/script").replace("</style", "<\\/style")
