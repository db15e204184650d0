"""One case per named query: parameters on the fixture graph and what the answer must show.

`tests/queries/test_registry.py` fails when a registered query has no case here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from graph.model import Predicate
from tests.contract.fixture_graph import (
    AAH,
    ATTACK,
    BAGHDAD,
    FATAH,
    GREEN_ZONE,
    IRAN,
    IRAQ,
    JABOURI,
    KADHIMI,
    KH,
    PMF,
    SADR,
    SADRISTS,
    rid,
)

P = Predicate


@dataclass(frozen=True)
class Case:
    """Parameters and a check of the answer (a function that asserts)."""

    params: dict[str, Any]
    check: Callable[[Any], None]
    variants: tuple[dict[str, Any], ...] = field(default=())


def _search(answer: list[dict[str, Any]]) -> None:
    assert [e["id"] for e in answer][:1] == [KADHIMI]  # exact alias match ranks first
    assert ATTACK in [e["id"] for e in answer]  # "kadhimi" inside the event's name


def _subgraph(answer: dict[str, Any]) -> None:
    ids = [n["id"] for n in answer["nodes"]]
    assert ids[0] == KADHIMI and {IRAQ, SADR, KH, ATTACK} <= set(ids)
    assert answer["truncated"] is False
    assert [e["id"] for e in answer["edges"]] == sorted(e["id"] for e in answer["edges"])
    assert all(e["source"] in ids and e["target"] in ids for e in answer["edges"])


def _subgraph_cut(answer: dict[str, Any]) -> None:
    assert len(answer["nodes"]) == 3 and answer["truncated"] is True
    assert answer["nodes"][0]["id"] == IRAN


def _paths(answer: dict[str, Any]) -> None:
    first = answer["paths"][0]
    assert first["nodes"][0] == KADHIMI and first["nodes"][-1] == IRAN
    assert first["length"] == 2 and len(answer["paths"]) == 3
    hop = first["hops"][0]
    assert hop["predicate"] and hop["evidence"] and hop["evidence"][0]["sentence"]
    assert [p["length"] for p in answer["paths"]] == sorted(p["length"] for p in answer["paths"])


def _evidence(answer: list[dict[str, Any]]) -> None:
    assert [e["date"] for e in answer] == ["2021-11-07", "2020-01-05"]


def _stats(answer: dict[str, Any]) -> None:
    assert answer["articles"] == 4 and answer["relations"]["BACKED_BY"] == 4
    assert sum(answer["entities"].values()) == 21


def _profile(answer: dict[str, Any]) -> None:
    assert answer["id"] == KH and "KH" in answer["aliases"]
    assert answer["external_ids"] == {"wikidata": "Q1739104"}
    assert answer["relation_counts"]["BACKED_BY"] == 1 and answer["relation_counts"]["BLAMED"] == 1
    assert answer["first_seen"] == "2009-07-02" and answer["last_seen"] == "2021-11-07"
    assert answer["degree"] == sum(answer["relation_counts"].values())


def _neighbors(answer: dict[str, Any]) -> None:
    items = answer["items"]
    assert [i["relation"]["predicate"] for i in items] == sorted(i["relation"]["predicate"] for i in items)
    assert {"out", "in"} == {i["direction"] for i in items}
    assert {i["neighbor"]["id"] for i in items} >= {IRAN, PMF, KADHIMI, ATTACK}


def _timeline(answer: dict[str, Any]) -> None:
    firsts = [i["relation"]["first_seen"] for i in answer["items"]]
    assert firsts[0] == "2009-07-02" and firsts == sorted(firsts)


def _centrality(answer: dict[str, Any]) -> None:
    assert answer["items"][0]["id"] in {KH, IRAN}
    assert answer["nodes"] == 20 and answer["edges"] == 25


def _communities(answer: dict[str, Any]) -> None:
    members = [{m["id"] for m in c["members"]} for c in answer["items"]]
    assert any({JABOURI} <= m for m in members)  # Mosul's component is its own community
    assert sum(c["size"] for c in answer["items"]) == answer["nodes"]


def _sponsors(answer: dict[str, Any]) -> None:
    top = answer["items"][0]
    assert top["id"] == IRAN and top["groups"] == 4 and AAH in top["backed"] and FATAH in top["backed"]


def _top_degree(answer: list[dict[str, Any]]) -> None:
    assert [a["id"] for a in answer[:2]] == [KH, IRAN]  # the degree-centrality ranking
    assert [(-a["degree"], a["id"]) for a in answer] == sorted((-a["degree"], a["id"]) for a in answer)


CASES: dict[str, Case] = {
    "entity_search": Case({"q": "Kadhimi"}, _search,
                          ({"q": "al", "type": "Person", "limit": 2, "offset": 1},)),
    "subgraph": Case({"center": [KADHIMI], "depth": 2}, _subgraph, (
        {"center": [KADHIMI, BAGHDAD], "depth": 3, "predicates": ["LOCATED_IN", "TARGETED"]},
        {"center": [KH], "depth": 2, "types": ["Country", "ArmedGroup"], "since": "2021-01-01"},
        {"center": [SADR], "depth": 3, "until": "2021-12-31"},
        {"center": [IRAN], "depth": 2, "min_confidence": 0.85},
    )),
    "paths": Case({"source": KADHIMI, "target": IRAN, "k": 3, "max_hops": 4}, _paths, (
        {"source": KADHIMI, "target": IRAN, "k": 10, "max_hops": 6},
        {"source": GREEN_ZONE, "target": BAGHDAD, "directed": True},
        {"source": SADRISTS, "target": IRAN, "predicates": ["OPPOSES", "BACKED_BY"], "k": 2},
        {"source": KADHIMI, "target": IRAN, "k": 10, "max_hops": 6, "min_confidence": 0.8},
    )),
    "relation_evidence": Case({"relation": rid(KH, P.BACKED_BY, IRAN)}, _evidence,
                              ({"relation": rid(KH, P.BACKED_BY, IRAN), "limit": 1, "offset": 1},)),
    "stats": Case({}, _stats),
    "actor_profile": Case({"id": KH}, _profile, ({"id": JABOURI}, {"id": IRAN, "min_confidence": 0.85})),
    "neighbors": Case({"id": KH}, _neighbors, (
        {"id": KH, "direction": "in", "limit": 2, "offset": 1},
        {"id": IRAN, "predicates": ["BACKED_BY"], "direction": "out"},
        {"id": IRAN, "min_confidence": 0.85},
    )),
    "timeline": Case({"id": KH}, _timeline, ({"id": KADHIMI, "since": "2021-11-01", "limit": 3},
                                             {"id": KADHIMI, "min_confidence": 0.85})),
    "centrality": Case({"measure": "betweenness"}, _centrality, (
        {"measure": "pagerank"}, {"measure": "degree", "types": ["ArmedGroup", "Country"]},
        {"measure": "pagerank", "predicates": ["BACKED_BY", "PART_OF"], "since": "2021-01-01"},
    )),
    "communities": Case({}, _communities, ({"seed": 7, "resolution": 0.5, "limit": 2},)),
    "sponsors": Case({}, _sponsors, ({"since": "2021-01-01", "limit": 1}, {"offset": 1})),
    "top_degree": Case({"limit": 5}, _top_degree, (
        {"limit": 3, "predicates": ["BACKED_BY"]}, {"since": "2021-06-01", "until": "2021-12-31"})),
}

SUBGRAPH_CUT = {"center": [IRAN], "depth": 2, "limit": 3}
