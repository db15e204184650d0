"""POSTed articles into the graph through the ingest pipeline (read → extract → resolve → load).

The spaCy pipeline is loaded once per process, on the first POST, and kept on
the app; reads never pay for it.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from typing import Any

from flask import current_app

from graph.model import Article, article_id_for
from graph.store import GraphStore

_lock = threading.Lock()


def to_article(raw: Mapping[str, Any]) -> Article:
    """An Article from a posted JSON object (id from the explicit id, else the URL, else the text)."""
    body = raw["body"]
    url = raw.get("url") or None
    return Article(
        id=article_id_for(raw.get("id"), url, body),
        source=raw.get("source") or url or "api",
        body=body,
        title=raw.get("title") or "",
        published=raw.get("published") or None,
        url=url,
    )


def _extractor() -> Any:
    """The app's extractor, built on first use (loading the spaCy model takes a second or two)."""
    ext = current_app.extensions
    with _lock:
        if "actorgraph_extractor" not in ext:
            from ingest.extract import make_extractor

            settings = ext["actorgraph_settings"]
            ext["actorgraph_extractor"] = make_extractor(settings.spacy_model, settings.kb_files)
        return ext["actorgraph_extractor"]


def ingest(store: GraphStore, posted: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Ingest the posted articles; report how many were written, skipped, and what they carried."""
    from ingest.load import Loader, run_ingest
    from ingest.progress import Progress
    from ingest.resolve import Resolver

    articles = [to_article(raw) for raw in posted]
    loader = Loader(store, Resolver(store))
    totals = {"entities": 0, "relations": 0}

    def count(result: Any) -> None:
        totals["entities"] += result.entities
        totals["relations"] += result.relations

    tally = run_ingest(articles, loader, _extractor(), Progress(None, tty=False), on_batch=count)
    ids = sorted({a.id for a in articles})
    return {"articles": len(articles), "written": tally.loaded, "skipped": len(ids) - tally.loaded,
            **totals, "ids": ids}
