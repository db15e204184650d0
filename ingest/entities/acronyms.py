"""An acronym the article defines is a name wherever it recurs: "the National Liberation Army (ELN) ...
the ELN said".

The small model tags a bare acronym only now and then. Once a name is followed by its acronym
in brackets, every later standalone use of those letters the model left untagged is a mention of
the same kind of actor (clustering then joins it to the name, `ingest.entities.cluster`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

_MIN, _MAX = 2, 8


def defined_names(ents: list[Span]) -> dict[str, Span]:
    """Letters -> the name they abbreviate, for each "Name (ACR)" in the article."""
    out: dict[str, Span] = {}
    for ent in ents:
        doc = ent.doc
        if len(ent) < 2 or ent.end + 2 >= len(doc) or doc[ent.end].text != "(" \
                or doc[ent.end + 2].text != ")":
            continue
        text = doc[ent.end + 1].text
        if text.isupper() and _MIN <= len(text) <= _MAX and text.isalpha():
            out.setdefault(text, ent)
    return out


def defined_acronyms(doc: Doc, ents: list[Span]) -> list[Span]:
    """`ents` plus a span for every untagged later use of an acronym the article defined."""
    defined = defined_names(ents)
    if not defined:
        return ents
    taken = {i for e in ents for i in range(e.start, e.end)}
    added = []
    for token in doc:
        name = defined.get(token.text)
        if name is None or token.i in taken or token.i < name.end:
            continue
        if token.i > 0 and doc[token.i - 1].text == "(":
            continue  # the definition itself, or another name's brackets
        added.append(Span(doc, token.i, token.i + 1, label=name.label_, kb_id=name.kb_id_))
    return sorted([*ents, *added], key=lambda e: e.start) if added else ents
