"""Writes: ingest articles (JSON) and retract one. Both need the bearer token."""

from __future__ import annotations

from typing import Any

from apiflask import APIBlueprint
from flask import Response, current_app

from api.app import get_store
from api.blueprints.respond import as_json
from api.ingesting import ingest
from api.schemas import ArticlesIn, IngestOut, RetractOut
from api.security import require_token

bp = APIBlueprint("articles", __name__, url_prefix="/api/v1", tag="Articles")


@bp.post("/articles")
@require_token
@bp.input(ArticlesIn, location="json", arg_name="body")
@bp.output(IngestOut, status_code=200)
@bp.doc(summary="Ingest articles", description="Extract actors and relations from one or many "
        "articles and write them to the graph. An article already held with the same content is "
        "skipped; a changed one replaces its old version. Needs `Authorization: Bearer <token>`.")
def post_articles(body: dict[str, Any]) -> Response:
    return as_json(ingest(current_app.extensions["actorgraph"].for_writes(), body["articles"]))


@bp.delete("/articles/<path:article_id>")
@require_token
@bp.output(RetractOut)
@bp.doc(summary="Retract an article", description="Remove the article, its evidence, and every "
        "relation and entity that only it supported. Any id works, `/` included (feed guids are often "
        "URLs): percent-encode it or not. Needs `Authorization: Bearer <token>`.")
def delete_article(article_id: str) -> Response:
    gone = get_store().delete_article(article_id)
    return as_json({"article_id": gone.article_id, "evidence": gone.evidence,
                    "relations": gone.relations, "entities": gone.entities})
