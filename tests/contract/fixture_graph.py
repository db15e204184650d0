"""The shared contract fixture: four articles on Iraqi politics, one batch each.

Facts are simplified from public reporting (2020-2022). Entities recur across
batches with different aliases and attrs so that merging is exercised; Iran is
the hub; Kadhimi has two HOLDS_OFFICE edges to Iraq (a multi-edge by title);
Mosul and al-Jabouri form a component of their own.
"""

from __future__ import annotations

from graph.model import (
    Article,
    Batch,
    Counts,
    Entity,
    EntityType,
    Evidence,
    Predicate,
    Provenance,
    Relation,
    entity_id,
)

T = EntityType
P = Predicate

# ---------------------------------------------------------------- articles

DRONE = Article("reuters-2021-11-07-drone", "reuters", title="Drone attack targets Iraqi PM's home",
                published="2021-11-07", url="https://example.org/drone")
RESULTS = Article("ina-2021-10-16-results", "ina", title="Final results of the parliamentary election",
                  published="2021-10-16")
SANCTIONS = Article("ap-2020-01-05-sanctions", "ap", title="Washington weighs sanctions on militias",
                    published="2020-01-05", url="https://example.org/sanctions")
RESIGN = Article("rudaw-2022-06-resign", "rudaw", title="Sadrist lawmakers resign", published="2022-06",
                 provenance=Provenance.TEXT)

# ---------------------------------------------------------------- entity ids

KADHIMI = entity_id(T.PERSON, "Mustafa al-Kadhimi")
KHAZALI = entity_id(T.PERSON, "Qais al-Khazali")
SADR = entity_id(T.PERSON, "Muqtada al-Sadr")
AMIRI = entity_id(T.PERSON, "Hadi al-Amiri")
JABOURI = entity_id(T.PERSON, "Najm al-Jabouri")
KH = entity_id(T.ARMED_GROUP, "Kata'ib Hezbollah")
AAH = entity_id(T.ARMED_GROUP, "Asaib Ahl al-Haq")
PMF = entity_id(T.ARMED_GROUP, "Popular Mobilization Forces")
SADRISTS = entity_id(T.POLITICAL_PARTY, "Sadrist Movement")
FATAH = entity_id(T.POLITICAL_PARTY, "Fatah Alliance")
STATE_DEPT = entity_id(T.STATE_BODY, "US State Department")
IRGC = entity_id(T.STATE_BODY, "Islamic Revolutionary Guard Corps")
IRAQ = entity_id(T.COUNTRY, "Iraq")
IRAN = entity_id(T.COUNTRY, "Iran")
USA = entity_id(T.COUNTRY, "United States")
BAGHDAD = entity_id(T.LOCATION, "Baghdad")
GREEN_ZONE = entity_id(T.LOCATION, "Green Zone")
MOSUL = entity_id(T.LOCATION, "Mosul")
UN = entity_id(T.ORGANIZATION, "United Nations")
ELECTION = entity_id(T.ELECTION, "2021 Iraqi parliamentary election")
ATTACK = entity_id(T.EVENT, "November 2021 drone attack on Mustafa al-Kadhimi's residence")


def ent(eid: str, name: str, etype: EntityType, *aliases: str, **attrs: object) -> Entity:
    """An entity; `wikidata=` goes to external ids, other keywords to attrs."""
    ext = {"wikidata": str(attrs.pop("wikidata"))} if "wikidata" in attrs else {}
    return Entity(eid, name, etype, aliases=tuple(aliases), external_ids=ext, attrs=dict(attrs))


def ev(article: Article, sentence: str, start: int, confidence: float = 0.8,
       date: str | None = "") -> Evidence:
    """Evidence from `article`, dated like the article unless `date` is given (None = undated)."""
    when = article.published if date == "" else date
    return Evidence(article.id, sentence, start, start + len(sentence), date=when, confidence=confidence)


