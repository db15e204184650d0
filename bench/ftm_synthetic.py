"""A synthetic FollowTheMoney entity file, shaped like an OpenSanctions export, for the KB benchmarks.

    .venv/bin/python bench/ftm_synthetic.py OUT.jsonl [--entities 100000]

Persons (60%), companies (30%), public bodies (7%), political parties and armed
groups (3%), each with realistic names built from name lists, aliases, some weak
aliases, countries, topics and an occasional Wikidata id; deterministic (seeded).
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST = _words("Ahmed Mohammed Ali Hassan Hussein Omar Khalid Yousef Ibrahim Mahmoud "
         "Abdullah Karim Samir Nabil "
         "Tariq Walid Faisal Rami Ziad Bassam Hamid Jamal Adel Saad Majid Qasim Haidar Mustafa Jalal Firas "
         "John Michael David James Robert William Thomas Richard Peter Daniel Anna Maria Elena Olga Natalia "
         "Sergei Dmitri Alexei Ivan Vladimir Yuri Igor Oleg Viktor Mikhail Wei Jun Lei Ming Hui Chen Li "
         "Reza Ali-Reza Mehdi Hossein Javad Saeed Farhad Dariush Leila Zahra Fatima Maryam Aisha")
MIDDLE = _words("Abdul Jabbar Kadhim Salman Rashid Hamza Nasser Aziz Sabri Jafar Latif Karim Fadhil "
          "Petrovich Ivanovich Sergeyevich Andreevich Lee Ann Marie James Paul")
SURNAME = _words("al-Tamimi al-Jubouri al-Dulaimi al-Obeidi al-Zubaidi al-Shammari al-Hashimi al-Rubaie "
           "al-Khafaji al-Saadi al-Maliki al-Amiri al-Musawi al-Husseini al-Bayati al-Janabi al-Ani "
           "Haddad Khoury Nasr Saleh Mansour Awad Darwish Farouk Khalil Barakat Qureshi Siddiqui Rahimi "
           "Tehrani Rezaei Ahmadi Hosseini Karimi Moradi Jafari Sadeghi Ghorbani Petrov Ivanov Smirnov "
           "Volkov Sokolov Popov Lebedev Kozlov Novikov Morozov Orlov Belov Smith Johnson Williams Brown "
           "Taylor Anderson Thompson Walker Harris Clarke Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu "
           "Okafor Mensah Diallo Traore Kamara Banda Yilmaz Demir Kaya Celik Sahin Aydin Ozturk "
                   "Arslan")
COMPANY_WORDS = _words("Global Trading General Petroleum United Gulf Eastern Western Northern "
                 "Star Crescent Falcon "
                 "Atlas Delta Horizon Pioneer Summit Phoenix Orient Meridian Cedar Euphrates Tigris Zagros "
                 "Caspian Baltic Pacific Nova Vector Apex Sigma Alpha Omega Prime Royal Imperial")
COMPANY_KINDS = _words("Trading Holdings Logistics Shipping Industries Petroleum Investments Construction "
                 "Engineering Technologies Resources Exchange Finance Energy Group Services")
COMPANY_FORMS = ("LLC", "Ltd", "LLP", "JSC", "Co.", "S.A.", "GmbH", "FZE", "DMCC", "Limited")
BODIES = ("Ministry of {} Affairs", "Directorate of {} Security", "National {} Authority",
          "State {} Committee", "{} Intelligence Service", "Central {} Office", "Office of {} Oversight")
BODY_WORDS = _words("Defence Interior Foreign Energy Oil Finance Economic Border Customs Transport Maritime "
              "Telecommunications Nuclear Industrial Agricultural Electoral Judicial Cyber")
GROUP_KINDS = ("Brigades", "Front", "Movement", "Battalions", "Liberation Army", "Resistance Front")
PARTY_KINDS = ("Party", "Alliance", "Coalition", "Bloc", "Democratic Party", "National Union")
COUNTRIES = _words("iq ir sy lb tr ru cn ae sa kp ye af pk by ve cu gb us de fr it kz uz az am ge jo eg ly"
             " sd so ng")


def entities(count: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """`count` FtM entity dicts with distinct ids (and almost always distinct names)."""
    rnd = random.Random(seed)
    makers = ((0.60, _person), (0.90, _company), (0.97, _public_body), (1.0, _group))
    for number in range(count):
        draw = rnd.random()
        maker = next(make for limit, make in makers if draw < limit)
        yield maker(rnd, number)


def _entity(number: int, schema: str, names: list[str], aliases: list[str], rnd: random.Random,
            topics: list[str], extra: dict[str, list[str]] | None = None) -> dict[str, Any]:
    props: dict[str, list[str]] = {"name": names, "topics": topics, "country": [rnd.choice(COUNTRIES)]}
    if aliases:
        props["alias"] = aliases
    if rnd.random() < 0.05:
        props["wikidataId"] = [f"Q{10_000_000 + number}"]
    props.update(extra or {})
    return {"id": f"syn-{number:07d}", "schema": schema, "properties": props,
            "datasets": ["synthetic"], "referents": [], "target": True}


def _person(rnd: random.Random, number: int) -> dict[str, Any]:
    first, middle, last = rnd.choice(FIRST), rnd.choice(MIDDLE), rnd.choice(SURNAME)
    tag = _tag(number)  # a second given name keeps 60,000 persons apart
    name = f"{first} {tag} {middle} {last}"
    aliases = [f"{first} {tag} {last}", f"{first[0]}. {tag} {middle} {last}"][: rnd.randint(0, 2)]
    extra = {"weakAlias": [f"Abu {rnd.choice(FIRST)}"]} if rnd.random() < 0.2 else {}
    extra["nationality"] = [rnd.choice(COUNTRIES)]
    topics = rnd.choice([["sanction"], ["role.pep"], ["sanction", "crime.terror"], ["role.rca"]])
    return _entity(number, "Person", [name], aliases, rnd, topics, extra)


def _company(rnd: random.Random, number: int) -> dict[str, Any]:
    words = f"{rnd.choice(COMPANY_WORDS)} {rnd.choice(COMPANY_WORDS)} {rnd.choice(COMPANY_KINDS)}"
    base = f"{words} {_tag(number)}"
    name = f"{base} {rnd.choice(COMPANY_FORMS)}"
    schema = rnd.choice(["Company", "Company", "Organization", "LegalEntity"])
    topics = rnd.choice([["sanction"], ["sanction", "gov.soe"], ["export.control"], []])
    return _entity(number, schema, [name], [base.upper(), base][: rnd.randint(0, 2)], rnd, topics)


def _public_body(rnd: random.Random, number: int) -> dict[str, Any]:
    name = f"{rnd.choice(BODIES).format(rnd.choice(BODY_WORDS))} {_tag(number)}"
    acronym = "".join(w[0] for w in name.split() if w[0].isupper())
    topics = rnd.choice([["gov.national"], ["gov.security", "sanction"], ["gov.muni"]])
    return _entity(number, "PublicBody", [name], [acronym] if rnd.random() < 0.5 else [], rnd, topics)


def _group(rnd: random.Random, number: int) -> dict[str, Any]:
    party = rnd.random() < 0.5
    kinds = PARTY_KINDS if party else GROUP_KINDS
    name = f"{rnd.choice(COMPANY_WORDS)} {rnd.choice(kinds)} {_tag(number)}"
    topics = ["pol.party"] if party else ["crime.terror", "sanction"]
    return _entity(number, "Organization", [name], [], rnd, topics)


def _tag(number: int) -> str:
    """A pronounceable distinct word per entity (so 100k names stay distinct, as real ones mostly are)."""
    syllables = ("ka", "ri", "mo", "ta", "ne", "lu", "sa", "vo", "di", "ze", "po", "hu", "be", "gi", "fa",
                 "ro", "mi", "te", "na", "ku")
    out = []
    number += 1
    while number:
        number, digit = divmod(number, len(syllables))
        out.append(syllables[digit])
    return "".join(out).capitalize()


def write(path: Path, count: int, seed: int = 7) -> Path:
    """Write `count` entities as JSON lines to `path`."""
    with path.open("w", encoding="utf-8") as out:
        for entity in entities(count, seed):
            out.write(json.dumps(entity, ensure_ascii=False) + "\n")
    return path


_LOAD = """
import json, resource, sys, time
wall, cpu = time.perf_counter(), time.process_time()
model, files = sys.argv[1], sys.argv[2:]
if model:
    from ingest.pipeline import build_pipeline
    build_pipeline(model, files)
