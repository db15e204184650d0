"""Extraction quality: `actorgraph extract` scored against gold annotations by the shared scorer.

Two corpora, both in the gold format of `../shared/eval/FORMAT.md`:
  * `dev`: the shared development articles (`<repo>/../shared/eval/dev`), held to the bar of issue #3;
  * `own`: `tests/data/articles` with `tests/data/gold.jsonl`, written for these tests from public facts
    in varied genres (wire bulletins, notices, encyclopedia entries), including actors that are not in
    the knowledge base, with at least two required instances of every predicate;
  * `heldout`: `tests/data/heldout` (articles + gold.jsonl), ten articles written and annotated apart from the
    extractor's authors, who never saw them while tuning (only generic miss reports); its figures are the
    honest estimate for unseen text. Do not tune rules on these texts, or the estimate is lost.

The scoring rules are not copied: `score.py` is loaded from the shared directory beside the repo
(CI clones the repo with a copy of `shared/` next to it); without it these tests fail, they never skip.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
from collections import Counter
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from api.cli import main as cli_main
from tests.quality_report import breakdown, entity_breakdown, render, render_entities

REPO = Path(__file__).resolve().parents[1]
SHARED_EVAL = REPO.parent / "shared" / "eval"
SCORER = SHARED_EVAL / "score.py"
OWN = REPO / "tests" / "data"
HELDOUT = OWN / "heldout"
BLIND = OWN / "blind"
BLIND2 = OWN / "blind2"
BLIND3 = OWN / "blind3"
DEV3 = OWN / "dev3"
BLIND4 = OWN / "blind4"
DEV4 = OWN / "dev4"
BLIND5 = OWN / "blind5"
GENRES = OWN / "genres.yaml"

# Floors: the bar on dev; on the own corpus a little under what the extractor of 2026-11-30
# (commit 238e850) measured, so a regression fails while small rule changes do not. Raise them when the
# extractor improves; never lower them silently. Measured then, with score.py:
#   own: typed-entity F1 0.961 (P 0.971, R 0.951); relations F1 0.907, P 0.994, R 0.834; 0 over-merged
#   dev: typed-entity F1 1.000; relations F1 1.000, P 1.000, R 1.000; 0 over-merged
# The own articles were visible to the extractor's authors while they worked, so these figures are an
# upper estimate for truly unseen text.
FLOORS: dict[str, dict[str, float]] = {
    "dev": {"entity_f1": 0.90, "relation_f1": 0.85, "relation_precision": 0.90},  # the bar of issue #3
    "own": {"entity_f1": 0.98, "relation_f1": 0.94, "relation_precision": 0.96},
    # held-out: never tuned on; a little under the last measurement (figures below)
    "heldout": {"entity_f1": 0.94, "relation_f1": 0.84, "relation_precision": 0.95},
    # real texts beyond Iraq (shared dev2) and a second blind set written apart from the rules
    "dev2": {"entity_f1": 0.97, "relation_f1": 0.92, "relation_precision": 0.98},
    "blind": {"entity_f1": 0.87, "relation_f1": 0.67, "relation_precision": 0.84},
    "blind2": {"entity_f1": 0.88, "relation_f1": 0.57, "relation_precision": 0.79},
    "blind3": {"entity_f1": 0.83, "relation_f1": 0.49, "relation_precision": 0.83},
    # a development set written apart from the rules and then read, and a fourth blind set (2026-12-07 22:09)
    "dev3": {"entity_f1": 0.90, "relation_f1": 0.78, "relation_precision": 0.94},
    "blind4": {"entity_f1": 0.85, "relation_f1": 0.52, "relation_precision": 0.78},
    "dev4": {"entity_f1": 0.88, "relation_f1": 0.77, "relation_precision": 0.88},
    # a fifth blind set, written 2026-12-08 00:45 by a helper who never saw the rules
    "blind5": {"entity_f1": 0.84, "relation_f1": 0.53, "relation_precision": 0.87},
}
# Measured 2026-12-07 14:20 UTC, with score.py (typed-entity F1; relations F1, P, R):
#   own      0.984; 0.906, P 0.977, R 0.845        heldout 0.926; 0.668, P 0.949, R 0.515
#   dev2     0.930; 0.838, P 0.983, R 0.730        blind   0.853; 0.596, P 0.848, R 0.459
#   dev + dev2 together: typed-entity F1 0.943; relations F1 0.867 at P 0.987 (R 0.774);
#   split 5, over-merged 0
# Measured 2026-12-07 17:05 UTC:
#   own      0.988; 0.915, P 0.983, R 0.856        heldout 0.927; 0.676, P 0.950, R 0.525
#   dev2     0.965; 0.869, P 0.992, R 0.773        blind   0.859; 0.623, P 0.856, R 0.489
#   blind2   0.869; 0.529, P 0.783, R 0.400 (0.862; 0.524, P 0.792, R 0.392 with the extractor of 15:20,
#            before any of that session's extraction work, which never saw blind2)
#   dev + dev2 together: typed-entity F1 0.972; relations F1 0.892 at P 0.994 (R 0.810); split 0,
#   over-merged 0
#   blind3   0.798; 0.405, P 0.811, R 0.270; split 17, over-merged 1 (written 2026-12-07 18:39 by a helper
#            who never saw the rules; scored with the extractor of 46cc855, before any work that session)
# Measured 2026-12-07 20:00 UTC (commit aaa0bea):
#   own      0.988; 0.936, P 0.989, R 0.888        heldout 0.952; 0.817, P 0.975, R 0.703
#   dev2     0.968; 0.904, P 0.993, R 0.830        blind   0.868; 0.649, P 0.847, R 0.526
#   blind2   0.876; 0.547, P 0.797, R 0.417        blind3  0.809; 0.443, P 0.814, R 0.304
#   dev + dev2 together: typed-entity F1 0.974; relations F1 0.921 at P 0.994 (R 0.857); split 0,
#   over-merged 0
# Measured 2026-12-07 23:40 UTC (commit 657c0b2); dev3 and blind4 first scored with the extractor of
# 60160a2 (before any of that session's work): dev3 0.857; 0.519, P 0.835, R 0.377 (split 14, over-merged 1);
# blind4 0.843; 0.436, P 0.717, R 0.313 (split 20, over-merged 2):
#   own      0.988; 0.936, P 0.989, R 0.888        heldout 0.952; 0.817, P 0.975, R 0.703
#   dev2     0.968; 0.904, P 0.993, R 0.830        blind   0.870; 0.652, P 0.852, R 0.529
#   blind2   0.878; 0.547, P 0.797, R 0.417        blind3  0.810; 0.443, P 0.819, R 0.304
#   dev3     0.871; 0.537, P 0.857, R 0.391        blind4  0.848; 0.437, P 0.721, R 0.313
# Measured 2026-12-07 23:40 UTC (commit 2f4ce5b; dev4, a second development set, first scored at 22:45
# with the extractor of 50ac75a: 0.850; 0.569, P 0.824, R 0.435):
#   own      0.988; 0.941, P 0.974, R 0.909        heldout 0.955; 0.819, P 0.963, R 0.713
#   dev2     0.973; 0.925, P 0.993, R 0.865        blind   0.886; 0.666, P 0.858, R 0.544
#   blind2   0.898; 0.569, P 0.810, R 0.439        blind3  0.839; 0.469, P 0.834, R 0.326
#   dev3     0.892; 0.664, P 0.898, R 0.527        blind4  0.858; 0.487, P 0.756, R 0.359
#   dev4     0.869; 0.668, P 0.857, R 0.547
# Measured 2026-12-08 01:58 UTC (commit f4393ae; blind5 first scored at 01:05 with the extractor of
# b3e44fa, before any of that session's work: 0.840; 0.487, P 0.822, R 0.346, split 17, over-merged 2):
#   own      0.988; 0.956, P 0.971, R 0.941        heldout 0.955; 0.852, P 0.966, R 0.762
#   dev2     0.976; 0.933, P 0.993, R 0.879        blind   0.887; 0.682, P 0.859, R 0.565
#   blind2   0.896; 0.583, P 0.805, R 0.457        blind3  0.844; 0.501, P 0.849, R 0.355
#   dev3     0.916; 0.797, P 0.952, R 0.686        blind4  0.864; 0.531, P 0.799, R 0.398
#   dev4     0.892; 0.787, P 0.898, R 0.701        blind5  0.851; 0.544, P 0.884, R 0.393
#   dev + dev2 together: typed-entity F1 0.978; relations F1 0.938 at P 0.994 (R 0.887); split 0,
#   over-merged 0
# The blind sets (tests/data/blind, blind2, blind3, blind4, blind5) were written by helpers who never saw the
# rules, and nobody tuning the extractor reads them: their figures are the honest estimate for unseen text.
SCORED = ["dev", "dev2", "own", "heldout", "blind", "blind2", "blind3", "dev3", "blind4", "dev4", "blind5"]
# blind2 and blind3 came with 2 and 1 over-merged ids on their first scoring (2026-12-07; blind2 down to 1
# by 20:00); they stay unread, so those stay unfixed here, but the counts may not grow.
OVER_MERGED_CEILING = {"blind2": 1, "blind3": 1, "dev3": 1, "blind4": 2, "blind5": 2}
# Held-out corpus, scored with score.py. First run (2026-11-30 08:36 UTC, commit 70c7010, first gold draft):
#   typed-entity F1 0.851 (P 0.866, R 0.837); relations F1 0.439, P 0.842, R 0.297; 7 split, 0 over-merged.
# Last run before the corpus entered the repo (2026-11-30 08:59 UTC, commit 9d5736d):
#   typed-entity F1 0.879 (P 0.901, R 0.858); relations F1 0.498, P 0.884, R 0.347; 5 split, 0 over-merged.
# Relation recall is the weak spot (varied phrasings, anaphoric subjects, entities outside the KB).

# Predicates of which the extractor finds no required gold instance in the own corpus. The coverage test
# asserts this exact set, so it fails both when a predicate is lost and when one is gained without
# updating the list. On 2026-11-30 every one of the 18 had at least one instance found.
KNOWN_UNCOVERED: frozenset[str] = frozenset()


@cache
def load_scorer(path: Path = SCORER) -> ModuleType:
    """The shared `score.py`, imported from its file; a clear failure when it is not beside the repo."""
    if not path.is_file():
        pytest.fail(f"the shared scorer is missing: expected {path} (a copy of shared/ must sit beside "
                    f"the repository, as in CI)", pytrace=False)
    spec = importlib.util.spec_from_file_location("actorgraph_shared_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus(name: str) -> tuple[Path, list[Path]]:
    """Gold file and article files of a corpus."""
    root = {"dev": SHARED_EVAL / "dev", "dev2": SHARED_EVAL / "dev2", "own": OWN, "heldout": HELDOUT,
            "blind": BLIND, "blind2": BLIND2, "blind3": BLIND3, "dev3": DEV3, "blind4": BLIND4,
            "dev4": DEV4, "blind5": BLIND5}[name]
    if not root.is_dir():
        pytest.fail(f"corpus {name!r} is missing: expected {root}", pytrace=False)
    return root / "gold.jsonl", sorted((root / "articles").glob("*.txt"))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Records of a JSON Lines file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@cache
def extract_jsonl(paths: tuple[str, ...]) -> tuple[int, str]:
    """Exit status and stdout of `actorgraph extract PATHS --format jsonl` (run once per corpus)."""
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            status = cli_main(["extract", *paths, "--format", "jsonl"])
    except SystemExit as exc:  # argparse: no such subcommand or option
        pytest.fail(f"`actorgraph extract --format jsonl` is not available (exit {exc.code})",
                    pytrace=False)
    return status, out.getvalue()


@cache
def scored(name: str) -> tuple[dict[str, Any], tuple[tuple[Any, ...], ...], tuple[tuple[Any, ...], ...]]:
    """The scorer's report, misses and extras for a corpus."""
    scorer = load_scorer()
    gold_path, articles = corpus(name)
    status, stdout = extract_jsonl(tuple(str(p) for p in articles))
    assert status == 0, f"actorgraph extract exited with {status}"
    predicted = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    report, misses, extras = scorer.score(scorer.load_jsonl(gold_path), predicted)
    return report, tuple(misses), tuple(extras)


