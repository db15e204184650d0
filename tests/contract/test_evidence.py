"""Contract: a relation's evidence, newest first, paged; paths carry the top three."""

from __future__ import annotations

import pytest

from graph.errors import InvalidArgument, LimitExceeded, NotFound
from graph.model import Article, Batch, Evidence, Provenance, Relation
from graph.store import MAX_PAGE, GraphStore
from tests.contract import fixture_graph as fx
from tests.contract.fixture_graph import P, rid

AAH_IRAN = rid(fx.AAH, P.BACKED_BY, fx.IRAN)
EXTRA_0 = Article("extra-0", "test", published="2023-01-01")
EXTRA_1 = Article("extra-1", "test", published="2023-01-01")
E1 = Evidence("extra-1", "Tehran keeps funding the League.", 50, 80, date="2023-01-01", confidence=0.3)
E2 = Evidence("extra-1", "Iran arms AAH.", 10, 24, date="2023-01-01", confidence=0.99)
E5 = Evidence("extra-1", "Iran arms AAH, officials said.", 10, 40, date="2023-01-01", confidence=0.2,
              provenance=Provenance.REFERENCE)
E3 = Evidence("extra-1", "An undated claim of Iranian support.", 5, 41, date=None, confidence=0.4)
E4 = Evidence("extra-0", "AAH is backed by Iran.", 99, 121, date="2023-01-01", confidence=0.5)
DRONE_EV = next(e for r in fx.DRONE_BATCH.relations if r.id == AAH_IRAN for e in r.evidence)
ORDER = [E4, E2, E5, E1, DRONE_EV, E3]


@pytest.fixture
def busy(loaded: GraphStore) -> GraphStore:
    """The fixture plus five more evidence items for AAH BACKED_BY Iran from two new articles."""
    rel = Relation(fx.AAH, P.BACKED_BY, fx.IRAN, evidence=(E1, E2, E5, E3, E4))
    loaded.write(Batch(articles=(EXTRA_1, EXTRA_0), relations=(rel,)))
    return loaded


def test_order_date_desc_none_last_then_article_start_end(busy: GraphStore) -> None:
    assert busy.evidence(AAH_IRAN) == ORDER


def test_paging(busy: GraphStore) -> None:
    assert busy.evidence(AAH_IRAN, limit=2) == ORDER[:2]
    assert busy.evidence(AAH_IRAN, limit=2, offset=2) == ORDER[2:4]
    assert busy.evidence(AAH_IRAN, limit=MAX_PAGE, offset=4) == ORDER[4:]
    assert busy.evidence(AAH_IRAN, offset=6) == []


def test_aggregates_follow_the_evidence(busy: GraphStore) -> None:
    edge = next(r for r in busy.subgraph([fx.AAH]).edges if r.id == AAH_IRAN)
    assert (edge.confidence, edge.first_seen, edge.last_seen, edge.evidence_count) == (
        0.99, "2021-11-07", "2023-01-01", 6)
    assert busy.counts().evidence == 32


def test_path_hops_carry_the_first_three(busy: GraphStore) -> None:
    (path,) = busy.paths(fx.KHAZALI, fx.IRAN)
    assert [n.id for n in path.nodes] == [fx.KHAZALI, fx.AAH, fx.IRAN]
    hop = path.hops[1].relation
    assert hop.evidence == tuple(ORDER[:3]) and hop.evidence_count == 6


def test_retracting_one_article_drops_only_its_items(busy: GraphStore) -> None:
    busy.delete_article("extra-1")
    assert busy.evidence(AAH_IRAN) == [E4, DRONE_EV]


def test_single_item_fields_round_trip(loaded: GraphStore) -> None:
    met = rid(fx.KADHIMI, P.MET_WITH, fx.SADR)
    assert loaded.evidence(met) == [Evidence(fx.RESIGN.id, fx.S_MET, 120, 120 + len(fx.S_MET), date=None,
                                             confidence=0.75, provenance=Provenance.TEXT)]


def test_unknown_relation(loaded: GraphStore) -> None:
    with pytest.raises(NotFound):
        loaded.evidence("r0000000000000000")


@pytest.mark.parametrize(("limit", "offset", "error"), [
    (0, 0, LimitExceeded), (MAX_PAGE + 1, 0, LimitExceeded), (5, -1, InvalidArgument)])
def test_page_bounds(loaded: GraphStore, limit: int, offset: int, error: type[Exception]) -> None:
    with pytest.raises(error):
        loaded.evidence(AAH_IRAN, limit=limit, offset=offset)
