"""How strongly the text says a name's type, so one type per unknown actor can be chosen across articles.

The knowledge base is certain; a name's own head noun, an apposition or a gazetteer
say the type in words; a title, first name or a role noun around the name says it
by context; the model's PERSON or place label is weaker, and its ORG label is the
fallback nothing else confirmed. Each typed span's basis is kept on the doc, and an
unknown entity carries the strongest basis of its spans (`TYPE_BASIS` attribute) until
batch resolution has used it.
"""

from __future__ import annotations

from enum import IntEnum

from spacy.tokens import Doc, Span

BASES = "ag_type_basis"  # doc.user_data key: {(start, end): Basis}
TYPE_BASIS = "type_basis"  # Entity.attrs key, dropped once clusters are folded


class Basis(IntEnum):
    """The evidence behind a type, weakest first."""

    FALLBACK = 0  # the model's ORG label: Organization because nothing better said a type
    MODEL = 1  # the trained name typer (ingest.entities.name_typer) overruled that fallback
    LABEL = 2  # the model's PERSON or place label
    CONTEXT = 3  # a title or first-name shape, a role noun or verb around the name
    WORDS = 4  # the name's head noun, an apposition, a gazetteer or country list
    KB = 5  # the knowledge base


_DEFAULT = {"Organization": Basis.FALLBACK, "Person": Basis.LABEL, "Location": Basis.LABEL}


def record(doc: Doc, start: int, end: int, basis: Basis) -> None:
    """Remember what typed the span [start, end) (the last decision wins)."""
    doc.user_data.setdefault(BASES, {})[(start, end)] = basis


def basis_of(span: Span) -> Basis:
    """The basis recorded for a span; unrecorded spans by their label (a typed actor label is a cue's)."""
    if span.kb_id_:
        return Basis.KB
    found = span.doc.user_data.get(BASES, {}).get((span.start, span.end))
    return found if found is not None else _DEFAULT.get(span.label_, Basis.WORDS)
