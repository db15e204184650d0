"""The actor knowledge base: packaged data, generated spellings, lookups, analysts' files, errors."""

from __future__ import annotations

import time
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pytest

from graph.errors import ActorGraphError
from graph.model import EntityType, entity_id
from ingest.kb import KnowledgeBase, KnowledgeBaseError, _assemble, _packaged_entries, load_kb, lookup_key
from ingest.kb import variants as kb_variants


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def _keys(kb: KnowledgeBase, name: str) -> list[str]:
    return [a.key for a in kb.lookup(name)]


def _write(tmp_path: Path, text: str, name: str = "extra.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- packaged data ---------------------------------------------------------------

def test_packaged_files_are_split_by_domain() -> None:
    names = {p.name for p in resources.files("ingest.kb.data").iterdir() if p.name.endswith(".yaml")}
    assert {"countries.yaml", "state_bodies.yaml", "iraq_parties.yaml", "armed_groups.yaml",
            "people.yaml", "places.yaml", "organisations.yaml"} <= names


def test_at_least_230_actors_of_every_type(kb: KnowledgeBase) -> None:
    assert len(kb) >= 230
    assert {a.type for a in kb.actors} == set(EntityType)


def test_ids_are_type_and_key_and_stable(kb: KnowledgeBase) -> None:
    kh = kb.by_key("kataib-hezbollah")
    assert kh is not None and kh.id == "armedgroup:kataib-hezbollah"
    assert kh.id == entity_id(kh.type, kh.name, kh.key)
    rebuilt = _assemble(_packaged_entries(), ())
    assert [a.id for a in rebuilt.actors] == [a.id for a in kb.actors]
    assert len({a.id for a in kb.actors}) == len(kb.actors)
    assert all(kb.by_id(a.id) is a for a in kb.actors)
    assert kb.by_key("no-such-actor") is None and kb.by_id("person:nobody") is None


@pytest.mark.parametrize(("key", "name", "etype"), [
    ("mustafa-al-kadhimi", "Mustafa al-Kadhimi", EntityType.PERSON),
    ("asaib-ahl-al-haq", "Asaib Ahl al-Haq", EntityType.ARMED_GROUP),
    ("popular-mobilization-forces", "Popular Mobilization Forces", EntityType.ARMED_GROUP),
    ("us-state-department", "US State Department", EntityType.STATE_BODY),
    ("islamic-revolutionary-guard-corps", "Islamic Revolutionary Guard Corps", EntityType.STATE_BODY),
    ("fatah-alliance", "Fatah Alliance", EntityType.POLITICAL_PARTY),
    ("sadrist-movement", "Sadrist Movement", EntityType.POLITICAL_PARTY),
    ("national-state-forces-alliance", "National State Forces Alliance", EntityType.POLITICAL_PARTY),
    ("united-states", "United States", EntityType.COUNTRY),
    ("green-zone", "Green Zone", EntityType.LOCATION),
    ("the-national", "The National", EntityType.ORGANIZATION),
    ("2021-iraqi-parliamentary-election", "2021 Iraqi parliamentary election", EntityType.ELECTION),
])
def test_canonical_names_and_types(kb: KnowledgeBase, key: str, name: str, etype: EntityType) -> None:
    actor = kb.by_key(key)
    assert actor is not None and (actor.name, actor.type) == (name, etype)


def test_wikidata_ids_and_attributes(kb: KnowledgeBase) -> None:
    iraq, isis = kb.by_key("iraq"), kb.by_key("islamic-state")
    assert iraq is not None and iraq.wikidata == "Q796"
    assert isis is not None and isis.wikidata == "Q2429253"
    sudani = kb.by_key("mohammed-shia-al-sudani")
    assert sudani is not None and sudani.attrs["country"] == "Iraq"
    assert "Prime Minister" in sudani.attrs["title"]
    entity = kb.by_key("united-states").to_entity()  # type: ignore[union-attr]
    assert entity.id == "country:united-states" and entity.external_ids == {"wikidata": "Q30"}
    assert "Washington" in entity.aliases


# --- spellings and lookups ----------------------------------------------------------

RESOLVES = {
    "mustafa-al-kadhimi": ["Mustafa al-Kadhimi", "Mustafa Al Kadhimi", "Mustafa Al-Kadhimi",
                           "Mustafa el-Kadhimi", "Mustafa Kadhimi", "Mustafa al-Kazemi", "Mustafa Al Kadhemi",
                           "Kadhimi", "Al Kadhimi", "al-Kadhimi", "Mr Al Kadhimi", "Kadhimi's"],
    "kataib-hezbollah": ["Kata'ib Hezbollah", "Kataeb Hezbollah", "Kataib Hezbollah", "Kata’ib Hizballah",
                         "Kataib Hizbullah", "Kata'ib Hizbollah", "KH", "Hezbollah Brigades",
                         "Hizballah Brigades"],
    "hezbollah": ["Hezbollah", "Hizballah", "Hizbullah", "Hizbollah", "Lebanese Hezbollah",
                  "Lebanese Hizballah"],
    "asaib-ahl-al-haq": ["Asa'ib Ahl al-Haq", "Asaib Ahl al-Haq", "Asaeb Ahl al-Haq", "Asa’ib Ahl al-Haqq",
                         "Asaib Ahl Al Haq", "Asaib Ahl al Haq", "AAH", "League of the Righteous"],
    "muqtada-al-sadr": ["Muqtada al-Sadr", "Moqtada al-Sadr", "Moqtada Al Sadr", "Muqtada Al-Sadr", "Sadr"],
    "fatah-alliance": ["Fatah Alliance", "Fateh Alliance", "Al Fateh coalition", "Al Fateh", "Fatah",
                       "Fateh"],
    "sadrist-movement": ["Sadrist Movement", "Sadrist bloc", "Sadrists", "Sadrist Trend"],
    "popular-mobilization-forces": ["Popular Mobilisation Forces", "Hashd al-Shaabi", "al-Hashd al-Sha'bi",
                                    "Al-Hashd al-Shaabi", "PMF", "PMU", "PMC", "Popular Mobilization Units"],
    "badr-organization": ["Badr Organisation", "Badr Organization", "Badr"],
    "islamic-state": ["Islamic State", "ISIS", "ISIL", "Daesh", "Islamic State of Iraq and the Levant"],
    "islamic-revolutionary-guard-corps": ["IRGC", "Revolutionary Guard", "Revolutionary Guards"],
    "us-state-department": ["State Department", "U.S. Department of State", "US Department of State"],
    "us-department-of-the-treasury": ["Treasury", "U.S. Treasury", "Treasury Department"],
    "united-states": ["Washington", "US", "U.S.", "United States", "America", "the U.S."],
    "iran": ["Tehran", "Iran"],
    "syria": ["Damascus"],
    "baghdad": ["Baghdad"],
    "beirut": ["Beirut"],
    "abu-ali-al-askari": ["Abu Ali Al Askari", "Al Askari"],
    "ali-al-sistani": ["Ali Sistani", "Sistani", "Ali al-Husseini al-Sistani"],
    "adil-abdul-mahdi": ["Adel Abdul Mahdi", "Abdul-Mahdi", "Adil Abdel-Mahdi"],
    "recep-tayyip-erdogan": ["Erdogan", "Recep Tayyip Erdogan", "Erdoğan"],
}


@pytest.mark.parametrize(("key", "surface"), [(k, s) for k, forms in RESOLVES.items() for s in forms])
def test_required_spellings_resolve(kb: KnowledgeBase, key: str, surface: str) -> None:
    assert _keys(kb, surface) == [key]


def test_generated_variants_are_listed_as_surface_forms(kb: KnowledgeBase) -> None:
    kadhimi = kb.surface_forms(kb.by_key("mustafa-al-kadhimi"))  # type: ignore[arg-type]
    assert kadhimi[0] == "Mustafa al-Kadhimi"
    for form in ("Mustafa Al Kadhimi", "Mustafa Al-Kadhimi", "Mustafa el-Kadhimi", "Mustafa Kadhimi",
                 "Mustafa al-Kazemi", "Mustafa al-Kadhemi", "Kadhimi"):
        assert form in kadhimi
    kh = kb.surface_forms(kb.by_key("kataib-hezbollah"))  # type: ignore[arg-type]
    for form in ("Kata'ib Hezbollah", "Kataeb Hezbollah", "Kataib Hezbollah", "Kata’ib Hezbollah",
                 "Kataib Hizballah", "Kataib Hizbullah"):
        assert form in kh


def test_no_surface_form_belongs_to_two_actors(kb: KnowledgeBase) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for form in kb.forms():
        owners[lookup_key(form.text)].add(form.actor.key)
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    assert not shared
    for form in kb.forms():
        assert kb.lookup(form.text) == [form.actor]


def test_no_surface_form_is_an_everyday_word(kb: KnowledgeBase) -> None:
    from spacy.lang.en.stop_words import STOP_WORDS

    for form in kb.forms():
        assert len(form.text) >= 2, form
        assert form.case_sensitive or form.text.casefold() not in STOP_WORDS, form


def test_every_explicit_alias_survives(kb: KnowledgeBase) -> None:
    for actor in kb.actors:
        assert set(actor.aliases) <= set(kb.surface_forms(actor))


def test_shared_generated_surnames_are_dropped(kb: KnowledgeBase) -> None:
    assert _keys(kb, "Barzani") == [] and _keys(kb, "Talabani") == []
    assert _keys(kb, "Masoud Barzani") == ["masoud-barzani"]
    assert _keys(kb, "Hussein") == []  # Saddam Hussein and Fuad Hussein
    assert _keys(kb, "Saddam") == ["saddam-hussein"]


def test_case_sensitive_forms(kb: KnowledgeBase) -> None:
    us = kb.by_key("united-states")
    assert us is not None and kb.is_case_sensitive(us, "US") and kb.is_case_sensitive(us, "U.S.")
    assert not kb.is_case_sensitive(us, "Washington")
    assert _keys(kb, "us") == [] and _keys(kb, "u.s.") == []
    assert _keys(kb, "telegram") == [] and _keys(kb, "Telegram") == ["telegram"]
    assert _keys(kb, "the national") == [] and _keys(kb, "The National") == ["the-national"]
    kadhimi = kb.by_key("mustafa-al-kadhimi")
    assert kadhimi is not None and kb.is_case_sensitive(kadhimi, "Kadhimi")
    assert _keys(kb, "kadhimi") == []
    monitor = kb.by_key("al-monitor")
    assert monitor is not None and kb.is_case_sensitive(monitor, "Monitor")


def test_demonyms_are_kept_apart_from_names(kb: KnowledgeBase) -> None:
    assert kb.by_demonym("Iranian") is kb.by_key("iran")
    assert kb.by_demonym("iraqis") is kb.by_key("iraq")
    assert kb.by_demonym("Martian") is None
    assert _keys(kb, "Iranian") == [] and _keys(kb, "American") == []


def test_forms_by_type(kb: KnowledgeBase) -> None:
    people = kb.forms(types=[EntityType.PERSON])
    assert people and {f.actor.type for f in people} == {EntityType.PERSON}
    assert len(kb.forms()) > len(people)


def test_events_keep_their_names_verbatim(kb: KnowledgeBase) -> None:
    event = kb.by_key("drone-attack-on-kadhimi-residence")
    assert event is not None and kb.surface_forms(event) == (event.name, *event.aliases)


# --- spelling rules ------------------------------------------------------------------

def test_article_rules() -> None:
    assert kb_variants.article_styles("Mustafa al-Kadhimi") == [
        "Mustafa al-Kadhimi", "Mustafa Al-Kadhimi", "Mustafa Al Kadhimi", "Mustafa al Kadhimi",
        "Mustafa el-Kadhimi"]
    assert kb_variants.drop_articles("Mustafa al-Kadhimi") == "Mustafa Kadhimi"
    assert kb_variants.drop_articles("al-Qaeda") == "Qaeda"
    assert kb_variants.drop_articles("al-Movement") is None  # never a lone common word
    assert kb_variants.drop_articles("Ali Allawi") is None  # "Al" inside a word is no article


def test_spelling_and_apostrophe_rules() -> None:
    assert "Kataeb Hizballah" in kb_variants.spellings("Kata'ib Hezbollah")
    assert "MOQTADA" in kb_variants.spellings("MUQTADA")
    assert kb_variants.apostrophe_forms("Kata'ib") == ["Kata'ib", "Kataib", "Kata'ib", "Kata’ib"]
    assert kb_variants.apostrophe_forms("Iran's") == ["Iran's"]
    assert "U.S. Treasury" in kb_variants.variants("US Treasury")
    assert "Erdogan" in kb_variants.variants("Erdoğan")
    assert kb_variants.surname_forms("Osama bin Laden") == ["bin Laden"]


def test_loading_is_cached_and_fast() -> None:
    start = time.process_time()  # CPU time: wall time on a shared CI core varies several-fold
    _assemble(_packaged_entries(), ())
    assert time.process_time() - start < 1.5  # about 0.4 s for the ~4,000 packaged actors
    start = time.perf_counter()
    assert load_kb() is load_kb()
    assert time.perf_counter() - start < 0.01


def _x(fields: str) -> str:
    """A one-actor file for the made-up group X Group with `fields` added."""
    return "- {key: x-group, name: X Group, type: ArmedGroup" + fields + "}"


# --- analysts' files --------------------------------------------------------------------

EXTRA = """
- key: liwa-example
  name: Liwa al-Example
  type: ArmedGroup
  country: Iraq
  aliases: [Example Brigade, LEX]
- key: kataib-hezbollah
  aliases: [Kataib Hezbollah Example Wing]
- key: iraq
  attrs: {iso: IQ}
"""


def test_extra_file_adds_actors_and_aliases(tmp_path: Path) -> None:
    kb = load_kb([_write(tmp_path, EXTRA)])
    example = kb.by_key("liwa-example")
    assert example is not None and example.id == "armedgroup:liwa-example"
    assert _keys(kb, "Liwa Al Example") == ["liwa-example"] and _keys(kb, "LEX") == ["liwa-example"]
    assert _keys(kb, "Kataib Hezbollah Example Wing") == ["kataib-hezbollah"]
    kh = kb.by_key("kataib-hezbollah")
    assert kh is not None and kh.name == "Kataib Hezbollah" and "KH" in kh.aliases
    assert kb.by_key("iraq").attrs["iso"] == "IQ"  # type: ignore[union-attr]
    assert _keys(load_kb(), "Example Brigade") == []  # the packaged knowledge base is untouched


@pytest.mark.parametrize(("text", "message"), [
    ("- {key: x-group, name: X Group, type: Militia}", "unknown type 'Militia'"),
    ("- {key: x-group, name: X Group, type: ArmedGroup}\n- {key: x-group, name: Y, type: ArmedGroup}",
     "duplicate key 'x-group'"),
    ("- {key: x-group, type: ArmedGroup}", "missing name for new key 'x-group'"),
    ("- {key: x-group, name: X Group}", "missing type for new key 'x-group'"),
    ("- {name: X Group, type: ArmedGroup}", "missing or malformed key"),
    ("- {key: X Group, name: X Group, type: ArmedGroup}", "missing or malformed key"),
    (_x(", aliases: [Hezbollah]"), "claimed by both 'hezbollah'"),
    (_x(", aliases: [Kataeb Hizballah]"), "is a spelling of"),
    ("key: x-group", "expected a list of actors"),
    ("- [x-group]", "expected a mapping"),
    ("- {key: x-group, name: [unclosed", "not valid YAML"),
    (_x(", wikidata: 1234"), "must be a non-empty string"),
    (_x(", wikidata: Z12"), "malformed wikidata id 'Z12'"),
    (_x(", wikidata: Q796"), "also given to 'iraq'"),
    (_x(", alias: [X]"), "unknown field 'alias'"),
    (_x(", aliases: X"), "must be a list of non-empty strings"),
    (_x(", country: Atlantis"), "country 'Atlantis'"),
    (_x(", aliases: [Iran's X Group]"), "possessive of the place"),
    (_x(", case_sensitive: [XG]"), "case_sensitive lists 'XG'"),
    (_x(", demonyms: [Iraqi]"), "demonym 'Iraqi' is also given to 'iraq'"),
    ("- {key: kataib-hezbollah, type: PoliticalParty}", "cannot change the type of 'kataib-hezbollah'"),
    ("- {key: x-group, name: '...', type: ArmedGroup}", "has no letters or digits"),
])
def test_bad_files_give_clear_errors(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(KnowledgeBaseError) as caught:
        load_kb([path])
    assert any(message in problem for problem in caught.value.problems), caught.value.problems
    assert isinstance(caught.value, ActorGraphError) and caught.value.status == 400
    if "YAML" not in message and "malformed key" not in message and "list of actors" not in message:
        assert str(path) in str(caught.value)


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="cannot read"):
        load_kb([tmp_path / "missing.yaml"])


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = "- {key: a-group, name: A, type: Gang}\n- {key: b-group, name: B, type: Mob}\n"
    with pytest.raises(KnowledgeBaseError) as caught:
        load_kb([_write(tmp_path, text)])
    assert len(caught.value.problems) == 2


def test_empty_extra_file_changes_nothing(tmp_path: Path) -> None:
    assert len(load_kb([_write(tmp_path, "# nothing yet\n")])) == len(load_kb())
