"""Recall phrasings of wire reports and encyclopedia entries (invented names and sentences).

Incidents named by a place inside their phrase or listed after a plural ("attacks including
...", "They include ..."), doers of a harm verb "in an attack", "responsible for"; members
by "made up of", "belongs to", "formed by", "a figure in", "a member of X's politburo",
"the deputy leader of X", "fought for X".
"""

import pytest

pytestmark = pytest.mark.model


def test_doer_of_a_harm_verb_in_an_attack(run):
    r = run("The Hamra Brigades killed 14 soldiers in an attack on an army base in Kirkuk.")
    assert ("Hamra Brigades", "PERPETRATED") in {(s, p) for s, p, _ in r.of("PERPETRATED")}


def test_victim_of_a_passive_harm_verb_did_nothing(run):
    r = run("Omar Said Khalil was killed in an attack on his convoy near Mosul.")
    assert r.of("PERPETRATED") == set()


def test_plural_attacks_listed_in_the_next_sentence(run):
    r = run("The Zarqan Front has committed multiple deadly attacks. They include the May 2019 bombing "
            "of a Mosul mosque and the June 2020 bombing of Baghdad International Airport.")
    events = {o for _, _, o in r.of("PERPETRATED")}
    assert any("Mosul" in e for e in events) and any("Airport" in e for e in events)


def test_attacks_including_a_place_named_attack(run):
    r = run("The Zarqan Front has carried out several attacks, including the 2013 Kirkuk mall attack.")
    assert ("Zarqan Front", "PERPETRATED", "2013 Kirkuk mall attack") in r.triples
    assert ("2013 Kirkuk mall attack", "LOCATED_IN", "Kirkuk") in r.triples


def test_plural_attacks_with_no_listed_event_make_none(run):
    r = run("The Zarqan Front has carried out several attacks in northern Iraq.")
    assert r.of("PERPETRATED") == set()


def test_responsible_for_a_place_named_bombing(run):
    r = run("The Tarsan Brigades were responsible for the 2017 Erbil truck bombing, which killed 50 people.")
    assert ("Tarsan Brigades", "PERPETRATED", "2017 Erbil truck bombing") in r.triples


def test_suspected_responsibility_is_alleged(run):
    r = run("The Tarsan Brigades are believed to be responsible for the 2017 Erbil truck bombing.")
    triples = r.of("PERPETRATED")
    assert triples and all(r.attrs(*t)["alleged"] for t in triples)


def test_made_up_of_parties(run):
    r = run("The Zarqan Alliance is made up of the Tarsan Party, the Hamra Party and the Dawn Movement.")
    assert {("Tarsan Party", "MEMBER_OF", "Zarqan Alliance"),
            ("Dawn Movement", "MEMBER_OF", "Zarqan Alliance")} <= r.triples


def test_made_without_up_lists_no_members(run):
    r = run("The Zarqan Alliance made the Tarsan Party an offer.")
    assert r.of("MEMBER_OF") == set()


def test_parties_that_formed_an_alliance_are_members(run):
    r = run("The Tarsan Party and the Hamra Party formed the Zarqan Alliance in 2018.")
    assert {("Tarsan Party", "MEMBER_OF", "Zarqan Alliance"),
            ("Hamra Party", "MEMBER_OF", "Zarqan Alliance")} <= r.triples


def test_a_single_sponsor_that_formed_a_group_is_no_member(run):
    r = run("Iran formed the Tarsan Brigades in 2014.")
    assert r.of("MEMBER_OF") == set()


def test_belongs_to(run):
    r = run("The Tarsan Party, which belongs to the Zarqan Alliance, won the vote.")
    assert ("Tarsan Party", "MEMBER_OF", "Zarqan Alliance") in r.triples


def test_member_of_a_groups_politburo(run):
    r = run("Yusuf Talib, a member of the Hamra Brigades' politburo, spoke to reporters.")
    assert ("Yusuf Talib", "MEMBER_OF", "Hamra Brigades") in r.triples


def test_senior_figure_in(run):
    r = run("Salim Haddad, a senior figure in the Zarqan Front, denied the report.")
    assert ("Salim Haddad", "MEMBER_OF", "Zarqan Front") in r.triples


def test_deputy_leader_is_a_member_not_the_leader(run):
    r = run("Yusuf Talib, deputy leader of the Hamra Brigades, spoke on Monday.")
    assert ("Yusuf Talib", "MEMBER_OF", "Hamra Brigades") in r.triples
    assert r.of("LEADS") == set()


def test_fought_for(run):
    r = run("Omar Said Khalil, who fought for the Dawn Battalions, was arrested.")
    assert ("Omar Said Khalil", "MEMBER_OF", "Dawn Battalions") in r.triples


def test_a_state_official_is_no_member(run):
    r = run("John Carter, a State Department official, said the sanctions would stay.")
    assert r.of("MEMBER_OF") == set()


def test_operates_in_places_named_before_a_plural(run):
    r = run("The Hamra Brigades operates in Anbar and Diyala provinces.")
    assert {o for _, _, o in r.of("LOCATED_IN")} == {"Anbar Governorate", "Diyala Governorate"}


def test_active_in_on_the_copula_of_a_relative_clause(run):
    r = run("The Hamra Brigades, which is active in Nineveh, denied the claim.")
    assert ("Hamra Brigades", "LOCATED_IN", "Nineveh Governorate") in r.triples


