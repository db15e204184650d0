"""Infobox lines and results tables (invented pages): one label table, one column reader."""

import pytest

from ingest.rules.infobox_fields import read_fields

pytestmark = pytest.mark.model

PAGE = ("Zarqan Liberation Front\n\n"
        "Leader: Omar Haddad (2001–2015)\n"
        "Tarek Nassar (2015–present)\n"
        "Spokesman | Samir Khouri |\n"
        "Allies: Iran\n Hezbollah\n"
        "Opponents Israel\n Jordan\n"
        "Designated as a terrorist group by Canada\n United Kingdom\n"
        "Website zlf.example\n\n"
        "The Zarqan Liberation Front is an armed group founded in 2001.")


def test_fields_continue_below_their_label_and_stop_at_the_next():
    text = "Allies: Iran\n Hezbollah\nIdeology\nLeaderOmar Haddad\n\nIran said so."
    fields = read_fields(text)
    assert [(f.label, text[f.start:f.end], f.continued) for f in fields] == [
        ("allies", "Iran", False), ("allies", "Hezbollah", True), ("ideology", "", False),
        ("leader", "Omar Haddad", False)]


def test_encyclopedia_infobox_labels(run):
    r = run(PAGE)
    group = "Zarqan Liberation Front"
    assert r.attrs("Omar Haddad", "LEADS", group) == {"status": "former"}
    assert r.attrs("Tarek Nassar", "LEADS", group) == {"status": "current"}
    assert ("Samir Khouri", "SPOKESPERSON_FOR", group) in r.triples
    assert r.of("ALLIED_WITH") == {(group, "ALLIED_WITH", "Iran"), (group, "ALLIED_WITH", "Hezbollah")}
    assert r.of("OPPOSES") == {(group, "OPPOSES", "Israel"), (group, "OPPOSES", "Jordan")}
    assert r.of("DESIGNATED_TERRORIST_BY") == {(group, "DESIGNATED_TERRORIST_BY", "Canada"),
                                               (group, "DESIGNATED_TERRORIST_BY", "United Kingdom")}


def test_prose_starting_with_a_label_word_is_no_infobox(run):
    r = run("Zarqan Liberation Front\n\nLeader Omar Haddad met Iranian officials in Tehran on Monday.\n")
    assert ("Omar Haddad", "LEADS", "Zarqan Liberation Front") not in r.triples


def test_results_bulletin_column_rows(run):
    r = run("2021 Iraqi parliamentary election\n\n"
            "Leader Muqtada al-Sadr Hadi al-Amiri\n"
            "Party Sadrist Movement Fatah Alliance\n"
            "Seats won 73 17\n", published="2021-10")
    election = next(n for n, t in r.types.items() if t == "Election" and n.startswith("2021"))
    assert r.attrs("Sadrist Movement", "WON_SEATS", election) == {"seats": 73}
    assert r.attrs("Fatah Alliance", "WON_SEATS", election) == {"seats": 17}
    assert ("Muqtada al-Sadr", "LEADS", "Sadrist Movement") in r.triples
    assert ("Hadi al-Amiri", "LEADS", "Fatah Alliance") in r.triples
    assert ("Muqtada al-Sadr", "LEADS", "Fatah Alliance") not in r.triples


def test_indexed_infobox_columns_and_the_previous_election(run):
    r = run("The 2023 general election followed the 2019 general election in Zarqa.\n\n"
            "- Leader1: Ammar al-Hakim\n- Party1: Zarqan Green Party\n- Alliance1: Progressive Alliance\n"
            "- Seats1: 12\n- Last Election1: 3.3%, 9 seats\n", published="2023-06")
    party = "Zarqan Green Party"
    assert ("Ammar al-Hakim", "LEADS", party) in r.triples
    assert (party, "MEMBER_OF", "Progressive Alliance") in r.triples
    won = {(t[2], r.attrs(*t)["seats"]) for t in r.of("WON_SEATS")}
    assert {(n[:4], s) for n, s in won} == {("2023", 12), ("2019", 9)}
