"""Small unknown places found by their head word or a "town of" phrase; back-references and labels dropped.

The plain cases (a text and what it gives) are rows of case_tables/place_cues.yaml.
"""

import pytest

pytestmark = pytest.mark.model


def test_sanctions_labels_and_bare_heads_are_not_actors(run):
    r = run("The Treasury named them Specially Designated Global Terrorists. "
            "The Ministry declined to comment.")
    assert set(r.types) == {"US Department of the Treasury"}
