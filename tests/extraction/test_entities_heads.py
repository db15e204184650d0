"""Unknown actors typed from their own words, and names that are no actor (invented names only).

The plain cases (a text and the types of its names) are rows of case_tables/entities_heads.yaml.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_the_party_inside_a_numbered_congress_is_found(run) -> None:
    r = run("The 9th Congress of the Morvan Unity Party elected a new leader.")
    assert r.types.get("Morvan Unity Party") == "PoliticalParty", r.types
    assert "PoliticalParty" not in {t for n, t in r.types.items() if "Congress" in n}
