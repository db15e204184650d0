"""World armed groups and political parties in the knowledge base: coverage, types, acronyms, words."""

from __future__ import annotations

import re
from collections import Counter
from importlib import resources

import pytest
import yaml
from spacy.lang.en.stop_words import STOP_WORDS
from wordfreq import top_n_list

from graph.model import EntityType
from ingest.kb import Actor, KnowledgeBase, load_kb

GROUP_FILES = "world_armed_groups_"
PARTY_FILES = "world_parties_"
# Acronyms with a lowercase letter inside ("LeT", "JeM", "HuM"): they spell words once lowercased.
MIXED_ACRONYM = re.compile(r"^(?!.*[a-z]{3})(?=.*[a-z])(?=(?:.*[A-Z]){2})[A-Za-z0-9/\-]{2,8}$")
# Real names that are also frequent English words; each is the group's own name.
FREQUENT_BUT_NAMES = frozenset({"taliban", "wagner"})

# The G20 states that have parties (Saudi Arabia bans them).
G20 = ("Argentina", "Australia", "Brazil", "Canada", "China", "France", "Germany", "India", "Indonesia",
       "Italy", "Japan", "Mexico", "Russia", "South Africa", "South Korea", "Turkey", "United Kingdom",
       "United States")
MIDDLE_EAST = ("Iran", "Iraq", "Israel", "State of Palestine", "Lebanon", "Syria", "Jordan", "Egypt",
               "Yemen", "Bahrain", "Kuwait", "Cyprus")
AFRICA = ("Algeria", "Angola", "Benin", "Botswana", "Burkina Faso", "Burundi", "Cape Verde", "Cameroon",
          "Central African Republic", "Chad", "Comoros", "Democratic Republic of the Congo",
          "Republic of the Congo", "Djibouti", "Egypt", "Equatorial Guinea", "Eritrea", "Eswatini",
          "Ethiopia", "Gabon", "Gambia", "Ghana", "Guinea", "Guinea-Bissau", "Ivory Coast", "Kenya",
          "Lesotho", "Liberia", "Libya", "Madagascar", "Malawi", "Mali", "Mauritania", "Mauritius",
          "Morocco", "Mozambique", "Namibia", "Niger", "Nigeria", "Rwanda", "São Tomé and Príncipe",
          "Senegal", "Seychelles", "Sierra Leone", "Somalia", "South Africa", "South Sudan", "Sudan",
          "Tanzania", "Togo", "Tunisia", "Uganda", "Zambia", "Zimbabwe")
SOUTH_AND_SOUTHEAST_ASIA = ("Afghanistan", "Bangladesh", "Bhutan", "India", "Maldives", "Nepal", "Pakistan",
                            "Sri Lanka", "Cambodia", "Indonesia", "Laos", "Malaysia", "Myanmar",
                            "Philippines", "Singapore", "Thailand", "Timor-Leste", "Vietnam")
# Active theatres and the least number of armed groups each must have.
THEATRES = {"Syria": 40, "Democratic Republic of the Congo": 25, "Myanmar": 30, "Pakistan": 15, "India": 25,
            "Mexico": 20, "Colombia": 15, "Haiti": 10, "Mali": 15, "Libya": 15, "Sudan": 12, "Nigeria": 8,
            "Somalia": 6, "State of Palestine": 15, "Yemen": 8, "Ukraine": 12, "Philippines": 8,
            "South Sudan": 8, "Central African Republic": 8, "Ethiopia": 6, "Afghanistan": 5, "Lebanon": 6}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def _world_files(prefix: str) -> dict[str, list[dict[str, object]]]:
    """The packaged world group or party files, parsed."""
    folder = resources.files("ingest.kb.data")
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in folder.iterdir()
            if p.name.startswith(prefix) and p.name.endswith(".yaml")}


def _mine(kb: KnowledgeBase) -> list[Actor]:
    """The actors of the world group and party files."""
    keys = {e["key"] for prefix in (GROUP_FILES, PARTY_FILES)
            for entries in _world_files(prefix).values() for e in entries}
    return [a for a in kb.actors if a.key in keys]


def _count_by_country(kb: KnowledgeBase, etype: EntityType) -> Counter[str]:
    return Counter(a.attrs.get("country") for a in kb.actors if a.type is etype)


# --- size, files and types -------------------------------------------------------

def test_group_and_party_files_hold_one_type_each_and_stay_small() -> None:
    for prefix, etype in ((GROUP_FILES, "ArmedGroup"), (PARTY_FILES, "PoliticalParty")):
        files = _world_files(prefix)
        assert len(files) >= 5
        for name, entries in files.items():
            assert {e["type"] for e in entries} == {etype}, name
            lines = resources.files("ingest.kb.data").joinpath(name).read_text(encoding="utf-8").splitlines()
            assert len(lines) <= 1500, name


