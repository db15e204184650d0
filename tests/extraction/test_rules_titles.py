"""One title grammar (invented encyclopedia, wire and notice sentences): holders and bodies of role nouns.

The plain cases (a text and what it gives) are rows of case_tables/titles.yaml.
"""

import pytest

pytestmark = pytest.mark.model

TEXT = ("The Red Hand Brigade is the armed wing of the Zarqan Front. Omar Haddad, leader of the Zarqan Front "
        "and a key ally of President Samir Khouri, spoke on Monday. The Black Banner Army, another unit of "
        "the Zarqan Front, is active in the north. Walid Haddad is a former member of the Black Banner Army. "
        "Karim Aziz is founder and secretary-general of the Red Hand Brigade.")


def test_former_member_keeps_its_status(run):
    assert run(TEXT).attrs("Walid Haddad", "MEMBER_OF", "Black Banner Army") == {"status": "former"}


def test_coalition_and_umbrella_lists(run):
    r = run("The Zarqan Front is a coalition of the Red Hand Brigade, the Black Banner Army and the Green "
            "Crescent Brigades. Until 2020, the Zarqan Front acted as an umbrella organization for all "
            "factions in the north, including the Iron Hand Brigade.")
    assert {t[0] for t in r.of("MEMBER_OF") if t[2] == "Zarqan Front"} == {
        "Red Hand Brigade", "Black Banner Army", "Green Crescent Brigades"}
    assert ("Red Hand Brigade", "MEMBER_OF", "Black Banner Army") not in r.triples
    assert ("Iron Hand Brigade", "PART_OF", "Zarqan Front") in r.triples


def test_affiliation_cue_words(run):
    r = run("The Red Hand Brigade is affiliated with the Zarqan Front. The Black Banner Army, subordinate to "
            "the Zarqan Front, holds the north. The Iron Hand Brigade operates under the Zarqan Front. In "
            "2012 the Green Crescent Brigades pledged allegiance to the Zarqan Front. Omar Haddad is "
            "affiliated with the Black Banner Army.")
    parts = {t[0] for t in r.of("PART_OF") if t[2] == "Zarqan Front"}
    assert parts == {"Red Hand Brigade", "Black Banner Army", "Iron Hand Brigade", "Green Crescent Brigades"}
    assert ("Omar Haddad", "MEMBER_OF", "Black Banner Army") in r.triples
