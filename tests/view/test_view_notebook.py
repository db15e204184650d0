"""`show()` from both stores, and the example notebook executed by nbclient against the test Neo4j."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from neo4j import Driver

from api.notebook import as_subgraph, show
from graph.embedded.store import EmbeddedStore
from graph.store import GraphStore
from queries import registry
from tests.contract import fixture_graph as fx
from tests.neo4j_server import Neo4jSettings
from tests.queries import stores

NOTEBOOK = Path(__file__).resolve().parents[2] / "examples" / "notebook.ipynb"


def _inline_data(markup: str) -> dict[str, object]:
    page = html.unescape(re.search(r'srcdoc="([^"]*)"', markup).group(1))
    return json.loads(page.split('id="ag-data">', 1)[1].split("</script>", 1)[0])


def _check_view(store: GraphStore) -> None:
    sub = store.subgraph([fx.KADHIMI], depth=2)
    markup = show(sub, store=store, title="Kadhimi")._repr_html_()
    assert markup.startswith("<iframe") and 'sandbox="allow-scripts allow-popups"' in markup
    data = _inline_data(markup)
    assert [n["id"] for n in data["nodes"]] == [n.id for n in sub.nodes]
    assert {e["id"] for e in data["edges"]} == set(data["evidence"]) == {r.id for r in sub.edges}
    answer = registry.run(store, "subgraph", {"center": [fx.KADHIMI], "depth": 2})
    assert as_subgraph(answer) == sub  # the query registry's JSON answer draws the same graph


def test_show_from_the_embedded_store(view_store: EmbeddedStore) -> None:
    _check_view(view_store)


def test_show_rejects_what_is_not_a_graph() -> None:
    with pytest.raises(ValueError, match="nodes"):
        show({"rows": []})


@pytest.fixture(scope="module")
def neo4j_loaded(neo4j_driver: Driver) -> GraphStore:
    """The test Neo4j emptied and holding the contract fixture graph."""
    return stores.load(stores.neo4j(neo4j_driver))


@pytest.mark.neo4j
def test_show_from_neo4j_and_from_a_raw_cypher_result(neo4j_loaded: GraphStore, neo4j_driver: Driver) -> None:
    _check_view(neo4j_loaded)
    text = registry.get("subgraph").named.cypher
    result = neo4j_driver.execute_query(text, parameters_={
        "center": [fx.KADHIMI], "depth": 2, "predicates": None, "types": None, "since": None, "until": None,
        "limit": 200, "min_confidence": None})
    drawn = as_subgraph(result)
    assert drawn == neo4j_loaded.subgraph([fx.KADHIMI], depth=2)


@pytest.mark.neo4j
@pytest.mark.slow
def test_example_notebook_runs_against_neo4j(neo4j_loaded: GraphStore, neo4j_settings: Neo4jSettings,
                                             monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name, value in (("NEO4J_URI", neo4j_settings.uri), ("NEO4J_USER", neo4j_settings.user),
                        ("NEO4J_PASSWORD", neo4j_settings.password), ("ACTORGRAPH_ACTOR", "Kataib Hezbollah"),
                        ("ACTORGRAPH_NOTEBOOK_OUT", str(tmp_path))):
        monkeypatch.setenv(name, value)
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(notebook, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    views = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})
             and "actorgraph-view" in o["data"]["text/html"]]
    assert len(views) == 2
    direct = _inline_data(views[1])
    assert fx.KH in {n["id"] for n in direct["nodes"]} and direct["evidence"]
    assert (tmp_path / "actor-network.html").stat().st_size > 100_000
