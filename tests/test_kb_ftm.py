"""FollowTheMoney files as knowledge: type mapping, names, validation, merging with our data, the cache."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from api.commands import with_kb
from api.settings import Settings
from graph.model import EntityType
from ingest.kb import KnowledgeBaseError, _packaged_entries, load_kb
from ingest.kb import cache as kb_cache
from ingest.kb import ftm as kb_ftm
from ingest.kb.ftm import Built, build_with_ftm, entity_type, is_ftm_file, load_with_ftm
from ingest.kb.ftm_merge import ftm_key

SAMPLE = Path(__file__).parent / "data" / "kb_ftm" / "sample.ftm.json"


@pytest.fixture(scope="module")
def built() -> Built:
    return build_with_ftm([SAMPLE], _packaged_entries())


def _type(built: Built, key: str) -> EntityType | None:
    actor = built.kb.by_key(key)
    return None if actor is None else actor.type


# --- detection and mapping ---------------------------------------------------------------

def test_ftm_files_are_known_by_extension_or_content(tmp_path: Path) -> None:
    assert is_ftm_file("x.ftm.json") and is_ftm_file("x.jsonl") and is_ftm_file("X.JSON")
    renamed = tmp_path / "opensanctions.txt"
    renamed.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    yaml = tmp_path / "mine.yaml"
    yaml.write_text("- {key: x-group, name: X Group, type: ArmedGroup}\n", encoding="utf-8")
    assert is_ftm_file(renamed) and not is_ftm_file(yaml) and not is_ftm_file(tmp_path / "missing.txt")


@pytest.mark.parametrize(("schema", "topics", "expected"), [
    ("Person", [], EntityType.PERSON),
    ("Person", ["role.pep", "gov.national"], EntityType.PERSON),
    ("Person", ["crime.terror"], EntityType.PERSON),
    ("PublicBody", [], EntityType.STATE_BODY),
    ("Organization", [], EntityType.ORGANIZATION),
    ("Company", ["sanction"], EntityType.ORGANIZATION),
    ("LegalEntity", [], EntityType.ORGANIZATION),
    ("Organization", ["crime.terror"], EntityType.ARMED_GROUP),
    ("Company", ["crime.war", "sanction"], EntityType.ARMED_GROUP),
    ("Organization", ["pol.party"], EntityType.POLITICAL_PARTY),
    ("Company", ["gov.soe"], EntityType.STATE_BODY),
    ("Organization", ["gov.security"], EntityType.STATE_BODY),
    ("Organization", ["gov.muni"], EntityType.STATE_BODY),
    ("Organization", ["gov.igo"], EntityType.ORGANIZATION),
    ("Address", [], None),
    ("Vessel", ["sanction"], None),
])
def test_schema_and_topics_give_our_type(schema: str, topics: list[str], expected: EntityType | None) -> None:
    from followthemoney import model

    assert entity_type(model.get(schema), topics) is expected


def test_fixture_entities_get_their_types(built: Built) -> None:
    assert _type(built, "ftm-tst-hadi-zaydani") is EntityType.PERSON
    assert _type(built, "ftm-tst-karam") is EntityType.PERSON
    assert _type(built, "ftm-tst-qarmat") is EntityType.ORGANIZATION
    assert _type(built, "ftm-tst-saraya-dir") is EntityType.ARMED_GROUP
    assert _type(built, "ftm-tst-nahda") is EntityType.POLITICAL_PARTY
    assert _type(built, "ftm-tst-bnot") is EntityType.STATE_BODY
    assert _type(built, "ftm-tst-dbps") is EntityType.STATE_BODY
    assert _type(built, "ftm-tst-gwc") is EntityType.ORGANIZATION
    assert _type(built, "ftm-tst-meridian") is EntityType.ORGANIZATION
    assert built.kb.by_id("armedgroup:ftm-tst-saraya-dir") is not None
    assert _type(built, "ftm-tst-addr-1") is None and _type(built, "ftm-tst-sanction-1") is None
    assert built.reports[0].not_actors == 2


def test_topics_and_sanctions_are_kept_as_attributes(built: Built) -> None:
    hadi, qarmat = built.kb.by_key("ftm-tst-hadi-zaydani"), built.kb.by_key("ftm-tst-qarmat")
    assert hadi is not None and qarmat is not None
    assert hadi.attrs["topics"] == ["role.pep"] and "sanctioned" not in hadi.attrs
    assert qarmat.attrs["sanctioned"] is True and qarmat.attrs["ftm_id"] == "tst-qarmat"


# --- names, identifiers, countries ------------------------------------------------------------

def test_other_names_aliases_and_previous_names_are_aliases(built: Built) -> None:
    hadi = built.kb.by_key("ftm-tst-hadi-zaydani")
    assert hadi is not None and hadi.name == "Hadi Farouk al-Zaydani"
    assert {"Hadi al-Zaydani", "Hadi Farouk Zaydan"} <= set(hadi.aliases)
    assert [a.key for a in built.kb.lookup("hadi farouk zaydan")] == ["ftm-tst-hadi-zaydani"]
    assert hadi.attrs["short"] is False  # no surname-only forms for third-party people
    assert built.kb.lookup("Zaydani") == []


def test_weak_aliases_only_when_specific_and_case_sensitive(built: Built) -> None:
    assert [a.key for a in built.kb.lookup("Abu Zayd")] == ["ftm-tst-hadi-zaydani"]
    assert built.kb.lookup("abu zayd") == []  # a nickname matches only as written
    assert built.kb.lookup("Hadi") == []  # one word: skipped
    assert built.reports[0].weak_skipped == 1


def test_wikidata_ids_are_validated(built: Built) -> None:
    hadi, meridian = built.kb.by_key("ftm-tst-hadi-zaydani"), built.kb.by_key("ftm-tst-meridian")
    assert hadi is not None and hadi.wikidata == "Q987654321"
    assert meridian is not None and meridian.wikidata is None
    problems = built.reports[0].bad_lines
    assert any(line.startswith(f"{SAMPLE}:8: malformed wikidataId 'Q12x'") for line in problems)


def test_country_codes_become_our_country_actors(built: Built) -> None:
    def country(key: str) -> str | None:
        actor = built.kb.by_key(key)
        assert actor is not None
        return actor.attrs.get("country")

    assert country("ftm-tst-hadi-zaydani") == "Iraq"  # nationality
    assert country("ftm-tst-qarmat") == "United Arab Emirates"  # jurisdiction
    assert country("ftm-tst-karam") == "Jordan"
    assert country("ftm-tst-gwc") is None  # "zz" is no country


def test_keys_are_stable_slugs_of_the_ftm_id() -> None:
    assert ftm_key("NK-2c3b.4A") == "ftm-nk-2c3b-4a"
    assert ftm_key("Q7747") == "ftm-q7747"
    again = build_with_ftm([SAMPLE], _packaged_entries())
    first = build_with_ftm([SAMPLE], _packaged_entries())
    assert [a.id for a in again.kb.actors] == [a.id for a in first.kb.actors]


# --- bad lines and conflicts ------------------------------------------------------------

def test_bad_lines_are_reported_with_file_and_line_and_skipped(built: Built) -> None:
    bad = built.reports[0].bad_lines
    for number, reason in ((12, ""), (13, "No schema"), (14, "missing entity id"), (15, "has no name"),
                           (20, "duplicate entity id 'tst-qarmat'")):
        assert any(line.startswith(f"{SAMPLE}:{number}: line skipped: ") and reason in line
                   for line in bad), number
    qarmat = built.kb.by_key("ftm-tst-qarmat")
    assert qarmat is not None and qarmat.name == "Qarmat Trading Company LLC"  # the first of the id wins


def test_names_our_actors_own_are_dropped_and_counted(built: Built) -> None:
    treasury = built.kb.lookup("Treasury")
    assert [a.type for a in treasury] == [EntityType.STATE_BODY]  # still the US Treasury's alias
    qarmat = built.kb.by_key("ftm-tst-qarmat")
    assert qarmat is not None and qarmat.aliases == ("Qarmat Trading",)
    assert built.kb.by_key("ftm-tst-kh-company") is None  # its name is an armed group's: dropped
    assert [a.key for a in built.kb.lookup("Kataib Hezbollah")] == ["kataib-hezbollah"]
    report = built.reports[0]
    assert (report.dropped_names, report.dropped_entities) == (3, 1)  # Treasury twice, KH's name once


def test_a_taken_ftm_name_gives_way_to_its_first_free_alias(built: Built) -> None:
    falak = built.kb.by_key("ftm-tst-falak")
    assert falak is not None and (falak.name, falak.aliases) == ("Falak Treasury Holdings", ())
    assert falak.type is EntityType.ORGANIZATION and falak.attrs["country"] == "Oman"


def test_same_wikidata_id_or_exact_name_and_type_extends_our_actor(built: Built) -> None:
    isis, aah = built.kb.by_key("islamic-state"), built.kb.by_key("asaib-ahl-al-haq")
    assert isis is not None and "Dawlat al-Khilafa Network" in isis.aliases
    assert isis.attrs["ftm_ids"] == ("tst-isis",)
    assert aah is not None and "Khazali Righteous League" in aah.aliases
    assert built.kb.by_key("ftm-tst-isis") is None and built.kb.by_key("ftm-tst-aah") is None
    hadi = built.kb.by_key("ftm-tst-hadi-zaydani")  # a second FtM entity of the same name and type
    assert hadi is not None and "H. F. al-Zaydani" in hadi.aliases and hadi.name not in hadi.aliases
    assert built.reports[0].extended == 3


def test_an_analyst_yaml_actor_wins_over_ftm(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("- {key: saraya-dir, name: Saraya Dir al-Janub, type: ArmedGroup}\n"
                    "- {key: southern-shield, name: Southern Shield Companies, type: Organization}\n",
                    encoding="utf-8")
    built = build_with_ftm([SAMPLE, mine], _packaged_entries())
    saraya = built.kb.by_key("saraya-dir")
    assert saraya is not None and saraya.attrs["ftm_ids"] == ("tst-saraya-dir",)
    assert "Southern Shield Companies" not in saraya.aliases  # owned by the analyst's other actor
    assert built.kb.by_key("ftm-tst-saraya-dir") is None


def test_a_bad_yaml_file_is_still_an_error_and_a_missing_file_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {key: Bad Key, name: X, type: ArmedGroup}\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="malformed key"):
        build_with_ftm([SAMPLE, bad], _packaged_entries())
    with pytest.raises(KnowledgeBaseError, match="missing.jsonl"):
        load_with_ftm([tmp_path / "missing.jsonl"], _packaged_entries(), tmp_path / "cache")


# --- the cache ---------------------------------------------------------------------------

@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every FtM file actually parsed (the real reader, counted)."""
    seen: list[Path] = []
    real = kb_ftm.read_entities

    def counting(path: Path, report: kb_ftm.FtmReport):  # type: ignore[no-untyped-def]
        seen.append(path)
        return real(path, report)

    monkeypatch.setattr(kb_ftm, "read_entities", counting)
    return seen


