"""The entity ruler's patterns: every surface form as a tuple of token hashes, cached for large KBs.

`PhraseMatcher.add` takes a pattern either as a `Doc` or as the token attribute
hashes the Doc would give (`ORTH` for case-sensitive forms, `LOWER` for the rest),
so the patterns are computed once (tokenising every form with the model's own
tokenizer) and a knowledge base of 100,000 FtM entities, some 400,000 forms,
needs no tokenising at all on the next start: its patterns come from the cache
folder (`ingest.kb_cache`), keyed by the forms themselves, the model and spaCy's
version. Small knowledge bases (the packaged one) are computed directly.
"""

from __future__ import annotations

import hashlib
from collections.abc import Container, Sequence
from pathlib import Path
from typing import Any

import spacy

from ingest import kb_cache
from ingest.kb import KnowledgeBase, SurfaceForm

Pattern = tuple[str, bool, tuple[int, ...]]  # actor id, exact (ORTH) or folded (LOWER), token hashes
CACHED_FROM = 20_000  # forms; below this, tokenising is faster than reading a file
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
