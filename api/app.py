"""The Flask application factory: settings in, an app with its store, blueprints and guards out.

Nothing here runs at import: no app, driver or store exists until `create_app`
is called (gunicorn: `gunicorn 'api.app:create_app()'`).
"""

from __future__ import annotations

import atexit
import importlib
import threading
from collections.abc import Mapping
from dataclasses import fields
from typing import Any

from apiflask import APIFlask
from flask import current_app

from api import limits, openapi, problems, security
from api.cache import AnswerCache
from api.settings import Settings
from graph.store import GraphStore

VERSION = "1.0.0"


class StoreHolder:
    """The app's one store: opened on first use (so forked workers each open their own), closed at exit."""

    def __init__(self, settings: Settings, store: GraphStore | None = None) -> None:
        self._settings = settings
        self._store = store
        self._owned = store is None
        self._lock = threading.Lock()
        self._schema_ready = False

    @property
    def store(self) -> GraphStore:
        """The open store; a failed open raises (StoreUnavailable → 503) and is retried next time."""
        if self._store is None:
            with self._lock:
                if self._store is None:
                    self._store = self._open()
        return self._store

    def _open(self) -> GraphStore:
        from graph.factory import open_store

        conf = self._settings
        store = open_store(conf.store, user=conf.neo4j_user, password=conf.neo4j_password)
        atexit.register(self.close)
        return store

    def for_writes(self) -> GraphStore:
        """The store with its schema ensured (once): reads never need write rights, writes do."""
        store = self.store
        if not self._schema_ready:
            store.ensure_schema()
            self._schema_ready = True
        return store

    @property
    def opened(self) -> bool:
        """Whether the store exists yet (it is opened on first use)."""
        return self._store is not None

    @property
    def kind(self) -> str:
        """`embedded` or `neo4j`, from the store URL or the store given."""
        if not self._owned and self._store is not None:
            return "neo4j" if "neo4j" in type(self._store).__name__.lower() else "embedded"
        return "embedded" if self._settings.store.startswith("embedded:") else "neo4j"

    def close(self) -> None:
        """Close the store if this app opened it (a store passed in belongs to the caller)."""
        with self._lock:
            if self._owned and self._store is not None:
                self._store.close()
                self._store = None


def get_store() -> GraphStore:
    """The store of the current app."""
    return current_app.extensions["actorgraph"].store  # type: ignore[no-any-return]


def create_app(config: Settings | Mapping[str, Any] | None = None, *, store: GraphStore | None = None
               ) -> APIFlask:
    """Build the API app from settings (the environment when None) and an optional ready store."""
    settings, flask_config = _split_config(config)
    app = APIFlask("actorgraph", title="actorgraph API", version=VERSION, docs_path="/docs")
    app.config.update(openapi.CONFIG, MAX_CONTENT_LENGTH=settings.max_body_bytes, **flask_config)
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.extensions["actorgraph_settings"] = settings
    app.extensions["actorgraph"] = StoreHolder(settings, store)
    app.extensions["actorgraph_cache"] = AnswerCache()
    problems.register(app)
    security.install(app)
    limits.install(app, settings)
    _register_blueprints(app)
    app.spec_processor(openapi.finish_spec)
    return app


def _split_config(config: Settings | Mapping[str, Any] | None) -> tuple[Settings, dict[str, Any]]:
    """Settings (from env, an instance, or a mapping of field names) and any extra Flask config keys."""
    if config is None:
        return Settings.from_env(), {}
    if isinstance(config, Settings):
        return config, {}
    names = {f.name for f in fields(Settings)}
    ours = {k: v for k, v in config.items() if k in names}
    return Settings(**ours), {k: v for k, v in config.items() if k not in names}


def _register_blueprints(app: APIFlask) -> None:
    """One blueprint per area; the network view joins when its module exists."""
    from api.blueprints import BLUEPRINTS

    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    try:
        view = importlib.import_module("api.view")
    except ModuleNotFoundError as exc:
        if exc.name != "api.view":
            raise
        return
    app.register_blueprint(view.bp)