def rel(s: str, p: Predicate, o: str, *evidence: Evidence, **attrs: object) -> Relation:
    """A relation with its evidence."""
    return Relation(s, p, o, attrs=dict(attrs), evidence=tuple(evidence))


def batch(article: Article, entities: list[Entity], relations: list[Relation]) -> Batch:
    """One article's batch; it mentions every entity it carries."""
    mentions = tuple((article.id, e.id) for e in entities)
    return Batch((article,), tuple(entities), tuple(relations), mentions)


# ---------------------------------------------------------------- sentences

S_ATTACK = ("An armed drone targeted the Baghdad residence of Prime Minister Mustafa al-Kadhimi "
            "inside the Green Zone.")
S_KH_IRAN = "Iran-backed Kata'ib Hezbollah was suspected of the attack."
S_AAH_IRAN = "Asaib Ahl al-Haq, also backed by Tehran, denied any role."
S_CINC = "Kadhimi, who is also commander-in-chief of the armed forces, was unhurt."
S_US = "The United States condemned what it called an act of terrorism."
S_BLAME = "Kadhimi's aides blamed Kata'ib Hezbollah for the drone attack."
S_GZ = "The Green Zone in central Baghdad houses government buildings and embassies."

DRONE_BATCH = batch(
    DRONE,
    [
        ent(KADHIMI, "Mustafa al-Kadhimi", T.PERSON, "Kadhimi", "al-Kadhimi", wikidata="Q56276367"),
        ent(KH, "Kata'ib Hezbollah", T.ARMED_GROUP, "Kataib Hezbollah", founded=2003),
        ent(AAH, "Asaib Ahl al-Haq", T.ARMED_GROUP, "Asa'ib Ahl al-Haq"),
        ent(IRAN, "Iran", T.COUNTRY, "Tehran"),
        ent(IRAQ, "Iraq", T.COUNTRY),
        ent(USA, "United States", T.COUNTRY, "Washington", "US"),
        ent(BAGHDAD, "Baghdad", T.LOCATION),
        ent(GREEN_ZONE, "Green Zone", T.LOCATION, "International Zone"),
        ent(ATTACK, "November 2021 drone attack on Mustafa al-Kadhimi's residence", T.EVENT,
            "drone attack on Kadhimi"),
    ],
    [
        rel(KH, P.BACKED_BY, IRAN, ev(DRONE, S_KH_IRAN, 310, 0.9)),
        rel(AAH, P.BACKED_BY, IRAN, ev(DRONE, S_AAH_IRAN, 420, 0.8)),
        rel(KADHIMI, P.HOLDS_OFFICE, IRAQ, ev(DRONE, S_ATTACK, 0, 0.95),
            title="Prime Minister", status="current"),
        rel(KADHIMI, P.HOLDS_OFFICE, IRAQ, ev(DRONE, S_CINC, 520, 0.7),
            title="Commander-in-Chief", status="current"),
        rel(ATTACK, P.TARGETED, KADHIMI, ev(DRONE, S_ATTACK, 0, 0.95)),
        rel(ATTACK, P.LOCATED_IN, GREEN_ZONE, ev(DRONE, S_ATTACK, 0, 0.85)),
        rel(GREEN_ZONE, P.LOCATED_IN, BAGHDAD, ev(DRONE, S_GZ, 700, 0.9)),
        rel(USA, P.CONDEMNED, ATTACK, ev(DRONE, S_US, 610, 0.9)),
        rel(KH, P.PERPETRATED, ATTACK, ev(DRONE, S_KH_IRAN, 310, 0.5), alleged=True),
        rel(KADHIMI, P.BLAMED, KH, ev(DRONE, S_BLAME, 800, 0.6), **{"for": ATTACK}),
    ],
)

