"""Unknown actors typed by what the text says they are: appositions, copulas, acronyms, name heads.

The plain cases (a text and what it gives) are rows of case_tables/descriptors.yaml.
"""

import pytest

pytestmark = pytest.mark.model


def test_copula_descriptor_overrules_a_person_label(run):
    r = run("Ansar Dine is an armed group that held Kidal. Ansar Dine fighters later left the town.")
    assert r.types["Ansar Dine"] == "ArmedGroup"
    assert len([e for e in r.ex.entities if e.name == "Ansar Dine"]) == 1


def test_bracketed_acronym_takes_the_descriptor_after_it(run):
    r = run("Fighters of Nusrat al-Islam (NUSRA), a jihadist alliance, attacked a post near Mopti.")
    assert r.types, r.types
    assert set(r.types.values()) - {"Location", "Event"} == {"ArmedGroup"}  # "attacked a post": an incident
