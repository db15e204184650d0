"""The entity ruler's patterns and matcher: surface forms as tuples of token hashes, in one dict.

`PhraseMatcher.add` takes a pattern either as a `Doc` or as the token attribute
hashes the Doc would give (`ORTH` for case-sensitive forms, `LOWER` for the rest),
so the patterns are computed once (tokenising every form with the model's own
tokenizer) and a knowledge base of 100,000 FtM entities, some 400,000 forms,
needs no tokenising at all on the next start: its patterns come from the cache
folder (`ingest.kb.cache`), keyed by the forms themselves, the model and spaCy's
version. Smaller knowledge bases (the packaged one) are computed directly.

`HashMatcher` does for these patterns what spaCy's `PhraseMatcher` does (same
calls, same matches in the same order) from one dict keyed by the hash tuple:
measured with 377k patterns it adds ~45 MB to the process where the PhraseMatcher
added ~380 MB, and is filled in ~1 s of CPU instead of ~9 s (both on a busy
machine), at a few milliseconds per article (candidates are looked up only where
a pattern's first token occurs).
"""

from __future__ import annotations

import hashlib
from collections.abc import Container, Iterable, Sequence
from pathlib import Path
from typing import Any

import spacy
from spacy.attrs import IDS

from ingest.kb import KnowledgeBase, SurfaceForm
from ingest.kb import cache as kb_cache

Pattern = tuple[str, bool, tuple[int, ...]]  # actor id, exact (ORTH) or folded (LOWER), token hashes
CACHED_FROM = 100_000  # forms: FtM-sized knowledge bases only; the packaged one (~25k) tokenises in ~1 s
_FOLDER = "ruler"


def ruler_patterns(nlp: Any, kb: KnowledgeBase, skip: Container[str], *, cache_dir: Path | None = None,
                   cached_from: int = CACHED_FROM) -> list[Pattern]:
    """The matcher patterns of every form of `kb` whose lower-cased text is not in `skip`."""
    forms = [f for f in kb.forms() if f.text.lower() not in skip]
    if len(forms) < cached_from:
        return compute(nlp, forms)
    key = _key(nlp, forms)
    directory = kb_cache.cache_dir() if cache_dir is None else cache_dir
    patterns = kb_cache.read(directory, key, list, folder=_FOLDER)
    if patterns is None:
        patterns = compute(nlp, forms)
        kb_cache.write(directory, key, patterns, folder=_FOLDER)
    return patterns


def compute(nlp: Any, forms: Sequence[SurfaceForm]) -> list[Pattern]:
    """Tokenise each form; one-token forms with a capital, and case-sensitive forms, match exactly."""
    out: list[Pattern] = []
    with kb_cache.paused_gc():
        for form, doc in zip(forms, nlp.tokenizer.pipe(f.text for f in forms), strict=True):
            exact = form.case_sensitive or (len(doc) == 1 and not form.text.islower())
            out.append((form.actor.id, exact, tuple(t.orth if exact else t.lower for t in doc)))
    return out


def _key(nlp: Any, forms: Sequence[SurfaceForm]) -> str:
    digest = hashlib.sha256(Path(__file__).read_bytes())  # this code decides what a pattern is
    digest.update(f"{spacy.about.__version__}|{nlp.meta.get('name')}|{nlp.meta.get('version')}".encode())
    digest.update("\x1e".join(f"{f.actor.id}\x1f{f.text}\x1f{f.case_sensitive:d}" for f in forms).encode())
    return digest.hexdigest()[:32]


class HashMatcher:
    """`PhraseMatcher(vocab, attr)` for token-hash patterns: `add(key, patterns)`, `matcher(doc)`."""

    def __init__(self, vocab: Any, attr: str) -> None:
        self.vocab = vocab
        self.attr = IDS[attr]  # ORTH or LOWER
        self._table: dict[tuple[int, ...], tuple[int, ...]] = {}
        self._sizes: dict[int, list[int]] = {}  # first token hash -> sorted pattern lengths

    def __len__(self) -> int:
        return len(self._table)

    def add(self, key: str, patterns: Iterable[Sequence[int]]) -> None:
        """Match each pattern (a sequence of the attribute's hashes) under `key`."""
        match_id = self.vocab.strings.add(key)
        for pattern in patterns:
            pattern = tuple(pattern)
            if not pattern:
                continue
            known = self._table.get(pattern, ())
            if match_id not in known:
                self._table[pattern] = (*known, match_id)
            sizes = self._sizes.setdefault(pattern[0], [])
            if len(pattern) not in sizes:
                sizes.append(len(pattern))
                sizes.sort()

    def __call__(self, doc: Any) -> list[tuple[int, int, int]]:
        """(match id, start, end) of every pattern occurrence, by start then end."""
        hashes = doc.to_array([self.attr]).tolist() if len(doc) else []  # a list: ~30x faster than an int
        out: list[tuple[int, int, int]] = []
        for start, first in enumerate(hashes):
            for size in self._sizes.get(first, ()):
                end = start + size
                if end > len(hashes):
                    break
                for match_id in self._table.get(tuple(hashes[start:end]), ()):
                    out.append((match_id, start, end))
        return out