S_SEATS = "The Sadrist Movement won 73 seats, while the Fatah Alliance secured only 17."
S_SADR = "Muqtada al-Sadr, who leads the Sadrist Movement, declared victory."
S_FATAH = "Hadi al-Amiri, head of the Fatah Alliance, rejected the results."
S_FATAH_IRAN = "Fatah, the political arm of Iran-aligned factions, lost ground."
S_AAH_PMF = "Asaib Ahl al-Haq, part of the Popular Mobilization Forces, ran under Fatah."
S_KHAZALI = "Qais al-Khazali, leader of Asaib Ahl al-Haq, called the count a fraud."

RESULTS_BATCH = batch(
    RESULTS,
    [
        ent(SADRISTS, "Sadrist Movement", T.POLITICAL_PARTY, "Sadrists"),
        ent(FATAH, "Fatah Alliance", T.POLITICAL_PARTY, "Fatah", "Al-Fatah"),
        ent(SADR, "Muqtada al-Sadr", T.PERSON, "Moqtada al-Sadr"),
        ent(AMIRI, "Hadi al-Amiri", T.PERSON),
        ent(KHAZALI, "Qais al-Khazali", T.PERSON, "Khazali"),
        ent(AAH, "Asaib Ahl al-Haq", T.ARMED_GROUP, "AAH", "League of the Righteous", wikidata="Q2355339"),
        ent(PMF, "Popular Mobilization Forces", T.ARMED_GROUP, "PMF", "Hashd al-Shaabi"),
        ent(IRAN, "Iran", T.COUNTRY, "Islamic Republic of Iran"),
        ent(ELECTION, "2021 Iraqi parliamentary election", T.ELECTION),
    ],
    [
        rel(SADRISTS, P.WON_SEATS, ELECTION, ev(RESULTS, S_SEATS, 100, 0.95), seats=73),
        rel(FATAH, P.WON_SEATS, ELECTION, ev(RESULTS, S_SEATS, 100, 0.9), seats=17),
        rel(SADR, P.LEADS, SADRISTS, ev(RESULTS, S_SADR, 200, 0.9)),
        rel(AMIRI, P.LEADS, FATAH, ev(RESULTS, S_FATAH, 300, 0.85)),
        rel(FATAH, P.BACKED_BY, IRAN, ev(RESULTS, S_FATAH_IRAN, 400, 0.4)),
        rel(AAH, P.PART_OF, PMF, ev(RESULTS, S_AAH_PMF, 500, 0.8)),
        rel(KHAZALI, P.LEADS, AAH, ev(RESULTS, S_KHAZALI, 600, 0.95)),
    ],
)

S_SANCTION = "Washington sanctioned Kata'ib Hezbollah, which it designated a terrorist group in 2009."
S_KH_PMF = "Kata'ib Hezbollah, a powerful faction within the PMF, is close to Tehran."
S_PMF_IRAN = "Much of the Popular Mobilization Forces is funded and armed by Iran."
S_IRGC = "The Quds Force of Iran's Revolutionary Guard coordinates the groups."
S_UN = "The United Nations urged restraint."

SANCTIONS_BATCH = batch(
    SANCTIONS,
    [
        ent(KH, "Kata'ib Hezbollah", T.ARMED_GROUP, "KH", "Hezbollah Brigades",
            wikidata="Q1739104", founded=2007, leader="Abu Fadak al-Mohammedawi"),
        ent(IRAN, "Iran", T.COUNTRY),
        ent(PMF, "Popular Mobilization Forces", T.ARMED_GROUP),
        ent(USA, "United States", T.COUNTRY, "U.S."),
        ent(STATE_DEPT, "US State Department", T.STATE_BODY, "State Department"),
        ent(IRGC, "Islamic Revolutionary Guard Corps", T.STATE_BODY, "IRGC", "Revolutionary Guard"),
        ent(UN, "United Nations", T.ORGANIZATION, "UN"),
    ],
    [
        rel(KH, P.BACKED_BY, IRAN, ev(SANCTIONS, S_KH_PMF, 90, 0.7)),
        rel(KH, P.PART_OF, PMF, ev(SANCTIONS, S_KH_PMF, 90, 0.75)),
        rel(PMF, P.BACKED_BY, IRAN, ev(SANCTIONS, S_PMF_IRAN, 200, 0.6)),
        rel(IRGC, P.PART_OF, IRAN, ev(SANCTIONS, S_IRGC, 300, 0.9)),
        rel(KH, P.SANCTIONED_BY, USA, ev(SANCTIONS, S_SANCTION, 0, 0.9), date="2020-01-05"),
        rel(KH, P.DESIGNATED_TERRORIST_BY, STATE_DEPT, ev(SANCTIONS, S_SANCTION, 0, 0.85, date="2009-07-02"),
            date="2009-07-02"),
    ],
)

