"""What a named query is made of, and how one is run on any store."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph import cypher_loader
from graph.store import GraphStore, NamedQuery

Params = dict[str, Any]
Rows = list[dict[str, Any]]
Twin = Callable[[Any, Params], Rows]


QUERIES_DIR = Path(__file__).resolve().parent / "cypher"


def load_cypher(name: str) -> str:
    """The text of `queries/cypher/<name>.cypher`, read once (the one Cypher loader, on this folder)."""
    return cypher_loader.load(name, QUERIES_DIR)


@dataclass(frozen=True)
class Query:
    """A named question: checked parameters, a Cypher file with its embedded twin, and a finisher.

    `named` runs on either store (Cypher on Neo4j, the twin on the embedded
    store) and returns rows; `finish` turns rows into the answer's JSON. Core
    store operations also have a `delegate` that calls the store's own method,
    which the API prefers; the Cypher file stays for analysts and is held to
    the same answer by the contract tests.
    """

    name: str
    summary: str
    prepare: Callable[[Mapping[str, Any]], Params]
    named: NamedQuery
    finish: Callable[[Rows, Params], Any]
    delegate: Callable[[GraphStore, Params], Any] | None = None

    def run_named(self, store: GraphStore, params: Params) -> Any:
        """The answer computed from the Cypher file (Neo4j) or the twin (embedded)."""
        return self.finish(store.run(self.named, params), params)

    def run(self, store: GraphStore, raw: Mapping[str, Any]) -> Any:
        """Check the parameters, then answer through the delegate when there is one."""
        params = self.prepare(raw)
        if self.delegate is not None:
            return self.delegate(store, params)
        return self.run_named(store, params)


def make(
    name: str,
    summary: str,
    prepare: Callable[[Mapping[str, Any]], Params],
    twin: Twin,
    finish: Callable[[Rows, Params], Any],
    *,
    cypher: str | None = None,
    delegate: Callable[[GraphStore, Params], Any] | None = None,
) -> Query:
    """A Query whose Cypher is the file named `cypher` (default: the query's name)."""
    named = NamedQuery(name=name, cypher=load_cypher(cypher or name), embedded=twin)
    return Query(name, summary, prepare, named, finish, delegate)


def rows_as_is(rows: Rows, params: Params) -> Rows:
    """The finisher for queries whose rows are already the answer."""
    return rows