def _copy(tmp_path: Path) -> Path:
    path = tmp_path / "sample.ftm.json"
    path.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def test_a_second_load_comes_from_the_cache(tmp_path: Path, parses: list[Path]) -> None:
    sample, cache = _copy(tmp_path), tmp_path / "cache"
    first = load_with_ftm([sample], _packaged_entries(), cache)
    (entry,) = (cache / "kb").glob("*.pickle")
    written = entry.stat().st_mtime_ns
    second = load_with_ftm([sample], _packaged_entries(), cache)
    assert len(parses) == 1 and entry.stat().st_mtime_ns == written
    assert [a.id for a in second.kb.actors] == [a.id for a in first.kb.actors]
    assert second.reports[0].summary() == first.reports[0].summary()


def test_a_changed_file_is_parsed_again(tmp_path: Path, parses: list[Path]) -> None:
    sample, cache = _copy(tmp_path), tmp_path / "cache"
    load_with_ftm([sample], _packaged_entries(), cache)
    entity = {"id": "tst-new", "schema": "Person", "properties": {"name": ["Nadim Qasir Touma"]}}
    with sample.open("a", encoding="utf-8") as out:
        out.write(json.dumps(entity) + "\n")
    again = load_with_ftm([sample], _packaged_entries(), cache)
    assert len(parses) == 2 and again.kb.by_key("ftm-tst-new") is not None