S_RESIGN = "Sadr ordered his 73 lawmakers to resign after months of deadlock with the Fatah camp."
S_MET = "Kadhimi met Sadr in Najaf before the resignations."
S_MOSUL = "Najm al-Jabouri, the governor, spoke from his office in Mosul."

RESIGN_BATCH = batch(
    RESIGN,
    [
        ent(SADR, "Muqtada al-Sadr", T.PERSON, "Sadr", "Moqtada al-Sadr"),
        ent(SADRISTS, "Sadrist Movement", T.POLITICAL_PARTY),
        ent(FATAH, "Fatah Alliance", T.POLITICAL_PARTY),
        ent(KADHIMI, "Mustafa al-Kadhimi", T.PERSON, "Mustafa Al-Kadhimi"),
        ent(JABOURI, "Najm al-Jabouri", T.PERSON),
        ent(MOSUL, "Mosul", T.LOCATION),
    ],
    [
        rel(SADR, P.LEADS, SADRISTS, ev(RESIGN, S_RESIGN, 10, 0.8)),
        rel(SADRISTS, P.OPPOSES, FATAH, ev(RESIGN, S_RESIGN, 10, 0.7)),
        rel(KADHIMI, P.MET_WITH, SADR, ev(RESIGN, S_MET, 120, 0.75, date=None)),
        rel(JABOURI, P.LOCATED_IN, MOSUL, ev(RESIGN, S_MOSUL, 200, 0.6, date=None)),
    ],
)

BATCHES = (DRONE_BATCH, RESULTS_BATCH, SANCTIONS_BATCH, RESIGN_BATCH)


def rid(s: str, p: Predicate, o: str, **key: object) -> str:
    """The id of a fixture relation (key attrs only matter for HOLDS_OFFICE and BLAMED)."""
    return Relation(s, p, o, attrs=dict(key)).id

ENTITY_IDS = (KADHIMI, KHAZALI, SADR, AMIRI, JABOURI, KH, AAH, PMF, SADRISTS, FATAH, STATE_DEPT, IRGC,
              IRAQ, IRAN, USA, BAGHDAD, GREEN_ZONE, MOSUL, UN, ELECTION, ATTACK)
ARTICLE_IDS = (DRONE.id, RESULTS.id, SANCTIONS.id, RESIGN.id)

# What the four batches hold (zero counts omitted).
FULL_COUNTS = Counts(
    articles=4,
    entities={"ArmedGroup": 3, "Country": 3, "Election": 1, "Event": 1, "Location": 3,
              "Organization": 1, "Person": 5, "PoliticalParty": 2, "StateBody": 2},
    relations={"BACKED_BY": 4, "BLAMED": 1, "CONDEMNED": 1, "DESIGNATED_TERRORIST_BY": 1,
               "HOLDS_OFFICE": 2, "LEADS": 3, "LOCATED_IN": 3, "MET_WITH": 1, "OPPOSES": 1,
               "PART_OF": 3, "PERPETRATED": 1, "SANCTIONED_BY": 1, "TARGETED": 1, "WON_SEATS": 2},
    evidence=27,
)
