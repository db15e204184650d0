"""Prose relations on invented names: merger lists, parse-broken lists, side-fighting, unit heads."""

import pytest

pytestmark = pytest.mark.model

MO = "MEMBER_OF"


def test_merger_members_whatever_the_parse_did_with_the_list(run):
    r = run("The Kestrel Front was formed in 2017 through the merger of the Iron Hand Brigade, the Valley "
            "Liberation Front and the Northern Jihad Army.")
    members = {t[0] for t in r.of(MO) if t[2] == "Kestrel Front"}
    assert members == {"Iron Hand Brigade", "Valley Liberation Front", "Northern Jihad Army"}
    assert not {t for t in r.of(MO) if t[0] == "Kestrel Front"}


def test_merger_apposition(run):
    r = run("The Kestrel Front, a merger of the Iron Hand Brigade and the Valley Liberation Front, "
            "attacked the town.")
    assert {t[0] for t in r.of(MO) if t[2] == "Kestrel Front"} == {"Iron Hand Brigade",
                                                                    "Valley Liberation Front"}


def test_formed_by_a_list_with_short_forms(run):
    r = run("The Coalition of Progress, formed by the Green Future Party (GFP), the Liberal Citizens Party "
            "(LCP) and the Farmers Union Party, nominated a candidate.", published="2027-10-02")
    members = {t[0] for t in r.of(MO) if t[2] == "Coalition of Progress"}
    assert {"Green Future Party", "Liberal Citizens Party", "Farmers Union Party"} <= members


def test_fighting_alongside_a_partner_against_a_foe(run):
    r = run("The Vardan Front, founded by exiles, has been fighting alongside units of the Kestani armed "
            "forces (KAF) against the Iron Hand Brigade.")
    assert ("Vardan Front", "OPPOSES", "Iron Hand Brigade") in r.triples
    assert ("KAF", "OPPOSES", "Iron Hand Brigade") in r.triples
    assert ("Vardan Front", "ALLIED_WITH", "KAF") in r.triples
    assert ("Iron Hand Brigade", "OPPOSES", "KAF") not in r.triples


def test_role_in_a_groups_unit_is_membership_not_leadership(run):
    r = run("The Council listed Omar Talib, a commander of the special forces of the Vardan Front. "
            "Yusuf Karimov, the head of the armed wing of the Vardan Front, was killed.")
    assert ("Omar Talib", MO, "Vardan Front") in r.triples
    assert ("Yusuf Karimov", MO, "Vardan Front") in r.triples
    assert not r.of("LEADS")


def test_who_heads_a_department_of_a_group(run):
    r = run("The Council listed Karim Haddad, who heads intelligence for the Vardan Front.")
    assert ("Karim Haddad", MO, "Vardan Front") in r.triples
    assert not r.of("LEADS")


def test_who_heads_belongs_to_the_last_name_of_a_list(run):
    r = run("The ministry listed Karim Haddad and Yusuf Karimov, who runs the Vardan Front's finance office.")
    assert ("Yusuf Karimov", MO, "Vardan Front") in r.triples
    assert ("Karim Haddad", MO, "Vardan Front") not in r.triples


def test_a_group_founded_by_people_opposed_to_a_ruler_opposes_him(run):
    r = run("The Vardan Front was founded in the 1990s by Kestani exiles opposed to Omar Talib's government. "
            "Some villagers, opposed to the Vardan Front, formed the Kestrel Resistance Force.")
    assert ("Vardan Front", "OPPOSES", "Omar Talib") in r.triples
    assert ("Kestrel Resistance Force", "OPPOSES", "Vardan Front") in r.triples
    assert ("Vardan Front", "OPPOSES", "Kestrel Resistance Force") not in r.triples


def test_a_descriptor_the_parser_did_not_appose_still_has_its_leader(run):
    r = run("Under its new emir the group drew closer to the Kestrel Front (KF), the al-Qaeda affiliate "
            "led by Omar Talib, and several of its commanders joined.")
    assert ("Omar Talib", "LEADS", "Kestrel Front") in r.triples
    assert ("Omar Talib", "LEADS", "al-Qaeda") not in r.triples


def test_coalition_of_names_with_bracketed_short_forms(run):
    r = run("The Kestrel Alliance is a coalition of the Vardan Democratic Army (Vda), the Northern "
            "Liberation Army (Nla) and the Iron Army (Ia), the Vardan Union said.")
    members = {t[0] for t in r.of(MO) if t[2] == "Kestrel Alliance"}
    assert members == {"Vardan Democratic Army", "Northern Liberation Army", "Iron Army"}


def test_who_clause_hung_on_a_nickname_still_has_its_person(run):
    r = run('The alliance is led by Omar Talib, a former police officer known as "Hammer", who also heads '
            "the Kestrel Brigade.")
    assert ("Omar Talib", "LEADS", "Kestrel Brigade") in r.triples



def test_possessive_in_a_subordinate_clause_means_that_clauses_governing_subject(run):
    r = run("The Kestrel Province, which the Vardan Front joined after its leader Omar Talib pledged "
            "allegiance to the network in 2019, later claimed the attack.")
    assert ("Omar Talib", "LEADS", "Vardan Front") in r.triples
    assert not {t for t in r.of("LEADS") if t[2] == "Kestrel Province"}


def test_opposing_what_an_actor_owns_opposes_the_actor(run):
    r = run("The Vardan Front, a party that opposes the Kestrel Brigade's weapons, became the largest party.")
    assert ("Vardan Front", "OPPOSES", "Kestrel Brigade") in r.triples


def test_its_war_against_in_an_infinitive_is_the_controlling_objects(run):
    r = run("The Vardan Front says its attacks are meant to pressure the Kestrel Brigade to end its war "
            "against the Iron Army in the south.")
    assert ("Kestrel Brigade", "OPPOSES", "Iron Army") in r.triples
    assert ("Vardan Front", "OPPOSES", "Iron Army") not in r.triples


def test_vice_president_of_a_party_is_a_member(run):
    r = run("Omar Talib, a vice president of the Vardan Party, said he had led the gunmen.")
    assert ("Omar Talib", MO, "Vardan Party") in r.triples
    assert not r.of("LEADS")


def test_an_unnamed_alliance_of_two_actors_allies_them(run):
    r = run("The alliance of the Vardan Front and the Kestrel Party, together with other allies, lost the "
            "majority it had won in 2018. The Iron Alliance, an alliance of the Stone Front and the River "
            "Party, won.")
    assert ("Vardan Front", "ALLIED_WITH", "Kestrel Party") in r.triples
    assert not {t for t in r.of("ALLIED_WITH") if "Iron Alliance" in t}
    assert ("Stone Front", MO, "Iron Alliance") in r.triples


def test_a_scoped_leader_heads_a_part_and_is_a_member(run):
    r = run("The Vardan Party's parliamentary leader, Omar Talib, said the party would vote against the "
            "programme. Yusuf Karimov, the regional commander of the Kestrel Front, was killed.")
    assert ("Omar Talib", MO, "Vardan Party") in r.triples
    assert ("Yusuf Karimov", MO, "Kestrel Front") in r.triples
    assert not r.of("LEADS")
