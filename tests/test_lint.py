"""The tree stays clean under the project's linters: ruff everywhere, mypy strict on graph/ and queries/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_is_clean() -> None:
    result = _run(str(BIN / "ruff"), "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_strict_on_graph_and_queries_is_clean() -> None:
    result = _run(sys.executable, "-m", "mypy", "graph", "queries")
    assert result.returncode == 0, result.stdout + result.stderr
