"""`%%cypher`: run parameterised Cypher against the configured Neo4j from a notebook cell.

    %load_ext actorgraph
    %cypher_connect neo4j://neo4j:secret@localhost:7687/neo4j   # else NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD

    actor = "armedgroup:kataib-hezbollah"

    %%cypher
    MATCH (a:Entity {id: $actor})-[r]-(b:Entity) RETURN a, r, b LIMIT 25

Each `$name` of the cell takes the notebook variable of that name (or `-p name=value` on the magic
line); values travel as driver parameters and the text is sent exactly as written. Rows that hold
entity nodes and relationships (or a `nodes`/`edges` row such as `subgraph.cypher` returns) are drawn
as the network view; any other rows are shown as a table. The answer is also kept in `_cypher`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from api.notebook import NetworkView, as_subgraph, show
from graph.model import Entity, EntityType, Predicate, Relation, Subgraph
from queries.rows import edge_map, entity_map

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
MAX_TABLE_ROWS = 200  # rows drawn in a table; the whole answer stays in `_cypher`


class CypherTable:
    """Rows as an HTML table in Jupyter, plain text elsewhere."""

    def __init__(self, keys: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> None:
        self.keys, self.rows = list(keys), list(rows)

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{escape(k)}</th>" for k in self.keys)
        body = "".join("<tr>" + "".join(f"<td>{escape(_text(r.get(k)))}</td>" for k in self.keys) + "</tr>"
                       for r in self.rows[:MAX_TABLE_ROWS])
        more = f"<p>{len(self.rows) - MAX_TABLE_ROWS} more rows in _cypher</p>" \
            if len(self.rows) > MAX_TABLE_ROWS else ""
        table = f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody>"
        return f'<table class="actorgraph-rows">{table}</table>{more}'

    def __repr__(self) -> str:
        lines = [" | ".join(self.keys)] + [" | ".join(_text(r.get(k)) for k in self.keys) for r in self.rows]
        return "\n".join(lines)


def _text(value: Any) -> str:
    if hasattr(value, "items") and hasattr(value, "element_id"):  # a node or relationship
        return str(dict(value.items()))
    return str(value)


def parameters(cell: str, namespace: Mapping[str, Any], given: Mapping[str, Any]) -> dict[str, Any]:
    """The values of every `$name` in the cell: given on the magic line, else the notebook's variable."""
    out: dict[str, Any] = {}
    for name in dict.fromkeys(_PARAM.findall(cell)):
        if name in given:
            out[name] = given[name]
        elif name in namespace:
            out[name] = namespace[name]
        else:
            raise KeyError(f"${name} has no value: set a variable {name} or pass -p {name}=...")
    return out


def render(keys: Sequence[str], records: Sequence[Any]) -> NetworkView | CypherTable:
    """A network view when the rows hold a graph, else a table."""
    rows = [r.data() if hasattr(r, "data") else dict(r) for r in records]
    if len(rows) == 1 and {"nodes", "edges"} <= set(rows[0]):
        return show(as_subgraph(rows[0]), title="cypher")
    graph = _graph(records)
    if graph.nodes:
        return show(graph, title="cypher")
    return CypherTable(keys, rows)


def _graph(records: Sequence[Any]) -> Subgraph:
    """The entity nodes and relationships among the values of driver records."""
    nodes: dict[str, Entity] = {}
    edges: dict[str, Relation] = {}
    for record in records:
        for value in (record.values() if hasattr(record, "values") else ()):
            for item in _flatten(value):
                _collect(item, nodes, edges)
    kept = tuple(e for e in edges.values() if e.subject in nodes and e.object in nodes)
    return Subgraph(tuple(nodes.values()), kept, False)


def _flatten(value: Any) -> list[Any]:
    if hasattr(value, "nodes") and hasattr(value, "relationships"):  # a Path
        return [*value.nodes, *value.relationships]
    if isinstance(value, list | tuple):
        return [x for v in value for x in _flatten(v)]
    return [value]


def _collect(item: Any, nodes: dict[str, Entity], edges: dict[str, Relation]) -> None:
    props = dict(item.items()) if hasattr(item, "items") and hasattr(item, "element_id") else None
    if props is None:
        return
    if hasattr(item, "start_node"):  # a relationship between two entities
        if item.type in Predicate.__members__ and item.start_node is not None and item.end_node is not None:
            edge = edge_map({**props, "source": item.start_node.get("id"), "target": item.end_node.get("id"),
                             "predicate": item.type})
            rel = Relation(edge["source"], Predicate(edge["predicate"]), edge["target"], edge["attrs"], (),
                           edge["confidence"], edge["first_seen"], edge["last_seen"], edge["evidence_count"])
            edges[rel.id] = rel
    elif {"id", "name", "type"} <= set(props) and props["type"] in EntityType._value2member_map_:
        d = entity_map(props)
        nodes[d["id"]] = Entity(d["id"], d["name"], EntityType(d["type"]), tuple(d["aliases"]),
                                d["external_ids"], d["attrs"])


def connection_settings(url: str | None) -> tuple[str, str | None, tuple[str, str] | None]:
    """(driver URI, database, auth) from a `neo4j://user:pass@host/db` URL or the NEO4J_* environment."""
    from graph.factory import parse_store_url

    url = url or os.environ.get("NEO4J_URI") or os.environ.get("ACTORGRAPH_STORE") or ""
    if not url.startswith(("neo4j", "bolt")):
        raise ValueError("no Neo4j configured: %cypher_connect neo4j://user:pass@host:7687/db, "
                         "or set NEO4J_URI")
    target = parse_store_url(url, user=os.environ.get("NEO4J_USER"),
                             password=os.environ.get("NEO4J_PASSWORD"))
    database = os.environ.get("NEO4J_DATABASE") or target.database
    return target.uri or url, database, target.auth


def register(ipython: Any) -> None:
    """Register `%%cypher` and `%cypher_connect` on an IPython shell."""
    from IPython.core.magic import Magics, cell_magic, line_magic, magics_class

    @magics_class
    class CypherMagics(Magics):  # type: ignore[misc]
        """The cell magic and the driver it keeps for the session."""

        driver: Any = None
        database: str | None = None

        @line_magic
        def cypher_connect(self, line: str) -> str:
            """`%cypher_connect URL`: the Neo4j the next cells run against."""
            self._connect(line.strip() or None)
            return f"connected to {self.driver.get_server_info().address}"

        @cell_magic
        def cypher(self, line: str, cell: str) -> NetworkView | CypherTable:
            """Run the cell as Cypher with its parameters; draw or tabulate the answer."""
            given = dict(_pair(p) for p in re.findall(r"-p\s+(\S+)", line))
            params = parameters(cell, self.shell.user_ns, given)
            if self.driver is None:
                self._connect(None)
            result = self.driver.execute_query(cell, parameters_=params, database_=self.database)
            self.shell.user_ns["_cypher"] = result
            return render(result.keys, result.records)

        def _connect(self, url: str | None) -> None:
            import neo4j

            uri, database, auth = connection_settings(url)
            if self.driver is not None:
                self.driver.close()
            self.driver = neo4j.GraphDatabase.driver(uri, auth=auth)
            self.driver.verify_connectivity()
            self.database = database

    ipython.register_magics(CypherMagics)


def _pair(text: str) -> tuple[str, Any]:
    name, _, value = text.partition("=")
    if not name or not _:
        raise ValueError(f"-p {text!r}: expected name=value")
    return name, int(value) if value.lstrip("-").isdigit() else value
