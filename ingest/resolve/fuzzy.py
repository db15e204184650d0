"""The guards of fuzzy name matching, shared by the Resolver (ingest.resolve) and batch clustering.

A conservative same-type match: long names only, numbers equal, a shared rare
word, every differing word a close spelling of one opposite, and an overall
token-sorted similarity over a threshold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from graph.model import EntityType

# Words too common in actor names to show that two names mean the same actor.
_GENERIC = """
    the of and for in al el ad ibn bin bint abu umm abd abdul
    party movement alliance coalition bloc list front union council assembly
    brigade brigades battalion battalions division forces force army militia militias group groups
    organization organisation ministry department office agency committee commission guard guards corps
    national islamic democratic popular republic republican state states people peoples
    iraq iraqi iran iranian syria syrian lebanon lebanese yemen yemeni kurdistan kurdish
    mohammed muhammad mohammad mohamed ahmed ahmad ali hussein husain hassan hasan
    abdullah abdallah mahmoud mahmud ibrahim
"""
GENERIC_TOKENS = frozenset(_GENERIC.split())

NO_FUZZY_TYPES = frozenset({EntityType.EVENT, EntityType.ELECTION})
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class FuzzyPolicy:
    """The guards of fuzzy matching; defaults tuned on tests/ingest/test_ingest_resolve.py."""

    threshold: float = 92.0
    min_chars: int = 10  # normalised length; short names never match fuzzily
    min_tokens: int = 2
    min_rare_len: int = 4
    candidate_limit: int = 100  # a token matching more store entities than this is not rare
    min_token_ratio: float = 75.0  # every differing token must be a spelling variant of one opposite

    def eligible(self, entity_type: EntityType, norm: str) -> bool:
        """Whether a name may be matched fuzzily at all."""
        return (entity_type not in NO_FUZZY_TYPES and len(norm) >= self.min_chars
                and len(norm.split()) >= self.min_tokens)

    def rare_tokens(self, norm: str) -> set[str]:
        """Tokens of a normalised name that carry identity (not generic, not short, not numbers)."""
        return {t for t in norm.split()
                if len(t) >= self.min_rare_len and t not in GENERIC_TOKENS and not t.isdigit()}

    def judge(self, a: str, b: str) -> tuple[float, str | None]:
        """Similarity of two normalised names and the guard that rejects them (None: accepted)."""
        score = float(fuzz.token_sort_ratio(a, b))
        if _DIGITS.findall(a) != _DIGITS.findall(b):
            return score, "numbers differ"
        if not self.rare_tokens(a) & self.rare_tokens(b):
            return score, "no shared rare word"
        if not (_aligned(a, b, self.min_token_ratio) and _aligned(b, a, self.min_token_ratio)):
            return score, "a word differs outright"
        if score < self.threshold:
            return score, f"below {self.threshold:g}"
        return score, None


def _aligned(a: str, b: str, min_ratio: float) -> bool:
    """Each token of `a` missing from `b` is a close spelling of a token of `b` (Amiri/Ameri).

    Stops "Iranian Ministry of Foreign Affairs" from meeting "Iraqi Ministry of
    Foreign Affairs": the names are close overall, but one word differs outright.
    Particles of one or two letters ("al", "el") may come and go.
    """
    b_tokens = set(b.split())
    missing = [t for t in a.split() if t not in b_tokens and len(t) > 2]
    others = [t for t in b_tokens if t not in set(a.split())]
    return all(any(fuzz.ratio(t, o) >= min_ratio for o in others) for t in missing)
