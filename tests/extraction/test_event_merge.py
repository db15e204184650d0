"""Reports of one real incident in several articles become one Event; different incidents stay apart."""

from __future__ import annotations

from typing import Any

import pytest

from graph.embedded.store import EmbeddedStore
from graph.model import EntityType
from ingest.extract import Extraction, extract
from ingest.resolve import Reason, Resolver
from tests.extraction.conftest import article

pytestmark = pytest.mark.model


def ingest(nlp: Any, kb: Any, store: EmbeddedStore, *reports: tuple[str, str]) -> list[Any]:
    """Extract, resolve and write each report in turn; the resolver's decisions for events."""
    resolver = Resolver(store, is_kb=lambda i: kb.by_id(i) is not None)
    decisions = []
    for body, published in reports:
        (ex,) = list(extract([article(body, published)], nlp, kb))
        assert isinstance(ex, Extraction)
        resolution = resolver.resolve(ex.to_batch())
        store.write(resolution.batch)
        decisions += [d for d in resolution.decisions if d.type == EntityType.EVENT]
    return decisions


def test_two_reports_of_one_strike_are_one_event(nlp: Any, kb: Any, store: EmbeddedStore) -> None:
    decisions = ingest(nlp, kb, store,
        ("A drone strike near the port of Kismayo killed Idris Kel Tamasheq and Amal Zarqa on Tuesday, "
         "officials said.", "2023-05-02"),
        ("A year after the air strike that killed Amal Zarqa and Idris Kel Tamasheq, their supporters "
         "gathered in Kismayo.", "2024-05-02"))
    merged = [d for d in decisions if d.reason == Reason.SAME_EVENT]
    assert len(merged) == 1, [d.explain() for d in decisions]
    assert "killed" in merged[0].note


def test_two_attacks_of_one_day_in_two_towns_stay_two(nlp: Any, kb: Any, store: EmbeddedStore) -> None:
    decisions = ingest(nlp, kb, store,
        ("Militants carried out a bombing in Tessit on Monday, killing four soldiers.", "2023-05-02"),
        ("Militants carried out a bombing in Menaka on Monday, killing six civilians.", "2023-05-02"))
    assert [d.reason for d in decisions] == [Reason.NEW, Reason.NEW], [d.explain() for d in decisions]