else:
    from ingest.kb import load_kb
    load_kb(files)
print(json.dumps({"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
_REFERENCE = "x = 0\nfor i in range(10_000_000):\n    x += i"


def load_once(files: list[str], model: str = "") -> dict[str, float]:
    """Load the knowledge base (or build the pipeline with it) in a fresh process: wall, CPU, peak RSS."""
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    out = subprocess.run([sys.executable, "-c", _LOAD, model, *files], env=env, cwd=root, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.splitlines()[-1])


def measure_loads(files: list[str]) -> None:
    """Print the first (cache empty) and the cached load of these files, in a fresh cache folder
    that this process then keeps using (ACTORGRAPH_CACHE_DIR)."""
    os.environ["ACTORGRAPH_CACHE_DIR"] = cache = tempfile.mkdtemp(prefix="actorgraph-kb-cache-")
    atexit.register(shutil.rmtree, cache, True)
    print(f"reference: a 10^7-step Python loop takes {reference_seconds():.2f} s CPU here "
          "(about 0.4 s on an idle core): read the figures below against it")
    for label, target in (("first load", 30.0), ("cached load", 2.0)):
        report(f"knowledge base {label}", load_once(files), target)


def measure_cached_pipeline(files: list[str], model: str) -> None:
    """A fresh process building the whole pipeline once the knowledge base and patterns are cached."""
    report("pipeline build, all cached", load_once(files, model), None)


def report(label: str, got: dict[str, float], target: float | None) -> None:
    aim = f" (target <= {target:.0f} s)" if target else ""
    print(f"{label}: {got['wall']:.1f} s wall, {got['cpu']:.1f} s CPU{aim}, "
          f"peak RSS {got['rss_mb']:,.0f} MB", flush=True)


def reference_seconds() -> float:
    """CPU seconds of a fixed loop: how fast this (shared) machine runs Python right now."""
    import time

    start = time.process_time()
    exec(_REFERENCE, {})  # noqa: S102 - a constant
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--entities", type=int, default=100_000)
    args = parser.parse_args(argv)
    write(args.out, args.entities)
    print(f"wrote {args.entities:,} entities to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
