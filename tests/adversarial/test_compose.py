"""Issue 12, item 7: compose publishes nothing beyond loopback unless told to."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
LOOPBACK = re.compile(r"^(127\.0\.0\.1|\$\{[A-Z0-9_]+:-127\.0\.0\.1\}):\d+:\d+$")


def test_every_published_port_binds_to_loopback_by_default() -> None:
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    ports = [(name, str(p)) for name, svc in services.items() for p in svc.get("ports", [])]
    assert ports and all(LOOPBACK.match(p) for _, p in ports), ports


def test_readme_says_how_to_open_them() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "API_BIND=0.0.0.0" in readme and "NEO4J_BIND=0.0.0.0" in readme
