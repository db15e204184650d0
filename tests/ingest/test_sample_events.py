"""The sample graph shows one node for each real event (issue: five nodes for one strike)."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.cli import main as cli_main
from graph.embedded.store import EmbeddedStore
from graph.model import EntityType

pytestmark = [pytest.mark.model, pytest.mark.slow]
CORPUS = Path(__file__).resolve().parents[2] / "examples" / "articles"


def test_each_strike_of_the_samples_is_one_node(tmp_path: Path) -> None:
    db = tmp_path / "graph.db"
    assert cli_main(["ingest", str(CORPUS), "--store", f"embedded://{db}"]) in (0, 1)
    store = EmbeddedStore(db)
    try:
        events = [store.get_entity(n) for n, t in store.graph.nodes(data="type") if t == EntityType.EVENT]
    finally:
        store.close()
    victims: dict[str, list[str]] = {}
    for event in events:
        assert event is not None
        for person in event.attrs.get("victims", []):
            victims.setdefault(person, []).append(event.id)
    # the January 2020 strike near Baghdad airport is told by five articles under four names
    assert len(victims["person:qasem-soleimani"]) == 1, victims
    assert victims["person:qasem-soleimani"] == victims["person:abu-mahdi-al-muhandis"]
    assert all(len(ids) == 1 for ids in victims.values()), victims
