"""A person's name told by its first word: a known given name opening a short capitalised name.

The small model labels many people ORG or GPE when no title stands before them;
the knowledge base knows only famous ones. A short name (two to four capitalised
words, no digits) whose first word is a given name of some locale
(`ingest/kb/data/given_names.txt`, generated from Faker's tables) is a person's,
unless a head noun, cue or gazetteer said otherwise first (they are asked first).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from spacy.tokens import Span

_PARTS = frozenset({"-", "'"})


@cache
def given_names() -> frozenset[str]:
    """The packaged given names, lower-cased."""
    text = resources.files("ingest.kb.data").joinpath("given_names.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def opens_with_given_name(span: Span) -> bool:
    """ "Ibrahim Traore", "Khalid Batarfi": two to four capitalised words, the first a given name."""
    words = [t for t in span if t.text not in _PARTS]
    if not 2 <= len(words) <= 4 or any(not t.is_alpha or not t.text[:1].isupper() for t in words):
        return False
    if any(t.is_upper and len(t) > 1 for t in words[1:]):
        return False  # "Ali NGO", "Karim TV": an acronym is no surname
    return words[0].lower_ in given_names()
