"""Shared helpers of the ingest tests: run the CLI in-process or as a subprocess, read stats."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from api.cli import main

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "articles"
REFERENCE = ROOT / "examples" / "reference" / "us-designations.yaml"


def few(n: int) -> list[str]:
    """The first `n` sample articles (text files), as CLI paths."""
    return [str(p) for p in sorted(CORPUS.glob("*.txt"))[:n]]


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run `actorgraph ARGS` in this process: (exit status, stdout, stderr)."""
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def stats(capsys: pytest.CaptureFixture[str], store: str) -> dict[str, Any]:
    code, out, err = cli(capsys, "stats", "--json", "--store", store)
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def spawn(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """`actorgraph ARGS` as a child process (stderr piped, line-buffered text)."""
    return subprocess.Popen([sys.executable, "-m", "api.cli", *args], cwd=ROOT, text=True, bufsize=1,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
                            preexec_fn=_default_sigint)


def _default_sigint() -> None:
    # A test run started in the background inherits an ignored SIGINT; the child must see Ctrl-C.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """`actorgraph ARGS` as a child process, to completion."""
    return subprocess.run([sys.executable, "-m", "api.cli", *args], cwd=ROOT, text=True,
                          capture_output=True, timeout=timeout, check=False)
