"""Infobox labels in every written form, sub-headings inside lists, template labels (invented pages)."""

import pytest

from ingest.infobox_labels import label_forms
from ingest.rules.infobox_fields import read_fields


@pytest.mark.parametrize(("form", "label"), [
    ("leader(s)", "leader"), ("leaders", "leader"), ("founders", "founder"), ("ally", "allies"),
    ("opponents", "opponent"), ("groups", "group(s)"),
    ("deputy secretary general", "deputy secretary-general"), ("vice-chairman", "vice chairman"),
    ("secretary general", "secretary-general"), ("commanders", "commander"),
    ("designated as terrorist organization by", "designated as a terrorist organisation by"),
    ("designated as a terrorist organization by", "designated as a terrorist organisation by"),
    ("parent organization", "parent organisation"), ("active regions", "active region"),
    ("battles/wars", "battles/wars"), ("preceded by", "preceded by")])
def test_each_label_is_read_in_all_its_written_forms(form, label):
    assert label_forms()[form] == label


def test_a_sub_heading_inside_a_list_keeps_the_list_going():
    text = "AlliesState allies:\n Kenya\nNon-state allies:\n Velmar Front\nIdeology\n"
    fields = [(f.label, text[f.start:f.end], f.continued) for f in read_fields(text)]
    assert fields == [("allies", "", False), ("allies", "Kenya", True), ("non-state allies", "", False),
                      ("non-state allies", "Velmar Front", True), ("ideology", "", False)]
    text = "Opponents\nState opponents:\n Kenya\nOther armed groups:\n Velmar Front\n"
    assert [text[f.start:f.end] for f in read_fields(text)] == ["", "", "Kenya", "", "Velmar Front"]


PAGE = ("Boruvian Liberation Movement\n\n"
        "Leader(s)Joaquín Arbeloa Mendizábal\n"
        "Spokespersons: Rosa Itxaso Berrueta\n"
        "Dates of operation1994–present\n"
        "AlliesState allies:\n"
        " Venezuela\n"
        "Non-state allies:\n"
        " National Liberation Army\n"
        "OpponentsColombia\n"
        " Peru\n"
        "Designated as terrorist organization by Peru\n"
        " United States\n"
        "Battles and warsPeruvian internal conflict\n\n"
        "The Boruvian Liberation Movement is an armed group founded in 1994 in the Amazon basin.\n")


@pytest.mark.model
def test_militant_organisation_template_labels(run):
    r = run(PAGE)
    group = "Boruvian Liberation Movement"
    assert ("Joaquín Arbeloa Mendizábal", "LEADS", group) in r.triples
    assert ("Rosa Itxaso Berrueta", "SPOKESPERSON_FOR", group) in r.triples
    assert r.of("ALLIED_WITH") >= {(group, "ALLIED_WITH", "Venezuela"),
                                   (group, "ALLIED_WITH", "National Liberation Army")}
    assert r.of("OPPOSES") >= {(group, "OPPOSES", "Colombia"), (group, "OPPOSES", "Peru")}
    assert r.of("DESIGNATED_TERRORIST_BY") >= {(group, "DESIGNATED_TERRORIST_BY", "Peru"),
                                               (group, "DESIGNATED_TERRORIST_BY", "United States")}


@pytest.mark.model
def test_agency_and_party_template_labels(run):
    r = run("Zanlandic Border Security Agency\n\n"
            "Jurisdiction: Kenya\n"
            "Headquarters: Nairobi\n"
            "Parent agency: Ministry of Interior of Kenya\n"
            "Agency executive: Wanjiru Achieng Otieno, Director\n\n"
            "The Zanlandic Border Security Agency guards the northern frontier.\n")
    agency = "Zanlandic Border Security Agency"
    assert (agency, "LOCATED_IN", "Nairobi") in r.triples
    assert any(s == agency and p == "PART_OF" and "Ministry" in o for s, p, o in r.triples)


@pytest.mark.model
def test_a_keyed_list_with_unknown_acronyms_still_states_its_known_actors(run):
    r = run("Zanlandic Unity Party\n\n"
            "Chairman | Tomasz Wilk-Brzezina |\n"
            "National affiliation | African National Congress (1990–2001) ZPUF (2001–2010) KLMDQ |\n\n"
            "The Zanlandic Unity Party is a political party.\n")
    assert ("Zanlandic Unity Party", "MEMBER_OF", "African National Congress") in r.triples


@pytest.mark.model
def test_prose_after_a_label_word_with_capitalised_words_is_still_prose(run):
    r = run("Zanlandic Unity Party\n\nAllies of Kenya met in Nairobi on Monday.\n")
    assert not r.of("ALLIED_WITH")


def test_a_run_together_person_field_yields_the_unknown_name_beside_a_known_one():
    from ingest.entities.infobox_people import _name_runs
    text = "Leader Cyril Ramaphosa Themba Khumalo-Ndlovu\n"
    start, end = text.index("Cyril"), len(text) - 1
    known = [(start, start + len("Cyril Ramaphosa"))]
    assert [text[s:e] for s, e in _name_runs(text, start, end, known)] == ["Themba Khumalo-Ndlovu"]
    glued = "Leader Hadi al-Amiri\n"
    tail = glued.index("Amiri")
    assert _name_runs(glued, glued.index("Hadi"), len(glued) - 1, [(tail, tail + 5)]) == []
