"""Wire-report phrasings of who attacked, who fought or sided with whom, and who met (invented texts).

The plain cases (a text and what it gives) are rows of case_tables/incidents.yaml.
"""

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


def test_speaker_is_not_the_condemner_of_what_they_report(run):
    r = run("Ali Khamenei said the United States condemned Hezbollah.")
    assert {t[0] for t in r.of("CONDEMNED")} <= {"United States"}