def describe(name: str) -> str:
    """The misses and extras of a development corpus, for assertion messages; for a blind set only its
    counts (its texts and gold stay unread by whoever develops the rules)."""
    _, misses, extras = scored(name)
    if name.startswith("blind"):
        return f"{name}: {len(misses)} misses, {len(extras)} extras (blind set: no details shown)"
    lines = [f"MISS {' | '.join(map(str, m))}" for m in misses]
    lines += [f"EXTRA {' | '.join(map(str, x))}" for x in extras]
    return "\n".join(lines)


# --- the gold data itself (no model needed) ----------------------------------------------------------

@pytest.mark.parametrize("name", ["own", "heldout", "blind", "blind2", "blind3", "dev3", "blind4", "dev4",
                                  "blind5"])
def test_own_gold_is_well_formed(name: str) -> None:
    """Every relation joins annotated entities with vocabulary predicates and types; every article is gold."""
    scorer = load_scorer()
    gold_path, articles = corpus(name)
    records = read_jsonl(gold_path)
    assert sorted(r["article"] for r in records) == [p.name for p in articles]
    for rec in records:
        names = {e["name"] for e in rec["entities"]}
        assert {e["type"] for e in rec["entities"]} <= scorer.TYPES, rec["article"]
        for rel in rec["relations"]:
            assert rel["predicate"] in scorer.PREDICATES, (rec["article"], rel)
            ends = {rel["subject"], rel["object"], *rel.get("object_any", [])}
            assert ends <= names, (rec["article"], rel, ends - names)
            if rel["predicate"] == "WON_SEATS" and (rel.get("required", True) or "attrs" in rel):
                assert isinstance(rel["attrs"]["seats"], int), (rec["article"], rel)


