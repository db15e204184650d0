"""Normalised keys for knowledge-base lookups: one key per way of writing a name.

Stricter than `graph.model.normalize_name` in two ways that suit transliterated
names: apostrophes vanish instead of splitting a word (`Kata'ib` = `Kataib`) and
dotted acronyms close up (`U.S.` = `US`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.kb.variants import APOSTROPHES, fold_accents

_POSSESSIVE = re.compile(rf"[{APOSTROPHES}]s$")
_DOTTED = re.compile(r"\b([A-Za-z])\.")
_HONORIFIC = re.compile(r"^(?:the|mr|mrs|ms|dr)\.?\s+", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w]+")


_DROP_APOSTROPHES = str.maketrans("", "", APOSTROPHES)


def _base(text: str) -> str:
    text = fold_accents(text).strip()
    if len(text) > 2 and text[-2] in APOSTROPHES and text[-1] == "s":
        text = _POSSESSIVE.sub("", text)
    text = text.translate(_DROP_APOSTROPHES)
    if "." in text:
        text = _DOTTED.sub(r"\1", text)
    return _HONORIFIC.sub("", text)


@lru_cache(maxsize=1 << 20)  # FtM knowledge bases reach ~500k forms; a smaller cache thrashes
def lookup_key(text: str) -> str:
    """Case-, accent-, apostrophe- and punctuation-insensitive key of a name."""
    return " ".join(_NON_WORD.sub(" ", _base(text).casefold()).split())


def case_key(text: str) -> str:
    """Like `lookup_key` but keeping letter case, to check case-sensitive forms (`US` vs `us`)."""
    return _NON_WORD.sub("", _base(text))
