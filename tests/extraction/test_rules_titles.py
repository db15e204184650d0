"""One title grammar (invented encyclopedia, wire and notice sentences): holders and bodies of role nouns."""

import pytest

from tests.extraction.cases import states

pytestmark = pytest.mark.model

TEXT = ("The Red Hand Brigade is the armed wing of the Zarqan Front. Omar Haddad, leader of the Zarqan Front "
        "and a key ally of President Samir Khouri, spoke on Monday. The Black Banner Army, another unit of "
        "the Zarqan Front, is active in the north. Walid Haddad is a former member of the Black Banner Army. "
        "Karim Aziz is founder and secretary-general of the Red Hand Brigade.")


CASES = [
    states("units_are_part_of_their_body", TEXT,
           ("Red Hand Brigade", "PART_OF", "Zarqan Front"), ("Black Banner Army", "PART_OF", "Zarqan Front")),
    states("coordinated_titles_share_their_holder", TEXT,
           ("Omar Haddad", "LEADS", "Zarqan Front"), ("Omar Haddad", "ALLIED_WITH", "Samir Khouri"),
           ("Karim Aziz", "LEADS", "Red Hand Brigade")),
    states("body_named_before_the_role_noun",
           "A Kataib Hezbollah financier, Tarek Nassar, was arrested in Baghdad on Monday.",
           ("Tarek Nassar", "MEMBER_OF", "Kataib Hezbollah")),
    states("title_joined_to_the_main_verb_keeps_its_holder",
           "The talks followed an initiative launched in October by Omar Haddad, leader of the Zarqan Front "
           "and a key ally of President Samir Khouri.",
           ("Omar Haddad", "ALLIED_WITH", "Samir Khouri")),
    states("person_of_a_party_and_a_group_leading_a_coalition",
           '"We will not join the government," said Omar Haddad of the Zarqan Labour Party. From 1988 to '
           "2018, the Zarqan Front led a political coalition, the Northern Democratic Alliance. The Zarqan "
           "Front led the Red Hand Brigade into battle.",
           ("Omar Haddad", "MEMBER_OF", "Zarqan Labour Party"),
           ("Zarqan Front", "MEMBER_OF", "Northern Democratic Alliance"),
           absent=(("Zarqan Front", "MEMBER_OF", "Red Hand Brigade"),)),
]


@pytest.mark.parametrize("case", CASES)
def test_title_gives_its_relations(run, case):
    case.check(run)


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
