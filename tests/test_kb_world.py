"""The world knowledge base: every country, international bodies, state bodies, leaders, the gazetteer."""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

import pycountry
import pytest
import yaml
from spacy.lang.en.stop_words import STOP_WORDS

from graph.model import EntityType
from ingest.kb import KnowledgeBase, _assemble, _packaged_entries, load_kb
from ingest.kb import gazetteer as gz
from ingest.kb.data import build_countries

# Frequent English nouns and headline words that must never be an actor's whole name.
COMMON_NOUNS = frozenset({
    "alliance", "army", "base", "bloc", "brigade", "coalition", "committee", "council", "court", "forces",
    "front", "government", "group", "league", "militia", "ministry", "movement", "office", "parliament",
    "party", "people", "police", "president", "republic", "revolution", "security", "senate", "state",
    "union", "unity", "justice", "freedom", "liberty", "hope", "change", "progress", "future", "nation",
    "national", "democracy", "independence", "victory", "resistance", "navy", "guard", "cabinet",
})


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


# --- size and shape -------------------------------------------------------------

def test_world_knowledge_base_size_by_type(kb: KnowledgeBase) -> None:
    counts = Counter(a.type for a in kb.actors)
    assert counts[EntityType.COUNTRY] >= 249
    assert counts[EntityType.ORGANIZATION] >= 150
    assert counts[EntityType.STATE_BODY] >= 900
    assert counts[EntityType.PERSON] >= 750
    assert counts[EntityType.LOCATION] >= 140
    assert len(kb) >= 3000


def test_every_pycountry_country_is_a_country_actor(kb: KnowledgeBase) -> None:
    by_code = {a.attrs.get("iso2"): a for a in kb.actors if a.type is EntityType.COUNTRY}
    missing = [c.alpha_2 for c in pycountry.countries if c.alpha_2 not in by_code]
    assert missing == []
    assert by_code["NG"].name == "Nigeria" and by_code["CD"].key == "democratic-republic-of-the-congo"
    assert by_code["IQ"].key == "iraq" and by_code["US"].id == "country:united-states"


def test_generated_countries_file_matches_its_generator() -> None:
    assert build_countries.OUTPUT.read_text(encoding="utf-8") == build_countries.generate()


def test_country_names_codes_and_demonyms(kb: KnowledgeBase) -> None:
    assert [a.key for a in kb.lookup("DR Congo")] == ["democratic-republic-of-the-congo"]
    assert [a.key for a in kb.lookup("Côte d'Ivoire")] == ["ivory-coast"]
    assert [a.key for a in kb.lookup("Burma")] == ["myanmar"]
    assert [a.key for a in kb.lookup("NGA")] == ["nigeria"]
    assert kb.lookup("nga") == [] and kb.lookup("Congo-Brazzaville")[0].key == "republic-of-the-congo"
    assert kb.lookup("chad") == [] and kb.lookup("Chad")[0].key == "chad"
    nigerien = kb.by_demonym("Nigerien")
    assert nigerien is not None and nigerien.key == "niger"
    assert (kb.by_demonym("Burkinabe") or kb.actors[0]).key == "burkina-faso"


@pytest.mark.parametrize("code", ["IN", "IT", "AS", "BE", "NO", "IS", "ME", "MY", "AND", "CAN", "SEN", "COL",
                                  "PNG"])
def test_iso_codes_that_are_words_are_not_country_names(kb: KnowledgeBase, code: str) -> None:
    assert all(a.type is not EntityType.COUNTRY for a in kb.lookup(code))


def test_us_is_still_the_united_states(kb: KnowledgeBase) -> None:
    assert [a.key for a in kb.lookup("US")] == ["united-states"]


def test_country_sources_cover_every_code_and_name_known_keys(kb: KnowledgeBase) -> None:
    table, demonyms = build_countries.load_sources()
    codes = {c.alpha_2 for c in pycountry.countries}
    assert codes <= set(demonyms)
    assert set(table["countries"]) <= codes
    for spec in table["countries"].values():
        assert "key" not in spec or kb.by_key(spec["key"]) is not None


