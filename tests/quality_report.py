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


@dataclass
class EntityTally:
    """Counts per entity type: precision and recall, and why each error happened."""

    predicted: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    extra: dict[str, Counter[str]] = field(default_factory=dict)
    miss: dict[str, Counter[str]] = field(default_factory=dict)

    def note(self, side: str, kind: str, etype: str) -> None:
        """Count one error of a kind ("type", "span", "spurious"/"missed") for a type."""
        getattr(self, side).setdefault(kind, Counter())[etype] += 1

    def total(self, side: str, kind: str) -> int:
        """All errors of one kind on one side."""
        return sum(getattr(self, side).get(kind, Counter()).values())


ERROR_KINDS = {"extra": ("type", "span", "spurious"), "miss": ("type", "span", "missed")}


def entity_breakdown(scorer: Any, gold: Iterable[Mapping[str, Any]],
                     predicted: Iterable[Mapping[str, Any]]) -> EntityTally:
    """Per-type tallies of one corpus, matched exactly as the shared scorer matches."""
    preds = {PurePath((rec.get("article") or {}).get("source") or "").name: rec for rec in predicted}
    tally = EntityTally()
    for grec in gold:
        gents = [scorer.GoldEntity(e) for e in grec["entities"]]
        record = preds.get(grec["article"], {})
        pents = [e for e in record.get("entities", []) if e.get("type") in scorer.TYPES]
        _tally_article(scorer, tally, gents, pents)
    return tally


def _tally_article(scorer: Any, tally: EntityTally, gents: list[Any], pents: list[dict[str, Any]]) -> None:
    """Add one article's predicted and gold entities to the tally."""
    typed_found: set[str] = set()
    named_found: set[str] = set()
    for pent in pents:
        hits = scorer.match_gold(pent, gents)
        typed = [g for g in hits if g.type == pent["type"]]
        named_found.update(g.name for g in hits)
        typed_found.update(g.name for g in typed)
        tally.predicted[pent["type"]] += 1
        if typed:
            tally.correct[pent["type"]] += 1
        else:
            kind = "type" if hits else "span" if _overlaps(scorer, _pred_names(pent), gents) else "spurious"
            tally.note("extra", kind, pent["type"])
    pred_names = [n for pent in pents for n in _pred_names(pent)]
    for g in gents:
        if not g.required:
            continue
        tally.gold[g.type] += 1
        if g.name in typed_found:
            tally.found[g.type] += 1
        else:
            near = _overlaps(scorer, pred_names, [g])
            tally.note("miss", "type" if g.name in named_found else "span" if near else "missed", g.type)


def _pred_names(pent: Mapping[str, Any]) -> list[str]:
    """The canonical name and mention texts of a predicted entity."""
    return [pent.get("name") or ""] + [m.get("text", "") for m in pent.get("mentions") or []]


def _overlaps(scorer: Any, names: Iterable[str], gents: Iterable[Any]) -> bool:
    """Does a name contain, or sit inside, a gold name (a span cut too short or too long)?"""
    normed = [f" {scorer.norm(n)} " for n in names if scorer.norm(n)]
    for g in gents:
        if g.contains or g.contains_any:
            continue
        for gname in g.names:
            padded = f" {gname} "
            if any(padded in n or n in padded for n in normed):
                return True
    return False


def render_entities(title: str, tally: EntityTally) -> str:
    """A fixed-width table of one entity tally, with error causes by type."""
    def pct(num: int, den: int) -> str:
        return "   -" if not den else f"{num / den:.2f}"

    def causes(side: str, etype: str | None) -> str:
        counts = [tally.total(side, k) if etype is None else tally.__dict__[side].get(k, Counter())[etype]
                  for k in ERROR_KINDS[side]]
        return " ".join(f"{n:4d}" for n in counts)
    lines = [title, f"  {'':15} {'pred':>5} {'P':>5} {'gold':>5} {'R':>5} | extra: type span spur"
                    f" | miss: type span miss"]
    for t in sorted(set(tally.predicted) | set(tally.gold)):
        lines.append(f"  {t:15} {tally.predicted[t]:5d} {pct(tally.correct[t], tally.predicted[t]):>5} "
                     f"{tally.gold[t]:5d} {pct(tally.found[t], tally.gold[t]):>5} | {'':6} "
                     f"{causes('extra', t)} | {'':5} {causes('miss', t)}")
    n_pred, n_gold = sum(tally.predicted.values()), sum(tally.gold.values())
    lines.append(f"  {'all':15} {n_pred:5d} {pct(sum(tally.correct.values()), n_pred):>5} {n_gold:5d} "
                 f"{pct(sum(tally.found.values()), n_gold):>5} | {'':6} {causes('extra', None)} | {'':5} "
                 f"{causes('miss', None)}")
    return "\n".join(lines)
