"""Small places named by a lower-case kind noun ("the Kolvaran area", "Tessa prefecture", "in nearby Ulvo")
lie where the text puts them, in that direction; two names the model ran across "the" are two names."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "place"), [
    ("The strikes hit the Kolvaran area of Iran's Sistan-Baluchestan province.", "Kolvaran"),
    ("Peacekeepers were ambushed in Tessavo prefecture on Monday.", "Tessavo"),
    ("The gunmen fled to the Marvella peninsula after the raid.", "Marvella"),
    ("Police said they seized rifles at the monastery and in nearby Ulvoren.", "Ulvoren"),
])
def test_a_name_before_a_kind_noun_is_a_place(run, text: str, place: str) -> None:
    r = run(text)
    assert r.types.get(place) == "Location", r.types


def test_the_named_place_lies_in_its_container_not_the_reverse(run) -> None:
    r = run("The strikes hit the Kolvaran area of Iran's Sistan-Baluchestan province.")
    located = r.of("LOCATED_IN")
    assert any(s == "Kolvaran" for s, _, _ in located), located
    assert not any(o == "Kolvaran" for _, _, o in located), located


def test_names_run_together_across_the_are_two(run) -> None:
    r = run("On Tavira the Velmar Democrats and the Ostro Union ran a joint list.")
    assert not any(" the " in name for name in r.types), r.types
