"""Wire-report phrasings of who attacked, who fought or sided with whom, and who met (invented texts)."""

import pytest

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


def test_denied_or_unclaimed_attack_is_none(run):
    assert run("Al-Shabaab did not claim the bombing in Mogadishu.").of("PERPETRATED") == set()
    assert run("Hamas denied carrying out the attack on the bus in Jerusalem.").of("PERPETRATED") == set()


def test_offensive_on(run):
    assert ("Russia", "OPPOSES", "Ukraine") in run("Russia's offensive on Ukraine began in February.").triples


def test_attacked_positions_of(run):
    r = run("The Houthis attacked positions of the Saudi army.")
    assert r.of("OPPOSES") == {("Houthis", "OPPOSES", "Saudi Arabia")}


def test_fighters_ambushed_convoy(run):
    r = run("Al-Shabaab militants ambushed a Kenyan army convoy in Lamu.")
    assert r.of("OPPOSES") == {("al-Shabaab", "OPPOSES", "Kenya Defence Forces")}


def test_speaker_is_not_the_attacker(run):
    r = run("Germany said Hezbollah attacked Israel.")
    assert r.of("OPPOSES") == {("Hezbollah", "OPPOSES", "Israel")}


def test_views_as_enemy(run):
    assert ("al-Qaeda", "OPPOSES", "United States") in run(
        "Al-Qaeda views the United States as an enemy.").triples
    r = run("Islamic State considers the Taliban apostates.")
    assert ("Islamic State", "OPPOSES", "Taliban") in r.triples


def test_owned_enemy_and_allies(run):
    assert ("Israel", "OPPOSES", "Hezbollah") in run("Israel's enemy Hezbollah fired rockets.").triples
    r = run("The Houthis and their allies Iran attacked Saudi Arabia.")
    assert ("Houthis", "ALLIED_WITH", "Iran") in r.triples
    assert ("Iran", "ALLIED_WITH", "Saudi Arabia") not in r.triples


def test_joined_forces(run):
    r = run("Hezbollah joined forces with the Syrian army.")
    assert r.of("ALLIED_WITH") == {("Hezbollah", "ALLIED_WITH", "Syrian Arab Army")}
    assert run("Egypt plans to join forces with Saudi Arabia.").of("ALLIED_WITH") == set()


def test_in_alliance_with(run):
    r = run("Hamas fought in alliance with Islamic Jihad.")
    assert ("Hamas", "ALLIED_WITH", "Palestinian Islamic Jihad") in r.triples


def test_future_meeting_is_none(run):
    assert run("Joe Biden will meet Xi Jinping next week.").of("MET_WITH") == set()
    assert run("Joe Biden is expected to meet Xi Jinping next week.").of("MET_WITH") == set()
    assert run("Emmanuel Macron met with Vladimir Putin in Moscow.").of("MET_WITH") == {
        ("Emmanuel Macron", "MET_WITH", "Vladimir Putin")}


def test_fought_alongside_forces_of(run):
    r = run("In Syria, Hezbollah fought alongside the forces of Bashar al-Assad.")
    assert ("Hezbollah", "ALLIED_WITH", "Bashar al-Assad") in r.triples
    r = run("Hezbollah fought in support of the regime of Bashar al-Assad.")
    assert ("Hezbollah", "ALLIED_WITH", "Bashar al-Assad") in r.triples


def test_joined_by_members_of(run):
    r = run("The Arakan Army has been joined by members of the Kachin Independence Army.")
    assert r.of("ALLIED_WITH") == {("Kachin Independence Army", "ALLIED_WITH", "Arakan Army")}


def test_statement_condemning(run):
    r = run("Germany issued a statement condemning the bombing in Kabul.")
    assert r.of("CONDEMNED") == {("Germany", "CONDEMNED", "bombing in Kabul")}


def test_drew_condemnation_from(run):
    r = run("The bombing in Kabul drew condemnation from the United Nations.")
    assert r.of("CONDEMNED") == {("United Nations", "CONDEMNED", "bombing in Kabul")}


def test_accused_perfect_and_passive(run):
    assert run("Iran has accused Israel of sabotage.").of("ACCUSED") == {("Iran", "ACCUSED", "Israel")}
    r = run("The PKK was accused by Turkey of carrying out the bombing in Ankara.")
    assert r.of("ACCUSED") == {("Turkey", "ACCUSED", "Kurdistan Workers' Party")}


def test_speaker_is_not_the_condemner_of_what_they_report(run):
    r = run("Ali Khamenei said the United States condemned Hezbollah.")
    assert {t[0] for t in r.of("CONDEMNED")} <= {"United States"}


def test_operation_launched_by(run):
    r = run("Operation Z, launched by the Arakan Army on 27 October, captured several towns.")
    assert ("Arakan Army", "PERPETRATED", "Operation Z") in r.triples


def test_calls_for_destruction_of(run):
    r = run("Hezbollah calls for the destruction of Israel.")
    assert r.of("OPPOSES") == {("Hezbollah", "OPPOSES", "Israel")}
    assert run("Hezbollah rejected calls for the destruction of Israel.").of("OPPOSES") == set()


def test_insurgency_against_the_states_of(run):
    r = run("Boko Haram fights an insurgency against the states of Nigeria, Chad and Niger.")
    assert r.of("OPPOSES") == {("Boko Haram", "OPPOSES", c) for c in ("Nigeria", "Chad", "Niger")}