def test_a_corrupt_cache_is_ignored_and_rebuilt(tmp_path: Path, parses: list[Path],
                                                caplog: pytest.LogCaptureFixture) -> None:
    sample, cache = _copy(tmp_path), tmp_path / "cache"
    load_with_ftm([sample], _packaged_entries(), cache)
    (entry,) = (cache / "kb").glob("*.pickle")
    entry.write_bytes(b"\x80\x05not a pickle at all")
    rebuilt = load_with_ftm([sample], _packaged_entries(), cache)
    assert len(parses) == 2 and rebuilt.kb.by_key("ftm-tst-nahda") is not None
    assert "corrupt knowledge-base cache" in caplog.text
    assert kb_cache.read(cache, entry.stem, Built) is not None  # rewritten whole


def test_load_kb_takes_ftm_files_and_the_cache_dir_from_the_environment(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    kb = load_kb([str(SAMPLE)])
    assert kb.by_key("ftm-tst-nahda") is not None and kb.by_key("kataib-hezbollah") is not None
    assert list((tmp_path / "cache" / "kb").glob("*.pickle"))


def test_the_cache_dir_setting_is_the_one_the_loader_reads() -> None:
    env = {"ACTORGRAPH_CACHE_DIR": "/srv/cache"}
    assert Settings.from_env(env).cache_dir == "/srv/cache"
    assert kb_cache.cache_dir(env) == Path("/srv/cache")
    default = Path(os.path.expanduser(Settings().cache_dir))
    assert kb_cache.cache_dir({}) == default


def test_kb_flags_add_to_the_environment_files() -> None:
    from api.cli import build_parser

    args = build_parser().parse_args(["extract", "a.txt", "--kb", "x.ftm.json", "--kb", "y.yaml"])
    settings = with_kb(Settings.from_env({"ACTORGRAPH_KB_FILES": "mine.yaml"}), args)
    assert settings.kb_files == ("mine.yaml", "x.ftm.json", "y.yaml")
    for command in (["ingest", "a.txt"], ["serve"]):
        assert build_parser().parse_args([*command, "--kb", "x.jsonl"]).kb == ["x.jsonl"]


# --- through the CLI ---------------------------------------------------------------------

@pytest.mark.model
def test_extract_with_kb_finds_an_actor_only_the_ftm_file_knows(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from api.cli import main

    monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    article = tmp_path / "article.txt"
    article.write_text("title: Basra port\n\nSaraya Dir al-Janub claimed the rocket attack on the port "
                       "of Umm Qasr on Tuesday, officials said.\n", encoding="utf-8")
    assert main(["extract", str(article), "--kb", str(SAMPLE)]) == 0
    ids = {e["id"] for e in json.loads(capsys.readouterr().out)["entities"]}
    assert "armedgroup:ftm-tst-saraya-dir" in ids
    assert main(["extract", str(article)]) == 0
    without = {e["id"] for e in json.loads(capsys.readouterr().out)["entities"]}
    assert "armedgroup:ftm-tst-saraya-dir" not in without


# --- the entity ruler's patterns ---------------------------------------------------------------

def _matches(patterns: list, text: str) -> set[tuple[str, str]]:
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    exact, folded = PhraseMatcher(nlp.vocab, attr="ORTH"), PhraseMatcher(nlp.vocab, attr="LOWER")
    for actor_id, is_exact, pattern in patterns:
        (exact if is_exact else folded).add(actor_id, [pattern])
    doc = nlp.make_doc(text)
    return {(nlp.vocab.strings[m], doc[s:e].text) for matcher in (exact, folded) for m, s, e in matcher(doc)}


def test_ruler_patterns_match_names_in_their_case_rule(built: Built) -> None:
    import spacy

    from ingest.kb.ruler import ruler_patterns

    patterns = ruler_patterns(spacy.blank("en"), built.kb, set())
    found = _matches(patterns, "SARAYA DIR AL-JANUB and Abu Zayd met; abu zayd did not.")
    assert ("armedgroup:ftm-tst-saraya-dir", "SARAYA DIR AL-JANUB") in found
    assert ("person:ftm-tst-hadi-zaydani", "Abu Zayd") in found
    assert ("person:ftm-tst-hadi-zaydani", "abu zayd") not in found


def test_ruler_patterns_of_a_large_kb_come_from_the_cache(built: Built, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    from ingest.kb import ruler as kb_ruler

    calls: list[int] = []
    real = kb_ruler.compute

    def counting(nlp, forms):  # type: ignore[no-untyped-def]
        calls.append(len(forms))
        return real(nlp, forms)

    monkeypatch.setattr(kb_ruler, "compute", counting)
    nlp = spacy.blank("en")
    first = kb_ruler.ruler_patterns(nlp, built.kb, {"iraqi"}, cache_dir=tmp_path, cached_from=1)
    again = kb_ruler.ruler_patterns(spacy.blank("en"), built.kb, {"iraqi"}, cache_dir=tmp_path, cached_from=1)
    assert len(calls) == 1 and again == first and list((tmp_path / "ruler").glob("*.pickle"))
    assert len(first) == len([f for f in built.kb.forms() if f.text.lower() != "iraqi"])


def test_hash_matcher_finds_what_spacys_phrase_matcher_finds(built: Built) -> None:
    import spacy
    from spacy.matcher import PhraseMatcher

    from ingest.kb.ruler import HashMatcher, ruler_patterns

    nlp = spacy.blank("en")
    ours = {attr: HashMatcher(nlp.vocab, attr) for attr in ("ORTH", "LOWER")}
    spacys = {attr: PhraseMatcher(nlp.vocab, attr=attr) for attr in ("ORTH", "LOWER")}
    for actor_id, exact, pattern in ruler_patterns(nlp, built.kb, set()):
        for matchers in (ours, spacys):
            matchers["ORTH" if exact else "LOWER"].add(actor_id, [pattern])
    text = ("The US Treasury sanctioned Qarmat Trading and Kataib Hezbollah (KH) on Monday; SARAYA DIR "
            "AL-JANUB, Abu Zayd and the Islamic State of Iraq were named, as was Hadi al-Zaydani of Iraq.")
    doc = nlp.make_doc(text)
    for attr in ("ORTH", "LOWER"):
        assert ours[attr](doc) == list(spacys[attr](doc)) != []
    assert ours["ORTH"](nlp.make_doc("")) == []