@pytest.mark.parametrize(("name", "key", "etype"), [
    ("Hemedti", "mohamed-hamdan-dagalo", EntityType.PERSON),
    ("Tinubu", "bola-tinubu", EntityType.PERSON),
    ("Min Aung Hlaing", "min-aung-hlaing", EntityType.PERSON),
    ("Xi", "xi-jinping", EntityType.PERSON),
    ("AMLO", "andres-manuel-lopez-obrador", EntityType.PERSON),
    ("Tatmadaw", "tatmadaw", EntityType.STATE_BODY),
    ("FARDC", "fardc", EntityType.STATE_BODY),
    ("Nigerian government", "government-of-nigeria", EntityType.STATE_BODY),
    ("Government of Somalia", "government-of-somalia", EntityType.STATE_BODY),
    ("Kenyan Foreign Ministry", "kenya-foreign-ministry", EntityType.STATE_BODY),
    ("Ministry of External Affairs (India)", "india-foreign-ministry", EntityType.STATE_BODY),
    ("HM Treasury", "hm-treasury", EntityType.STATE_BODY),
    ("Lok Sabha", "lok-sabha", EntityType.STATE_BODY),
    ("MONUSCO", "monusco", EntityType.ORGANIZATION),
    ("ECOWAS", "ecowas", EntityType.ORGANIZATION),
    ("World Food Program", "world-food-programme", EntityType.ORGANIZATION),
    ("International Criminal Court", "international-criminal-court", EntityType.ORGANIZATION),
    ("Northern Ireland", "northern-ireland", EntityType.LOCATION),
    ("Tigray", "tigray", EntityType.LOCATION),
])
def test_world_actors_by_name(kb: KnowledgeBase, name: str, key: str, etype: EntityType) -> None:
    found = kb.lookup(name)
    assert [(a.key, a.type) for a in found] == [(key, etype)]


def test_people_have_a_country_and_common_surnames_stay_whole(kb: KnowledgeBase) -> None:
    keys = [e["key"] for path in Path(build_countries.HERE).glob("world_people_*.yaml")
            for e in yaml.safe_load(path.read_text(encoding="utf-8"))]
    assert len(keys) >= 700
    stateless = [k for k in keys if "country" not in (kb.by_key(k) or kb.actors[0]).attrs]
    assert len(stateless) <= len(keys) // 100  # only the odd jihadist leader of unknown origin
    assert kb.lookup("May") == [] and kb.lookup("Turk") == [] and kb.lookup("Jonathan") == []
    assert kb.lookup("sales") == [] and kb.lookup("Innocent") == []


def test_state_bodies_name_their_country(kb: KnowledgeBase) -> None:
    bodies = [a for a in kb.actors if a.type is EntityType.STATE_BODY]
    missing = [a.key for a in bodies if "country" not in a.attrs]
    assert missing == []


# --- data rules -----------------------------------------------------------------

def test_wikidata_ids_are_well_formed_and_unique(kb: KnowledgeBase) -> None:
    ids = [a.wikidata for a in kb.actors if a.wikidata]
    assert all(re.fullmatch(r"Q[1-9][0-9]*", q) for q in ids)
    assert len(ids) == len(set(ids)) and len(ids) >= 200


def test_no_actor_is_named_by_a_common_word(kb: KnowledgeBase) -> None:
    bad = [(a.key, form) for a in kb.actors for form in (a.name, *a.aliases)
           if (form.casefold() in STOP_WORDS or form.casefold() in COMMON_NOUNS)
           and not kb.is_case_sensitive(a, form)]
    assert bad == []


def test_world_files_stay_small() -> None:
    folder = Path(build_countries.HERE)
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in folder.glob("world_*.yaml")}
    assert sizes and max(sizes.values()) <= 1500, sizes


def test_packaged_knowledge_base_loads_quickly() -> None:
    _packaged_entries.cache_clear()
    start = time.process_time()  # CPU time, so a busy machine does not fail it
    kb = _assemble(_packaged_entries(), ())
    elapsed = time.process_time() - start
    assert len(kb) >= 3000
    assert elapsed < 4, f"knowledge base took {elapsed:.1f} s of CPU to parse and index"  # about 1 s


