"""Project wiring: our package names import from this repo; the compose file matches the settings."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
import yaml

from api.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("package", ["actorgraph", "graph", "ingest", "api", "queries"])
def test_top_level_packages_import_from_this_repo(package: str) -> None:
    module = importlib.import_module(package)
    assert Path(module.__file__).resolve().parent == ROOT / package


def test_compose_parses_and_api_environment_names_are_settings() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert services["neo4j"]["image"] == "neo4j:5.26-community"
    assert "apoc" in services["neo4j"]["environment"]["NEO4J_PLUGINS"]
    assert "cypher-shell" in " ".join(services["neo4j"]["healthcheck"]["test"])
    assert services["api"]["depends_on"]["neo4j"]["condition"] == "service_healthy"
    known = {env for env, _, _ in Settings.describe()}
    assert set(services["api"]["environment"]) <= known


def test_settings_from_environment_and_overrides() -> None:
    env = {"ACTORGRAPH_STORE": "embedded:///tmp/x.db", "ACTORGRAPH_KB_FILES": "a.yaml:b.yaml",
           "ACTORGRAPH_MAX_BODY_BYTES": "1000"}
    settings = Settings.from_env(env, api_token="t")
    assert settings.store == "embedded:///tmp/x.db"
    assert settings.kb_files == ("a.yaml", "b.yaml")
    assert settings.max_body_bytes == 1000
    assert settings.api_token == "t"


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "make test" in readme and "make run" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()