def test_own_gold_has_two_instances_of_every_predicate() -> None:
    """The own corpus exercises each of the 18 predicates at least twice (required instances)."""
    scorer = load_scorer()
    gold_path, _ = corpus("own")
    counts = Counter(rel["predicate"] for rec in read_jsonl(gold_path)
                     for rel in rec["relations"] if rel.get("required", True))
    assert {p for p in scorer.PREDICATES if counts[p] < 2} == set()


@pytest.mark.parametrize("name", ["own", "heldout"])
def test_own_articles_carry_the_header(name: str) -> None:
    """Each article starts with title, published, source and id lines followed by a blank line."""
    _, articles = corpus(name)
    for path in articles:
        head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        keys = [line.split(":", 1)[0] for line in head.splitlines()]
        assert keys == ["title", "published", "source", "id"], path.name
        assert 120 <= len(body.split()) <= 350, path.name


def test_missing_scorer_fails_clearly(tmp_path: Path) -> None:
    """Without the shared scorer the quality tests fail (never skip), naming the missing file."""
    with pytest.raises(pytest.fail.Exception, match="shared scorer is missing"):
        load_scorer(tmp_path / "score.py")


# --- the extractor, scored -----------------------------------------------------------------------------

@pytest.mark.model
@pytest.mark.parametrize("name", SCORED)
def test_every_article_is_extracted(name: str) -> None:
    """One output record per gold article, paired by file name."""
    report, _, _ = scored(name)
    assert report["missing_articles"] == []


