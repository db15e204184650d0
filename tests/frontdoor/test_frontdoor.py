"""`import actorgraph`: the one name notebooks and scripts use, answering as the API does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import actorgraph as ag
from queries import registry
from tests.contract import fixture_graph as fx
from tests.queries import stores


@pytest.fixture
def store(tmp_path: Path) -> ag.GraphStore:
    s = ag.open_store(f"embedded://{tmp_path / 'graph.db'}")
    stores.load(s)
    yield s
    s.close()


def test_reads_answer_as_the_query_registry(store: ag.GraphStore) -> None:
    hits = ag.search(store, "Kadhimi")
    assert hits[0]["id"] == fx.KADHIMI
    assert ag.profile(store, fx.KH)["id"] == fx.KH
    net = ag.subgraph(store, [fx.KADHIMI], depth=2)
    assert net == registry.run(store, "subgraph", {"center": [fx.KADHIMI], "depth": 2})
    assert ag.paths(store, fx.KADHIMI, fx.KH, max_hops=3)["paths"]
    assert set(ag.queries()) == set(registry.QUERIES)
    assert ag.query(store, "stats")["articles"] == len(fx.BATCHES)


def test_bad_parameters_raise_the_project_error(store: ag.GraphStore) -> None:
    with pytest.raises(ag.LimitExceeded):
        ag.subgraph(store, [fx.KADHIMI], depth=9)
    with pytest.raises(ag.InvalidArgument):
        ag.subgraph(store, [fx.KADHIMI], depth="two")


def test_show_and_export(store: ag.GraphStore) -> None:
    view = ag.show(ag.subgraph(store, [fx.KH]), store=store)
    assert "actorgraph-view" in view._repr_html_()
    data = json.loads(ag.export(store, "json", center=[fx.KH]))
    assert fx.KH in {n["id"] for n in data["nodes"]}
    assert ag.export(store, "graphml").startswith(b"<?xml")


@pytest.mark.model
def test_ingest_runs_the_ingest_service(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("title: Test\npublished: 2024-03-01\n\nThe Zarqan Brigade, an Iran-backed militia, "
                       "is led by Amal Tessit.\n", encoding="utf-8")
    store = ag.open_store(f"embedded://{tmp_path / 'graph.db'}")
    try:
        tally = ag.ingest(store, [str(article)])
        assert (tally.failures, tally.new) == ([], 1)
        assert ag.query(store, "stats")["articles"] == 1
    finally:
        store.close()
