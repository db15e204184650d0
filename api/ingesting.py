"""POSTed articles into the graph through the ingest pipeline (extract → resolve → load).

Each app keeps its own extractor pool and knowledge base in `app.extensions`, built on
the first POST, so reads never pay for them and a second app never reuses the first's.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from typing import Any

from flask import current_app

from api.settings import Settings
from graph.clean import clean_article, web_url
from graph.model import Article, article_id_for
from graph.store import GraphStore
from ingest.errors import ArticlesFailed

_lock = threading.Lock()  # one extraction at a time per process: the pipeline is not shared safely


def to_article(raw: Mapping[str, Any]) -> Article:
    """An Article from a posted JSON object (id from the explicit id, else the URL, else the text)."""
    body = raw["body"]
    url = web_url(raw.get("url"))  # only http(s) links are kept, as in every reader
    return clean_article(Article(
        id=article_id_for(raw.get("id"), url, body),
        source=raw.get("source") or url or "api",
        body=body,
        title=raw.get("title") or "",
        published=raw.get("published") or None,
        url=url,
    ))


def _knowledge_base(settings: Settings) -> Any:
    """The actor knowledge base, loaded once per app."""
    ext = current_app.extensions
    if "actorgraph_kb" not in ext:
        from ingest.kb import load_kb

        ext["actorgraph_kb"] = load_kb(settings.kb_files)
    return ext["actorgraph_kb"]


def _pool(settings: Settings) -> Any:
    """This app's extractor pool (in-process), built on the first POST; a second app gets its own."""
    ext = current_app.extensions
    if "actorgraph_pool" not in ext:
        from ingest.extract_pool import ExtractorPool

        ext["actorgraph_pool"] = ExtractorPool(settings.spacy_model, tuple(settings.kb_files), workers=1)
    return ext["actorgraph_pool"]


def ingest(store: GraphStore, posted: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Ingest the posted articles; report what was written and skipped; 422 if any failed."""
    from ingest.progress import Progress
    from ingest.service import ingest_articles

    settings: Settings = current_app.extensions["actorgraph_settings"]
    articles = [to_article(raw) for raw in posted]
    with _lock:
        progress = Progress(tty=False)
        ingest_articles(store, articles, pool=_pool(settings), kb=_knowledge_base(settings),
                        progress=progress)
    tally = progress.tally
    if tally.failures:
        reasons = "; ".join(f"{f.article_id or f.source}: {f.reason}" for f in tally.failures)
        raise ArticlesFailed(f"{len(tally.failures)} of {len(articles)} articles failed "
                             f"({tally.loaded} written): {reasons}")
    return {"articles": len(articles), "written": tally.loaded, "skipped": tally.unchanged,
            "entities": tally.entities, "relations": tally.relations,
            "ids": list(dict.fromkeys(a.id for a in articles))}
