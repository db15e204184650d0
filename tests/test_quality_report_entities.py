"""The per-type entity table sorts every entity error into its cause, as the shared scorer matches."""

from __future__ import annotations

from typing import Any

from tests.quality_report import entity_breakdown, render_entities
from tests.test_extraction_quality import load_scorer


def _ent(name: str, etype: str, **extra: Any) -> dict[str, Any]:
    """A gold entity record."""
    return {"name": name, "type": etype, "aliases": [], "required": True, **extra}


def _pred(eid: str, name: str, etype: str) -> dict[str, Any]:
    """A predicted entity with one mention of its name."""
    return {"id": eid, "name": name, "type": etype, "mentions": [{"start": 0, "end": 1, "text": name}]}


GOLD = [{"article": "a.txt", "relations": [], "entities": [
    _ent("Zorvan Liberation Front", "ArmedGroup"), _ent("Tamsin Orlo", "Person"),
    _ent("Velmar Unity Party", "PoliticalParty"), _ent("Quellport", "Location"),
    _ent("Ostria", "Country", required=False)]}]
PREDICTED = [{"article": {"source": "/x/a.txt"}, "entities": [
    _pred("e1", "Zorvan Liberation Front", "ArmedGroup"),   # right
    _pred("e2", "Tamsin Orlo", "Organization"),             # wrong type
    _pred("e3", "Unity Party", "PoliticalParty"),           # cut too short
    _pred("e4", "Pan-Zorvanism", "Organization"),           # spurious
    _pred("e5", "Ostria", "Country")]}]                      # optional gold: neither right nor wrong


def test_entity_breakdown_sorts_errors_by_cause() -> None:
    """Right, wrong type, wrong span, spurious and missed each land in their own count."""
    tally = entity_breakdown(load_scorer(), GOLD, PREDICTED)
    assert tally.predicted["Organization"] == 2 and tally.correct["Organization"] == 0
    assert tally.correct["ArmedGroup"] == 1 and tally.correct["Country"] == 1
    assert tally.extra["type"]["Organization"] == 1 and tally.extra["spurious"]["Organization"] == 1
    assert tally.extra["span"]["PoliticalParty"] == 1
    assert tally.miss["type"]["Person"] == 1 and tally.miss["span"]["PoliticalParty"] == 1
    assert tally.miss["missed"]["Location"] == 1
    assert sum(tally.gold.values()) == 4 and sum(tally.found.values()) == 1


def test_entity_table_has_a_row_per_type_and_a_total() -> None:
    """The rendered table names every type seen and ends with the totals."""
    table = render_entities("t", entity_breakdown(load_scorer(), GOLD, PREDICTED)).splitlines()
    assert {line.split()[0] for line in table[2:]} == {
        "ArmedGroup", "Country", "Location", "Organization", "Person", "PoliticalParty", "all"}
    assert table[-1].split()[1:5] == ["5", "0.40", "4", "0.25"]
