"""The registry is complete: every query has its Cypher file, its twin and its contract case."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from queries import registry
from queries.registry import QUERIES
from queries.spec import load_cypher
from tests.queries.cases import CASES

CYPHER_DIR = resources.files("queries").joinpath("cypher")


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_has_cypher_twin_and_case(name: str) -> None:
    query = QUERIES[name]
    assert query.named.cypher.strip(), f"{name}: empty Cypher"
    assert callable(query.named.embedded) and query.named.embedded.__doc__, f"{name}: no documented twin"
    assert name in CASES, f"{name}: no contract case in tests/queries/cases.py"


def test_every_case_names_a_query() -> None:
    assert set(CASES) == set(QUERIES)


def test_every_cypher_file_belongs_to_a_query_and_has_a_header() -> None:
    files = {p.name.removesuffix(".cypher") for p in CYPHER_DIR.iterdir() if p.name.endswith(".cypher")}
    used = {re.sub(r"\.cypher$", "", name) for name in files if any(
        q.named.cypher == load_cypher(name) for q in QUERIES.values())}
    assert files == used
    for name in files:
        header = [ln for ln in load_cypher(name).splitlines() if ln.startswith("//")]
        text = "\n".join(header)
        assert "Parameters:" in text and "Returns" in text, f"{name}.cypher: header lacks parameters/columns"


def test_parameters_in_cypher_are_documented() -> None:
    for name in {q.named.cypher for q in QUERIES.values()}:
        header = "\n".join(ln for ln in name.splitlines() if ln.startswith("//"))
        body = "\n".join(ln for ln in name.splitlines() if not ln.startswith("//"))
        for param in set(re.findall(r"\$(\w+)", body)):
            assert f"${param}" in header, f"${param} used but not documented in:\n{header}"


def test_unknown_query_name_is_a_bad_argument() -> None:
    with pytest.raises(registry.InvalidArgument):
        registry.get("drop_everything")
