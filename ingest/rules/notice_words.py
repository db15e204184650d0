"""The word table of government notices (`notices.yaml`), loaded once per process as frozen lookups."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class NoticeWords:
    """Listing verbs, kind words, list stops, entry detail labels and the grounds table."""

    terror: frozenset[str]
    sanction: frozenset[str]
    verbs: tuple[str, ...]
    verbs_with_list: tuple[str, ...]
    nouns: tuple[str, ...]
    headings: frozenset[str]
    counted: dict[str, str]  # noun counting the listed -> person | group
    undoing: frozenset[str]
    stops: frozenset[str]
    lead: frozenset[str]
    details: frozenset[str]
    reasons: tuple[tuple[re.Pattern[str], str, str], ...]  # (phrase before the body, predicate, direction)


def _low(words: list[str]) -> frozenset[str]:
    return frozenset(str(w).lower() for w in words)


@lru_cache(maxsize=1)
def notice_words() -> NoticeWords:
    """The packaged table (read once)."""
    raw = yaml.safe_load(resources.files("ingest.rules").joinpath("notices.yaml").read_text(encoding="utf-8"))
    return NoticeWords(
        terror=_low(raw["terror_words"]),
        sanction=_low(raw["sanction_words"]),
        verbs=tuple(raw["listing_verbs"]),
        verbs_with_list=tuple(raw["listing_verbs_with_list"]),
        nouns=tuple(raw["listing_nouns"]),
        headings=_low(raw["heading_words"]),
        counted={str(k).lower(): str(v) for k, v in raw["counted_nouns"].items()},
        undoing=_low(raw["undoing_words"]),
        stops=_low(raw["window_stops"]),
        lead=frozenset(raw["entry_lead"]),
        details=_low(raw["detail_labels"]),
        reasons=tuple((re.compile(p, re.I), pred, way) for p, pred, way in raw["reasons"]),
    )
