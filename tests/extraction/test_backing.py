"""BACKED_BY cue family: hyphenated sponsors, passive participles, proxies, active verbs."""

import pytest

pytestmark = pytest.mark.model


def test_hyphenated_sponsor(run):
    r = run("Two members of the Iran-backed Asaib Ahl al-Haq were killed.")
    assert ("Asaib Ahl al-Haq", "BACKED_BY", "Iran") in r.triples


def test_demonym_sponsor_names_the_country(run):
    r = run("Iran denied it. The attack was claimed by the Iranian-sponsored Houthis.")
    assert ("Houthis", "BACKED_BY", "Iran") in r.triples


def test_participle_after_comma(run):
    r = run("Kataib Hezbollah, an Iraqi militia bankrolled by Iran, fired rockets at the base.")
    assert r.of("BACKED_BY") == {("Kataib Hezbollah", "BACKED_BY", "Iran")}


def test_relative_clause_passive(run):
    r = run("The Houthis, who are supported by Tehran, control the capital.")
    assert ("Houthis", "BACKED_BY", "Iran") in r.triples


def test_proxy_for(run):
    r = run("Hezbollah is widely seen as a proxy for Iran's Revolutionary Guard.")
    assert ("Hezbollah", "BACKED_BY", "Islamic Revolutionary Guard Corps") in r.triples


def test_direction_is_group_to_sponsor(run):
    r = run("The Houthis, who are supported by Tehran, control the capital.")
    assert ("Iran", "BACKED_BY", "Houthis") not in r.triples


def test_generic_group_gives_nothing(run):
    r = run("The attack was carried out by militias bankrolled by Iran.")
    assert r.of("BACKED_BY") == set()