@pytest.mark.model
@pytest.mark.parametrize("name", SCORED)
def test_typed_entity_f1(name: str) -> None:
    """Entities found with the right type, above the floor."""
    report, _, _ = scored(name)
    assert report["entities_typed"]["f1"] >= FLOORS[name]["entity_f1"], describe(name)


@pytest.mark.model
@pytest.mark.parametrize("name", SCORED)
def test_relation_f1_and_precision(name: str) -> None:
    """Relations found (recall over required gold) and correct (precision), above the floors."""
    report, _, _ = scored(name)
    rel = report["relations"]
    assert rel["precision"] >= FLOORS[name]["relation_precision"], describe(name)
    assert rel["f1"] >= FLOORS[name]["relation_f1"], describe(name)


@pytest.mark.model
@pytest.mark.parametrize("name", SCORED)
def test_no_over_merged_ids(name: str) -> None:
    """No predicted id stands for two different gold entities (blind2, blind3: no more than at first)."""
    report, _, _ = scored(name)
    assert len(report["resolution"]["ids_merging_several_gold_entities"]) <= OVER_MERGED_CEILING.get(name, 0)


@pytest.mark.model
def test_predicate_coverage() -> None:
    """Each predicate has a required gold instance found, except exactly the known uncovered ones."""
    scorer = load_scorer()
    gold_path, _ = corpus("own")
    required = Counter(rel["predicate"] for rec in read_jsonl(gold_path)
                       for rel in rec["relations"] if rel.get("required", True))
    _, misses, _ = scored("own")
    missed = Counter(m[3] for m in misses if m[1] == "relation")
    uncovered = {p for p in scorer.PREDICATES if missed[p] >= required[p]}
    assert uncovered == set(KNOWN_UNCOVERED), (
        f"now uncovered: {sorted(uncovered - KNOWN_UNCOVERED)}; "
        f"now covered (update KNOWN_UNCOVERED): {sorted(KNOWN_UNCOVERED - uncovered)}")


@pytest.mark.model
def test_per_predicate_and_genre_report() -> None:
    """Precision and recall per entity type, predicate and genre, printed for every scored corpus (the
    weakest type, rule family and genre at a glance, entity errors by cause); every gold predicate and genre
    has a row."""
    scorer = load_scorer()
    genres = {name: dict(table) for name, table in yaml.safe_load(GENRES.read_text(encoding="utf-8")).items()}
    lines = []
    for name in SCORED:
        gold_path, articles = corpus(name)
        gold = scorer.load_jsonl(gold_path)
        assert {rec["article"] for rec in gold} <= set(genres[name]), f"{name}: articles without a genre"
        _, stdout = extract_jsonl(tuple(str(p) for p in articles))
        predicted = [json.loads(line) for line in stdout.splitlines() if line.strip()]
        _, misses, extras = scored(name)
        tallies = breakdown(gold, predicted, misses, extras, genres[name], frozenset(scorer.PREDICATES))
        required = {rel["predicate"] for rec in gold for rel in rec["relations"] if rel.get("required", True)}
        assert required <= {row[0] for row in tallies["predicate"].rows()}
        entities = entity_breakdown(scorer, gold, predicted)
        assert sum(entities.correct.values()) <= sum(entities.predicted.values())
        lines += [render_entities(f"{name}: typed entities by type", entities),
                  render(f"{name}: relations by predicate", tallies["predicate"]),
                  render(f"{name}: relations by genre", tallies["genre"])]
    print("\n" + "\n".join(lines))
