"""POSTed articles into the graph through the ingest pipeline (extract → resolve → load).

The spaCy pipeline and knowledge base are built once per process, on the first
POST (the ingest command's extractor keeps them), so reads never pay for them.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from typing import Any

from flask import current_app

from api.settings import Settings
from graph.errors import ActorGraphError
from graph.model import Article, article_id_for
from graph.store import GraphStore

_lock = threading.Lock()  # one extraction at a time per process: the pipeline is not shared safely


class ExtractionFailed(ActorGraphError):
    """Some posted articles could not be extracted (the others were written)."""

    status = 422
    title = "Extraction failed"


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


def _knowledge_base(settings: Settings) -> Any:
    """The actor knowledge base, loaded once per app."""
    ext = current_app.extensions
    if "actorgraph_kb" not in ext:
        from ingest.kb import load_kb

        ext["actorgraph_kb"] = load_kb(settings.kb_files)
    return ext["actorgraph_kb"]


def ingest(store: GraphStore, posted: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Ingest the posted articles; report what was written and skipped; 422 if any failed."""
    from api.commands.ingest import article_extractor
    from ingest.load import Loader, run_ingest
    from ingest.progress import Progress
    from ingest.resolve import Resolver

    settings: Settings = current_app.extensions["actorgraph_settings"]
    articles = [to_article(raw) for raw in posted]
    with _lock:
        kb = _knowledge_base(settings)
        loader = Loader(store, Resolver(store, is_kb=lambda eid: kb.by_id(eid) is not None))
        progress = Progress(tty=False)
        run_ingest(articles, loader, article_extractor(settings, kb, 1), progress)
    tally = progress.tally
    if tally.failures:
        reasons = "; ".join(f"{f.article_id or f.source}: {f.reason}" for f in tally.failures)
        raise ExtractionFailed(f"{len(tally.failures)} of {len(articles)} articles failed "
                               f"({tally.loaded} written): {reasons}")
    return {"articles": len(articles), "written": tally.loaded, "skipped": tally.unchanged,
            "entities": tally.entities, "relations": tally.relations,
            "ids": list(dict.fromkeys(a.id for a in articles))}
