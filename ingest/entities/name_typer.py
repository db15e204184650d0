"""A small trained typer for names nothing else typed: the model's ORG label is only a fallback.

When no knowledge-base entry, head noun, cue word or context says a type, the small
model's ORG label made the name an Organization (`Basis.FALLBACK`), and that fallback
was the largest type loss on real text: towns, parties, ministries and people all
ended as Organization. The name's own letters often know better ("-abad", "-ville",
"al-", "Tatmadaw"). This is a logistic regression over hashed character n-grams and
words of the name, trained by `python -m ingest.entities.build_name_typer` (scikit-learn,
build time only) on the knowledge base, given names, gazetteers and hand-written
non-actors; here it is only a sparse dot product in numpy, loaded once per process.
It overrides a fallback only when it is confident, and records `Basis.MODEL`.
"""

from __future__ import annotations

import zlib
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.tokens import Span

from graph.model import EntityType
from ingest.entities.type_basis import Basis

DIM = 1 << 16  # hashed feature space; the weights ship as float16 (~1 MB)
NONE = "none"  # not an actor: an ideology, law, war, label or generic noun
MODEL_FILE = "name_typer.npz"
THRESHOLD = 0.8  # an ORG fallback is overridden only above this probability
LABEL_THRESHOLD = 0.97  # a PERSON or place label yields to another actor type only above this


def features(name: str) -> list[int]:
    """Hashed indices of the name's character 2-5-grams within words, its words and its shape."""
    words = name.lower().replace("’", "'").split()
    if not words:
        return []
    grams = [f"w:{w}" for w in words]
    for word in words:
        padded = f" {word} "
        grams += [padded[i:i + n] for n in range(2, 6) for i in range(len(padded) - n + 1)]
    grams += [f"first:{words[0]}", f"last:{words[-1]}", f"len:{min(len(words), 5)}"]
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        grams.append("shape:caps")
    if "-" in name:
        grams.append("shape:hyphen")
    return sorted({zlib.crc32(g.encode()) % DIM for g in grams})


class NameTyper:
    """Class probabilities of a name from packaged weights (classes x DIM, float16)."""

    def __init__(self, classes: list[str], coef: np.ndarray, intercept: np.ndarray) -> None:
        self.classes = classes
        self.coef = coef.astype(np.float32)
        self.intercept = intercept.astype(np.float32)

    def probabilities(self, name: str) -> dict[str, float]:
        """Softmax over the classes for this name."""
        scores = self.coef[:, features(name)].sum(axis=1) + self.intercept
        scores = np.exp(scores - scores.max())
        return dict(zip(self.classes, (scores / scores.sum()).tolist(), strict=True))

    def best(self, name: str) -> tuple[str, float]:
        """The likeliest class and its probability."""
        probs = self.probabilities(name)
        label = max(probs, key=probs.__getitem__)
        return label, probs[label]


@lru_cache(maxsize=1)
def name_typer() -> NameTyper | None:
    """The packaged typer, loaded once per process; None when the weights were never built."""
    path = resources.files("ingest.entities.data") / MODEL_FILE
    if not path.is_file():
        return None
    with path.open("rb") as handle, np.load(handle) as data:
        return NameTyper([str(c) for c in data["classes"]], data["coef"], data["intercept"])


def model_type(span: Span, decided: tuple[str, str, Basis]) -> tuple[str, str, Basis] | None:
    """The rules' decision, unless the typer is confident of another: an ORG fallback becomes its class
    (None when it is sure the name is no actor); the model's PERSON or place label yields only to a
    near-certain other actor type (a town the model called PERSON, a party it called a person)."""
    typer = name_typer()
    if typer is None or decided[2] not in (Basis.FALLBACK, Basis.LABEL):
        return decided
    label, prob = typer.best(span.text)
    if label == decided[0]:
        return decided
    if decided[2] is Basis.LABEL:
        relabel = prob >= LABEL_THRESHOLD and label not in (NONE, EntityType.ORGANIZATION.value)
        return (label, "", Basis.MODEL) if relabel else decided
    if prob < THRESHOLD:
        return decided
    return None if label == NONE else (label, "", Basis.MODEL)
