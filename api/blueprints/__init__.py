"""One blueprint per area of the API, registered in this order by the app factory."""

from __future__ import annotations

from api.blueprints import analytics, articles, docs, entities, graphs, meta

BLUEPRINTS = (entities.bp, graphs.bp, analytics.bp, articles.bp, meta.bp, docs.bp)
