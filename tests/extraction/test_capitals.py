"""A capital that acts is its state (FORMAT.md: "Washington", "Tehran" as actors are Country); a capital
where something only happens stays the city. Other capitals than the knowledge base's aliases."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "capital", "country"), [
    ("Hanoi rejected the accusation on Monday.", "Hanoi", "Vietnam"),
    ("Caracas's support for the rebels angered its neighbours.", "Caracas", "Venezuela"),
    ("The rebels were sanctioned by Nairobi in 2021.", "Nairobi", "Kenya"),
])
def test_a_capital_acting_is_its_country(run, text: str, capital: str, country: str) -> None:
    r = run(text)
    assert r.types.get(country) == "Country" and capital not in r.types, r.types


@pytest.mark.parametrize("text", [
    "The two delegations held talks in Hanoi on Monday.",
    "Hanoi is the largest city of the region.",
])
def test_a_capital_where_something_happens_is_the_city(run, text: str) -> None:
    r = run(text)
    assert r.types.get("Hanoi") == "Location", r.types


@pytest.mark.parametrize("text", [
    "Gunmen entered Nairobi's Central District on Monday.",
    "Nairobi's governor opened the new road.",
])
def test_a_capital_owning_a_place_or_an_official_is_the_city(run, text: str) -> None:
    r = run(text)
    assert "Kenya" not in r.types, r.types
