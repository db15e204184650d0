"""Contract: entity search is normalised, ranked (exact, prefix, contains), filtered and paged."""

from __future__ import annotations

import pytest

from graph.errors import InvalidArgument, LimitExceeded
from graph.store import MAX_PAGE, GraphStore
from tests.contract import fixture_graph as fx
from tests.contract.fixture_graph import T

# Every entity with "al" in a normalised name or alias, in contract order:
# rank 1 (an alias starts with "al": "al fatah", "al kadhimi") by normalised
# name, then rank 2 (contains) by normalised name.
AL = [fx.FATAH, fx.KADHIMI, fx.AAH, fx.GREEN_ZONE, fx.AMIRI, fx.SADR, fx.JABOURI, fx.ATTACK, fx.PMF,
      fx.KHAZALI]


def ids(found: list[object]) -> list[str]:
    return [e.id for e in found]  # type: ignore[attr-defined]


@pytest.mark.parametrize("q", ["Kataib Hezbollah", "kataib hezbollah", "KATAIB  HEZBOLLAH",
                               "Kataïb Hezbollah", "Kata\u2019ib-Hezbollah!", "kata ib hezbollah"])
def test_case_accent_and_punctuation_do_not_matter(loaded: GraphStore, q: str) -> None:
    assert ids(loaded.search_entities(q)) == [fx.KH]


def test_aliases_are_searched(loaded: GraphStore) -> None:
    assert ids(loaded.search_entities("tehran")) == [fx.IRAN]
    assert ids(loaded.search_entities("Hashd al-Shaabi")) == [fx.PMF]
    assert ids(loaded.search_entities("League of the Righteous")) == [fx.AAH]


def test_rank_exact_then_prefix_then_contains(loaded: GraphStore) -> None:
    assert ids(loaded.search_entities("sadr")) == [fx.SADR, fx.SADRISTS]
    assert ids(loaded.search_entities("iran")) == [fx.IRAN]
    assert ids(loaded.search_entities("al")) == AL


def test_honorific_and_possessive_are_ignored(loaded: GraphStore) -> None:
    assert ids(loaded.search_entities("Mr Kadhimi's")) == [fx.KADHIMI, fx.ATTACK]
    assert ids(loaded.search_entities("the Green Zone")) == [fx.GREEN_ZONE]


def test_type_filter(loaded: GraphStore) -> None:
    assert ids(loaded.search_entities("al", type=T.PERSON)) == [fx.KADHIMI, fx.AMIRI, fx.SADR, fx.JABOURI,
                                                                 fx.KHAZALI]
    assert ids(loaded.search_entities("al", type=T.ELECTION)) == []


def test_pagination(loaded: GraphStore) -> None:
    assert ids(loaded.search_entities("al", limit=3)) == AL[:3]
    assert ids(loaded.search_entities("al", limit=3, offset=2)) == AL[2:5]
    assert ids(loaded.search_entities("al", limit=MAX_PAGE, offset=9)) == AL[9:]
    assert loaded.search_entities("al", offset=10) == []


def test_results_are_whole_entities(loaded: GraphStore) -> None:
    assert loaded.search_entities("KH") == [loaded.get_entity(fx.KH), loaded.get_entity(fx.KHAZALI)]


def test_no_match_is_empty(loaded: GraphStore) -> None:
    assert loaded.search_entities("zzz") == []


@pytest.mark.parametrize("q", ["", "   ", "?!", "'s", "\u0301"])
def test_empty_query_is_invalid(loaded: GraphStore, q: str) -> None:
    with pytest.raises(InvalidArgument):
        loaded.search_entities(q)


@pytest.mark.parametrize(("limit", "offset", "error"), [
    (0, 0, LimitExceeded), (MAX_PAGE + 1, 0, LimitExceeded), (10, -1, InvalidArgument)])
def test_page_bounds(loaded: GraphStore, limit: int, offset: int, error: type[Exception]) -> None:
    with pytest.raises(error):
        loaded.search_entities("al", limit=limit, offset=offset)


def test_unknown_type_is_invalid(loaded: GraphStore) -> None:
    with pytest.raises(InvalidArgument):
        loaded.search_entities("al", type="Planet")  # type: ignore[arg-type]