def test_mostly_in_names_the_place(run):
    r = run("The Zarqan Front is a militant group active in the Middle East, mostly in Syria.")
    assert r.of("LOCATED_IN") == {("Zarqan Front", "LOCATED_IN", "Syria")}


def test_clashed_with_no_object_opposes_the_coordinated_subjects(run):
    r = run("The Hamra Brigades and the Dawn Battalions have clashed repeatedly.")
    assert ("Hamra Brigades", "OPPOSES", "Dawn Battalions") in r.triples


def test_fought_each_other_but_not_fought_somewhere(run):
    r = run("The Hamra Brigades and the Dawn Battalions fought each other in 2016.")
    assert ("Hamra Brigades", "OPPOSES", "Dawn Battalions") in r.triples
    r = run("The Hamra Brigades and the Dawn Battalions fought in Mosul.")
    assert r.of("OPPOSES") == set()


def test_are_allies(run):
    r = run("The Hamra Brigades and the Dawn Battalions are allies.")
    assert ("Hamra Brigades", "ALLIED_WITH", "Dawn Battalions") in r.triples


def test_succeeded_as_leader_names_the_new_leader(run):
    r = run("Hassan Jaber succeeded Salim Haddad as leader of the Tarsan Party.")
    assert r.of("LEADS") == {("Hassan Jaber", "LEADS", "Tarsan Party")}


def test_active_after_of_may_mean_the_unit(run):
    r = run("Hassan Jaber leads the 9th Brigade, a unit of the Hamra Brigades active in Nineveh.")
    assert ("Hamra Brigades", "LOCATED_IN", "Nineveh Governorate") not in r.triples


def test_incident_told_by_its_verb(run):
    r = run("In 2015, Zarqan Front fighters stormed the Rashid Hotel in Baghdad, killing 20 people.")
    assert r.types.get("storming of Rashid Hotel") == "Event"
    assert {("Zarqan Front", "PERPETRATED", "storming of Rashid Hotel"),
            ("storming of Rashid Hotel", "TARGETED", "Rashid Hotel"),
            ("storming of Rashid Hotel", "LOCATED_IN", "Baghdad")} <= r.triples


def test_ambush_told_by_its_verb_with_a_named_place(run):
    r = run("The Zarqan Front ambushed an army convoy near Kirkuk on Tuesday, killing eight soldiers.")
    events = {o for _, p, o in r.of("PERPETRATED")}
    assert len(events) == 1 and r.types[events.pop()] == "Event"


def test_denied_threatened_or_two_sided_verbs_make_no_incident(run):
    for text in ("Zarqan Front gunmen did not attack the Rashid Hotel in Baghdad.",
                 "The Zarqan Front threatened to attack the Rashid Hotel in Baghdad.",
                 "The Dawn Battalions attacked the Zarqan Front in Mosul."):
        r = run(text)
        assert "Event" not in r.types.values(), text


def test_a_verb_beside_an_incident_noun_makes_one_incident(run):
    r = run("Zarqan Front fighters stormed the Rashid Hotel in Baghdad in an assault on its guests.")
    assert "storming of Rashid Hotel" not in r.types


def test_behind_an_incident(run):
    r = run("The Zarqan Front was behind the bombing of the Rashid Hotel in Baghdad.")
    assert ("Zarqan Front", "PERPETRATED", "bombing of Rashid Hotel") in r.triples
    r = run("Officials believe the Zarqan Front was behind the 2016 Mosul market bombing.")
    assert r.attrs("Zarqan Front", "PERPETRATED", "2016 Mosul market bombing")["alleged"] is True


def test_members_included_by_a_possessive(run):
    r = run("The Zarqan Alliance was formed in 2018. "
            "Its members include the Tarsan Party and the Hamra Party.")
    assert ("Hamra Party", "MEMBER_OF", "Zarqan Alliance") in r.triples


def test_a_commander_in_a_group_is_a_member(run):
    r = run("Hassan Jaber, a commander in the Tarsan Brigades, was killed.")
    assert r.of("MEMBER_OF") == {("Hassan Jaber", "MEMBER_OF", "Tarsan Brigades")}
    assert r.of("LEADS") == set()


def test_incident_named_by_year_and_proper_name(run):
    r = run("The Zarqan Front carried out the 2013 Westgate mall attack, which killed 67 people.")
    assert ("Zarqan Front", "PERPETRATED", "2013 Westgate mall attack") in r.triples


def test_plural_incident_named_by_year_is_one_event(run):
    r = run("The Zarqan Front was responsible for the 2008 Kirkuk attacks.")
    assert ("Zarqan Front", "PERPETRATED", "2008 Kirkuk attacks") in r.triples
    assert {s for s, _, _ in r.of("PERPETRATED")} == {"Zarqan Front"}


def test_year_named_incident_keeps_its_year(run):
    r = run("The Zarqan Front claimed the 2019 bombing. The bombing killed ten people.",
            published="2021-11-08")
    assert ("Zarqan Front", "PERPETRATED", "2019 bombing") in r.triples


def test_gunmen_of_a_group_carried_out_an_incident(run):
    r = run("Gunmen from the Zarqan Front claimed responsibility for the 2019 Mosul bombing.")
    assert ("Zarqan Front", "PERPETRATED", "2019 Mosul bombing") in r.triples
