"""Wire-report phrasings of who attacked, who fought or sided with whom, and who met (invented texts)."""

import pytest

from tests.extraction.cases import states

pytestmark = pytest.mark.model


def test_attack_by_actor_on_target(run):
    r = run("An attack by Hamas on Israel killed 1,200 people.")
    assert r.attrs("Hamas", "PERPETRATED", "attack on Israel") == {"alleged": False}
    assert ("attack on Israel", "TARGETED", "Israel") in r.triples


def test_blamed_on_is_alleged(run):
    r = run("The attack on the police station in Peshawar was blamed on the Pakistani Taliban.")
    ((subject, _, event),) = r.of("PERPETRATED")
    assert subject == "Tehrik-i-Taliban Pakistan"
    assert r.attrs(subject, "PERPETRATED", event) == {"alleged": True}


def test_blamer_is_no_perpetrator(run):
    r = run("Turkey blamed the bombing in Istanbul on the PKK.")
    assert r.of("PERPETRATED") == {("Kurdistan Workers' Party", "PERPETRATED", "bombing in Istanbul")}
    assert r.attrs("Kurdistan Workers' Party", "PERPETRATED", "bombing in Istanbul") == {"alleged": True}


def test_speaker_is_not_the_condemner_of_what_they_report(run):
    r = run("Ali Khamenei said the United States condemned Hezbollah.")
    assert {t[0] for t in r.of("CONDEMNED")} <= {"United States"}


CASES = [
    states("unclaimed_attack_is_none", "Al-Shabaab did not claim the bombing in Mogadishu.", only="PERPETRATED"),
    states("denied_attack_is_none",
           "Hamas denied carrying out the attack on the bus in Jerusalem.", only="PERPETRATED"),
    states("offensive_on",
           "Russia's offensive on Ukraine began in February.", ("Russia", "OPPOSES", "Ukraine")),
    states("attacked_positions_of",
           "The Houthis attacked positions of the Saudi army.",
           ("Houthis", "OPPOSES", "Saudi Arabia"), only="OPPOSES"),
    states("fighters_ambushed_convoy",
           "Al-Shabaab militants ambushed a Kenyan army convoy in Lamu.",
           ("al-Shabaab", "OPPOSES", "Kenya Defence Forces"), only="OPPOSES"),
    states("speaker_is_not_the_attacker",
           "Germany said Hezbollah attacked Israel.", ("Hezbollah", "OPPOSES", "Israel"), only="OPPOSES"),
    states("views_as_enemy",
           "Al-Qaeda views the United States as an enemy.", ("al-Qaeda", "OPPOSES", "United States")),
    states("considers_apostates",
           "Islamic State considers the Taliban apostates.", ("Islamic State", "OPPOSES", "Taliban")),
    states("owned_enemy", "Israel's enemy Hezbollah fired rockets.", ("Israel", "OPPOSES", "Hezbollah")),
    states("owned_allies",
           "The Houthis and their allies Iran attacked Saudi Arabia.",
           ("Houthis", "ALLIED_WITH", "Iran"), absent=(("Iran", "ALLIED_WITH", "Saudi Arabia"),)),
    states("joined_forces",
           "Hezbollah joined forces with the Syrian army.",
           ("Hezbollah", "ALLIED_WITH", "Syrian Arab Army"), only="ALLIED_WITH"),
    states("plans_to_join_forces_is_none",
           "Egypt plans to join forces with Saudi Arabia.", only="ALLIED_WITH"),
    states("in_alliance_with",
           "Hamas fought in alliance with Islamic Jihad.",
           ("Hamas", "ALLIED_WITH", "Palestinian Islamic Jihad")),
    states("future_meeting_is_none", "Joe Biden will meet Xi Jinping next week.", only="MET_WITH"),
    states("expected_meeting_is_none",
           "Joe Biden is expected to meet Xi Jinping next week.", only="MET_WITH"),
    states("past_meeting",
           "Emmanuel Macron met with Vladimir Putin in Moscow.",
           ("Emmanuel Macron", "MET_WITH", "Vladimir Putin"), only="MET_WITH"),
    states("fought_alongside_forces_of",
           "In Syria, Hezbollah fought alongside the forces of Bashar al-Assad.",
           ("Hezbollah", "ALLIED_WITH", "Bashar al-Assad")),
    states("fought_in_support_of_the_regime_of",
           "Hezbollah fought in support of the regime of Bashar al-Assad.",
           ("Hezbollah", "ALLIED_WITH", "Bashar al-Assad")),
    states("joined_by_members_of",
           "The Arakan Army has been joined by members of the Kachin Independence Army.",
           ("Kachin Independence Army", "ALLIED_WITH", "Arakan Army"), only="ALLIED_WITH"),
    states("statement_condemning",
           "Germany issued a statement condemning the bombing in Kabul.",
           ("Germany", "CONDEMNED", "bombing in Kabul"), only="CONDEMNED"),
    states("drew_condemnation_from",
           "The bombing in Kabul drew condemnation from the United Nations.",
           ("United Nations", "CONDEMNED", "bombing in Kabul"), only="CONDEMNED"),
    states("accused_perfect",
           "Iran has accused Israel of sabotage.", ("Iran", "ACCUSED", "Israel"), only="ACCUSED"),
    states("accused_passive",
           "The PKK was accused by Turkey of carrying out the bombing in Ankara.",
           ("Turkey", "ACCUSED", "Kurdistan Workers' Party"), only="ACCUSED"),
    states("operation_launched_by",
           "Operation Z, launched by the Arakan Army on 27 October, captured several towns.",
           ("Arakan Army", "PERPETRATED", "Operation Z")),
    states("calls_for_destruction_of",
           "Hezbollah calls for the destruction of Israel.",
           ("Hezbollah", "OPPOSES", "Israel"), only="OPPOSES"),
    states("rejected_calls_for_destruction_is_none",
           "Hezbollah rejected calls for the destruction of Israel.", only="OPPOSES"),
    states("insurgency_against_the_states_of",
           "Boko Haram fights an insurgency against the states of Nigeria, Chad and Niger.",
           *[("Boko Haram", "OPPOSES", c) for c in ("Nigeria", "Chad", "Niger")], only="OPPOSES"),
]


@pytest.mark.parametrize("case", CASES)
def test_phrasing_gives_its_relations(run, case):
    case.check(run)