# --- gazetteer ------------------------------------------------------------------

@pytest.fixture(scope="module")
def gazetteer() -> gz.Gazetteer:
    return gz.load_gazetteer()


@pytest.mark.parametrize(("name", "code", "kind"), [
    ("Maiduguri", "NG", gz.CITY),
    ("Goma", "CD", gz.CITY),
    ("Medellin", "CO", gz.CITY),
    ("Kharkov", "UA", gz.CITY),
    ("Borno", "NG", gz.SUBDIVISION),
    ("Borno State", "NG", gz.SUBDIVISION),
    ("Tigray", "ET", gz.SUBDIVISION),
    ("North Kivu", "CD", gz.SUBDIVISION),
    ("Donetsk Oblast", "UA", gz.SUBDIVISION),
    ("Rakhine State", "MM", gz.SUBDIVISION),
    ("Cabo Delgado", "MZ", gz.SUBDIVISION),
])
def test_gazetteer_places_names_in_their_country(gazetteer: gz.Gazetteer, name: str, code: str,
                                                kind: str) -> None:
    place = gazetteer.lookup(name)
    assert place is not None and (place.country_code, place.kind) == (code, kind)
    assert gazetteer.country_code(name) == code


def test_gazetteer_prefers_the_biggest_place_and_flags_shared_names(gazetteer: gz.Gazetteer) -> None:
    tripoli = gazetteer.lookup("Tripoli")
    assert tripoli is not None and tripoli.country_code == "LY" and tripoli.ambiguous
    goma = gazetteer.lookup("Goma")
    assert goma is not None and not goma.ambiguous


def test_gazetteer_knows_no_common_words(gazetteer: gz.Gazetteer) -> None:
    assert gazetteer.lookup("Of") is None and gazetteer.lookup("the") is None
    assert gazetteer.lookup("Zzyzxville") is None and len(gazetteer) > 100_000


def test_gazetteer_country_code_gives_the_kb_country(kb: KnowledgeBase, gazetteer: gz.Gazetteer) -> None:
    code = gazetteer.country_code("Maiduguri")
    assert code is not None
    nigeria = gz.country_actor(kb, code)
    assert nigeria is not None and nigeria.key == "nigeria"
    assert gz.country_actor(kb, "zz") is None


def test_gazetteer_disk_cache_round_trips(tmp_path: Path) -> None:
    built = gz.load_gazetteer(15000, tmp_path)
    assert list(tmp_path.glob("gazetteer-15000-*.pickle"))
    gz.load_gazetteer.cache_clear()
    start = time.perf_counter()
    cached = gz.load_gazetteer(15000, tmp_path)
    assert time.perf_counter() - start < 2
    assert cached is not built and cached.lookup("Goma") == built.lookup("Goma")


def test_english_subdivision_names_exist_in_iso() -> None:
    table = gz.english_subdivision_names()
    for code, names in table.items():
        iso = {s.name for s in pycountry.subdivisions.get(country_code=code) or ()}
        assert set(names) <= iso, (code, set(names) - iso)


def test_subdivision_source_is_valid_yaml() -> None:
    text = (Path(build_countries.HERE) / "sources" / "subdivisions_en.yaml").read_text(encoding="utf-8")
    assert isinstance(yaml.safe_load(text), dict)


@pytest.mark.parametrize(("name", "key"), [
    ("al-Assad", "bashar-al-assad"), ("McKenzie", "kenneth-mckenzie"), ("al-Houthi", "abdul-malik-al-houthi"),
    ("Sadr", "muqtada-al-sadr"), ("Kadhimi", "mustafa-al-kadhimi"), ("Haftar", "khalifa-haftar"),
    ("Dagalo", "mohamed-hamdan-dagalo"), ("Khamenei", "ali-khamenei"),
])
def test_new_people_leave_known_surnames_with_their_bearer(kb: KnowledgeBase, name: str, key: str) -> None:
    assert [a.key for a in kb.lookup(name)] == [key]
