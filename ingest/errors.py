"""Ingest errors, under the project's one exception tree (light to import: no spaCy)."""

from __future__ import annotations

from graph.errors import ActorGraphError


class IngestError(ActorGraphError):
    """Base of the errors the ingest stages raise on purpose."""


class ArticlesFailed(IngestError):
    """Some articles of a write could not be extracted (the others were written)."""

    status = 422
    title = "Extraction failed"


class FetchError(IngestError):
    """A URL that could not be fetched (refused, too large, timed out, bad status)."""

    status = 502
    title = "Fetch failed"