def test_world_groups_and_parties_by_type(kb: KnowledgeBase) -> None:
    counts = Counter(a.type for a in _mine(kb))
    assert counts[EntityType.ARMED_GROUP] >= 670
    assert counts[EntityType.POLITICAL_PARTY] >= 1050
    assert set(counts) == {EntityType.ARMED_GROUP, EntityType.POLITICAL_PARTY}


@pytest.mark.parametrize("country", sorted(set(G20 + MIDDLE_EAST + AFRICA + SOUTH_AND_SOUTHEAST_ASIA)))
def test_parties_of_the_g20_and_the_regions(kb: KnowledgeBase, country: str) -> None:
    parties = _count_by_country(kb, EntityType.POLITICAL_PARTY)
    assert parties[country] >= (4 if country in G20 else 1)


@pytest.mark.parametrize(("country", "least"), sorted(THEATRES.items()))
def test_armed_groups_of_the_active_theatres(kb: KnowledgeBase, country: str, least: int) -> None:
    assert _count_by_country(kb, EntityType.ARMED_GROUP)[country] >= least


def test_groups_and_parties_name_a_country_unless_transnational(kb: KnowledgeBase) -> None:
    stateless = sorted(a.key for a in _mine(kb) if "country" not in a.attrs)
    assert len(stateless) <= 15, stateless  # the European Parliament groups, Polisario, Dozo hunters


# --- acronyms and words ----------------------------------------------------------

def test_acronyms_match_only_in_their_own_case(kb: KnowledgeBase) -> None:
    loose = [(a.key, form) for a in _mine(kb) for form in (a.name, *a.aliases)
             if (form.isupper() or MIXED_ACRONYM.match(form)) and not kb.is_case_sensitive(a, form)]
    assert loose == []


def test_no_group_or_party_form_is_a_frequent_english_word(kb: KnowledgeBase) -> None:
    frequent = set(top_n_list("en", 20000)) | set(STOP_WORDS)
    words = [(a.key, form) for a in _mine(kb) for form in kb.surface_forms(a)
             if form.casefold() in frequent and form.casefold() not in FREQUENT_BUT_NAMES
             and not kb.is_case_sensitive(a, form)]
    assert words == []


@pytest.mark.parametrize("text", ["let", "Let", "hum", "jem", "modem", "plaid", "labour", "reform",
                                  "renaissance", "greens", "congress", "azov", "unity", "fact", "ism"])
def test_words_are_not_groups_or_parties(kb: KnowledgeBase, text: str) -> None:
    assert [a.key for a in kb.lookup(text) if a.type in (EntityType.ARMED_GROUP,
                                                         EntityType.POLITICAL_PARTY)] == []


# --- lookups -----------------------------------------------------------------------

@pytest.mark.parametrize(("name", "key"), [
    ("JNIM", "jama-at-nusrat-al-islam-wal-muslimin"),
    ("Jama'at Nusrat al-Islam wal-Muslimin", "jama-at-nusrat-al-islam-wal-muslimin"),
    ("Islamic State – West Africa Province", "islamic-state-west-africa-province"),
    ("ISWAP", "islamic-state-west-africa-province"),
    ("al-Shabaab", "al-shabaab"), ("Shabaab", "al-shabaab"), ("Al Shabaab", "al-shabaab"),
    ("M23", "march-23-movement"), ("LeT", "lashkar-e-taiba"), ("JeM", "jaish-e-mohammed"),
    ("Kachin Independence Army", "kachin-independence-army"), ("Tatmadaw", None),
    ("Tren de Aragua", "tren-de-aragua"), ("CJNG", "cjng"), ("Clan del Golfo", "clan-del-golfo"),
    ("Wagner Group", "wagner-group"), ("Viv Ansanm", "viv-ansanm"), ("RSF", "rapid-support-forces"),
    ("BJP", "bharatiya-janata-party"), ("ANC", "african-national-congress"),
    ("Lib Dems", "liberal-democrats-uk"),
    ("Labour", "labour-party-uk"), ("Pheu Thai", "pheu-thai-party"), ("ZANU-PF", "zanu-pf"),
    ("APC", "all-progressives-congress"), ("APC (Sierra Leone)", "all-peoples-congress-sierra-leone"),
    ("PSUV", "psuv"), ("Morena", "morena"), ("CCP", "chinese-communist-party"),
    ("AfD", "alternative-for-germany"),
])
def test_names_and_acronyms_find_their_actor(kb: KnowledgeBase, name: str, key: str | None) -> None:
    found = [a.key for a in kb.lookup(name) if a.type in (EntityType.ARMED_GROUP, EntityType.POLITICAL_PARTY)]
    assert found == ([key] if key else [])


def test_parties_with_armed_wings_stay_apart(kb: KnowledgeBase) -> None:
    pairs = [("TPLF", "TDF"), ("SPLM-IO", "SPLA-IO"), ("Oromo Liberation Front", "OLA")]
    for party, force in pairs:
        (p,), (f,) = kb.lookup(party), kb.lookup(force)
        assert (p.type, f.type) == (EntityType.POLITICAL_PARTY, EntityType.ARMED_GROUP)
