"""Events and TARGETED, PERPETRATED, CONDEMNED, BLAMED, ACCUSED."""

import pytest

pytestmark = pytest.mark.model

ATTACK = ("The drone attack aimed at Prime Minister Mustafa al-Kadhimi's residence in Baghdad's Green Zone "
          "failed. The brazen strike was condemned abroad. Mr al-Kadhimi escaped the assassination attempt. "
          "He called it a cowardly terrorist attack. Asaib Ahl al-Haq blamed the attack on a third party.")


def test_one_event_for_all_mentions(run):
    r = run(ATTACK)
    events = [e for e in r.ex.entities if e.type.value == "Event"]
    assert [e.name for e in events] == ["drone attack on Mustafa al-Kadhimi's residence"]
    assert len(r.ex.mentions[events[0].id]) >= 3
    assert events[0].attrs["date"] == "2021-11-08"


def test_targeted_owner_of_residence(run):
    r = run(ATTACK)
    assert ("drone attack on Mustafa al-Kadhimi's residence", "TARGETED", "Mustafa al-Kadhimi") in r.triples


def test_condemned_by_calling_it(run):
    r = run(ATTACK)
    assert ("Mustafa al-Kadhimi", "CONDEMNED", "drone attack on Mustafa al-Kadhimi's residence") in r.triples


def test_blame_on_unnamed_party_gives_nothing(run):
    assert run(ATTACK).of("BLAMED") == set()


def test_blamed_on_with_event(run):
    r = run("Turkey blamed the bombing in Istanbul on the PKK.")
    (rel,) = [x for x in r.ex.relations if x.predicate.value == "BLAMED"]
    assert (r.names[rel.subject], r.names[rel.object]) == ("Turkey", "Kurdistan Workers' Party")
    assert r.names[rel.attrs["for"]] == "bombing in Istanbul"
    assert r.of("TARGETED") == set()


def test_perpetrated_claimed(run):
    r = run("A rocket attack on the US embassy in Baghdad wounded two guards. "
            "The attack was claimed by Kataib Hezbollah.")
    (rel,) = [x for x in r.ex.relations if x.predicate.value == "PERPETRATED"]
    assert r.names[rel.subject] == "Kataib Hezbollah" and rel.attrs == {"alleged": False}


def test_claimed_responsibility(run):
    r = run("Islamic State claimed responsibility for the bombing in Baghdad.")
    assert ("Islamic State", "PERPETRATED", "bombing in Baghdad") in r.triples


def test_condemned_directly(run):
    r = run("A drone attack on Erbil airport hit a hangar. The Kurdistan Regional Government condemned "
            "the attack.")
    assert any(t[:2] == ("Kurdistan Regional Government", "CONDEMNED") for t in r.triples)


def test_accused_of(run):
    r = run("Muqtada al-Sadr accused Nouri al-Maliki of corruption.")
    assert r.attrs("Muqtada al-Sadr", "ACCUSED", "Nouri al-Maliki") == {"of": "corruption"}


def test_generic_accusers_give_nothing(run):
    r = run("The protesters accused Mr al-Kadhimi of ordering forces to use live ammunition.")
    assert r.of("ACCUSED") == set()
