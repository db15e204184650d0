"""Knowledge-base entities pass the statistical NER under one label it knows, and get theirs back after.

The NER keeps preset entities, but it needs a move (B-, I-, L-, U-) for each preset label:
meeting our labels ("ArmedGroup", "Country", ...) it adds 4 moves per label to its model
for good, and every later step scores and validates ~30% more moves (measured: the NER took
1.32 s instead of 1.10 s on the benchmark corpus). The labels play no other part in its
decisions (a preset token allows only its own move, whatever the label), so the knowledge-base
component stashes the labels in the doc and presets its spans as one label the NER already
has (`Stash`, the component right before the NER); `restore` (the one right after it) puts
the labels back on the same spans.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

_STASH = "ag_preset_labels"  # doc.user_data key: {(start, end): label} of the preset spans
_SURROGATES = ("ORG", "PERSON", "GPE")  # any label the model's NER has; the first one it has


def surrogate_label(nlp: Language) -> str | None:
    """A label the pipeline's NER already has moves for, or None (no NER: nothing to pass)."""
    if "ner" not in nlp.pipe_names:
        return None
    labels = set(nlp.get_pipe("ner").labels)
    return next((label for label in _SURROGATES if label in labels), None)


class Stash:
    """Pipeline component between the knowledge-base ruler and the NER: its spans under `surrogate`."""

    def __init__(self, surrogate: str | None) -> None:
        self.surrogate = surrogate

    def __call__(self, doc: Doc) -> Doc:
        if self.surrogate is None or not doc.ents:
            return doc
        spans = doc.ents
        doc.user_data[_STASH] = {(s.start, s.end): s.label_ for s in spans}
        doc.set_ents([Span(doc, s.start, s.end, label=self.surrogate, kb_id=s.kb_id, span_id=s.id)
                      for s in spans], default="unmodified")
        return doc


def restore(doc: Doc) -> Doc:
    """The stashed labels back on their spans (the NER keeps preset spans exactly)."""
    stash = doc.user_data.pop(_STASH, None)
    if not stash:
        return doc
    ents = [Span(doc, e.start, e.end, label=stash[(e.start, e.end)], kb_id=e.kb_id, span_id=e.id)
            if (e.start, e.end) in stash else e for e in doc.ents]
    doc.set_ents(ents, default="unmodified")
    return doc


@Language.factory("actorgraph_preset_stash_v1")
def make_stash(nlp: Language, name: str) -> Stash:
    """Factory: the preset entities under a label of the pipeline's NER, right before it."""
    return Stash(surrogate_label(nlp))


@Language.factory("actorgraph_preset_labels_v1")
def make_restore(nlp: Language, name: str) -> object:
    """Factory: the knowledge-base labels back on their entities, right after the NER."""
    return restore
