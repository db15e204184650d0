"""Precision and recall per predicate and per genre, from the shared scorer's misses and extras.

The scorer reports one figure for all relations; the weakest rule family only
shows when the figure is split by predicate (and the weakest genre by genre).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any


@dataclass
class Tally:
    """Counts behind one row: required gold found and predicted relations correct."""

    gold: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    wrong: Counter[str] = field(default_factory=Counter)

    def rows(self) -> list[tuple[str, int, float | None, int, float | None]]:
        """(key, predicted, precision, required gold, recall) for every key, sorted by key."""
        out = []
        for key in sorted(set(self.gold) | set(self.predicted)):
            n_pred, n_gold = self.predicted[key], self.gold[key]
            precision = (n_pred - self.wrong[key]) / n_pred if n_pred else None
            recall = (n_gold - self.missed[key]) / n_gold if n_gold else None
            out.append((key, n_pred, precision, n_gold, recall))
        return out


def breakdown(gold: Iterable[Mapping[str, Any]], predicted: Iterable[Mapping[str, Any]],
              misses: Iterable[tuple[Any, ...]], extras: Iterable[tuple[Any, ...]],
              genre_of: Mapping[str, str], predicates: frozenset[str]) -> dict[str, Tally]:
    """Tallies by predicate ("predicate") and by genre ("genre") of one scored corpus."""
    by = {"predicate": Tally(), "genre": Tally()}
    gold_records = list(gold)
    for rec in gold_records:
        genre = genre_of.get(rec["article"], "unknown")
        for rel in rec["relations"]:
            if rel.get("required", True):
                _count(by, "gold", rel["predicate"], genre)
    names = {rec["article"] for rec in gold_records}
    for rec in predicted:
        article = PurePath((rec.get("article") or {}).get("source") or "").name
        if article not in names:
            continue
        seen = {(r.get("subject"), r.get("predicate"), r.get("object"), (r.get("attrs") or {}).get("seats"))
                for r in rec.get("relations", []) if r.get("predicate") in predicates}
        for key in seen:
            _count(by, "predicted", str(key[1]), genre_of.get(article, "unknown"))
    for miss in misses:
        if miss[1] == "relation":
            _count(by, "missed", miss[3], genre_of.get(miss[0], "unknown"))
    for extra in extras:
        if extra[1] == "relation":
            _count(by, "wrong", extra[3], genre_of.get(extra[0], "unknown"))
    return by


def _count(by: dict[str, Tally], what: str, predicate: str, genre: str) -> None:
    getattr(by["predicate"], what)[predicate] += 1
    getattr(by["genre"], what)[genre] += 1


def render(title: str, tally: Tally) -> str:
    """A fixed-width table of one tally."""
    def pct(x: float | None) -> str:
        return "   -" if x is None else f"{x:.2f}"
    lines = [title, f"  {'':26} {'pred':>5} {'P':>5} {'gold':>5} {'R':>5}"]
    lines += [f"  {k:26} {n_p:5d} {pct(p):>5} {n_g:5d} {pct(r):>5}" for k, n_p, p, n_g, r in tally.rows()]
    return "\n".join(lines)
