"""`%load_ext actorgraph` and `%%cypher` in a real IPython shell against the test Neo4j."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver

from actorgraph.magic import CypherTable, parameters
from api.notebook import NetworkView
from tests.contract import fixture_graph as fx
from tests.neo4j_server import Neo4jSettings
from tests.queries import stores


def test_parameters_come_from_the_line_then_the_notebook() -> None:
    cell = "MATCH (a:Entity {id: $actor}) WHERE a.name <> $actor RETURN a LIMIT $n"
    assert parameters(cell, {"actor": "x", "n": 3, "other": 1}, {"n": 5}) == {"actor": "x", "n": 5}
    with pytest.raises(KeyError, match=r"\$actor"):
        parameters(cell, {}, {})


@pytest.fixture
def shell(neo4j_driver: Driver, neo4j_settings: Neo4jSettings) -> Any:
    from IPython.core.interactiveshell import InteractiveShell

    stores.load(stores.neo4j(neo4j_driver))
    ip = InteractiveShell.instance()
    ip.extension_manager.load_extension("actorgraph")
    url = neo4j_settings.uri.replace("://", f"://{neo4j_settings.user}:{neo4j_settings.password}@", 1)
    ip.run_line_magic("cypher_connect", url)
    yield ip
    ip.extension_manager.unload_extension("actorgraph")


@pytest.mark.neo4j
def test_rows_with_nodes_and_relationships_draw_the_network(shell: Any) -> None:
    shell.user_ns["actor"] = fx.KH
    view = shell.run_cell_magic("cypher", "", "MATCH (a:Entity {id: $actor})-[r]-(b:Entity) RETURN a, r, b")
    assert isinstance(view, NetworkView)
    assert fx.KH in {n.id for n in view.subgraph.nodes} and view.subgraph.edges
    assert "actorgraph-view" in view._repr_html_()


@pytest.mark.neo4j
def test_other_rows_are_a_table_and_injection_stays_a_value(shell: Any) -> None:
    shell.user_ns["q"] = "x' OR 1=1 //"
    cell = "MATCH (e:Entity) WHERE e.name <> $q RETURN e.name AS name ORDER BY name LIMIT $n"
    table = shell.run_cell_magic("cypher", "-p n=2", cell)
    assert isinstance(table, CypherTable) and len(table.rows) == 2
    assert "<th>name</th>" in table._repr_html_()
    assert shell.user_ns["_cypher"].records[0]["name"] == table.rows[0]["name"]
