"""A country's own bodies named with the country in them: "the Kosovo Police", "the Parliament of
Georgia", "the Uganda People's Defence Forces", "Mozambican police". The country stays a word of the
body's name (not a Country actor cutting it in two), and the body is a StateBody; "Government of X",
a struggle word and a country joined to another by a dash keep their old readings."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "body"), [
    ("The Kosovo Police said three officers were wounded near the crossing.", "Kosovo Police"),
    ("Units of the Kenya Army were moved to the border on Sunday.", "Kenya Army"),
    ("The Parliament of Georgia voted to override the veto.", "Parliament of Georgia"),
    ("The National Assembly of Zambia passed the Vardel amendment.", "National Assembly of Zambia"),
    ("The Uganda People's Defence Forces pursued the rebels into the forest.",
     "Uganda People's Defence Forces"),
    ("Mozambican police arrested the Orvo brothers on Tuesday.", "Mozambican police"),
    ("The Chadian gendarmerie set up roadblocks around Abeche.", "Chadian gendarmerie"),
])
def test_a_country_inside_a_state_body_name_stays_in_it(run, text: str, body: str) -> None:
    r = run(text)
    assert r.types.get(body) == "StateBody", r.types


@pytest.mark.parametrize(("text", "name", "etype"), [
    ("The Government of Zambia denied the report.", "Zambia", "Country"),
    ("The Sudan People's Liberation Army fought on in the south.", "Sudan People's Liberation Army",
     "ArmedGroup"),
    ("The China–Pakistan Economic Corridor was attacked again.", "Pakistan", "Country"),
    ("Malian security forces patrolled the market.", "Mali", None),
])
def test_other_readings_are_kept(run, text: str, name: str, etype: str | None) -> None:
    r = run(text)
    assert r.types.get(name) == etype, r.types
