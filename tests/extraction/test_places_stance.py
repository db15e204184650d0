"""LOCATED_IN, PART_OF, OPPOSES, ALLIED_WITH and MET_WITH cue families.

The plain cases (a text and what it gives) are rows of case_tables/places_stance.yaml.
"""

import pytest

pytestmark = pytest.mark.model


def test_clashes_between(run):
    r = run("Clashes between the Peshmerga and the PMF erupted in Kirkuk.")
    assert len(r.of("OPPOSES")) == 1


def test_met_with(run):
    (met,) = run("Fuad Hussein met Turkish President Recep Tayyip Erdogan in Ankara.").of("MET_WITH")
    assert met[0] == "Fuad Hussein"
