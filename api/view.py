"""The network view and exports over HTTP: `/view`, `/embed`, `/view.svg`, `/view.png`, `/api/v1/export`.

Pages are self-contained: vis-network comes from the installed pyvis package
through `/view/lib/`, our script and styles through `/view/static/`, and the
Content-Security-Policy keeps every request on this server.
"""

from __future__ import annotations

from typing import Any

from apiflask import APIBlueprint, Schema
from apiflask.fields import Integer, String
from apiflask.validators import OneOf, Range
from flask import Response, abort, current_app, request

from api.app import get_store
from api.export import FORMATS, export, page, picture, source, title_for
from api.export.source import Scope
from api.schemas import DATE, _predicates, centers
from api.security import settings
from graph.model import Subgraph
from graph.store import MAX_NODES
from queries.scope import DEFAULT_LIMITS as LIMITS
from queries.scope import from_args, parse_subgraph

bp = APIBlueprint("view", __name__, tag="Export")
ASSET_MAX_AGE = 86400
MAX_ARTICLE_IDS = 50


class ExportQuery(Schema):
    """Documents `/api/v1/export`; `queries.scope.parse_subgraph` checks the values (same limits)."""

    format = String(required=True, validate=OneOf(sorted(FORMATS)),
                    metadata={"description": "graphml, gexf, json, csv (zip), cypher, html, svg or png"})
    center = centers(required=False, description="Centre entity ids; absent: the whole graph")
    depth = Integer(load_default=1, validate=Range(1, LIMITS.max_depth))
    predicates = _predicates()
    since = String(validate=DATE)
    until = String(validate=DATE)
    limit = Integer(load_default=LIMITS.max_nodes, validate=Range(1, LIMITS.max_nodes))


def _csp(*, page_sources: bool) -> str:
    """Only this server may be reached; framing as allowed by the `frame_ancestors` setting."""
    ancestors = " ".join(settings().frame_ancestors) or "'none'"
    rules = "default-src 'none'"
    if page_sources:
        rules = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                 "img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; "
                 "form-action 'self'")
    return f"{rules}; frame-ancestors {ancestors}"


def _scope(default_limit: int | None = None) -> Scope:
    """The request's subgraph parameters, checked like every other subgraph request."""
    return parse_subgraph(from_args(request.args), need_center=False, default_limit=default_limit)


def _view_subgraph(scope: Scope) -> Subgraph:
    """The centres' subgraph, or the default view (kept per graph version: it ranks the whole graph)."""
    store = get_store()
    if scope.centers:
        return source.subgraph(store, scope)
    cache = current_app.extensions["actorgraph_cache"]
    return cache.get_or_compute(store, "default_view", scope.as_params(),  # type: ignore[no-any-return]
                                lambda: source.default_view(store, scope))


def _page(chrome: bool) -> Response:
    scope = _scope()
    sub = _view_subgraph(scope)
    title = title_for(get_store(), scope) if scope.centers else "actorgraph: best-connected actors"
    html = page.render(page.payload(sub), title=title, mode="live", chrome=chrome, base=request.script_root)
    response = Response(html, mimetype="text/html")
    response.headers["Content-Security-Policy"] = _csp(page_sources=True)
    return response


@bp.get("/view")
@bp.doc(hide=True)
def view() -> Response:
    """The interactive network page."""
    return _page(chrome=True)


@bp.get("/embed")
@bp.doc(hide=True)
def embed() -> Response:
    """The same view without the page header, for iframes."""
    return _page(chrome=False)


def _picture(kind: str) -> Response:
    scope = _scope()
    store = get_store()
    sub = _view_subgraph(scope)
    title = title_for(store, scope) if scope.centers else "actorgraph: best-connected actors"
    if kind == "svg":
        response = Response(picture.svg(sub, title), mimetype="image/svg+xml")
    else:
        response = Response(picture.png(sub, title), mimetype="image/png")
    response.headers["Content-Security-Policy"] = _csp(page_sources=False)
    return response


@bp.get("/view.svg")
@bp.doc(hide=True)
def view_svg() -> Response:
    """A static SVG of the same subgraph as `/view`."""
    return _picture("svg")


@bp.get("/view.png")
@bp.doc(hide=True)
def view_png() -> Response:
    """A static PNG of the same subgraph as `/view`."""
    return _picture("png")


@bp.get("/view/lib/<name>")
@bp.doc(hide=True)
def vis_asset(name: str) -> Response:
    """vis-network, served from the installed pyvis package."""
    if name not in page.VIS_FILES:
        abort(404)
    return _asset(page.vis_asset(name), page.VIS_FILES[name])


@bp.get("/view/static/<name>")
@bp.doc(hide=True)
def own_asset(name: str) -> Response:
    """The view's own script and styles."""
    if name not in page.OWN_FILES:
        abort(404)
    return _asset(page.own_asset(name), page.OWN_FILES[name])


def _asset(body: bytes, mimetype: str) -> Response:
    response = Response(body, mimetype=mimetype)
    response.cache_control.public = True
    response.cache_control.max_age = ASSET_MAX_AGE
    return response


@bp.get("/view/articles")
@bp.doc(hide=True)
def articles() -> Response:
    """Title, date, source and URL of the given articles (`?id=…` repeated), for evidence links."""
    ids = list(dict.fromkeys(request.args.getlist("id")))[:MAX_ARTICLE_IDS]
    store = get_store()
    body = {aid: source.article_info(store, aid) for aid in ids}
    return Response(page.script_json(body), mimetype="application/json")


def _file_schema(media_type: str) -> dict[str, Any]:
    """The body's schema by media type: the JSON export is the subgraph object, the rest are files."""
    if media_type == "application/json":
        return {"schema": {"type": "object"}}
    return {"schema": {"type": "string", "format": "binary"}}


_FILE_RESPONSES: dict[int | str, dict[str, Any]] = {200: {
    "description": "The file, as an attachment",
    "content": {media: _file_schema(media)
                for media in sorted({FORMATS[n].media_type.split(";")[0] for n in FORMATS})}}}


@bp.get("/api/v1/export")
@bp.input(ExportQuery, location="query", arg_name="query", validation=False)  # documents only
@bp.doc(summary="Export a subgraph or the whole graph", description=(
    "One file: GraphML (yEd), GEXF 1.3 (Gephi), JSON (the subgraph shape), CSV for "
    "`neo4j-admin database import` (nodes + relationships, zipped), a Cypher script that recreates "
    "the subgraph, a self-contained HTML view, or an SVG/PNG picture. Without `center`, every entity "
    f"that takes part in a relation (at most {MAX_NODES})."),
    responses=_FILE_RESPONSES)
def export_file(query: Any) -> Response:
    scope = _scope(default_limit=MAX_NODES)
    chosen, body = export(get_store(), request.args.get("format", ""), scope)
    name = f"actorgraph.{chosen.extension}"
    response = Response(body, mimetype=chosen.media_type.split(";")[0])
    if chosen.media_type.startswith("text/") or "charset" in chosen.media_type:
        response.headers["Content-Type"] = chosen.media_type
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Content-Security-Policy"] = _csp(page_sources=False)
    return response

