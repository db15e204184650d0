"""Serving: `actorgraph query` and `actorgraph serve`, gunicorn as in the Dockerfile."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from api.cli import main
from api.settings import Settings
from queries.registry import QUERIES
from tests.contract.fixture_graph import IRAN, KADHIMI
from tests.queries import stores

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    """An embedded store file holding the fixture graph."""
    store = stores.load(stores.embedded(tmp_path))
    store.close()
    return f"embedded://{tmp_path / 'graph.db'}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(url: str, proc: subprocess.Popen[bytes], timeout: float = 60.0) -> dict[str, str]:
    """Poll /health until it answers 200 (or the process dies)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"exited with {proc.returncode}"
        try:
            with urllib.request.urlopen(url + "/health", timeout=2) as res:
                return json.loads(res.read())  # type: ignore[no-any-return]
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} never became healthy")


def test_query_list_and_cypher(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--list"]) == 0
    listed = capsys.readouterr().out
    assert all(name in listed for name in QUERIES)
    assert main(["query", "subgraph", "--cypher"]) == 0
    assert capsys.readouterr().out == QUERIES["subgraph"].named.cypher


def test_query_runs_on_a_store(store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["query", "paths", "--store", store_url, "-p", f"source={KADHIMI}", "-p", f"target={IRAN}",
                 "-p", "k=2"])
    assert code == 0
    answer = json.loads(capsys.readouterr().out)
    assert len(answer["paths"]) == 2 and answer["paths"][0]["hops"][0]["evidence"]
    assert main(["query", "actor_profile", "--store", store_url, "-p", "id=person:nobody"]) == 2
    assert "no entity" in capsys.readouterr().err
    assert main(["query", "subgraph", "--store", store_url, "-p", f"center={KADHIMI}", "-p", "depth=9"]) == 2


@pytest.mark.slow
def test_serve_command(store_url: str) -> None:
    port = free_port()
    proc = subprocess.Popen([str(BIN / "actorgraph"), "serve", "--store", store_url, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    try:
        assert wait_healthy(f"http://127.0.0.1:{port}", proc) == {"status": "ok", "store": "embedded"}
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.mark.slow
def test_gunicorn_as_in_the_dockerfile(store_url: str) -> None:
    port = free_port()
    env = {**os.environ, "ACTORGRAPH_STORE": store_url, "ACTORGRAPH_API_TOKEN": ""}
    proc = subprocess.Popen([str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "2",
                             "api.app:create_app()"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, cwd=ROOT)
    try:
        base = f"http://127.0.0.1:{port}"
        assert wait_healthy(base, proc)["store"] == "embedded"
        with urllib.request.urlopen(f"{base}/api/v1/subgraph?center={KADHIMI}&depth=2") as res:
            assert KADHIMI in [n["id"] for n in json.loads(res.read())["nodes"]]
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_dockerfile_runs_gunicorn_configured_by_settings_variables() -> None:
    text = (ROOT / "Dockerfile").read_text()
    assert re.search(r'^CMD \["gunicorn", .*"api\.app:create_app\(\)"\]$', text, re.M)
    known = {env for env, _, _ in Settings.describe()}
    named = set(re.findall(r"\b((?:ACTORGRAPH|NEO4J)_[A-Z_]+)\b", text))
    assert named and named <= known, named - known


def test_gunicorn_reads_its_settings_from_the_repository() -> None:
    """`gunicorn.conf.py` (read from the working directory, as in the Dockerfile): threaded workers
    that hand the interpreter lock over every millisecond, so /health stays fast under load."""
    import runpy
    import sys

    conf = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert conf["worker_class"] == "gthread" and conf["threads"] > 1
    before = sys.getswitchinterval()
    try:
        conf["post_fork"](None, None)
        assert sys.getswitchinterval() == pytest.approx(conf["SWITCH_INTERVAL_SECONDS"])
        assert conf["SWITCH_INTERVAL_SECONDS"] < before
    finally:
        sys.setswitchinterval(before)
