"""Generated articles: short template sentences over invented actors with near-duplicate spellings.

Spellings differ by a letter or a plural (merged by the fuzzy guards) or by a whole
word (kept apart), so resolution has real work to do; everything is seeded.
"""

from __future__ import annotations

import random

from graph.model import Article

_WORDS = ("Nasr", "Fajr", "Haqq", "Karama", "Wafa", "Ghadab", "Jihad", "Tahrir", "Sabireen", "Mukhtar",
          "Imam", "Thar", "Rijal", "Difa", "Kafil", "Zahra", "Hamza", "Mahdi", "Furqan", "Qassam")
_FIRST = ("Karim", "Samir", "Faris", "Jalal", "Nabil", "Rashid", "Salim", "Tariq", "Walid", "Zaid",
          "Bassam", "Hamid", "Majid", "Qasim", "Yasin", "Adnan", "Basim", "Fadil", "Ghazi", "Hazim")
_LAST = ("Jaberi", "Khafaji", "Maliki", "Zubaidi", "Saadi", "Rubaie", "Tamimi", "Shammari", "Obeidi",
         "Dulaimi", "Jubouri", "Hashemi", "Ansari", "Kaabi", "Musawi", "Lami", "Asadi", "Daraji",
         "Fatlawi", "Hilali")
_COUNTRIES = ("Iran", "the United States", "Syria", "Turkey", "Saudi Arabia")
_CITIES = ("Baghdad", "Basra", "Mosul", "Kirkuk", "Najaf")


def _variants(name: str) -> list[str]:
    """A name and two near-duplicate spellings (one vowel changed, 'al-' dropped)."""
    swapped = name.replace("i ", "y ", 1) if "i " in name else name.replace("e", "a", 1)
    return [name, swapped, name.replace("al-", "", 1)]


def _actors(n: int, rng: random.Random) -> list[tuple[list[str], list[str]]]:
    """(group spellings, leader spellings) for n invented armed groups."""
    out = []
    for i in range(n):
        word = _WORDS[i % len(_WORDS)]
        group = f"Saraya al-{word} {'Brigades' if i < len(_WORDS) else 'Battalions'}"
        leader = f"{_FIRST[i % len(_FIRST)]} al-{_LAST[(i * 7) % len(_LAST)]}"
        groups = [group, group[:-1]] if i % 3 else [group]
        out.append((groups, _variants(leader) if i % 2 else [leader]))
    return out


def generated_articles(n: int = 2000, seed: int = 14) -> list[Article]:
    """`n` short dated articles, each naming one or two invented groups and their leaders."""
    rng = random.Random(seed)
    actors = _actors(30, rng)
    articles = []
    for i in range(n):
        (groups, leaders), (other_groups, other_leaders) = rng.sample(actors, 2)
        group, leader = rng.choice(groups), rng.choice(leaders)
        sentences = [
            f"{leader}, the leader of the {group}, met {rng.choice(other_leaders)} in {rng.choice(_CITIES)}.",
            f"{rng.choice(_COUNTRIES)} backs the {group}.",
            f"{rng.choice(other_leaders)} leads the {rng.choice(other_groups)}.",
        ]
        body = " ".join(rng.sample(sentences, rng.randint(2, 3)))
        day = f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}"
        articles.append(Article(f"gen-{i:05d}", f"gen/{i:05d}.txt", body=body, title=f"Report {i}",
                                published=day))
    return articles
